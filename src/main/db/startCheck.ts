import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * When the start-up check reads the whole file. `PRAGMA quick_check` reads every page (seconds on a
 * five-year shop's database), so it runs only when there is a reason to doubt the file: the app did
 * not close it cleanly last time, something else changed it since, no record says when it was last
 * checked, or the last full check is a week old. Every other start runs the cheap checks (see
 * `openDatabase`). The record lives beside the database, outside every backup.
 */
export const FULL_CHECK_EVERY_MS = 7 * 24 * 3600_000;

const record = z.object({
  /** True from a successful open until the clean close: still true at start means a crash or a kill. */
  open: z.boolean(),
  /** When `quick_check` last passed on this file (server clock). */
  checkedAt: z.number().nullable(),
  /** The file as the clean close left it: anything else touched it if it differs at the next start. */
  closed: z.object({ size: z.number(), mtimeMs: z.number() }).nullable(),
});
export type StartRecord = z.infer<typeof record>;

export type FullCheckReason = 'noRecord' | 'unclean' | 'changedOutside' | 'due';

export function startRecordFile(databaseFile: string): string {
  return `${databaseFile}.start.json`;
}

export function readStartRecord(databaseFile: string): StartRecord | null {
  try {
    const parsed = record.safeParse(JSON.parse(readFileSync(startRecordFile(databaseFile), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function fileStamp(file: string): { size: number; mtimeMs: number } | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? { size: stat.size, mtimeMs: stat.mtimeMs } : null;
}

/** Why this start must run the full check, or null when the cheap checks are enough. */
export function fullCheckReason(databaseFile: string, now: number): FullCheckReason | null {
  const last = readStartRecord(databaseFile);
  if (!last) return 'noRecord';
  if (last.open) return 'unclean';
  const stamp = fileStamp(databaseFile);
  // A clean close checkpoints and removes the write-ahead log: one there now was left by another writer.
  const wal = fileStamp(`${databaseFile}-wal`);
  if (
    !stamp ||
    !last.closed ||
    stamp.size !== last.closed.size ||
    // Tools that keep a file's time (Node's utimes too) round it to the millisecond.
    Math.abs(stamp.mtimeMs - last.closed.mtimeMs) > 1 ||
    (wal !== null && wal.size > 0)
  ) {
    return 'changedOutside';
  }
  // A clock set back (checkedAt in the future) counts as due too.
  if (last.checkedAt === null || now - last.checkedAt >= FULL_CHECK_EVERY_MS || now < last.checkedAt) {
    return 'due';
  }
  return null;
}

function write(databaseFile: string, next: StartRecord): void {
  const file = startRecordFile(databaseFile);
  // Whole or not at all: a torn record would read as "no record", i.e. one more full check.
  writeFileSync(`${file}.tmp`, JSON.stringify(next));
  renameSync(`${file}.tmp`, file);
}

/** The database is open for work: until `markClosed`, a next start treats the file as not closed cleanly. */
export function markOpen(databaseFile: string, checkedAt: number | null): void {
  write(databaseFile, {
    open: true,
    checkedAt: checkedAt ?? readStartRecord(databaseFile)?.checkedAt ?? null,
    closed: null,
  });
}

/** After the connection closed (WAL folded in and removed): remember how the file was left. */
export function markClosed(databaseFile: string): void {
  write(databaseFile, {
    open: false,
    checkedAt: readStartRecord(databaseFile)?.checkedAt ?? null,
    closed: fileStamp(databaseFile),
  });
}
