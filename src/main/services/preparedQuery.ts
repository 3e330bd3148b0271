import type { Queryable } from './context';

/**
 * A query built once for a connection and then run with its `sql.placeholder`s filled in. drizzle
 * builds a query's SQL from its builder on every call and better-sqlite3 prepares it again; for the
 * order read back after every counter write that was a fifth of the call (issue 18's profile).
 *
 * Built once per connection (or per open transaction: drizzle gives each its own object, so a
 * transaction reuses it only within itself). A reader called on the connection inside a transaction
 * reads that transaction's writes: there is one connection.
 *
 *   const orderById = preparedQuery((q) => q.select().from(workOrders).where(eq(workOrders.id, sql.placeholder('id'))).prepare());
 *   orderById(q).get({ id });
 */
export function preparedQuery<T>(build: (q: Queryable) => T): (q: Queryable) => T {
  const built = new WeakMap<Queryable, T>();
  return (q) => {
    const hit = built.get(q);
    if (hit !== undefined) return hit;
    const made = build(q);
    built.set(q, made);
    return made;
  };
}
