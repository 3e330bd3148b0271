import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk, modalOpen } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

/**
 * Issue 11, item 6, in the real UI: the bill may not silently outgrow the approved quote. Quote ¥760
 * approved → lines ¥790 → the order shows the excess → 结算 is refused with the reason → the
 * customer's renewed approval is recorded → the order settles at ¥790. The tolerance is set in
 * 设置 → 收费设置.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'quote-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const SCREEN = { code: 'SCR-IP13', name: 'iPhone 13 屏幕总成', salePrice: 45_000 };
const BATTERY = { code: 'BAT-IP13', name: 'iPhone 13 电池', salePrice: 15_000 };

let desk: Desk;
let orderId = '';

/** The order page, read afresh (another user changed the order meanwhile). */
async function openOrder(page: Page): Promise<void> {
  const url = `${desk.server.origin}/#/work-orders/${orderId}`;
  if (page.url() === url) await page.reload();
  else await page.goto(url);
  await page.getByTestId('wo-detail').waitFor();
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  const reached = page.locator(`[data-testid="wo-detail"][data-status="${status}"]`);
  const refused = page.getByTestId('wo-move-error');
  await reached.or(refused).first().waitFor();
  if ((await reached.count()) === 0) throw new Error(`move refused: ${await refused.first().textContent()}`);
}

