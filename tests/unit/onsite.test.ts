import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { signedInAs, type Client } from './harness';
import { moveTo, openShop, refused, type Detail, type Shop } from './settlementsFixtures';

/**
 * 上门服务 at the dispatch boundary: the visit's fields per channel, reassigning, arrival and finish,
 * the travel fee as a fee line that the settlement bills, and every refusal changing nothing.
 */

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let shop: Shop;
let tech2: Client;
let tech2Id: string;
beforeAll(async () => {
  shop = await openShop();
  tech2 = await signedInAs(shop.app, shop.admin, 'technician', 'technician2');
  tech2Id = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'technician2')?.id ?? '';
});
afterAll(() => shop.app.cleanup());

async function onsiteOrder(channel: 'onsite' | 'walkIn' = 'onsite'): Promise<Detail> {
  return shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    channel,
    reportedFault: '空调不制冷',
  });
}

function visit(id: string, over: Partial<InputOf<'onsite.set'>> = {}): InputOf<'onsite.set'> {
  return {
    id,
    address: '北京市朝阳区建国路 88 号 3 单元 501',
    day: '2026-11-24',
    fromTime: '09:00',
    toTime: '11:00',
    technicianIds: [shop.techId],
    travelFee: 5000,
    ...over,
  };
}

describe('on-site details per channel', () => {
  it('sets the visit of an 上门 order, with its schedule event and the travel fee as a fee line', async () => {
    const order = await onsiteOrder();
    const view = await shop.clerk.ok('onsite.set', visit(order.id));
    expect(view.job).toMatchObject({
      orderNo: order.orderNo,
      address: '北京市朝阳区建国路 88 号 3 单元 501',
      day: '2026-11-24',
      fromTime: '09:00',
      toTime: '11:00',
      technicians: [{ id: shop.techId, name: 'technician 员工' }],
      travelFee: 5000,
      arrivedAt: null,
      finishedAt: null,
      conflictWith: [],
    });
    expect(view.defaultTravelFee).toBe(5000);
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.charges.map((c) => [c.kind, c.itemCode, c.name, c.amount])).toEqual([
      ['fee', 'SM', '上门费', 5000],
    ]);
    const onsite = detail.events.filter((e) => e.kind === 'onsite');
    expect(onsite.map((e) => e.data)).toEqual([
      {
        action: 'schedule',
        address: '北京市朝阳区建国路 88 号 3 单元 501',
        day: '2026-11-24',
        fromTime: '09:00',
        toTime: '11:00',
        technicians: ['technician 员工'],
        travelFee: 5000,
      },
    ]);
  });

  it('refuses a visit on a walk-in order, and changes nothing', async () => {
    const order = await onsiteOrder('walkIn');
    const error = await refused(shop.app, () => shop.clerk.call('onsite.set', visit(order.id)));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'onsiteWrongChannel',
      params: { orderNo: order.orderNo },
    });
  });

  it('refuses a visit without an address or a window, and changes nothing', async () => {
    const order = await onsiteOrder();
    for (const bad of [{ address: '  ' }, { day: '' }, { fromTime: '9:00' }, { toTime: '24:00' }]) {
      const error = await refused(shop.app, () => shop.clerk.call('onsite.set', visit(order.id, bad)));
      expect(error.code).toBe('VALIDATION');
      expect(error.reason).toBe('invalidInput');
      expect(error.details?.fields?.map((f) => f.path)).toEqual([Object.keys(bad)[0]]);
    }
    const noAddress = await refused(shop.app, () =>
      shop.clerk.raw('onsite.set', { id: order.id, day: '2026-11-24', fromTime: '09:00', toTime: '10:00' }),
    );
    expect(noAddress.details?.fields?.map((f) => f.path)).toEqual(['address']);
    const backwards = await refused(shop.app, () =>
      shop.clerk.call('onsite.set', visit(order.id, { fromTime: '14:00', toTime: '13:30' })),
    );
    expect(backwards).toMatchObject({ code: 'VALIDATION', reason: 'onsiteWindowInvalid' });
    expect(backwards.details?.fields?.map((f) => f.path)).toEqual(['toTime']);
  });

  it('refuses a clerk as a visiting technician, and a technician listed twice', async () => {
    const order = await onsiteOrder();
    const clerkId = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'clerk1')?.id ?? '';
    const clerk = await refused(shop.app, () =>
      shop.clerk.call('onsite.set', visit(order.id, { technicianIds: [shop.techId, clerkId] })),
    );
    expect(clerk).toMatchObject({ reason: 'notATechnician' });
    expect(clerk.details?.fields?.map((f) => f.path)).toEqual(['technicianIds.1']);
    const twice = await refused(shop.app, () =>
      shop.clerk.call('onsite.set', visit(order.id, { technicianIds: [shop.techId, shop.techId] })),
    );
    expect(twice.reason).toBe('invalidInput');
  });

  it('reschedules and changes the address and fee later: one change event, the fee line follows', async () => {
    const order = await onsiteOrder();
    await shop.clerk.ok('onsite.set', visit(order.id));
    const same = await shop.clerk.ok('onsite.set', visit(order.id));
    expect(same.job?.fromTime).toBe('09:00');
    const view = await shop.clerk.ok(
      'onsite.set',
      visit(order.id, { address: '朝阳区建国路 99 号', fromTime: '14:00', toTime: '15:30', travelFee: 8000 }),
    );
    expect(view.job).toMatchObject({
      address: '朝阳区建国路 99 号',
      fromTime: '14:00',
      toTime: '15:30',
      travelFee: 8000,
    });
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.charges.map((c) => c.amount)).toEqual([8000]);
    const changes = detail.events.filter((e) => e.kind === 'onsite').map((e) => e.data);
    expect(changes).toHaveLength(2);
    expect(changes[1]).toEqual({
      action: 'change',
      fields: ['address', 'fromTime', 'toTime', 'travelFee'],
      before: {
        address: '北京市朝阳区建国路 88 号 3 单元 501',
        fromTime: '09:00',
        toTime: '11:00',
        travelFee: 5000,
      },
      after: { address: '朝阳区建国路 99 号', fromTime: '14:00', toTime: '15:30', travelFee: 8000 },
    });
    // No fee: the line is removed from the order's charges.
    await shop.clerk.ok('onsite.set', visit(order.id, { travelFee: 0 }));
    expect((await shop.clerk.ok('workOrders.get', { id: order.id })).charges).toEqual([]);
  });
});

