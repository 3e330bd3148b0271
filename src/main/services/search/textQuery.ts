import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../context';
import { charLength, ftsPhrase, hasNonAscii, likeContains, PREFIX_END } from './text';

/** An FTS5 trigram table and, when its free text ends in a newline, its fts5vocab (row) table. */
export interface TextIndex {
  fts: string;
  vocab: string | null;
}

export const CUSTOMER_TEXT: TextIndex = { fts: 'customer_search_fts', vocab: 'customer_search_vocab' };
export const DEVICE_TEXT: TextIndex = { fts: 'device_search_fts', vocab: null };
export const ORDER_TEXT: TextIndex = { fts: 'work_order_search_fts', vocab: 'work_order_search_vocab' };

export interface TextQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  /** Words too short for the index: each must be in one of the row's columns (see shortWordsWhere). */
  short: string[];
}

/**
 * How the words of a query are found on a trigram index, all of them in the same row:
 * - 3+ characters: a phrase (FTS syntax typed by a clerk stays literal inside the quotes);
 * - 2 characters, one of them Chinese (or another non-ASCII character): every trigram that starts with them, read from
 *   the vocab table (the stored text ends in a newline, so a word at the very end starts one too);
 * - anything shorter: LIKE on the rows the index found (`short`).
 * Null when no word can use the index, or when a 2-character word is in no row at all.
 */
export function textQuery(
  q: Queryable,
  index: TextIndex,
  words: string[],
  columns?: readonly string[],
): TextQuery | null {
  const parts: string[] = [];
  const short: string[] = [];
  for (const word of words) {
    const length = charLength(word);
    if (length >= 3) {
      parts.push(ftsPhrase(word));
    } else if (length === 2 && index.vocab && hasNonAscii(word)) {
      // Trigrams are stored case-folded.
      const start = word.toLowerCase();
      const terms = q.all<{ term: string }>(
        sql`SELECT term FROM ${sql.identifier(index.vocab)} WHERE term >= ${start} AND term < ${start + PREFIX_END}`,
      );
      if (terms.length === 0) return null;
      parts.push(`(${terms.map((t) => ftsPhrase(t.term)).join(' OR ')})`);
    } else {
      short.push(word);
    }
  }
  if (parts.length === 0) return null;
  const body = parts.join(' AND ');
  return { match: columns ? `{${columns.join(' ')}} : (${body})` : body, short };
}

/** Every short word LIKE (any case of A–Z) in one of these columns; TRUE when there is none. */
export function shortWordsWhere(short: string[], columns: SQL[]): SQL {
  if (short.length === 0) return sql`1`;
  return sql.join(
    short.map((word) => {
      const like = likeContains(word);
      return sql`(${sql.join(
        columns.map((c) => sql`${c} LIKE ${like} ESCAPE ${'\\'}`),
        sql` OR `,
      )})`;
    }),
    sql` AND `,
  );
}

/** Rows a search-box step reads at most when short words are checked row by row. */
const SHORT_WORD_ROWS = 2000;

/**
 * A search-box step on a text index: its rows as `m.doc` (to be read newest first, ORDER BY m.doc
 * DESC) joined to their search row `s`, and the check of the short words. With short words to check
 * one row at a time, only the newest SHORT_WORD_ROWS matches of the rest are read: the box shows a
 * handful of hits and must not walk every row of a common word. The work-order list has no such bound.
 */
export function boxStep(
  index: TextIndex,
  found: TextQuery,
  searchTable: string,
  columns: SQL[],
): { from: SQL; where: SQL } {
  const fts = sql.identifier(index.fts);
  const cap = found.short.length ? sql`ORDER BY rowid DESC LIMIT ${SHORT_WORD_ROWS}` : sql``;
  return {
    from: sql`(SELECT rowid AS doc FROM ${fts} WHERE ${fts} MATCH ${found.match} ${cap}) m
      JOIN ${sql.identifier(searchTable)} s ON s.doc = m.doc`,
    where: shortWordsWhere(found.short, columns),
  };
}
