import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk, modalOpen } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'settle-admin-2026' };
const MANAGER = { username: 'zhoujl', displayName: '周经理', password: 'manager-pass-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

/** Three parts on the shelf: a screen, a battery (the warranty covers it on this order) and film. */
const SCREEN = { code: 'SCR-IP13', name: 'iPhone 13 屏幕总成', salePrice: 45000 };
const BATTERY = { code: 'BAT-IP13', name: 'iPhone 13 电池', salePrice: 15000 };
const FILM = { code: 'FILM-IP13', name: '钢化膜', salePrice: 3000 };

/**
 * The figures the flow must come to: parts 450 + 0 (battery covered, ¥150 list) + 2 × 30, labor
 * 检测费 ¥30 and 维修工时 ¥120: ¥660.00; ¥100 off (15 %, above the 10 % limit): ¥560.00, paid ¥200
 * cash (¥500 handed over, ¥300 change) and ¥360 by WeChat.
 */
const SUBTOTAL = '¥660.00';
const TOTAL = '¥560.00';
const IN_WORDS = '伍佰陆拾元整';

let desk: Desk;
let orderId = '';
let orderNo = '';
/** A second order, settled but unpaid: after the day close a payment on it must be refused. */
let otherSettlementId = '';
let settlementId = '';
let settlementNo = '';
/** The counter's business day (the desk's clock starts at 09:00 of the suite's day). */
let today = '';

async function openOrder(page: Page, id: string): Promise<void> {
  await page.goto(`${desk.server.origin}/#/work-orders/${id}`);
  await page.getByTestId('wo-charges').waitFor();
}

/** Add a labor or fee line in the UI: choose the item, set hours and amount, save. */
async function addChargeInUi(page: Page, item: string, hours: string | null, amount: string | null) {
  await page.getByTestId('wo-charge-add').click();
  await modalOpen(page, 'wo-charge-form');
  await page.getByTestId('wo-charge-item').click();
  await expect.poll(() => page.locator('.ant-select-dropdown[class*="ant-slide-"]').count()).toBe(0);
  await page.locator('.ant-select-item-option', { hasText: item }).first().click();
  if (hours !== null) await page.getByTestId('wo-charge-hours').fill(hours);
  if (amount !== null) await page.getByTestId('wo-charge-amount').fill(amount);
}

/**
 * Wait for the 主管授权 modal the action asked for; a refusal shown instead (the form's error)
 * fails at once with what the page said.
 */
async function approvalAsked(page: Page, form: string): Promise<void> {
  const asked = page.getByTestId('approval-form');
  const refused = page.getByTestId(`${form}-error`);
  await asked
    .or(refused)
    .first()
    .waitFor({ timeout: 15_000 })
    .catch(async (error: unknown) => {
      await desk.shot(page, `settle-failed-${form}`);
      throw error;
    });
  if ((await asked.count()) === 0) {
    await desk.shot(page, `settle-failed-${form}`);
    throw new Error(`no approval asked: ${await refused.first().textContent()}`);
  }
  await modalOpen(page, 'approval-form');
}

/** The manager types their user name and password into the approval modal and approves. */
async function managerApproves(page: Page, form: string): Promise<void> {
  await approvalAsked(page, form);
  await page.getByTestId('approval-username').fill(MANAGER.username);
  await page.getByTestId('approval-password').fill(MANAGER.password);
  await page.getByTestId('approval-submit').click();
  await expect.poll(() => page.getByTestId('approval-form').count()).toBe(0);
}

/** The text of a test id inside a scope, trimmed. */
async function textOf(scope: Page, testId: string): Promise<string> {
  return ((await scope.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  // Paid, closed, refused after the close: one business day, so it starts in the morning.
  desk = await startDesk({ hour: 9 });
  today = desk.clock.today().format('YYYY-MM-DD');
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  const supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行' })).id;
  const parts: Record<string, string> = {};
  for (const part of [SCREEN, BATTERY, FILM]) {
    parts[part.code] = (await rpc(page, 'parts.create', { ...part, costPrice: part.salePrice / 2 })).id;
  }
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: Object.values(parts).map((partId) => ({ partId, qty: 5, unitCost: 1000 })),
  });

  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '周杰', level: '普通', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕摔裂，电池鼓包',
    technicianId: techId,
  });
  orderId = order.id;
  orderNo = order.orderNo;
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'diagnosing' });
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'inRepair' });
  await rpc(page, 'workOrders.addPart', { id: orderId, partId: parts[SCREEN.code] ?? '', qty: 1 });
  await rpc(page, 'workOrders.addPart', {
    id: orderId,
    partId: parts[BATTERY.code] ?? '',
    qty: 1,
    coveredByWarranty: true,
  });
  await rpc(page, 'workOrders.addPart', { id: orderId, partId: parts[FILM.code] ?? '', qty: 2 });
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'qc' });
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'ready' });

  // Another order, settled and left unpaid.
  const other = await rpc(page, 'workOrders.create', { customerId, deviceId, reportedFault: '不开机' });
  await rpc(page, 'workOrders.transition', { id: other.id, to: 'diagnosing' });
  await rpc(page, 'workOrders.transition', { id: other.id, to: 'inRepair' });
  await rpc(page, 'workOrders.addCharge', { id: other.id, itemCode: 'JC' });
  otherSettlementId = (await rpc(page, 'settlements.create', { id: other.id })).id;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('settling an order at the counter', () => {
  it('the clerk adds two labor lines on the ready order; the parts and warranty line show', async () => {
    const page = await desk.signedIn(CLERK);
    await openOrder(page, orderId);
    await page.getByTestId(`wo-part-row-${BATTERY.code}`).waitFor();

    // 检测费 at its list price, as the item gives it.
    await addChargeInUi(page, '检测费', null, null);
    expect(await page.getByTestId('wo-charge-hours').inputValue()).toBe('0.5');
    expect(await page.getByTestId('wo-charge-amount').inputValue()).toBe('30.00');
    // Out of warranty: the line is not covered by default.
    expect(await page.getByTestId('wo-charge-warranty').isChecked()).toBe(false);
    await desk.stillShot(page, 'settle-01-add-labor');
    await page.getByTestId('wo-charge-submit').click();
    await page.getByTestId('wo-charge-row-JC').waitFor();
    await expect.poll(() => page.getByTestId('wo-charge-form').count()).toBe(0);

    // 维修工时: one and a half hours, ¥120 (above the ¥80 list price: no approval needed).
    await addChargeInUi(page, '维修工时', '1.5', '120');
    await page.getByTestId('wo-charge-submit').click();
    await page.getByTestId('wo-charge-row-WX').waitFor();
    expect(await textOf(page, 'wo-charges-total')).toBe('¥150.00');
    const row = page.getByTestId('wo-charge-row-WX');
    expect(await row.textContent()).toContain('陈工');
    expect(await row.getByTestId('wo-charge-hours-shown').textContent()).toBe('1.5 小时');
    await expect.poll(() => page.locator('[data-testid="wo-event"][data-kind="charges"]').count()).toBe(2);
    await desk.stillShot(page, 'settle-02-order-lines');
    await page.context().close();
  });

  it('a labor line below its price asks for a manager: a wrong password stays in the modal', async () => {
    const page = await desk.signedIn(CLERK);
    await openOrder(page, orderId);
    await page.getByTestId('wo-charge-edit-JC').click();
    await modalOpen(page, 'wo-charge-form');
    await page.getByTestId('wo-charge-amount').fill('20');
    await page.getByTestId('wo-charge-below').waitFor();
    await page.getByTestId('wo-charge-submit').click();
    await approvalAsked(page, 'wo-charge');
    await page.getByTestId('approval-username').fill(MANAGER.username);
    await page.getByTestId('approval-password').fill('not-the-password');
    await page.getByTestId('approval-submit').click();
    const wrong = page.getByTestId('approval-form').locator('.ant-form-item-explain-error');
    await expect.poll(() => wrong.textContent()).toBe('密码不正确');
    await desk.stillShot(page, 'settle-03-approval-wrong');
    // Given up: Esc closes the approval, then the line's form; nothing changed.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('approval-form').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('wo-charge-form').count()).toBe(0);
    const saved = await rpc(page, 'workOrders.get', { id: orderId });
    expect(saved.charges.find((c) => c.itemCode === 'JC')?.amount).toBe(3000);
    await page.context().close();
  });

  it('the clerk settles with a discount above the limit: the manager approves with a password', async () => {
    const page = await desk.signedIn(CLERK);
    await openOrder(page, orderId);
    await page.getByTestId('wo-settle').click();
    await page.getByTestId('settle-page').waitFor();
    await expect.poll(() => textOf(page, 'settlement-subtotal')).toBe(SUBTOTAL);

    // The warranty line: ¥0.00 to the customer, its list amount struck through, tagged 保修.
    const battery = page.getByTestId(`settlement-line-${BATTERY.code}`);
    expect(await battery.getByTestId('settlement-line-amount').textContent()).toBe('¥0.00');
    expect(await battery.getByTestId('settlement-line-list').textContent()).toBe('¥150.00');
    expect(await battery.getByTestId('settlement-line-covered').textContent()).toBe('保修');
    expect(await textOf(page, 'settlement-warranty-value')).toBe('¥150.00');
    expect(await page.locator('[data-testid^="settlement-line-"][data-kind]').count()).toBe(5);

    // ¥100 off: 15 %, above the 10 % limit.
    await page.getByTestId('settle-discount-type').getByText('减免金额').click();
    await page.getByTestId('settle-discount-amount').fill('100');
    await expect.poll(() => textOf(page, 'settlement-total')).toBe(TOTAL);
    expect(await textOf(page, 'settlement-discount')).toBe('-¥100.00');
    expect(await textOf(page, 'settlement-in-words')).toBe(IN_WORDS);
    await page.getByTestId('settle-needs-approval').waitFor();
    await page.getByTestId('settle-note').fill('老客户优惠');
    await desk.stillShot(page, 'settle-04-preview');

    await page.getByTestId('settle-submit').click();
    await approvalAsked(page, 'settle');
    expect(await textOf(page, 'approval-what')).toContain('折扣超过上限');
    await page.getByTestId('approval-username').fill(MANAGER.username);
    await page.getByTestId('approval-password').fill(MANAGER.password);
    await desk.stillShot(page, 'settle-05-approval');
    await page.getByTestId('approval-submit').click();

    await page.getByTestId('settlement-page').waitFor();
    settlementNo = (await textOf(page, 'settlement-no')).replace(/^结算单\s*/, '');
    settlementId = new URL(page.url()).hash.split('/').pop() ?? '';
    expect(settlementNo).toMatch(/BJ01-\d{8}-\d{4}$/);
    expect(await page.getByTestId('settlement-status').getAttribute('data-status')).toBe('unpaid');
    expect(await textOf(page, 'settlement-discount-approver')).toBe(MANAGER.displayName);
    expect(await textOf(page, 'settlement-order')).toBe(orderNo);
    expect(await textOf(page, 'settlement-balance')).toBe(TOTAL);
    expect(await textOf(page, 'settlement-in-words')).toBe(IN_WORDS);
    const saved = await rpc(page, 'settlements.get', { id: settlementId });
    expect(saved).toMatchObject({
      total: 56000,
      discountAmount: 10000,
      subtotal: 66000,
      warrantyValue: 15000,
    });
    await page.context().close();
  });

  it('the lines are locked on the order while the settlement stands', async () => {
    const page = await desk.signedIn(CLERK);
    await openOrder(page, orderId);
    await page.getByTestId('wo-charges-locked').waitFor();
    expect(await page.getByTestId('wo-charge-add').count()).toBe(0);
    expect(await page.getByTestId('wo-part-add').count()).toBe(0);
    expect(await page.getByTestId('wo-settlement').getAttribute('data-payment')).toBe('unpaid');
    expect(await page.getByTestId('wo-settle').count()).toBe(0);
    await desk.stillShot(page, 'settle-06-order-locked');
    // Delivery before payment is refused with the server's reason.
    await page.getByTestId('wo-move-delivered').click();
    await page.getByTestId('wo-move-error').waitFor();
    expect(await textOf(page, 'wo-move-error')).toContain(`还有 ¥560.00 未收`);
    expect((await rpc(page, 'workOrders.get', { id: orderId })).status).toBe('ready');
    await page.context().close();
  });

  it('takes ¥200 in cash with change, then the rest by WeChat: paid', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/settlements/${settlementId}`);
    await page.getByTestId('settlement-page').waitFor();
    await page.getByTestId('settlement-pay').click();
    await modalOpen(page, 'pay-form');
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('560.00');
    await page.getByTestId('pay-amount').fill('200');
    await page.getByTestId('pay-tendered').fill('500');
    await expect.poll(() => textOf(page, 'pay-change')).toBe('¥300.00');
    await desk.stillShot(page, 'settle-07-pay-cash');
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => page.getByTestId('pay-form').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('settlement-status').getAttribute('data-status'))
      .toBe('partlyPaid');
    expect(await textOf(page, 'settlement-balance')).toBe('¥360.00');
    expect(await textOf(page, 'payment-cash')).toBe('¥500.00 / ¥300.00');

    await page.getByTestId('settlement-pay').click();
    await modalOpen(page, 'pay-form');
    await page.locator('label', { has: page.getByTestId('pay-method-wechat') }).click();
    expect(await page.getByTestId('pay-amount').inputValue()).toBe('360.00');
    await expect.poll(() => page.getByTestId('pay-tendered').count()).toBe(0);
    await page.getByTestId('pay-reference').fill('4200001234202611230001');
    await page.getByTestId('pay-submit').click();
    await expect.poll(() => page.getByTestId('pay-form').count()).toBe(0);
    await expect.poll(() => page.getByTestId('settlement-status').getAttribute('data-status')).toBe('paid');
    expect(await textOf(page, 'settlement-balance')).toBe('¥0.00');
    expect(await page.getByTestId('settlement-pay').isDisabled()).toBe(true);
    const rows = page.getByTestId('payment-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-method')).toBe('cash');
    expect(await rows.nth(1).getAttribute('data-method')).toBe('wechat');
    await desk.stillShot(page, 'settle-08-paid');
    await page.context().close();
  });

  it('prints the A5 结算单 from the settlement page', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/settlements/${settlementId}`);
    await page.getByTestId('settlement-page').waitFor();
    await page.getByTestId('settlement-print-settlement-a5').click();
    await page.locator('[data-testid="print-root"][data-print-ready="true"]').waitFor({ timeout: 20_000 });
    expect(page.url()).toContain(`#/print/settlement-a5/${settlementId}`);
    const printed = (await page.getByTestId('print-root').textContent()) ?? '';
    expect(printed).toContain(IN_WORDS);
    expect(printed).toContain(settlementNo);
    await desk.stillShot(page, 'settle-09-print-a5');
    await page.context().close();
  });

  it('delivers the paid order from the settlement page', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/settlements/${settlementId}`);
    await page.getByTestId('settlement-deliver').click();
    await expect
      .poll(async () => (await rpc(page, 'workOrders.get', { id: orderId })).status)
      .toBe('delivered');
    await expect.poll(() => page.getByTestId('settlement-deliver').count()).toBe(0);
    expect(await page.getByTestId('settlement-order-status').textContent()).toContain('已交付');
    await desk.stillShot(page, 'settle-10-delivered');

    // The order's timeline tells the story: the settlement, both payments.
    await openOrder(page, orderId);
    const events = page.locator('[data-testid="wo-event"][data-kind="settlement"]');
    await expect.poll(() => events.count()).toBe(3);
    expect(await events.nth(0).textContent()).toContain('收款 ¥360.00（微信）');
    expect(await events.nth(1).textContent()).toContain('实收 ¥500.00，找零 ¥300.00');
    expect(await events.nth(2).textContent()).toContain(`结算单 ${settlementNo}，应收 ${TOTAL}`);
    expect(await events.nth(2).textContent()).toContain(`主管授权：${MANAGER.username}`);
    await desk.stillShot(page, 'settle-11-order-timeline');
    await page.context().close();
  });

  it('the list finds the settlement; 日结 shows exactly the two payments, by method and by user', async () => {
    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-settlements').click();
    await page.getByTestId('nav-settlementList').click();
    await page.getByTestId('settlements-table').waitFor();
    await page.getByTestId('settlements-search').fill(settlementNo);
    const row = page.getByTestId(`settlement-row-${settlementNo}`);
    await row.waitFor();
    await expect.poll(() => page.locator('[data-testid^="settlement-row-"]').count()).toBe(1);
    expect(await row.getByTestId('settlement-status').getAttribute('data-status')).toBe('paid');
    await page.getByTestId('settlements-search').fill('');
    await expect.poll(() => page.locator('[data-testid^="settlement-row-"]').count()).toBe(2);
    await desk.stillShot(page, 'settle-12-list');

    await page.getByTestId('nav-dayClose').click();
    const day = page.getByTestId('day-close-page');
    await day.waitFor();
    expect(await day.getAttribute('data-date')).toBe(today);
    await expect.poll(() => day.getAttribute('data-closed')).toBe('false');
    const payments = page.getByTestId('day-payments-row');
    await expect.poll(() => payments.count()).toBe(2);
    expect(await payments.nth(0).getAttribute('data-method')).toBe('cash');
    expect(await payments.nth(1).getAttribute('data-method')).toBe('wechat');
    expect(await page.getByTestId('day-method-cash').getByTestId('day-method-amount').textContent()).toBe(
      '¥200.00',
    );
    expect(await page.getByTestId('day-method-wechat').getByTestId('day-method-amount').textContent()).toBe(
      '¥360.00',
    );
    expect(await page.locator('[data-testid^="day-method-"][class~="day-method-row"]').count()).toBe(2);
    expect(await page.getByTestId('day-by-user').textContent()).toContain(CLERK.displayName);
    expect(await textOf(page, 'day-total')).toBe(TOTAL);
    expect(await page.getByTestId('day-refunds-row').count()).toBe(0);
    await desk.stillShot(page, 'settle-13-day-close');

    // Close the day; it shows closed with its history.
    await page.getByTestId('day-close').click();
    await modalOpen(page, 'day-close-confirm-form');
    await page.getByTestId('day-close-confirm-submit').click();
    await expect.poll(() => day.getAttribute('data-closed')).toBe('true');
    expect(await textOf(page, 'day-status')).toBe('已日结');
    expect(await page.getByTestId('day-history').textContent()).toContain(CLERK.displayName);
    await desk.stillShot(page, 'settle-14-day-closed');
    await page.context().close();
  });

  it('after the close, a further payment is refused with the reason', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/settlements/${otherSettlementId}`);
    await page.getByTestId('settlement-page').waitFor();
    await page.getByTestId('settlement-pay').click();
    await modalOpen(page, 'pay-form');
    await page.getByTestId('pay-submit').click();
    await page.getByTestId('pay-error').waitFor();
    expect(await textOf(page, 'pay-error')).toBe(
      `${today} 已日结，当天的收付款不能再变动；须由店长重新打开。`,
    );
    await desk.stillShot(page, 'settle-15-pay-refused');
    const other = await rpc(page, 'settlements.get', { id: otherSettlementId });
    expect(other.payments).toEqual([]);
    await page.context().close();
  });

  it('reads in English too: the settlement and the day close', async () => {
    const page = await desk.signedIn(MANAGER);
    await page.getByTestId('lang-en-US').click();
    await page.goto(`${desk.server.origin}/#/settlements/${settlementId}`);
    await page.getByTestId('settlement-page').waitFor();
    expect(await textOf(page, 'settlement-status')).toBe('Paid');
    expect(await page.getByTestId(`settlement-line-${BATTERY.code}`).textContent()).toContain('Warranty');
    await desk.stillShot(page, 'settle-16-settlement-en');
    await page.goto(`${desk.server.origin}/#/day-close`);
    await expect.poll(() => page.getByTestId('day-close-page').getAttribute('data-closed')).toBe('true');
    expect(await textOf(page, 'day-status')).toBe('Closed');
    await desk.stillShot(page, 'settle-17-day-close-en');
    await page.context().close();
  });

  it('a manager reopens the day; a refund and a void each take the manager password', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/day-close?date=${today}`);
    const day = page.getByTestId('day-close-page');
    await expect.poll(() => day.getAttribute('data-closed')).toBe('true');
    await page.getByTestId('day-reopen').click();
    await modalOpen(page, 'day-reopen-form');
    await page.getByTestId('day-reopen-reason').fill('漏记一笔退款');
    await expect.poll(() => page.getByTestId('day-reopen-reason').inputValue()).toBe('漏记一笔退款');
    await page.getByTestId('day-reopen-submit').click();
    await approvalAsked(page, 'day-reopen');
    expect(await textOf(page, 'approval-what')).toContain('重新打开已日结的日期');
    await managerApproves(page, 'day-reopen');
    await expect.poll(() => day.getAttribute('data-closed')).toBe('false');
    expect(await page.getByTestId('day-history').textContent()).toContain('漏记一笔退款');

    // ¥50 back in cash: a negative payment, in red, with its reason.
    await page.goto(`${desk.server.origin}/#/settlements/${settlementId}`);
    await page.getByTestId('settlement-refund').click();
    await modalOpen(page, 'refund-form');
    expect(await page.getByTestId('refund-amount').inputValue()).toBe('200.00');
    await page.getByTestId('refund-amount').fill('50');
    await page.getByTestId('refund-reason').fill('屏幕有轻微色差，退部分款');
    await page.getByTestId('refund-submit').click();
    await managerApproves(page, 'refund');
    await expect.poll(() => page.getByTestId('payment-row').count()).toBe(3);
    expect(await page.getByTestId('payment-row').nth(2).getByTestId('payment-amount').textContent()).toBe(
      '-¥50.00',
    );
    expect(await textOf(page, 'settlement-paid')).toBe('¥510.00');
    await desk.stillShot(page, 'settle-18-refund');

    // The unpaid settlement of the other order is voided.
    await page.goto(`${desk.server.origin}/#/settlements/${otherSettlementId}`);
    await page.getByTestId('settlement-void').click();
    await modalOpen(page, 'void-form');
    await page.getByTestId('void-reason').fill('客户改为保内处理');
    await page.getByTestId('void-submit').click();
    await managerApproves(page, 'void');
    await expect.poll(() => page.getByTestId('settlement-page').getAttribute('data-status')).toBe('void');
    expect(await textOf(page, 'settlement-voided')).toContain('客户改为保内处理');
    await desk.stillShot(page, 'settle-19-void');

    await page.goto(`${desk.server.origin}/#/day-close?date=${today}`);
    await expect.poll(() => page.getByTestId('day-refunds-row').count()).toBe(1);
    await expect.poll(() => textOf(page, 'day-total')).toBe('¥510.00');
    expect(await page.getByTestId('day-voids').textContent()).toContain('客户改为保内处理');
    await desk.stillShot(page, 'settle-20-day-after');
    await page.context().close();
  });

  it('设置 → 收费设置: the admin adds a service item and changes the rounding', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('settings-billing-form');
    await form.waitFor();
    expect(await form.getByTestId('billing-item-code').count()).toBe(4);
    await page.getByTestId('billing-item-add').click();
    const added = page.getByTestId('billing-item-4');
    await added.getByTestId('billing-item-code').fill('qx');
    await added.getByTestId('billing-item-name').fill('清洁保养');
    await added.getByTestId('billing-item-price').fill('25');
    await added.getByTestId('billing-item-hours').fill('0.5');
    await page.getByTestId('billing-rounding-unit').getByText('抹到角').click();
    await page.getByTestId('billing-discount-limit').fill('15');
    await page.getByTestId('settings-billing-submit').click();
    await expect.poll(async () => (await rpc(page, 'settings.get', {})).billing.serviceItems.length).toBe(5);
    const billing = (await rpc(page, 'settings.get', {})).billing;
    expect(billing.serviceItems[4]).toEqual({
      code: 'QX',
      name: '清洁保养',
      kind: 'labor',
      price: 2500,
      hours: 0.5,
      active: true,
    });
    expect(billing).toMatchObject({ roundingUnit: 'jiao', discountLimitPercent: 15 });
    await form.scrollIntoViewIfNeeded();
    await desk.stillShot(page, 'settle-21-billing-settings');
    await page.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
