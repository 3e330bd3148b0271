import { sql } from 'drizzle-orm';
import { dayBounds, localDate } from '@shared/dates';
import type { Dashboard } from '@shared/schemas/reports';
import type { Db } from '../../db/open';
import { serviceQualityReport } from './serviceQuality';

/** Most overdue complaints the manager's home lists; the complaint list has them all. */
const COMPLAINT_LIMIT = 10;

type Brief = NonNullable<Dashboard['queue']>['orders'][number];
type BriefsOf = (q: Db, now: number, where: ReturnType<typeof sql>) => Brief[];

/** The clerk's follow-ups and recalls, on the server's clock (see `dashboard.afterSales`). */
export function afterSalesSection(
  q: Db,
  now: number,
  briefs: BriefsOf,
): NonNullable<Dashboard['afterSales']> {
  const [todayStart, todayEnd] = dayBounds(localDate(now));
  const due = q.get<{ today: number; overdue: number }>(sql`
    SELECT count(CASE WHEN due_at >= ${todayStart} THEN 1 END) AS today,
      count(CASE WHEN due_at < ${todayStart} THEN 1 END) AS overdue
    FROM follow_ups INDEXED BY follow_ups_state_due WHERE state = 'pending' AND due_at < ${todayEnd}`);
  const recallAt = new Map(
    q
      .all<{ id: string; recallAt: number }>(
        sql`SELECT id, recall_at AS recallAt FROM work_orders WHERE status = 'onHold' AND recall_at <= ${now}`,
      )
      .map((r) => [r.id, r.recallAt]),
  );
  const list = briefs(
    q,
    now,
    sql`WHERE o.status = 'onHold' AND o.recall_at <= ${now} ORDER BY o.recall_at, o.order_no`,
  );
  return {
    followUpsToday: due?.today ?? 0,
    followUpsOverdue: due?.overdue ?? 0,
    recallDue: list.map((o) => ({ ...o, recallAt: recallAt.get(o.id) ?? now })),
    recallDueCount: recallAt.size,
  };
}

/** Overdue complaints and this month's main quality figures (see `dashboard.quality`). */
export function qualitySection(q: Db, now: number): NonNullable<Dashboard['quality']> {
  type Late = NonNullable<Dashboard['quality']>['overdueComplaints'][number];
  // Still 已受理 past the first-response deadline, or open and unanswered past the resolution one.
  const lateWhere = sql`(c.status = 'received' AND c.first_response_due < ${now})
    OR (c.status IN ('received', 'inProgress') AND c.resolved_at IS NULL AND c.resolution_due < ${now})`;
  const overdue = q.all<Omit<Late, 'late' | 'dueAt'> & { firstDue: number; resolutionDue: number }>(sql`
    SELECT c.id AS id, c.complaint_no AS complaintNo, cu.name AS customerName, c.severity AS severity,
      c.status AS status, c.first_response_due AS firstDue, c.resolution_due AS resolutionDue
    FROM complaints c INDEXED BY complaints_status JOIN customers cu ON cu.id = c.customer_id
    WHERE c.status IN ('received', 'inProgress') AND (${lateWhere})`);
  const rows: Late[] = overdue
    .map(({ firstDue, resolutionDue, ...c }) => {
      const late: Late['late'] = c.status === 'received' && firstDue < now ? 'firstResponse' : 'resolution';
      return { ...c, late, dueAt: late === 'firstResponse' ? firstDue : resolutionDue };
    })
    .sort((a, b) => a.dueAt - b.dueAt || a.complaintNo.localeCompare(b.complaintNo));
  const today = localDate(now);
  const month = `${today.slice(0, 7)}-01`;
  const figures = serviceQualityReport(q, { from: month, to: today, bucket: 'month' }).overall;
  return {
    complaintsOverdue: rows.length,
    overdueComplaints: rows.slice(0, COMPLAINT_LIMIT),
    month,
    fixRate: figures.fixRate,
    satisfaction: figures.satisfaction.overall.mean,
    satisfactionGood: figures.satisfaction.overall.good,
    followUpRate: figures.followUpRate,
  };
}
