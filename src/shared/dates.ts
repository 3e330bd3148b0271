/**
 * Calendar dates (purchase date, warranty end) are `YYYY-MM-DD` text, not epoch ms: a warranty
 * ends on a day in the shop's calendar, whatever the time zone of the machine.
 */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * The warranty end for a term of months: the day before the same date `months` later, clamped to
 * the month's end (bought 2024-01-31 with 1 month → ends 2024-02-29; bought 2024-03-15 → 2024-04-14).
 */
export function warrantyEndFrom(purchase: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(purchase);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = daysInMonth(ty, tm);
  // No such date in the target month (31 Jan + 1 month): the warranty runs to that month's end.
  if (d > last) return format(ty, tm, last);
  return addDays(format(ty, tm, d), -1);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The local calendar date of an epoch-ms instant, in the machine's time zone. */
export function localDate(ms: number): IsoDate {
  const t = new Date(ms);
  return format(t.getFullYear(), t.getMonth() + 1, t.getDate());
}

/** Epoch ms of local midnight starting a calendar date, in the machine's time zone. */
export function localMidnight(day: IsoDate): number {
  const [y, m, d] = parts(day);
  return new Date(y, m - 1, d).getTime();
}

/** A local calendar day as [its midnight, the next day's midnight) in epoch ms. */
export function dayBounds(day: IsoDate): [number, number] {
  return [localMidnight(day), localMidnight(addDays(day, 1))];
}
