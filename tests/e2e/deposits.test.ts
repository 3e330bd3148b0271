import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, modalOpen, rpc, startDesk, type Desk } from './fixture';
import { expectSize, printToPdf } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'deposit-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };
const MANAGER = { username: 'zhoujl', displayName: '周经理', password: 'manager-pass-2026' };

/** PDF points of a 50 × 30 mm and a 40 × 30 mm label. */
const MM = 72 / 25.4;
const LABEL_50 = { width: 50 * MM, height: 30 * MM };
const LABEL_40 = { width: 40 * MM, height: 30 * MM };
const DAY = 86_400_000;

let desk: Desk;
let customerId = '';
let deviceId = '';
let orderId = '';
let orderNo = '';
let firstDay = '';

function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  // A deposit one day, the settlement the next: the first day starts in the morning.
  desk = await startDesk({ hour: 9 });
  firstDay = desk.clock.today().format('YYYY-MM-DD');
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '周杰', level: '普通', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  ));
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('订金 at the counter', () => {
  it('the clerk takes a ¥100 WeChat deposit at intake: on the order, its timeline and the A5 receipt', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/intake?customerId=${customerId}&deviceId=${deviceId}`);
    await page.getByTestId('intake-order-form').waitFor();
    await page.getByTestId('intake-fault').fill('屏幕摔裂，换屏');
    // Zero is refused by the form, never dropped.
    await page.getByTestId('intake-deposit').fill('0');
    await page.getByTestId('intake-save').click();
    const error = page.locator('#intakeOrder_depositAmount_help');
    await expect.poll(() => error.textContent()).toBe('订金须大于 0');
    expect(await rpc(page, 'workOrders.list', {})).toMatchObject({ total: 0 });

    await page.getByTestId('intake-deposit').fill('100');
    await page.locator('label', { has: page.getByTestId('intake-deposit-method-wechat') }).click();
    await desk.stillShot(page, 'deposit-01-intake');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-created').waitFor();
    orderId = /^#\/work-orders\/(.+)$/.exec(hashOf(page))?.[1] ?? '';
    orderNo = (await rpc(page, 'workOrders.get', { id: orderId })).orderNo;
    // The intake's success banner offers the device label at once.
    expect(await page.getByTestId('wo-created-label').getAttribute('href')).toBe(`#/print/label/${orderId}`);

    const panel = page.getByTestId('wo-deposit');
    await panel.waitFor();
    expect(await panel.getAttribute('data-held')).toBe('10000');
    expect(await panel.getByTestId('wo-deposit-entries').textContent()).toContain('微信');
    await expect
      .poll(() => page.locator('[data-testid="wo-event"][data-kind="deposit"]').textContent())
      .toContain('收订金 ¥100.00（微信）');
    await desk.stillShot(page, 'deposit-02-order');

    const receipt = await printToPdf(desk, page, `intake-a5/${orderId}`, 'deposit-intake-a5');
    expect(receipt.pages).toBe(2);
    expect(receipt.text).toContain('已收订金');
    expect(receipt.text).toContain('¥100.00');
    expect(receipt.text).toContain('微信支付');
    await page.context().close();
  });

  it('the device label prints as one 50 × 30 mm page; its barcode typed into the search box opens the order', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-print-label').click();
    await expect.poll(() => hashOf(page)).toBe(`#/print/label/${orderId}`);
    const label = await printToPdf(desk, page, `label/${orderId}`, 'deposit-label-50x30');
    expect(label.pages).toBe(1);
    expect(label.pngs).toHaveLength(1);
    expectSize(label, LABEL_50);
    for (const words of [orderNo, '周*', '5678', '手机 Apple iPhone 13', '承诺']) {
      expect(label.text).toContain(words);
    }
    // What the barcode encodes is the order number (bwip-js's input, kept as the image's text).
    const barcode = page.locator('[data-testid="print-device-label"] img.print-barcode');
    const value = (await barcode.getAttribute('alt')) ?? '';
    expect(value).toBe(orderNo);
    // The barcode stays inside the label.
    const box = await barcode.boundingBox();
    const sheet = await page.getByTestId('print-device-label').boundingBox();
    expect(box && sheet && box.x >= sheet.x && box.x + box.width <= sheet.x + sheet.width).toBe(true);

    // A scanner types the value and Enter into the search box: the order opens.
    await page.goto(`${desk.server.origin}/#/`);
    await page.getByTestId('global-search').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type(value);
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toBe(`#/work-orders/${orderId}`);
    await page.getByTestId('wo-deposit').waitFor();

    // The shop's other roll: 40 × 30 mm, still one page.
    const settings = await rpc(page, 'settings.get', {});
    await rpc(page, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await rpc(page, 'settings.update', { counter: { ...settings.counter, labelSize: '40x30' } });
    const narrow = await printToPdf(desk, page, `label/${orderId}`, 'deposit-label-40x30');
    expect(narrow.pages).toBe(1);
    expectSize(narrow, LABEL_40);
    expect(narrow.text).toContain(orderNo);
    await rpc(page, 'settings.update', { counter: { ...settings.counter, labelSize: '50x30' } });
    await page.context().close();
  });

  it('the first day counts the deposit and is closed', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.goto(`${desk.server.origin}/#/day-close?date=${firstDay}`);
    await page.getByTestId('day-close-page').waitFor();
    await expect.poll(() => textOf(page, 'day-total')).toBe('¥100.00');
    expect(await page.getByTestId('day-method-wechat').getByTestId('day-method-amount').textContent()).toBe(
      '¥100.00',
    );
    expect(await page.getByTestId('day-deposits').textContent()).toContain(orderNo);
    await desk.stillShot(page, 'deposit-03-day-one');
    await page.getByTestId('day-close').click();
    await modalOpen(page, 'day-close-confirm-form');
    await page.getByTestId('day-close-confirm-submit').click();
    await expect.poll(() => page.getByTestId('day-close-page').getAttribute('data-closed')).toBe('true');
    await page.context().close();
  });

  it('next day the settlement credits the deposit: ¥130 due, ¥100 paid, ¥30 taken; each day keeps its own', async () => {
    await desk.clock.advance(DAY);
    const page = await desk.signedIn(CLERK);
    await rpc(page, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    for (const to of ['diagnosing', 'inRepair'] as const) {
      await rpc(page, 'workOrders.transition', { id: orderId, to });
    }
    await rpc(page, 'workOrders.addCharge', { id: orderId, itemCode: 'WX' });
    await rpc(page, 'workOrders.addCharge', { id: orderId, itemCode: 'SM' });
    for (const to of ['qc', 'ready'] as const) await rpc(page, 'workOrders.transition', { id: orderId, to });
    await rpc(page, 'auth.signIn', { username: CLERK.username, password: CLERK.password });

    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-settle').click();
    await page.getByTestId('settle-page').waitFor();
    await page.getByTestId('settle-submit').click();
    await page.getByTestId('settlement-page').waitFor();
    expect(await textOf(page, 'settlement-total')).toBe('¥130.00');
    expect(await textOf(page, 'settlement-deposit')).toBe('¥100.00');
    expect(await textOf(page, 'settlement-paid')).toBe('¥100.00');
    expect(await textOf(page, 'settlement-balance')).toBe('¥30.00');
    await desk.stillShot(page, 'deposit-04-settlement');

    await page.getByTestId('settlement-pay').click();
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('30.00');
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => page.getByTestId('settlement-status').getAttribute('data-status')).toBe('paid');
    expect(await textOf(page, 'settlement-balance')).toBe('¥0.00');

    const printed = await printToPdf(
      desk,
      page,
      `settlement-a5/${(await rpc(page, 'settlements.forOrder', { id: orderId }))?.id ?? ''}`,
      'deposit-settlement-a5',
    );
    expect(printed.pages).toBe(1);
    expect(printed.text).toContain('含订金 ¥100.00');

    await rpc(page, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    await page.goto(`${desk.server.origin}/#/day-close`);
    const day = page.getByTestId('day-close-page');
    await day.waitFor();
    expect(await day.getAttribute('data-date')).toBe(desk.clock.today().format('YYYY-MM-DD'));
    await expect.poll(() => textOf(page, 'day-total')).toBe('¥30.00');
    expect(await page.getByTestId('day-method-cash').getByTestId('day-method-amount').textContent()).toBe(
      '¥30.00',
    );
    expect(await page.getByTestId('day-method-wechat').count()).toBe(0);
    await desk.stillShot(page, 'deposit-05-day-two');

    // The closed first day is as it was closed: the deposit, nothing of the settlement.
    const first = await rpc(page, 'dayClose.get', { date: firstDay });
    expect(first).toMatchObject({ closed: true, total: 10000, payments: [] });
    expect(first.deposits.map((d) => [d.orderNo, d.method, d.amount])).toEqual([[orderNo, 'wechat', 10000]]);
    await page.context().close();
  });

  it('a customer who changes their mind: the deposit goes back with a manager, then the order can be cancelled', async () => {
    const page = await desk.signedIn(CLERK);
    const order = await rpc(page, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '电池鼓包',
      deposit: { method: 'cash', amount: 5000 },
    });
    // Cancelling while the deposit is held is refused.
    const cancel = await call(page, 'workOrders.transition', {
      id: order.id,
      to: 'cancelled',
      note: '客户不修了',
    });
    expect(cancel).toMatchObject({ ok: false, error: { reason: 'depositStillHeld' } });

    await page.goto(`${desk.server.origin}/#/work-orders/${order.id}`);
    await page.getByTestId('wo-deposit-refund').click();
    await modalOpen(page, 'deposit-refund-form');
    expect(await page.getByTestId('deposit-refund-amount').inputValue()).toBe('50.00');
    await page.getByTestId('deposit-refund-reason').fill('客户不修了，退订金');
    await page.getByTestId('deposit-refund-submit').click();
    await modalOpen(page, 'approval-form');
    await page.getByTestId('approval-username').fill(MANAGER.username);
    await page.getByTestId('approval-password').fill(MANAGER.password);
    await desk.stillShot(page, 'deposit-06-refund-approval');
    await page.getByTestId('approval-submit').click();
    await expect.poll(() => page.getByTestId('approval-form').count()).toBe(0);
    await expect.poll(() => page.getByTestId('wo-deposit').getAttribute('data-held')).toBe('0');
    await expect
      .poll(() => page.locator('[data-testid="wo-event"][data-kind="deposit"]').first().textContent())
      .toContain('退订金 ¥50.00（现金）');
    expect(
      await page.locator('[data-testid="wo-event"][data-kind="deposit"]').first().textContent(),
    ).toContain(MANAGER.username);
    await desk.stillShot(page, 'deposit-07-refunded');

    const day = await rpc(page, 'dayClose.get', { date: desk.clock.today().format('YYYY-MM-DD') });
    expect(day.deposits.map((d) => [d.amount, d.reason, d.approvedByName])).toEqual([
      [5000, '', null],
      [-5000, '客户不修了，退订金', MANAGER.displayName],
    ]);
    expect(day.total).toBe(3000);
    const cancelled = await rpc(page, 'workOrders.transition', {
      id: order.id,
      to: 'cancelled',
      note: '客户不修了',
    });
    expect(cancelled.status).toBe('cancelled');
    await page.context().close();
  });
});
