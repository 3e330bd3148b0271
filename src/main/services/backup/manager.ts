import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import type { AuditEntity } from '@shared/schemas/audit';
import type {
  BackupInspection,
  BackupProgress,
  BackupRun,
  BackupSettings,
  BackupStatus,
  BackupTrigger,
  RecoveryState,
} from '@shared/schemas/backup';
import { knownSchemaVersion } from '../../db/open';
import { changedFields, writeLoneAudit } from '../audit';
import type { Actor, BackupGate } from '../context';
import { SessionStore } from '../sessions';
import { forgetSampleData, readShop } from '../settings';
import { archivesToDelete } from './retention';
import { automaticArchives, safetyCopyName } from './names';
import { dailyDue, nextDailyAt } from './schedule';
import { appendHistory, readBackupSettings, readHistory, updateRun, writeBackupSettings } from './store';
import { writeBackupArchive, type Report } from './write';
import { inspectArchive, type Inspected } from './inspect';
import { KeptInspection, archiveStamp } from './keptInspection';
import { drillRefusal, proofOf, provenIn, toDrill } from './drill';
import { copyKeptTables, freshDatabase, swapIn } from './swap';
import { listCandidates } from './candidates';
import { writeSafetyNote } from './safetyCopy';
import type { BackupHost } from './host';

type Operation = NonNullable<BackupProgress['operation']>;

const DAY_MS = 86_400_000;
/** Checked this often; the timer is unref'd so it never keeps the process alive. */
const TICK_MS = 30_000;
/** Methods that may run while a restore or reset swaps the database. */
const DURING_SWAP = new Set(['backup.progress', 'backup.status', 'auth.state', 'recovery.state']);

/** Anything but the file system that stopped a backup: its own text, for the manager and support. */
function crashed(error: unknown): AppError {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('backupCrashed', { detail }, `the backup failed: ${detail}`);
}

