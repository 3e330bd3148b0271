import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';
import { printToPdf } from './pdf';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'appt-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

let desk: Desk;
let clerk: Page;
let techId = '';
let customerId = '';
let deviceId = '';
let appointmentId = '';
/** The day the appointment is for: the day after the clock's "today" at the start. */
let bookedDay = dayjs(0);

async function focused(page: Page): Promise<string | null> {
  const element = page.locator(':focus');
  return (await element.count()) === 1 ? element.getAttribute('data-testid') : null;
}

/** Whether the focus is on `testId` or inside it (an antd Select puts its test id on the wrapper). */
function focusWithin(page: Page, testId: string): Promise<boolean> {
  return page
    .locator(`[data-testid="${testId}"]:focus, [data-testid="${testId}"] :focus`)
    .count()
    .then((n) => n > 0);
}

/** Tab through the page, as a clerk would, until `testId` has the focus. */
async function tabTo(page: Page, testId: string, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    if (await focusWithin(page, testId)) return;
    await page.keyboard.press('Tab');
  }
  expect(await focusWithin(page, testId)).toBe(true);
}

beforeAll(async () => {
  desk = await startDesk();
  // 17:30 today, whatever hour the suite starts at: the shop's last slot (17:00) has begun, so the
  // booking form's first free slot is tomorrow's 09:00.
  await desk.clock.set(desk.clock.today().hour(17).minute(30).valueOf());
  bookedDay = desk.clock.today(1);
  const page = await desk.open();
  ({ techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  await rpc(page, 'settings.update', {
    security: { idleLockMinutes: 0 },
    appointments: {
      slotMinutes: 60,
      perTechnician: 1,
      perBay: 1,
      perSlot: 4,
      opensAt: '09:00',
      closesAt: '18:00',
      bays: ['1号工位', '2号工位'],
    },
  });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', level: '普通', phones: [{ phone: '13800138000', label: '手机' }] },
    { category: '汽车', brand: '比亚迪', model: '汉 EV', plateNo: '粤BD12345', vin: 'LSVAU218XN2183294' },
  ));
  // Another customer already booked with 陈工 at 10:00 tomorrow: the calendar is not empty.
  const other = await customerWithDevice(
    page,
    { name: '李四', level: '普通', phones: [{ phone: '13700137000', label: '手机' }] },
    { category: '汽车', brand: '吉利', model: '星越L' },
  );
  await rpc(page, 'appointments.book', {
    ...other,
    fault: '保养',
    serviceType: 'maintenance',
    startAt: bookedDay.hour(10).valueOf(),
    technicianId: techId,
    bay: '1号工位',
  });
  await page.context().close();
  clerk = await desk.signedIn(CLERK);
});
afterAll(() => desk?.close());

