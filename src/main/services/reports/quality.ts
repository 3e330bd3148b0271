import { sql } from 'drizzle-orm';
import type { PeriodInput, QualityReport } from '@shared/schemas/reports';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import { OUTCOMES } from '@shared/workOrderStatus';
import type { Db } from '../../db/open';
import { groupReaders, groupsOf } from './groupSums';
import { periodOf } from './period';
import { rateOf, splitOf } from './qualityFigures';

/** A rework inside the repair-warranty window: intake found it under our own warranty. */
const IS_REWORK = sql`(o.rework_of_id IS NOT NULL AND o.warranty_computed = 'repair')`;

/**
 * Received = intake in the period; completed = of those, repaired (outcome 已修复: an unrepaired
 * return, a refusal or a cancellation is not a completion); the outcome split counts every outcome
 * and the still open; reworks = of those, returns of an earlier repair inside the repair-warranty
 * window (warranty_computed 'repair' at intake, whatever a manager overrode it to; a return after
 * the window is a new job, not a rework). First-time fix: of the repaired orders delivered in the
 * period, those no rework (as above) has come back on yet.
 */
export function qualityReport(db: Db, input: PeriodInput): QualityReport {
  const { start, end } = periodOf(input);
  const counts = SERVICE_TYPES.map(() => ({ outcomes: new Float64Array(OUTCOMES.length + 1), reworks: 0 }));
  const read = groupReaders(db);
  for (const g of groupsOf(db)) {
    const c = counts[SERVICE_TYPES.indexOf(g.serviceType)];
    if (!c) continue;
    const orders = read.orders(g, start, end);
    orders.outcomes.forEach((n, i) => (c.outcomes[i] = (c.outcomes[i] ?? 0) + n));
    c.reworks += orders.reworks;
  }
  const delivered =
    db.get<{ n: number }>(
      sql`SELECT count(*) AS n FROM work_orders INDEXED BY work_orders_repaired_delivered
        WHERE outcome = 'repaired' AND delivered_at >= ${start} AND delivered_at < ${end}`,
    )?.n ?? 0;
  // From the (few) reworks to their originals, not from every delivered order to its reworks.
  const cameBack =
    db.get<{ n: number }>(sql`SELECT count(DISTINCT orig.id) AS n
      FROM work_orders o INDEXED BY work_orders_rework_of CROSS JOIN work_orders orig ON orig.id = o.rework_of_id
      WHERE o.rework_of_id IS NOT NULL AND ${IS_REWORK} AND orig.outcome = 'repaired'
        AND orig.delivered_at >= ${start} AND orig.delivered_at < ${end}`)?.n ?? 0;

  const kept = db.all<{ state: string; n: number }>(
    sql`SELECT state, count(*) AS n FROM appointments INDEXED BY appointments_state_start
      WHERE state IN ('arrived', 'noShow') AND start_at >= ${start} AND start_at < ${end} GROUP BY state`,
  );
  const arrived = kept.find((k) => k.state === 'arrived')?.n ?? 0;
  const noShow = kept.find((k) => k.state === 'noShow')?.n ?? 0;

  const byServiceType = SERVICE_TYPES.map((serviceType, i) => {
    const c = counts[i];
    const outcomes = splitOf(c?.outcomes ?? []);
    const received = Object.values(outcomes).reduce((s, n) => s + n, 0);
    return {
      serviceType,
      received,
      completed: outcomes.repaired,
      reworks: c?.reworks ?? 0,
      completionRate: rateOf(outcomes.repaired, received),
      reworkRate: rateOf(c?.reworks ?? 0, received),
      outcomes,
    };
  });
  const sum = (k: 'received' | 'completed' | 'reworks') => byServiceType.reduce((s, r) => s + r[k], 0);
  const outcomes = splitOf(
    OUTCOMES.map((_, i) => i)
      .concat(OUTCOMES.length)
      .map((i) => counts.reduce((s, c) => s + (c.outcomes[i] ?? 0), 0)),
  );
  const received = sum('received');
  const fixedFirstTime = delivered - cameBack;
  return {
    received,
    completed: sum('completed'),
    cancelled: outcomes.cancelled,
    completionRate: rateOf(sum('completed'), received),
    outcomes,
    reworks: sum('reworks'),
    reworkRate: rateOf(sum('reworks'), received),
    delivered,
    fixedFirstTime,
    firstTimeFixRate: rateOf(fixedFirstTime, delivered),
    appointments: { arrived, noShow, noShowRate: rateOf(noShow, arrived + noShow) },
    byServiceType,
  };
}
