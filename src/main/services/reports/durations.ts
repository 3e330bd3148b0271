import { SERVICE_TYPES } from '@shared/schemas/workOrders';
import type { Db } from '../../db/open';
import { caseIndex, pluckNumbers } from './numbers';

/**
 * Intake → a later moment (ready, delivered) for the orders whose moment falls in [start, end):
 * count, mean and median, overall, per service type and per technician, from one read of a
 * covering index. Each order is one number: (duration ms × 2 + on time) × 8 + service type, times
 * the technicians + 1, plus its technician (0 = none); the medians sort each group's durations.
 */
export type Moment = 'ready_at' | 'delivered_at';

export interface DurationStats {
  n: number;
  avgMs: number | null;
  medianMs: number | null;
  /** Of those orders: the moment on or before the promised time. */
  onTime: number;
}

export interface DurationGroups {
  overall: DurationStats;
  byServiceType: Map<string, DurationStats>;
  /** Key '' = no technician. */
  byTechnician: Map<string, DurationStats>;
}

export const EMPTY_STATS: DurationStats = { n: 0, avgMs: null, medianMs: null, onTime: 0 };

const INDEX: Record<Moment, string> = {
  ready_at: 'work_orders_ready_report',
  delivered_at: 'work_orders_delivered_report',
};

/** Repaired orders by ready_at: the outcome leads, so the range holds nothing else (still covering). */
const REPAIRED_READY_INDEX = 'work_orders_repaired_ready';

/** `technicianIds`: every user who may hold orders (a shop has a handful). */
export function durations(
  db: Db,
  moment: Moment,
  start: number,
  end: number,
  technicianIds: readonly string[],
  /** Only orders repaired (outcome 已修复): a technician's completions (by ready_at only). */
  repairedOnly = false,
): DurationGroups {
  if (repairedOnly && moment !== 'ready_at') throw new Error('repaired-only durations are read by ready_at');
  const techs = technicianIds.length + 1;
  const techCase = technicianIds.length
    ? `(CASE technician_id ${technicianIds.map((_, i) => `WHEN ? THEN ${i + 1}`).join(' ')} ELSE 0 END)`
    : '0';
  const codes = pluckNumbers(
    db,
    `SELECT ((max(${moment} - created_at, 0) * 2 + (${moment} <= promised_at)) * 8
        + ${caseIndex('service_type', SERVICE_TYPES)}) * ${techs} + ${techCase}
     FROM work_orders INDEXED BY ${repairedOnly ? REPAIRED_READY_INDEX : INDEX[moment]}
     WHERE ${repairedOnly ? "outcome = 'repaired' AND " : ''}${moment} >= ? AND ${moment} < ?`,
    [...technicianIds, start, end],
  );
  // Sorted codes are sorted by duration (it is the high part): one pass counts each group, a
  // second finds each group's middle rows as it passes them — no array per group.
  const sorted = Float64Array.from(codes).sort();
  // Group 0 = overall, 1–8 = service types (8 slots, as packed), 9… = technicians.
  const groups = 9 + techs;
  const n = new Float64Array(groups);
  const sum = new Float64Array(groups);
  const onTime = new Float64Array(groups);
  const low = new Float64Array(groups);
  const high = new Float64Array(groups);
  const seen = new Float64Array(groups);
  // Unpacked once into typed arrays; each order counts in three groups: overall, its service type
  // and its technician.
  const count = sorted.length;
  const msOf = new Float64Array(count);
  const okOf = new Uint8Array(count);
  const svcOf = new Uint32Array(count);
  const techOf = new Uint32Array(count);
  sorted.forEach((code, r) => {
    const tech = code % techs;
    const rest = (code - tech) / techs;
    const svc = rest % 8;
    const timed = (rest - svc) / 8;
    const ok = timed % 2;
    msOf[r] = (timed - ok) / 2;
    okOf[r] = ok;
    svcOf[r] = 1 + svc;
    techOf[r] = 9 + tech;
  });
  const add = (g: number, ms: number, ok: number) => {
    n[g] = (n[g] ?? 0) + 1;
    sum[g] = (sum[g] ?? 0) + ms;
    onTime[g] = (onTime[g] ?? 0) + ok;
  };
  const middle = (g: number, ms: number) => {
    const i = seen[g] ?? 0;
    const of = n[g] ?? 0;
    if (i === (of - 1) >> 1) low[g] = ms;
    if (i === of >> 1) high[g] = ms;
    seen[g] = i + 1;
  };
  for (let r = 0; r < count; r++) {
    const ms = msOf[r] ?? 0;
    const ok = okOf[r] ?? 0;
    add(0, ms, ok);
    add(svcOf[r] ?? 0, ms, ok);
    add(techOf[r] ?? 0, ms, ok);
  }
  for (let r = 0; r < count; r++) {
    const ms = msOf[r] ?? 0;
    middle(0, ms);
    middle(svcOf[r] ?? 0, ms);
    middle(techOf[r] ?? 0, ms);
  }
  const stats = (g: number): DurationStats => {
    const of = n[g] ?? 0;
    return {
      n: of,
      avgMs: of ? (sum[g] ?? 0) / of : null,
      medianMs: of ? ((low[g] ?? 0) + (high[g] ?? 0)) / 2 : null,
      onTime: onTime[g] ?? 0,
    };
  };
  const byServiceType = new Map<string, DurationStats>();
  SERVICE_TYPES.forEach((s, i) => {
    if (n[1 + i]) byServiceType.set(s, stats(1 + i));
  });
  const byTechnician = new Map<string, DurationStats>();
  for (let t = 0; t < techs; t++) {
    if (n[9 + t]) {
      byTechnician.set(t === 0 ? '' : (technicianIds[t - 1] ?? ''), stats(9 + t));
    }
  }
  return { overall: stats(0), byServiceType, byTechnician };
}
