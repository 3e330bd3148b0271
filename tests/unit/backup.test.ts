import {
  existsSync,
  mkdirSync,
  rmSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
  truncateSync,
  chmodSync,
  copyFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupManifest, BackupRun } from '@shared/schemas/backup';
import { refusalSchema } from '@shared/errors';
import { tableFigures } from '../../src/main/services/backup/checks';
import { setUpShop, signedInAs, snapshot, type Client } from './harness';
import {
  addData,
  breakIndex,
  matchDatabaseChecksum,
  readManifest,
  repack,
  startBackupApp,
  writeManifest,
} from './backupHelpers';
import { insertAfterSales } from './backupAfterSalesRows';
import { insertCustomer, insertDevice } from './counterFixtures';

let app: ReturnType<typeof startBackupApp>;
let admin: Client;

beforeEach(async () => {
  app = startBackupApp();
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  await admin.ok('backup.updateSettings', {
    folder: app.backupDir,
    dailyAt: '18:00',
    onQuit: true,
    keepDaily: 7,
    keepWeekly: 4,
    warnAfterDays: 2,
  });
});
afterEach(() => app.cleanup());

function figuresNow() {
  return tableFigures(app.core.database.sqlite);
}

/** Everything but the audit log, which gains the 'restore' row. */
function withoutAudit<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([table]) => table !== 'audit_log'));
}

async function signInAgain(): Promise<Client> {
  const client = app.connect();
  await client.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
  return client;
}

