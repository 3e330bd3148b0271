import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';
import { printToPdf } from './pdf';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'maint-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

let desk: Desk;
let admin: Page;
let techId = '';
let customerId = '';
let carId = '';
/** The server's day when the plans were made (the fake clock's). */
let today = '';

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  desk = await startDesk();
  admin = await desk.open();
  ({ techId } = await setUpShop(admin, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  await rpc(admin, 'settings.update', { security: { idleLockMinutes: 0 } });
  ({ customerId, deviceId: carId } = await customerWithDevice(
    admin,
    { name: '陈明', phones: [{ phone: '13812345678', label: '手机' }] },
    { category: '汽车', brand: '比亚迪', model: '秦PLUS', plateNo: '京A12345' },
  ));
  today = desk.clock.today().format('YYYY-MM-DD');
  // A fridge whose maker's warranty ends in 10 days: on the call list.
  await rpc(admin, 'devices.create', {
    customerId,
    category: '其他',
    brand: '海尔',
    model: 'BCD-470',
    purchaseDate: desk.clock.today(-355).format('YYYY-MM-DD'),
    warranty: { end: desk.clock.today(10).format('YYYY-MM-DD') },
  });
  const daysAgo = (n: number) => desk.clock.today(-n).format('YYYY-MM-DD');
  // 机油保养: every 180 days or 5,000 km, last done 200 days ago at 20,000 km → overdue by the day.
  await rpc(admin, 'maintenance.reportReading', { deviceId: carId, unit: 'km', value: 23_800 });
  await rpc(admin, 'maintenance.createPlan', {
    deviceId: carId,
    name: '机油保养',
    intervalDays: 180,
    intervalUsage: 5_000,
    unit: 'km',
    lastServiceOn: daysAgo(200),
    lastServiceReading: 20_000,
  });
  // 空调滤芯: yearly, last done 362 days ago → due in 3 days (this week).
  await rpc(admin, 'maintenance.createPlan', {
    deviceId: carId,
    name: '空调滤芯',
    intervalDays: 365,
    lastServiceOn: daysAgo(362),
  });
});
afterAll(() => desk?.close());

