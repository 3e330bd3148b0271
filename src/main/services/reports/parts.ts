import { sql } from 'drizzle-orm';
import { addDays, localMidnight } from '@shared/dates';
import type { PartsReport, PeriodInput } from '@shared/schemas/reports';
import type { Db } from '../../db/open';
import { stockUsage, stockValuation } from '../stock/reports';
import { periodOf } from './period';

/** A part on the shelf with no movement out for this many days is a slow mover. */
const SLOW_DAYS = 90;
const MOST_USED = 50;
/** The slow movers listed, largest value first; a longer list is the stock pages' job. */
const SLOW_LIST = 200;

/**
 * Most used: the stock usage report (issued to work orders minus returned from them, in the
 * period), its amount at the cost of each movement. Stock value: the stock valuation (on hand now
 * × moving-average cost) by category. Slow movers: parts on hand now with no movement out (any
 * negative movement: issue, scrap, return to supplier…) in the `SLOW_DAYS` days before the
 * period's end; `lastOutAt` is their latest one before that end, if any.
 */
export function partsReport(q: Db, input: PeriodInput): PartsReport {
  const { start, end } = periodOf(input);
  const mostUsed = stockUsage(q, { from: start, to: end, limit: MOST_USED }).map((u) => ({
    partId: u.partId,
    code: u.code,
    name: u.name,
    quantity: u.qty,
    amount: u.costValue,
    orders: u.orders,
  }));

  const valuation = stockValuation(q, { search: '', includeZero: false });
  const categories = new Map<string, PartsReport['stockValue']['byCategory'][number]>();
  for (const r of valuation.rows) {
    const c = categories.get(r.category) ?? { category: r.category, parts: 0, quantity: 0, value: 0 };
    c.parts += 1;
    c.quantity += r.onHand;
    c.value += r.value;
    categories.set(r.category, c);
  }

  const cutoff = localMidnight(addDays(input.to, 1 - SLOW_DAYS));
  // Per part, the index (part_id, at, qty) is walked backwards from the end to the first out.
  const slowMovers = q.all<PartsReport['slowMovers'][number]>(sql`
    SELECT * FROM (
      SELECT p.id AS partId, p.code AS code, p.name AS name, p.on_hand AS onHand,
        p.on_hand * p.cost_price AS value,
        (SELECT m.at FROM stock_movements m WHERE m.part_id = p.id AND m.at < ${end} AND m.qty < 0
          ORDER BY m.at DESC LIMIT 1) AS lastOutAt
      FROM parts p WHERE p.on_hand > 0
    ) WHERE lastOutAt IS NULL OR lastOutAt < ${cutoff}
    ORDER BY value DESC, code LIMIT ${SLOW_LIST}`);

  return {
    mostUsed,
    stockValue: {
      total: valuation.totalValue,
      byCategory: [...categories.values()].sort(
        (a, b) => b.value - a.value || a.category.localeCompare(b.category),
      ),
    },
    slowMovers,
    slowDays: SLOW_DAYS,
  };
}
