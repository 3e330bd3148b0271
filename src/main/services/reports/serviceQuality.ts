import type { PeriodInput, ServiceQualityReport } from '@shared/schemas/reports';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import type { Db } from '../../db/open';
import { groupReaders, groupsOf } from './groupSums';
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

const SERVICE_CASE = (column: string) => caseIndex(column, SERVICE_TYPES);

/**
 * 服务质量: every figure of `serviceQualityFigures` (see its doc comments for the definitions) for
 * the shop, per technician and per service type. The orders received and the follow-ups due and
 * reached are summed per technician × service type in SQL (groupSums.ts); then two small reads: the
 * reworks with the technician of the order that came back, and the complaints received.
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
  /** The shop's, the technician's and the service type's tallies a group's sums go to. */
  const tallies = (t: string | null, svc: number) =>
    [overall, tech(t ?? ''), byType[svc]].filter((x): x is QualityTally => x !== undefined);

  const read = groupReaders(db);
  for (const g of groupsOf(db)) {
    const svc = SERVICE_TYPES.indexOf(g.serviceType);
    const orders = read.orders(g, start, end);
    const followUps = read.followUps(g, start, end);
    for (const tally of tallies(g.technicianId, svc)) {
      tally.addOrders(orders);
      tally.addFollowUps(followUps);
    }
    // The shop's and the type's reworks; a technician's are those of the orders they did (below).
    overall.reworks += orders.reworks;
    const type = byType[svc];
    if (type) type.reworks += orders.reworks;
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
    for (const g of hasOrder ? tallies(typeof t === 'string' ? t : null, Number(svc)) : [overall]) {
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
