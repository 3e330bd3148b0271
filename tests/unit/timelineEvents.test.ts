import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  depositEventData,
  EVENT_KINDS,
  settlementEventBrief,
  settlementEventData,
  timelineEntry,
  workOrderEvent,
} from '@shared/schemas/workOrders';
import type { Db } from '../../src/main/db/open';
import type { Queryable, Tx } from '../../src/main/services/context';
import { addEvent, recordUpdate } from '../../src/main/services/workOrders/events';
import {
  addLines,
  MANAGER,
  moveTo,
  openShop,
  orderInRepair,
  type Detail,
  type Shop,
} from './settlementsFixtures';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let shop: Shop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(() => shop.app.cleanup());

interface StoredRow {
  id: string;
  kind: string;
  data: string | null;
}

/** The order's timeline rows as the database holds them, oldest first. */
function storedRows(orderId: string): { kind: string; data: unknown }[] {
  return (
    shop.app.core.database.sqlite
      .prepare('SELECT id, kind, data FROM work_order_events WHERE work_order_id = ? ORDER BY at, id')
      .all(orderId) as StoredRow[]
  ).map((r) => ({ kind: r.kind, data: r.data === null ? null : (JSON.parse(r.data) as unknown) }));
}

/** Each kind, and each action of a kind whose data is keyed by one: every shape a writer makes. */
function everyShape(): string[] {
  const entries = new Map(timelineEntry.options.map((o) => [o.shape.kind.value, o.shape.data]));
  return EVENT_KINDS.flatMap((kind) => {
    const data = entries.get(kind);
    return data instanceof z.ZodDiscriminatedUnion
      ? data.options.map(
          (o: z.ZodObject<{ action: z.ZodLiteral<string> }>) => `${kind}:${o.shape.action.value}`,
        )
      : [kind];
  });
}

function shapeOf(row: { kind: string; data: unknown }): string {
  const action = z.object({ action: z.string() }).safeParse(row.data);
  return action.success ? `${row.kind}:${action.data.action}` : row.kind;
}

async function userId(username: string): Promise<string> {
  return (await shop.admin.ok('users.list', {})).find((u) => u.username === username)?.id ?? '';
}

/**
 * One order through its whole life, calling every writer of the timeline: intake with a warranty
 * override, edits, assignments, a note, a photo, the quote approved into a wait for parts that a
 * receipt brings in, part and charge lines added, edited and removed, a renewed approval, a
 * settlement with a discount, a payment with change, a refund, a void, and the cancellation that
 * returns every part.
 */
