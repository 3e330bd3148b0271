import type { Db } from '../db/open';
import type { UserRecord } from '../db/schema';
import type { SessionStore, Session } from './sessions';
import type { BackupManager } from './backup/manager';

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
  backup?: BackupManager;
  /** Native pickers (Electron only). */
  platform?: Platform;
}

/** What only a desktop shell can offer; browser mode types paths instead. */
export interface Platform {
  pick(kind: 'folder' | 'backupFile'): Promise<string | null>;
}

/** The transport's link to one window or browser tab; it carries that caller's session id. */
export interface Connection {
  sessionId: string | null;
  setSessionId(id: string | null): void;
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
