import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalOpen, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'complaint-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };
const HOUR = 3_600_000;

let desk: Desk;
let orderId = '';
let orderNo = '';
let customerId = '';
let deviceIdOf = '';

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  // The clock jumps hours ahead: the screen must not lock meanwhile.
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  const seeded = await customerWithDevice(
    page,
    { name: '周杰', level: '普通', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  customerId = seeded.customerId;
  deviceIdOf = seeded.deviceId;
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId: seeded.deviceId,
    reportedFault: '屏幕摔裂',
    technicianId: techId,
  });
  orderId = order.id;
  orderNo = order.orderNo;
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'diagnosing' });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

/** Open a move's form from the complaint's page, type its note, and wait until the form is open. */
async function openMove(page: Page, to: string, note: string): Promise<void> {
  await page.getByTestId(`complaint-move-${to}`).click();
  await modalOpen(page, 'complaint-move-form');
  await page.getByTestId('complaint-move-note').fill(note);
}

async function submitMove(page: Page, status: string): Promise<void> {
  await page.getByTestId('complaint-move-submit').click();
  await expect.poll(() => page.getByTestId('complaint-move-form').count()).toBe(0);
  await expect
    .poll(() =>
      page.getByTestId('complaint-page').getByTestId('complaint-status').first().getAttribute('data-status'),
    )
    .toBe(status);
}

describe('the deadlines in settings', () => {
  it('the admin sets the hours of a critical complaint; one taken afterwards is due by them', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.goto(`${desk.server.origin}/#/settings`);
    const form = page.getByTestId('settings-complaints-form');
    await form.scrollIntoViewIfNeeded();
    expect(await page.getByTestId('settings-complaint-critical-first').inputValue()).toBe('2');
    // A first response due after the resolution is refused on the spot.
    await page.getByTestId('settings-complaint-critical-first').fill('30');
    await page.getByTestId('settings-complaints-save').click();
    await form.locator('.ant-form-item-explain-error').first().waitFor();
    await desk.stillShot(page, 'complaint-00-settings-refused');
    await page.getByTestId('settings-complaint-critical-first').fill('4');
    await page.getByTestId('settings-complaint-critical-resolution').fill('48');
    await page.getByTestId('settings-complaints-save').click();
    await expect
      .poll(async () => (await rpc(page, 'settings.get', {})).afterSales.complaintHours.critical)
      .toEqual({ firstResponse: 4, resolution: 48 });
    // The other after-sales settings are left as they were.
    expect((await rpc(page, 'settings.get', {})).afterSales.followUpMaxAttempts).toBe(3);
    const taken = await rpc(page, 'complaints.create', {
      customerId,
      category: 'dataLoss',
      severity: 'critical',
      description: '照片全没了',
    });
    expect([taken.firstResponseDue - taken.createdAt, taken.resolutionDue - taken.createdAt]).toEqual([
      4 * HOUR,
      48 * HOUR,
    ]);
    await rpc(page, 'complaints.move', {
      id: taken.id,
      version: taken.version,
      to: 'withdrawn',
      note: '客户找到备份',
    });
    // Back to the defaults for the tests that follow.
    await rpc(page, 'settings.update', {
      afterSales: {
        complaintHours: {
          minor: { firstResponse: 24, resolution: 168 },
          major: { firstResponse: 8, resolution: 72 },
          critical: { firstResponse: 2, resolution: 24 },
        },
      },
    });
    await page.context().close();
  });
});

