import { appendFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, setUpShop, snapshot, type Client } from './harness';
import { addData, backUpInto, startBackupApp, workDirs } from './backupHelpers';

/**
 * The manager's restore is inspect (verify, show the date and counts), confirm, restore: the restore
 * swaps in the files the inspection verified instead of verifying the archive a second time, but
 * only while the archive and those files are as they were (issue 18).
 */
let app: ReturnType<typeof startBackupApp>;
let admin: Client;
let points: string[];
/** Called at each point too, to look at the disk there. */
let atPoint: (point: string) => void;

beforeEach(async () => {
  points = [];
  atPoint = () => undefined;
  app = startBackupApp({
    backupCheckpoint: (point) => {
      points.push(point);
      atPoint(point);
    },
  });
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  await backUpInto(admin, app.backupDir);
});
afterEach(() => app.cleanup());

const verifications = () => points.filter((p) => p.startsWith('verify:')).length;

const customers = () =>
  app.core.database.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;

/** A backup of three customers, then three more added: a restore brings back three. */
async function backupOfThree(tag = 'A'): Promise<{ file: string }> {
  await addData(admin, tag);
  const run = await admin.ok('backup.now', {});
  await addData(admin, `${tag}2`);
  return { file: run.file ?? '' };
}

describe('a restore after an inspection', () => {
  it('swaps in the files the inspection verified, without reading or checking the archive again', async () => {
    const { file } = await backupOfThree();
    const { manifest } = await admin.ok('backup.inspect', { file });
    expect(verifications()).toBeGreaterThan(3);
    expect(points.at(-1)).toBe('inspect:kept');
    expect(workDirs(app)).toHaveLength(1);

    points = [];
    const result = await admin.ok('backup.restore', { file, expectCreatedAt: manifest.createdAt });
    expect(verifications()).toBe(0);
    expect(points).toContain('swap:renamed');
    expect(result.restoredFrom.manifest.rowCounts.customers).toBe(3);
    expect(customers()).toBe(3);
    expect(workDirs(app)).toEqual([]);
    expect(app.logs.some((l) => l.includes('verified at inspection'))).toBe(true);
    // A second restore of the same file has nothing kept: it verifies again.
    const again = app.connect();
    await again.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    points = [];
    await again.ok('backup.restore', { file, expectCreatedAt: manifest.createdAt });
    expect(verifications()).toBeGreaterThan(3);
  });

  it('verifies again when the archive was replaced since, and refuses a file other than the one confirmed', async () => {
    const { file } = await backupOfThree();
    const { manifest } = await admin.ok('backup.inspect', { file });
    app.clock.advance(60_000);
    const other = await admin.ok('backup.now', {});
    copyFileSync(other.file ?? '', file);
    const before = snapshot(app.core);

    points = [];
    const refused = await admin.call('backup.restore', { file, expectCreatedAt: manifest.createdAt });
    expect(refused.ok || refused.error).toMatchObject({ code: 'CONFLICT', reason: 'backupNotConfirmed' });
    expect(verifications()).toBeGreaterThan(3);
    expect(snapshot(app.core)).toBe(before);
    expect(workDirs(app)).toEqual([]);
  });

  it('verifies again when the kept database was written to since', async () => {
    const { file } = await backupOfThree();
    const { manifest } = await admin.ok('backup.inspect', { file });
    const [kept] = workDirs(app);
    appendFileSync(join(app.core.dataDir, 'backup-work', kept ?? '', 'after-sales.db'), Buffer.alloc(4096));

    points = [];
    await admin.ok('backup.restore', { file, expectCreatedAt: manifest.createdAt });
    expect(verifications()).toBeGreaterThan(3);
    expect(customers()).toBe(3);
    expect(workDirs(app)).toEqual([]);
  });

  it('keeps one inspection at a time: another file inspected since is verified on its own', async () => {
    const first = await backupOfThree('A');
    const { manifest } = await admin.ok('backup.inspect', { file: first.file });
    const second = await admin.ok('backup.now', {});
    // The first inspection's files are gone before the second extracts its own.
    const whileExtracted: number[] = [];
    atPoint = (point) => {
      if (point === 'verify:45') whileExtracted.push(workDirs(app).length);
    };
    await admin.ok('backup.inspect', { file: second.file ?? '' });
    expect(whileExtracted).toEqual([1]);
    expect(workDirs(app)).toHaveLength(1);

    points = [];
    await admin.ok('backup.restore', { file: first.file, expectCreatedAt: manifest.createdAt });
    expect(verifications()).toBeGreaterThan(3);
    expect(customers()).toBe(3);
    expect(workDirs(app)).toEqual([]);
  });

  it('is not kept past closing the app', async () => {
    const { file } = await backupOfThree();
    await admin.ok('backup.inspect', { file });
    expect(workDirs(app)).toHaveLength(1);
    app.core.close();
    expect(workDirs(app)).toEqual([]);
    app.reopen();
  });
});
