import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@shared/errors';
import { DATABASE_FILE, DatabaseDamagedError, openDatabase, type OpenedDatabase } from './db/open';
import { dispatch } from './rpc/dispatch';
import { BackupManager } from './services/backup/manager';
import { recoverInterruptedSwap } from './services/backup/swap';
import { consoleLogger, type Connection, type Deps, type Logger, type Platform } from './services/context';
import { SessionStore } from './services/sessions';
import { NoticeFeed } from './lan/notices';
import { createProviderLookup } from './services/channels/lookup';
import { keyFileSecretBox, type SecretBox } from './services/channels/secrets';
import { OutboxWorker } from './services/messages/worker';
import { fullCheckReason, markClosed, markOpen } from './db/startCheck';

export { DATABASE_FILE };

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  now?: () => number;
  log?: Logger;
  scryptN?: number;
  /** Written into backup manifests; defaults to the version in package.json beside drizzle/. */
  appVersion?: string;
  /** Start the daily-backup timer (default true; tests leave it off and call core.backup.tick()). */
  scheduler?: boolean;
  /** Native pickers (Electron); browser mode and tests have none. */
  platform?: Platform;
  /** Pages per step of the online backup; small values let tests interleave writes. */
  backupStepPages?: number;
  /** Seals the channels' secrets: the system keychain in Electron; by default a key file in dataDir. */
  secretBox?: SecretBox;
  /** Named points of a restore, for the kill tests; the app passes nothing. */
  backupCheckpoint?: (point: string) => void;
}

/** Everything behind the transports: the opened store, the services' dependencies and dispatch. */
export interface Core {
  deps: Deps;
  /** The open database (replaced in place by a restore or reset; an empty stand-in while damaged). */
  readonly database: OpenedDatabase;
  dataDir: string;
  backup: BackupManager;
  /** Sends the outbox's messages (started with the scheduler; tests call `outbox.tick()` or runOutbox). */
  outbox: OutboxWorker;
  /** What changed, for every screen (host windows, LAN terminals' event streams). */
  notices: NoticeFeed;
  dispatch(method: string, input: unknown, conn: Connection): Promise<Envelope<unknown>>;
  /** The automatic backup on quit, if the settings ask for one; never throws. */
  backupOnQuit(): Promise<void>;
  close(): void;
}

function packageVersion(migrationsDir: string): string {
  try {
    const pkg = JSON.parse(readFileSync(join(migrationsDir, '..', 'package.json'), 'utf8')) as {
      version?: unknown;
    };
    return typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Open the data folder and migrate before anything can read it. Throws DatabaseTooNewError.
 * A damaged database does not throw: the core starts in recovery mode, where only recovery.*
 * answers (everything else gets DATABASE_DAMAGED) until a backup is restored.
 */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const now = options.now ?? Date.now;
  const log = options.log ?? consoleLogger;
  const file = join(options.dataDir, DATABASE_FILE);
  let damage: string | null = null;
  let database: OpenedDatabase;
  // A restore killed half-way is undone before anything opens the database.
  if (recoverInterruptedSwap(options.dataDir)) log.info('an interrupted restore was undone');
  // The full check only when the file is in doubt or the week is up; else the cheap checks.
  const fullCheck = fullCheckReason(file, now());
  try {
    database = openDatabase(file, options.migrationsDir, { check: fullCheck === null ? 'cheap' : true });
  } catch (error) {
    if (!(error instanceof DatabaseDamagedError)) throw error;
    damage = error.problem;
    // A stand-in so nothing holds a closed handle; dispatch refuses every call that would use it.
    database = openDatabase(':memory:', options.migrationsDir);
  }
  if (damage === null) markOpen(file, fullCheck === null ? null : now());
  let open = true;
  const notices = new NoticeFeed();
  const deps: Deps = {
    db: database.db,
    sessions: new SessionStore(),
    now,
    log,
    scryptN: options.scryptN,
    dataDir: options.dataDir,
    platform: options.platform,
    notices,
  };
  deps.secrets = options.secretBox ?? keyFileSecretBox(options.dataDir);
  deps.messageProviders = createProviderLookup(deps, deps.secrets);
  const backup = new BackupManager(
    {
      deps,
      dataDir: options.dataDir,
      migrationsDir: options.migrationsDir,
      appVersion: options.appVersion ?? packageVersion(options.migrationsDir),
      stepPages: options.backupStepPages,
      checkpoint: options.backupCheckpoint,
      current: () => (damage === null && open ? database : null),
      closeCurrent: () => {
        if (open) database.sqlite.close();
        open = false;
      },
      install: (next) => {
        if (open) database.sqlite.close();
        database = next;
        deps.db = next.db;
        damage = null;
        open = true;
        // A restore verified the file it put in place; a crash from here on must bring the full check.
        markOpen(file, null);
      },
    },
    damage,
  );
  deps.backup = backup;
  if (damage) deps.log.error(`database failed its start-up check: ${damage}`);
  if (options.scheduler !== false && !damage) backup.startScheduler();
  // Not while damaged or closed, nor during a restore's swap (the backup manager holds the database).
  const outbox = new OutboxWorker(() => (open && damage === null ? deps : null));
  if (options.scheduler !== false && !damage) outbox.start();
  return {
    deps,
    get database() {
      return database;
    },
    dataDir: options.dataDir,
    backup,
    outbox,
    notices,
    dispatch: (method, input, conn) => dispatch(deps, method, input, conn),
    backupOnQuit: () => backup.backupOnQuit(),
    close: () => {
      outbox.stop();
      backup.stop();
      if (open) {
        database.sqlite.close();
        // Only a sound file that this app closed cleanly earns a start without the full check.
        if (damage === null) markClosed(file);
      }
      open = false;
    },
  };
}
