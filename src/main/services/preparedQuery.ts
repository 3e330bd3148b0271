import { eq, getTableColumns, sql, type InferSelectModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteInsertValue, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Queryable } from './context';

/**
 * A query built once for a connection and then run with its `sql.placeholder`s filled in. drizzle
 * builds a query's SQL from its builder on every call and better-sqlite3 prepares it again; for the
 * order read back after every counter write that was a fifth of the call (issue 18's profile).
 *
 *   const valueOf = preparedQuery((q) => q.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare());
 *   valueOf(tx).get({ key });
 *
 * (A row by id is `preparedRowById`, a whole-row insert `preparedInsert`, below.)
 *
 * The connection and every transaction opened on it share one build: a statement runs on the one
 * connection, so inside a transaction it reads that transaction's writes.
 */
export function preparedQuery<T>(build: (q: Queryable) => T): (q: Queryable) => T {
  const built = new WeakMap<object, T>();
  return (q) => {
    const key = connectionOf(q);
    const hit = built.get(key);
    if (hit !== undefined) return hit;
    const made = build(q);
    built.set(key, made);
    return made;
  };
}

/**
 * drizzle's better-sqlite3 driver hands each transaction the session of the connection that opened
 * it, so the session names the connection. It is not in drizzle's typings; should a release stop
 * doing this, each transaction builds its own (as every query did before), and
 * tests/unit/preparedQuery.test.ts fails.
 */
function connectionOf(q: Queryable): object {
  const { session } = q as unknown as { session?: object };
  return session ?? q;
}

/**
 * A whole-row INSERT into `table`, built once per connection like `preparedQuery`. Every column is
 * given (the row type says so), so no default is skipped by accident; values go through the columns'
 * own encoders as in any drizzle insert.
 */
export function preparedInsert<T extends SQLiteTable>(
  table: T,
): (q: Queryable, row: InferSelectModel<T>) => void {
  const values = Object.fromEntries(
    Object.keys(getTableColumns(table)).map((key) => [key, sql.placeholder(key)]),
  ) as SQLiteInsertValue<T>;
  const insert = preparedQuery((q) => q.insert(table).values(values).prepare());
  return (q, row) => {
    insert(q).run(row);
  };
}

/** A table's row by its `id`, built once per connection like `preparedQuery`. */
export function preparedRowById<T extends SQLiteTable & { id: SQLiteColumn }>(
  table: T,
): (q: Queryable, id: string) => InferSelectModel<T> | undefined {
  const query = preparedQuery((q) =>
    q
      .select()
      .from(table)
      .where(eq(table.id, sql.placeholder('id')))
      .prepare(),
  );
  return (q, id) => query(q).get({ id });
}
