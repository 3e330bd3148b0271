import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { BackupInspection, BackupManifest } from '@shared/schemas/backup';
import {
  ATTACHMENTS_MEMBER,
  DATABASE_MEMBER,
  ExtractWriteError,
  compareMembers,
  readArchive,
  sameChecksum,
} from './archive';
import type { TableFigures } from './checks';
import { checkInParallel } from './parallelChecks';
import { isSafetyCopy, readSafetyCopy } from './safetyCopy';

export interface Inspected {
  inspection: BackupInspection;
  /** The verified database, extracted on the data disk (ready to be renamed into place). */
  databaseFile: string;
  attachmentsDir: string;
  /** Remove the extracted files (after a restore, whatever is left of them). */
  discard(): void;
  /** Time per step, for the log. */
  timings: string;
  /** SHA-256 of the archive's manifest (null for a safety copy): what a restore drill records. */
  manifestSha256: string | null;
}

export interface InspectOptions {
  /** Progress 0–100 of the checks, for the restore's progress bar. */
  onStep?: (percent: number) => void;
  /**
   * Whether a restore drill of this app checked an archive with this manifest in full. The manifest
   * holds every member's checksum, all matched here: the bytes are the ones checked then, and the
   * checks would find what they found then.
   */
  proven?: (manifestSha256: string) => boolean;
  /** At most this many check workers (a drill in the background leaves the counter a core). */
  workers?: number;
}

/** Row counts and table checksums recomputed from the database equal the manifest's (so a lying manifest is caught). */
function compareFigures(manifest: BackupManifest, figures: TableFigures): void {
  const tables = new Set([...Object.keys(figures.rowCounts), ...Object.keys(manifest.rowCounts)]);
  for (const table of [...tables].sort()) {
    const manifestRows = manifest.rowCounts[table];
    const actualRows = figures.rowCounts[table];
    const message = `row count of ${table} differs from the manifest (${manifestRows}, actual ${actualRows})`;
    // The table is on one side at least; a side without it has no count.
    if (manifestRows === undefined || actualRows === undefined) {
      if (actualRows !== undefined)
        throw new AppError('archiveTableNotInManifest', { table, actualRows }, message);
      if (manifestRows !== undefined) {
        throw new AppError('archiveTableNotInDatabase', { table, manifestRows }, message);
      }
    } else if (manifestRows !== actualRows) {
      throw new AppError('archiveRowCountMismatch', { table, manifestRows, actualRows }, message);
    }
    if (figures.tableChecksums[table] !== manifest.tableChecksums[table]) {
      throw new AppError(
        'archiveChecksumMismatch',
        { table },
        `the checksum of table ${table} differs from the manifest`,
      );
    }
  }
}

/**
 * The extracted database written out to the disk ahead of the swap (on libuv's threads), while it
 * is checked or the manager reads its counts, so that the swap's flush finds nothing left to write
 * (0.4 s on the bench branch). Never rejects: the swap flushes again and reports a failure there.
 */
async function flushAhead(file: string): Promise<void> {
  try {
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The swap's own flush tells.
  }
}

/**
 * integrity_check (as quick_check for the whole file plus integrity_check of every table, which
 * together check what it checks) and the table figures, in worker threads side by side; then the
 * figures against the manifest's.
 */
async function checkDatabase(
  databaseFile: string,
  manifest: BackupManifest,
  onProgress: (done: number) => void,
  workers: number | undefined,
): Promise<void> {
  let figures;
  try {
    figures = await checkInParallel(
      databaseFile,
      { quickCheck: true, integrity: true, derivedChecksums: manifest.formatVersion === 1 },
      onProgress,
      workers,
    );
  } catch (error) {
    throw unreadable(error);
  }
  if (figures.problems.length > 0) {
    const problems = figures.problems.slice(0, 3).join('; ');
    throw new AppError('archiveIntegrityFailed', { problems }, `integrity_check failed (${problems})`);
  }
  compareFigures(manifest, figures);
}

function unreadable(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('archiveDatabaseUnreadable', { detail }, `the database cannot be read: ${detail}`);
}

/**
 * Everything a restore depends on, checked before anything changes: a readable archive, a valid
 * manifest, every member's checksum, integrity_check, and row counts and table checksums recomputed
 * from the database itself (so a manifest that lies is caught), and a schema this app can open.
 * The database checks are left out for a manifest `proven` by a drill: they ran on these bytes.
 */
export async function inspectArchive(
  file: string,
  workDir: string,
  knownSchema: number,
  { onStep = () => undefined, proven = () => false, workers }: InspectOptions = {},
): Promise<Inspected> {
  const discard = () => rmSync(workDir, { recursive: true, force: true });
  const marks: string[] = [];
  let last = performance.now();
  const mark = (step: string) => {
    const now = performance.now();
    marks.push(`${step} ${Math.round(now - last)}ms`);
    last = now;
  };
  try {
    const safetyCopy = isSafetyCopy(file);
    if (!existsSync(file) || !(safetyCopy || statSync(file).isFile())) {
      throw new AppError('backupFileMissing', { file }, `the backup file does not exist: ${file}`);
    }
    const bytes = statSync(safetyCopy ? join(file, DATABASE_MEMBER) : file).size;
    let contents;
    try {
      // One read: decompress, hash and extract each member in the same pass.
      contents = safetyCopy ? await readSafetyCopy(file, workDir) : await readArchive(file, workDir);
    } catch (error) {
      if (error instanceof ExtractWriteError) throw error.failure;
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError('archiveUnreadable', { detail }, `not a readable backup archive: ${detail}`);
    }
    mark('read');
    onStep(45);
    const { manifest } = contents;
    if (manifest.schemaVersion > knownSchema) {
      throw new AppError(
        'backupTooNew',
        { schemaVersion: manifest.schemaVersion, knownVersion: knownSchema },
        `the backup has schema ${manifest.schemaVersion}; this app knows ${knownSchema}`,
      );
    }
    // The extracted files are the very bytes hashed here, so matching checksums cover them too.
    const members = compareMembers(manifest, contents.files, sameChecksum);
    if (members) {
      throw new AppError('archiveMembersMismatch', { members }, `member checksums do not match (${members})`);
    }
    onStep(55);
    const databaseFile = join(workDir, DATABASE_MEMBER);
    const attachmentsDir = join(workDir, ATTACHMENTS_MEMBER);
    mkdirSync(attachmentsDir, { recursive: true });

    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== manifest.schemaVersion) {
        throw new AppError(
          'archiveSchemaMismatch',
          { manifestVersion: manifest.schemaVersion, databaseVersion: version },
          `the manifest's schema version (${manifest.schemaVersion}) differs from the database's (${version})`,
        );
      }
    } catch (error) {
      throw unreadable(error);
    } finally {
      db.close();
    }
    onStep(60);
    const { manifestSha256 } = contents;
    // Written out to the disk meanwhile, so that the swap's flush finds nothing left to write.
    const flushed = flushAhead(databaseFile);
    // Proven: the flush goes on while the manager reads the counts shown.
    if (manifestSha256 !== null && proven(manifestSha256)) mark('proven by its drill');
    else {
      try {
        await checkDatabase(databaseFile, manifest, (done) => onStep(60 + 20 * done), workers);
      } finally {
        await flushed;
      }
      mark('checks');
    }
    onStep(80);
    return {
      inspection: { file, bytes, manifest, needsMigration: manifest.schemaVersion < knownSchema },
      databaseFile,
      attachmentsDir,
      discard,
      timings: marks.join(', '),
      manifestSha256,
    };
  } catch (error) {
    discard();
    throw error;
  }
}
