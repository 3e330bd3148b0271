import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { create, extract } from 'tar';
import type { BackupManifest } from '@shared/schemas/backup';
import { expect } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import type { Connection } from '../../src/main/services/context';
import { FakeClock, MIGRATIONS, tempDir, type Client, type TestApp } from './harness';

/** Like harness startApp, with core options (small backup steps, a given data folder). */
export function startBackupApp(
  options: Partial<CoreOptions> = {},
  dir = tempDir(),
): TestApp & { dir: string; backupDir: string; reopen(): Core } {
  const clock = new FakeClock();
  const logs: string[] = [];
  const backupDir = join(dir.dir, 'external-drive');
  mkdirSync(backupDir, { recursive: true });
  const make = () =>
    createCore({
      dataDir: join(dir.dir, 'data'),
      migrationsDir: MIGRATIONS,
      now: clock.now,
      log: { error: (m, e) => logs.push(`${m} ${String(e)}`), info: (m) => logs.push(m) },
      scryptN: 2 ** 10,
      scheduler: false,
      ...options,
    });
  const app = {
    core: make(),
    clock,
    logs,
    dir: dir.dir,
    backupDir,
    connect(): Client {
      const conn: Connection = {
        sessionId: null,
        setSessionId(id) {
          this.sessionId = id;
        },
      };
      const raw = (method: string, input: unknown) => app.core.dispatch(method, input, conn);
      const call = <M extends Method>(method: M, input: InputOf<M>) =>
        raw(method, input) as Promise<Envelope<OutputOf<M>>>;
      const ok = async <M extends Method>(method: M, input: InputOf<M>) => {
        const result = await call(method, input);
        if (!result.ok) expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
        return result.data;
      };
      return { conn, call, ok, raw };
    },
    reopen(): Core {
      app.core.close();
      app.core = make();
      return app.core;
    },
    cleanup() {
      app.core.close();
      dir.cleanup();
    },
  };
  return app;
}

/** Backups into `folder`, none automatic (the tests call for each one). */
export async function backUpInto(client: Client, folder: string): Promise<void> {
  await client.ok('backup.updateSettings', {
    folder,
    dailyAt: null,
    onQuit: false,
    keepDaily: 7,
    keepWeekly: 4,
    warnAfterDays: 2,
  });
}

/** Some of everything: customers, parts with stock movements. */
export async function addData(client: Client, tag: string, n = 3): Promise<void> {
  for (let i = 0; i < n; i++) {
    await client.ok('customers.create', {
      name: `客户${tag}${i}`,
      phones: [{ phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, label: '手机' }],
      allowDuplicatePhone: true,
    });
  }
  const supplier = await client.ok('suppliers.create', { name: `供应商${tag}` });
  const part = await client.ok('parts.create', { code: `P-${tag}`, name: `配件${tag}`, salePrice: 1000 });
  await client.ok('stock.post', {
    kind: 'receipt',
    supplierId: supplier.id,
    lines: [{ partId: part.id, qty: 5, unitCost: 500 }],
  });
}

/** Unpack an archive, let `edit` change the files, pack it again (a well-formed but altered archive). */
export async function repack(file: string, edit: (dir: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'desk-repack-'));
  try {
    await extract({ file, cwd: dir });
    edit(dir);
    // Packed as the app packs: zstd for .tar.zst, gzip for the older .tar.gz.
    const zstd = file.endsWith('.tar.zst');
    await create({ gzip: !zstd, zstd, file, cwd: dir, portable: true }, readdirSync(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readManifest(dir: string): BackupManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
}

export function writeManifest(dir: string, manifest: BackupManifest): void {
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
}

/**
 * The extracted archive in `dir` with an index that no longer matches its table, and the manifest's
 * database checksum made to match: the index's definition names another column than the one it was
 * built on, so every page is sound (quick_check passes) and only integrity_check sees it.
 */
export function breakIndex(dir: string): void {
  const db = new Database(join(dir, 'after-sales.db'));
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare(
    "UPDATE sqlite_master SET sql = replace(sql, '(`name`)', '(`initials`)') WHERE name = 'customers_name'",
  ).run();
  db.close();
  const check = new Database(join(dir, 'after-sales.db'), { readonly: true });
  expect(check.pragma('quick_check', { simple: true })).toBe('ok');
  check.close();
  matchDatabaseChecksum(dir);
}

/** The work folders of restores and drills left on the data disk. */
export function workDirs(app: { core: { dataDir: string } }): string[] {
  const root = join(app.core.dataDir, 'backup-work');
  return existsSync(root) ? readdirSync(root) : [];
}

/** The manifest's checksum of a database edited in place made to match, so only deeper checks can catch it. */
export function matchDatabaseChecksum(dir: string): void {
  const manifest = readManifest(dir);
  const bytes = readFileSync(join(dir, 'after-sales.db'));
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeManifest(dir, {
    ...manifest,
    files: { ...manifest.files, 'after-sales.db': { sha256, bytes: bytes.length } },
  });
}
