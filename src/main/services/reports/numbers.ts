import type { Db } from '../../db/open';

/**
 * Figures over a year of rows without sorting them: a GROUP BY over 150,000 rows costs SQLite a
 * sort that takes longer than reading them. Instead one query reads a single integer per row from
 * a covering index, the small groups (service type, channel, technician, point…) packed into it,
 * and the loop below unpacks and adds. better-sqlite3's pluck hands back plain numbers, with no row
 * object each.
 */
export function pluckNumbers(db: Db, text: string, params: (string | number)[]): number[] {
  return db.$client
    .prepare<(string | number)[], number>(text)
    .pluck()
    .all(...params);
}

/** `CASE column WHEN 'a' THEN 0 WHEN 'b' THEN 1 … ELSE n END` over a closed list of constants. */
export function caseIndex(column: string, values: readonly string[]): string {
  const whens = values.map((v, i) => `WHEN '${v.replaceAll("'", "''")}' THEN ${i}`).join(' ');
  return `(CASE ${column} ${whens} ELSE ${values.length} END)`;
}

/** A prepared statement run once per point (a small range each, no sort across them). */
export function perPoint<T>(db: Db, text: string, points: readonly { start: number; end: number }[]): T[] {
  const statement = db.$client.prepare<[number, number], T>(text);
  return points.map((p) => statement.get(p.start, p.end) as T);
}
