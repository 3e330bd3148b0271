import { asc } from 'drizzle-orm';
import type { PeriodInput, TurnaroundReport } from '@shared/schemas/reports';
import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import { users } from '../../db/schema';
import type { Db } from '../../db/open';
import { durations, EMPTY_STATS, type DurationStats } from './durations';
import { hoursOf, periodOf } from './period';

type Figures = TurnaroundReport['overall'];

function figures(delivered: DurationStats, readied: DurationStats): Figures {
  return {
    delivered: delivered.n,
    avgToDeliveredHours: hoursOf(delivered.avgMs),
    medianToDeliveredHours: hoursOf(delivered.medianMs),
    readied: readied.n,
    avgToReadyHours: hoursOf(readied.avgMs),
    medianToReadyHours: hoursOf(readied.medianMs),
    onTime: readied.onTime,
    onTimeRate: readied.n ? readied.onTime / readied.n : null,
  };
}

/** Every user's display name by id: whoever may hold orders (a shop has a handful of users). */
export function userNames(db: Db): Map<string, string> {
  const rows = db.select({ id: users.id, name: users.displayName }).from(users).orderBy(asc(users.id)).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Intake → ready and intake → delivered, mean and median, for the orders readied (ready_at) or
 * delivered (delivered_at) in the period; on time = ready on or before the promised time. By
 * service type (every type, empty ones too) and by technician (those with any such order; the
 * unassigned as technicianId null), most orders first.
 */
export function turnaroundReport(db: Db, input: PeriodInput): TurnaroundReport {
  const { start, end } = periodOf(input);
  const names = userNames(db);
  const delivered = durations(db, 'delivered_at', start, end, [...names.keys()]);
  const readied = durations(db, 'ready_at', start, end, [...names.keys()]);
  const techIds = [...new Set([...delivered.byTechnician.keys(), ...readied.byTechnician.keys()])];
  const byTechnician = techIds
    .map((t) => ({
      technicianId: t === '' ? null : t,
      technicianName: t === '' ? null : (names.get(t) ?? null),
      ...figures(delivered.byTechnician.get(t) ?? EMPTY_STATS, readied.byTechnician.get(t) ?? EMPTY_STATS),
    }))
    .sort(
      (a, b) =>
        b.readied + b.delivered - (a.readied + a.delivered) ||
        (a.technicianName ?? '').localeCompare(b.technicianName ?? ''),
    );
  return {
    overall: figures(delivered.overall, readied.overall),
    byServiceType: SERVICE_TYPES.map((serviceType) => ({
      serviceType,
      ...figures(
        delivered.byServiceType.get(serviceType) ?? EMPTY_STATS,
        readied.byServiceType.get(serviceType) ?? EMPTY_STATS,
      ),
    })),
    byTechnician,
  };
}
