import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFigures, type TableFigures } from '../../src/main/services/backup/checks';
import { ADMIN, MIGRATIONS, setUpShop } from './harness';
import { addData, startBackupApp } from './backupHelpers';
import { bundleChild } from './childBundle';

/**
 * The restore's kill test: a child process restores an archive through the real core and is killed
 * with SIGKILL at each named point (during verification, with the verified files kept after an
 * inspection, after the swap journal, during the safety move, after the renames, after the new
 * database opened). Every time the next start undoes the half-done swap: the shop is on its data as
 * it was, whole (integrity_check ok, every table's count and checksum, the attachments), with no
 * leftovers. A last child restores to the end.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const RESTORER = join(import.meta.dirname, 'crash', 'restorer.ts');
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'crash-restorer', `restorer-${process.pid}.mjs`);
/**
 * How the child restores: as the manager does (inspect, then restore the files the inspection
 * verified and kept), or at once with the creation time confirmed earlier, so that the restore
 * verifies the archive itself.
 */
type Way = 'after inspecting' | 'confirmed earlier';
const KILL_POINTS: [string, Way][] = [
  ['verify:45', 'after inspecting'],
  ['verify:80', 'after inspecting'],
  ['inspect:kept', 'after inspecting'],
  ['verify:45', 'confirmed earlier'],
  ['verify:55', 'confirmed earlier'],
  ['verify:80', 'confirmed earlier'],
  ['swap:journal', 'after inspecting'],
  ['swap:safetyMove', 'after inspecting'],
  ['swap:renamed', 'after inspecting'],
  ['swap:opened', 'confirmed earlier'],
];

let app: ReturnType<typeof startBackupApp>;
let archive = '';
let createdAt = 0;
let atBackup: TableFigures;
let current: TableFigures;

/**
 * The tables whose count or checksum differ; not the audit log (sign-ins and the restore add to it),
 * and of users only the count (the child's sign-in stamps the admin's row).
 */
function differing(found: TableFigures, expected: TableFigures): string[] {
  const tables = new Set([...Object.keys(found.rowCounts), ...Object.keys(expected.rowCounts)]);
  return [...tables]
    .filter((t) => t !== 'audit_log')
    .filter(
      (t) =>
        found.rowCounts[t] !== expected.rowCounts[t] ||
        (t !== 'users' && found.tableChecksums[t] !== expected.tableChecksums[t]),
    )
    .sort();
}

beforeAll(async () => {
  await bundleChild(RESTORER, BUNDLE);
  app = startBackupApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  const attachments = join(app.core.dataDir, 'attachments');
  mkdirSync(attachments, { recursive: true });
  writeFileSync(join(attachments, 'a.jpg'), 'first');
  await addData(admin, 'A');
  archive = (await admin.ok('backup.now', { folder: app.backupDir })).file ?? '';
  createdAt = (await admin.ok('backup.inspect', { file: archive })).manifest.createdAt;
  atBackup = tableFigures(app.core.database.sqlite);
  await addData(admin, 'B', 5);
  writeFileSync(join(attachments, 'a.jpg'), 'changed');
  current = tableFigures(app.core.database.sqlite);
  // The children own the folder from here on.
  app.core.close();
}, 60_000);

afterAll(() => {
  app.reopen();
  app.cleanup();
  rmSync(BUNDLE, { force: true });
});

async function runChild(killAt: string, way: Way) {
  const confirmed = way === 'confirmed earlier' ? [String(createdAt)] : [];
  const child = spawn(
    process.execPath,
    [BUNDLE, app.core.dataDir, MIGRATIONS, ADMIN.username, ADMIN.password, archive, killAt, ...confirmed],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

/** Open the folder as the app does at start (undoing a half-done swap), read it, close it again. */
function startAndRead() {
  const core = app.reopen();
  const sqlite = core.database.sqlite;
  const found = {
    integrity: sqlite.pragma('integrity_check', { simple: true }),
    figures: tableFigures(sqlite),
    attachment: readFileSync(join(core.dataDir, 'attachments', 'a.jpg'), 'utf8'),
    leftovers: readdirSync(core.dataDir).filter((n) => /journal|incoming|previous|damaged/.test(n)),
    safetyCopies: existsSync(join(core.dataDir, 'safety-backups'))
      ? readdirSync(join(core.dataDir, 'safety-backups'))
      : [],
    // The start removes the work folder with whatever a killed run extracted into it.
    work: existsSync(join(core.dataDir, 'backup-work')) ? readdirSync(join(core.dataDir, 'backup-work')) : [],
  };
  core.close();
  return found;
}

describe('a restore killed with SIGKILL', () => {
  it.each(KILL_POINTS)(
    'at %s (%s): the next start is on the data as it was',
    { timeout: 60_000 },
    async (point, way) => {
      const child = await runChild(point, way);
      expect({ code: child.code, signal: child.signal, stderr: child.stderr }).toEqual({
        code: null,
        signal: 'SIGKILL',
        stderr: '',
      });
      const found = startAndRead();
      expect(found.integrity).toBe('ok');
      expect(differing(found.figures, current)).toEqual([]);
      expect(found.figures.rowCounts.customers).toBe(8);
      expect(found.attachment).toBe('changed');
      expect(found.leftovers).toEqual([]);
      expect(found.safetyCopies).toEqual([]);
      expect(found.work).toEqual([]);
    },
  );

  it(
    'and then not killed: restores the archive, the replaced data kept as the safety copy',
    { timeout: 60_000 },
    async () => {
      const child = await runChild('-', 'after inspecting');
      expect({ code: child.code, stderr: child.stderr }).toEqual({ code: 0, stderr: '' });
      const safetyCopy = child.stdout.replace(/^restored /, '').trim();
      const found = startAndRead();
      expect(found.integrity).toBe('ok');
      expect(differing(found.figures, atBackup)).toEqual([]);
      expect(found.attachment).toBe('first');
      expect(found.leftovers).toEqual([]);
      expect(found.safetyCopies).toEqual([safetyCopy.split('/').pop()]);
      const kept = new Database(join(safetyCopy, 'after-sales.db'), { readonly: true });
      expect(differing(tableFigures(kept), current)).toEqual([]);
      kept.close();
      expect(readFileSync(join(safetyCopy, 'attachments', 'a.jpg'), 'utf8')).toBe('changed');
    },
  );
});
