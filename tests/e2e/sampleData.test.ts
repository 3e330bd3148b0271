import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTime } from './clock';
import { rpc, startDesk, type Desk } from './fixture';

/**
 * Issue 17 item 5: a newcomer tries the app with the demo shop (示例数据) from the first-run screen,
 * sees ten years of reports at once, finds the data's licence in the About box, and removes the
 * sample data in one step.
 */
const ADMIN = { username: 'demo', name: '试用店长', password: 'sample-admin-2026' };
const TODAY = dayjs(startTime()).startOf('day');

let desk: Desk;

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

describe('the demo shop', () => {
  it('first run with sample data → full reports → About credits the data → removed in one step', async () => {
    const page = await desk.open();
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    // The sample button checks the form as the main one does: nothing is sent while a field is wrong.
    await page.getByTestId('setup-sample-data').click();
    await expect.poll(() => setup.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect(desk.core.database.sqlite.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);

    await setup.getByLabel('店铺名称').fill('示例维修店');
    await setup.getByLabel('网点编码').fill('demo');
    await setup.getByLabel('管理员用户名').fill(ADMIN.username);
    await setup.getByLabel('显示名称').fill(ADMIN.name);
    await setup.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await setup.getByLabel('确认密码').fill(ADMIN.password);
    await desk.shot(page, 'sample-data-01-first-run');
    await page.getByTestId('setup-sample-data').click();
    await page.getByTestId('home-welcome').waitFor({ timeout: 60_000 });

    // Marked on every screen.
    const banner = page.getByTestId('sample-data-banner');
    await expect.poll(() => banner.textContent()).toContain('这是示例店铺');
    expect(await banner.textContent()).toContain('CC BY-SA 4.0');
    await desk.stillShot(page, 'sample-data-02-home');

    // Today's counter has work: the five devices brought in today.
    const open = await rpc(page, 'workOrders.list', { openOnly: true });
    expect(open.total).toBe(5);

    // Ten years of history by year: every year has orders, the fix rate is the real one.
    const from = TODAY.subtract(10, 'year').add(1, 'day').format('YYYY-MM-DD');
    const to = TODAY.format('YYYY-MM-DD');
    await page.goto(
      `${desk.server.origin}/#/reports?tab=volume&preset=custom&from=${from}&to=${to}&bucket=year`,
    );
    await page.getByTestId('report-period').waitFor();
    await expect.poll(async () => Number(await textOf(page, 'volume-table-total'))).toBe(1347 + 5);
    await expect.poll(() => banner.isVisible()).toBe(true);
    await page.waitForTimeout(1000);
    await desk.stillShot(page, 'sample-data-03-reports-years');
    const quality = await rpc(page, 'reports.quality', { from, to, bucket: 'year' });
    // 725 of the slice's 1,347 records were Fixed (resources/sample/openrepair-sample.json).
    expect(quality.outcomes.repaired).toBe(725);

    // The order list marks imported orders; an order names the file and row it came from.
    await page.getByTestId('nav-workOrders').click();
    await expect.poll(() => page.getByTestId('wo-row-imported').count()).toBeGreaterThan(0);
    const repaired = await rpc(page, 'workOrders.list', { outcome: 'repaired', pageSize: 1 });
    await page.goto(`${desk.server.origin}/#/work-orders/${repaired.rows[0]?.id ?? ''}`);
    await expect.poll(() => textOf(page, 'wo-imported-from')).toContain('示例数据 · Open Repair Data');
    expect(await textOf(page, 'wo-imported-from')).toMatch(/第 \d+ 行.*原单号 restart_\d+.*原技术员 .师傅/);
    await page.getByTestId('wo-imported-tag').waitFor();
    await desk.stillShot(page, 'sample-data-04-imported-order');

    // About: the data's source and licence.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-about').click();
    const credit = page.getByTestId('about-sample-credit');
    await expect.poll(() => credit.textContent()).toContain('The Restart Project');
    expect(await credit.textContent()).toContain('CC BY-SA 4.0');
    await desk.stillShot(page, 'sample-data-05-about');
    await page.keyboard.press('Escape');

    // Removed in one step, after a confirmation that says what goes and what stays.
    await page.getByTestId('sample-data-remove').click();
    await page.getByTestId('sample-data-remove-ok').click();
    const done = page.getByTestId('backup-signed-out');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('.tar.zst');
    await desk.stillShot(page, 'sample-data-06-removed');
    await page.locator('.ant-modal-confirm-btns button').click();
    const form = page.getByTestId('signin-form');
    await form.getByLabel('用户名').fill(ADMIN.username);
    await form.getByLabel('密码').fill(ADMIN.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await expect.poll(() => page.getByTestId('sample-data-banner').count()).toBe(0);
    expect((await rpc(page, 'workOrders.list', {})).total).toBe(0);
    expect((await rpc(page, 'auth.state', {})).sampleData).toBe(false);
    await page.context().close();
  });
});
