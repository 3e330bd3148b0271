import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays, localDate } from '@shared/dates';
import { customers } from '../../src/main/db/schema';
import { insertCustomer, insertDevice } from './counterFixtures';
import { addLines, moveTo, openShop, orderInRepair, refused, type Shop } from './settlementsFixtures';

/** 保养计划, 保养到期, 维保合同 and 保修到期提醒 through dispatch, on a real temp database. */
let shop: Shop;
let today: string;
const DAY = 86_400_000;

beforeEach(async () => {
  shop = await openShop();
  today = localDate(shop.app.clock.ms);
});
afterEach(() => shop.app.cleanup());

const plan = (fields: Record<string, unknown>) =>
  shop.clerk.ok('maintenance.createPlan', {
    deviceId: shop.deviceId,
    name: '常规保养',
    lastServiceOn: today,
    ...fields,
  });

async function reading(value: number, reason = '') {
  return shop.clerk.ok('maintenance.reportReading', { deviceId: shop.deviceId, unit: 'km', value, reason });
}

describe('maintenance plans: due by days, by usage, whichever comes first', () => {
  it('computes the next due day from the last service and sorts it into the server-day tabs', async () => {
    const month = await plan({ name: '空调滤芯', intervalDays: 180, lastServiceOn: addDays(today, -170) });
    expect(month).toMatchObject({ nextDueOn: addDays(today, 10), nextDueReading: null, due: 'month' });
    const week = await plan({ name: '机油', intervalDays: 90, lastServiceOn: addDays(today, -90) });
    expect(week).toMatchObject({ nextDueOn: today, due: 'week', dueByReading: false });
    const overdue = await plan({ name: '刹车油', intervalDays: 30, lastServiceOn: addDays(today, -31) });
    expect(overdue).toMatchObject({ nextDueOn: addDays(today, -1), due: 'overdue' });
    const later = await plan({ name: '轮胎换位', intervalDays: 365 });
    expect(later.due).toBeNull();

    const list = await shop.clerk.ok('maintenance.due', { tab: 'overdue' });
    expect(list.today).toBe(today);
    expect(list.counts).toEqual({ overdue: 1, week: 1, month: 1 });
    expect(list.rows.map((r) => r.name)).toEqual(['刹车油']);
    expect(list.rows[0]).toMatchObject({ customerName: '张三', deviceLabel: 'Apple iPhone 13' });
    expect((await shop.clerk.ok('maintenance.due', { tab: 'week' })).rows.map((r) => r.name)).toEqual([
      '机油',
    ]);
    expect((await shop.clerk.ok('maintenance.due', { tab: 'month' })).rows.map((r) => r.name)).toEqual([
      '空调滤芯',
    ]);

    // The server's clock moves on a day: 机油 (due today) is now overdue.
    shop.app.clock.advance(DAY);
    const next = await shop.clerk.ok('maintenance.due', { tab: 'overdue' });
    expect(next.rows.map((r) => r.name)).toEqual(['刹车油', '机油']);
  });

  it('computes the due reading from the last reading and is due once the meter reaches it', async () => {
    await reading(10_000);
    const byKm = await plan({ name: '机油', intervalUsage: 5_000, unit: 'km' });
    expect(byKm).toMatchObject({
      lastServiceReading: 10_000,
      nextDueReading: 15_000,
      currentReading: 10_000,
    });
    expect(byKm.due).toBeNull();

    const plans = await reading(15_000);
    expect(plans[0]).toMatchObject({ currentReading: 15_000, due: 'overdue', dueByReading: true });
    const list = await shop.clerk.ok('maintenance.due', { tab: 'overdue' });
    expect(list.counts.overdue).toBe(1);
    expect(list.rows[0]).toMatchObject({ id: byKm.id, dueByReading: true, phone: expect.any(String) });
  });

  it('a mixed plan is due at whichever comes first: the reading or the day', async () => {
    await reading(20_000);
    // Far in days, near in km: the meter decides.
    const kmFirst = await plan({ name: '机油', intervalDays: 365, intervalUsage: 5_000, unit: 'km' });
    // Near in days, far in km: the day decides.
    const dayFirst = await plan({
      name: '变速箱油',
      intervalDays: 30,
      intervalUsage: 40_000,
      unit: 'km',
      lastServiceOn: addDays(today, -40),
    });
    expect(kmFirst.due).toBeNull();
    expect(dayFirst).toMatchObject({ due: 'overdue', dueByReading: false, nextDueReading: 60_000 });

    await reading(25_100);
    const list = await shop.clerk.ok('maintenance.due', { tab: 'overdue' });
    expect(list.counts.overdue).toBe(2);
    expect(list.rows.map((r) => [r.name, r.dueByReading])).toEqual([
      ['变速箱油', false],
      ['机油', true],
    ]);
  });

  it('a delivered maintenance order moves every plan of its device on to that day and reading', async () => {
    await reading(30_000);
    const p = await plan({
      name: '机油',
      intervalDays: 180,
      intervalUsage: 5_000,
      unit: 'km',
      lastServiceOn: addDays(today, -200),
      lastServiceReading: 24_000,
    });
    expect(p).toMatchObject({ due: 'overdue', nextDueReading: 29_000 });
    // A repair order of the same device moves nothing.
    const repair = await orderInRepair(shop);
    await moveTo(shop, repair, ['qc', 'ready', 'delivered']);
    expect((await shop.clerk.ok('maintenance.plans', { deviceId: shop.deviceId }))[0]?.lastServiceOn).toBe(
      p.lastServiceOn,
    );

    await reading(30_400);
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      serviceType: 'maintenance',
      reportedFault: '机油',
      technicianId: shop.techId,
    });
    shop.app.clock.advance(2 * DAY);
    const deliveredOn = localDate(shop.app.clock.ms);
    await moveTo(shop, order, ['diagnosing', 'inRepair', 'qc', 'ready', 'delivered']);
    const [moved] = await shop.clerk.ok('maintenance.plans', { deviceId: shop.deviceId });
    expect(moved).toMatchObject({
      lastServiceOn: deliveredOn,
      lastServiceReading: 30_400,
      nextDueOn: addDays(deliveredOn, 180),
      nextDueReading: 35_400,
      due: null,
    });
    expect((await shop.clerk.ok('maintenance.due', { tab: 'overdue' })).counts.overdue).toBe(0);
  });

  it('a plan switched off leaves the due list; editing an unknown plan is refused', async () => {
    const p = await plan({ name: '刹车油', intervalDays: 30, lastServiceOn: addDays(today, -31) });
    expect((await shop.clerk.ok('maintenance.due', { tab: 'overdue' })).counts.overdue).toBe(1);
    const off = await shop.clerk.ok('maintenance.updatePlan', {
      id: p.id,
      name: p.name,
      intervalDays: 30,
      lastServiceOn: p.lastServiceOn,
      active: false,
    });
    expect(off).toMatchObject({ active: false, due: null });
    expect((await shop.clerk.ok('maintenance.due', { tab: 'overdue' })).counts.overdue).toBe(0);
    const audit = await shop.admin.ok('audit.list', { entity: 'maintenancePlan', page: 1, pageSize: 10 });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['create', 'update']);
    const unknown = await refused(shop.app, () =>
      shop.clerk.call('maintenance.updatePlan', {
        id: shop.customerId,
        name: 'x',
        intervalDays: 30,
        lastServiceOn: today,
        active: true,
      }),
    );
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', reason: 'maintenancePlanNotFound' });
  });

  it('refuses a plan without an interval, or by usage without a reading, and changes nothing', async () => {
    const none = await refused(shop.app, () =>
      shop.clerk.call('maintenance.createPlan', { deviceId: shop.deviceId, name: 'x', lastServiceOn: today }),
    );
    expect(none).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
    expect(none.details?.fields?.map((f) => f.path)).toContain('intervalDays');
    const noUnit = await refused(shop.app, () =>
      shop.clerk.call('maintenance.createPlan', {
        deviceId: shop.deviceId,
        name: 'x',
        lastServiceOn: today,
        intervalUsage: 100,
      }),
    );
    expect(noUnit.details?.fields?.map((f) => f.path)).toContain('unit');
    const noReading = await refused(shop.app, () =>
      shop.clerk.call('maintenance.createPlan', {
        deviceId: shop.deviceId,
        name: 'x',
        lastServiceOn: today,
        intervalUsage: 100,
        unit: 'hours',
      }),
    );
    expect(noReading).toMatchObject({ code: 'VALIDATION', reason: 'planReadingRequired' });
    await reading(1_000);
    const back = await refused(shop.app, () =>
      shop.clerk.call('maintenance.reportReading', { deviceId: shop.deviceId, unit: 'km', value: 900 }),
    );
    expect(back).toMatchObject({ reason: 'readingBackwards', params: { last: 1_000 } });
    const tech = await refused(shop.app, () => shop.tech.call('maintenance.due', {}));
    expect(tech.code).toBe('FORBIDDEN');
  });
});

