import { sql } from 'drizzle-orm';
import type { PeriodInput, TechnicianReport } from '@shared/schemas/reports';
import type { Db } from '../../db/open';
import { durations } from './durations';
import { hoursOf, periodOf } from './period';
import { userNames } from './turnaround';

type Row = TechnicianReport['rows'][number];

/**
 * Per technician (null = unassigned): orders of theirs readied in the period and repaired (an
 * unrepaired return is not a completion) and their mean intake → ready time; labor on settlements made in the period and not void (customer amounts, as in
 * revenue, so the rows add up to its labor) and the labor lines' hours, credited to the order's
 * technician when it was settled; reworks received in the period (inside the repair-warranty
 * window) of orders they had repaired. Labor is one index range per technician
 * (settlement_facts_technician), so no year of rows is sorted for a GROUP BY.
 */
export function technicianReport(db: Db, input: PeriodInput): TechnicianReport {
  const { start, end } = periodOf(input);
  const names = userNames(db);
  const ids = [...names.keys()];
  const readied = durations(db, 'ready_at', start, end, ids, true);

  type Labor = { amount: number; hours: number };
  const laborOf = db.$client.prepare<[string, number, number], Labor>(
    `SELECT coalesce(sum(labor), 0) AS amount, coalesce(sum(labor_hours), 0) AS hours
     FROM settlement_facts INDEXED BY settlement_facts_technician
     WHERE technician_id = ? AND created_at >= ? AND created_at < ? AND status = 'active'`,
  );
  const unassignedLabor = db.$client.prepare<[number, number], Labor>(
    `SELECT coalesce(sum(labor), 0) AS amount, coalesce(sum(labor_hours), 0) AS hours
     FROM settlement_facts INDEXED BY settlement_facts_technician
     WHERE technician_id IS NULL AND created_at >= ? AND created_at < ? AND status = 'active'`,
  );
  const reworks = new Map(
    db
      .all<{ t: string; n: number }>(
        sql`
        SELECT coalesce(orig.technician_id, '') AS t, count(*) AS n
        FROM work_orders o INDEXED BY work_orders_rework_of CROSS JOIN work_orders orig ON orig.id = o.rework_of_id
        WHERE o.created_at >= ${start} AND o.created_at < ${end}
          AND o.rework_of_id IS NOT NULL AND o.warranty_computed = 'repair'
        GROUP BY 1`,
      )
      .map((r) => [r.t, r.n]),
  );

  const rows: Row[] = ['', ...ids].flatMap((t): Row[] => {
    const labor = t === '' ? unassignedLabor.get(start, end) : laborOf.get(t, start, end);
    const done = readied.byTechnician.get(t);
    const row: Row = {
      technicianId: t === '' ? null : t,
      technicianName: t === '' ? null : (names.get(t) ?? null),
      completed: done?.n ?? 0,
      laborAmount: labor?.amount ?? 0,
      laborHours: Math.round((labor?.hours ?? 0) * 100) / 100,
      avgRepairHours: hoursOf(done?.avgMs ?? null),
      reworks: reworks.get(t) ?? 0,
    };
    return row.completed || row.laborAmount || row.laborHours || row.reworks ? [row] : [];
  });
  return {
    rows: rows.sort(
      (a, b) =>
        Number(a.technicianId === null) - Number(b.technicianId === null) ||
        b.completed - a.completed ||
        b.laborAmount - a.laborAmount ||
        (a.technicianName ?? '').localeCompare(b.technicianName ?? ''),
    ),
  };
}