describe('预约: book by phone, convert at arrival', () => {
  it('books an appointment by phone: the customer found by phone tail, keyboard only', async () => {
    await clerk.getByTestId('nav-appointments').click();
    await clerk.getByTestId('appointments-page').waitFor();
    await clerk.getByTestId('appointments-book').click();
    await clerk.getByTestId('booking-steps').waitFor();
    await expect.poll(() => focused(clerk)).toBe('intake-customer-search');
    await clerk.keyboard.type('8000');
    await clerk.getByTestId(`intake-customer-${customerId}`).waitFor();
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('intake-device-list').waitFor();
    await expect.poll(() => focused(clerk)).toBe('intake-device-list');
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('booking-form').waitFor();
    await expect.poll(() => focused(clerk)).toBe('booking-fault');
    await clerk.keyboard.type('仪表盘故障灯亮，顺便做保养');
    // Tab on to the technician: 陈工 is free at 09:00.
    await tabTo(clerk, 'booking-technician');
    await clerk.keyboard.type('陈');
    await clerk.keyboard.press('Enter');
    await tabTo(clerk, 'booking-note');
    await clerk.keyboard.type('客户等车');
    await desk.shot(clerk, 'appointments-01-booking');
    await clerk.keyboard.press('Control+Enter');
    await clerk.getByTestId('booking-steps').waitFor({ state: 'detached' });

    const day = await rpc(clerk, 'appointments.list', { day: bookedDay.format('YYYY-MM-DD') });
    const mine = day.rows.find((r) => r.customerId === customerId);
    expect(mine).toMatchObject({
      state: 'booked',
      startAt: bookedDay.hour(9).valueOf(),
      endAt: bookedDay.hour(10).valueOf(),
      fault: '仪表盘故障灯亮，顺便做保养',
      channel: 'phone',
      technicianId: techId,
      note: '客户等车',
      deviceLabel: '比亚迪 汉 EV',
    });
    appointmentId = mine?.id ?? '';
  });

  it('shows the day per technician and per bay, and the week', async () => {
    await clerk.getByRole('button', { name: 'right' }).click();
    const chip = clerk.getByTestId(`appt-${appointmentId}`);
    await chip.waitFor();
    expect(await chip.textContent()).toContain('张三');
    expect(await clerk.getByTestId('appointments-grid').textContent()).toContain('李四');
    await desk.stillShot(clerk, 'appointments-02-day-by-technician');
    await clerk.getByTestId('appointments-by').getByText('按工位').click();
    await expect.poll(() => clerk.getByTestId('appointments-grid').textContent()).toContain('1号工位');
    await desk.stillShot(clerk, 'appointments-03-day-by-bay');
    await clerk.getByTestId('appointments-view').getByText('周').click();
    await chip.waitFor();
    await desk.stillShot(clerk, 'appointments-04-week');
  });

  it('the call list shows tomorrow’s appointments to call', async () => {
    await clerk.getByTestId('appointments-call-list').click();
    const list = clerk.getByTestId('call-list');
    await list.waitFor();
    await expect.poll(() => list.textContent()).toContain('13800138000');
    expect(await list.textContent()).toContain('13700137000');
    await desk.stillShot(clerk, 'appointments-05-call-list');
    await clerk.keyboard.press('Escape');
    await list.waitFor({ state: 'hidden' });
  });

  it('another screen opens the booking form prefilled from the URL (the maintenance due list)', async () => {
    const q = new URLSearchParams({
      book: '1',
      customerId,
      deviceId,
      serviceType: 'maintenance',
      fault: '到期保养：更换机油',
    });
    await clerk.goto(`${desk.server.origin}/#/appointments?${q.toString()}`);
    await clerk.getByTestId('booking-form').waitFor();
    expect(await clerk.getByTestId('booking-fault').inputValue()).toBe('到期保养：更换机油');
    expect(await clerk.getByTestId('booking-customer').textContent()).toContain('张三');
    expect(await clerk.getByTestId('booking-device').textContent()).toContain('汉 EV');
    expect(await clerk.getByTestId('booking-service-type').textContent()).toContain('保养');
    await clerk.getByTestId('booking-close').click();
    await clerk.getByTestId('booking-form').waitFor({ state: 'detached' });
    expect(new URL(clerk.url()).hash).toBe('#/appointments');
  });

  it('at arrival the appointment becomes a work order, keyboard only, with the car’s mileage; the intake form prints plate and mileage', async () => {
    await desk.clock.set(bookedDay.hour(8).minute(50).valueOf());
    await clerk.goto(`${desk.server.origin}/#/`);
    const today = clerk.getByTestId('home-appointments');
    await expect.poll(() => today.textContent()).toContain('张三');
    await desk.stillShot(clerk, 'appointments-06-home-today');

    await clerk.goto(`${desk.server.origin}/#/appointments`);
    await clerk.getByTestId(`appt-${appointmentId}`).waitFor();
    await tabTo(clerk, `appt-${appointmentId}`);
    await clerk.keyboard.press('Enter');
    await clerk.getByTestId('appointment-drawer').waitFor();
    await expect.poll(() => focused(clerk)).toBe('appointment-arrive');
    await clerk.keyboard.press('Enter');

    await clerk.getByTestId('intake-order-form').waitFor();
    await clerk.getByTestId('intake-appointment').waitFor();
    expect(await clerk.getByTestId('intake-appointment').textContent()).toContain('客户等车');
    await expect.poll(() => focused(clerk)).toBe('intake-fault');
    expect(await clerk.getByTestId('intake-fault').inputValue()).toBe('仪表盘故障灯亮，顺便做保养');
    expect(await clerk.getByTestId('intake-chosen-customer').textContent()).toContain('张三');
    expect(await clerk.getByTestId('intake-chosen-device').textContent()).toContain('汉 EV');
    // A car: the odometer is asked at intake, and saving without it changes nothing.
    await clerk.keyboard.press('Control+Enter');
    await expect.poll(() => clerk.locator('#intakeOrder_mileageKm_help').textContent()).toBeTruthy();
    expect((await rpc(clerk, 'appointments.get', { id: appointmentId })).state).toBe('booked');
    await tabTo(clerk, 'intake-mileage');
    await clerk.keyboard.type('48230');
    await desk.stillShot(clerk, 'appointments-07-intake-prefilled');
    await clerk.keyboard.press('Control+Enter');
    await clerk.getByTestId('wo-created').waitFor();

    const a = await rpc(clerk, 'appointments.get', { id: appointmentId });
    expect(a).toMatchObject({ state: 'arrived' });
    const order = await rpc(clerk, 'workOrders.get', { id: a.workOrderId ?? '' });
    expect(order).toMatchObject({
      customerId,
      deviceId,
      reportedFault: '仪表盘故障灯亮，顺便做保养',
      serviceType: 'repair',
      channel: 'phone',
      technicianId: techId,
    });
    expect(order.events.some((e) => e.kind === 'note' && e.note === '客户等车')).toBe(true);
    expect(order.intakeMileage).toEqual({ km: 48_230, reason: '' });
    expect(a.orderNo).toBe(order.orderNo);

    // The intake receipt: two A5 copies, each with the plate and the mileage.
    const receipt = await printToPdf(desk, clerk, `intake-a5/${order.id}`, 'appointments-08-intake-a5');
    expect(receipt.pages).toBe(2);
    for (const words of ['粤BD12345', '进厂里程', '48,230 公里', order.orderNo]) {
      expect(receipt.text.split(words).length - 1, words).toBe(2);
    }
  });
});
