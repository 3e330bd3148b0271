import type { ByCategoryReport, PeriodInput } from '@shared/schemas/reports';
import { OUTCOMES } from '@shared/workOrderStatus';
import type { Db } from '../../db/open';
import { caseIndex } from './numbers';
import { hoursOf, periodOf } from './period';
import { fixRateOf, splitOf } from './qualityFigures';

type Figures = ByCategoryReport['byCategory'][number];

class Tally {
  received = 0;
  outcomes = new Float64Array(OUTCOMES.length + 1);
  readied = 0;
  readyMs = 0;
  revenue = 0;

  figures(): Omit<Figures, 'category'> {
    const outcomes = splitOf(this.outcomes);
    return {
      received: this.received,
      outcomes,
      fixRate: fixRateOf(outcomes),
      readied: this.readied,
      turnaroundHours: hoursOf(this.readied ? this.readyMs / this.readied : null),
      revenue: this.revenue,
    };
  }
}

/** `a` before `b`: most orders first, then the more revenue, then by name. */
const busiestFirst = <T extends { received: number; revenue: number }>(a: T, b: T, an: string, bn: string) =>
  b.received - a.received || b.revenue - a.revenue || an.localeCompare(bn);

/**
 * By category, brand and brand × category (see `byCategoryReport`). Orders received in the
 * period come from work_orders_category_report with the device's category and brand copied onto
 * the order (drizzle/0015); revenue is what settlement_facts billed in the period (not void), by
 * the device's category and brand when it was settled. Each is one index range grouped in SQL by
 * device kind (few groups), then folded into the three views here.
 */
export function byCategoryReport(db: Db, input: PeriodInput): ByCategoryReport {
  const { start, end } = periodOf(input);
  const pairs = new Map<string, { category: string; brand: string; tally: Tally }>();
  const pair = (category: string, brand: string) => {
    const key = `${category}\u0000${brand}`;
    let p = pairs.get(key);
    if (!p) pairs.set(key, (p = { category, brand, tally: new Tally() }));
    return p.tally;
  };

  type OrderGroup = {
    category: string;
    brand: string;
    outcome: number;
    n: number;
    readied: number;
    readyMs: number;
  };
  const orders = db.$client
    .prepare<[number, number], OrderGroup>(
      `SELECT coalesce(device_category, '') AS category, coalesce(device_brand, '') AS brand,
         ${caseIndex('outcome', OUTCOMES)} AS outcome, count(*) AS n, count(ready_at) AS readied,
         coalesce(sum(max(ready_at - created_at, 0)), 0) AS readyMs
       FROM work_orders INDEXED BY work_orders_category_report
       WHERE created_at >= ? AND created_at < ?
       GROUP BY 1, 2, 3`,
    )
    .all(start, end);
  for (const g of orders) {
    const t = pair(g.category, g.brand);
    t.received += g.n;
    t.outcomes[g.outcome] = (t.outcomes[g.outcome] ?? 0) + g.n;
    t.readied += g.readied;
    t.readyMs += g.readyMs;
  }
  const revenue = db.$client
    .prepare<[number, number], { category: string; brand: string; billed: number }>(
      `SELECT category, brand, sum(total) AS billed
       FROM settlement_facts INDEXED BY settlement_facts_category
       WHERE created_at >= ? AND created_at < ? AND status = 'active'
       GROUP BY 1, 2`,
    )
    .all(start, end);
  for (const r of revenue) pair(r.category, r.brand).revenue += r.billed;

  const fold = (key: (p: { category: string; brand: string }) => string) => {
    const out = new Map<string, Tally>();
    for (const p of pairs.values()) {
      const k = key(p);
      let t = out.get(k);
      if (!t) out.set(k, (t = new Tally()));
      t.received += p.tally.received;
      p.tally.outcomes.forEach((n, i) => (t.outcomes[i] = (t.outcomes[i] ?? 0) + n));
      t.readied += p.tally.readied;
      t.readyMs += p.tally.readyMs;
      t.revenue += p.tally.revenue;
    }
    return out;
  };
  return {
    byCategory: [...fold((p) => p.category)]
      .map(([category, t]) => ({ category, ...t.figures() }))
      .sort((a, b) => busiestFirst(a, b, a.category, b.category)),
    byBrand: [...fold((p) => p.brand)]
      .map(([brand, t]) => ({ brand, ...t.figures() }))
      .sort((a, b) => busiestFirst(a, b, a.brand, b.brand)),
    byBrandCategory: [...pairs.values()]
      .map((p) => ({ brand: p.brand, category: p.category, ...p.tally.figures() }))
      .sort((a, b) => busiestFirst(a, b, `${a.brand} ${a.category}`, `${b.brand} ${b.category}`)),
  };
}
