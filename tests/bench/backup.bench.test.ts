import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { nameInitials } from '../../src/main/services/pinyin';
import { startApp, setUpShop, type Client, type TestApp } from '../unit/harness';
import { recordFigures } from './figures';
import { seedBranch } from './seedBranch';

/** The benchmark branch of issue 3: 100,000 customers, 150,000 devices, 300,000 work orders. */
const SCALE = Number(process.env.BACKUP_BENCH_SCALE ?? 1);
const SIZE = { customers: 100_000 * SCALE, devices: 150_000 * SCALE, workOrders: 300_000 * SCALE };

let app: TestApp;
let admin: Client;
let folder: string;
const figures: Record<string, number> = {};

beforeAll(async () => {
  app = startApp();
  admin = await setUpShop(app);
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  seedBranch(app.core.database.sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: [adminId],
    initials: nameInitials,
  });
  app.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  // Inside the temp data folder, so cleanup removes the archives too (backups never include it).
  folder = join(app.core.dataDir, 'bench-backups');
  mkdirSync(folder, { recursive: true });
  const settings = await admin.ok('backup.settings', {});
  await admin.ok('backup.updateSettings', { ...settings, folder });
}, 600_000);

afterAll(() => {
  // Whatever the core logged (a failed step says why here).
  if (app.logs.some((line) => /failed/.test(line))) console.error(app.logs.join('\n'));
  if (process.env.BACKUP_BENCH_LOG) console.log(figures, app.logs.join('\n'));
  // A scaled-down run (BACKUP_BENCH_SCALE) is for trying things out, not for the record.
  if (SCALE === 1) recordFigures(figures);
  app.cleanup();
});

function databaseMb(): number {
  const sqlite = app.core.database.sqlite;
  const pages = sqlite.pragma('page_count', { simple: true }) as number;
  const size = sqlite.pragma('page_size', { simple: true }) as number;
  return (pages * size) / 1024 / 1024;
}

const round = (n: number) => Number(n.toFixed(1));

it('backs up and restores the benchmark branch', async () => {
  const mb = databaseMb();
  let start = performance.now();
  const run = await admin.ok('backup.now', {});
  const backupSeconds = (performance.now() - start) / 1000;

  const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
  expect(inspection.manifest.rowCounts.work_orders).toBe(SIZE.workOrders);
  start = performance.now();
  // As the manager sees it: verify again, safety backup of the current data, swap, reopen.
  await admin.ok('backup.restore', { file: run.file ?? '', expectCreatedAt: inspection.manifest.createdAt });
  const restoreSeconds = (performance.now() - start) / 1000;

  figures['backup.db_mb'] = round(mb);
  figures['backup.archive_mb'] = round(run.bytes / 1024 / 1024);
  figures['backup.seconds'] = round(backupSeconds);
  figures['backup.mb_per_s'] = round(mb / backupSeconds);
  figures['restore.seconds'] = round(restoreSeconds);
  figures['restore.mb_per_s'] = round(mb / restoreSeconds);
  expect(app.core.database.sqlite.pragma('quick_check', { simple: true })).toBe('ok');
}, 600_000);
