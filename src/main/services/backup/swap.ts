import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import { DATABASE_FILE, openDatabase, type OpenedDatabase } from '../../db/open';
import type { BackupHost } from './host';
import { stamp } from './names';

// Side files first, the main file last: once the main file is aside, all of it is.
const SIDE_FILES = ['-wal', '-shm', '-journal', ''];
const JOURNAL = 'swap-journal.json';

function moveDatabase(from: string, to: string): void {
  for (const side of SIDE_FILES) if (existsSync(from + side)) renameSync(from + side, to + side);
}

/** Flush a file's data to the disk (what a rename then puts in place must be there after a power cut). */
function flushFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function removeDatabase(file: string): void {
  for (const side of SIDE_FILES) rmSync(file + side, { force: true });
}

/** Where a swap put things, written before the first rename so a killed swap can be undone. */
interface SwapJournal {
  incoming: string;
  databaseAside: string;
  attachmentsAside: string;
  /** The safety copy's folder, removed again if the swap is undone and it is left empty. */
  safetyDir: string | null;
}

function writeJournal(dataDir: string, journal: SwapJournal): void {
  const temp = join(dataDir, `${JOURNAL}.partial`);
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, JSON.stringify(journal));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(dataDir, JOURNAL));
}

/** Put the current data back where it was: whatever stands in its place is the unfinished new data. */
function undoSwap(dataDir: string, journal: SwapJournal): void {
  const dbFile = join(dataDir, DATABASE_FILE);
  const attachments = join(dataDir, 'attachments');
  if (existsSync(journal.databaseAside)) {
    removeDatabase(dbFile);
    moveDatabase(journal.databaseAside, dbFile);
  } else {
    // Cut short while moving the side files aside: the main file never left.
    for (const side of SIDE_FILES.slice(0, -1))
      if (existsSync(journal.databaseAside + side)) renameSync(journal.databaseAside + side, dbFile + side);
  }
  if (existsSync(journal.attachmentsAside)) {
    rmSync(attachments, { recursive: true, force: true });
    renameSync(journal.attachmentsAside, attachments);
  }
  removeDatabase(journal.incoming);
  if (journal.safetyDir && existsSync(journal.safetyDir) && readdirSync(journal.safetyDir).length === 0)
    rmSync(journal.safetyDir, { recursive: true, force: true });
  rmSync(join(dataDir, JOURNAL), { force: true });
}

/**
 * At start-up, before the database opens: a swap killed half-way (power cut, crash) is undone, so
 * the shop starts on the data it had, never on a missing or half-moved file.
 */
export function recoverInterruptedSwap(dataDir: string): boolean {
  rmSync(join(dataDir, `${JOURNAL}.partial`), { force: true });
  const file = join(dataDir, JOURNAL);
  if (!existsSync(file)) {
    // Killed before the journal was written: only the incoming copy was placed; the data never moved.
    removeDatabase(join(dataDir, `${DATABASE_FILE}.incoming`));
    return false;
  }
  undoSwap(dataDir, JSON.parse(readFileSync(file, 'utf8')) as SwapJournal);
  return true;
}

/**
 * Put a verified database file and attachments folder in place of the current ones, by renames on
 * the same disk. With `safetyDir`, the current files are moved (not copied) into it and stay there:
 * that is the safety copy. Without it, they stay aside until the new database has opened and
 * migrated and are then removed. If opening fails they are put back and reopened. A damaged
 * database is never deleted: it is kept as `after-sales.db.damaged-<time>`.
 */
export function swapIn(
  host: BackupHost,
  newDatabase: string,
  newAttachments: string,
  damaged: boolean,
  safetyDir: string | null = null,
  /** Skip the quick_check on opening: the caller has just run integrity_check on this very file. */
  checked = false,
): { damagedFile: string | null } {
  const dbFile = join(host.dataDir, DATABASE_FILE);
  const attachments = join(host.dataDir, 'attachments');
  const tag = `${stamp(host.deps.now())}-${process.hrtime.bigint() % 100000n}`;
  const keep = safetyDir !== null && !damaged;
  if (keep) mkdirSync(safetyDir, { recursive: true });
  const journal: SwapJournal = {
    incoming: `${dbFile}.incoming`,
    databaseAside: damaged
      ? `${dbFile}.damaged-${tag}`
      : keep
        ? join(safetyDir, DATABASE_FILE)
        : `${dbFile}.previous-${tag}`,
    attachmentsAside: keep ? join(safetyDir, 'attachments') : `${attachments}.previous-${tag}`,
    safetyDir: keep ? safetyDir : null,
  };

  // The new data is on the disk before it takes the current data's place.
  flushFile(newDatabase);
  for (const name of readdirSync(newAttachments)) flushFile(join(newAttachments, name));
  removeDatabase(journal.incoming);
  renameSync(newDatabase, journal.incoming);
  writeJournal(host.dataDir, journal);
  host.checkpoint?.('swap:journal');
  // Closing checkpoints the write-ahead log into the file, so the move is normally one rename.
  host.closeCurrent();
  let opened: OpenedDatabase;
  try {
    moveDatabase(dbFile, journal.databaseAside);
    host.checkpoint?.('swap:safetyMove');
    if (existsSync(attachments)) renameSync(attachments, journal.attachmentsAside);
    renameSync(newAttachments, attachments);
    renameSync(journal.incoming, dbFile);
    host.checkpoint?.('swap:renamed');
    opened = openDatabase(dbFile, host.migrationsDir, { check: !checked });
  } catch (error) {
    undoSwap(host.dataDir, journal);
    if (!damaged) host.install(openDatabase(dbFile, host.migrationsDir));
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError(
      'swapFailed',
      { detail },
      `swapping in the new data failed; the current data was put back: ${detail}`,
    );
  }
  host.install(opened);
  host.checkpoint?.('swap:opened');
  rmSync(join(host.dataDir, JOURNAL), { force: true });
  if (!keep) {
    if (!damaged) removeDatabase(journal.databaseAside);
    rmSync(journal.attachmentsAside, { recursive: true, force: true });
  }
  return { damagedFile: damaged ? journal.databaseAside : null };
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
