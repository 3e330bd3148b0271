import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope } from '@shared/errors';
import { openDatabase, type OpenedDatabase } from './db/open';
import { dispatch } from './rpc/dispatch';
import { consoleLogger, type Connection, type Deps, type Logger } from './services/context';
import { SessionStore } from './services/sessions';

export const DATABASE_FILE = 'after-sales.db';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  now?: () => number;
  log?: Logger;
  scryptN?: number;
}

/** Everything behind the transports: the opened store, the services' dependencies and dispatch. */
export interface Core {
  deps: Deps;
  database: OpenedDatabase;
  dataDir: string;
  dispatch(method: string, input: unknown, conn: Connection): Promise<Envelope<unknown>>;
  close(): void;
}

/** Open the data folder and migrate before anything can read it. Throws DatabaseTooNewError. */
export function createCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true });
  const database = openDatabase(join(options.dataDir, DATABASE_FILE), options.migrationsDir);
  const deps: Deps = {
    db: database.db,
    sessions: new SessionStore(),
    now: options.now ?? Date.now,
    log: options.log ?? consoleLogger,
    scryptN: options.scryptN,
    dataDir: options.dataDir,
  };
  return {
    deps,
    database,
    dataDir: options.dataDir,
    dispatch: (method, input, conn) => dispatch(deps, method, input, conn),
    close: () => database.sqlite.close(),
  };
}