async function wholeLife(): Promise<Detail> {
  const { clerk, tech, admin, manager } = shop;
  let order = await clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '屏幕碎裂，电池鼓包',
    devicePassword: '1-5-9-6',
    estimate: 30_000,
    technicianId: shop.techId,
    warrantyOverride: { status: 'in', reason: '发票显示仍在保修期内' },
    deposit: { method: 'cash', amount: 1000 },
  });
  order = await clerk.ok('workOrders.update', {
    id: order.id,
    version: order.version,
    priority: 'urgent',
    accessories: ['charger', 'case'],
    devicePassword: '258046',
    promisedAt: order.promisedAt + 3_600_000,
    diagnosis: '屏幕排线断裂；电池老化',
    estimate: 35_000,
  });
  order = await clerk.ok('workOrders.overrideWarranty', { id: order.id, status: 'out', reason: '厂家拒保' });
  order = await clerk.ok('workOrders.assign', { id: order.id, technicianId: null, note: '先放着' });
  order = await clerk.ok('workOrders.assign', { id: order.id, technicianId: await userId('manager1') });
  order = await manager.ok('workOrders.assign', { id: order.id, technicianId: shop.techId, note: '交回' });
  order = await clerk.ok('workOrders.addNote', { id: order.id, note: '客户下午来电询问' });
  order = await clerk.ok('workOrders.addAttachment', { id: order.id, fileName: '外观.png', dataUrl: PNG });
  // 投诉 about the order: taken and moved (the `complaint` kind, created and status).
  const complaint = await clerk.ok('complaints.create', {
    customerId: shop.customerId,
    workOrderId: order.id,
    category: 'timeliness',
    severity: 'minor',
    description: '等太久了',
  });
  await clerk.ok('complaints.move', {
    id: complaint.id,
    version: complaint.version,
    to: 'inProgress',
    note: '已致歉',
  });

  // A message to the customer (the `message` kind): the manager has the quote's message go by itself.
  const messages = await manager.ok('messages.settings', {});
  await manager.ok('messages.updateSettings', {
    ...messages,
    templates: { ...messages.templates, quoteWaiting: { ...messages.templates.quoteWaiting, mode: 'auto' } },
  });
  order = await moveTo(shop, order, ['diagnosing', 'quoted']);
  order = await admin.ok('workOrders.transition', {
    id: order.id,
    to: 'awaitingParts',
    approval: { by: '张三本人', method: 'phone' },
    waitingFor: [
      { partId: shop.battery.id, qty: 15 },
      { partId: shop.film.id, qty: 1 },
    ],
  });
  const supplierId = (await clerk.ok('suppliers.create', { name: '赛格配件' })).id;
  await clerk.ok('stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [{ partId: shop.battery.id, qty: 10, unitCost: 8000 }],
  });
  order = await moveTo(shop, await clerk.ok('workOrders.get', { id: order.id }), ['inRepair']);

  order = await addLines(shop, order.id, {
    parts: [
      { partId: shop.screen.id, qty: 1 },
      { partId: shop.film.id, qty: 1 },
    ],
  });
  const screenLine = order.parts.find((p) => p.partId === shop.screen.id)?.id ?? '';
  const filmLine = order.parts.find((p) => p.partId === shop.film.id)?.id ?? '';
  await tech.ok('workOrders.updatePart', {
    lineId: screenLine,
    unitPrice: 44_000,
    oldPartSerial: 'OLD-SCR-1',
    oldPartRma: true,
  });
  order = await tech.ok('workOrders.removePart', { lineId: filmLine, reason: '客户自带贴膜' });
  order = await tech.ok('workOrders.addCharge', {
    id: order.id,
    itemCode: 'WX',
    amount: 5000,
    approval: MANAGER,
  });
  const wx = order.charges.find((c) => c.itemCode === 'WX')?.id ?? '';
  order = await tech.ok('workOrders.updateCharge', { lineId: wx, hours: 2 });
  order = await tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'JC' });
  const jc = order.charges.find((c) => c.itemCode === 'JC')?.id ?? '';
  order = await tech.ok('workOrders.removeCharge', { lineId: jc });
  order = await clerk.ok('workOrders.renewApproval', {
    id: order.id,
    amount: order.quote.billed,
    approval: { by: '张三本人', method: 'inPerson' },
    note: '更换屏幕，客户到店确认',
  });

  order = await moveTo(shop, order, ['qc', 'ready']);
  const settlement = await clerk.ok('settlements.create', {
    id: order.id,
    discount: { type: 'percent', value: 20 },
    approval: MANAGER,
    note: '老客户',
  });
  await clerk.ok('settlements.pay', {
    settlementId: settlement.id,
    method: 'cash',
    amount: 20_000,
    tendered: 20_500,
  });
  await clerk.ok('settlements.refund', {
    settlementId: settlement.id,
    method: 'cash',
    amount: 5000,
    reason: '多收了',
    approval: MANAGER,
  });
  await clerk.ok('settlements.void', { id: settlement.id, reason: '客户不修了', approval: MANAGER });
  // The void gives the deposit's credit back to the order; it goes back before the order ends.
  await clerk.ok('deposits.refund', {
    id: order.id,
    method: 'cash',
    amount: 1000,
    reason: '不修了，退订金',
    approval: MANAGER,
  });
  return moveTo(shop, await clerk.ok('workOrders.get', { id: order.id }), ['cancelled']);
}

/**
 * After the hand-over, on a second order of the same customer: a later intake signature, the delivery
 * with its hand-over (no ticket, the ID seen, the pickup signature), which makes the follow-up, a call
 * that does not reach the customer, then the customer's opt-out closing it (the `followUp` kind).
 */
async function afterHandOver(): Promise<Detail> {
  const { clerk } = shop;
  const ready = await moveTo(shop, await orderInRepair(shop), ['qc', 'ready']);
  // The customer signs for intake later, then hands over with a pickup signature (签名, 交机).
  await clerk.ok('workOrders.signIntake', { id: ready.id, signature: PNG });
  const order = await clerk.ok('workOrders.transition', {
    id: ready.id,
    to: 'delivered',
    handover: { withoutTicket: true, idNote: '身份证后四位 1234', signature: PNG },
  });
  const followUpId = (await clerk.ok('followUps.list', { tab: 'pending' })).rows.find(
    (r) => r.workOrderId === order.id,
  )?.id;
  await clerk.ok('followUps.record', { id: followUpId ?? '', result: 'notReached' });
  const { customer } = await clerk.ok('customers.get', { id: shop.customerId });
  await clerk.ok('customers.update', {
    id: customer.id,
    version: customer.version,
    name: customer.name,
    phones: customer.phones,
    noContact: true,
  });
  return order;
}

