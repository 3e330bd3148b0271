import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localMidnight } from '@shared/dates';
import { bucketFor, periodInput, REPORT_NAMES } from '@shared/schemas/reports';
import { periodOf, pointKey } from '../../src/main/services/reports';
import { monthOfShop, type ReportShop } from './reportsFixtures';

/** Reports over a shop's history: periods of up to ten years, at quarter and year points. */
describe('the ten-year period rule', () => {
  it('accepts exactly ten years and refuses ten years and a day, on `to`, with a clear message', () => {
    expect(periodInput.safeParse({ from: '2016-12-01', to: '2026-11-30' }).success).toBe(true);
    const over = periodInput.safeParse({ from: '2016-11-30', to: '2026-11-30' });
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['to', 'a period is at most 10 years'],
    ]);
    // A leap day: ten years on there is no 29 February, so the last day is the 28th.
    expect(periodInput.safeParse({ from: '2016-02-29', to: '2026-02-28' }).success).toBe(true);
    expect(periodInput.safeParse({ from: '2016-02-29', to: '2026-03-01' }).success).toBe(false);
    expect(periodInput.safeParse({ from: '2016-03-01', to: '2026-02-28' }).success).toBe(true);
    expect(periodInput.safeParse({ from: '2016-03-01', to: '2026-03-01' }).success).toBe(false);
  });

  it('takes quarter and year points and refuses an unknown size', () => {
    expect(periodInput.parse({ from: '2020-01-01', to: '2024-12-31', bucket: 'quarter' }).bucket).toBe(
      'quarter',
    );
    expect(periodInput.parse({ from: '2020-01-01', to: '2024-12-31', bucket: 'year' }).bucket).toBe('year');
    expect(periodInput.safeParse({ from: '2020-01-01', to: '2024-12-31', bucket: 'decade' }).success).toBe(
      false,
    );
  });

  it('chooses the point size by the period’s length when the user has not', () => {
    expect(bucketFor('2026-11-01', '2026-11-30')).toBe('day');
    expect(bucketFor('2026-10-01', '2026-12-01')).toBe('day');
    expect(bucketFor('2026-10-01', '2026-12-02')).toBe('month');
    expect(bucketFor('2025-01-01', '2026-12-31')).toBe('month');
    expect(bucketFor('2024-01-01', '2026-12-31')).toBe('quarter');
    expect(bucketFor('2022-01-01', '2026-12-31')).toBe('quarter');
    expect(bucketFor('2021-01-01', '2026-12-31')).toBe('year');
    expect(bucketFor('2017-01-01', '2026-12-31')).toBe('year');
  });
});

describe('quarter and year points in any zone', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  const OFFSETS = { 'Asia/Shanghai': -480, 'America/New_York': 300 };
  for (const [tz, offset] of Object.entries(OFFSETS)) {
    it(`cuts quarters and years at local midnight of their first day in ${tz}`, () => {
      process.env.TZ = tz;
      expect(new Date(2026, 0, 15).getTimezoneOffset()).toBe(offset);

      expect(pointKey('2026-03-31', 'quarter')).toBe('2026-01-01');
      expect(pointKey('2026-04-01', 'quarter')).toBe('2026-04-01');
      expect(pointKey('2026-09-30', 'quarter')).toBe('2026-07-01');
      expect(pointKey('2026-12-31', 'quarter')).toBe('2026-10-01');
      expect(pointKey('2026-12-31', 'year')).toBe('2026-01-01');
      expect(pointKey('2027-01-01', 'year')).toBe('2027-01-01');

      // Starts mid-quarter, crosses a year end, ends mid-quarter: the ends are clipped.
      const q = periodOf({ from: '2025-11-15', to: '2026-05-10', bucket: 'quarter' });
      expect(q.points.map((p) => p.key)).toEqual(['2025-10-01', '2026-01-01', '2026-04-01']);
      expect(q.points[0]?.start).toBe(localMidnight('2025-11-15'));
      expect(q.points[1]).toMatchObject({
        start: localMidnight('2026-01-01'),
        end: localMidnight('2026-04-01'),
      });
      expect(q.points[2]?.end).toBe(localMidnight('2026-05-11'));
      // 1 April starts at local midnight (in New York, after the clocks went forward in March).
      expect(new Date(q.points[2]?.start ?? 0).getHours()).toBe(0);
      expect(localDate((q.points[1]?.end ?? 0) - 1)).toBe('2026-03-31');

      const y = periodOf({ from: '2016-12-01', to: '2026-11-30', bucket: 'year' });
      expect(y.points.map((p) => p.key)).toEqual([
        '2016-01-01',
        '2017-01-01',
        '2018-01-01',
        '2019-01-01',
        '2020-01-01',
        '2021-01-01',
        '2022-01-01',
        '2023-01-01',
        '2024-01-01',
        '2025-01-01',
        '2026-01-01',
      ]);
      y.points.forEach((p, i) => {
        if (i > 0) expect(p.start).toBe(y.points[i - 1]?.end);
        if (i > 0) expect(new Date(p.start).getMonth()).toBe(0);
        expect(new Date(p.start).getHours()).toBe(0);
      });
      expect(y.points[0]?.start).toBe(localMidnight('2016-12-01'));
      expect(y.points.at(-1)?.end).toBe(localMidnight('2026-12-01'));
    });
  }
});

describe('reports at the dispatch over ten years', () => {
  let shop: ReportShop;
  beforeAll(async () => {
    shop = await monthOfShop();
  }, 60_000);
  afterAll(() => shop.app.cleanup());

  it('counts each order in its year and quarter over a long period, as a period of that year counts it', async () => {
    const month = await shop.manager.ok('reports.volume', { from: '2026-01-01', to: '2026-11-30' });
    expect(month.totals.total).toBeGreaterThan(0);
    const years = await shop.manager.ok('reports.volume', {
      from: '2016-12-01',
      to: '2026-11-30',
      bucket: 'year',
    });
    expect(years.points.map((p) => p.key)).toHaveLength(11);
    expect(years.points.at(-1)).toMatchObject({ key: '2026-01-01', total: month.totals.total });
    expect(years.points.slice(0, -1).every((p) => p.total === 0)).toBe(true);
    expect(years.totals).toEqual(month.totals);
    const quarters = await shop.manager.ok('reports.revenue', {
      from: '2024-01-01',
      to: '2026-12-31',
      bucket: 'quarter',
    });
    expect(quarters.points).toHaveLength(12);
    const revenue = await shop.manager.ok('reports.revenue', { from: '2026-10-01', to: '2026-12-31' });
    const billedInQuarter = revenue.points.reduce((sum, p) => sum + p.total, 0);
    expect(billedInQuarter).toBeGreaterThan(0);
    expect(quarters.points.at(-1)).toMatchObject({ key: '2026-10-01', total: billedInQuarter });
    expect(quarters.points.slice(0, -1).every((p) => p.total === 0)).toBe(true);
  });

  it('refuses every report over ten years and a day with VALIDATION on `to`, naming the limit', async () => {
    for (const name of REPORT_NAMES) {
      const r = await shop.manager.call(`reports.${name}`, { from: '2016-11-30', to: '2026-11-30' });
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      const fields = (r.error.details as { fields?: { path: string; message: string }[] }).fields ?? [];
      expect(fields).toContainEqual(
        expect.objectContaining({ path: 'to', message: 'a period is at most 10 years' }),
      );
    }
  });
});
