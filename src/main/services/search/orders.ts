import { sql, type SQL } from 'drizzle-orm';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import type { Queryable } from '../context';
import { statusIsOpen } from '../workOrders/rows';
import { customerIdsMatching } from './customers';
import { deviceIdsMatching } from './devices';
import { charLength, queryWords, startsWith } from './text';
import { boxStep, ORDER_TEXT, shortWordsWhere, textQuery, type TextQuery } from './textQuery';
import { Tiers } from './tiers';

export interface OrderHit {
  id: string;
  orderNo: string;
  status: WorkOrderStatus;
  customerName: string;
  brand: string;
  model: string;
  category: string;
  fault: string;
  diagnosis: string;
}

const ORDER_COLUMNS = sql`w.id, w.order_no AS orderNo, w.status, c.name AS customerName, d.brand, d.model,
  d.category, w.reported_fault AS fault, w.diagnosis`;
const ORDER_JOINS = sql`JOIN customers c ON c.id = w.customer_id JOIN devices d ON d.id = w.device_id`;

function ordersWhere(q: Queryable, where: SQL, order: SQL, n: number): OrderHit[] {
  return q.all<OrderHit>(sql`SELECT ${ORDER_COLUMNS} FROM work_orders w ${ORDER_JOINS}
    WHERE ${where} ORDER BY ${order} LIMIT ${n}`);
}

function inList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/** The order index's columns on the search row, for words too short for it. */
const SEARCH_TEXT = [sql`s.fault`, sql`s.diagnosis`];

/**
 * Fault and diagnosis text, best first: the words as typed (one phrase), then every word anywhere in
 * the order's fault or diagnosis.
 */
function faultSteps(q: Queryable, words: string[]): TextQuery[] {
  const steps: TextQuery[] = [];
  const whole = words.join(' ');
  if (words.length > 1 && charLength(whole) >= 3) {
    const phrase = textQuery(q, ORDER_TEXT, [whole]);
    if (phrase) steps.push(phrase);
  }
  const each = textQuery(q, ORDER_TEXT, words);
  if (each) steps.push(each);
  return steps;
}

export function searchOrders(
  q: Queryable,
  text: string,
  words: string[],
  limit: number,
  related: { customerIds: string[]; deviceIds: string[] },
): { hits: OrderHit[]; exactOrderId: string | null } {
  const t = new Tiers<OrderHit>(limit);
  const upper = text.toUpperCase();
  const exact = t.add(ordersWhere(q, sql`w.order_no IN (${upper}, ${text})`, sql`w.order_no`, 2));
  const exactOrderId = exact.length === 1 && exact[0] ? exact[0].id : null;
  if (!t.full && charLength(upper) >= 2) {
    t.add(ordersWhere(q, startsWith(sql`w.order_no`, upper), sql`w.order_no DESC`, t.want));
  }
  // The orders of the customer or device the query pins down: open ones first, then the newest.
  const owners: SQL[] = [];
  if (related.customerIds.length) owners.push(sql`w.customer_id IN (${inList(related.customerIds)})`);
  if (related.deviceIds.length) owners.push(sql`w.device_id IN (${inList(related.deviceIds)})`);
  if (!t.full && owners.length) {
    t.add(
      ordersWhere(
        q,
        sql`(${sql.join(owners, sql` OR `)})`,
        sql`${statusIsOpen(sql`w.status`)} DESC, w.created_at DESC`,
        t.want,
      ),
    );
  }
  // Words of the fault or the diagnosis ("hinge", "won't charge", 屏幕), newest first.
  for (const found of t.full ? [] : faultSteps(q, words)) {
    if (t.full) break;
    const step = boxStep(ORDER_TEXT, found, 'work_order_search', SEARCH_TEXT);
    t.add(
      q.all<OrderHit>(sql`SELECT ${ORDER_COLUMNS}
        FROM ${step.from} JOIN work_orders w ON w.id = s.work_order_id ${ORDER_JOINS}
        WHERE ${step.where} ORDER BY m.doc DESC LIMIT ${t.want}`),
    );
  }
  return { hits: t.hits, exactOrderId };
}

/**
 * Every order the text names in one of its fields, as work_orders rowids: integers are cheaper to
 * de-duplicate than ids, and most arms read them from an index without touching the table (a rowid is
 * only good within the statement, which is all it is used for). `words` are the text's words.
 */
function rowidsForText(q: Queryable, text: string, words: string[]): SQL {
  const parts: SQL[] = [
    sql`SELECT rowid AS r FROM work_orders WHERE ${startsWith(sql`order_no`, text.toUpperCase())}`,
    sql`SELECT rowid AS r FROM work_orders WHERE customer_id IN (${customerIdsMatching(q, text)})`,
    sql`SELECT rowid AS r FROM work_orders WHERE device_id IN (${deviceIdsMatching(q, text)})`,
  ];
  const found = textQuery(q, ORDER_TEXT, words);
  if (found) {
    parts.push(sql`SELECT w.rowid AS r FROM work_order_search_fts f JOIN work_order_search s ON s.doc = f.rowid
      JOIN work_orders w ON w.id = s.work_order_id
      WHERE work_order_search_fts MATCH ${found.match}
        AND ${shortWordsWhere(found.short, SEARCH_TEXT)}`);
  }
  return sql.join(parts, sql` UNION `);
}

/**
 * The work-order list's text filter, as the rowids of every order it matches: the order number from
 * its start, the customer (name, company, phone, code, initials), the device (brand, model, category,
 * serial) or words of the fault or diagnosis. Several words match an order when each is in one of its
 * fields ("HP hinge": an HP laptop whose fault says hinge), or when the text as a whole does
 * ("138 0013 8000"). Index lookups joined by UNION and INTERSECT.
 */
function orderRowidsMatching(q: Queryable, text: string): SQL {
  const words = queryWords(text);
  const whole = rowidsForText(q, text, words);
  if (words.length < 2) return whole;
  const each = words.map((word) => sql`SELECT r FROM (${rowidsForText(q, word, [word])})`);
  return sql`${sql.join(each, sql` INTERSECT `)} UNION SELECT r FROM (${whole})`;
}

/**
 * The rowids of the orders the list's text names, read once: the list's count and its page then
 * filter on this list (`rowid IN (SELECT value FROM json_each(?))`) instead of working the lookups out
 * twice. A rowid holds for as long as no VACUUM runs, and none runs inside one synchronous list call.
 */
export function orderRowidsFor(q: Queryable, text: string): number[] {
  return q.all<{ r: number }>(sql`SELECT r FROM (${orderRowidsMatching(q, text)})`).map((row) => row.r);
}
