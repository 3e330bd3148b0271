import { and, asc, desc, eq, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { CustomerRow } from '@shared/schemas/customers';
import { localDate } from '@shared/dates';
import { customers, devices, workOrders } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { toDevice } from '../devices';
import { looksLikeInitials } from '../pinyin';
import { charLength, ftsPhrase, likeContains, PREFIX_END, phoneDigits } from '../search';
import { statusIsOpen } from '../workOrders/rows';
import { primaryPhoneOf, workOrderHistory } from './history';
import { loadCustomer, parseTags, phoneMatches, type PhoneMatch } from './records';

/**
 * The outer customer row inside correlated subqueries. Drizzle leaves columns unqualified in a
 * single-table select, and a bare "id" there would bind to the subquery's own table.
 */
const outerId = sql.raw('"customers"."id"');

const lastVisit = sql<
  number | null
>`(SELECT max(${workOrders.createdAt}) FROM ${workOrders} WHERE ${workOrders.customerId} = ${outerId})`;

/**
 * The list's q: code, name, company, pinyin initials, phone (prefix, or tail from 4 digits).
 * One id set built from a UNION of index lookups (and, for 1–2 characters, a LIKE scan of the
 * narrow search table), so the outer query never evaluates a chain of ORs row by row.
 */
function matchQuery(q: string): SQL {
  const upper = q.toUpperCase();
  const parts: SQL[] = [
    sql`SELECT id FROM customers WHERE code >= ${upper} AND code < ${upper + PREFIX_END}`,
  ];
  if (charLength(q) >= 3) {
    parts.push(sql`SELECT s.customer_id FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
      WHERE customer_search_fts MATCH ${ftsPhrase(q)}`);
  } else {
    const like = likeContains(q);
    parts.push(sql`SELECT customer_id FROM customer_search
      WHERE name LIKE ${like} ESCAPE ${'\\'} OR company LIKE ${like} ESCAPE ${'\\'}`);
  }
  if (looksLikeInitials(q)) {
    const lower = q.toLowerCase();
    parts.push(sql`SELECT id FROM customers WHERE initials >= ${lower} AND initials < ${lower + PREFIX_END}`);
  }
  const digits = phoneDigits(q);
  if (digits && digits.length >= 3) {
    parts.push(sql`SELECT customer_id FROM customer_phones
      WHERE phone >= ${digits} AND phone < ${digits + PREFIX_END}`);
    if (digits.length >= 4) {
      const rev = [...digits].reverse().join('');
      parts.push(sql`SELECT customer_id FROM customer_phones
        WHERE phone_reversed >= ${rev} AND phone_reversed < ${rev + PREFIX_END}`);
    }
  }
  return sql`${customers.id} IN (${sql.join(parts, sql` UNION `)})`;
}

function sortOf(input: ParsedInputOf<'customers.list'>): SQL[] {
  const dir = input.order === 'asc' ? asc : desc;
  switch (input.sort) {
    case 'name':
      // Initials first gives roughly the pinyin order a Chinese clerk expects.
      return [dir(customers.initials), dir(customers.name), dir(customers.id)];
    case 'code':
      return [dir(customers.code)];
    case 'lastVisitAt':
      // Never-visited customers last, whichever the direction.
      return [sql`${lastVisit} IS NULL`, dir(lastVisit), dir(customers.id)];
    case 'createdAt':
      return [dir(customers.createdAt), dir(customers.id)];
  }
}

/** Server-side paged, filtered and sorted; merged customers are never listed. */
export function listCustomers(
  q: Queryable,
  input: ParsedInputOf<'customers.list'>,
): { total: number; rows: CustomerRow[] } {
  const where = and(
    isNull(customers.mergedIntoId),
    input.archived ? isNotNull(customers.archivedAt) : isNull(customers.archivedAt),
    input.type ? eq(customers.type, input.type) : undefined,
    input.level ? eq(customers.level, input.level) : undefined,
    input.tag
      ? sql`EXISTS (SELECT 1 FROM json_each(${customers.tags}) WHERE value = ${input.tag})`
      : undefined,
    input.q ? matchQuery(input.q) : undefined,
  );
  const total =
    q
      .select({ n: sql<number>`count(*)` })
      .from(customers)
      .where(where)
      .get()?.n ?? 0;
  const rows = q
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      type: customers.type,
      level: customers.level,
      primaryPhone: primaryPhoneOf(outerId),
      company: customers.company,
      tags: customers.tags,
      openOrders: sql<number>`(SELECT count(*) FROM ${workOrders} WHERE ${workOrders.customerId} = ${outerId}
        AND ${statusIsOpen()})`,
      archivedAt: customers.archivedAt,
      createdAt: customers.createdAt,
      lastVisitAt: lastVisit,
    })
    .from(customers)
    .where(where)
    .orderBy(...sortOf(input))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { total, rows: rows.map((r) => ({ ...r, tags: parseTags(r.tags) })) };
}

/** The detail page: the customer, their devices (in use first) and their newest work orders. */
export function getCustomer(ctx: CallContext, id: string): OutputOf<'customers.get'> {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const customer = loadCustomer(tx, id);
    const at = now();
    const today = localDate(at);
    const owned = tx
      .select()
      .from(devices)
      .where(eq(devices.customerId, id))
      .orderBy(sql`${devices.archivedAt} IS NOT NULL`, desc(devices.createdAt), desc(devices.id))
      .all()
      .map((d) => toDevice(tx, d, today));
    return { customer, devices: owned, workOrders: workOrderHistory(tx, { customerId: id }, at) };
  });
}

/** The form's live warning: who else already has this number. */
export function checkPhone(q: Queryable, input: ParsedInputOf<'customers.checkPhone'>): PhoneMatch[] {
  return phoneMatches(q, [input.phone], input.exceptId);
}
