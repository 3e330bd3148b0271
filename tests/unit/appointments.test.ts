import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { addDays, localDate, localMidnight } from '@shared/dates';
import { ORDER_CHANNEL_OF } from '@shared/schemas/appointments';
import { runOutbox } from '../../src/main/services/messages';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';
import { lookupOf, ProviderDouble } from './outboxDouble';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let app: TestApp;
let admin: Client;
let clerk: Client;
let tech: Client;
let techId: string;
let tech2Id: string;
let customerId: string;
let deviceId: string;
let otherCustomerId: string;
let otherDeviceId: string;

/** The shop's local day after the fake clock's today, at hh:mm — whatever the machine's zone. */
function tomorrowAt(hh: number, mm = 0): number {
  return localMidnight(addDays(localDate(app.clock.ms), 1)) + hh * HOUR + mm * MINUTE;
}

beforeEach(async () => {
  app = startApp();
  // 12:00 local today, whatever the zone: tomorrow's slots are in the future, quiet hours are over.
  app.clock.ms = localMidnight(localDate(app.clock.ms)) + 12 * HOUR;
  admin = await setUpShop(app);
  await admin.ok('settings.update', {
    security: { idleLockMinutes: 0 },
    shop: { name: '城东维修中心', branchCode: 'BJ01', phone: '010-88886666' },
    appointments: {
      slotMinutes: 60,
      perTechnician: 1,
      perBay: 1,
      perSlot: 3,
      opensAt: '09:00',
      closesAt: '18:00',
      bays: ['1号工位', '2号工位'],
    },
  });
  clerk = await signedInAs(app, admin, 'clerk');
  tech = await signedInAs(app, admin, 'technician', 'tech1');
  const techs = await clerk.ok('workOrders.technicians', {});
  techId = techs.find((t) => t.username === 'tech1')?.id ?? '';
  await signedInAs(app, admin, 'technician', 'tech2');
  tech2Id = (await clerk.ok('workOrders.technicians', {})).find((t) => t.username === 'tech2')?.id ?? '';
  customerId = insertCustomer(app, { name: '张三', phone: '13800138000' });
  deviceId = insertDevice(app, customerId, { brand: 'Apple', model: 'iPhone 13' });
  otherCustomerId = insertCustomer(app, { name: '李四', phone: '13900139000' });
  otherDeviceId = insertDevice(app, otherCustomerId);
});
afterEach(() => app.cleanup());

type Book = InputOf<'appointments.book'>;

function book(extra: Partial<Book> = {}, who: Client = clerk) {
  return who.call('appointments.book', {
    customerId,
    deviceId,
    fault: '屏幕碎了，想换屏',
    startAt: tomorrowAt(10),
    ...extra,
  });
}

async function booked(extra: Partial<Book> = {}): Promise<OutputOf<'appointments.book'>> {
  const r = await book(extra);
  if (!r.ok) expect.fail(JSON.stringify(r.error));
  return r.data;
}

/** Run a bad call and prove it left every table exactly as it was; returns the error. */
async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as { code: string; reason: string; params: Record<string, unknown>; details?: unknown };
}

function rows(query: string, ...params: unknown[]): Record<string, unknown>[] {
  return app.core.database.sqlite.prepare(query).all(...params) as Record<string, unknown>[];
}

describe('booking and the calendar', () => {
  it('books a slot of the settings’ length and lists it on its day, not on others', async () => {
    const a = await booked({ technicianId: techId, bay: '1号工位', channel: 'online', note: '客户下午有空' });
    expect(a).toMatchObject({
      state: 'booked',
      startAt: tomorrowAt(10),
      endAt: tomorrowAt(11),
      customerName: '张三',
      phone: '13800138000',
      deviceLabel: 'Apple iPhone 13',
      technicianName: 'technician 员工',
      bay: '1号工位',
      channel: 'online',
      late: false,
    });
    const day = await clerk.ok('appointments.list', { day: localDate(tomorrowAt(10)) });
    expect(day.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await clerk.ok('appointments.list', {})).rows).toEqual([]);
    const week = await clerk.ok('appointments.list', { day: localDate(app.clock.ms), days: 7 });
    expect(week.rows.map((r) => r.id)).toEqual([a.id]);
    expect(rows("SELECT action FROM audit_log WHERE entity = 'appointment'")).toEqual([{ action: 'create' }]);
  });

  it('the day view reads one range of the start index', () => {
    const plan = rows(
      `EXPLAIN QUERY PLAN SELECT * FROM appointments WHERE start_at >= ? AND start_at < ?`,
      0,
      1,
    );
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX appointments_start/);
  });
});