describe('service contracts: coverage and visits', () => {
  async function contract(fields: Record<string, unknown> = {}) {
    return shop.manager.ok('contracts.create', {
      customerId: shop.customerId,
      deviceIds: [shop.deviceId],
      startsOn: today,
      endsOn: addDays(today, 364),
      visits: 2,
      covers: 'labor',
      ...fields,
    });
  }
  const underContract = (contractId: string, deviceId = shop.deviceId) =>
    shop.clerk.call('workOrders.create', {
      customerId: shop.customerId,
      deviceId,
      serviceType: 'maintenance',
      reportedFault: '年度保养',
      technicianId: shop.techId,
      contractId,
    });

  it('numbers the contract and bills its covered lines at ¥0, so the settlement total is exact', async () => {
    const c = await contract();
    expect(c.contractNo).toMatch(/^HT-[A-Z0-9]+-\d{8}-0001$/);
    expect(c).toMatchObject({ state: 'active', visits: 2, visitsUsed: 0, devices: [{ id: shop.deviceId }] });

    const created = await underContract(c.id);
    if (!created.ok) expect.fail(JSON.stringify(created.error));
    const order = await moveTo(shop, created.data, ['diagnosing', 'inRepair']);
    // Labor ¥80 covered, the battery ¥150 billed, the on-site fee ¥50 billed (fees are never covered).
    await addLines(shop, order.id, {
      charges: [{ itemCode: 'WX' }, { itemCode: 'SM' }],
      parts: [{ partId: shop.battery.id, qty: 1 }],
    });
    const preview = await shop.clerk.ok('settlements.preview', { id: order.id });
    expect(preview.subtotal).toBe(15_000 + 5_000);
    expect(preview.total).toBe(20_000);
    expect(preview.warrantyValue).toBe(0);
    const labor = preview.lines.find((l) => l.kind === 'labor');
    expect(labor).toMatchObject({ listAmount: 8_000, amount: 0, coveredByWarranty: false });
    const made = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(made.total).toBe(20_000);
    expect((await shop.clerk.ok('contracts.get', { id: c.id })).visitsUsed).toBe(1);

    // Parts and labor: the same lines come to the fee alone.
    const both = await contract({ covers: 'both' });
    const second = await underContract(both.id);
    if (!second.ok) expect.fail(JSON.stringify(second.error));
    const o2 = await moveTo(shop, second.data, ['diagnosing', 'inRepair']);
    await addLines(shop, o2.id, {
      charges: [{ itemCode: 'WX' }, { itemCode: 'SM' }],
      parts: [{ partId: shop.battery.id, qty: 1 }],
    });
    expect((await shop.clerk.ok('settlements.preview', { id: o2.id })).total).toBe(5_000);
  });

  it('counts visits, gives a cancelled order its visit back, and refuses when they are used up', async () => {
    const c = await contract({ visits: 1 });
    const first = await underContract(c.id);
    if (!first.ok) expect.fail(JSON.stringify(first.error));
    expect((await shop.clerk.ok('contracts.get', { id: c.id })).visitsUsed).toBe(1);

    const usedUp = await refused(shop.app, () => underContract(c.id));
    expect(usedUp).toMatchObject({
      code: 'CONFLICT',
      reason: 'contractVisitsUsedUp',
      params: { contractNo: c.contractNo, visits: 1 },
    });

    await moveTo(shop, first.data, ['cancelled']);
    expect((await shop.clerk.ok('contracts.get', { id: c.id })).visitsUsed).toBe(0);
    const again = await underContract(c.id);
    expect(again.ok).toBe(true);
    expect((await shop.clerk.ok('contracts.get', { id: c.id })).visitsUsed).toBe(1);
  });

  it('refuses an expired or not-yet-started contract and an uncovered device, changing nothing', async () => {
    const c = await contract({ endsOn: addDays(today, 1) });
    const uncovered = await refused(shop.app, () => underContract(c.id, shop.warrantyDeviceId));
    expect(uncovered).toMatchObject({
      reason: 'contractDeviceNotCovered',
      params: { contractNo: c.contractNo },
      details: { fields: [{ path: 'contractId' }] },
    });

    shop.app.clock.advance(2 * DAY);
    const expired = await refused(shop.app, () => underContract(c.id));
    expect(expired).toMatchObject({
      code: 'CONFLICT',
      reason: 'contractNotInForce',
      params: { contractNo: c.contractNo, startsOn: today, endsOn: addDays(today, 1) },
    });
    expect((await shop.clerk.ok('contracts.get', { id: c.id })).state).toBe('expired');

    const later = await contract({ startsOn: addDays(today, 30), endsOn: addDays(today, 60) });
    expect(later.state).toBe('pending');
    const early = await refused(shop.app, () => underContract(later.id));
    expect(early.reason).toBe('contractNotInForce');

    const otherCustomer = insertCustomer(shop.app, { name: '王五' });
    const notTheirs = await refused(shop.app, () =>
      shop.manager.call('contracts.create', {
        customerId: otherCustomer,
        deviceIds: [shop.deviceId],
        startsOn: today,
        endsOn: today,
        visits: 1,
        covers: 'both',
      }),
    );
    expect(notTheirs.reason).toBe('contractDeviceNotOwned');
    const backwards = await refused(shop.app, () =>
      shop.manager.call('contracts.create', {
        customerId: shop.customerId,
        deviceIds: [shop.deviceId],
        startsOn: today,
        endsOn: addDays(today, -1),
        visits: 1,
        covers: 'both',
      }),
    );
    expect(backwards.details?.fields?.map((f) => f.path)).toEqual(['endsOn']);
    const clerkMakes = await refused(shop.app, () =>
      shop.clerk.call('contracts.create', {
        customerId: shop.customerId,
        deviceIds: [shop.deviceId],
        startsOn: today,
        endsOn: today,
        visits: 1,
        covers: 'both',
      }),
    );
    expect(clerkMakes.code).toBe('FORBIDDEN');
  });
});