describe('backup now', () => {
  it('writes one verified archive with a manifest, and records it', async () => {
    await addData(admin, 'A');
    const run = await admin.ok('backup.now', {});
    expect(run).toMatchObject({ ok: true, trigger: 'manual', exists: true, username: 'admin', error: null });
    expect(run.file).toMatch(/售后服务台-备份-BJ01-\d{8}-\d{6}\.tar\.zst$/);
    expect(statSync(run.file ?? '').size).toBe(run.bytes);
    // Only the archive: no partial file is left in the folder.
    expect(readdirSync(app.backupDir)).toEqual([run.file?.split('/').pop()]);
    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    const figures = figuresNow();
    expect(inspection.manifest.rowCounts.customers).toBe(3);
    expect(inspection.manifest.rowCounts).toEqual(figures.rowCounts);
    expect(inspection.manifest.tableChecksums).toEqual(figures.tableChecksums);
    expect(inspection.manifest).toMatchObject({ appVersion: '0.1.0', trigger: 'manual', branchCode: 'BJ01' });
    expect(inspection.manifest.schemaVersion).toBe(app.core.database.schemaVersion);
    expect(inspection.needsMigration).toBe(false);
    const progress = await admin.ok('backup.progress', {});
    expect(progress).toEqual({ running: false, operation: 'backup', phase: 'done', percent: 100 });
    const history = await admin.ok('backup.history', {});
    expect(history).toHaveLength(1);
    expect(history[0]?.id).toBe(run.id);
    const status = await admin.ok('backup.status', {});
    expect(status).toMatchObject({ warning: null, folderReachable: true, busy: false });
    expect(status.lastGood?.id).toBe(run.id);
  });

  it('includes the attachments folder, each file checksummed', async () => {
    const dir = join(app.core.dataDir, 'attachments');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'photo-1.jpg'), Buffer.from('not really a jpeg'));
    const run = await admin.ok('backup.now', {});
    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    expect(Object.keys(inspection.manifest.files).sort()).toEqual([
      'after-sales.db',
      'attachments/photo-1.jpg',
    ]);
    expect(inspection.manifest.files['attachments/photo-1.jpg']?.bytes).toBe(17);
  });

  it('reports a progress that moves while running, and refuses a second run at the same time', async () => {
    const seen: number[] = [];
    const first = admin.call('backup.now', {});
    const second = await admin.call('backup.now', {});
    expect(second.ok || second.error).toMatchObject({ code: 'CONFLICT', reason: 'backupBusy', params: {} });
    for (let i = 0; i < 200; i++) {
      const p = await admin.ok('backup.progress', {});
      if (!p.running) break;
      seen.push(p.percent);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await first).ok).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen).size).toBeGreaterThan(1);
    // It only ever moves forward, though the checks and the packing run side by side.
    expect(seen).toEqual(seen.toSorted((a, b) => a - b));
  });

  it('records a clear failure for a missing or unwritable folder and leaves nothing behind', async () => {
    const missing = join(app.dir, 'unplugged-drive');
    const refused = await admin.call('backup.now', { folder: missing });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'VALIDATION',
      reason: 'backupFolderMissing',
      params: { folder: missing },
    });
    const history = await admin.ok('backup.history', {});
    expect(history[0]).toMatchObject({
      ok: false,
      file: null,
      exists: false,
      failure: { reason: 'backupFolderMissing', params: { folder: missing } },
    });
    expect(history[0]?.error).toContain(missing);
    if (process.getuid?.() !== 0) {
      chmodSync(app.backupDir, 0o500);
      const denied = await admin.call('backup.now', {});
      chmodSync(app.backupDir, 0o700);
      expect(denied.ok || denied.error).toMatchObject({
        reason: 'backupFolderReadOnly',
        params: { folder: app.backupDir },
      });
      expect(readdirSync(app.backupDir)).toEqual([]);
    }
    const status = await admin.ok('backup.status', {});
    expect(status.warning).toBe('lastFailed');
  });

  it('warns: no folder, unreachable folder, never, stale', async () => {
    const settings = await admin.ok('backup.settings', {});
    expect((await admin.ok('backup.status', {})).warning).toBe('never');
    await admin.ok('backup.updateSettings', { ...settings, folder: null });
    expect((await admin.ok('backup.status', {})).warning).toBe('noFolder');
    await admin.ok('backup.updateSettings', { ...settings, folder: join(app.dir, 'gone') });
    expect((await admin.ok('backup.status', {})).warning).toBe('unreachable');
    await admin.ok('backup.updateSettings', settings);
    await admin.ok('backup.now', {});
    expect((await admin.ok('backup.status', {})).warning).toBe(null);
    app.clock.advance(3 * 86_400_000);
    const stale = await admin.ok('backup.status', {});
    expect(stale).toMatchObject({ warning: 'stale', ageDays: 3 });
  });

  it('audits settings changes and keeps settings in a file in the data folder', async () => {
    const saved = JSON.parse(readFileSync(join(app.core.dataDir, 'backup-settings.json'), 'utf8')) as {
      folder: string;
    };
    expect(saved.folder).toBe(app.backupDir);
    const audit = app.core.database.sqlite
      .prepare("SELECT action, entity FROM audit_log WHERE entity = 'backupSettings'")
      .all();
    expect(audit).toEqual([{ action: 'update', entity: 'backupSettings' }]);
    const bad = await admin.raw('backup.updateSettings', { folder: app.backupDir, dailyAt: '25:00' });
    expect(bad.ok || bad.error.code).toBe('VALIDATION');
  });

  it('runs the daily backup once per day at or after its time, and applies retention', async () => {
    // 2026-11-23 02:00 UTC; pick a local time already past today.
    const local = new Date(app.clock.ms);
    const at = `${String(local.getHours()).padStart(2, '0')}:00`;
    const settings = await admin.ok('backup.settings', {});
    await admin.ok('backup.updateSettings', { ...settings, dailyAt: at, keepDaily: 2, keepWeekly: 0 });
    const first = await app.core.backup.tick();
    expect(first?.trigger).toBe('daily');
    expect(first?.file).toMatch(/-auto\.tar\.zst$/);
    expect(await app.core.backup.tick()).toBeNull();
    const manual = await admin.ok('backup.now', {});
    const files: string[] = [];
    for (let day = 1; day <= 3; day++) {
      app.clock.advance(86_400_000);
      const run = (await app.core.backup.tick()) as BackupRun;
      files.push(run.file ?? '');
    }
    // Kept: the newest two days of automatic backups, plus the manual one.
    expect(existsSync(first?.file ?? '')).toBe(false);
    expect(existsSync(files[0] ?? '')).toBe(false);
    expect(existsSync(files[1] ?? '')).toBe(true);
    expect(existsSync(files[2] ?? '')).toBe(true);
    expect(existsSync(manual.file ?? '')).toBe(true);
    const history = await admin.ok('backup.history', {});
    expect(history.find((r) => r.file === first?.file)?.exists).toBe(false);
  });

  it('backs up on quit when the settings ask for it', async () => {
    await app.core.backupOnQuit();
    const history = await admin.ok('backup.history', {});
    expect(history[0]).toMatchObject({ trigger: 'quit', ok: true });
    expect(history[0]?.file).toMatch(/-quit\.tar\.zst$/);
  });
});

