import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseTooNewError, knownSchemaVersion, openDatabase } from '../../src/main/db/open';
import { MIGRATIONS, tempDir } from './harness';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tempFile(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  return join(dir, 'shop.db');
}

function schemaOf(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return {
      objects: db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all(),
      migrations: db.prepare('SELECT hash, created_at FROM __drizzle_migrations ORDER BY id').all(),
      version: db.pragma('user_version', { simple: true }),
    };
  } finally {
    db.close();
  }
}

describe('store', () => {
  it('applies every migration to an empty file with the required pragmas', () => {
    const file = tempFile();
    const { sqlite, schemaVersion } = openDatabase(file, MIGRATIONS);
    expect(schemaVersion).toBe(knownSchemaVersion(MIGRATIONS));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    const tables = (
      sqlite.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining(['users', 'settings', 'audit_log', '__drizzle_migrations']),
    );
    sqlite.close();
  });

  it('is a no-op the second time', () => {
    const file = tempFile();
    openDatabase(file, MIGRATIONS).sqlite.close();
    const first = schemaOf(file);
    openDatabase(file, MIGRATIONS).sqlite.close();
    expect(schemaOf(file)).toEqual(first);
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = tempFile();
    const opened = openDatabase(file, MIGRATIONS);
    opened.sqlite.pragma(`user_version = ${opened.schemaVersion + 1}`);
    opened.sqlite.close();
    const bytes = readFileSync(file);
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(/更新版本|newer version/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('also refuses when the migration table knows more migrations than the app', () => {
    const file = tempFile();
    const opened = openDatabase(file, MIGRATIONS);
    opened.sqlite
      .prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)')
      .run('future', Date.now());
    opened.sqlite.pragma('user_version = 0');
    opened.sqlite.close();
    expect(() => openDatabase(file, MIGRATIONS)).toThrow(DatabaseTooNewError);
  });

  it('keeps the audit log append-only', () => {
    const { sqlite } = openDatabase(tempFile(), MIGRATIONS);
    sqlite.prepare("INSERT INTO audit_log (id, at, action, entity) VALUES ('a', 1, 'create', 'user')").run();
    expect(() => sqlite.prepare("UPDATE audit_log SET entity = 'x'").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(sqlite.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
    sqlite.close();
  });
});
