import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '@shared/errors';
import type { BackupInspection } from '@shared/schemas/backup';
import { ATTACHMENTS_MEMBER, DATABASE_MEMBER, compareMembers, extractArchive, readArchive } from './archive';
import { sha256File, tableFigures } from './figures';

export interface Inspected {
  inspection: BackupInspection;
  /** The verified database, extracted on the data disk (ready to be renamed into place). */
  databaseFile: string;
  attachmentsDir: string;
  /** Remove the extracted files (after a restore, whatever is left of them). */
  discard(): void;
}

function refuse(what: string, english: string): AppError {
  return new AppError(
    'VALIDATION',
    `备份文件未通过检查：${what}，未做任何更改 / The backup failed its check: ${english}; nothing was changed`,
  );
}

/**
 * Everything a restore depends on, checked before anything changes: a readable tar.gz, a valid
 * manifest, every member's checksum, integrity_check, and row counts and table checksums recomputed
 * from the database itself (so a manifest that lies is caught), and a schema this app can open.
 */
export async function inspectArchive(
  file: string,
  workDir: string,
  knownSchema: number,
  /** Progress 0–100 of the checks, for the restore's progress bar. */
  onStep: (percent: number) => void = () => undefined,
): Promise<Inspected> {
  const discard = () => rmSync(workDir, { recursive: true, force: true });
  try {
    if (!existsSync(file) || !statSync(file).isFile()) {
      throw new AppError('VALIDATION', `找不到备份文件：${file} / The backup file does not exist: ${file}`);
    }
    const bytes = statSync(file).size;
    let contents;
    try {
      contents = await readArchive(file);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw refuse(
        `不是可读的备份压缩包（已损坏或不是 .tar.gz）：${detail}`,
        `it is not a readable backup archive (damaged, or not a .tar.gz): ${detail}`,
      );
    }
    onStep(30);
    const { manifest } = contents;
    if (manifest.schemaVersion > knownSchema) {
      throw new AppError(
        'CONFLICT',
        `此备份来自更新版本的售后服务台（数据结构版本 ${manifest.schemaVersion}，本程序支持到 ${knownSchema}），请先升级程序 / ` +
          `This backup was made by a newer version of After-Sales Desk (schema ${manifest.schemaVersion}, this app knows ${knownSchema}); update the app first`,
      );
    }
    const members = compareMembers(manifest, contents.files);
    if (members) throw refuse(`文件校验和不符（${members}）`, `member checksums do not match (${members})`);

    await extractArchive(file, workDir);
    onStep(55);
    for (const [path, expected] of Object.entries(manifest.files)) {
      const actual = await sha256File(join(workDir, path));
      if (actual.sha256 !== expected.sha256)
        throw refuse(`解压后的文件 ${path} 校验和不符`, `extracted ${path} does not match its checksum`);
    }
    onStep(65);
    const databaseFile = join(workDir, DATABASE_MEMBER);
    const attachmentsDir = join(workDir, ATTACHMENTS_MEMBER);
    mkdirSync(attachmentsDir, { recursive: true });

    const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
    try {
      const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map(
        (r) => r.integrity_check,
      );
      if (integrity.length !== 1 || integrity[0] !== 'ok') {
        throw refuse(
          `数据库完整性检查未通过（${integrity.slice(0, 3).join('; ')}）`,
          `integrity_check failed (${integrity.slice(0, 3).join('; ')})`,
        );
      }
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== manifest.schemaVersion) {
        throw refuse(
          `清单中的数据结构版本（${manifest.schemaVersion}）与数据库（${version}）不符`,
          `the manifest's schema version (${manifest.schemaVersion}) differs from the database's (${version})`,
        );
      }
      onStep(80);
      const figures = tableFigures(db);
      const tables = new Set([...Object.keys(figures.rowCounts), ...Object.keys(manifest.rowCounts)]);
      for (const table of [...tables].sort()) {
        if (figures.rowCounts[table] !== manifest.rowCounts[table]) {
          throw refuse(
            `表 ${table} 的行数与清单不符（清单 ${manifest.rowCounts[table] ?? '无'}，实际 ${figures.rowCounts[table] ?? '无'}）`,
            `row count of ${table} differs from the manifest (manifest ${manifest.rowCounts[table] ?? 'none'}, actual ${figures.rowCounts[table] ?? 'none'})`,
          );
        }
        if (figures.tableChecksums[table] !== manifest.tableChecksums[table]) {
          throw refuse(
            `表 ${table} 的校验和与清单不符`,
            `the checksum of table ${table} differs from the manifest`,
          );
        }
      }
    } catch (error) {
      if (error instanceof AppError) throw error;
      const detail = error instanceof Error ? error.message : String(error);
      throw refuse(`数据库无法读取：${detail}`, `the database cannot be read: ${detail}`);
    } finally {
      db.close();
    }
    return {
      inspection: { file, bytes, manifest, needsMigration: manifest.schemaVersion < knownSchema },
      databaseFile,
      attachmentsDir,
      discard,
    };
  } catch (error) {
    discard();
    throw error;
  }
}
