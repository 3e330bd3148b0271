import { statSync } from 'node:fs';
import { join } from 'node:path';
import { DATABASE_MEMBER } from './archive';
import type { Inspected } from './inspect';
import { isSafetyCopy } from './safetyCopy';

/** How long a verified extraction waits for its restore: the manager reads the counts and confirms. */
const KEEP_MS = 15 * 60_000;

/** Inode, size and modification time: a file replaced or written to since differs in one of them. */
function stamp(file: string): string | null {
  try {
    const { ino, size, mtimeMs } = statSync(file);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return null;
  }
}

/** The stamp of what an inspection reads: the archive file, or a safety copy's database. */
export function archiveStamp(file: string): string | null {
  return stamp(isSafetyCopy(file) ? join(file, DATABASE_MEMBER) : file);
}

interface Kept {
  file: string;
  archive: string;
  database: string;
  inspected: Inspected;
  timer: NodeJS.Timeout;
}

/**
 * The last inspection's verified extraction, kept for the restore the manager confirms next: the
 * restore swaps in the very files that were checked and shown, instead of reading and checking the
 * archive a second time (issue 18). Only while nothing changed: the archive (stamped before it was
 * read) and the extracted database must be as they were. One at a time, on the data disk; dropped
 * after KEEP_MS, at the next inspection or restore, and on close (a start removes what a crash left).
 */
export class KeptInspection {
  private kept: Kept | null = null;

  /** Keep `inspected`, read from `file` as it was when stamped `archive` (null: not kept). */
  keep(file: string, archive: string | null, inspected: Inspected): void {
    this.drop();
    const database = stamp(inspected.databaseFile);
    if (archive === null || database === null) {
      inspected.discard();
      return;
    }
    const timer = setTimeout(() => this.drop(), KEEP_MS);
    timer.unref();
    this.kept = { file, archive, database, inspected, timer };
  }

  /** The kept inspection of `file` if nothing changed since, now the caller's; anything else is dropped. */
  take(file: string): Inspected | null {
    const kept = this.kept;
    if (!kept) return null;
    clearTimeout(kept.timer);
    this.kept = null;
    if (
      kept.file === file &&
      archiveStamp(file) === kept.archive &&
      stamp(kept.inspected.databaseFile) === kept.database
    ) {
      return kept.inspected;
    }
    kept.inspected.discard();
    return null;
  }

  drop(): void {
    if (!this.kept) return;
    clearTimeout(this.kept.timer);
    this.kept.inspected.discard();
    this.kept = null;
  }
}
