import { describe, expect, it } from 'vitest';
import { archivesToDelete, isoWeek } from '../../src/main/services/backup/retention';
import { archiveName, automaticArchives } from '../../src/main/services/backup/names';
import { dailyDue, nextDailyAt } from '../../src/main/services/backup/schedule';
import type { BackupRun } from '@shared/schemas/backup';

/** Local time, so day and week boundaries are the shop's. */
function at(day: string, time = '18:00'): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, mi).getTime();
}

function archive(day: string, time = '18:00') {
  return { file: `${day} ${time}`, at: at(day, time) };
}

describe('ISO weeks', () => {
  it('follow ISO 8601 across year ends', () => {
    expect(isoWeek(at('2026-11-23'))).toBe('2026-W48'); // a Monday
    expect(isoWeek(at('2026-11-22'))).toBe('2026-W47'); // the Sunday before
    expect(isoWeek(at('2026-12-31'))).toBe('2026-W53');
    expect(isoWeek(at('2027-01-03'))).toBe('2026-W53');
    expect(isoWeek(at('2027-01-04'))).toBe('2027-W01');
    expect(isoWeek(at('2025-12-29'))).toBe('2026-W01');
  });
});

describe('retention', () => {
  it('keeps the newest of each of the last N days that have one', () => {
    const list = [
      archive('2026-11-23', '18:00'),
      archive('2026-11-23', '21:30'), // quit later the same day: newest of the day
      archive('2026-11-22'),
      archive('2026-11-20'), // 21st missing: days that have a backup count
      archive('2026-11-19'),
    ];
    expect(archivesToDelete(list, { keepDaily: 3, keepWeekly: 0 }).sort()).toEqual(
      ['2026-11-19 18:00', '2026-11-23 18:00'].sort(),
    );
  });

  it('adds the newest of each of the last M ISO weeks, across week and year boundaries', () => {
    const days = [
      '2027-01-05', // Tue, 2027-W01
      '2027-01-04', // Mon, 2027-W01
      '2027-01-03', // Sun, 2026-W53
      '2026-12-30', // Wed, 2026-W53
      '2026-12-27', // Sun, 2026-W52
      '2026-12-21', // Mon, 2026-W52
      '2026-12-20', // Sun, 2026-W51
      '2026-12-13', // Sun, 2026-W50
    ];
    const list = days.map((d) => archive(d));
    const deleted = archivesToDelete(list, { keepDaily: 2, keepWeekly: 3 });
    // Daily: 01-05, 01-04. Weekly: W01 → 01-05, W53 → 01-03, W52 → 12-27.
    expect(deleted.sort()).toEqual(
      ['2026-12-30 18:00', '2026-12-21 18:00', '2026-12-20 18:00', '2026-12-13 18:00'].sort(),
    );
  });

  it('keeps everything when there are fewer than the limits, and is order-independent', () => {
    const list = [archive('2026-11-01'), archive('2026-11-10'), archive('2026-11-05')];
    expect(archivesToDelete(list, { keepDaily: 7, keepWeekly: 4 })).toEqual([]);
    expect(archivesToDelete([...list].reverse(), { keepDaily: 1, keepWeekly: 0 }).sort()).toEqual(
      ['2026-11-01 18:00', '2026-11-05 18:00'].sort(),
    );
    expect(archivesToDelete([], { keepDaily: 1, keepWeekly: 1 })).toEqual([]);
  });

  it('only automatic archives of this branch are candidates; manual, safety and foreign files never are', () => {
    const auto = archiveName('BJ01', at('2026-11-23'), 'daily');
    const quit = archiveName('BJ01', at('2026-11-23', '21:00'), 'quit', 2);
    const names = [
      auto,
      quit,
      archiveName('BJ01', at('2026-11-22'), 'manual'),
      archiveName('BJ01', at('2026-11-22'), 'safety'),
      archiveName('SH02', at('2026-11-21'), 'daily'),
      'holiday-photos.tar.gz',
      `${auto}.txt`,
    ];
    expect(automaticArchives('BJ01', names)).toEqual([
      { file: auto, at: at('2026-11-23') },
      { file: quit, at: at('2026-11-23', '21:00') },
    ]);
    expect(quit).toMatch(/-quit-2\.tar\.zst$/);
  });
});

describe('daily schedule', () => {
  const daily = (when: number, ok = true): BackupRun => ({
    id: String(when),
    at: when,
    trigger: 'daily',
    ok,
    file: null,
    bytes: 0,
    durationMs: 0,
    error: ok ? null : 'x',
    failure: ok ? null : { reason: 'backupFailed', params: { detail: 'x' } },
    exists: false,
    username: null,
    proof: null,
  });

  it('runs once per day at or after its time; a missed time runs at the next start', () => {
    expect(dailyDue(at('2026-11-23', '17:59'), '18:00', [daily(at('2026-11-22', '18:00'))])).toBe(false);
    expect(dailyDue(at('2026-11-23', '18:00'), '18:00', [daily(at('2026-11-22', '18:00'))])).toBe(true);
    expect(dailyDue(at('2026-11-23', '18:05'), '18:00', [daily(at('2026-11-23', '18:00'))])).toBe(false);
    // The PC was off at 18:00 yesterday: next morning's start runs it.
    expect(dailyDue(at('2026-11-24', '09:00'), '18:00', [daily(at('2026-11-22', '18:00'))])).toBe(true);
    expect(nextDailyAt(at('2026-11-23', '19:00'), '18:00', [daily(at('2026-11-23', '18:00'))])).toBe(
      at('2026-11-24', '18:00'),
    );
    expect(nextDailyAt(at('2026-11-23', '10:00'), '18:00', [daily(at('2026-11-22', '18:00'))])).toBe(
      at('2026-11-23', '18:00'),
    );
  });

  it('a new install waits for the first time of day', () => {
    expect(dailyDue(at('2026-11-23', '09:00'), '18:00', [])).toBe(false);
    expect(dailyDue(at('2026-11-23', '18:00'), '18:00', [])).toBe(true);
    expect(nextDailyAt(at('2026-11-23', '09:00'), '18:00', [])).toBe(at('2026-11-23', '18:00'));
  });

  it('retries a failed daily backup after an hour', () => {
    const failed = [daily(at('2026-11-23', '18:00'), false)];
    expect(dailyDue(at('2026-11-23', '18:30'), '18:00', failed)).toBe(false);
    expect(dailyDue(at('2026-11-23', '19:00'), '18:00', failed)).toBe(true);
  });
});
