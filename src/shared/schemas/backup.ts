import { z } from 'zod';
import { refusalSchema } from '../errors';
import { epochMs } from './common';

/** An absolute path on the shop's computer (a folder or a backup file). */
export const localPath = z.string().trim().min(1).max(1000);

/**
 * Where and when automatic backups go. Kept in a file in the data folder, not in the database:
 * the folder belongs to this computer (an external drive), and a restore must not bring back an
 * older choice.
 */
export const backupSettings = z
  .object({
    /** Null until someone picks a folder; automatic backups wait for one. */
    folder: localPath.nullable().default(null),
    /** Daily automatic backup at this local time, "HH:mm"; null turns the daily backup off. */
    dailyAt: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm')
      .nullable()
      .default('18:00'),
    onQuit: z.boolean().default(true),
    /** Retention: the newest backup of each of the last N days and of each of the last M weeks. */
    keepDaily: z.int().min(1).max(365).default(7),
    keepWeekly: z.int().min(0).max(520).default(4),
    /** The home screen warns when the last good backup is older than this many days. */
    warnAfterDays: z.int().min(1).max(90).default(2),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettings>;

export const BACKUP_TRIGGERS = ['manual', 'daily', 'quit', 'safety'] as const;
export type BackupTrigger = (typeof BACKUP_TRIGGERS)[number];

/**
 * A backup's restore drill: its archive read back and checked in full as a restore checks it, after
 * the backup. A restore of an archive with the same manifest (whose checksums cover every member)
 * then need not run those checks again (issue 18).
 */
export const backupProof = z.object({
  at: epochMs,
  /** SHA-256 of the archive's manifest.json. */
  manifestSha256: z.string(),
  /** The SQLite that checked it: a newer one may check more, so it checks again. */
  sqlite: z.string(),
});
export type BackupProof = z.infer<typeof backupProof>;

/** One line of the backup history (kept beside the database, so it survives a restore). */
export const backupRun = z.object({
  id: z.string(),
  at: epochMs,
  trigger: z.enum(BACKUP_TRIGGERS),
  ok: z.boolean(),
  /** The archive written (absent when the run failed before writing it). */
  file: z.string().nullable(),
  bytes: z.int().nonnegative(),
  durationMs: z.int().nonnegative(),
  /** Why it failed, in short English for the log (lines written before reasons: the words shown then). */
  error: z.string().nullable(),
  /** Why it failed: the screens word it by its reason. Null when it worked (and on older lines). */
  failure: refusalSchema.nullable().default(null),
  /** False once retention (or someone) removed the file. */
  exists: z.boolean(),
  username: z.string().nullable(),
  /** Its restore drill, once passed (null before, and for runs that failed or are not drilled). */
  proof: backupProof.nullable().default(null),
});
export type BackupRun = z.infer<typeof backupRun>;

/** Written, then refused by its restore drill (a run that failed while writing has no file). */
export function failedItsDrill(run: BackupRun): boolean {
  return !run.ok && run.file !== null;
}

export const BACKUP_WARNINGS = ['never', 'stale', 'unreachable', 'noFolder', 'lastFailed'] as const;

/** What the home screen needs: the last good backup and whether to warn. */
export const backupStatus = z.object({
  lastGood: backupRun.nullable(),
  lastRun: backupRun.nullable(),
  warning: z.enum(BACKUP_WARNINGS).nullable(),
  /** Days since the last good backup (null when there is none). */
  ageDays: z.number().nullable(),
  folder: z.string().nullable(),
  folderReachable: z.boolean(),
  /** The next daily backup (epoch ms), when one is scheduled. */
  nextDailyAt: epochMs.nullable(),
  /** A backup or restore is running right now. */
  busy: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatus>;

export const BACKUP_PHASES = ['database', 'verify', 'archive', 'check', 'done', 'failed'] as const;
/** Progress of the running backup or restore, for the progress bar (polled). */
export const backupProgress = z.object({
  running: z.boolean(),
  operation: z.enum(['backup', 'restore', 'reset']).nullable(),
  phase: z.enum(BACKUP_PHASES).nullable(),
  /** 0–100. */
  percent: z.number().min(0).max(100),
});
export type BackupProgress = z.infer<typeof backupProgress>;

/** Table → row count, and table → SHA-256 of its rows in key order. */
export const tableFigures = z.record(z.string(), z.int().nonnegative());

export const BACKUP_FORMAT_VERSION = 2;

/** What a backup archive says about itself (manifest.json), checked before any restore. */
export const backupManifest = z.object({
  format: z.literal('after-sales-desk-backup'),
  /**
   * 1: every real table checksummed; 2 (issue 18): the search tables, which triggers derive from the
   * others, only counted. A restore checks each as it was written.
   */
  formatVersion: z.union([z.literal(1), z.literal(BACKUP_FORMAT_VERSION)]),
  appVersion: z.string(),
  schemaVersion: z.int().nonnegative(),
  createdAt: epochMs,
  shopName: z.string().nullable(),
  branchCode: z.string().nullable(),
  trigger: z.enum(BACKUP_TRIGGERS),
  rowCounts: tableFigures,
  tableChecksums: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
  /** Archive member path → SHA-256 and size, for the database and every attachment. */
  files: z.record(z.string(), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.int() })),
});
export type BackupManifest = z.infer<typeof backupManifest>;

export const backupNowInput = z
  .object({
    /** Defaults to the folder from the settings. */
    folder: localPath.optional(),
  })
  .strict();

/** A verified archive: what the restore screen shows before the manager confirms. */
export const backupInspection = z.object({
  file: z.string(),
  bytes: z.int().nonnegative(),
  manifest: backupManifest,
  /** The schema is older than the app's: it is migrated after the restore. */
  needsMigration: z.boolean(),
});
export type BackupInspection = z.infer<typeof backupInspection>;

export const inspectBackupInput = z.object({ file: localPath }).strict();
export const restoreInput = z
  .object({
    file: localPath,
    /** The createdAt the manager saw and confirmed: a different file in its place is refused. */
    expectCreatedAt: epochMs,
  })
  .strict();
export const restoreResult = z.object({
  restoredFrom: backupInspection,
  /** The safety backup of the data that was replaced. */
  safetyBackup: z.string(),
});

/** 清空数据: typed confirmation (the shop name) and an automatic backup first. */
export const resetInput = z.object({ confirm: z.string().trim().min(1).max(60) }).strict();
export const resetResult = z.object({ safetyBackup: z.string() });

export const fullExportInput = z
  .object({ lang: z.enum(['zh-CN', 'en-US']).default('zh-CN'), folder: localPath.optional() })
  .strict();
export const fullExportResult = z.object({
  file: z.string(),
  bytes: z.int().nonnegative(),
  sheets: z.array(z.object({ name: z.string(), rows: z.int().nonnegative() })),
});

/** Native pickers exist only in Electron; browser mode types the path instead. */
export const pickInput = z.object({ kind: z.enum(['folder', 'backupFile']) }).strict();
export const pickResult = z.object({
  supported: z.boolean(),
  path: z.string().nullable(),
});

/** A database that fails its start-up check: the app offers a guided restore instead of crashing. */
export const recoveryState = z.object({
  damaged: z.boolean(),
  /** What the check said, for the manager (and for support). */
  problem: z.string().nullable(),
  /** Backups found in the history and the backup folder, newest first. */
  candidates: z.array(backupRun),
});
export type RecoveryState = z.infer<typeof recoveryState>;