describe('保养: the due list, an item turned into a work order, a contract order settled as covered', () => {
  it('lists the plans by the server day and opens the intake prefilled from a due item', async () => {
    const clerk = await desk.signedIn(CLERK);
    await clerk.getByTestId('nav-maintenance').click();
    await clerk.getByTestId('due-list').waitFor();
    await expect.poll(() => clerk.getByTestId('due-list').getAttribute('data-today')).toBe(today);
    expect(await clerk.getByTestId('due-tab-overdue').getAttribute('data-count')).toBe('1');
    expect(await clerk.getByTestId('due-tab-week').getAttribute('data-count')).toBe('1');
    const row = clerk.getByTestId('due-row-机油保养');
    await row.waitFor();
    expect(await row.textContent()).toContain('13812345678');
    expect(await row.textContent()).toContain('比亚迪 秦PLUS');
    // The booking link goes to the appointments page with exactly the parameters it reads.
    const plans = await rpc(clerk, 'maintenance.plans', { deviceId: carId });
    const oil = plans.find((p) => p.name === '机油保养');
    const book = clerk.getByTestId(`due-book-${oil?.id ?? ''}`);
    expect(await book.getAttribute('href')).toBe(
      `#/appointments?book=1&customerId=${customerId}&deviceId=${carId}&serviceType=maintenance&fault=${encodeURIComponent('机油保养')}`,
    );
    await desk.stillShot(clerk, 'maintenance-due-list');

    await clerk.getByTestId('due-tab-week').click();
    await clerk.getByTestId('due-row-空调滤芯').waitFor();

    // 开工单 on the overdue item: the intake opens on the order step, fault and service type filled in.
    await clerk.getByTestId('due-tab-overdue').click();
    await clerk.getByTestId(`due-order-${oil?.id ?? ''}`).click();
    await clerk.getByTestId('intake-order-form').waitFor();
    expect(await clerk.getByTestId('intake-fault').inputValue()).toBe('机油保养');
    expect(await clerk.getByTestId('intake-service-type').textContent()).toContain('保养');
    // A car: its odometer at intake is the plan's reading too.
    await clerk.getByTestId('intake-mileage').fill('25100');
    await desk.stillShot(clerk, 'maintenance-intake-prefilled');
    await clerk.keyboard.press('Control+Enter');
    await clerk.waitForURL(/#\/work-orders\/[0-9a-f-]+$/);
    const orderId = clerk.url().split('/').pop() ?? '';
    const order = await rpc(clerk, 'workOrders.get', { id: orderId });
    expect(order).toMatchObject({
      customerId,
      deviceId: carId,
      serviceType: 'maintenance',
      reportedFault: '机油保养',
      intakeMileage: { km: 25_100, reason: '' },
    });
    const after = await rpc(clerk, 'maintenance.plans', { deviceId: carId });
    expect(after.find((p) => p.name === '机油保养')?.currentReading).toBe(25_100);
    await clerk.context().close();
  });

  it('a due item becomes an appointment: the booking form opens filled in and books in one step', async () => {
    const clerk = await desk.signedIn(CLERK);
    await clerk.goto(`${desk.server.origin}/#/maintenance`);
    await clerk.getByTestId('due-list').waitFor();
    await clerk.getByTestId('due-tab-week').click();
    const plans = await rpc(clerk, 'maintenance.plans', { deviceId: carId });
    const filter = plans.find((p) => p.name === '空调滤芯')?.id ?? '';
    await clerk.getByTestId(`due-book-${filter}`).click();
    await clerk.getByTestId('booking-form').waitFor();
    expect(await clerk.getByTestId('booking-fault').inputValue()).toBe('空调滤芯');
    expect(await clerk.getByTestId('booking-customer').textContent()).toContain('陈明');
    expect(await clerk.getByTestId('booking-device').textContent()).toContain('秦PLUS');
    expect(await clerk.getByTestId('booking-service-type').textContent()).toContain('保养');
    await desk.stillShot(clerk, 'maintenance-due-booking');
    const bookedAfter = desk.clock.now();
    await clerk.getByTestId('booking-fault').press('Control+Enter');
    await clerk.getByTestId('booking-form').waitFor({ state: 'detached' });
    // The first free slot is booked (tomorrow's or later, whatever the hour): look a few days around.
    const lists = await Promise.all(
      [-1, 0, 1, 2, 3].map((d) =>
        rpc(clerk, 'appointments.list', { day: desk.clock.today(d).format('YYYY-MM-DD') }),
      ),
    );
    const booked = lists.flatMap((l) => l.rows).filter((r) => r.customerId === customerId);
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      state: 'booked',
      deviceId: carId,
      serviceType: 'maintenance',
      fault: '空调滤芯',
    });
    expect(booked[0]?.startAt).toBeGreaterThan(bookedAfter);
    await clerk.context().close();
  });

  it('makes a contract in the UI; an order under it settles with its labor free and the fee billed', async () => {
    const manager = await desk.signedIn(ADMIN);
    await manager.goto(`${desk.server.origin}/#/maintenance?tab=contracts`);
    await manager.getByTestId('contracts').waitFor();
    await manager.getByTestId('contract-new').click();
    await manager.getByTestId('contract-form').waitFor();
    await manager.getByTestId('contract-customer').click();
    await manager.keyboard.type('5678');
    await manager.locator('.ant-select-item-option').filter({ hasText: '陈明' }).click();
    await manager.getByTestId('contract-devices').getByText('比亚迪 秦PLUS').click();
    await manager.getByTestId('contract-visits').fill('2');
    await manager.getByTestId('contract-covers').getByText('工时', { exact: true }).click();
    await manager.getByTestId('contract-save').click();
    await expect.poll(() => manager.getByTestId('contract-form').count()).toBe(0);
    const [contract] = await rpc(manager, 'contracts.list', { customerId });
    expect(contract).toMatchObject({ covers: 'labor', visits: 2, visitsUsed: 0, state: 'active' });
    const no = contract?.contractNo ?? '';
    expect(no).toMatch(/^HT-BJ01-\d{8}-0001$/);
    expect(await textOf(manager, `contract-visits-${no}`)).toBe('0 / 2');

    // 开工单 from the contract: the intake has the contract chosen.
    await manager.getByTestId(`contract-order-${no}-${carId}`).click();
    await manager.getByTestId('intake-order-form').waitFor();
    expect(await manager.getByTestId('intake-contract').textContent()).toContain(no);
    await manager.getByTestId('intake-fault').fill('年度保养（合同）');
    await manager.getByTestId('intake-mileage').fill('25100');
    await manager.keyboard.press('Control+Enter');
    await manager.waitForURL(/#\/work-orders\/[0-9a-f-]+$/);
    const orderId = manager.url().split('/').pop() ?? '';

    await rpc(manager, 'workOrders.assign', { id: orderId, technicianId: techId });
    for (const to of ['diagnosing', 'inRepair'] as const)
      await rpc(manager, 'workOrders.transition', { id: orderId, to });
    await rpc(manager, 'workOrders.addCharge', { id: orderId, itemCode: 'WX' });
    await rpc(manager, 'workOrders.addCharge', { id: orderId, itemCode: 'SM' });

    await manager.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await manager.getByTestId('wo-settle').click();
    await manager.getByTestId('settle-page').waitFor();
    // Labor ¥80 is covered by the contract: ¥0.00 to pay; the ¥50 on-site fee is billed.
    await expect.poll(() => textOf(manager, 'settlement-total')).toBe('¥50.00');
    const labor = manager.getByTestId('settlement-line-WX');
    expect(await labor.getByTestId('settlement-line-amount').textContent()).toBe('¥0.00');
    // The list amount struck through beside 合同, as a warranty line shows 保修.
    expect(await labor.getByTestId('settlement-line-contract').textContent()).toBe('合同');
    expect(await labor.getByTestId('settlement-line-list').textContent()).toBe('¥80.00');
    expect(
      await manager.getByTestId('settlement-line-SM').getByTestId('settlement-line-amount').textContent(),
    ).toBe('¥50.00');
    await desk.stillShot(manager, 'maintenance-contract-settlement');
    await manager.getByTestId('settle-submit').click();
    await manager.waitForURL(/#\/settlements\/[0-9a-f-]+$/);
    const settlement = await rpc(manager, 'settlements.get', { id: manager.url().split('/').pop() ?? '' });
    expect(settlement).toMatchObject({ subtotal: 5_000, total: 5_000, warrantyValue: 0 });
    // The printed settlement names the contract line and its list price; one A5 sheet.
    const sheet = await printToPdf(
      desk,
      manager,
      `settlement-a5/${settlement.id}`,
      'maintenance-settlement-a5',
    );
    expect(sheet.pages).toBe(1);
    expect(sheet.text).toMatch(/合同\s*维修工时/);
    expect(sheet.text).toContain('原价 ¥80.00');

    await manager.goto(`${desk.server.origin}/#/maintenance?tab=contracts`);
    await expect.poll(() => textOf(manager, `contract-visits-${no}`)).toBe('1 / 2');
    await desk.stillShot(manager, 'maintenance-contracts');
    await manager.goto(`${desk.server.origin}/#/maintenance?tab=warranty`);
    await manager.getByTestId('warranty-expiring').waitFor();
    await expect
      .poll(async () => (await manager.getByTestId('warranty-expiring').textContent()) ?? '')
      .toContain('海尔 BCD-470');
    await desk.stillShot(manager, 'maintenance-warranty-expiring');
    await manager.context().close();
  });
});
