import type { Dayjs } from 'dayjs';
import { isIsoDate } from '@shared/dates';
import { BUCKETS, bucketFor, type Bucket, type PeriodInput } from '@shared/schemas/reports';
import { fromIsoDate, toIsoDate } from './format';
import { serverToday } from './serverClock';

export const PRESETS = ['today', 'week', 'month', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export { BUCKETS, bucketFor, type Bucket };

function isPreset(value: string | null): value is Preset {
  return value !== null && (PRESETS as readonly string[]).includes(value);
}

function isBucket(value: string | null): value is Bucket {
  return value !== null && (BUCKETS as readonly string[]).includes(value);
}

/** A preset's days, up to today (the days still to come have nothing to show). */
export function presetDays(
  preset: Exclude<Preset, 'custom'>,
  today: Dayjs = serverToday(),
): [string, string] {
  const end = toIsoDate(today);
  if (preset === 'today') return [end, end];
  if (preset === 'month') return [toIsoDate(today.startOf('month')), end];
  if (preset === 'year') return [toIsoDate(today.startOf('year')), end];
  // 本周 starts on Monday, whatever the locale says.
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  return [toIsoDate(monday), end];
}

/** The bucket that suits a preset: a year by month, anything shorter by day. */
export function defaultBucket(preset: Preset): Bucket {
  return preset === 'year' ? 'month' : 'day';
}

export interface PeriodState {
  preset: Preset;
  period: PeriodInput;
}

/**
 * The period kept in the URL (`preset`, and `from`/`to` for a custom range, `bucket`), so a reload
 * shows the same report. A preset is recomputed from today; a broken URL falls back to this month.
 */
export function periodFromParams(params: URLSearchParams): PeriodState {
  const presetParam = params.get('preset');
  const preset: Preset = isPreset(presetParam) ? presetParam : 'month';
  const bucketParam = params.get('bucket');
  const bucket = isBucket(bucketParam) ? bucketParam : defaultBucket(preset);
  if (preset === 'custom') {
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    if (isIsoDate(from) && isIsoDate(to) && from <= to) return { preset, period: { from, to, bucket } };
    const [f, t] = presetDays('month');
    return { preset: 'month', period: { from: f, to: t, bucket } };
  }
  const [from, to] = presetDays(preset);
  return { preset, period: { from, to, bucket } };
}

/** The URL params for a period (custom ranges keep their days). */
export function periodToParams(state: PeriodState, into: URLSearchParams): URLSearchParams {
  const next = new URLSearchParams(into);
  next.set('preset', state.preset);
  next.set('bucket', state.period.bucket);
  if (state.preset === 'custom') {
    next.set('from', state.period.from);
    next.set('to', state.period.to);
  } else {
    next.delete('from');
    next.delete('to');
  }
  return next;
}

/** `from_to_bucket`: a period as one path segment of a print route. */
export function periodToSegment(period: PeriodInput): string {
  return `${period.from}_${period.to}_${period.bucket}`;
}

export function periodFromSegment(segment: string): PeriodInput | null {
  const [from = '', to = '', bucket = ''] = segment.split('_');
  if (!isIsoDate(from) || !isIsoDate(to) || from > to || !isBucket(bucket)) return null;
  return { from, to, bucket };
}

/** A chart point's label: the day, the week's first day, the month, the quarter (2024 Q3) or the year. */
export function pointLabel(key: string, bucket: Bucket): string {
  const day = fromIsoDate(key);
  if (bucket === 'year') return day.format('YYYY');
  if (bucket === 'quarter') return `${day.format('YYYY')} Q${Math.floor(day.month() / 3) + 1}`;
  if (bucket === 'month') return day.format('YYYY-MM');
  return day.format('MM-DD');
}