describe('a complaint taken at the counter', () => {
  it('is registered from the order, worked, answered and closed with the customer’s confirmation', async () => {
    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-complaints').waitFor();
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-complaint').click();

    // The form opens with the order's customer and the order filled in.
    await modalOpen(page, 'complaint-form');
    await expect.poll(() => page.getByTestId('complaint-customer').textContent()).toContain('周杰');
    await expect.poll(() => page.getByTestId('complaint-order').textContent()).toContain(orderNo);
    await page.getByTestId('complaint-category-timeliness').click();
    await page.getByTestId('complaint-severity-major').click();
    await page.getByTestId('complaint-description').fill('说好今天修好，来了还没修，态度也不好');
    await desk.stillShot(page, 'complaint-01-form');
    await page.getByTestId('complaint-submit').click();

    // The complaint's page: 已受理, a deadline counting down, one step.
    await page.getByTestId('complaint-page').waitFor();
    const complaintNo = ((await page.getByTestId('complaint-no').textContent()) ?? '').trim();
    expect(complaintNo).toMatch(/^TS-BJ01-\d{8}-\d{4}$/);
    expect(await page.getByTestId('complaint-status').first().getAttribute('data-status')).toBe('received');
    expect(await page.getByTestId('complaint-order-link').textContent()).toBe(orderNo);
    expect(await page.getByTestId('complaint-first-response-due').getAttribute('data-overdue')).toBe('false');
    expect(await page.getByTestId('complaint-first-response-due').textContent()).toContain('剩余');
    await desk.stillShot(page, 'complaint-02-received');

    await openMove(page, 'inProgress', '已致电客户致歉，安排优先维修');
    await submitMove(page, 'inProgress');
    expect(await page.getByTestId('complaint-first-response-due').textContent()).toContain('已于');

    await openMove(page, 'awaitingConfirmation', '向客户当面道歉，说明延误原因');
    await page.getByTestId('complaint-resolution-apology').click();
    await submitMove(page, 'awaitingConfirmation');
    expect(await page.getByTestId('complaint-resolution').textContent()).toContain('道歉');

    // Closing without saying how the customer confirmed is refused by the form; nothing moves.
    await openMove(page, 'closed', '客户表示满意');
    expect(await page.getByTestId('complaint-confirmed-by').inputValue()).toBe('周杰');
    await page.getByTestId('complaint-move-submit').click();
    await page.locator('.ant-form-item-explain-error').first().waitFor();
    await desk.stillShot(page, 'complaint-03-confirmation-required');
    await page.getByTestId('complaint-confirmed-how').fill('电话回访确认满意');
    await submitMove(page, 'closed');
    expect(await page.getByTestId('complaint-confirmation').textContent()).toContain(
      '周杰（电话回访确认满意）',
    );
    await page.getByTestId('complaint-finished').waitFor();
    expect(await page.getByTestId('complaint-step').count()).toBe(4);
    await desk.stillShot(page, 'complaint-04-closed');

    // The order's timeline names each step of the complaint.
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-timeline').waitFor();
    const entries = page.locator('[data-testid="wo-event"][data-kind="complaint"]');
    await expect.poll(() => entries.count()).toBe(4);
    expect(await entries.first().textContent()).toContain(`投诉 ${complaintNo}：已关闭`);
    await desk.stillShot(page, 'complaint-05-order-timeline');

    const saved = await rpc(page, 'complaints.list', { workOrderId: orderId });
    expect(saved.rows).toMatchObject([
      { complaintNo, status: 'closed', category: 'timeliness', severity: 'major' },
    ]);
    await page.context().close();
  });

  it('answered with a rework: the rework order is opened in the same step and linked', async () => {
    const page = await desk.signedIn(CLERK);
    // An order repaired, paid and handed back: the customer comes back with the same fault.
    const delivered = await rpc(page, 'workOrders.create', {
      customerId,
      deviceId: deviceIdOf,
      reportedFault: '不充电',
    });
    for (const to of ['diagnosing', 'inRepair'] as const) {
      await rpc(page, 'workOrders.transition', { id: delivered.id, to });
    }
    await rpc(page, 'workOrders.addCharge', { id: delivered.id, itemCode: 'JC' });
    for (const to of ['qc', 'ready'] as const) {
      await rpc(page, 'workOrders.transition', { id: delivered.id, to });
    }
    const settlement = await rpc(page, 'settlements.create', { id: delivered.id });
    await rpc(page, 'settlements.pay', {
      settlementId: settlement.id,
      method: 'cash',
      amount: settlement.total,
      tendered: settlement.total,
    });
    await rpc(page, 'workOrders.transition', { id: delivered.id, to: 'delivered' });
    const taken = await rpc(page, 'complaints.create', {
      customerId,
      workOrderId: delivered.id,
      category: 'quality',
      severity: 'minor',
      description: '刚取回又不充电了',
    });
    await rpc(page, 'complaints.move', {
      id: taken.id,
      version: taken.version,
      to: 'inProgress',
      note: '约客户到店',
    });

    await page.goto(`${desk.server.origin}/#/complaints/${taken.id}`);
    await page.getByTestId('complaint-page').waitFor();
    await openMove(page, 'awaitingConfirmation', '免费返修充电口');
    await page.getByTestId('complaint-resolution-rework').click();
    await page.getByTestId('complaint-rework-fault').fill('充电口接触不良，返修');
    await desk.stillShot(page, 'complaint-08-rework-form');
    await submitMove(page, 'awaitingConfirmation');
    const link = page.getByTestId('complaint-rework-link');
    const reworkNo = ((await link.textContent()) ?? '').trim();
    expect(reworkNo).toMatch(/^BJ01-\d{8}-\d{4}$/);
    expect(reworkNo).not.toBe(delivered.orderNo);
    await desk.stillShot(page, 'complaint-09-rework-linked');
    await link.click();
    await page.getByTestId('wo-rework-link').waitFor();
    expect(await page.getByTestId('wo-rework-link').textContent()).toContain(delivered.orderNo);
    await page.context().close();
  });

  it('one left unanswered turns red once the clock passes its first-response deadline', async () => {
    const page = await desk.signedIn(CLERK);
    const late = await rpc(page, 'complaints.create', {
      customerId,
      channel: 'phone',
      category: 'quality',
      severity: 'critical',
      description: '电话投诉：修好的手机又黑屏',
    });
    await page.goto(`${desk.server.origin}/#/complaints`);
    const row = page.getByTestId(`complaint-row-${late.complaintNo}`);
    await row.waitFor();
    expect(await row.getAttribute('data-overdue')).toBe('false');

    // A minute past the two hours a critical complaint has for its first response.
    await desk.clock.set(late.firstResponseDue + 60_000);
    await page.reload();
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-overdue')).toBe('true');
    expect(await row.getByTestId('complaint-overdue-firstResponse').count()).toBe(1);
    expect(await row.getByTestId('complaint-overdue-resolution').count()).toBe(0);

    // The overdue filter keeps it and drops the closed one.
    await page.getByTestId('complaints-overdue').click();
    await expect.poll(() => page.locator('[data-testid^="complaint-row-"]').count()).toBe(1);
    await desk.stillShot(page, 'complaint-06-overdue-list');

    await row.click();
    await page.getByTestId('complaint-page').waitFor();
    expect(await page.getByTestId('complaint-first-response-due').getAttribute('data-overdue')).toBe('true');
    expect(await page.getByTestId('complaint-first-response-due').textContent()).toContain('已超时');
    expect(await page.getByTestId('complaint-resolution-due').getAttribute('data-overdue')).toBe('false');
    await desk.stillShot(page, 'complaint-07-overdue-detail');

    // Past the resolution deadline too (24 hours): both flags.
    await desk.clock.set(late.resolutionDue + HOUR);
    await page.reload();
    await page.getByTestId('complaint-page').waitFor();
    await expect
      .poll(() => page.getByTestId('complaint-resolution-due').getAttribute('data-overdue'))
      .toBe('true');
    await page.context().close();
  });
});

describe('the screens said nothing to the console', () => {
  // Runs last (vitest keeps file order): the pages of every test above are covered.
  it('no warning or error from React or antd on the complaint screens', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