describe('slot capacity and overlaps are warned, and booked only when confirmed', () => {
  it('a technician already booked in an overlapping slot', async () => {
    await booked({ technicianId: techId });
    const error = await refused(() => book({ technicianId: techId, startAt: tomorrowAt(10, 30) }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      reason: 'appointmentCollides',
      params: { kind: 'technician', with: '10:00 张三' },
    });
    // Another technician, or the next slot, is free.
    await booked({ technicianId: tech2Id, startAt: tomorrowAt(10, 30) });
    await booked({ technicianId: techId, startAt: tomorrowAt(11) });
    // Confirmed: booked anyway, and the audit row says what it was confirmed over.
    const over = await booked({ technicianId: techId, startAt: tomorrowAt(10), confirmCollisions: true });
    const audit = rows('SELECT after FROM audit_log WHERE entity_id = ?', over.id)[0];
    expect(JSON.parse(String(audit?.after))).toMatchObject({ confirmedCollisions: ['technician'] });
  });

  it('a bay at its capacity, and a bay that is not on the list', async () => {
    await booked({ bay: '1号工位' });
    const error = await refused(() => book({ bay: '1号工位', startAt: tomorrowAt(9, 30) }));
    expect(error).toMatchObject({
      reason: 'appointmentCollides',
      params: { kind: 'bay', with: '10:00 张三' },
    });
    await booked({ bay: '2号工位', startAt: tomorrowAt(9, 30) });
    const unknown = await refused(() => book({ bay: '3号工位' }));
    expect(unknown).toMatchObject({ code: 'VALIDATION', reason: 'unknownBay', params: { bay: '3号工位' } });
  });

  it('the shop’s capacity per slot, whoever does the work', async () => {
    await booked();
    await booked({ customerId: otherCustomerId, deviceId: otherDeviceId });
    await booked({ slots: 2, startAt: tomorrowAt(9) });
    const error = await refused(() => book({ startAt: tomorrowAt(10) }));
    expect(error).toMatchObject({
      reason: 'appointmentCollides',
      params: { kind: 'slot', with: '09:00 张三、10:00 张三、10:00 李四' },
    });
    // A cancelled booking frees its place.
    const first = (await clerk.ok('appointments.list', { day: localDate(tomorrowAt(10)) })).rows[0];
    await clerk.ok('appointments.cancel', { id: first?.id ?? '', reason: '客户改期' });
    await booked({ startAt: tomorrowAt(10) });
  });

  it('outside opening hours', async () => {
    const late = await refused(() => book({ startAt: tomorrowAt(17, 30) }));
    expect(late).toMatchObject({ params: { kind: 'closedHours', with: '09:00–18:00' } });
    const early = await refused(() => book({ startAt: tomorrowAt(8) }));
    expect(early).toMatchObject({ params: { kind: 'closedHours' } });
    await booked({ startAt: tomorrowAt(17) });
  });

  it('refuses the past, a non-technician, a device of another customer, an archived customer', async () => {
    expect(await refused(() => book({ startAt: app.clock.ms - MINUTE }))).toMatchObject({
      reason: 'appointmentInPast',
    });
    const clerkId = (await admin.ok('users.list', {})).find((u) => u.username === 'clerk1')?.id ?? '';
    expect(await refused(() => book({ technicianId: clerkId }))).toMatchObject({ reason: 'notATechnician' });
    expect(await refused(() => book({ deviceId: otherDeviceId }))).toMatchObject({
      reason: 'deviceNotUsable',
      params: { problem: 'otherCustomer' },
    });
    const archived = insertCustomer(app, { archived: true });
    const archivedDevice = insertDevice(app, archived);
    expect(await refused(() => book({ customerId: archived, deviceId: archivedDevice }))).toMatchObject({
      reason: 'customerNotUsable',
    });
    expect(await refused(() => book({ fault: '  ' }))).toMatchObject({ reason: 'invalidInput' });
    expect(await refused(() => book({ slots: 0 }))).toMatchObject({ reason: 'invalidInput' });
  });

  it('a technician may not book; settings refuse closing before opening', async () => {
    expect(await refused(() => book({}, tech))).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await refused(() =>
      admin.call('settings.update', {
        appointments: {
          slotMinutes: 30,
          perTechnician: 1,
          perBay: 1,
          perSlot: 2,
          opensAt: '18:00',
          closesAt: '09:00',
          bays: [],
        },
      }),
    );
    expect(bad).toMatchObject({ reason: 'invalidInput' });
  });
});

