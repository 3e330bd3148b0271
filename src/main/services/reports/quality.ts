import { sql } from 'drizzle-orm';
import type { PeriodInput, QualityReport } from '@shared/schemas/reports';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import type { Db } from '../../db/open';
import { caseIndex, pluckNumbers } from './numbers';
import { periodOf } from './period';

/** A rework inside the repair-warranty window: intake found it under our own warranty. */
const IS_REWORK = sql`(o.rework_of_id IS NOT NULL AND o.warranty_computed = 'repair')`;

const rateOf = (part: number, whole: number): number | null => (whole ? part / whole : null);

/**
 * Received = intake in the period; completed = of those, reached ready (ready_at set) or delivered;
 * cancelled = of those, cancelled; reworks = of those, returns of an earlier repair inside the
 * repair-warranty window (warranty_computed 'repair' at intake, whatever a manager overrode it to;
 * a return after the window is a new job, not a rework). First-time fix: of the orders delivered in
 * the period, those no rework (as above) has come back on yet.
 */
export function qualityReport(db: Db, input: PeriodInput): QualityReport {
  const { start, end } = periodOf(input);
  // One number per order received: service type × 8 + completed × 4 + cancelled × 2 + rework.
  const codes = pluckNumbers(
    db,
    `SELECT ${caseIndex('service_type', SERVICE_TYPES)} * 8
        + (ready_at IS NOT NULL OR delivered_at IS NOT NULL) * 4 + (status = 'cancelled') * 2
        + (rework_of_id IS NOT NULL AND warranty_computed = 'repair')
     FROM work_orders INDEXED BY work_orders_intake_report WHERE created_at >= ? AND created_at < ?`,
    [start, end],
  );
  const counts = SERVICE_TYPES.map(() => ({ received: 0, completed: 0, cancelled: 0, reworks: 0 }));
  for (const code of codes) {
    const c = counts[Math.floor(code / 8)];
    if (!c) continue;
    c.received += 1;
    c.completed += (code >> 2) & 1;
    c.cancelled += (code >> 1) & 1;
    c.reworks += code & 1;
  }
  const delivered =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM work_orders INDEXED BY work_orders_delivered_report
        WHERE delivered_at >= ${start} AND delivered_at < ${end}`,
    )?.n ?? 0;
  // From the (few) reworks to their originals, not from every delivered order to its reworks.
  const cameBack =
    db.get<{ n: number }>(sql`SELECT count(DISTINCT orig.id) AS n
      FROM work_orders o INDEXED BY work_orders_rework_of CROSS JOIN work_orders orig ON orig.id = o.rework_of_id
      WHERE o.rework_of_id IS NOT NULL AND ${IS_REWORK}
        AND orig.delivered_at >= ${start} AND orig.delivered_at < ${end}`)?.n ?? 0;

  const byServiceType = SERVICE_TYPES.map((serviceType, i) => {
    const r = counts[i] ?? { received: 0, completed: 0, reworks: 0 };
    return {
      serviceType,
      received: r.received,
      completed: r.completed,
      reworks: r.reworks,
      completionRate: rateOf(r.completed, r.received),
      reworkRate: rateOf(r.reworks, r.received),
    };
  });
  const sum = (k: 'received' | 'completed' | 'cancelled' | 'reworks') => counts.reduce((s, r) => s + r[k], 0);
  const received = sum('received');
  const fixedFirstTime = delivered - cameBack;
  return {
    received,
    completed: sum('completed'),
    cancelled: sum('cancelled'),
    completionRate: rateOf(sum('completed'), received),
    reworks: sum('reworks'),
    reworkRate: rateOf(sum('reworks'), received),
    delivered,
    fixedFirstTime,
    firstTimeFixRate: rateOf(fixedFirstTime, delivered),
    byServiceType,
  };
}