/** Add a part through the modal: scan its code into the picker, save one. */
async function addPartInUi(page: Page, code: string): Promise<void> {
  await page.getByTestId('wo-part-add').click();
  await page.getByTestId('wo-part-picker-search').waitFor();
  await expect.poll(() => page.locator('[data-testid="wo-part-picker-search"]:focus').count()).toBe(1);
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.getByTestId('wo-part-add-chosen').waitFor();
  await page.getByTestId('wo-part-add-submit').click();
  await expect.poll(() => page.getByTestId('wo-part-add-form').count()).toBe(0);
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行' })).id;
  const screen = await rpc(page, 'parts.create', SCREEN);
  const battery = await rpc(page, 'parts.create', BATTERY);
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: screen.id, qty: 3, unitCost: 30_000 },
      { partId: battery.id, qty: 3, unitCost: 8_000 },
    ],
  });
  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '138 0013 8000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: '356789012345678' },
  );
  orderId = (
    await rpc(page, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '屏幕碎裂，电池不耐用',
      technicianId: techId,
      estimate: 80_000,
    })
  ).id;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('the bill against the approved quote', () => {
  it('设置 → 收费设置: the admin sets how far the bill may exceed the approved quote', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-settings').click();
    const field = page.getByTestId('billing-quote-tolerance');
    await field.waitFor();
    expect(await field.inputValue()).toBe('0.00');
    await field.fill('20');
    await page.getByTestId('settings-billing-submit').click();
    await expect.poll(async () => (await rpc(page, 'settings.get', {})).billing.quoteTolerance).toBe(2_000);
    await field.scrollIntoViewIfNeeded();
    await desk.stillShot(page, 'quote-01-billing-tolerance');
    await page.context().close();
  });

  it('quote ¥760 approved, lines ¥790: the order shows the excess, 结算 is refused until the customer approves ¥790', async () => {
    // The technician diagnoses and quotes ¥760.
    const tech = await desk.signedIn(TECH);
    await openOrder(tech);
    await tech.getByTestId('wo-move-diagnosing').click();
    await waitForStatus(tech, 'diagnosing');
    await tech.getByTestId('wo-diagnosis').fill('屏幕总成损坏，电池老化');
    await tech.getByTestId('wo-estimate').fill('760');
    await tech.getByTestId('wo-work-save').click();
    await expect.poll(() => tech.getByTestId('wo-estimate-shown').textContent()).toBe('¥760.00');
    await tech.getByTestId('wo-move-quoted').click();
    await waitForStatus(tech, 'quoted');

    // The customer approves ¥760 by phone; the clerk records it.
    const clerk = await desk.signedIn(CLERK);
    await openOrder(clerk);
    await clerk.getByTestId('wo-move-inRepair').click();
    await modalOpen(clerk, 'wo-approval-form');
    await clerk.getByTestId('wo-approval-submit').click();
    await waitForStatus(clerk, 'inRepair');
    expect(await clerk.getByTestId('wo-approval-shown').textContent()).toContain('¥760.00');

    // At the bench the job grows: a screen ¥450, a battery ¥150 and 2 h of labor at ¥190 = ¥790.
    await tech.reload();
    await waitForStatus(tech, 'inRepair');
    await addPartInUi(tech, SCREEN.code);
    await addPartInUi(tech, BATTERY.code);
    await tech.getByTestId('wo-charge-add').click();
    await modalOpen(tech, 'wo-charge-form');
    await tech.getByTestId('wo-charge-item').click();
    await expect.poll(() => tech.locator('.ant-select-dropdown[class*="ant-slide-"]').count()).toBe(0);
    await tech.locator('.ant-select-item-option', { hasText: '维修工时' }).first().click();
    await tech.getByTestId('wo-charge-hours').fill('2');
    await tech.getByTestId('wo-charge-amount').fill('190');
    await tech.getByTestId('wo-charge-submit').click();
    await tech.getByTestId('wo-charge-row-WX').waitFor();
    // ¥30 over ¥760, more than the ¥20 tolerance: the order says so, even to the technician.
    await expect.poll(() => tech.getByTestId('wo-quote-excess').count()).toBe(1);
    await tech.context().close();

    await openOrder(clerk);
    const excess = clerk.getByTestId('wo-quote-excess');
    await excess.waitFor();
    expect(await excess.textContent()).toContain('超出已确认报价 ¥30.00');
    expect(await excess.textContent()).toContain('客户确认的报价为 ¥760.00，现有费用为 ¥790.00');
    await desk.stillShot(clerk, 'quote-02-order-over-quote');

    // 结算 anyway: the server refuses, and says why and what to do.
    await clerk.getByTestId('wo-settle').click();
    await clerk.getByTestId('settle-page').waitFor();
    await clerk.getByTestId('settle-quote-excess').waitFor();
    await clerk.getByTestId('settle-submit').click();
    const error = clerk.getByTestId('settle-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      '费用 ¥790.00 超出客户确认的报价 ¥760.00（超出 ¥30.00），不能结算：请先在工单上记录客户对新金额的确认。',
    );
    expect((await rpc(clerk, 'settlements.list', {})).total).toBe(0);
    await desk.stillShot(clerk, 'quote-03-settle-refused');

    // The customer agrees to ¥790 in person; the clerk records who and how on the order.
    await clerk.getByTestId('settle-quote-open-order').click();
    await clerk.getByTestId('wo-renew-open').click();
    await modalOpen(clerk, 'wo-renew-form');
    expect(await clerk.getByTestId('wo-renew-amount').inputValue()).toBe('790.00');
    expect(await clerk.getByTestId('wo-renew-by').inputValue()).toBe('张三');
    await clerk.getByTestId('wo-renew-method').click();
    await clerk.locator('.ant-select-item-option', { hasText: '当面' }).first().click();
    await clerk.getByTestId('wo-renew-note').fill('更换电池，客户到店确认');
    await desk.stillShot(clerk, 'quote-04-renewed-approval');
    await clerk.getByTestId('wo-renew-submit').click();
    await expect.poll(() => clerk.getByTestId('wo-renew-form').count()).toBe(0);
    await expect.poll(() => clerk.getByTestId('wo-quote-excess').count()).toBe(0);
    expect(await clerk.getByTestId('wo-approval-shown').textContent()).toContain('¥790.00');
    expect(await clerk.getByTestId('wo-estimate-shown').textContent()).toBe('¥790.00');
    expect(await clerk.getByTestId('wo-intake-estimate-shown').textContent()).toBe('¥800.00');
    const renewed = clerk.locator('[data-testid="wo-event"][data-kind="approval"]');
    expect(await renewed.textContent()).toContain('客户确认新金额 ¥790.00（原确认 ¥760.00）');
    expect(await renewed.textContent()).toContain('更换电池，客户到店确认');
    const audit = await rpc(clerk, 'workOrders.get', { id: orderId });
    expect(audit.approval).toMatchObject({
      by: '张三',
      method: 'inPerson',
      amount: 79_000,
      recordedBy: '小李',
    });
    await desk.stillShot(clerk, 'quote-05-order-approved-again');

    // Now it settles, at the amount the customer approved.
    await clerk.getByTestId('wo-settle').click();
    await clerk.getByTestId('settle-page').waitFor();
    expect(await clerk.getByTestId('settle-quote-excess').count()).toBe(0);
    await clerk.getByTestId('settle-submit').click();
    await clerk.getByTestId('settlement-page').waitFor();
    const made = (await rpc(clerk, 'settlements.forOrder', { id: orderId })) ?? null;
    expect(made?.total).toBe(79_000);
    await desk.stillShot(clerk, 'quote-06-settled');
    await clerk.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
