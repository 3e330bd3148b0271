import dayjs from 'dayjs';
import type { BrowserContext } from 'playwright-core';

/**
 * The one clock of an end-to-end test: the server's `now` and every browser context's Date,
 * timers and performance (Playwright's clock) read the same fake time, which flows at real speed
 * from where it was set. The suite must pass whatever that time is: `DESK_TEST_TIME` picks it
 * (`HH:mm[:ss]` today in the process's time zone, a whole `YYYY-MM-DDTHH:mm[:ss]`, or `now` for
 * the real time). `npm test` starts it at 23:59 Asia/Shanghai (vitest.config.ts);
 * `npm run test:clock` runs the suite at several times of day in two zones.
 */
export class TestClock {
  private offset: number;
  private readonly contexts = new Set<BrowserContext>();

  constructor(start: number) {
    this.offset = start - realNow();
  }

  /** The fake time, epoch ms (the server's `now`). */
  readonly now = (): number => Math.round(realNow() + this.offset);

  /** Give a new browser context this clock, before it opens a page. */
  async attach(context: BrowserContext): Promise<void> {
    await context.clock.install({ time: this.now() });
    this.contexts.add(context);
    context.on('close', () => this.contexts.delete(context));
  }

  /** Move the fake time (forward or back) for the server and every open browser context at once. */
  async set(ms: number): Promise<void> {
    this.offset = ms - realNow();
    await Promise.all([...this.contexts].map((context) => context.clock.setSystemTime(ms)));
  }

  /** Move the fake time forward. */
  advance(ms: number): Promise<void> {
    return this.set(this.now() + ms);
  }

  /** The fake "today" at a time of day, `days` from today (a dayjs in the process's time zone). */
  today(days = 0): dayjs.Dayjs {
    return dayjs(this.now()).startOf('day').add(days, 'day');
  }
}

/** The real clock, whatever a test does to Date. */
function realNow(): number {
  return performance.timeOrigin + performance.now();
}

const TIME_OF_DAY = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Where the fake clock starts: `DESK_TEST_TIME`, else now. */
export function startTime(setting = process.env.DESK_TEST_TIME): number {
  if (!setting || setting === 'now') return realNow();
  const time = TIME_OF_DAY.exec(setting);
  if (time) {
    const [, hour, minute, second] = time;
    return dayjs(realNow())
      .startOf('day')
      .hour(Number(hour))
      .minute(Number(minute))
      .second(Number(second ?? 0))
      .valueOf();
  }
  const at = dayjs(setting);
  if (!at.isValid()) throw new Error(`DESK_TEST_TIME=${setting}: use HH:mm[:ss] or YYYY-MM-DDTHH:mm[:ss]`);
  return at.valueOf();
}

/** The IANA zone this process runs in (TZ), for the browser to run in too. */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
