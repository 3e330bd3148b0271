import type { Dayjs } from 'dayjs';
import { serverToday } from '../../lib/serverClock';

export type DayRange = [Dayjs, Dayjs];

/** This month so far: where a stock report starts. */
export function thisMonth(): DayRange {
  const today = serverToday();
  return [today.startOf('month'), today.startOf('day')];
}

export function lastDays(days: number): DayRange {
  const today = serverToday().startOf('day');
  return [today.subtract(days - 1, 'day'), today];
}

/** Whole days as the contract's [from, to): the first day's start to the day after the last. */
export function periodOf([start, end]: DayRange): { from: number; to: number } {
  return { from: dayStart(start), to: dayStart(end.add(1, 'day')) };
}

function dayStart(day: Dayjs): number {
  return day.startOf('day').valueOf();
}

/** A range picker's value, either end open: only the ends that were picked. */
export function openPeriodOf(range: [Dayjs | null, Dayjs | null] | null): { from?: number; to?: number } {
  const [start, end] = range ?? [null, null];
  return {
    ...(start ? { from: dayStart(start) } : {}),
    ...(end ? { to: dayStart(end.add(1, 'day')) } : {}),
  };
}
