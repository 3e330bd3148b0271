import { sql, type SQL } from 'drizzle-orm';

/** Above every character, so `x >= p AND x < p + PREFIX_END` is "starts with p" on an index. */
export const PREFIX_END = '\u{10FFFF}';

/** `column` starts with `prefix`, as a range an index on the column (or expression) answers. */
export function startsWith(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} AND ${column} < ${prefix + PREFIX_END})`;
}

/** Length in characters (code points), which is what the trigram tokenizer counts. */
export function charLength(s: string): number {
  return [...s].length;
}

/** `%s%` for LIKE … ESCAPE '\'. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The query as one FTS5 phrase: a substring match on the trigram index. */
export function ftsPhrase(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** "138 0013-8000" → "13800138000"; null when the query is not a phone number. */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/[\s\-()+]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

/** A–Z to a–z and nothing else, exactly as SQLite's lower() does, so `lower(col)` ranges agree. */
export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Holds a character outside printable ASCII: Chinese, say. */
export function hasNonAscii(s: string): boolean {
  return /[^\x20-\x7e]/.test(s);
}

/**
 * The apostrophes of real texts ("won’t charge"). The search tables store them folded to ' (migration
 * 0011_search_faults, same four characters), and queries are folded the same way.
 */
export const APOSTROPHES = ['’', '‘', 'ʼ', '＇'] as const;
const APOSTROPHE = new RegExp(`[${APOSTROPHES.join('')}]`, 'g');

function foldApostrophes(s: string): string {
  return s.replace(APOSTROPHE, "'");
}

/** The words of a free-text query: apostrophes folded, split at white space. */
export function queryWords(q: string): string[] {
  return foldApostrophes(q).split(/\s+/u).filter(Boolean);
}