describe('the travel fee on the settlement', () => {
  it('bills the fee line exactly: labor + travel fee = the total', async () => {
    const order = await onsiteOrder();
    await shop.clerk.ok('onsite.set', visit(order.id, { travelFee: 6550 }));
    await shop.admin.ok('workOrders.assign', { id: order.id, technicianId: shop.techId });
    await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), ['diagnosing', 'inRepair']);
    await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    const preview = await shop.clerk.ok('settlements.preview', { id: order.id, discount: { type: 'none' } });
    expect(preview.lines.map((l) => [l.kind, l.name, l.amount])).toEqual([
      ['labor', '维修工时', 8000],
      ['fee', '上门费', 6550],
    ]);
    expect(preview.total).toBe(14550);
  });
});

describe('reassigning on the board', () => {
  it('moves a visit to another technician, with its change event; the board marks overlapping windows', async () => {
    const a = await onsiteOrder();
    const b = await onsiteOrder();
    await shop.clerk.ok('onsite.set', visit(a.id, { day: '2026-11-30', fromTime: '09:00', toTime: '11:00' }));
    await shop.clerk.ok(
      'onsite.set',
      visit(b.id, { day: '2026-11-30', fromTime: '10:30', toTime: '12:00', technicianIds: [] }),
    );
    let board = await shop.clerk.ok('onsite.board', { day: '2026-11-30' });
    expect(board.jobs.map((j) => [j.orderNo, j.technicians.map((t) => t.id), j.conflictWith])).toEqual([
      [a.orderNo, [shop.techId], []],
      [b.orderNo, [], []],
    ]);
    await shop.admin.ok('onsite.assign', { id: b.id, technicianIds: [shop.techId] });
    board = await shop.clerk.ok('onsite.board', { day: '2026-11-30' });
    expect(board.jobs.map((j) => j.conflictWith)).toEqual([[shop.techId], [shop.techId]]);
    const moved = await shop.admin.ok('onsite.assign', { id: b.id, technicianIds: [tech2Id] });
    expect(moved.job?.technicians.map((t) => t.name)).toEqual(['technician 员工']);
    board = await shop.clerk.ok('onsite.board', { day: '2026-11-30' });
    expect(board.jobs.map((j) => j.conflictWith)).toEqual([[], []]);
    const events = (await shop.clerk.ok('workOrders.get', { id: b.id })).events.filter(
      (e) => e.kind === 'onsite',
    );
    expect(events.map((e) => e.data)).toMatchObject([
      { action: 'schedule', technicians: [] },
      {
        action: 'change',
        fields: ['technicians'],
        before: { technicians: [] },
        after: { technicians: ['technician 员工'] },
      },
      { action: 'change', fields: ['technicians'] },
    ]);
  });

  it('refuses to reassign a visit not scheduled, and a technician may not reassign', async () => {
    const order = await onsiteOrder();
    const none = await refused(shop.app, () =>
      shop.admin.call('onsite.assign', { id: order.id, technicianIds: [tech2Id] }),
    );
    expect(none).toMatchObject({
      code: 'CONFLICT',
      reason: 'onsiteNotScheduled',
      params: { orderNo: order.orderNo },
    });
    await shop.clerk.ok('onsite.set', visit(order.id));
    const forbidden = await refused(shop.app, () =>
      shop.tech.call('onsite.assign', { id: order.id, technicianIds: [tech2Id] }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
  });

  it("shows the server's today on the board when no day is asked", async () => {
    const board = await shop.clerk.ok('onsite.board', {});
    expect(board.day).toBe(board.today);
    expect(board.technicians.map((t) => t.id)).toContain(tech2Id);
  });
});

describe('arrival and finish', () => {
  it("records arrival then finish on the server's clock, each once, by a visiting technician", async () => {
    const order = await onsiteOrder();
    await shop.clerk.ok('onsite.set', visit(order.id));
    const early = await refused(shop.app, () => shop.tech.call('onsite.finish', { id: order.id }));
    expect(early).toMatchObject({
      code: 'CONFLICT',
      reason: 'onsiteVisitOrder',
      params: { problem: 'notArrived' },
    });
    const stranger = await refused(shop.app, () => tech2.call('onsite.arrive', { id: order.id }));
    expect(stranger).toMatchObject({ code: 'FORBIDDEN', reason: 'onsiteNotVisitor' });
    const arrivedAt = shop.app.clock.now();
    const arrived = await shop.tech.ok('onsite.arrive', { id: order.id });
    expect(arrived.job?.arrivedAt).toBe(arrivedAt);
    const twice = await refused(shop.app, () => shop.tech.call('onsite.arrive', { id: order.id }));
    expect(twice.params).toEqual({ problem: 'arrivedAlready' });
    shop.app.clock.advance(45 * 60_000);
    const finished = await shop.tech.ok('onsite.finish', { id: order.id });
    expect(finished.job?.finishedAt).toBe(arrivedAt + 45 * 60_000);
    const again = await refused(shop.app, () => shop.tech.call('onsite.finish', { id: order.id }));
    expect(again.params).toEqual({ problem: 'finishedAlready' });
    const events = (await shop.clerk.ok('workOrders.get', { id: order.id })).events.filter(
      (e) => e.kind === 'onsite',
    );
    expect(events.map((e) => [e.data, e.username, e.at])).toEqual([
      [expect.objectContaining({ action: 'schedule' }), 'clerk1', arrivedAt],
      [{ action: 'arrive' }, 'technician1', arrivedAt],
      [{ action: 'finish' }, 'technician1', arrivedAt + 45 * 60_000],
    ]);
  });

  it('refuses arrival on a visit not scheduled and on a walk-in order', async () => {
    const order = await onsiteOrder();
    const none = await refused(shop.app, () => shop.tech.call('onsite.arrive', { id: order.id }));
    expect(none.reason).toBe('onsiteNotScheduled');
    const walkIn = await onsiteOrder('walkIn');
    const wrong = await refused(shop.app, () => shop.tech.call('onsite.arrive', { id: walkIn.id }));
    expect(wrong.reason).toBe('onsiteWrongChannel');
  });
});

describe('route sheets and the service report', () => {
  it("gives each technician's stops in window order, with what to bring", async () => {
    const late = await onsiteOrder();
    const early = await onsiteOrder();
    await shop.clerk.ok(
      'onsite.set',
      visit(late.id, { day: '2026-12-01', fromTime: '15:00', toTime: '16:00' }),
    );
    await shop.clerk.ok(
      'onsite.set',
      visit(early.id, {
        day: '2026-12-01',
        fromTime: '08:30',
        toTime: '09:30',
        technicianIds: [tech2Id, shop.techId],
      }),
    );
    await shop.admin.ok('workOrders.assign', { id: late.id, technicianId: shop.techId });
    await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: late.id }), ['diagnosing', 'inRepair']);
    await shop.tech.ok('workOrders.addPart', { id: late.id, partId: shop.screen.id, qty: 1 });
    const { sheets } = await shop.clerk.ok('onsite.routeSheets', { day: '2026-12-01' });
    expect(sheets.map((s) => [s.technician.id, s.stops.map((x) => x.orderNo)])).toEqual([
      [shop.techId, [early.orderNo, late.orderNo]],
      [tech2Id, [early.orderNo]],
    ]);
    expect(sheets[0]?.stops[1]?.parts).toEqual([
      { code: 'SCR-IP13', name: 'iPhone 13 屏幕总成', qty: 1, state: 'reserved' },
    ]);
  });

  it('reports one visit with its lines, total and the on-site signature, signed once', async () => {
    const order = await onsiteOrder();
    await shop.clerk.ok('onsite.set', visit(order.id, { travelFee: 5000 }));
    const signed = await shop.clerk.ok('onsite.sign', { id: order.id, signature: PNG });
    expect(signed.signature?.kind).toBe('onsite');
    const report = await shop.clerk.ok('onsite.report', { id: order.id });
    expect(report.lines).toEqual([{ name: '上门费', detail: '', qty: 1, amount: 5000 }]);
    expect(report.total).toBe(5000);
    expect(report.signature?.kind).toBe('onsite');
    const twice = await refused(shop.app, () =>
      shop.clerk.call('onsite.sign', { id: order.id, signature: PNG }),
    );
    expect(twice.reason).toBe('signatureExists');
  });
});

