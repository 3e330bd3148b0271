import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { BACKUP_FORMAT_VERSION, type BackupManifest } from '@shared/schemas/backup';
import { ATTACHMENTS_MEMBER, DATABASE_MEMBER, type ArchiveContents } from './archive';
import { tableFigures } from './checks';
import { sha256File } from './sha256File';

/**
 * A restore's safety copy is the replaced data itself, moved (not copied) into a folder beside the
 * database. This note, written once the swap is done, makes the folder a backup the history, the
 * recovery screen and a restore know.
 */
const SAFETY_NOTE = 'safety-copy.json';

const safetyNote = z.object({
  createdAt: z.number(),
  appVersion: z.string(),
  shopName: z.string().nullable(),
  branchCode: z.string().nullable(),
});
export type SafetyNote = z.infer<typeof safetyNote>;

export function writeSafetyNote(dir: string, note: SafetyNote): void {
  writeFileSync(join(dir, SAFETY_NOTE), `${JSON.stringify(note, null, 2)}\n`);
}

export function isSafetyCopy(path: string): boolean {
  try {
    return statSync(path).isDirectory() && existsSync(join(path, SAFETY_NOTE));
  } catch {
    return false;
  }
}

async function copyHashed(from: string, to: string): Promise<{ sha256: string; bytes: number }> {
  copyFileSync(from, to);
  return sha256File(to);
}

/**
 * A safety copy read as an archive is: its files copied into the work folder (never moved: the copy
 * stays for another time) and hashed, and a manifest of what the copied database holds, so the
 * restore's own checks (integrity_check, schema) run on it as on any archive.
 */
export async function readSafetyCopy(dir: string, workDir: string): Promise<ArchiveContents> {
  const note = safetyNote.parse(JSON.parse(readFileSync(join(dir, SAFETY_NOTE), 'utf8')));
  const files: BackupManifest['files'] = {};
  const database = join(workDir, DATABASE_MEMBER);
  files[DATABASE_MEMBER] = await copyHashed(join(dir, DATABASE_MEMBER), database);
  mkdirSync(join(workDir, ATTACHMENTS_MEMBER), { recursive: true });
  const attachments = join(dir, ATTACHMENTS_MEMBER);
  if (existsSync(attachments)) {
    for (const name of readdirSync(attachments)) {
      const from = join(attachments, name);
      if (!statSync(from).isFile()) continue;
      files[`${ATTACHMENTS_MEMBER}/${name}`] = await copyHashed(
        from,
        join(workDir, ATTACHMENTS_MEMBER, name),
      );
    }
  }
  const db = new Database(database, { readonly: true, fileMustExist: true });
  let manifest: BackupManifest;
  try {
    manifest = {
      format: 'after-sales-desk-backup',
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: note.appVersion,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      createdAt: note.createdAt,
      shopName: note.shopName,
      branchCode: note.branchCode,
      trigger: 'safety',
      ...tableFigures(db),
      files,
    };
  } finally {
    db.close();
  }
  return { manifest, manifestSha256: null, files: new Map(Object.entries(files)) };
}
