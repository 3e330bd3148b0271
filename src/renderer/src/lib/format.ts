import dayjs, { type Dayjs } from 'dayjs';
import type { IsoDate } from '@shared/dates';

/** Epoch ms → local "HH:mm:ss". */
export function formatTime(ms: number): string {
  return dayjs(ms).format('HH:mm:ss');
}

/** Epoch ms → local "YYYY-MM-DD HH:mm:ss". */
export function formatDateTime(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm:ss');
}

/** Epoch ms → local "YYYY-MM-DD HH:mm". */
export function formatMinute(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}

/** A picked day → the contract's calendar date, "YYYY-MM-DD". */
export function toIsoDate(day: Dayjs): IsoDate {
  return day.format('YYYY-MM-DD');
}

/** A calendar date "YYYY-MM-DD" → that day, for a date picker. */
export function fromIsoDate(date: IsoDate): Dayjs {
  return dayjs(date, 'YYYY-MM-DD');
}

/** A share 0–1 as "87.5%"; "—" when there was nothing to divide by. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** Hours with one decimal ("26.5 h"); "—" when no order qualified. */
export function formatHours(hours: number | null, unit: string): string {
  return hours === null ? '—' : `${hours.toFixed(1)} ${unit}`;
}
