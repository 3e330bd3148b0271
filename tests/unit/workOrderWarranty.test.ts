import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '@shared/dates';
import { makerWarrantyOn, repairWarrantyOn, warrantyAtIntake } from '@shared/warranty';

/** Noon local time on a calendar day, so no time zone moves it to another date. */
function noon(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0).getTime();
}

describe('warranty at intake', () => {
  it("counts the maker's warranty through its last day and not the day after", () => {
    expect(makerWarrantyOn('2026-11-23', '2026-11-23')).toBe(true);
    expect(makerWarrantyOn('2026-11-23', '2026-11-24')).toBe(false);
    expect(makerWarrantyOn(null, '2026-11-24')).toBe(false);
    const base = { originalDeliveredAt: null, repairWarrantyDays: 90 };
    expect(warrantyAtIntake({ ...base, warrantyEnd: '2026-11-23', at: noon('2026-11-23') })).toBe('in');
    expect(warrantyAtIntake({ ...base, warrantyEnd: '2026-11-23', at: noon('2026-11-24') })).toBe('out');
    // Late at night on the last day is still that day.
    expect(
      warrantyAtIntake({
        ...base,
        warrantyEnd: '2026-11-23',
        at: new Date(2026, 10, 23, 23, 59, 59).getTime(),
      }),
    ).toBe('in');
  });

  it('gives a repair warranty through the Nth day after delivery, not the day after', () => {
    const delivered = noon('2026-01-10');
    const last = addDays(localDate(delivered), 90);
    expect(last).toBe('2026-04-10');
    const common = { warrantyEnd: null, originalDeliveredAt: delivered, repairWarrantyDays: 90 };
    expect(warrantyAtIntake({ ...common, at: noon(last) })).toBe('repair');
    expect(warrantyAtIntake({ ...common, at: noon(addDays(last, 1)) })).toBe('out');
    // The repair warranty wins over the maker's: our own repair is what failed.
    expect(warrantyAtIntake({ ...common, warrantyEnd: '2030-01-01', at: noon(last) })).toBe('repair');
    expect(warrantyAtIntake({ ...common, warrantyEnd: '2030-01-01', at: noon(addDays(last, 1)) })).toBe('in');
  });

  it('counts leap days as days', () => {
    // 2028 is a leap year: 30 days after 2028-02-10 is 2028-03-11 (with the 29th), not the 12th.
    const delivered = noon('2028-02-10');
    expect(addDays('2028-02-10', 30)).toBe('2028-03-11');
    expect(repairWarrantyOn(delivered, 30, '2028-03-11')).toBe(true);
    expect(repairWarrantyOn(delivered, 30, '2028-03-12')).toBe(false);
    // 2027 is not: the same term ends on 2027-03-12.
    expect(repairWarrantyOn(noon('2027-02-10'), 30, '2027-03-12')).toBe(true);
    expect(repairWarrantyOn(noon('2027-02-10'), 30, '2027-03-13')).toBe(false);
    // A maker's warranty ending on 29 February.
    expect(makerWarrantyOn('2028-02-29', '2028-02-29')).toBe(true);
    expect(makerWarrantyOn('2028-02-29', '2028-03-01')).toBe(false);
  });

  it('gives no repair warranty when the setting is 0 days or there was no delivery', () => {
    expect(repairWarrantyOn(noon('2026-01-10'), 0, '2026-01-10')).toBe(false);
    expect(repairWarrantyOn(null, 90, '2026-01-10')).toBe(false);
  });
});
