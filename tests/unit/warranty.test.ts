import { describe, expect, it } from 'vitest';
import { addDays, daysInMonth, isIsoDate, localDate, warrantyEndFrom } from '@shared/dates';
import { makerWarrantyOn } from '@shared/warranty';

describe('calendar dates', () => {
  it('knows real dates from look-alikes, leap years included', () => {
    for (const ok of ['2024-02-29', '2000-02-29', '2026-12-31', '2026-01-01'])
      expect(isIsoDate(ok), ok).toBe(true);
    for (const bad of ['2023-02-29', '1900-02-29', '2026-13-01', '2026-04-31', '2026-1-1', '20260101', ''])
      expect(isIsoDate(bad), bad).toBe(false);
    expect([2023, 2024, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('reads the local calendar date of an instant', () => {
    expect(localDate(new Date(2026, 10, 23, 0, 0, 0).getTime())).toBe('2026-11-23');
    expect(localDate(new Date(2026, 10, 23, 23, 59, 59, 999).getTime())).toBe('2026-11-23');
  });
});

describe('warranty end from a number of months', () => {
  it('ends the day before the same date months later', () => {
    expect(warrantyEndFrom('2024-03-15', 1)).toBe('2024-04-14');
    expect(warrantyEndFrom('2026-11-23', 12)).toBe('2027-11-22');
    expect(warrantyEndFrom('2025-12-01', 1)).toBe('2025-12-31');
    expect(warrantyEndFrom('2026-01-01', 24)).toBe('2027-12-31');
    expect(warrantyEndFrom('2024-01-29', 1)).toBe('2024-02-28');
  });

  it('runs to the end of a month that has no such date (month ends and leap years)', () => {
    // 2024-02-31 does not exist: a one-month warranty bought on 31 January covers all of February.
    expect(warrantyEndFrom('2024-01-31', 1)).toBe('2024-02-29');
    expect(warrantyEndFrom('2023-01-31', 1)).toBe('2023-02-28');
    // Bought on a leap day, a year's warranty ends on the last day of next February.
    expect(warrantyEndFrom('2024-02-29', 12)).toBe('2025-02-28');
    expect(warrantyEndFrom('2024-02-29', 48)).toBe('2028-02-28');
    // 11 months from 31 March lands in February of a leap year.
    expect(warrantyEndFrom('2023-03-31', 11)).toBe('2024-02-29');
    expect(warrantyEndFrom('2023-08-31', 1)).toBe('2023-09-30');
  });
});

describe("the maker's warranty on a day", () => {
  it('holds through the last day and not the day after', () => {
    const end = warrantyEndFrom('2023-03-31', 11);
    expect(makerWarrantyOn(end, '2023-03-31')).toBe(true);
    expect(makerWarrantyOn(end, end)).toBe(true);
    expect(makerWarrantyOn(end, addDays(end, 1))).toBe(false);
    expect(makerWarrantyOn('2025-02-28', '2025-03-01')).toBe(false);
    expect(makerWarrantyOn('2024-02-29', '2024-02-29')).toBe(true);
    expect(makerWarrantyOn('2024-02-29', '2024-03-01')).toBe(false);
  });

  it('is never in force without an end date', () => {
    expect(makerWarrantyOn(null, '2000-01-01')).toBe(false);
  });
});