/** An 上门 order: its visit scheduled, rescheduled and reassigned, the technician's arrival and finish. */
async function onsiteLife(): Promise<Detail> {
  const { clerk, tech, admin } = shop;
  const order = await clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    channel: 'onsite',
    reportedFault: '洗衣机不脱水',
  });
  const visit = {
    id: order.id,
    address: '建国路 88 号',
    day: '2026-11-24',
    fromTime: '09:00',
    toTime: '10:00',
  };
  await clerk.ok('onsite.set', { ...visit, technicianIds: [shop.techId], travelFee: 5000 });
  await clerk.ok('onsite.set', {
    ...visit,
    fromTime: '10:00',
    toTime: '11:00',
    technicianIds: [shop.techId],
  });
  await admin.ok('onsite.assign', { id: order.id, technicianIds: [shop.techId, await userId('manager1')] });
  await tech.ok('onsite.arrive', { id: order.id });
  return tech.ok('workOrders.get', {
    id: (await tech.ok('onsite.finish', { id: order.id })).job?.workOrderId ?? '',
  });
}

describe('timeline events', () => {
  let order: Detail;
  let handedOver: Detail;
  let visited: Detail;
  beforeAll(async () => {
    order = await wholeLife();
    handedOver = await afterHandOver();
    visited = await onsiteLife();
  });

  it("stores every writer's event in a shape the union reads back whole, every kind and action among them", () => {
    const rows = [...storedRows(order.id), ...storedRows(handedOver.id), ...storedRows(visited.id)];
    for (const row of rows) {
      // Nothing a writer stores is dropped by the reader: the parse gives back exactly the row.
      expect(timelineEntry.parse(row)).toEqual(row);
    }
    expect([...new Set(rows.map(shapeOf))].sort()).toEqual(everyShape().sort());
    expect(everyShape()).toHaveLength(34);
  });

  it('gives the clerk every event through the contract, with the money of the settlement', async () => {
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    const rows = storedRows(order.id);
    expect(detail.events.map((e) => ({ kind: e.kind, data: e.data }))).toEqual(rows);
    for (const e of detail.events) expect(workOrderEvent.parse(e)).toEqual(e);
    const settled = detail.events.flatMap((e) => (e.kind === 'settlement' ? [e.data] : []));
    expect(settled.map((d) => d.action)).toEqual(['create', 'pay', 'refund', 'void']);
    expect(settled).toEqual(settled.map((d) => settlementEventData.parse(d)));
    expect(settled[1]).toMatchObject({ amount: 20_000, tendered: 20_500, change: 500, method: 'cash' });
    expect(settled[2]).toMatchObject({
      amount: -5000,
      reason: '多收了',
      approvedBy: { username: 'manager1' },
    });
    for (const d of settled) expect(settlementEventBrief.safeParse(d).success).toBe(false);
  });

  it('gives a technician each settlement and deposit event in the brief form and every other event alike', async () => {
    const forClerk = await shop.clerk.ok('workOrders.get', { id: order.id });
    const forTech = await shop.tech.ok('workOrders.get', { id: order.id });
    expect(forTech.events).toHaveLength(forClerk.events.length);
    forTech.events.forEach((e, i) => {
      const clerkSees = forClerk.events[i];
      if (e.kind === 'deposit' && clerkSees?.kind === 'deposit') {
        // 订金: which way the money went, never how much.
        expect(e).toEqual({ ...clerkSees, data: { action: clerkSees.data.action } });
        expect(depositEventData.safeParse(e.data).success).toBe(false);
        return;
      }
      if (e.kind !== 'settlement' || clerkSees?.kind !== 'settlement') {
        expect(e).toEqual(clerkSees);
        return;
      }
      const { action, settlementId, settlementNo } = clerkSees.data;
      expect(e).toEqual({ ...clerkSees, data: { action, settlementId, settlementNo } });
      expect(settlementEventBrief.parse(e.data)).toEqual(e.data);
      // The brief form never passes for a full one: it has none of the money.
      expect(settlementEventData.safeParse(e.data).success).toBe(false);
      expect(workOrderEvent.parse(e)).toEqual(e);
    });
    const settled = forTech.events.filter((e) => e.kind === 'settlement');
    expect(settled).toHaveLength(4);
    const deposits = forTech.events.filter((e) => e.kind === 'deposit');
    expect(deposits.map((e) => e.data)).toEqual([{ action: 'take' }, { action: 'refund' }]);
    expect(JSON.stringify([...settled, ...deposits])).not.toMatch(
      /"(total|amount|paid|tendered|change|subtotal|held)"/,
    );
  });
});

