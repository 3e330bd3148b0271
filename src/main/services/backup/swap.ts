import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { DATABASE_FILE, openDatabase, type OpenedDatabase } from '../../db/open';
import type { BackupHost } from './host';
import { stamp } from './names';

const SIDE_FILES = ['', '-wal', '-shm', '-journal'];

function moveDatabase(from: string, to: string): void {
  for (const side of SIDE_FILES) if (existsSync(from + side)) renameSync(from + side, to + side);
}

function removeDatabase(file: string): void {
  for (const side of SIDE_FILES) rmSync(file + side, { force: true });
}

/**
 * Put a verified database file and attachments folder in place of the current ones, by renames on
 * the same disk. The old ones stay aside until the new database has opened and migrated; if that
 * fails they are put back and reopened. A damaged database is never deleted: it is kept as
 * `after-sales.db.damaged-<time>`.
 */
export function swapIn(
  host: BackupHost,
  newDatabase: string,
  newAttachments: string,
  damaged: boolean,
): { damagedFile: string | null } {
  const dbFile = join(host.dataDir, DATABASE_FILE);
  const attachments = join(host.dataDir, 'attachments');
  const tag = `${stamp(host.deps.now())}-${process.hrtime.bigint() % 100000n}`;
  const incoming = `${dbFile}.incoming`;
  const aside = damaged ? `${dbFile}.damaged-${tag}` : `${dbFile}.previous-${tag}`;
  const attachmentsAside = `${attachments}.previous-${tag}`;

  removeDatabase(incoming);
  renameSync(newDatabase, incoming);
  host.closeCurrent();
  moveDatabase(dbFile, aside);
  const hadAttachments = existsSync(attachments);
  if (hadAttachments) renameSync(attachments, attachmentsAside);
  let opened: OpenedDatabase;
  try {
    renameSync(newAttachments, attachments);
    renameSync(incoming, dbFile);
    opened = openDatabase(dbFile, host.migrationsDir, { check: true });
  } catch (error) {
    // Put everything back as it was and reopen it.
    removeDatabase(dbFile);
    removeDatabase(incoming);
    moveDatabase(aside, dbFile);
    rmSync(attachments, { recursive: true, force: true });
    if (hadAttachments) renameSync(attachmentsAside, attachments);
    if (!damaged) host.install(openDatabase(dbFile, host.migrationsDir));
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'swapFailed',
      { detail },
      `swapping in the new data failed; the current data was put back: ${detail}`,
    );
  }
  host.install(opened);
  if (!damaged) removeDatabase(aside);
  rmSync(attachmentsAside, { recursive: true, force: true });
  return { damagedFile: damaged ? aside : null };
}

/** An empty database built from this app's migrations, in the work folder. */
export function freshDatabase(workDir: string, migrationsDir: string): string {
  mkdirSync(workDir, { recursive: true });
  const file = join(workDir, DATABASE_FILE);
  openDatabase(file, migrationsDir).sqlite.close();
  return file;
}

/**
 * What a reset keeps: people, settings, the sequences (so document numbers are never reused) and the
 * paired terminals (the shop's tablets and PCs stay paired; their users sign in again).
 */
const KEPT_TABLES = ['users', 'settings', 'sequences', 'terminals'];

export function copyKeptTables(freshFile: string, currentFile: string): void {
  // A plain connection: the file was just migrated; only rows are copied in.
  const sqlite = new Database(freshFile);
  try {
    sqlite.prepare('ATTACH DATABASE ? AS old').run(currentFile);
    sqlite.transaction(() => {
      for (const table of KEPT_TABLES) {
        const columns = (sqlite.pragma(`table_info("${table}")`) as { name: string }[])
          .map((c) => `"${c.name}"`)
          .join(', ');
        sqlite.exec(`INSERT INTO main."${table}" (${columns}) SELECT ${columns} FROM old."${table}"`);
      }
    })();
    sqlite.exec('DETACH DATABASE old');
  } finally {
    sqlite.close();
  }
}
