import { describe, expect, it } from 'vitest';
import { localDate } from '@shared/dates';
import { localMidnight } from '@shared/dates';
import { periodOf, pointKey } from '../../src/main/services/reports';

/** Period arithmetic in the machine's own time zone: no figure assumes a day is 24 hours. */
describe('periodOf', () => {
  it('turns whole local days into [start, end) and a point per day', () => {
    const p = periodOf({ from: '2026-02-27', to: '2026-03-02', bucket: 'day' });
    expect(p.start).toBe(new Date(2026, 1, 27).getTime());
    expect(p.end).toBe(new Date(2026, 2, 3).getTime());
    // Across the end of a short month.
    expect(p.points.map((x) => x.key)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
  });

  it('keeps days contiguous and each one local midnight to local midnight over a whole year', () => {
    const p = periodOf({ from: '2026-01-01', to: '2026-12-31', bucket: 'day' });
    expect(p.points).toHaveLength(365);
    p.points.forEach((x, i) => {
      expect(localDate(x.start)).toBe(x.key);
      expect(x.start).toBe(localMidnight(x.key));
      // 23 or 25 hours on a day the clocks change, 24 otherwise.
      expect([23, 24, 25]).toContain((x.end - x.start) / 3_600_000);
      if (i > 0) expect(x.start).toBe(p.points[i - 1]?.end);
    });
    expect(p.points.at(-1)?.end).toBe(p.end);
  });

  it('keys weeks by their Monday and clips the first and last to the period', () => {
    // 2026-03-01 is a Sunday; 2026-03-16 a Monday.
    const p = periodOf({ from: '2026-03-01', to: '2026-03-16', bucket: 'week' });
    expect(p.points.map((x) => x.key)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09', '2026-03-16']);
    expect(p.points[0]?.start).toBe(localMidnight('2026-03-01'));
    expect(p.points[0]?.end).toBe(localMidnight('2026-03-02'));
    expect(p.points.at(-1)?.end).toBe(localMidnight('2026-03-17'));
  });

  it('keys months by their first day, across a year end', () => {
    const p = periodOf({ from: '2026-12-15', to: '2027-02-03', bucket: 'month' });
    expect(p.points.map((x) => x.key)).toEqual(['2026-12-01', '2027-01-01', '2027-02-01']);
    expect(p.points[0]?.start).toBe(localMidnight('2026-12-15'));
    expect(p.points[1]).toMatchObject({
      start: localMidnight('2027-01-01'),
      end: localMidnight('2027-02-01'),
    });
    expect(p.points[2]?.end).toBe(localMidnight('2027-02-04'));
  });

  it('finds the point of a day', () => {
    expect(pointKey('2024-02-29', 'month')).toBe('2024-02-01');
    expect(pointKey('2027-01-03', 'week')).toBe('2026-12-28');
    expect(pointKey('2026-12-28', 'week')).toBe('2026-12-28');
    expect(pointKey('2026-11-23', 'day')).toBe('2026-11-23');
  });

  it('is the same in any zone: a summer and a winter day both start at local midnight', () => {
    for (const day of ['2026-03-29', '2026-07-01', '2026-10-25', '2026-12-31']) {
      const [start, end] = [localMidnight(day), periodOf({ from: day, to: day, bucket: 'day' }).end];
      expect(new Date(start).getHours()).toBe(0);
      expect(new Date(end).getHours()).toBe(0);
      expect(localDate(end - 1)).toBe(day);
    }
  });
});
