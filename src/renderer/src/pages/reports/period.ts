import dayjs, { type Dayjs } from 'dayjs';
import { isIsoDate } from '@shared/dates';
import type { PeriodInput } from '@shared/schemas/reports';
import { serverToday } from '../../app/serverClock';

export const PRESETS = ['today', 'week', 'month', 'year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const BUCKETS = ['day', 'week', 'month'] as const;
export type Bucket = (typeof BUCKETS)[number];

const ISO = 'YYYY-MM-DD';

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
  const end = today.format(ISO);
  if (preset === 'today') return [end, end];
  if (preset === 'month') return [today.startOf('month').format(ISO), end];
  if (preset === 'year') return [today.startOf('year').format(ISO), end];
  // 本周 starts on Monday, whatever the locale says.
  const monday = today.subtract((today.day() + 6) % 7, 'day');
  return [monday.format(ISO), end];
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

export function toDayjs(day: string): Dayjs {
  return dayjs(day, ISO);
}

export function fromDayjs(day: Dayjs): string {
  return day.format(ISO);
}
