import dayjs from 'dayjs';
import type { Bucket } from './period';

/** A share 0–1 as "87.5%"; "—" when there was nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Hours with one decimal ("26.5 h"); "—" when no order qualified. */
export function formatHours(hours: number | null, unit: string): string {
  return hours === null ? '—' : `${hours.toFixed(1)} ${unit}`;
}

/** A chart point's label: the day, the week's first day, or the month. */
export function pointLabel(key: string, bucket: Bucket): string {
  const day = dayjs(key, 'YYYY-MM-DD');
  if (bucket === 'month') return day.format('YYYY-MM');
  return day.format('MM-DD');
}

/** Fen as yuan for a chart axis (charts draw numbers, tables show formatYuan). */
export function fenToChartYuan(fen: number): number {
  return Math.round(fen) / 100;
}
