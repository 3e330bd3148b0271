import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import {
  BACKUP_FORMAT_VERSION,
  backupManifest,
  type BackupManifest,
  type BackupProgress,
  type BackupTrigger,
} from '@shared/schemas/backup';
import type { Sqlite } from '../../db/open';
import {
  ATTACHMENTS_MEMBER,
  DATABASE_MEMBER,
  MANIFEST_MEMBER,
  compareMembers,
  startArchive,
  type WrittenArchive,
} from './archive';
import { checkInParallel } from './parallelChecks';
import { fsFailure } from './fsFailure';
import { sha256File } from './sha256File';
import { archiveName } from './names';

const COPY_MMAP_BYTES = 2 ** 31 - 2 ** 16;

export type Report = (phase: NonNullable<BackupProgress['phase']>, percent: number) => void;

export interface WriteRequest {
  sqlite: Sqlite;
  schemaVersion: number;
  appVersion: string;
  shopName: string | null;
  branchCode: string | null;
  dataDir: string;
  /** An empty folder of our own on the data disk; removed afterwards. */
  workDir: string;
  folder: string;
  trigger: BackupTrigger;
  at: number;
  stepPages?: number;
  report: Report;
}

/** Hard links cost nothing on the same disk; copy when the file system refuses. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function checkFolder(folder: string): void {
  try {
    const stat = statSync(folder);
    if (!stat.isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
  } catch (error) {
    throw fsFailure(error, folder);
  }
}

function freeName(folder: string, branch: string | null, at: number, trigger: BackupTrigger): string {
  for (let n = 1; ; n++) {
    const name = archiveName(branch, at, trigger, n);
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, `.${name}.partial`))) return name;
  }
}

/** SHA-256 and size of every attachment in the staging folder (the database's is a check job). */
async function attachmentChecksums(workDir: string): Promise<BackupManifest['files']> {
  const files: BackupManifest['files'] = {};
  for (const name of readdirSync(join(workDir, ATTACHMENTS_MEMBER))) {
    const path = `${ATTACHMENTS_MEMBER}/${name}`;
    files[path] = await sha256File(join(workDir, path));
  }
  return files;
}

/**
 * Why the archive written is not what the manifest says, or null: the bytes written were read back
 * as they went out (see writeArchive), each member compared with the staged file whose checksum the
 * manifest holds, and the file on the disk must hold exactly the bytes written.
 */
