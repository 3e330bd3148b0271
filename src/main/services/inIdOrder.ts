/**
 * Rows fetched by `WHERE id IN (…)` come back in any order: put them in the order of the page of
 * ids that was sorted and limited first (the list pattern that keeps paging on an index).
 */
export function inIdOrder<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
