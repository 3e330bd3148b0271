import {
  existsSync,
  openSync,
  readdirSync,
  rmSync,
  writeSync,
  closeSync,
  writeFileSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tableFigures } from '../../src/main/services/backup/checks';
import { ADMIN, setUpShop, signedInAs, snapshot, type Client } from './harness';
import { addData, startBackupApp } from './backupHelpers';

let app: ReturnType<typeof startBackupApp>;
afterEach(() => app.cleanup());

async function shop(options: Parameters<typeof startBackupApp>[0] = {}): Promise<Client> {
  app = startBackupApp(options);
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  const settings = await admin.ok('backup.settings', {});
  await admin.ok('backup.updateSettings', { ...settings, folder: app.backupDir });
  return admin;
}

async function signIn(): Promise<Client> {
  const client = app.connect();
  await client.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  return client;
}

function dbFile(): string {
  return join(app.core.dataDir, 'after-sales.db');
}

describe('a backup taken while writes are under way', () => {
  it('restores to a consistent state', async () => {
    const admin = await shop({ backupStepPages: 2 });
    await addData(admin, 'base', 40);
    const supplier = await admin.ok('suppliers.create', { name: '并发供应商' });
    const part = await admin.ok('parts.create', { code: 'BUSY', name: '并发配件', salePrice: 100 });

    let settled = false;
    const backup = admin.call('backup.now', {}).finally(() => (settled = true));
    let writes = 0;
    while (!settled) {
      await admin.ok('stock.post', {
        kind: 'receipt',
        supplierId: supplier.id,
        lines: [{ partId: part.id, qty: 1, unitCost: 10 }],
      });
      await admin.ok('customers.create', {
        name: `并发${writes}`,
        phones: [{ phone: `1380000${String(writes).padStart(4, '0')}`, label: '手机' }],
      });
      writes++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const run = await backup;
    if (!run.ok) expect.fail(JSON.stringify(run.error));
    expect(writes).toBeGreaterThan(2);

    const inspection = await admin.ok('backup.inspect', { file: run.data.file ?? '' });
    await admin.ok('backup.restore', {
      file: run.data.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    const sqlite = app.core.database.sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const figures = tableFigures(sqlite);
    const { audit_log: _a, ...counts } = figures.rowCounts;
    const { audit_log: _b, ...expected } = inspection.manifest.rowCounts;
    expect(counts).toEqual(expected);
    const again = await signIn();
    expect((await again.ok('stock.check', {})).mismatches).toEqual([]);
    // The stock ledger and the customer list agree with each other at the moment of the copy.
    const receipts = sqlite
      .prepare('SELECT count(*) AS n FROM stock_movements WHERE part_id = ?')
      .get(part.id) as { n: number };
    const onHand = (await again.ok('parts.get', { id: part.id })).onHand;
    expect(onHand).toBe(receipts.n);
  });
});

describe('recovery mode', () => {
  it('a garbage database starts the guided restore instead of crashing', async () => {
    const admin = await shop();
    await addData(admin, 'A');
    const run = await admin.ok('backup.now', {});
    app.core.close();
    writeFileSync(dbFile(), Buffer.alloc(64 * 1024, 'garbage!'));
    rmSync(`${dbFile()}-wal`, { force: true });
    rmSync(`${dbFile()}-shm`, { force: true });

    app.reopen();
    const visitor = app.connect();
    const state = await visitor.ok('recovery.state', {});
    expect(state.damaged).toBe(true);
    expect(state.problem).toBeTruthy();
    expect(state.candidates.map((c) => c.file)).toContain(run.file);

    for (const method of ['auth.state', 'customers.list', 'backup.status'] as const) {
      const refused = await visitor.raw(method, {});
      expect(refused.ok || refused.error).toMatchObject({
        code: 'DATABASE_DAMAGED',
        reason: 'databaseDamaged',
        params: {},
      });
    }
    const inspection = await visitor.ok('recovery.inspect', { file: run.file ?? '' });
    const restored = await visitor.ok('recovery.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    expect(restored.restoredFrom.manifest.rowCounts.customers).toBe(3);

    // The damaged file is kept aside, never deleted.
    const aside = readdirSync(app.core.dataDir).filter((n) => n.startsWith('after-sales.db.damaged-'));
    expect(aside).toHaveLength(1);
    expect(statSync(join(app.core.dataDir, aside[0] ?? '')).size).toBe(64 * 1024);
    expect(restored.safetyBackup).toBe(join(app.core.dataDir, aside[0] ?? ''));

    expect((await visitor.ok('recovery.state', {})).damaged).toBe(false);
    const again = await signIn();
    expect((await again.ok('customers.list', {})).total).toBe(3);
    const second = await visitor.call('recovery.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });
    expect(second.ok || second.error).toMatchObject({ code: 'CONFLICT', reason: 'notDamaged' });
  });

  it('a database with damaged pages is caught by quick_check at start', async () => {
    const admin = await shop();
    await addData(admin, 'A', 60);
    app.core.close();
    const size = statSync(dbFile()).size;
    const fd = openSync(dbFile(), 'r+');
    // Scribble over pages past the schema page.
    for (let offset = 8192; offset < size; offset += 4096 * 3)
      writeSync(fd, Buffer.alloc(600, 0xa5), 0, 600, offset + 100);
    closeSync(fd);
    app.reopen();
    const state = await app.connect().ok('recovery.state', {});
    expect(state.damaged).toBe(true);
  });

  it('a sound database reports damaged:false and refuses recovery.inspect', async () => {
    await shop();
    const visitor = app.connect();
    expect(await visitor.ok('recovery.state', {})).toEqual({ damaged: false, problem: null, candidates: [] });
    const refused = await visitor.call('recovery.inspect', { file: '/etc/passwd' });
    expect(refused.ok || refused.error).toMatchObject({ code: 'CONFLICT', reason: 'notDamaged' });
  });
});

describe('reset', () => {
  it('refuses a wrong confirmation and changes nothing', async () => {
    const admin = await shop();
    await addData(admin, 'A');
    const before = snapshot(app.core);
    const refused = await admin.call('backup.reset', { confirm: '城西维修中心' });
    expect(refused.ok || refused.error).toMatchObject({
      code: 'VALIDATION',
      reason: 'resetNotConfirmed',
      params: {},
      details: { fields: [{ path: 'confirm', reason: 'resetNotConfirmed' }] },
    });
    expect(snapshot(app.core)).toBe(before);
    expect(readdirSync(app.backupDir)).toEqual([]);
  });

  it('keeps users, settings and sequences, empties the rest, after a safety backup', async () => {
    const admin = await shop();
    const clerk = await signedInAs(app, admin, 'clerk');
    await addData(admin, 'A');
    const sqlite = () => app.core.database.sqlite;
    const users = sqlite().prepare('SELECT * FROM users ORDER BY id').all();
    const settings = sqlite().prepare('SELECT * FROM settings ORDER BY key').all();
    const sequences = sqlite().prepare('SELECT * FROM sequences ORDER BY name').all();

    const result = await admin.ok('backup.reset', { confirm: ' 城东维修中心 ' });
    expect(existsSync(result.safetyBackup)).toBe(true);
    expect(result.safetyBackup).toMatch(/-safety\.tar\.zst$/);

    expect(sqlite().prepare('SELECT * FROM users ORDER BY id').all()).toEqual(users);
    expect(sqlite().prepare('SELECT * FROM settings ORDER BY key').all()).toEqual(settings);
    expect(sqlite().prepare('SELECT * FROM sequences ORDER BY name').all()).toEqual(sequences);
    const counts = tableFigures(sqlite()).rowCounts;
    for (const table of [
      'customers',
      'customer_phones',
      'parts',
      'suppliers',
      'stock_movements',
      'stock_documents',
    ]) {
      expect(counts[table], table).toBe(0);
    }
    expect(counts.audit_log).toBe(1);
    expect(sqlite().pragma('integrity_check', { simple: true })).toBe('ok');

    // Everyone signs in again; document numbers continue, never reused.
    expect((await clerk.call('customers.list', {})).ok).toBe(false);
    const again = await signIn();
    const next = await again.ok('customers.create', {
      name: '新客户',
      phones: [{ phone: '13700000000', label: '手机' }],
    });
    expect(next.code).toBe('KH000004');
    const safety = await again.ok('backup.inspect', { file: result.safetyBackup });
    expect(safety.manifest.rowCounts.customers).toBe(3);
  });
});
