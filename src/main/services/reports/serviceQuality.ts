import type { PeriodInput, ServiceQualityReport } from '@shared/schemas/reports';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import { OUTCOMES } from '@shared/workOrderStatus';
import type { Db } from '../../db/open';
import { caseIndex } from './numbers';
import { periodOf } from './period';
import { QualityTally } from './qualityFigures';
import { userNames } from './turnaround';

/** A row of a raw read: columns by position, no object per row. */
type Cells = (number | string | null)[];

function rawRows(db: Db, text: string, params: (string | number)[]): Cells[] {
  return db.$client
    .prepare<(string | number)[], Cells>(text)
    .raw()
    .all(...params);
}

const OUTCOME_CASE = caseIndex('outcome', OUTCOMES);
const SERVICE_CASE = (column: string) => caseIndex(column, SERVICE_TYPES);

/**
 * 服务质量: every figure of `serviceQualityFigures` (see its doc comments for the definitions) for
 * the shop, per technician and per service type. Five reads, each a range of one index: the orders
 * received (work_orders_outcome_report, covering), the reworks among them with the technician of
 * the order that came back, the follow-ups due and those reached (with the order's technician and
 * service type copied onto the follow-up, drizzle/0015: no join per row), and the complaints received.
 */
export function serviceQualityReport(db: Db, input: PeriodInput): ServiceQualityReport {
  const { start, end } = periodOf(input);
  const names = userNames(db);
  const overall = new QualityTally();
  const byTech = new Map<string, QualityTally>();
  const byType = SERVICE_TYPES.map(() => new QualityTally());
  const tech = (t: string) => {
    let tally = byTech.get(t);
    if (!tally) byTech.set(t, (tally = new QualityTally()));
    return tally;
  };
  /**
   * One tally per technician × service type, folded into the shop, the technician and the type at
   * the end: a row touches one tally (a year is ~400,000 rows on the bench branch; summing them in
   * SQL with GROUP BY measured 2–3× slower, as it sorts them first).
   */
  const cells = new Map<string, QualityTally[]>();
  const cell = (t: Cells[number] | undefined, svc: Cells[number] | undefined): QualityTally => {
    const key = typeof t === 'string' ? t : '';
    let row = cells.get(key);
    if (!row) cells.set(key, (row = []));
    const i = Number(svc);
    return (row[i] ??= new QualityTally());
  };

  // Orders received: outcome, first response, turnaround, on time, reworks (by their own type).
  for (const [createdAt, outcome, svc, t, diagnosedAt, readyAt, promisedAt, rework] of rawRows(
    db,
    `SELECT created_at, ${OUTCOME_CASE}, ${SERVICE_CASE('service_type')}, technician_id, diagnosed_at,
       ready_at, promised_at, (rework_of_id IS NOT NULL AND warranty_computed = 'repair')
     FROM work_orders INDEXED BY work_orders_outcome_report WHERE created_at >= ? AND created_at < ?`,
    [start, end],
  )) {
    const created = Number(createdAt);
    const g = cell(t, svc);
    g.received += 1;
    g.outcomes[Number(outcome)] = (g.outcomes[Number(outcome)] ?? 0) + 1;
    if (diagnosedAt !== null) {
      g.diagnosed += 1;
      g.diagnosedMs += Math.max(Number(diagnosedAt) - created, 0);
    }
    if (readyAt !== null) {
      g.readied += 1;
      g.readyMs += Math.max(Number(readyAt) - created, 0);
      if (Number(readyAt) <= Number(promisedAt)) g.onTime += 1;
    }
    // The shop's and the type's reworks; a technician's are those of the orders they did (below).
    if (rework) {
      overall.reworks += 1;
      const type = byType[Number(svc)];
      if (type) type.reworks += 1;
    }
  }
  // From the (few) reworks to the orders that came back, whose technician's work it was.
  for (const [t] of rawRows(
    db,
    `SELECT coalesce(orig.technician_id, '')
     FROM work_orders o INDEXED BY work_orders_rework_of CROSS JOIN work_orders orig ON orig.id = o.rework_of_id
     WHERE o.rework_of_id IS NOT NULL AND o.warranty_computed = 'repair' AND o.created_at >= ? AND o.created_at < ?`,
    [start, end],
  )) {
    tech(String(t)).reworks += 1;
  }

  // Follow-ups due in the period (opted out left out) and which of them a call settled.
  for (const [state, t, svc] of rawRows(
    db,
    `SELECT state, technician_id, ${SERVICE_CASE('service_type')}
     FROM follow_ups INDEXED BY follow_ups_due_report
     WHERE due_at >= ? AND due_at < ? AND state <> 'optedOut'`,
    [start, end],
  )) {
    const g = cell(t, svc);
    g.due += 1;
    if (state !== 'pending') g.done += 1;
    if (state === 'reached') g.reached += 1;
  }

  // Satisfaction: the scores of the customers reached in the period.
  for (const [attitude, quality, timeliness, price, t, svc] of rawRows(
    db,
    `SELECT attitude, quality, timeliness, price, technician_id, ${SERVICE_CASE('service_type')}
     FROM follow_ups INDEXED BY follow_ups_done_report
     WHERE done_at >= ? AND done_at < ? AND state = 'reached'`,
    [start, end],
  )) {
    const g = cell(t, svc);
    g.score('attitude', attitude === null ? null : Number(attitude));
    g.score('quality', quality === null ? null : Number(quality));
    g.score('timeliness', timeliness === null ? null : Number(timeliness));
    g.score('price', price === null ? null : Number(price));
  }

  // Complaints received in the period, through the order they name (if any).
  for (const [createdAt, respondedAt, resolvedAt, resolutionDue, status, hasOrder, t, svc] of rawRows(
    db,
    `SELECT c.created_at, c.first_responded_at, c.resolved_at, c.resolution_due, c.status,
       o.id IS NOT NULL, o.technician_id, ${SERVICE_CASE('o.service_type')}
     FROM complaints c INDEXED BY complaints_created LEFT JOIN work_orders o ON o.id = c.work_order_id
     WHERE c.created_at >= ? AND c.created_at < ?`,
    [start, end],
  )) {
    const created = Number(createdAt);
    const g = hasOrder ? cell(t, svc) : overall;
    g.complaints += 1;
    if (respondedAt !== null) {
      g.responded += 1;
      g.respondedMs += Math.max(Number(respondedAt) - created, 0);
    }
    if (resolvedAt !== null) {
      g.resolved += 1;
      g.resolvedMs += Math.max(Number(resolvedAt) - created, 0);
    }
    if (status !== 'withdrawn') {
      g.complaintsCounted += 1;
      if (resolvedAt !== null && Number(resolvedAt) <= Number(resolutionDue)) g.inTime += 1;
    }
  }

  for (const [t, row] of cells) {
    row.forEach((g, svc) => {
      overall.add(g);
      tech(t).add(g);
      byType[svc]?.add(g);
    });
  }
  const byTechnician = [...byTech.entries()]
    .filter(([, tally]) => !tally.empty)
    .map(([t, tally]) => ({
      technicianId: t === '' ? null : t,
      technicianName: t === '' ? null : (names.get(t) ?? null),
      ...tally.figures(),
    }))
    .sort(
      (a, b) =>
        Number(a.technicianId === null) - Number(b.technicianId === null) ||
        b.received - a.received ||
        (a.technicianName ?? '').localeCompare(b.technicianName ?? ''),
    );
  return {
    overall: overall.figures(),
    byTechnician,
    byServiceType: SERVICE_TYPES.map((serviceType, i) => ({
      serviceType,
      ...(byType[i] ?? new QualityTally()).figures(),
    })),
  };
}