describe('warranty-expiry call list', () => {
  it('lists devices whose warranty ends within N days (a setting), leaving out no-contact customers', async () => {
    const soon = insertDevice(shop.app, shop.customerId, { warrantyEnd: addDays(today, 5), brand: '海尔' });
    insertDevice(shop.app, shop.customerId, { warrantyEnd: addDays(today, 45), brand: '美的' });
    insertDevice(shop.app, shop.customerId, { warrantyEnd: addDays(today, -1), brand: '格力' });
    const quiet = insertCustomer(shop.app, { name: '勿扰客户' });
    shop.app.core.deps.db.update(customers).set({ noContact: true }).where(eq(customers.id, quiet)).run();
    insertDevice(shop.app, quiet, { warrantyEnd: addDays(today, 3), brand: '西门子' });

    const list = await shop.clerk.ok('maintenance.warrantyExpiring', {});
    expect(list).toMatchObject({ today, days: 30 });
    expect(list.rows.map((r) => r.deviceId)).toEqual([soon]);
    expect(list.rows[0]).toMatchObject({ customerName: '张三', warrantyEnd: addDays(today, 5) });

    const settings = await shop.admin.ok('settings.get', {});
    await shop.admin.ok('settings.update', {
      afterSales: { ...settings.afterSales, warrantyReminderDays: 60 },
    });
    const wider = await shop.clerk.ok('maintenance.warrantyExpiring', {});
    expect(wider.rows.map((r) => r.deviceLabel)).toEqual(['海尔 Mate 60', '美的 Mate 60']);
  });
});
