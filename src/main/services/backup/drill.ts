import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { BackupProof, BackupRun } from '@shared/schemas/backup';

/*
 * Restore drills (恢复演练): after a backup, its archive is read back and checked in full as a
 * restore checks it, in the background on one core. A backup that passes is known to restore; one
 * that fails shows as failed while there is still time to make another. A restore of an archive
 * with the same manifest then needs only the read, not the checks again (issue 18).
 */

let linked: string | null = null;

/** The SQLite linked in: the checks are its own, and a newer one may check more. */
export function sqliteVersion(): string {
  if (linked === null) {
    const db = new Database(':memory:');
    try {
      linked = db.prepare('SELECT sqlite_version()').pluck().get() as string;
    } finally {
      db.close();
    }
  }
  return linked;
}

/** The newest good backup, when it still needs its drill (a safety copy is the data itself: none). */
export function toDrill(
  history: BackupRun[],
  tried: ReadonlySet<string>,
): (BackupRun & { file: string }) | null {
  const newest = history.find((run) => run.ok && run.trigger !== 'safety');
  if (!newest || newest.file === null || !newest.exists || newest.proof || tried.has(newest.id)) return null;
  return { ...newest, file: newest.file };
}

/** A drill that found what a restore would refuse (not a file gone or a full disk): the backup failed. */
export function drillRefusal(error: unknown, file: string): AppError | null {
  return error instanceof AppError && error.reason.startsWith('archive') && existsSync(file) ? error : null;
}

/** Whether a drill with this SQLite proved an archive with this manifest (see InspectOptions.proven). */
export function provenIn(history: BackupRun[], manifestSha256: string): boolean {
  const sqlite = sqliteVersion();
  return history.some(
    (run) => run.ok && run.proof?.manifestSha256 === manifestSha256 && run.proof.sqlite === sqlite,
  );
}

export function proofOf(at: number, manifestSha256: string): BackupProof {
  return { at, manifestSha256, sqlite: sqliteVersion() };
}