function folderWritable(folder: string): boolean {
  try {
    if (!statSync(folder).isDirectory()) return false;
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Backups, restores and resets for one data folder: one at a time, with progress for the UI,
 * a daily scheduler, retention, and the guided restore when the database is damaged.
 */
export class BackupManager implements BackupGate {
  private busy: Operation | null = null;
  private swapping = false;
  private progressState: BackupProgress = { running: false, operation: null, phase: null, percent: 0 };
  private timer: NodeJS.Timeout | null = null;
  private readonly kept = new KeptInspection();
  private drilling: Promise<void> | null = null;
  /** Runs drilled since the start, passed or not: each is drilled once. */
  private readonly drilled = new Set<string>();
  private stopped = false;

  constructor(
    private readonly host: BackupHost,
    /** What the start-up check found; null when the database is sound. */
    private damage: string | null,
  ) {
    // Leftovers of a run cut short by a crash or power cut.
    rmSync(this.workRoot(), { recursive: true, force: true });
  }

  // ---- gate for dispatch ----

  damaged(): string | null {
    return this.damage;
  }

  /** Whether `method` must wait: only a handful of read-only calls run while the files are swapped. */
  blocks(method: string): boolean {
    return this.swapping && !DURING_SWAP.has(method);
  }

  // ---- views ----

  progress(): BackupProgress {
    return { ...this.progressState };
  }

  settings(): BackupSettings {
    return readBackupSettings(this.host.dataDir);
  }

  updateSettings(next: BackupSettings, actor: Actor | null): BackupSettings {
    const before = this.settings();
    writeBackupSettings(this.host.dataDir, next);
    const diff = changedFields(before, next);
    if (diff) {
      writeLoneAudit(this.host.deps.db, {
        at: this.host.deps.now(),
        actor,
        action: 'update',
        entity: 'backupSettings',
        before: diff.before,
        after: diff.after,
      });
    }
    return next;
  }

  history(): BackupRun[] {
    return readHistory(this.host.dataDir);
  }

  status(): BackupStatus {
    const now = this.host.deps.now();
    const settings = this.settings();
    const history = this.history();
    const lastRun = history[0] ?? null;
    const lastGood = history.find((run) => run.ok) ?? null;
    const reachable = settings.folder !== null && folderWritable(settings.folder);
    const ageDays = lastGood ? Math.round(((now - lastGood.at) / DAY_MS) * 10) / 10 : null;
    let warning: BackupStatus['warning'] = null;
    if (settings.folder === null) warning = 'noFolder';
    else if (!reachable) warning = 'unreachable';
    else if (lastRun && !lastRun.ok) warning = 'lastFailed';
    else if (!lastGood) warning = 'never';
    else if (now - lastGood.at > settings.warnAfterDays * DAY_MS) warning = 'stale';
    return {
      lastGood,
      lastRun,
      warning,
      ageDays,
      folder: settings.folder,
      folderReachable: reachable,
      nextDailyAt: settings.dailyAt && settings.folder ? nextDailyAt(now, settings.dailyAt, history) : null,
      busy: this.busy !== null,
    };
  }

  // ---- backup ----

  /** A backup to `folder` (default: the settings' folder). Throws AppError with words for the manager. */
  /**
   * One backup into `folder` (else the settings' folder). With `adopt`, a good backup into a typed
   * folder while none is set makes it the backup folder: that is where the shop keeps its backups.
   */
  backupNow(trigger: BackupTrigger, actor: Actor | null, folder?: string, adopt = false): Promise<BackupRun> {
    return this.exclusive('backup', async (report) => {
      const settings = this.settings();
      const target = folder ?? settings.folder;
      if (!target) {
        throw new AppError('noBackupFolder', {}, 'no backup folder is set yet');
      }
      const run = await this.writeBackup(trigger, target, actor, report);
      if (trigger === 'daily' || trigger === 'quit') this.applyRetention(target);
      if (adopt && settings.folder === null) this.updateSettings({ ...settings, folder: target }, actor);
      return run;
    });
  }

  /** Called on quit (Electron before-quit, browser mode SIGINT/SIGTERM); never throws. */
  async backupOnQuit(): Promise<void> {
    const settings = this.settings();
    if (!settings.onQuit || !settings.folder || this.damage || this.busy) return;
    try {
      await this.backupNow('quit', null);
    } catch (error) {
      this.host.deps.log.error('backup on quit failed', error);
    }
  }

  private async writeBackup(
    trigger: BackupTrigger,
    folder: string,
    actor: Actor | null,
    report: Report,
  ): Promise<BackupRun> {
    const opened = this.host.current();
    if (!opened)
      throw new AppError('backupDatabaseDamaged', {}, 'the database is damaged and cannot be backed up');
    const started = this.host.deps.now();
    const clockStart = performance.now();
    const shop = readShop(opened.db);
    const base = {
      id: uuidv7(),
      at: started,
      trigger,
      username: actor?.username ?? null,
      proof: null,
    };
    try {
      const written = await writeBackupArchive({
        sqlite: opened.sqlite,
        schemaVersion: opened.schemaVersion,
        appVersion: this.host.appVersion,
        shopName: shop?.name ?? null,
        branchCode: shop?.branchCode ?? null,
        dataDir: this.host.dataDir,
        workDir: this.newWorkDir(),
        folder,
        trigger,
        at: started,
        stepPages: this.host.stepPages,
        report,
      });
      const run: BackupRun = {
        ...base,
        ok: true,
        file: written.file,
        bytes: written.bytes,
        durationMs: Math.round(performance.now() - clockStart),
        error: null,
        failure: null,
        exists: true,
      };
      appendHistory(this.host.dataDir, run);
      this.host.deps.log.info(`backup ${written.file} written (${written.timings})`);
      return run;
    } catch (error) {
      const failure = error instanceof AppError ? error : crashed(error);
      appendHistory(this.host.dataDir, {
        ...base,
        ok: false,
        file: null,
        bytes: 0,
        durationMs: Math.round(performance.now() - clockStart),
        error: failure.message,
        failure: failure.refusal,
        exists: false,
      });
      throw failure;
    }
  }

  private applyRetention(folder: string): void {
    try {
      const shop = this.host.current() && readShop(this.host.deps.db);
      const archives = automaticArchives(shop?.branchCode ?? null, readdirSync(folder));
      for (const file of archivesToDelete(archives, this.settings()))
        rmSync(join(folder, file), { force: true });
    } catch (error) {
      this.host.deps.log.error('backup retention failed', error);
    }
  }

  // ---- restore ----

  /**
   * Verify an archive without changing anything. Its verified extraction is kept for a restore of
   * the same file that follows (see KeptInspection), so the manager waits for one verification.
   */
  async inspect(file: string): Promise<BackupInspection> {
    // Dropped before another is extracted: one archive's worth on the disk, not two.
    this.kept.drop();
    const archive = archiveStamp(file);
    const inspected = await this.verify(file);
    this.kept.keep(file, archive, inspected);
    this.host.checkpoint?.('inspect:kept');
    return inspected.inspection;
  }

  /**
   * inspectArchive into a new work folder, without the database checks for an archive its drill
   * proved; the restore's kill test stops the process at its steps.
   */
  private verify(file: string, onStep: (percent: number) => void = () => undefined): Promise<Inspected> {
    return inspectArchive(file, this.newWorkDir(), this.knownSchema(), {
      onStep: (percent) => {
        onStep(percent);
        this.host.checkpoint?.(`verify:${percent}`);
      },
      proven: (manifestSha256) => provenIn(this.history(), manifestSha256),
    });
  }

  // ---- restore drills (see drill.ts) ----

  /** The newest backup's restore drill, when it has had none; the scheduler's tick runs it. */
  drillNewest(): Promise<void> {
    this.drilling ??= this.drill().finally(() => (this.drilling = null));
    return this.drilling;
  }

  private async drill(): Promise<void> {
    if (this.busy || this.damage || this.stopped) return;
    const run = toDrill(this.history(), this.drilled);
    if (!run) return;
    this.drilled.add(run.id);
    const log = this.host.deps.log;
    try {
      // One check worker: a drill runs beside the counter's work, not instead of it.
      const inspected = await inspectArchive(run.file, this.newWorkDir(), this.knownSchema(), { workers: 1 });
      inspected.discard();
      if (inspected.manifestSha256 === null || this.stopped) return;
      const proof = proofOf(this.host.deps.now(), inspected.manifestSha256);
      updateRun(this.host.dataDir, run.id, (line) => ({ ...line, proof }));
      log.info(`restore drill of ${run.file} passed (${inspected.timings})`);
    } catch (error) {
      const refusal = drillRefusal(error, run.file);
      if (refusal && !this.stopped) {
        updateRun(this.host.dataDir, run.id, (line) => ({
          ...line,
          ok: false,
          error: `its restore drill failed: ${refusal.message}`,
          failure: refusal.refusal,
        }));
      }
      log.error(`restore drill of ${run.file} failed`, error);
    }
  }

  restore(
    input: { file: string; expectCreatedAt: number },
    actor: Actor | null,
  ): Promise<{ restoredFrom: BackupInspection; safetyBackup: string }> {
    return this.exclusive('restore', async (report) => {
      report('verify', 2);
      const kept = this.kept.take(input.file);
      const inspected =
        kept ?? (await this.verify(input.file, (percent) => report('verify', 2 + percent * 0.9)));
      try {
        if (inspected.inspection.manifest.createdAt !== input.expectCreatedAt) {
          throw new AppError('backupNotConfirmed', {}, 'this backup file is not the one confirmed');
        }
        report('check', 95);
        // The safety copy is the current data itself, moved aside by the swap (no copy to wait for);
        // while damaged there is nothing sound to keep: the damaged file is kept aside instead.
        const safetyDir = this.damage ? null : this.safetyCopyDir();
        const replaced = this.host.current() ? readShop(this.host.deps.db) : null;
        this.swapping = true;
        const swapStart = performance.now();
        const aside = swapIn(
          this.host,
          inspected.databaseFile,
          inspected.attachmentsDir,
          this.damage !== null,
          safetyDir,
          true,
        );
        const safetyBackup = safetyDir ?? '';
        if (safetyDir) this.recordSafetyCopy(safetyDir, replaced, actor);
        this.host.deps.log.info(
          `restore from ${input.file}: ${kept ? 'verified at inspection, ' : ''}${inspected.timings}, swap ${Math.round(performance.now() - swapStart)}ms`,
        );
        this.afterSwap(actor, {
          action: 'restore',
          entity: 'database',
          after: {
            from: input.file,
            createdAt: inspected.inspection.manifest.createdAt,
            safetyBackup,
            ...(aside.damagedFile ? { damagedFile: aside.damagedFile } : {}),
          },
        });
        return {
          restoredFrom: inspected.inspection,
          safetyBackup: safetyBackup || (aside.damagedFile ?? ''),
        };
      } finally {
        inspected.discard();
      }
    });
  }

  /** 清空数据: a fresh database keeping users, settings and document-number sequences. */
  reset(confirm: string, actor: Actor | null): Promise<{ safetyBackup: string }> {
    const shop = this.host.current() ? readShop(this.host.deps.db) : null;
    if (!shop || confirm.trim() !== shop.name) {
      throw new AppError('resetNotConfirmed', {}, 'the confirmation does not match the shop name', {
        fields: [{ path: 'confirm', message: 'type the shop name' }],
      });
    }
    return this.exclusive('reset', async (report) => {
      const safetyBackup = await this.safetyBackup(actor, report, [0, 70]);
      report('check', 75);
      this.swapping = true;
      const work = this.newWorkDir();
      try {
        const fresh = freshDatabase(work, this.host.migrationsDir);
        copyKeptTables(fresh, join(this.host.dataDir, 'after-sales.db'));
        const attachments = join(work, 'attachments');
        mkdirSync(attachments);
        swapIn(this.host, fresh, attachments, false);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      forgetSampleData(this.host.deps.db, this.host.deps.now());
      this.afterSwap(actor, { action: 'delete', entity: 'database', after: { reset: true, safetyBackup } });
      return { safetyBackup };
    });
  }

  /** Before the data is replaced: a backup of it (or, if damaged, the damaged file is kept aside). */
  private async safetyBackup(
    actor: Actor | null,
    report: Report,
    [from, to]: [number, number],
  ): Promise<string> {
    if (this.damage) return '';
    const chosen = this.settings().folder;
    const folder = chosen && folderWritable(chosen) ? chosen : join(this.host.dataDir, 'safety-backups');
    mkdirSync(folder, { recursive: true });
    // No other writes from here on: they would be missing from both the safety backup and the result.
    this.swapping = true;
    const scaled: Report = (phase, percent) =>
      report(phase === 'done' ? 'database' : phase, from + ((to - from) * percent) / 100);
    try {
      const run = await this.writeBackup('safety', folder, actor, scaled);
      return run.file ?? '';
    } catch (error) {
      const cause = error instanceof AppError ? error.refusal : crashed(error).refusal;
      const detail = error instanceof Error ? error.message : String(error);
      throw new AppError(
        'safetyBackupFailed',
        { cause },
        `the safety backup failed; nothing changed: ${detail}`,
      );
    }
  }

  /** A new folder name beside the safety backups, on the data disk so the move is a rename. */
  private safetyCopyDir(): string {
    const root = join(this.host.dataDir, 'safety-backups');
    mkdirSync(root, { recursive: true });
    const branch = this.host.current() ? (readShop(this.host.deps.db)?.branchCode ?? null) : null;
    const at = this.host.deps.now();
    for (let n = 1; ; n++) {
      const dir = join(root, safetyCopyName(branch, at, n));
      if (!existsSync(dir)) return dir;
    }
  }

  /** The moved-aside data becomes a backup in the history, as the safety archive used to be. */
  private recordSafetyCopy(dir: string, shop: ReturnType<typeof readShop>, actor: Actor | null): void {
    const at = this.host.deps.now();
    writeSafetyNote(dir, {
      createdAt: at,
      appVersion: this.host.appVersion,
      shopName: shop?.name ?? null,
      branchCode: shop?.branchCode ?? null,
    });
    appendHistory(this.host.dataDir, {
      id: uuidv7(),
      at,
      trigger: 'safety',
      username: actor?.username ?? null,
      ok: true,
      file: dir,
      bytes: statSync(join(dir, 'after-sales.db')).size,
      durationMs: 0,
      error: null,
      failure: null,
      exists: true,
      proof: null,
    });
  }

  private afterSwap(
    actor: Actor | null,
    audit: { action: 'restore' | 'delete'; entity: AuditEntity; after: Record<string, unknown> },
  ): void {
    this.damage = null;
    // Everyone signs in again: sessions point at users of the data that was replaced. Every screen,
    // on the host and on the terminals, is told so once the swap's gate is lifted (a screen that
    // asks at once must find the restored data, not "restore in progress").
    this.host.deps.sessions = new SessionStore();
    const { notices } = this.host.deps;
    setImmediate(() => notices?.publish({ kind: 'signedOut', reason: 'restored' }));
    writeLoneAudit(this.host.deps.db, {
      at: this.host.deps.now(),
      actor: actor && { id: actor.id, username: actor.username },
      action: audit.action,
      entity: audit.entity,
      after: audit.after,
    });
  }

  // ---- recovery mode ----

  recoveryState(): RecoveryState {
    return {
      damaged: this.damage !== null,
      problem: this.damage,
      candidates: this.damage
        ? listCandidates(this.history(), [this.settings().folder, join(this.host.dataDir, 'safety-backups')])
        : [],
    };
  }

  private requireDamaged(): void {
    if (!this.damage)
      throw new AppError('notDamaged', {}, 'the database is not damaged; there is nothing to recover');
  }

  recoveryInspect(file: string): Promise<BackupInspection> {
    this.requireDamaged();
    return this.inspect(file);
  }

  recoveryRestore(input: { file: string; expectCreatedAt: number }) {
    this.requireDamaged();
    return this.restore(input, null);
  }

  // ---- scheduler ----

  startScheduler(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.kept.drop();
    this.stopped = true;
  }

  /** One scheduler check, then the newest backup's drill; exported for tests (they call it with a fake clock). */
  async tick(): Promise<BackupRun | null> {
    const daily = await this.dailyIfDue();
    await this.drillNewest();
    return daily;
  }

  private async dailyIfDue(): Promise<BackupRun | null> {
    if (this.busy || this.damage) return null;
    const settings = this.settings();
    if (!settings.dailyAt || !settings.folder) return null;
    if (!dailyDue(this.host.deps.now(), settings.dailyAt, this.history())) return null;
    try {
      return await this.backupNow('daily', null);
    } catch (error) {
      this.host.deps.log.error('daily backup failed', error);
      return null;
    }
  }

  // ---- helpers ----

  private knownSchema(): number {
    return knownSchemaVersion(this.host.migrationsDir);
  }

  private workRoot(): string {
    return join(this.host.dataDir, 'backup-work');
  }

  private newWorkDir(): string {
    mkdirSync(this.workRoot(), { recursive: true });
    return mkdtempSync(join(this.workRoot(), 'run-'));
  }

  private async exclusive<T>(operation: Operation, run: (report: Report) => Promise<T>): Promise<T> {
    if (this.busy) {
      throw new AppError('backupBusy', {}, 'another backup, restore or reset is running');
    }
    this.busy = operation;
    this.progressState = { running: true, operation, phase: 'database', percent: 0 };
    const report: Report = (phase, percent) => {
      this.progressState = {
        running: true,
        operation,
        phase,
        percent: Math.max(0, Math.min(100, Math.round(percent))),
      };
    };
    try {
      const result = await run(report);
      this.progressState = { running: false, operation, phase: 'done', percent: 100 };
      return result;
    } catch (error) {
      this.progressState = {
        running: false,
        operation,
        phase: 'failed',
        percent: this.progressState.percent,
      };
      throw error;
    } finally {
      this.busy = null;
      this.swapping = false;
    }
  }
}
