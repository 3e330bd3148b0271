import type { PeriodInput, VolumeReport } from '@shared/schemas/reports';
import { CHANNELS, SERVICE_TYPES } from '@shared/schemas/workOrders';
import type { Db } from '../../db/open';
import { caseIndex, pluckNumbers } from './numbers';
import { periodOf } from './period';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/**
 * Orders received (by intake time, created_at) per point, by channel and by service type. Each
 * order is one number from the covering index: its ms since the period's start × 64 + channel × 8
 * + service type. The rows come in created_at order, so the points are walked forward once.
 */
export function volumeReport(db: Db, input: PeriodInput): VolumeReport {
  const period = periodOf(input);
  const codes = pluckNumbers(
    db,
    `SELECT (created_at - ?) * 64 + ${caseIndex('channel', CHANNELS)} * 8 + ${caseIndex('service_type', SERVICE_TYPES)}
     FROM work_orders INDEXED BY work_orders_intake_report WHERE created_at >= ? AND created_at < ?
     ORDER BY created_at`,
    [period.start, period.start, period.end],
  );
  const points = period.points.map((p) => ({
    key: p.key,
    total: 0,
    byChannel: zeroes(CHANNELS),
    byServiceType: zeroes(SERVICE_TYPES),
  }));
  const ends = period.points.map((p) => p.end - period.start);
  const totals = { total: 0, byChannel: zeroes(CHANNELS), byServiceType: zeroes(SERVICE_TYPES) };
  let i = 0;
  for (const code of codes) {
    const offset = Math.floor(code / 64);
    while (i < ends.length - 1 && offset >= (ends[i] ?? 0)) i++;
    const point = points[i];
    const channel = CHANNELS[Math.floor(code / 8) % 8];
    const serviceType = SERVICE_TYPES[code % 8];
    if (!point || !channel || !serviceType) continue;
    for (const into of [point, totals]) {
      into.total += 1;
      into.byChannel[channel] += 1;
      into.byServiceType[serviceType] += 1;
    }
  }
  return { points, totals };
}
