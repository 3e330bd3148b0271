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
  backupManifest,
  type BackupManifest,
  type BackupProgress,
  type BackupTrigger,
} from '@shared/schemas/backup';
import type { Sqlite } from '../../db/open';
import { quickCheckProblem } from '../../db/open';
import {
  ATTACHMENTS_MEMBER,
  DATABASE_MEMBER,
  MANIFEST_MEMBER,
  compareMembers,
  readArchive,
  writeArchive,
} from './archive';
import { fsFailure } from './fsFailure';
import { sha256File, tableFigures } from './figures';
import { archiveName } from './names';

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

/**
 * Online backup → quick_check on the copy → checksums → archive under a temporary name in the
 * target folder → read it back and compare with the manifest → rename into place.
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
  try {
    checkFolder(folder);
    const dbCopy = join(workDir, DATABASE_MEMBER);
    report('database', 0);
    await req.sqlite.backup(dbCopy, {
      progress: ({ totalPages, remainingPages }) => {
        report('database', totalPages > 0 ? 45 * (1 - remainingPages / totalPages) : 45);
        return req.stepPages ?? 4096;
      },
    });

    mark('copy');
    report('verify', 45);
    const copy = new Database(dbCopy);
    let figures;
    try {
      // One self-contained file in the archive: no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      const problem = quickCheckProblem(copy);
      if (problem)
        throw new AppError(
          'backupCopyFailedCheck',
          { problem },
          `the backup copy failed its check: ${problem}`,
        );
      figures = tableFigures(copy);
    } finally {
      copy.close();
    }
    mark('check');
    report('verify', 55);

    const files: BackupManifest['files'] = { [DATABASE_MEMBER]: await sha256File(dbCopy) };
    const attachmentsFrom = join(req.dataDir, 'attachments');
    const attachmentsTo = join(workDir, ATTACHMENTS_MEMBER);
    mkdirSync(attachmentsTo);
    if (existsSync(attachmentsFrom)) {
      for (const name of readdirSync(attachmentsFrom)) {
        const from = join(attachmentsFrom, name);
        if (!statSync(from).isFile()) continue;
        linkOrCopy(from, join(attachmentsTo, name));
        files[`${ATTACHMENTS_MEMBER}/${name}`] = await sha256File(join(attachmentsTo, name));
      }
    }
    const manifest: BackupManifest = {
      format: 'after-sales-desk-backup',
      formatVersion: 1,
      appVersion: req.appVersion,
      schemaVersion: req.schemaVersion,
      createdAt: req.at,
      shopName: req.shopName,
      branchCode: req.branchCode,
      trigger: req.trigger,
      rowCounts: figures.rowCounts,
      tableChecksums: figures.tableChecksums,
      files,
    };
    writeFileSync(join(workDir, MANIFEST_MEMBER), `${JSON.stringify(manifest, null, 2)}\n`);
    report('archive', 60);

    const name = freeName(folder, req.branchCode, req.at, req.trigger);
    partial = join(folder, `.${name}.partial`);
    const total = Object.keys(files).length + 3;
    let written = 0;
    try {
      await writeArchive(workDir, [MANIFEST_MEMBER, DATABASE_MEMBER, ATTACHMENTS_MEMBER], partial, () => {
        written++;
        report('archive', 60 + (25 * Math.min(written, total)) / total);
      });
    } catch (error) {
      throw fsFailure(error, folder);
    }

    mark('archive');
    report('check', 85);
    const back = await readArchive(partial);
    const mismatch =
      JSON.stringify(back.manifest) !== JSON.stringify(backupManifest.parse(manifest))
        ? 'manifest differs'
        : compareMembers(manifest, back.files);
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
    if (partial) rmSync(partial, { force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}
