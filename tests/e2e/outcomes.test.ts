import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDate } from '@shared/dates';
import { modalOpen, rpc, startDesk, type Desk } from './fixture';
import { expectSize, printToPdf } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

/**
 * Issue 14, item 1, in the real UI: a diagnosing phone that cannot be fixed goes to 无法修复 with
 * its reason, is settled for the inspection fee, goes to 待取机 and is handed over, and its printed
 * settlement and claim ticket say it was returned unrepaired; an order parked on hold (待客户) is not
 * overdue however long it waits, shows its recall as due, and resumes with its promise moved on.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'outcome-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const DAY = 86_400_000;
/** PDF points: A5 landscape. */
const A5L = { width: 595.28, height: 419.53 };

let desk: Desk;
let techId = '';
let customerId = '';
let deviceId = '';

async function openOrder(page: Page, id: string): Promise<void> {
  const url = `${desk.server.origin}/#/work-orders/${id}`;
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

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** Pick an option of an antd select by its words, once the dropdown has finished opening. */
async function choose(page: Page, selectTestId: string, words: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await expect.poll(() => page.locator('.ant-select-dropdown[class*="ant-slide-"]').count()).toBe(0);
  await page.locator('.ant-select-item-option', { hasText: words }).first().click();
}

async function newOrder(page: Page, fault: string, path: ('diagnosing' | 'inRepair')[]) {
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: fault,
    technicianId: techId,
  });
  for (const to of path) await rpc(page, 'workOrders.transition', { id: order.id, to });
  return rpc(page, 'workOrders.get', { id: order.id });
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  ({ techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  // The hold test moves the clock on by days; the idle screen lock is tested elsewhere.
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '周杰', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: '华为', model: 'Mate 20', serialNo: 'HW20X7788' },
  ));
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('a device that cannot be fixed', () => {
  let orderId = '';
  let settlementId = '';

  it('the technician gives up on a diagnosing order: 无法修复 with its reason and a note', async () => {
    const setup = await desk.signedIn(ADMIN);
    orderId = (await newOrder(setup, '进水后不开机', ['diagnosing'])).id;
    await setup.context().close();

    const tech = await desk.signedIn(TECH);
    await openOrder(tech, orderId);
    // From diagnosing the customer may refuse, or the bench may give up.
    expect(await tech.getByTestId('wo-move-declined').count()).toBe(1);
    await tech.getByTestId('wo-move-unrepairable').click();
    await modalOpen(tech, 'wo-unrepairable-form');
    // Neither a reason nor a note: the form refuses and says what is missing.
    await tech.getByTestId('wo-unrepairable-submit').click();
    await expect.poll(() => tech.locator('#moveUnrepairable_unrepairableReason_help').count()).toBe(1);
    expect((await rpc(tech, 'workOrders.get', { id: orderId })).status).toBe('diagnosing');
    await choose(tech, 'wo-unrepairable-reason', '无配件');
    await tech.getByTestId('wo-unrepairable-note').fill('主板进水腐蚀，厂家已停产主板');
    await desk.stillShot(tech, 'outcomes-01-unrepairable-dialog');
    await tech.getByTestId('wo-unrepairable-submit').click();
    await waitForStatus(tech, 'unrepairable');
    expect(await textOf(tech, 'wo-outcome')).toBe('无法修复无配件');
    const event = tech.locator('[data-testid="wo-event"][data-kind="status"]', { hasText: '→ 无法修复' });
    expect(await event.textContent()).toContain('无法修复原因：无配件');
    expect(await event.textContent()).toContain('主板进水腐蚀，厂家已停产主板');
    await desk.stillShot(tech, 'outcomes-02-unrepairable-order');
    await tech.context().close();
  });

  it('the clerk charges the inspection fee, settles and takes it, returns the device and hands it over', async () => {
    const clerk = await desk.signedIn(CLERK);
    await openOrder(clerk, orderId);
    await clerk.getByTestId('wo-charge-add').click();
    await modalOpen(clerk, 'wo-charge-form');
    await choose(clerk, 'wo-charge-item', '检测费');
    await clerk.getByTestId('wo-charge-submit').click();
    await clerk.getByTestId('wo-charge-row-JC').waitFor();

    await clerk.getByTestId('wo-settle').click();
    await clerk.getByTestId('settle-page').waitFor();
    await clerk.getByTestId('settle-submit').click();
    await clerk.getByTestId('settlement-page').waitFor();
    const settlement = await rpc(clerk, 'settlements.forOrder', { id: orderId });
    expect(settlement?.total).toBe(3_000);
    settlementId = settlement?.id ?? '';
    await clerk.getByTestId('settlement-pay').click();
    await modalOpen(clerk, 'pay-form');
    expect(await clerk.getByTestId('pay-amount').inputValue()).toBe('30.00');
    await clerk.getByTestId('pay-submit').click();
    await expect.poll(() => clerk.getByTestId('settlement-status').getAttribute('data-status')).toBe('paid');

    await openOrder(clerk, orderId);
    expect(await textOf(clerk, 'wo-move-ready')).toBe('未修退回，待取机');
    await clerk.getByTestId('wo-move-ready').click();
    await waitForStatus(clerk, 'ready');
    await clerk.getByTestId('wo-move-delivered').click();
    await waitForStatus(clerk, 'delivered');
    // The header and the order both say how it ended, after delivery too.
    await clerk.getByTestId('outcome-unrepairable').first().waitFor();
    expect(await textOf(clerk, 'wo-outcome')).toBe('无法修复无配件');
    await desk.stillShot(clerk, 'outcomes-03-delivered-unrepaired');

    // The list shows it, and finds it by its outcome.
    await clerk.goto(`${desk.server.origin}/#/work-orders`);
    await choose(clerk, 'wo-filter-outcome', '无法修复');
    const order = await rpc(clerk, 'workOrders.get', { id: orderId });
    const row = clerk.getByTestId(`wo-row-${order.orderNo}`);
    await row.waitFor();
    await expect.poll(() => clerk.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    expect(await row.getByTestId('outcome-unrepairable').count()).toBe(1);
    await clerk.context().close();
  });

  it('the printed settlement and claim ticket say the device was returned unrepaired, on one sheet', async () => {
    const page = await desk.signedIn(CLERK);
    const sheet = await printToPdf(desk, page, `settlement-a5/${settlementId}`, 'outcomes-settlement-a5');
    expect(sheet.pages).toBe(1);
    expectSize(sheet, A5L);
    expect(await textOf(page, 'print-unrepaired')).toBe('无法修复 · 未修复退回 · 原因：无配件');
    expect(sheet.text).toContain('维修结果');
    expect(sheet.text).toContain('未修复退回');
    expect(sheet.text).toContain('检测费');
    // Nothing was repaired: the sheet promises no repair warranty.
    expect(sheet.text).not.toContain('本次维修保修');

    const receipt = await printToPdf(desk, page, `settlement-receipt/${settlementId}`, 'outcomes-receipt');
    expect(receipt.text).toContain('未修复退回');
    expect(receipt.text).not.toContain('本次维修保修');

    const claim = await printToPdf(desk, page, `claim/${orderId}`, 'outcomes-claim');
    expect(await textOf(page, 'print-unrepaired')).toBe('无法修复 · 未修复退回原因：无配件');
    expect(claim.text).toContain('未修复退回');
    expect(claim.text).toContain('无法修复');
    await page.context().close();
  });
});

describe('an order parked on hold (待客户)', () => {
  it('is never overdue while held, shows its recall as due, and resumes with its promise moved on', async () => {
    const setup = await desk.signedIn(ADMIN);
    const order = await newOrder(setup, '屏幕不显示，客户要自购原装屏', ['diagnosing', 'inRepair']);
    await setup.context().close();

    const tech = await desk.signedIn(TECH);
    await openOrder(tech, order.id);
    await tech.getByTestId('wo-move-onHold').click();
    await modalOpen(tech, 'wo-hold-form');
    await tech.getByTestId('wo-hold-note').fill('客户自购原装屏幕，到货后送来');
    const recallDay = desk.clock.today(2).format('YYYY-MM-DD');
    // Today is not offered (the server would refuse a recall before now); the day after tomorrow is.
    await tech.getByTestId('wo-hold-recall').click();
    const today = tech.locator(`.ant-picker-dropdown td[title="${desk.clock.today().format('YYYY-MM-DD')}"]`);
    await today.waitFor();
    expect(await today.getAttribute('class')).toContain('ant-picker-cell-disabled');
    await tech.locator(`.ant-picker-dropdown td[title="${recallDay}"]`).click();
    await desk.stillShot(tech, 'outcomes-04-hold-dialog');
    await tech.getByTestId('wo-hold-submit').click();
    await waitForStatus(tech, 'onHold');
    expect(await textOf(tech, 'wo-recall-shown')).toBe(recallDay);
    const held = await rpc(tech, 'workOrders.get', { id: order.id });
    // The day is sent as its start, in the shop's time zone.
    expect(held.recallAt).toBe(desk.clock.today(2).valueOf());
    expect(localDate(held.recallAt ?? 0)).toBe(recallDay);
    expect(held.heldFrom).toBe('inRepair');
    // Held: only resuming to 维修中, giving up, declining or cancelling is offered.
    expect(await textOf(tech, 'wo-move-inRepair')).toBe('恢复：维修中');
    expect(await tech.getByTestId('wo-move-qc').count()).toBe(0);

    // Long past both its promise and its recall day: not overdue, but time to call the customer.
    const later = Math.max(held.promisedAt, held.recallAt ?? 0) + 2 * DAY;
    await desk.clock.set(later);
    await openOrder(tech, order.id);
    await tech.getByTestId('recall-due').first().waitFor();
    expect(await tech.getByTestId('overdue').count()).toBe(0);
    await desk.stillShot(tech, 'outcomes-05-held-recall-due');

    await tech.goto(`${desk.server.origin}/#/work-orders?view=all&status=onHold`);
    const row = tech.getByTestId(`wo-row-${order.orderNo}`);
    await row.waitFor();
    expect(await row.getByTestId('recall-due').count()).toBe(1);
    expect(await row.getByTestId('overdue').count()).toBe(0);
    expect(await row.getByTestId('wo-recall-on').textContent()).toBe(`回访 ${recallDay}`);
    await desk.stillShot(tech, 'outcomes-06-list-held');
    expect((await rpc(tech, 'workOrders.list', { overdue: true })).rows.map((r) => r.id)).not.toContain(
      order.id,
    );
    expect((await rpc(tech, 'dashboard.get', {})).queue?.overdue).toBe(0);

    // Back at the bench: the promise moves on by the time held.
    await openOrder(tech, order.id);
    const resumedFrom = desk.clock.now();
    await tech.getByTestId('wo-move-inRepair').click();
    await waitForStatus(tech, 'inRepair');
    const resumed = await rpc(tech, 'workOrders.get', { id: order.id });
    const heldFor = resumed.promisedAt - order.promisedAt;
    expect(heldFor).toBeGreaterThanOrEqual(resumedFrom - (held.heldAt ?? 0) - 1_000);
    expect(heldFor).toBeLessThanOrEqual(desk.clock.now() - (held.heldAt ?? 0) + 1_000);
    expect(resumed).toMatchObject({ overdue: false, recallAt: null, recallDue: false, heldFrom: null });
    expect(await tech.getByTestId('overdue').count()).toBe(0);
    expect(await tech.getByTestId('recall-due').count()).toBe(0);
    const event = tech.locator('[data-testid="wo-event"][data-kind="status"]', {
      hasText: '待客户 → 维修中',
    });
    expect(await event.textContent()).toContain('承诺完成顺延至');
    await desk.stillShot(tech, 'outcomes-07-resumed');
    await tech.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
