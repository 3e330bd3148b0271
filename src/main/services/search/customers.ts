import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../context';
import { looksLikeInitials } from '../pinyin';
import { charLength, ftsPhrase, hasNonAscii, likeContains, phoneDigits, startsWith } from './text';
import { CUSTOMER_TEXT, textQuery } from './textQuery';
import { Tiers } from './tiers';

export interface CustomerHit {
  id: string;
  code: string;
  name: string;
  phone: string;
  level: string;
  archivedAt: number | null;
}

const primaryPhone = sql`coalesce((SELECT p0.phone FROM customer_phones p0 WHERE p0.customer_id = c.id
  ORDER BY p0.position LIMIT 1), '')`;

function customersWhere(q: Queryable, where: SQL, n: number, order: SQL = sql``): CustomerHit[] {
  return q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
    c.archived_at AS archivedAt FROM customers c
    WHERE c.merged_into_id IS NULL AND ${where} ${order} LIMIT ${n}`);
}

/** Matches on a phone number show that number, not the primary one. */
function customersByPhone(q: Queryable, where: SQL, n: number, order: SQL = sql``): CustomerHit[] {
  return q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, p.phone, c.level, c.archived_at AS archivedAt
    FROM customer_phones p JOIN customers c ON c.id = p.customer_id
    WHERE c.merged_into_id IS NULL AND ${where} ${order} LIMIT ${n}`);
}

/**
 * A name or company holding the text (1–2 characters with a Chinese one; 3+ go to the trigram
 * phrase): 2 characters through the trigram vocabulary, on the index; 1 character by a LIKE scan of
 * the narrow search table, newest first, that stops at the limit.
 */
function shortNameStep(q: Queryable, text: string): ((n: number) => CustomerHit[]) | null {
  if (!hasNonAscii(text)) return null;
  if (charLength(text) === 2) {
    const found = textQuery(q, CUSTOMER_TEXT, [text], ['name', 'company']);
    if (!found) return null;
    return (n) =>
      q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
        c.archived_at AS archivedAt
        FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
        JOIN customers c ON c.id = s.customer_id
        WHERE customer_search_fts MATCH ${found.match} AND c.merged_into_id IS NULL
        ORDER BY f.rowid DESC LIMIT ${n}`);
  }
  const like = likeContains(text);
  return (n) =>
    q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
      c.archived_at AS archivedAt
      FROM customer_search s JOIN customers c ON c.id = s.customer_id
      WHERE (s.name LIKE ${like} ESCAPE ${'\\'} OR s.company LIKE ${like} ESCAPE ${'\\'})
        AND c.merged_into_id IS NULL
      ORDER BY s.doc DESC LIMIT ${n}`);
}

/** Tiers after which a customer counts as "the one meant": their orders join the results. */
const STRONG_CUSTOMER_TIER = 4;

export function searchCustomers(
  q: Queryable,
  text: string,
  limit: number,
): { hits: CustomerHit[]; strong: string[] } {
  const t = new Tiers<CustomerHit>(limit, (c) => c.archivedAt !== null);
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const digits = phoneDigits(text);
  const initials = looksLikeInitials(text);
  const len = charLength(text);
  const steps: [number, () => CustomerHit[]][] = [];
  // Exact tiers are small: sort them so a customer in use comes before an archived one.
  const inUseFirst = sql`ORDER BY c.archived_at IS NOT NULL`;
  const byPhoneOrder = sql`ORDER BY c.archived_at IS NOT NULL, c.code`;
  if (digits) steps.push([1, () => customersByPhone(q, sql`p.phone = ${digits}`, t.want, byPhoneOrder)]);
  steps.push([2, () => customersWhere(q, sql`c.code = ${upper}`, t.want)]);
  steps.push([3, () => customersWhere(q, sql`c.name = ${text}`, t.want, inUseFirst)]);
  if (digits && digits.length >= 4) {
    const rev = [...digits].reverse().join('');
    steps.push([4, () => customersByPhone(q, startsWith(sql`p.phone_reversed`, rev), t.want, byPhoneOrder)]);
  }
  if (initials) steps.push([5, () => customersWhere(q, sql`c.initials = ${lower}`, t.want, inUseFirst)]);
  steps.push([6, () => customersWhere(q, startsWith(sql`c.name`, text), t.want)]);
  if (initials) steps.push([7, () => customersWhere(q, startsWith(sql`c.initials`, lower), t.want)]);
  if (digits && digits.length >= 3) {
    steps.push([8, () => customersByPhone(q, startsWith(sql`p.phone`, digits), t.want)]);
  }
  steps.push([9, () => customersWhere(q, startsWith(sql`c.code`, upper), t.want)]);
  if (len >= 3) {
    steps.push([
      10,
      () =>
        q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
          c.archived_at AS archivedAt
          FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
          JOIN customers c ON c.id = s.customer_id
          WHERE customer_search_fts MATCH ${ftsPhrase(text)} AND c.merged_into_id IS NULL
          ORDER BY f.rowid DESC LIMIT ${t.want}`),
    ]);
  } else {
    // Looked up only when the tiers before leave room: the vocabulary read is not free.
    steps.push([
      10,
      () => {
        const step = shortNameStep(q, text);
        return step ? step(t.want) : [];
      },
    ]);
  }
  const strong: string[] = [];
  for (const [tier, run] of steps) {
    if (t.full) break;
    const added = t.add(run());
    if (tier <= STRONG_CUSTOMER_TIER) strong.push(...added.map((c) => c.id));
  }
  return { hits: t.hits, strong };
}

/**
 * The ids of every customer the text names, for the work-order list's filter: code, name or
 * company (as in the search box), pinyin initials, phone (leading digits from 3, last digits from 4).
 * A UNION of index lookups; only a 1-character Chinese name scans the narrow search table.
 */
export function customerIdsMatching(q: Queryable, text: string): SQL {
  const upper = text.toUpperCase();
  const parts: SQL[] = [
    sql`SELECT id FROM customers WHERE ${startsWith(sql`code`, upper)}`,
    sql`SELECT id FROM customers WHERE ${startsWith(sql`name`, text)}`,
  ];
  if (charLength(text) >= 3) {
    parts.push(sql`SELECT s.customer_id FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
      WHERE customer_search_fts MATCH ${ftsPhrase(text)}`);
  } else if (hasNonAscii(text)) {
    const found = charLength(text) === 2 ? textQuery(q, CUSTOMER_TEXT, [text], ['name', 'company']) : null;
    if (found) {
      parts.push(sql`SELECT s.customer_id FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
        WHERE customer_search_fts MATCH ${found.match}`);
    } else if (charLength(text) === 1) {
      const like = likeContains(text);
      parts.push(sql`SELECT customer_id FROM customer_search
        WHERE name LIKE ${like} ESCAPE ${'\\'} OR company LIKE ${like} ESCAPE ${'\\'}`);
    }
  }
  if (looksLikeInitials(text)) {
    parts.push(sql`SELECT id FROM customers WHERE ${startsWith(sql`initials`, text.toLowerCase())}`);
  }
  const digits = phoneDigits(text);
  if (digits && digits.length >= 3) {
    parts.push(sql`SELECT customer_id FROM customer_phones WHERE ${startsWith(sql`phone`, digits)}`);
    if (digits.length >= 4) {
      const rev = [...digits].reverse().join('');
      parts.push(sql`SELECT customer_id FROM customer_phones WHERE ${startsWith(sql`phone_reversed`, rev)}`);
    }
  }
  return sql.join(parts, sql` UNION `);
}
