import { eq, getTableColumns, sql, type InferSelectModel } from 'drizzle-orm';
import type {
  SQLiteColumn,
  SQLiteInsertValue,
  SQLiteTable,
  SQLiteUpdateSetSource,
} from 'drizzle-orm/sqlite-core';
import type { Queryable } from './context';

/**
 * A query built once for a connection and then run with its `sql.placeholder`s filled in. drizzle
 * builds a query's SQL from its builder on every call and better-sqlite3 prepares it again; for the
 * order read back after every counter write that was a fifth of the call (issue 18's profile).
 *
 *   const valueOf = preparedQuery((q) => q.select().from(settings).where(eq(settings.key, sql.placeholder('key'))).prepare());
 *   valueOf(tx).get({ key });
 *
 * (A row by id is `preparedRowById`, a whole-row insert `preparedInsert`, an update of one row
 * `preparedUpdateById`, below.)
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

/**
 * An UPDATE of one row by its `id`, setting the columns a patch names (those given as undefined are
 * left alone, as in drizzle's `set`). Built once per connection and set of columns, like
 * `preparedQuery`: a status move sets one of a few shapes of patch, and building and preparing the
 * statement again was a twentieth of the call (issue 18's profile). Values go through the columns'
 * own encoders, as in any drizzle update.
 */
export function preparedUpdateById<T extends SQLiteTable & { id: SQLiteColumn }>(
  table: T,
): (q: Queryable, id: string, patch: Partial<InferSelectModel<T>>) => void {
  // A value drizzle computes at build time would be frozen into the statement, for every later call.
  const computed = Object.values(getTableColumns(table)).filter((column) => column.onUpdateFn);
  if (computed.length > 0) throw new Error(`${computed[0]?.name} is set on update by drizzle: not prepared`);
  const byColumns = new Map<
    string,
    (q: Queryable) => { run: (values: Record<string, unknown>) => unknown }
  >();
  return (q, id, patch) => {
    const columns = Object.entries(patch)
      .filter(([, value]) => value !== undefined)
      .map(([column]) => column)
      .sort();
    const shape = columns.join(',');
    let update = byColumns.get(shape);
    if (!update) {
      const set = Object.fromEntries(
        columns.map((column) => [column, sql.placeholder(column)]),
      ) as SQLiteUpdateSetSource<T>;
      update = preparedQuery((c) =>
        c
          .update(table)
          .set(set)
          .where(eq(table.id, sql.placeholder(WHERE_ID)))
          .prepare(),
      );
      byColumns.set(shape, update);
    }
    update(q).run({ ...patch, [WHERE_ID]: id });
  };
}

/** The placeholder of the row's id, named apart from every column a patch may set. */
const WHERE_ID = '$whereId';
