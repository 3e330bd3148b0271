import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { BackupTrigger } from '@shared/schemas/backup';
import type { TerminalRef } from '@shared/schemas/lan';
import type { Db } from '../db/open';
import type { UserRecord } from '../db/schema';
import type { SessionStore, Session } from './sessions';
import type { NoticeFeed } from '../lan/notices';
import type { ProviderLookup } from './channels/provider';
import type { SecretBox } from './channels/secrets';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the connection or an open transaction. */
export type Queryable = Db | Tx;

export interface Logger {
  error(message: string, error?: unknown): void;
  info(message: string): void;
}

/** What the services need from the process; tests pass a fake clock and a quiet logger. */
export interface Deps {
  db: Db;
  sessions: SessionStore;
  now: () => number;
  log: Logger;
  /** scrypt cost for new hashes; the default is production strength. */
  scryptN?: number;
  /** The data folder (attachments live in its attachments/ directory); unset in bare service tests. */
  dataDir?: string;
  /** Backups, restores and the damaged-database gate; unset in bare service tests. */
  backup?: BackupGate;
  /** Native pickers (Electron only). */
  platform?: Platform;
  /** The change feed every screen listens to; unset in bare service tests. */
  notices?: NoticeFeed;
  /** Host mode on the shop's LAN (lan/host.ts); unset where no LAN host runs (bare tests). */
  lan?: LanGate;
  /** The SMS and e-mail providers the shop configured (services/channels); unset in bare tests. */
  messageProviders?: ProviderLookup;
  /** Seals the channels' secrets at rest (services/channels/secrets.ts); unset in bare tests. */
  secrets?: SecretBox;
}

/** What the lan.* handlers ask of the LAN host: its settings, listener and pairing code. */
export interface LanGate {
  status(): Promise<OutputOf<'lan.status'>>;
  /** Saves the settings only when the listener could be (re)started with them. */
  configure(next: ParsedInputOf<'lan.configure'>, actor: Actor | null): Promise<OutputOf<'lan.configure'>>;
  newPairingCode(): Promise<OutputOf<'lan.newPairingCode'>>;
  cancelPairingCode(): Promise<OutputOf<'lan.cancelPairingCode'>>;
}

/** Who started a backup, restore or reset, for its audit row and the backup history. */
export interface Actor {
  id: string;
  username: string;
}

/**
 * What dispatch and the backup handlers ask of the backups (backup/manager.ts implements it): the
 * damaged-database and restore-in-progress gates, and the backup.* and recovery.* calls.
 */
export interface BackupGate {
  /** What the start-up check found; null when the database is sound. */
  damaged(): string | null;
  /** Whether `method` must wait for a restore or reset to finish. */
  blocks(method: string): boolean;
  status(): OutputOf<'backup.status'>;
  progress(): OutputOf<'backup.progress'>;
  history(): OutputOf<'backup.history'>;
  settings(): OutputOf<'backup.settings'>;
  updateSettings(
    next: ParsedInputOf<'backup.updateSettings'>,
    actor: Actor | null,
  ): OutputOf<'backup.updateSettings'>;
  backupNow(
    trigger: BackupTrigger,
    actor: Actor | null,
    folder?: string,
    adopt?: boolean,
  ): Promise<OutputOf<'backup.now'>>;
  inspect(file: string): Promise<OutputOf<'backup.inspect'>>;
  restore(input: ParsedInputOf<'backup.restore'>, actor: Actor | null): Promise<OutputOf<'backup.restore'>>;
  reset(confirm: string, actor: Actor | null): Promise<OutputOf<'backup.reset'>>;
  recoveryState(): OutputOf<'recovery.state'>;
  recoveryInspect(file: string): Promise<OutputOf<'recovery.inspect'>>;
  recoveryRestore(input: ParsedInputOf<'recovery.restore'>): Promise<OutputOf<'recovery.restore'>>;
}

/** What only a desktop shell can offer; browser mode types paths instead. */
export interface Platform {
  pick(kind: 'folder' | 'backupFile'): Promise<string | null>;
}

/** The transport's link to one window or browser tab; it carries that caller's session id. */
export interface Connection {
  sessionId: string | null;
  setSessionId(id: string | null): void;
  /** Set by the LAN transport after checking the terminal key; absent on the host's own screen. */
  terminal?: TerminalRef | null;
}

/** What a handler gets besides its parsed input. */
export interface CallContext {
  deps: Deps;
  conn: Connection;
  session: Session | null;
  /** The signed-in user, fresh from the database on every call. */
  user: UserRecord | null;
}

export const consoleLogger: Logger = {
  error: (message, error) => console.error(`[after-sales] ${message}`, error),
  info: (message) => console.info(`[after-sales] ${message}`),
};
