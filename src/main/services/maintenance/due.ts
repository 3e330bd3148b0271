import { addDays, type IsoDate } from '@shared/dates';
import type { DueTab } from '@shared/schemas/maintenance';

/** How far ahead the due list looks: this week is the next 7 days, this month the next 30. */
export const WEEK_DAYS = 7;
export const MONTH_DAYS = 30;

interface Interval {
  intervalDays: number | null;
  intervalUsage: number | null;
  lastServiceOn: IsoDate;
  lastServiceReading: number | null;
}

/** The next due day (last service + days) and due reading (last reading + usage), each if the plan has it. */
export function nextDue(p: Interval): { nextDueOn: IsoDate | null; nextDueReading: number | null } {
  return {
    nextDueOn: p.intervalDays === null ? null : addDays(p.lastServiceOn, p.intervalDays),
    nextDueReading:
      p.intervalUsage === null || p.lastServiceReading === null
        ? null
        : p.lastServiceReading + p.intervalUsage,
  };
}

interface Due {
  nextDueOn: string | null;
  nextDueReading: number | null;
  currentReading: number | null;
}

/** The meter has reached the due reading: the plan is due now, whatever its date says. */
export function readingReached(p: Due): boolean {
  return p.nextDueReading !== null && p.currentReading !== null && p.currentReading >= p.nextDueReading;
}

/**
 * Where a plan sits on `today` (the server's local day): overdue (its day has passed, or its meter
 * reached the due reading — whichever comes first), due within 7 days, within 30 days, or not yet.
 * A plan due today is in this week, not overdue.
 */
export function dueTabOf(today: IsoDate, p: Due): { due: DueTab | null; dueByReading: boolean } {
  if (readingReached(p)) return { due: 'overdue', dueByReading: true };
  if (p.nextDueOn === null) return { due: null, dueByReading: false };
  if (p.nextDueOn < today) return { due: 'overdue', dueByReading: false };
  if (p.nextDueOn < addDays(today, WEEK_DAYS)) return { due: 'week', dueByReading: false };
  if (p.nextDueOn < addDays(today, MONTH_DAYS)) return { due: 'month', dueByReading: false };
  return { due: null, dueByReading: false };
}
