import dayjs, { type Dayjs } from 'dayjs';

/**
 * The server's clock as this screen sees it. The server decides every time-based state (overdue,
 * late, waiting too long, day closed) and sends it; the screen only needs "now" for defaults such
 * as today's date in a picker. Several screens may share one host, and their own clocks differ,
 * so this is the host's time: this screen's clock corrected by the offset measured at the last
 * `auth.state` answer. This is the only file of the renderer that reads the screen's own clock
 * (ESLint refuses Date.now(), new Date() and dayjs() elsewhere).
 */
let offset = 0;

/** Read something that carries the server's `now`, and remember the offset (half the round trip). */
export async function readServerClock<T extends { now: number }>(read: () => Promise<T>): Promise<T> {
  const sentAt = Date.now();
  const value = await read();
  offset = value.now - (sentAt + Date.now()) / 2;
  return value;
}

/** Epoch ms on the server's clock. */
export function serverNow(): number {
  return Math.round(Date.now() + offset);
}

/** The server's "now" as a dayjs in this screen's time zone (the shop's). */
export function serverToday(): Dayjs {
  return dayjs(serverNow());
}
