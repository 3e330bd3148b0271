import type { BackupRun } from '@shared/schemas/backup';

/** A failed daily backup (say the drive was unplugged) is tried again after this long. */
const RETRY_AFTER_MS = 60 * 60_000;

/** The instant of "HH:mm" on the local day of `ms`, `dayOffset` days later. */
function slotOn(ms: number, dailyAt: string, dayOffset: number): number {
  const [h, m] = dailyAt.split(':').map(Number) as [number, number];
  const t = new Date(ms);
  return new Date(t.getFullYear(), t.getMonth(), t.getDate() + dayOffset, h, m, 0, 0).getTime();
}

/** The latest daily slot at or before `now` (today's once its time has come, else yesterday's). */
function latestSlot(now: number, dailyAt: string): number {
  const today = slotOn(now, dailyAt, 0);
  return today <= now ? today : slotOn(now, dailyAt, -1);
}

/**
 * Is the daily backup due? Yes when no daily backup was tried since the latest slot, so a slot
 * missed while the computer was off runs at the next start; a failed try is repeated hourly.
 * `history` is newest first or in any order.
 */
export function dailyDue(now: number, dailyAt: string, history: BackupRun[]): boolean {
  const dailies = history.filter((run) => run.trigger === 'daily');
  // The very first one waits for its time today (a new install has missed nothing yet).
  const slot = dailies.length === 0 ? slotOn(now, dailyAt, 0) : latestSlot(now, dailyAt);
  if (slot > now) return false;
  const tried = dailies.filter((run) => run.at >= slot);
  if (tried.length === 0) return true;
  if (tried.some((run) => run.ok)) return false;
  const lastTry = Math.max(...tried.map((run) => run.at));
  return now - lastTry >= RETRY_AFTER_MS;
}

/** When the next daily backup will run: now if it is due, else the next slot. */
export function nextDailyAt(now: number, dailyAt: string, history: BackupRun[]): number {
  if (dailyDue(now, dailyAt, history)) return now;
  const today = slotOn(now, dailyAt, 0);
  return today > now ? today : slotOn(now, dailyAt, 1);
}