describe('no-show and cancel on the server clock', () => {
  it('no-show only once the slot has started; then nothing else moves it', async () => {
    const a = await booked();
    expect(await refused(() => clerk.call('appointments.noShow', { id: a.id }))).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'noShowBeforeStart',
      params: { startAt: tomorrowAt(10) },
    });
    app.clock.ms = tomorrowAt(10) - 1;
    expect(await refused(() => clerk.call('appointments.noShow', { id: a.id }))).toMatchObject({
      reason: 'noShowBeforeStart',
    });
    app.clock.ms = tomorrowAt(10);
    expect((await clerk.ok('appointments.list', { day: localDate(a.startAt) })).rows[0]?.late).toBe(true);
    expect(await clerk.ok('appointments.noShow', { id: a.id })).toMatchObject({
      state: 'noShow',
      late: false,
    });
    expect(
      await refused(() => clerk.call('appointments.cancel', { id: a.id, reason: '改期' })),
    ).toMatchObject({
      reason: 'appointmentNotBooked',
      params: { state: 'noShow' },
    });
    expect(await refused(() => clerk.call('appointments.noShow', { id: a.id }))).toMatchObject({
      reason: 'appointmentNotBooked',
    });
  });

  it('cancel needs a reason and only while booked', async () => {
    const a = await booked();
    expect(await refused(() => clerk.call('appointments.cancel', { id: a.id, reason: ' ' }))).toMatchObject({
      reason: 'invalidInput',
    });
    expect(await clerk.ok('appointments.cancel', { id: a.id, reason: '客户改期' })).toMatchObject({
      state: 'cancelled',
      cancelReason: '客户改期',
    });
    expect(
      await refused(() => clerk.call('appointments.cancel', { id: a.id, reason: '再取消' })),
    ).toMatchObject({
      reason: 'appointmentNotBooked',
      params: { state: 'cancelled' },
    });
    const audit = rows(
      'SELECT action, before, after FROM audit_log WHERE entity_id = ? ORDER BY rowid',
      a.id,
    );
    expect(audit.map((r) => r.action)).toEqual(['create', 'update']);
    expect(JSON.parse(String(audit[1]?.after))).toMatchObject({
      state: 'cancelled',
      cancelReason: '客户改期',
    });
    expect(
      await refused(() => clerk.call('appointments.cancel', { id: customerId, reason: '不存在' })),
    ).toMatchObject({
      reason: 'appointmentNotFound',
    });
  });
});

describe('arrival converts it to a work order', () => {
  it('carries every field into the order and links both in one transaction', async () => {
    const a = await booked({
      serviceType: 'maintenance',
      fault: '保养：清灰换硅脂',
      channel: 'counter',
      technicianId: techId,
      bay: '2号工位',
      note: '客户自带配件',
    });
    app.clock.ms = tomorrowAt(9, 50);
    // What the intake sends, prefilled from the appointment (IntakePage).
    const order = await clerk.ok('workOrders.create', {
      customerId: a.customerId,
      deviceId: a.deviceId,
      serviceType: a.serviceType,
      reportedFault: a.fault,
      channel: ORDER_CHANNEL_OF[a.channel],
      technicianId: a.technicianId,
      appointmentId: a.id,
    });
    expect(order).toMatchObject({
      customerId,
      deviceId,
      serviceType: 'maintenance',
      reportedFault: '保养：清灰换硅脂',
      channel: 'walkIn',
      technicianId: techId,
    });
    expect(order.events.find((e) => e.kind === 'note')?.note).toBe('客户自带配件');
    const after = (await clerk.ok('appointments.list', { day: localDate(a.startAt) })).rows[0];
    expect(after).toMatchObject({ state: 'arrived', workOrderId: order.id, orderNo: order.orderNo });
  });

  it('refuses an appointment not booked, or another customer’s or device’s, changing nothing', async () => {
    const a = await booked();
    const input = { customerId, deviceId, reportedFault: '屏幕碎了', appointmentId: a.id };
    const otherDevice = insertDevice(app, customerId, { brand: '小米' });
    expect(
      await refused(() => clerk.call('workOrders.create', { ...input, deviceId: otherDevice })),
    ).toMatchObject({
      reason: 'appointmentOtherParty',
      params: { problem: 'device' },
    });
    expect(
      await refused(() =>
        clerk.call('workOrders.create', { ...input, customerId: otherCustomerId, deviceId: otherDeviceId }),
      ),
    ).toMatchObject({ reason: 'appointmentOtherParty', params: { problem: 'customer' } });
    expect(
      await refused(() => clerk.call('workOrders.create', { ...input, appointmentId: otherCustomerId })),
    ).toMatchObject({ reason: 'appointmentNotFound' });
    await clerk.ok('workOrders.create', input);
    expect(await refused(() => clerk.call('workOrders.create', input))).toMatchObject({
      reason: 'appointmentNotBooked',
      params: { state: 'arrived' },
    });
    const cancelled = await booked({ startAt: tomorrowAt(14) });
    await clerk.ok('appointments.cancel', { id: cancelled.id, reason: '不来了' });
    expect(
      await refused(() => clerk.call('workOrders.create', { ...input, appointmentId: cancelled.id })),
    ).toMatchObject({ reason: 'appointmentNotBooked', params: { state: 'cancelled' } });
  });
});