describe('restore', () => {
  it('round trip: counts and table checksums equal the backup, everyone signs in again', async () => {
    await addData(admin, 'A');
    const run = await admin.ok('backup.now', {});
    const atBackup = figuresNow();
    await addData(admin, 'B', 5);
    expect(figuresNow().rowCounts.customers).toBe(8);

    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    const clerk = await signedInAs(app, admin, 'clerk');
    const beforeRestore = figuresNow();
    const result = await admin.ok('backup.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    expect(result.restoredFrom.manifest.createdAt).toBe(inspection.manifest.createdAt);
    // The safety copy is the replaced data itself, moved aside into the data folder (not copied).
    expect(result.safetyBackup).toBe(
      join(app.core.dataDir, 'safety-backups', result.safetyBackup.split('/').pop() ?? ''),
    );
    expect(result.safetyBackup).toMatch(/售后服务台-备份-BJ01-\d{8}-\d{6}-safety$/);
    // One self-contained file: closing the database folded its write-ahead log in before the move.
    expect(readdirSync(result.safetyBackup).sort()).toEqual(['after-sales.db', 'safety-copy.json']);

    const after = figuresNow();
    expect(withoutAudit(after.rowCounts)).toEqual(withoutAudit(atBackup.rowCounts));
    expect(withoutAudit(after.tableChecksums)).toEqual(withoutAudit(atBackup.tableChecksums));
    expect(after.rowCounts.audit_log).toBe((atBackup.rowCounts.audit_log ?? 0) + 1);
    const restoreAudit = app.core.database.sqlite
      .prepare("SELECT username FROM audit_log WHERE action = 'restore' AND entity = 'database'")
      .all();
    expect(restoreAudit).toEqual([{ username: 'admin' }]);

    // Sessions ended, for the restorer and everyone else.
    expect((await admin.call('customers.list', {})).ok).toBe(false);
    expect((await clerk.call('customers.list', {})).ok).toBe(false);
    const again = await signInAgain();
    const list = await again.ok('customers.list', {});
    expect(list.total).toBe(3);
    // The safety copy holds the data that was replaced, whole: its figures are those before the restore.
    const safety = new Database(join(result.safetyBackup, 'after-sales.db'), { readonly: true });
    expect(safety.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(tableFigures(safety)).toEqual(beforeRestore);
    safety.close();
    // It is a backup like the others: in the history, inspected and restored as one (undoing the restore).
    expect((await again.ok('backup.history', {}))[0]).toMatchObject({
      trigger: 'safety',
      file: result.safetyBackup,
      ok: true,
      exists: true,
    });
    const inspected = await again.ok('backup.inspect', { file: result.safetyBackup });
    expect(inspected.manifest).toMatchObject({ trigger: 'safety', branchCode: 'BJ01' });
    expect(inspected.manifest.rowCounts.customers).toBe(8);
    const undone = await again.ok('backup.restore', {
      file: result.safetyBackup,
      expectCreatedAt: inspected.manifest.createdAt,
    });
    expect(withoutAudit(figuresNow().tableChecksums)).toEqual(withoutAudit(beforeRestore.tableChecksums));
    // Restoring from it copies it: it stays for another time, beside the new safety copy (the -wal
    // and -shm files are those of the test's own read-only look above).
    expect(readdirSync(result.safetyBackup).filter((n) => !/-(wal|shm)$/.test(n))).toEqual([
      'after-sales.db',
      'safety-copy.json',
    ]);
    expect(undone.safetyBackup).not.toBe(result.safetyBackup);
    expect(existsSync(join(undone.safetyBackup, 'after-sales.db'))).toBe(true);
  });

  it('keeps the follow-ups, the complaints and the orders’ outcomes: counts and checksums', async () => {
    await signedInAs(app, admin, 'clerk');
    await signedInAs(app, admin, 'technician');
    await signedInAs(app, admin, 'manager');
    const sqlite = app.core.database.sqlite;
    const userId = (username: string) =>
      (sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
    const customerId = insertCustomer(app, { name: '张三' });
    const deviceId = insertDevice(app, customerId);
    const order = await admin.ok('workOrders.create', { customerId, deviceId, reportedFault: '屏幕漏光' });
    sqlite
      .prepare(
        "UPDATE work_orders SET status = 'onHold', held_from = 'awaitingParts', hold_reason = '客户自购屏幕', held_at = ?, recall_at = ?, diagnosed_at = ? WHERE id = ?",
      )
      .run(app.clock.ms, app.clock.ms + 86_400_000, app.clock.ms, order.id);
    sqlite.prepare('UPDATE customers SET no_contact = 1 WHERE id = ?').run(customerId);
    const rows = insertAfterSales(app, {
      orderId: order.id,
      customerId,
      clerkId: userId('clerk1'),
      staffId: userId('technician1'),
      ownerId: userId('manager1'),
      reworkOrderId: null,
      refundPaymentId: null,
    });
    const run = await admin.ok('backup.now', {});
    const atBackup = figuresNow();
    const added = { follow_ups: 1, follow_up_calls: 2, complaints: 1, complaint_events: 4 };
    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    for (const [table, rowCount] of Object.entries(added)) {
      expect(inspection.manifest.rowCounts[table], table).toBe(rowCount);
      expect(inspection.manifest.tableChecksums[table], table).toBe(atBackup.tableChecksums[table]);
    }

    // A complaint edited inside a copy of the archive (its file checksum updated) is caught by the
    // complaints table's checksum.
    const tampered = join(app.dir, 'tampered.tar.gz');
    copyFileSync(run.file ?? '', tampered);
    await repack(tampered, (dir) => {
      const db = new Database(join(dir, 'after-sales.db'));
      db.prepare("UPDATE complaints SET status = 'withdrawn'").run();
      db.close();
      matchDatabaseChecksum(dir);
    });
    const refused = await admin.call('backup.inspect', { file: tampered });
    expect(refused.ok || refused.error).toMatchObject({
      reason: 'archiveChecksumMismatch',
      params: { table: 'complaints' },
    });

    // After the backup: another call, the complaint reopened, the order resumed, the customer reachable.
    sqlite
      .prepare(
        "INSERT INTO follow_up_calls (id, follow_up_id, at, result, note) VALUES ('call-after', ?, ?, 'reached', '')",
      )
      .run(rows.followUpId, app.clock.ms);
    sqlite.prepare("UPDATE complaints SET status = 'inProgress', closed_at = NULL").run();
    sqlite
      .prepare("UPDATE work_orders SET status = 'awaitingParts', held_from = NULL WHERE id = ?")
      .run(order.id);
    sqlite.prepare('UPDATE customers SET no_contact = 0').run();
    expect(figuresNow().rowCounts.follow_up_calls).toBe(3);

    await admin.ok('backup.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    const after = figuresNow();
    expect(withoutAudit(after.rowCounts)).toEqual(withoutAudit(atBackup.rowCounts));
    expect(withoutAudit(after.tableChecksums)).toEqual(withoutAudit(atBackup.tableChecksums));
    for (const [table, rowCount] of Object.entries(added))
      expect(after.rowCounts[table], table).toBe(rowCount);
    const restored = app.core.database.sqlite;
    expect(restored.prepare('SELECT status, complaint_no AS no FROM complaints').all()).toEqual([
      { status: 'closed', no: rows.complaintNo },
    ]);
    expect(
      restored.prepare('SELECT status, held_from AS heldFrom FROM work_orders WHERE id = ?').get(order.id),
    ).toEqual({ status: 'onHold', heldFrom: 'awaitingParts' });
    expect(restored.prepare('SELECT no_contact AS n FROM customers WHERE id = ?').get(customerId)).toEqual({
      n: 1,
    });
  });

  it('refuses a file that changed since it was confirmed', async () => {
    const run = await admin.ok('backup.now', {});
    const before = snapshot(app.core);
    const refused = await admin.call('backup.restore', { file: run.file ?? '', expectCreatedAt: 1 });
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
    expect(snapshot(app.core)).toBe(before);
  });

  it('brings back the attachments folder', async () => {
    const dir = join(app.core.dataDir, 'attachments');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.jpg'), 'first');
    const run = await admin.ok('backup.now', {});
    writeFileSync(join(dir, 'a.jpg'), 'changed');
    writeFileSync(join(dir, 'b.jpg'), 'new');
    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    const result = await admin.ok('backup.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    expect(readdirSync(dir)).toEqual(['a.jpg']);
    expect(readFileSync(join(dir, 'a.jpg'), 'utf8')).toBe('first');
    // The replaced attachments were moved into the safety copy as they were.
    const kept = join(result.safetyBackup, 'attachments');
    expect(readdirSync(kept).sort()).toEqual(['a.jpg', 'b.jpg']);
    expect(readFileSync(join(kept, 'a.jpg'), 'utf8')).toBe('changed');
  });
});

describe('corrupted backups are refused, nothing changed', () => {
  let file: string;
  let before: string;
  beforeEach(async () => {
    await addData(admin, 'A');
    file = (await admin.ok('backup.now', {})).file ?? '';
    await addData(admin, 'B');
    before = snapshot(app.core);
  });

  /** Refused by inspect and by restore alike, with the reason and params given, and nothing changed. */
  async function expectRefused(code: string, refusal: { reason: unknown; params: unknown }) {
    const inspected = await admin.call('backup.inspect', { file });
    expect(inspected.ok || inspected.error).toMatchObject({ code, ...refusal });
    expect(refusalSchema.safeParse(inspected.ok || inspected.error).success).toBe(true);
    const restored = await admin.call('backup.restore', { file, expectCreatedAt: app.clock.ms });
    expect(restored.ok || restored.error).toMatchObject({ code, ...refusal });
    expect(snapshot(app.core)).toBe(before);
    expect((await admin.call('customers.list', {})).ok).toBe(true);
    // No safety backup was made and no work files are left.
    expect(readdirSync(app.backupDir).filter((n) => n.includes('safety'))).toEqual([]);
    expect(readdirSync(join(app.core.dataDir, 'backup-work'))).toEqual([]);
  }

  it('flipped bytes inside the archive', async () => {
    const bytes = readFileSync(file);
    for (const at of [Math.floor(bytes.length / 3), Math.floor(bytes.length / 2)])
      bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    await expectRefused('VALIDATION', {
      reason: expect.stringMatching(/^archive(Unreadable|MembersMismatch|ExtractedMismatch)$/),
      params: expect.any(Object),
    });
  });

  it('a truncated file', async () => {
    truncateSync(file, Math.floor(statSync(file).size * 0.6));
    await expectRefused('VALIDATION', {
      reason: 'archiveUnreadable',
      params: { detail: expect.any(String) },
    });
  });

  it('not an archive at all', async () => {
    writeFileSync(file, 'PK\u0003\u0004 this is a zip, or a photo, or anything else');
    await expectRefused('VALIDATION', {
      reason: 'archiveUnreadable',
      params: { detail: expect.any(String) },
    });
  });

  it('a newer schema version', async () => {
    let knownVersion = 0;
    await repack(file, (dir) => {
      const manifest = readManifest(dir);
      knownVersion = manifest.schemaVersion;
      writeManifest(dir, { ...manifest, schemaVersion: manifest.schemaVersion + 1 });
    });
    await expectRefused('CONFLICT', {
      reason: 'backupTooNew',
      params: { schemaVersion: knownVersion + 1, knownVersion },
    });
  });

  it('a manifest that lies about a row count', async () => {
    await repack(file, (dir) => {
      const manifest = readManifest(dir);
      writeManifest(dir, { ...manifest, rowCounts: { ...manifest.rowCounts, customers: 2 } });
    });
    await expectRefused('VALIDATION', {
      reason: 'archiveRowCountMismatch',
      params: { table: 'customers', manifestRows: 2, actualRows: expect.any(Number) },
    });
  });

  it('a manifest that lies about a table checksum', async () => {
    await repack(file, (dir) => {
      const manifest = readManifest(dir);
      writeManifest(dir, {
        ...manifest,
        tableChecksums: { ...manifest.tableChecksums, parts: '0'.repeat(64) },
      });
    });
    await expectRefused('VALIDATION', { reason: 'archiveChecksumMismatch', params: { table: 'parts' } });
  });

  it('a format 2 manifest that leaves out a typed table checksum', async () => {
    await repack(file, (dir) => {
      const manifest = readManifest(dir);
      expect(manifest.formatVersion).toBe(2);
      // Search tables are counted, not checksummed; every other table is checksummed.
      expect(manifest.rowCounts.customer_search).toBeGreaterThan(0);
      expect(manifest.tableChecksums.customer_search).toBeUndefined();
      const counted = Object.keys(manifest.rowCounts).filter((t) => !(t in manifest.tableChecksums));
      expect(counted.sort()).toEqual(
        ['customer', 'device', 'work_order'].flatMap((area) =>
          ['', '_fts_config', '_fts_data', '_fts_docsize', '_fts_idx'].map((s) => `${area}_search${s}`),
        ),
      );
      const { customers: _dropped, ...checksums } = manifest.tableChecksums;
      writeManifest(dir, { ...manifest, tableChecksums: checksums });
    });
    await expectRefused('VALIDATION', { reason: 'archiveChecksumMismatch', params: { table: 'customers' } });
  });

  it('a format 1 manifest (before issue 18) that lies about a search table checksum', async () => {
    let honest: BackupManifest | undefined;
    await repack(file, (dir) => {
      // Format 1 checksummed the search tables too; a restore still compares them.
      const db = new Database(join(dir, 'after-sales.db'), { readonly: true });
      honest = { ...readManifest(dir), formatVersion: 1, ...tableFigures(db, true) };
      db.close();
      writeManifest(dir, honest);
    });
    expect((await admin.ok('backup.inspect', { file })).manifest.tableChecksums.customer_search).toMatch(
      /^[0-9a-f]{64}$/,
    );
    await repack(file, (dir) => {
      if (!honest) throw new Error('the format 1 manifest was not written');
      const manifest = honest;
      writeManifest(dir, {
        ...manifest,
        tableChecksums: { ...manifest.tableChecksums, customer_search: '0'.repeat(64) },
      });
    });
    await expectRefused('VALIDATION', {
      reason: 'archiveChecksumMismatch',
      params: { table: 'customer_search' },
    });
  });

  it('a database edited inside the archive with its file checksum updated', async () => {
    await repack(file, (dir) => {
      // Alter a stored row and make the member checksum match, so only the table checksums catch it.
      const db = new Database(join(dir, 'after-sales.db'));
      db.prepare("UPDATE customers SET address = '篡改' WHERE rowid = 1").run();
      db.close();
      matchDatabaseChecksum(dir);
    });
    await expectRefused('VALIDATION', {
      reason: 'archiveChecksumMismatch',
      params: { table: 'customers' },
    });
  });

  it('a database whose index no longer matches its table, which only integrity_check sees', async () => {
    await repack(file, breakIndex);
    await expectRefused('VALIDATION', {
      reason: 'archiveIntegrityFailed',
      params: { problems: expect.stringMatching(/customers_name/) },
    });
  });

  it('a missing manifest, and a missing file', async () => {
    const nope = join(app.dir, 'nope.tar.gz');
    await expect(admin.call('backup.inspect', { file: nope })).resolves.toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'backupFileMissing', params: { file: nope } },
    });
    await repack(file, (dir) => rmSync(join(dir, 'manifest.json')));
    await expectRefused('VALIDATION', {
      reason: 'archiveUnreadable',
      params: { detail: expect.stringMatching(/manifest.json is missing/) },
    });
  });
});

describe('permissions', () => {
  it('clerk backs up but cannot restore or reset; technician cannot back up', async () => {
    const clerk = await signedInAs(app, admin, 'clerk');
    const tech = await signedInAs(app, admin, 'technician');
    const manager = await signedInAs(app, admin, 'manager');
    const run = await clerk.ok('backup.now', {});
    const code = async (p: Promise<{ ok: boolean; error?: { code: string } }>) => {
      const r = await p;
      return r.ok ? 'ok' : r.error?.code;
    };
    expect(await code(clerk.call('backup.inspect', { file: run.file ?? '' }))).toBe('FORBIDDEN');
    expect(await code(clerk.call('backup.restore', { file: run.file ?? '', expectCreatedAt: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(await code(clerk.call('backup.reset', { confirm: '城东维修中心' }))).toBe('FORBIDDEN');
    expect(await code(manager.call('backup.reset', { confirm: '城东维修中心' }))).toBe('FORBIDDEN');
    expect(await code(clerk.call('backup.updateSettings', await admin.ok('backup.settings', {})))).toBe(
      'FORBIDDEN',
    );
    expect(await code(tech.call('backup.now', {}))).toBe('FORBIDDEN');
    expect(await code(tech.call('backup.history', {}))).toBe('FORBIDDEN');
    expect(await code(manager.call('backup.inspect', { file: run.file ?? '' }))).toBe('ok');
    expect(await admin.ok('backup.pick', { kind: 'folder' })).toEqual({ supported: false, path: null });
    expect(await code(admin.call('recovery.restore', { file: run.file ?? '', expectCreatedAt: 1 }))).toBe(
      'CONFLICT',
    );
    expect(await app.connect().ok('recovery.state', {})).toEqual({
      damaged: false,
      problem: null,
      candidates: [],
    });
  });
});

describe('the first backup folder', () => {
  const noFolder = async () => {
    const settings = await admin.ok('backup.settings', {});
    await admin.ok('backup.updateSettings', { ...settings, folder: null });
  };

  it('becomes the backup folder when a manager backs up into it while none is set', async () => {
    await noFolder();
    expect((await admin.ok('backup.status', {})).warning).toBe('noFolder');
    const manager = await signedInAs(app, admin, 'manager');
    const run = await manager.ok('backup.now', { folder: app.backupDir });
    expect(run.ok).toBe(true);
    expect((await admin.ok('backup.settings', {})).folder).toBe(app.backupDir);
    // The home banner no longer says no folder is set.
    expect((await admin.ok('backup.status', {})).warning).toBeNull();
    const audit = await admin.ok('audit.list', { entity: 'backupSettings' });
    expect(audit.rows[0]).toMatchObject({
      action: 'update',
      username: 'manager1',
      after: { folder: app.backupDir },
    });
  });

  it("stays a one-off folder for a clerk, who may not set the shop's folder", async () => {
    await noFolder();
    const clerk = await signedInAs(app, admin, 'clerk');
    const run = await clerk.ok('backup.now', { folder: app.backupDir });
    expect(run.ok).toBe(true);
    expect((await admin.ok('backup.settings', {})).folder).toBeNull();
    const status = await clerk.ok('backup.status', {});
    expect(status).toMatchObject({ warning: 'noFolder', lastGood: { file: run.file } });
  });

  it('never replaces a folder already set', async () => {
    const other = join(app.dir, 'usb-stick');
    mkdirSync(other);
    const run = await admin.ok('backup.now', { folder: other });
    expect(run.ok).toBe(true);
    expect((await admin.ok('backup.settings', {})).folder).toBe(app.backupDir);
  });
});
