import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

/** The shop's database file in the data folder. */
export const DATABASE_FILE = 'after-sales.db';

export type Sqlite = Database.Database;
/**
 * The drizzle database, with its better-sqlite3 connection as `$client` (drizzle's name): services
 * reach raw SQL (pluck, statements prepared once and run many times) through `db.$client`.
 */
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

export interface OpenedDatabase {
  db: Db;
  sqlite: Sqlite;
  /** Number of migrations this database has applied (also kept in `PRAGMA user_version`). */
  schemaVersion: number;
}

/** Raised when the file was written by a newer app: opening it would risk the shop's data. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `数据库由更新版本的售后服务台创建（数据结构版本 ${fileVersion}，本程序支持到 ${appVersion}），请升级程序后再打开。` +
        ` / This database was written by a newer version of After-Sales Desk (schema ${fileVersion}, this app knows ${appVersion}). Update the app to open it.`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** The file failed SQLite's check (or is no database at all): the app offers a guided restore. */
export class DatabaseDamagedError extends Error {
  constructor(readonly problem: string) {
    super(`数据库文件已损坏 / The database file is damaged: ${problem}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's words for a file that is not (or no longer) a sound database. */
function isDamage(error: unknown): error is Error {
  const code = error && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  return code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB');
}

/** `PRAGMA quick_check`: null when sound, else what it found. */
export function quickCheckProblem(sqlite: Sqlite): string | null {
  const rows = sqlite.pragma('quick_check') as { quick_check: string }[];
  const said = rows.map((row) => row.quick_check);
  return said.length === 1 && said[0] === 'ok' ? null : said.slice(0, 5).join('; ');
}

/**
 * The cheap start-up check: the schema and the few small tables that signing in and every screen
 * depend on, with their indexes (milliseconds, whatever the size of the file). Together with what
 * opening already proves (the header, a readable schema), it stands in for the full `quick_check`
 * on a start after a clean close (see startCheck.ts).
 */
const CHEAP_CHECK_TABLES = ['sqlite_schema', '__drizzle_migrations', 'users', 'settings', 'sequences'];

export function cheapCheckProblem(sqlite: Sqlite): string | null {
  const present = new Set(
    sqlite.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
  );
  for (const table of CHEAP_CHECK_TABLES) {
    if (table !== 'sqlite_schema' && !present.has(table)) continue;
    const said = (sqlite.pragma(`quick_check(${table})`) as { quick_check: string }[]).map(
      (r) => r.quick_check,
    );
    if (!(said.length === 1 && said[0] === 'ok')) return said.slice(0, 5).join('; ');
  }
  return null;
}

/** How many migrations this build of the app ships. */
export function knownSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

function appliedMigrations(sqlite: Sqlite): number {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'")
    .get();
  if (!table) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
}

/**
 * Open (or create) the shop's database, refuse one from a newer app, and bring an older one up to date.
 * Money lives here, so every commit is synced to disk (`synchronous=FULL`).
 */
export function openDatabase(
  file: string,
  migrationsDir: string,
  /** true: the full `quick_check` (reads every page); 'cheap': the cheap checks only. */
  options: { check?: boolean | 'cheap' } = {},
): OpenedDatabase {
  let sqlite: Sqlite;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw isDamage(error) ? new DatabaseDamagedError(error.message) : error;
  }
  try {
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');

    const known = knownSchemaVersion(migrationsDir);
    const fileVersion = Math.max(
      sqlite.pragma('user_version', { simple: true }) as number,
      appliedMigrations(sqlite),
    );
    if (fileVersion > known) throw new DatabaseTooNewError(fileVersion, known);
    // Check before migrating: a migration must never run on a damaged file.
    if (options.check) {
      const problem = options.check === 'cheap' ? cheapCheckProblem(sqlite) : quickCheckProblem(sqlite);
      if (problem) throw new DatabaseDamagedError(problem);
    }

    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsDir });
    sqlite.pragma(`user_version = ${known}`);
    return { db, sqlite, schemaVersion: known };
  } catch (error) {
    sqlite.close();
    throw isDamage(error) ? new DatabaseDamagedError(error.message) : error;
  }
}