describe('the day-before reminder and the call list', () => {
  it('queues one reminder per appointment the day before, with its time, and lists tomorrow to call', async () => {
    const sms = new ProviderDouble('sms');
    app.core.deps.messageProviders = lookupOf(sms);
    const manager = await signedInAs(app, admin, 'manager');
    const current = await manager.ok('messages.settings', {});
    await manager.ok('messages.updateSettings', {
      ...current,
      templates: {
        ...current.templates,
        appointmentReminder: { ...current.templates.appointmentReminder, mode: 'auto' },
      },
    });
    const a = await booked({ startAt: tomorrowAt(10) });
    const later = await booked({ startAt: localMidnight(addDays(localDate(app.clock.ms), 2)) + 10 * HOUR });
    const cancelled = await booked({ startAt: tomorrowAt(15) });
    await clerk.ok('appointments.cancel', { id: cancelled.id, reason: '改期' });

    const calls = await clerk.ok('appointments.callList', {});
    expect(calls.rows.map((r) => r.id)).toEqual([a.id]);

    const tick = await runOutbox(app.core.deps);
    expect(tick).toMatchObject({ reminders: 1, sent: 1 });
    const d = new Date(tomorrowAt(10));
    expect(sms.sent[0]).toMatchObject({
      to: '13800138000',
      event: 'appointmentReminder',
      text: `张三您好，您预约了${d.getMonth() + 1}月${d.getDate()}日 10:00到城东维修中心处理Apple iPhone 13，如需改期请致电010-88886666。`,
    });
    // Once: another pass queues nothing for it; the next day's comes the next day.
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 0, sent: 0 });
    app.clock.ms += 24 * HOUR;
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 1, sent: 1 });
    expect(rows('SELECT id FROM appointments WHERE reminded_at IS NOT NULL ORDER BY start_at')).toEqual([
      { id: a.id },
      { id: later.id },
    ]);
  });

  it('queues nothing while the event is off', async () => {
    await booked();
    expect(await runOutbox(app.core.deps)).toMatchObject({ reminders: 0 });
    expect(rows('SELECT reminded_at FROM appointments')).toEqual([{ reminded_at: null }]);
  });
});

describe('the no-show rate in the quality report', () => {
  it('is no-shows of the appointments kept or missed that started in the period', async () => {
    const kept = await booked({ startAt: tomorrowAt(10) });
    const missed = await booked({ startAt: tomorrowAt(11) });
    const alsoMissed = await booked({ startAt: tomorrowAt(12) });
    const cancelled = await booked({ startAt: tomorrowAt(13) });
    await booked({ startAt: tomorrowAt(14) });
    await clerk.ok('appointments.cancel', { id: cancelled.id, reason: '改期' });
    app.clock.ms = alsoMissed.startAt + 30 * MINUTE;
    await clerk.ok('workOrders.create', {
      customerId,
      deviceId,
      reportedFault: kept.fault,
      appointmentId: kept.id,
    });
    await clerk.ok('appointments.noShow', { id: missed.id });
    await clerk.ok('appointments.noShow', { id: alsoMissed.id });
    const day = localDate(kept.startAt);
    const r = await admin.ok('reports.quality', { from: day, to: day });
    expect(r.appointments).toEqual({ arrived: 1, noShow: 2, noShowRate: 2 / 3 });
    const before = await admin.ok('reports.quality', {
      from: localDate(app.clock.ms - 48 * HOUR),
      to: localDate(app.clock.ms - 48 * HOUR),
    });
    expect(before.appointments).toEqual({ arrived: 0, noShow: 0, noShowRate: null });
  });
});