describe('stored rows of every shape an earlier version wrote', () => {
  const insert = (orderId: string, at: number, kind: string, data: unknown, toStatus: string | null = null) =>
    shop.app.core.database.sqlite
      .prepare(
        `INSERT INTO work_order_events (id, work_order_id, at, username, kind, to_status, note, data)
         VALUES (?, ?, ?, 'clerk1', ?, ?, '', ?)`,
      )
      .run(uuidv7(), orderId, at, kind, toStatus, data === null ? null : JSON.stringify(data));

  it('still read: intake without the estimate, an approval without its amount, a move with no data', async () => {
    const order = await orderInRepair(shop);
    const at = shop.app.clock.ms + 1000;
    // Before 0010_prints_and_quotes the intake did not record the estimate…
    const intake = {
      orderNo: order.orderNo,
      warrantyComputed: 'out',
      technicianId: shop.techId,
      reworkOfId: null,
      promisedAt: order.promisedAt,
    };
    insert(order.id, at, 'created', intake, 'received');
    insert(order.id, at + 1, 'created', { ...intake, devicePasswordChanged: true }, 'received');
    // …nor the amount the customer approved when the order left the quote.
    insert(order.id, at + 2, 'status', { approval: { by: '张三', method: 'written' } }, 'inRepair');
    // A move with no approval and no parts waited for has no data at all.
    insert(order.id, at + 3, 'status', null, 'qc');
    // A note never had data.
    insert(order.id, at + 4, 'note', null);

    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.events.slice(-5).map((e) => e.data)).toEqual([
      intake,
      { ...intake, devicePasswordChanged: true },
      { approval: { by: '张三', method: 'written' } },
      null,
      null,
    ]);
  });

  it('are refused when no version wrote them, so the contract checks every event it sends', async () => {
    for (const wrong of [
      { kind: 'parts', data: { action: 'add', partCode: 'SCR-IP13' } },
      { kind: 'note', data: { text: '备注' } },
      { kind: 'edit', data: { fields: ['serialNo'], before: {}, after: {} } },
      {
        kind: 'settlement',
        data: { action: 'pay', settlementId: shop.techId, settlementNo: 'JS-1', amount: 100 },
      },
      { kind: 'status', data: { approval: { by: '张三', method: 'fax' } } },
    ]) {
      expect(timelineEntry.safeParse(wrong).success).toBe(false);
    }
    const order = await orderInRepair(shop);
    insert(order.id, shop.app.clock.ms + 1000, 'parts', { action: 'add', partCode: 'SCR-IP13' });
    const read = await shop.clerk.call('workOrders.get', { id: order.id });
    expect(read).toEqual({
      ok: false,
      error: { code: 'INTERNAL', reason: 'internal', params: {}, message: 'internal error' },
    });
  });
});

describe('addEvent and recordUpdate', () => {
  it('take the transaction that makes the change: the bare connection does not compile', () => {
    expectTypeOf<Db>().not.toExtend<Tx>();
    expectTypeOf<Queryable>().not.toExtend<Tx>();
    expectTypeOf(addEvent).parameter(0).toEqualTypeOf<Tx>();
    expectTypeOf(recordUpdate).parameter(0).toEqualTypeOf<Tx>();
  });

  it('refuse data the timeline could not read back, storing nothing', async () => {
    const order = await orderInRepair(shop);
    const before = storedRows(order.id);
    const { db } = shop.app.core.database;
    expect(() =>
      db.transaction((tx) =>
        addEvent(tx, {
          workOrderId: order.id,
          at: shop.app.clock.ms,
          actor: null,
          kind: 'partArrived',
          // A quantity is a whole number of the part's unit.
          data: { partId: shop.battery.id, partCode: 'BAT-IP13', partName: '电池', docNo: 'RK-1', qty: 1.5 },
        }),
      ),
    ).toThrow(z.ZodError);
    expect(storedRows(order.id)).toEqual(before);
  });
});
