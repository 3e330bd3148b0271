import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extract } from 'tar';
import { ADMIN, setUpShop, tempDir, type Client } from './harness';
import { addData, backUpInto, breakIndex, repack, startBackupApp, workDirs } from './backupHelpers';

/**
 * Restore drills: after a backup, the scheduler reads its archive back and checks it in full as a
 * restore would. A backup that fails its drill shows as failed; a restore of a drilled archive (the
 * same manifest, checked by the same SQLite) reads it without running the checks again (issue 18).
 */
let app: ReturnType<typeof startBackupApp>;
let admin: Client;

beforeEach(async () => {
  app = startBackupApp();
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  await backUpInto(admin, app.backupDir);
});
afterEach(() => app.cleanup());

const customers = () =>
  app.core.database.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number;
const newest = async () => (await admin.ok('backup.history', {}))[0];
/** The log lines of restores and inspections that ran the database checks, and of those that did not. */
const checked = () => app.logs.filter((line) => /^restore from .*checks \d+ms/.test(line)).length;
const proven = () => app.logs.filter((line) => line.includes('proven by its drill')).length;

async function manifestSha256(file: string): Promise<string> {
  const dir = tempDir();
  try {
    await extract({ file, cwd: dir.dir }, ['manifest.json']);
    return createHash('sha256')
      .update(readFileSync(join(dir.dir, 'manifest.json')))
      .digest('hex');
  } finally {
    dir.cleanup();
  }
}

/** A backup of three customers, then three more added: a restore brings back three. */
async function backupOfThree(tag = 'A'): Promise<{ file: string }> {
  await addData(admin, tag);
  const run = await admin.ok('backup.now', {});
  await addData(admin, `${tag}2`);
  return { file: run.file ?? '' };
}

/** Inspect and restore as the manager does; everyone signs in again after a restore. */
async function restore(file: string): Promise<void> {
  const { manifest } = await admin.ok('backup.inspect', { file });
  await admin.ok('backup.restore', { file, expectCreatedAt: manifest.createdAt });
  admin = app.connect();
  await admin.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
}

describe('a restore drill', () => {
  it('checks the newest backup in full after it is written, once, and records the proof', async () => {
    const { file } = await backupOfThree();
    expect((await newest())?.proof).toBeNull();

    await app.core.backup.tick();
    const run = await newest();
    expect(run?.ok).toBe(true);
    expect(run?.proof).toEqual({
      at: app.clock.now(),
      manifestSha256: await manifestSha256(file),
      sqlite: expect.stringMatching(/^3\.\d+\.\d+$/),
    });
    expect(app.logs.filter((line) => line.startsWith('restore drill of'))).toHaveLength(1);
    expect(workDirs(app)).toEqual([]);
    // Nothing new to drill: the next ticks leave it.
    await app.core.backup.tick();
    await app.core.backup.drillNewest();
    expect(app.logs.filter((line) => line.startsWith('restore drill of'))).toHaveLength(1);
  });

  it('lets a restore of the drilled archive skip the checks, and checks one it did not drill', async () => {
    const { file } = await backupOfThree();
    await app.core.backup.drillNewest();
    await restore(file);
    expect(customers()).toBe(3);
    expect([proven(), checked()]).toEqual([1, 0]);

    app.clock.advance(60_000);
    const { file: other } = await backupOfThree('B');
    await restore(other);
    expect(customers()).toBe(6);
    expect([proven(), checked()]).toEqual([1, 1]);
  });

  it('holds for the same manifest only: a copy elsewhere is proven, another backup under its name is not', async () => {
    const { file } = await backupOfThree();
    await app.core.backup.drillNewest();
    const copy = join(app.dir, 'on-a-usb-stick.tar.zst');
    copyFileSync(file, copy);
    await restore(copy);
    expect([proven(), checked()]).toEqual([1, 0]);

    app.clock.advance(60_000);
    const other = await admin.ok('backup.now', {});
    copyFileSync(other.file ?? '', file);
    await restore(file);
    expect([proven(), checked()]).toEqual([1, 1]);
  });

  it('holds for the SQLite that checked only: after an upgrade the archive is checked again', async () => {
    const { file } = await backupOfThree();
    await app.core.backup.drillNewest();
    const history = join(app.core.dataDir, 'backup-history.json');
    writeFileSync(history, readFileSync(history, 'utf8').replace(/"sqlite": "[^"]+"/, '"sqlite": "3.0.0"'));
    await restore(file);
    expect(customers()).toBe(3);
    expect([proven(), checked()]).toEqual([0, 1]);
  });

  it('fails a backup whose archive a restore would refuse, and the status warns', async () => {
    const { file } = await backupOfThree();
    // After the backup, an index no longer matches its table inside the archive (its checksums
    // made to match): every page is sound, only integrity_check sees it.
    await repack(file, breakIndex);
    await app.core.backup.drillNewest();
    const run = await newest();
    expect(run).toMatchObject({
      ok: false,
      proof: null,
      failure: {
        reason: 'archiveIntegrityFailed',
        params: { problems: expect.stringMatching(/customers_name/) },
      },
    });
    expect(run?.error).toMatch(/^its restore drill failed: integrity_check failed/);
    expect(await admin.ok('backup.status', {})).toMatchObject({ warning: 'lastFailed', lastGood: null });
    expect(workDirs(app)).toEqual([]);
  });

  it('records nothing when the app closes during a drill, and drills again at the next start', async () => {
    await backupOfThree();
    const drilling = app.core.backup.drillNewest();
    app.reopen();
    await drilling;
    admin = app.connect();
    await admin.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await newest())?.proof).toBeNull();
    expect(app.logs.filter((line) => line.includes('passed'))).toEqual([]);

    await app.core.backup.tick();
    expect((await newest())?.proof).not.toBeNull();
    expect(workDirs(app)).toEqual([]);
  });

  it('leaves a backup whose file is gone', async () => {
    const { file } = await backupOfThree();
    rmSync(file);
    await app.core.backup.drillNewest();
    expect(app.logs.filter((line) => line.startsWith('restore drill of'))).toEqual([]);
    expect((await newest())?.proof).toBeNull();
  });
});
