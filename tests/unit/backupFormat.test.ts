import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { constants as zlib } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupManifest } from '@shared/schemas/backup';
import {
  ExtractWriteError,
  readArchive,
  stagedComparer,
  startArchive,
} from '../../src/main/services/backup/archive';
import { tableFigures } from '../../src/main/services/backup/checks';
import { ADMIN, setUpShop, snapshot, type Client } from './harness';
import { addData, repack, startBackupApp } from './backupHelpers';

/**
 * A backup written by the app before issue 18 (gzip'd tar, `.tar.gz`): three customers, a supplier,
 * a part and a stock receipt of shop 城东维修中心 / BJ01, admin as in the harness.
 */
const OLD_FORMAT = resolve(import.meta.dirname, 'fixtures/backup-gzip-before-issue18.tar.gz');
const journal = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../drizzle/meta/_journal.json'), 'utf8'),
) as { entries: unknown[] };

let app: ReturnType<typeof startBackupApp>;
afterEach(() => app.cleanup());

async function shop(): Promise<Client> {
  app = startBackupApp();
  const admin = await setUpShop(app);
  const settings = await admin.ok('backup.settings', {});
  await admin.ok('backup.updateSettings', { ...settings, folder: app.backupDir });
  return admin;
}

describe('archive format', () => {
  it('writes zstd (magic bytes 28 b5 2f fd), which node:zlib has', async () => {
    const admin = await shop();
    expect(zlib.ZSTD_c_compressionLevel).toBeTypeOf('number');
    const run = await admin.ok('backup.now', {});
    expect(run.file).toMatch(/\.tar\.zst$/);
    expect([...readFileSync(run.file ?? '').subarray(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
  });

  it('reads an archive back as it is written: what it decodes to, each member against its staged file, and the hash of its bytes', async () => {
    const stage = mkdtempSync(join(tmpdir(), 'desk-archive-'));
    try {
      mkdirSync(join(stage, 'attachments'));
      writeFileSync(join(stage, 'after-sales.db'), randomBytes(3 << 20));
      writeFileSync(join(stage, 'attachments', 'a.jpg'), 'photo');
      const manifest: BackupManifest = {
        format: 'after-sales-desk-backup',
        formatVersion: 2,
        appVersion: '0.1.0',
        schemaVersion: 1,
        createdAt: Date.UTC(2026, 11, 4),
        shopName: '城东维修中心',
        branchCode: 'BJ01',
        trigger: 'manual',
        rowCounts: {},
        tableChecksums: {},
        files: {},
      };
      writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest));
      const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
      const write = async (dest: string, members: string[]) => {
        const archive = startArchive(stage, dest);
        for (const member of members) archive.add(member);
        return archive.finish();
      };

      // The database is always the first member; the others follow as they are added.
      const good = join(stage, 'good.tar.zst');
      const written = await write(good, ['attachments', 'manifest.json']);
      expect(written.sha256).toBe(sha(readFileSync(good)));
      const back = await written.readBack;
      expect(back.files).toEqual(
        new Map([
          ['after-sales.db', { bytes: 3 << 20, sameAsStaged: true }],
          ['attachments/a.jpg', { bytes: 5, sameAsStaged: true }],
        ]),
      );
      expect(back.manifest).toEqual(manifest);
      const read = await readArchive(good);
      expect([...read.files.keys()]).toEqual(['after-sales.db', 'attachments/a.jpg']);
      expect(read.files.get('after-sales.db')?.sha256).toBe(sha(readFileSync(join(stage, 'after-sales.db'))));
      expect(read.files.get('attachments/a.jpg')).toEqual({ sha256: sha(Buffer.from('photo')), bytes: 5 });
      // A full disk while extracting is the disk's fault, not the archive's: said so, with its code,
      // from the reader's own thread.
      const full = join(stage, 'full');
      mkdirSync(full);
      symlinkSync('/dev/full', join(full, 'after-sales.db'));
      const failure: unknown = await readArchive(good, full).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ExtractWriteError);
      expect((failure as ExtractWriteError).failure).toMatchObject({ code: 'ENOSPC' });

      // A member no backup holds: written all the same, but the read-back refuses it.
      writeFileSync(join(stage, 'notes.txt'), 'x');
      const odd = await write(join(stage, 'odd.tar.zst'), ['notes.txt', 'manifest.json']);
      await expect(odd.readBack).rejects.toThrow(/unexpected members: notes.txt/);
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });

  it('tells a member that differs from its staged file in any byte, or in length, or that has none', () => {
    const stage = mkdtempSync(join(tmpdir(), 'desk-archive-'));
    try {
      const staged = randomBytes(2500);
      writeFileSync(join(stage, 'after-sales.db'), staged);
      const compare = stagedComparer(stage);
      const read = (path: string, bytes: Buffer, chunk = 1000) => {
        const member = compare(path);
        for (let at = 0; at < bytes.length; at += chunk) member.data(bytes.subarray(at, at + chunk));
        return member.end();
      };
      expect(read('after-sales.db', staged)).toEqual({ bytes: 2500, sameAsStaged: true });
      expect(read('after-sales.db', staged, 700)).toEqual({ bytes: 2500, sameAsStaged: true });
      const flipped = Buffer.from(staged);
      flipped[1999] = (flipped[1999] ?? 0) ^ 1;
      expect(read('after-sales.db', flipped)).toEqual({ bytes: 2500, sameAsStaged: false });
      expect(read('after-sales.db', staged.subarray(0, 2499))).toEqual({ bytes: 2499, sameAsStaged: false });
      expect(read('after-sales.db', Buffer.concat([staged, Buffer.from([0])]))).toEqual({
        bytes: 2501,
        sameAsStaged: false,
      });
      expect(read('attachments/none.jpg', Buffer.from('photo'))).toEqual({ bytes: 5, sameAsStaged: false });
    } finally {
      rmSync(stage, { recursive: true, force: true });
    }
  });

  it('restores an archive written before issue 18 (gzip), with its counts and checksums', async () => {
    const admin = await shop();
    await addData(admin, 'now', 5);
    const file = join(app.dir, '售后服务台-备份-BJ01-20261123-020000.tar.gz');
    copyFileSync(OLD_FORMAT, file);
    expect([...readFileSync(file).subarray(0, 2)]).toEqual([0x1f, 0x8b]);

    const inspection = await admin.ok('backup.inspect', { file });
    expect(inspection.manifest).toMatchObject({ formatVersion: 1, branchCode: 'BJ01', trigger: 'manual' });
    expect(inspection.manifest.rowCounts.customers).toBe(3);
    const result = await admin.ok('backup.restore', { file, expectCreatedAt: inspection.manifest.createdAt });
    expect(result.restoredFrom.manifest.createdAt).toBe(inspection.manifest.createdAt);

    const sqlite = app.core.database.sqlite;
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    // Format 1 checksummed the search tables too.
    const figures = tableFigures(sqlite, true);
    const { audit_log: _a, __drizzle_migrations: migrated, ...counts } = figures.rowCounts;
    const { audit_log: _b, __drizzle_migrations: _m, ...expected } = inspection.manifest.rowCounts;
    // A newer app migrates the restored file: every migration is recorded, tables it added are
    // empty, every other count is equal.
    expect(migrated).toBe(journal.entries.length);
    for (const [table, rows] of Object.entries(expected)) expect(counts[table], table).toBe(rows);
    for (const table of Object.keys(counts)) if (!(table in expected)) expect(counts[table], table).toBe(0);
    if (!inspection.needsMigration) {
      const { audit_log: _c, ...checksums } = figures.tableChecksums;
      const { audit_log: _d, ...expectedChecksums } = inspection.manifest.tableChecksums;
      expect(checksums).toEqual(expectedChecksums);
    }
    const again = app.connect();
    await again.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await again.ok('customers.list', {})).total).toBe(3);
    expect((await again.ok('stock.check', {})).mismatches).toEqual([]);
  });

  it('refuses a damaged old-format archive and changes nothing', async () => {
    const admin = await shop();
    await addData(admin, 'now');
    const before = snapshot(app.core);
    const truncated = join(app.dir, 'truncated.tar.gz');
    copyFileSync(OLD_FORMAT, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size * 0.6));
    const flipped = join(app.dir, 'flipped.tar.gz');
    const bytes = readFileSync(OLD_FORMAT);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(flipped, bytes);
    for (const file of [truncated, flipped]) {
      const refused = await admin.call('backup.restore', { file, expectCreatedAt: app.clock.ms });
      expect(refused.ok || refused.error).toMatchObject({
        code: 'VALIDATION',
        reason: expect.stringMatching(/^archive(Unreadable|MembersMismatch)$/),
      });
    }
    expect(snapshot(app.core)).toBe(before);
    expect(readdirSync(join(app.core.dataDir, 'backup-work'))).toEqual([]);
    expect(readdirSync(app.core.dataDir).filter((n) => n.includes('safety'))).toEqual([]);
  });

  it('refuses links and paths outside the backup layout before writing them anywhere', async () => {
    const admin = await shop();
    const run = await admin.ok('backup.now', {});
    const before = snapshot(app.core);
    for (const [name, add] of [
      ['link', (dir: string) => symlinkSync('/etc/passwd', join(dir, 'attachments', 'link'))],
      ['nested', (dir: string) => writeFileSync(join(dir, 'attachments', 'sub', 'x.jpg'), 'x')],
    ] as const) {
      const file = join(app.dir, `${name}.tar.zst`);
      copyFileSync(run.file ?? '', file);
      await repack(file, (dir) => {
        mkdirSync(join(dir, 'attachments', 'sub'), { recursive: true });
        add(dir);
      });
      const refused = await admin.call('backup.restore', { file, expectCreatedAt: app.clock.ms });
      expect(refused.ok || refused.error).toMatchObject({
        code: 'VALIDATION',
        reason: 'archiveUnreadable',
        params: { detail: expect.stringMatching(/^unexpected members: attachments\/(link|sub)/) },
      });
    }
    expect(snapshot(app.core)).toBe(before);
    expect(readdirSync(join(app.core.dataDir, 'backup-work'))).toEqual([]);
  });
});
