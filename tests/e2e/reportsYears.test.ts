import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTime } from './clock';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'years-admin-2026' };
const MANAGER = { username: 'zhoujl', displayName: '周经理', password: 'manager-pass-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

/**
 * Issue 17: reports over years. The desk's one clock goes back four years to open the shop, then
 * forward a year at a time, taking in orders on this date of each year: 1, 2, 3, 1 and 2 of them.
 */
const TODAY = dayjs(startTime()).startOf('day');
const PER_YEAR = [1, 2, 3, 1, 2];
const FIRST_YEAR = TODAY.year() - 4;

let desk: Desk;

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  desk = await startDesk();
  await desk.clock.set(TODAY.subtract(4, 'year').hour(8).valueOf());
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  // Years pass between the steps: the idle lock would lock this session.
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  let n = 0;
  for (const [i, count] of PER_YEAR.entries()) {
    await desk.clock.set(
      TODAY.subtract(4 - i, 'year')
        .hour(10)
        .valueOf(),
    );
    for (let k = 0; k < count; k++) {
      n += 1;
      const owner = await customerWithDevice(
        page,
        { name: `老客户${n}`, phones: [{ phone: `1390000${String(n).padStart(4, '0')}`, label: '手机' }] },
        { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: `SNYEARS${n}` },
      );
      await rpc(page, 'workOrders.create', { ...owner, reportedFault: '屏幕碎裂', technicianId: techId });
    }
  }
  await desk.clock.set(TODAY.hour(12).valueOf());
  await page.context().close();
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

describe('reports over several years', () => {
  it('shows five years by year, in both languages, and refuses more than ten years', async () => {
    const page = await desk.signedIn(MANAGER);
    const from = TODAY.subtract(5, 'year').add(1, 'day').format('YYYY-MM-DD');
    const to = TODAY.format('YYYY-MM-DD');
    await page.goto(
      `${desk.server.origin}/#/reports?tab=volume&preset=custom&from=${from}&to=${to}&bucket=year`,
    );
    await page.getByTestId('report-period').waitFor();
    await expect.poll(() => textOf(page, 'volume-table-total')).toBe('9');
    const rows = page.locator('[data-testid="volume-table"] tbody tr.ant-table-row');
    // One point a year, from the year the period starts in (nothing in it unless it is the first year).
    const years = Array.from(
      { length: TODAY.year() - dayjs(from).year() + 1 },
      (_, i) => dayjs(from).year() + i,
    );
    await expect.poll(() => rows.count()).toBe(years.length);
    const labels = await rows.locator('td:first-child').allTextContents();
    expect(labels).toEqual(years.map(String));
    const totals = await rows.locator('td:nth-child(2)').allTextContents();
    expect(totals.map((x) => x.trim())).toEqual(years.map((y) => String(PER_YEAR[y - FIRST_YEAR] ?? 0)));
    await expect.poll(() => textOf(page, 'period-bucket')).toBe('按年');
    await expect.poll(() => page.locator('[data-testid="chart-volume-channel"] canvas').count()).toBe(1);
    await desk.stillShot(page, 'reports-years-01-volume-by-year');

    // A custom range picked in the calendar takes the point size that suits its length.
    const inputs = page.locator('[data-testid="report-period"] .ant-picker-range input');
    const threeYears = TODAY.subtract(3, 'year').format('YYYY-MM-DD');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(threeYears);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await expect.poll(() => textOf(page, 'period-bucket')).toBe('按季度');
    await expect.poll(() => page.url()).toContain('bucket=quarter');
    // The orders of three years ago (that day included) and since: 2 + 3 + 1 + 2.
    await expect.poll(() => textOf(page, 'volume-table-total')).toBe('8');

    // Eleven years: refused with a message; the report keeps its period.
    await inputs.nth(0).click();
    await inputs.nth(0).fill(TODAY.subtract(11, 'year').format('YYYY-MM-DD'));
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(to);
    await inputs.nth(1).press('Enter');
    await expect.poll(() => textOf(page, 'period-too-long')).toContain('统计期最长 10 年');
    await desk.stillShot(page, 'reports-years-02-too-long');
    expect(page.url()).toContain('bucket=quarter');
    expect(page.url()).toContain(`from=${threeYears}`);
    await page.keyboard.press('Escape');

    // In English, by quarter on the revenue tab and by year on volume.
    await page.getByTestId('lang-en-US').click();
    await page.goto(
      `${desk.server.origin}/#/reports?tab=volume&preset=custom&from=${from}&to=${to}&bucket=year`,
    );
    await expect.poll(() => textOf(page, 'volume-table-total')).toBe('9');
    await expect.poll(() => textOf(page, 'period-bucket')).toBe('Year');
    // The charts grow in for a second after a page change: shoot them grown.
    await page.waitForTimeout(1000);
    await desk.stillShot(page, 'reports-years-03-volume-by-year-en');
    await page.goto(
      `${desk.server.origin}/#/reports?tab=revenue&preset=custom&from=${from}&to=${to}&bucket=quarter`,
    );
    await page.getByTestId('report-period').waitFor();
    await expect.poll(() => textOf(page, 'period-bucket')).toBe('Quarter');
    expect(await page.getByTestId('period-too-long').count()).toBe(0);
    const quarters = page.locator('[data-testid="revenue-table"] tbody tr.ant-table-row td:first-child');
    const first = dayjs(from);
    await expect
      .poll(() => quarters.first().textContent())
      .toBe(`${first.year()} Q${Math.floor(first.month() / 3) + 1}`);
    await expect.poll(() => quarters.count()).toBeGreaterThanOrEqual(20);
    // The charts grow in for a second after a page change: shoot them grown.
    await page.waitForTimeout(1000);
    await desk.stillShot(page, 'reports-years-04-revenue-by-quarter-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });
});
