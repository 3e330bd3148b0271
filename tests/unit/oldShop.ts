import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import { DATABASE_FILE, openDatabase, type Sqlite } from '../../src/main/db/open';
import { hashPassword } from '../../src/main/services/passwords';
import { ADMIN, MIGRATIONS } from './harness';

/** A value SQLite stores as it is. */
export type SqlValue = string | number | null;

/**
 * A data folder as an older version of the app left it, for the test of the migration that comes
 * next. Its rows are written with plain SQL in that version's own schema: today's services write
 * columns that later migrations add, so they cannot stand in for the old app.
 */
export interface OldShop {
  /** Open it with createCore and today's migrations to upgrade it. */
  dataDir: string;
  sqlite: Sqlite;
  /** One row naming only the columns given: a column the old schema lacks fails ("no such column"). */
  insert(table: string, row: Record<string, SqlValue>): void;
  /** Safe to call again (a test's cleanup closes it too, in case it failed half-way). */
  close(): void;
}

interface Journal {
  entries: { tag: string }[];
}

/** A copy of drizzle/ whose journal stops short of the migration whose tag matches `next`. */
function migrationsBefore(dir: string, next: RegExp): string {
  const copy = join(dir, 'drizzle-before');
  cpSync(MIGRATIONS, copy, { recursive: true });
  const file = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) => next.test(e.tag));
  expect(at, `the migration ${String(next)} is in the journal`).toBeGreaterThan(0);
  writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return copy;
}

/** The data folder `dir`/data, migrated up to just before the migration whose tag matches `next`. */
export function openOldShop(dir: string, next: RegExp): OldShop {
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const { sqlite } = openDatabase(join(dataDir, DATABASE_FILE), migrationsBefore(dir, next));
  return {
    dataDir,
    sqlite,
    insert(table, row) {
      const columns = Object.keys(row);
      sqlite
        .prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')})
           VALUES (${columns.map(() => '?').join(', ')})`,
        )
        .run(...Object.values(row));
    },
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}

/**
 * What first-run setup left in the old folder: the shop's profile (branch BJ01) and the admin, who
 * signs in with ADMIN's password after the upgrade (hashed by the app, cheaply). Returns the admin's id.
 */
export async function setUpOldShop(shop: OldShop, at: number): Promise<string> {
  const id = uuidv7();
  shop.insert('users', {
    id,
    username: ADMIN.username,
    display_name: ADMIN.displayName,
    role: 'admin',
    password_hash: await hashPassword(ADMIN.password, 2 ** 10),
    last_sign_in_at: at,
    created_at: at,
    updated_at: at,
  });
  const profile = { name: '城东维修中心', branchCode: 'BJ01', address: '', phone: '', logo: null };
  shop.insert('settings', { key: 'shop', value: JSON.stringify(profile), updated_at: at });
  return id;
}