describe('the visit given at intake', () => {
  it('creates an 上门 order with its visit and travel fee in one save', async () => {
    const { id: _id, ...values } = visit('00000000-0000-7000-8000-000000000000');
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      channel: 'onsite',
      reportedFault: '热水器点不着火',
      onsite: values,
    });
    expect(order.charges.map((c) => [c.itemCode, c.amount])).toEqual([['SM', 5000]]);
    const view = await shop.clerk.ok('onsite.get', { id: order.id });
    expect(view.job).toMatchObject({ address: values.address, day: values.day, fromTime: '09:00' });
    expect(order.events.map((e) => e.kind)).toEqual(['created', 'charges', 'onsite']);
  });

  it('refuses a visit with a walk-in order, a visit without an address, or a backwards window; nothing is created', async () => {
    const { id: _id, ...values } = visit('00000000-0000-7000-8000-000000000000');
    const base = { customerId: shop.customerId, deviceId: shop.deviceId, reportedFault: '热水器点不着火' };
    const walkIn = await refused(shop.app, () =>
      shop.clerk.call('workOrders.create', { ...base, channel: 'walkIn', onsite: values }),
    );
    expect(walkIn).toMatchObject({ code: 'VALIDATION', reason: 'onsiteWrongChannel' });
    expect(walkIn.details?.fields?.map((f) => f.path)).toEqual(['onsite']);
    const noAddress = await refused(shop.app, () =>
      shop.clerk.call('workOrders.create', {
        ...base,
        channel: 'onsite',
        onsite: { ...values, address: '' },
      }),
    );
    expect(noAddress.details?.fields?.map((f) => f.path)).toEqual(['onsite.address']);
    const backwards = await refused(shop.app, () =>
      shop.clerk.call('workOrders.create', {
        ...base,
        channel: 'onsite',
        onsite: { ...values, fromTime: '12:00', toTime: '11:00' },
      }),
    );
    expect(backwards).toMatchObject({ reason: 'onsiteWindowInvalid' });
    expect(backwards.details?.fields?.map((f) => f.path)).toEqual(['onsite.toTime']);
  });
});
