import { addDays, localDate, localMidnight } from '@shared/dates';

/**
 * A follow-up is due on a day of the shop's calendar, not at an hour: its `due_at` is the local
 * midnight starting that day, `days` after the day of `at` (delivery, or the call that did not reach).
 */
export function dueDayAfter(at: number, days: number): number {
  return localMidnight(addDays(localDate(at), days));
}

/** The server's today as [its midnight, tomorrow's midnight): the queue's buckets are cut there. */
export function todayWindow(now: number): { today: string; start: number; end: number } {
  const today = localDate(now);
  return { today, start: localMidnight(today), end: localMidnight(addDays(today, 1)) };
}
