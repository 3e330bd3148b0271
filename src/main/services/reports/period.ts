import { addDays, localMidnight, type IsoDate } from '@shared/dates';
import type { PeriodInput } from '@shared/schemas/reports';

/**
 * A report's period in the machine's local time: `from`..`to` whole calendar days → [start, end)
 * epoch ms, cut into chart points. A point's `key` is the first day of its calendar day, ISO week
 * (Monday), month, quarter (1 Jan, 1 Apr, 1 Jul, 1 Oct) or year, even when the period starts inside it; what it counts is clipped to the
 * period. Every point is present, empty ones included.
 */

interface Point {
  key: IsoDate;
  start: number;
  end: number;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
  start: number;
  end: number;
  points: Point[];
}

const DAY_MS = 86_400_000;

/** Day of the week of a calendar date, Monday = 0 … Sunday = 6 (zone-free: computed in UTC). */
function isoWeekday(day: IsoDate): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Months in a point of each calendar size (day and week points are counted in days). */
const MONTHS: Partial<Record<PeriodInput['bucket'], number>> = { month: 1, quarter: 3, year: 12 };

/** The first day of the point that holds `day`. */
export function pointKey(day: IsoDate, bucket: PeriodInput['bucket']): IsoDate {
  if (bucket === 'week') return addDays(day, -isoWeekday(day));
  const months = MONTHS[bucket];
  if (months === undefined) return day;
  const month = Number(day.slice(5, 7));
  const first = month - ((month - 1) % months);
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

function nextKey(key: IsoDate, bucket: PeriodInput['bucket']): IsoDate {
  if (bucket === 'day') return addDays(key, 1);
  if (bucket === 'week') return addDays(key, 7);
  const [y, m] = key.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + (MONTHS[bucket] ?? 1);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

export function periodOf(input: PeriodInput): Period {
  const start = localMidnight(input.from);
  const end = localMidnight(addDays(input.to, 1));
  const points: Point[] = [];
  for (let key = pointKey(input.from, input.bucket); key <= input.to; key = nextKey(key, input.bucket)) {
    const next = nextKey(key, input.bucket);
    points.push({
      key,
      start: Math.max(start, localMidnight(key)),
      end: Math.min(end, localMidnight(next)),
    });
  }
  return { from: input.from, to: input.to, start, end, points };
}

/** Hours between two instants, for the figures (two decimals are plenty on a chart). */
export function hoursOf(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100;
}

export { DAY_MS };
