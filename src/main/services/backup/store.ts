import {
  existsSync,
  readFileSync,
  renameSync,
  writeFileSync,
  rmSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { backupRun, backupSettings, type BackupRun, type BackupSettings } from '@shared/schemas/backup';

const SETTINGS_FILE = 'backup-settings.json';
const HISTORY_FILE = 'backup-history.json';
/** Enough for years of daily backups; older lines drop off. */
const HISTORY_LIMIT = 1000;

/** Write JSON so a crash leaves either the old file or the new one, never half of one. */
function writeJsonAtomic(file: string, value: unknown): void {
  const temp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    // A hand-edited or damaged file must not stop the app: fall back to defaults.
    return undefined;
  }
}

export function readBackupSettings(dataDir: string): BackupSettings {
  const parsed = backupSettings.safeParse(readJson(join(dataDir, SETTINGS_FILE)) ?? {});
  return parsed.success ? parsed.data : backupSettings.parse({});
}

export function writeBackupSettings(dataDir: string, next: BackupSettings): void {
  writeJsonAtomic(join(dataDir, SETTINGS_FILE), next);
}

const storedRuns = z.array(backupRun.omit({ exists: true }).passthrough());

/** Newest first; `exists` is looked up now (retention or a person may have removed the file). */
export function readHistory(dataDir: string): BackupRun[] {
  const parsed = storedRuns.safeParse(readJson(join(dataDir, HISTORY_FILE)) ?? []);
  const runs = parsed.success ? parsed.data : [];
  return runs
    .map((run) => backupRun.parse({ ...run, exists: run.file !== null && existsSync(run.file) }))
    .sort((a, b) => b.at - a.at);
}

export function appendHistory(dataDir: string, run: BackupRun): void {
  const runs = [run, ...readHistory(dataDir)].slice(0, HISTORY_LIMIT);
  writeJsonAtomic(join(dataDir, HISTORY_FILE), runs);
}

/** The run `id` changed by `change` (a drill's result); nothing when it is no longer in the history. */
export function updateRun(dataDir: string, id: string, change: (run: BackupRun) => BackupRun): void {
  const runs = readHistory(dataDir);
  if (!runs.some((run) => run.id === id)) return;
  writeJsonAtomic(
    join(dataDir, HISTORY_FILE),
    runs.map((run) => (run.id === id ? change(run) : run)),
  );
}