async function writtenMismatch(written: WrittenArchive, manifest: BackupManifest): Promise<string | null> {
  let back;
  try {
    back = await written.readBack;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (written.fileSha256 !== written.sha256) return 'the file differs from the bytes written';
  if (JSON.stringify(back.manifest) !== JSON.stringify(backupManifest.parse(manifest))) {
    return 'manifest differs';
  }
  return compareMembers(
    manifest,
    back.files,
    (expected, member) => member.sameAsStaged && member.bytes === expected.bytes,
  );
}

/**
 * Online backup → quick_check, table figures and file checksums of the copy while it is packed
 * under a temporary name in the target folder (and read back as it is written) → the manifest last
 * → the file's bytes equal those read back, which match the manifest → rename into place.
 * On failure no partial file is left and the error says what went wrong.
 */
export async function writeBackupArchive(
  req: WriteRequest,
): Promise<{ file: string; bytes: number; timings: string }> {
  const { report, workDir, folder } = req;
  const marks: string[] = [];
  let last = performance.now();
  const mark = (step: string) => {
    const now = performance.now();
    marks.push(`${step} ${Math.round(now - last)}ms`);
    last = now;
  };
  let partial: string | null = null;
  let archive: ReturnType<typeof startArchive> | null = null;
  try {
    checkFolder(folder);
    const dbCopy = join(workDir, DATABASE_MEMBER);
    report('database', 0);
    // Read through a memory map while copying: the pages come straight from the OS cache instead of
    // being copied into SQLite's (about half the time on the bench branch). Only for the copy.
    const mapped = req.sqlite.pragma('mmap_size', { simple: true }) as number;
    req.sqlite.pragma(`mmap_size = ${COPY_MMAP_BYTES}`);
    try {
      await req.sqlite.backup(dbCopy, {
        progress: ({ totalPages, remainingPages }) => {
          report('database', totalPages > 0 ? 45 * (1 - remainingPages / totalPages) : 45);
          return req.stepPages ?? 4096;
        },
      });
    } finally {
      req.sqlite.pragma(`mmap_size = ${mapped}`);
    }

    mark('copy');
    // One self-contained file in the archive: no -wal beside it.
    const copy = new Database(dbCopy);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    report('verify', 45);

    const attachmentsFrom = join(req.dataDir, 'attachments');
    const attachmentsTo = join(workDir, ATTACHMENTS_MEMBER);
    mkdirSync(attachmentsTo);
    if (existsSync(attachmentsFrom)) {
      for (const name of readdirSync(attachmentsFrom)) {
        const from = join(attachmentsFrom, name);
        if (statSync(from).isFile()) linkOrCopy(from, join(attachmentsTo, name));
      }
    }
    const name = freeName(folder, req.branchCode, req.at, req.trigger);
    partial = join(folder, `.${name}.partial`);
    // The archive is packed (the database first) in one worker while the checks and the database's
    // checksum run in others and the attachments' checksums on this thread. The manifest goes last.
    archive = startArchive(workDir, partial);
    archive.add(ATTACHMENTS_MEMBER);
    const [checked, hashed] = await Promise.allSettled([
      checkInParallel(dbCopy, { quickCheck: true, integrity: false, fileChecksum: true }, (done) =>
        report('verify', 45 + 35 * done),
      ),
      attachmentChecksums(workDir),
    ]);
    if (checked.status === 'rejected' || hashed.status === 'rejected' || checked.value.problems.length > 0) {
      await archive.finish().catch(() => undefined);
      if (checked.status === 'rejected') throw checked.reason;
      if (hashed.status === 'rejected') throw hashed.reason;
      const problem = checked.value.problems.join('; ');
      throw new AppError(
        'backupCopyFailedCheck',
        { problem },
        `the backup copy failed its check: ${problem}`,
      );
    }
    const databaseChecksum = checked.value.file;
    if (!databaseChecksum) throw new Error('the database copy was not checksummed');
    mark('check');
    report('archive', 80);
    const manifest: BackupManifest = {
      format: 'after-sales-desk-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: req.appVersion,
      schemaVersion: req.schemaVersion,
      createdAt: req.at,
      shopName: req.shopName,
      branchCode: req.branchCode,
      trigger: req.trigger,
      rowCounts: checked.value.rowCounts,
      tableChecksums: checked.value.tableChecksums,
      files: { [DATABASE_MEMBER]: databaseChecksum, ...hashed.value },
    };
    writeFileSync(join(workDir, MANIFEST_MEMBER), `${JSON.stringify(manifest, null, 2)}\n`);
    archive.add(MANIFEST_MEMBER);
    let written;
    try {
      written = await archive.finish();
    } catch (error) {
      throw fsFailure(error, folder);
    }

    mark('archive');
    report('check', 85);
    const mismatch = await writtenMismatch(written, manifest);
    if (mismatch) {
      throw new AppError(
        'backupVerifyFailed',
        { mismatch },
        `the written backup failed verification: ${mismatch}`,
      );
    }

    const file = join(folder, name);
    renameSync(partial, file);
    partial = null;
    mark('verify');
    report('done', 100);
    return { file, bytes: statSync(file).size, timings: marks.join(', ') };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fsFailure(error, folder);
  } finally {
    // A backup that failed with its archive under way lets the writer end (and close the file) first.
    await archive?.finish().catch(() => undefined);
    if (partial) rmSync(partial, { force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}
