import { closeSync, mkdirSync, openSync, statSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core';
import {
  FULL_CHECK_EVERY_MS,
  fullCheckReason,
  readStartRecord,
  startRecordFile,
} from '../../src/main/db/startCheck';
import { startBackupApp } from './backupHelpers';
import { FakeClock, setUpShop, tempDir, type TestApp } from './harness';

/**
 * The start-up check: the full `quick_check` (every page) only after an unclean shutdown, a change
 * made by something else, with no record, or once a week; every other start runs the cheap checks.
 * A file damaged where only the full check looks is the witness of which one ran.
 */
let dir: ReturnType<typeof tempDir>;
let app: ReturnType<typeof startBackupApp> | null = null;
let clock = new FakeClock();

afterEach(() => {
  app?.core.close();
  app = null;
  dir.cleanup();
  clock = new FakeClock();
});

/** The app starting on the one data folder (a new core each time, as a new process would). */
function start(): TestApp {
  app = startBackupApp({ now: clock.now }, { dir: dir.dir, cleanup: () => undefined });
  return app;
}

function current(): TestApp {
  if (!app) throw new Error('no app running');
  return app;
}

const file = () => join(dir.dir, 'data', DATABASE_FILE);

/** A shop with 2 MB of audit history: pages the cheap checks never read. */
async function shopWithHistory(): Promise<string[]> {
  const admin = await setUpShop(start());
  await admin.ok('customers.create', { name: '老客户', phones: [{ phone: '13800000000', label: '手机' }] });
  const sqlite = current().core.database.sqlite;
  const insert = sqlite.prepare(
    "INSERT INTO audit_log (id, at, action, entity, entity_id, after) VALUES (?, ?, 'update', 'customer', ?, ?)",
  );
  sqlite.transaction(() => {
    for (let i = 0; i < 4000; i++) insert.run(`filler-${i}`, clock.ms, `c${i}`, 'x'.repeat(500));
  })();
  return (
    sqlite
      .prepare("SELECT pageno FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf' ORDER BY pageno")
      .pluck()
      .all() as number[]
  ).map(String);
}

/** Scribble over the headers of some audit_log leaf pages, leaving the file's size and time as they were. */
function damageQuietly(pages: string[], from = 10): void {
  const before = statSync(file());
  const fd = openSync(file(), 'r+');
  for (const page of pages.slice(from, from + 30))
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (Number(page) - 1) * 4096);
  closeSync(fd);
  utimesSync(file(), before.atimeMs / 1000, before.mtimeMs / 1000);
  expect(Math.abs(statSync(file()).mtimeMs - before.mtimeMs)).toBeLessThan(1);
}

async function damaged(): Promise<boolean> {
  return (await current().connect().ok('recovery.state', {})).damaged;
}

describe('the start-up check', () => {
  it('a clean start runs only the cheap checks (damage deep in a big table goes unread)', async () => {
    dir = tempDir();
    const pages = await shopWithHistory();
    current().core.close();
    expect(readStartRecord(file())).toMatchObject({ open: false, checkedAt: clock.ms });
    damageQuietly(pages);
    expect(fullCheckReason(file(), clock.ms)).toBeNull();
    start();
    expect(await damaged()).toBe(false);
    expect(readStartRecord(file())?.open).toBe(true);
  });

  it('a clean start still finds damage in the tables signing in needs', async () => {
    dir = tempDir();
    await shopWithHistory();
    const users = current()
      .core.database.sqlite.prepare("SELECT pageno FROM dbstat WHERE name = 'users'")
      .pluck()
      .all() as number[];
    current().core.close();
    damageQuietly(users.map(String), 0);
    expect(fullCheckReason(file(), clock.ms)).toBeNull();
    start();
    expect(await damaged()).toBe(true);
  });

  it('a start after an unclean shutdown runs quick_check, and a failing one opens the guided restore', async () => {
    dir = tempDir();
    const pages = await shopWithHistory();
    // The process dies: the connection goes without the core's clean close.
    current().core.database.sqlite.close();
    app = null;
    expect(readStartRecord(file())?.open).toBe(true);
    damageQuietly(pages);
    expect(fullCheckReason(file(), clock.ms)).toBe('unclean');
    start();
    expect(await damaged()).toBe(true);
    const refused = await current().connect().raw('auth.state', {});
    expect(refused.ok || refused.error).toMatchObject({
      code: 'DATABASE_DAMAGED',
      reason: 'databaseDamaged',
    });
    // Still in doubt at the next start: the check runs again until a restore.
    current().core.close();
    expect(fullCheckReason(file(), clock.ms)).toBe('unclean');
  });

  it('the weekly check runs at the first start a week after the last one', async () => {
    dir = tempDir();
    const pages = await shopWithHistory();
    current().core.close();
    damageQuietly(pages);
    clock.advance(FULL_CHECK_EVERY_MS - 1);
    expect(fullCheckReason(file(), clock.ms)).toBeNull();
    clock.advance(1);
    expect(fullCheckReason(file(), clock.ms)).toBe('due');
    start();
    expect(await damaged()).toBe(true);
  });

  it('a sound file passes the full check and earns a week of cheap starts', async () => {
    dir = tempDir();
    expect(fullCheckReason(file(), clock.ms)).toBe('noRecord');
    await shopWithHistory();
    current().core.close();
    clock.advance(3600_000);
    start();
    expect(await damaged()).toBe(false);
    // A cheap start keeps the date of the last full check.
    expect(readStartRecord(file())).toMatchObject({ open: true, checkedAt: clock.ms - 3600_000 });
    current().core.close();
    // A clock set back before the last check cannot postpone it.
    expect(fullCheckReason(file(), clock.ms - 7200_000)).toBe('due');
  });

  it('a file changed by something else since the clean close gets the full check', async () => {
    dir = tempDir();
    await shopWithHistory();
    current().core.close();
    const before = statSync(file());
    utimesSync(file(), before.atime, new Date(before.mtimeMs + 5000));
    expect(fullCheckReason(file(), clock.ms)).toBe('changedOutside');
    // Put back as a copying tool would, to the millisecond.
    utimesSync(file(), before.atime, before.mtime);
    expect(fullCheckReason(file(), clock.ms)).toBeNull();
    // Another writer's log beside it.
    writeFileSync(`${file()}-wal`, Buffer.alloc(32, 1));
    expect(fullCheckReason(file(), clock.ms)).toBe('changedOutside');
  });

  it('a torn or foreign record counts as none', () => {
    dir = tempDir();
    mkdirSync(join(dir.dir, 'data'));
    writeFileSync(file(), '');
    writeFileSync(startRecordFile(file()), '{"open":fal');
    expect(fullCheckReason(file(), clock.ms)).toBe('noRecord');
    writeFileSync(startRecordFile(file()), JSON.stringify({ open: 'no' }));
    expect(fullCheckReason(file(), clock.ms)).toBe('noRecord');
  });
});
