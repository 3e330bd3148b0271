import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import type { RpcError } from '@shared/errors';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { createCore, type Core } from '../../src/main/core';
import { FakeClock, MIGRATIONS, tempDir } from './harness';
import { openOldShop, setUpOldShop } from './oldShop';
import { addLines, moveTo, openShop, refused, type Detail, type Shop } from './settlementsFixtures';

/**
 * Honest outcomes and on hold, at the dispatch boundary: giving up (→ 无法修复 with its reason),
 * parking (→ 待客户 with a recall date) and resuming, the outcome each move decides, the first
 * diagnosis time, the promise moved on by the time parked, and an order on hold never overdue.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

const now = () => shop.app.clock.ms;

async function intake(): Promise<Detail> {
  return shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '不开机',
    technicianId: shop.techId,
  });
}

/** Along the state machine, each move given what it asks for (a wait for parts says what for). */
async function walk(order: Detail, path: WorkOrderStatus[]): Promise<Detail> {
  let current = order;
  for (const to of path) {
    if (to === 'awaitingParts') {
      current = await shop.admin.ok('workOrders.transition', {
        id: current.id,
        to,
        note: '等主板到货',
        ...(current.status === 'quoted' ? { approval: { by: '张三', method: 'phone' as const } } : {}),
      });
    } else current = await moveTo(shop, current, [to]);
  }
  return current;
}

/** A new order brought to `path`'s last status. */
async function orderAt(path: WorkOrderStatus[]): Promise<Detail> {
  return walk(await intake(), path);
}

function move(input: InputOf<'workOrders.transition'>) {
  return shop.admin.call('workOrders.transition', input);
}

/** Refused with exactly this reason (and field), nothing changed. */
async function refusedWith(
  input: InputOf<'workOrders.transition'>,
  reason: string,
  field?: string,
): Promise<RpcError> {
  const error = await refused(shop.app, () => move(input));
  expect(error.reason, JSON.stringify(error)).toBe(reason);
  if (field) expect(error.details?.fields?.map((f) => f.path)).toEqual([field]);
  return error;
}

function giveUp(id: string, extra: Partial<InputOf<'workOrders.transition'>> = {}) {
  return shop.admin.ok('workOrders.transition', {
    id,
    to: 'unrepairable',
    note: '主板烧毁，无配件',
    unrepairableReason: 'noParts',
    ...extra,
  });
}

function park(id: string, recallAt: number, note = '客户自购屏幕') {
  return shop.admin.ok('workOrders.transition', { id, to: 'onHold', note, recallAt });
}

describe('giving up (无法修复)', () => {
  it('is reachable from diagnosing, quoted, awaiting parts, in repair and on hold, with its reason kept', async () => {
    const paths: WorkOrderStatus[][] = [
      ['diagnosing'],
      ['diagnosing', 'quoted'],
      ['diagnosing', 'awaitingParts'],
      ['diagnosing', 'inRepair'],
    ];
    for (const path of paths) {
      const order = await orderAt(path);
      shop.app.clock.advance(HOUR);
      const done = await giveUp(order.id, { unrepairableReason: 'uneconomic' });
      expect(done, path.join('→')).toMatchObject({
        status: 'unrepairable',
        outcome: 'unrepairable',
        unrepairableReason: 'uneconomic',
      });
      expect(done.events.at(-1)).toMatchObject({
        kind: 'status',
        fromStatus: path.at(-1),
        toStatus: 'unrepairable',
        note: '主板烧毁，无配件',
        data: { unrepairableReason: 'uneconomic' },
      });
    }
    const held = await orderAt(['diagnosing']);
    await park(held.id, now() + DAY);
    const fromHold = await giveUp(held.id, { unrepairableReason: 'endOfLife' });
    expect(fromHold).toMatchObject({
      status: 'unrepairable',
      outcome: 'unrepairable',
      unrepairableReason: 'endOfLife',
      heldFrom: null,
      holdReason: null,
      heldAt: null,
      recallAt: null,
    });
  });

  it('refuses a move without its note, without its reason code, with a bad code, and never from the wrong status', async () => {
    const order = await orderAt(['diagnosing']);
    await refusedWith(
      { id: order.id, to: 'unrepairable', unrepairableReason: 'noParts' },
      'noteRequired',
      'note',
    );
    await refusedWith(
      { id: order.id, to: 'unrepairable', note: '修不了' },
      'unrepairableReasonRequired',
      'unrepairableReason',
    );
    const bad = await refused(shop.app, () =>
      shop.admin.raw('workOrders.transition', {
        id: order.id,
        to: 'unrepairable',
        note: '修不了',
        unrepairableReason: 'tooHard',
      }),
    );
    expect(bad).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
    expect(bad.details?.fields?.map((f) => f.path)).toEqual(['unrepairableReason']);
    for (const path of [[], ['diagnosing', 'inRepair', 'qc']] as WorkOrderStatus[][]) {
      const at = await orderAt(path);
      const error = await refusedWith(
        { id: at.id, to: 'unrepairable', note: '修不了', unrepairableReason: 'other' },
        'transitionNotAllowed',
      );
      expect(error.params).toEqual({ orderNo: at.orderNo, from: at.status, to: 'unrepairable' });
    }
  });

  it('refuses while part lines are issued to the order; once they are back on the shelf it goes', async () => {
    const order = await orderAt(['diagnosing', 'inRepair']);
    const withPart = await addLines(shop, order.id, { parts: [{ partId: shop.screen.id, qty: 1 }] });
    const error = await refusedWith(
      {
        id: order.id,
        to: 'unrepairable',
        note: '换屏后仍不显示，主板损坏',
        unrepairableReason: 'uneconomic',
      },
      'unrepairablePartsIssued',
    );
    expect(error).toMatchObject({ code: 'CONFLICT', params: { orderNo: order.orderNo, lines: 1 } });
    const line = withPart.parts[0];
    if (!line) throw new Error('no part line');
    await shop.tech.ok('workOrders.removePart', { lineId: line.id, reason: '拆回，退库' });
    expect((await shop.clerk.ok('parts.get', { id: shop.screen.id })).onHand).toBe(10);
    const done = await giveUp(order.id, { unrepairableReason: 'uneconomic' });
    expect(done.status).toBe('unrepairable');
  });

  it('settles an inspection fee, then goes to ready and is delivered; with nothing charged it delivers owing nothing', async () => {
    const order = await orderAt(['diagnosing']);
    await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'JC' });
    await giveUp(order.id);
    const settlement = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(settlement.total).toBe(3000);
    await shop.clerk.ok('settlements.pay', { settlementId: settlement.id, method: 'cash', amount: 3000 });
    await walk(await shop.admin.ok('workOrders.get', { id: order.id }), ['ready']);
    const delivered = await shop.admin.ok('workOrders.transition', { id: order.id, to: 'delivered' });
    expect(delivered).toMatchObject({
      status: 'delivered',
      outcome: 'unrepairable',
      unrepairableReason: 'noParts',
    });

    const free = await orderAt(['diagnosing']);
    await giveUp(free.id, { unrepairableReason: 'noFaultFound', note: '检测无故障' });
    const returned = await walk(free, ['ready', 'delivered']);
    expect(returned).toMatchObject({
      status: 'delivered',
      outcome: 'unrepairable',
      unrepairableReason: 'noFaultFound',
    });
    expect(await shop.clerk.ok('settlements.forOrder', { id: free.id })).toBeNull();
  });
});

describe('the outcome each move decides', () => {
  it('repaired on passing the check, declined from a diagnosis, cancelled; kept through ready and delivery', async () => {
    const repaired = await orderAt(['diagnosing', 'inRepair', 'qc']);
    expect(repaired.outcome).toBeNull();
    const ready = await walk(repaired, ['ready']);
    expect(ready.outcome).toBe('repaired');
    expect((await walk(ready, ['delivered'])).outcome).toBe('repaired');

    const declined = await orderAt(['diagnosing', 'declined']);
    expect(declined).toMatchObject({ status: 'declined', outcome: 'declined' });
    expect((await walk(declined, ['ready', 'delivered'])).outcome).toBe('declined');

    const cancelled = await orderAt(['diagnosing', 'cancelled']);
    expect(cancelled.outcome).toBe('cancelled');
    // A device that could not be fixed and then was not collected: the order is cancelled in the end.
    const gaveUp = await orderAt(['diagnosing']);
    await giveUp(gaveUp.id);
    const given = await walk(await shop.admin.ok('workOrders.get', { id: gaveUp.id }), ['cancelled']);
    expect(given).toMatchObject({ outcome: 'cancelled', unrepairableReason: null });
    expect(given.events.some((e) => e.kind === 'status' && e.data?.unrepairableReason === 'noParts')).toBe(
      true,
    );

    // No other move decides one.
    const working = await orderAt([
      'diagnosing',
      'quoted',
      'inRepair',
      'awaitingParts',
      'inRepair',
      'qc',
      'inRepair',
    ]);
    expect(working.outcome).toBeNull();
  });

  it('stamps the first move out of diagnosing and keeps it', async () => {
    const order = await orderAt(['diagnosing']);
    expect(order.diagnosedAt).toBeNull();
    shop.app.clock.advance(2 * HOUR);
    const first = now();
    const parked = await park(order.id, now() + DAY, '等客户确认是否维修');
    expect(parked.diagnosedAt).toBe(first);
    shop.app.clock.advance(HOUR);
    const back = await shop.admin.ok('workOrders.transition', { id: order.id, to: 'diagnosing' });
    shop.app.clock.advance(HOUR);
    const quoted = await walk(back, ['quoted']);
    expect(quoted.diagnosedAt).toBe(first);
  });
});

describe('on hold (待客户)', () => {
  it('needs a note and a recall date not before now; refuses the fields on other moves', async () => {
    const order = await orderAt(['diagnosing', 'inRepair']);
    await refusedWith({ id: order.id, to: 'onHold', recallAt: now() + DAY }, 'noteRequired', 'note');
    await refusedWith({ id: order.id, to: 'onHold', note: '等客户' }, 'recallAtRequired', 'recallAt');
    await refusedWith(
      { id: order.id, to: 'onHold', note: '等客户', recallAt: now() - 1 },
      'recallAtPast',
      'recallAt',
    );
    const onTime = await park(order.id, now());
    expect(onTime.recallAt).toBe(now());

    const other = await orderAt(['diagnosing']);
    const reason = await refusedWith(
      { id: other.id, to: 'inRepair', unrepairableReason: 'noParts' },
      'outcomeFieldsNotTaken',
      'unrepairableReason',
    );
    expect(reason.params).toEqual({ to: 'inRepair' });
    const recall = await refusedWith(
      {
        id: other.id,
        to: 'unrepairable',
        note: '修不了',
        unrepairableReason: 'other',
        recallAt: now() + DAY,
      },
      'outcomeFieldsNotTaken',
      'recallAt',
    );
    expect(recall.params).toEqual({ to: 'unrepairable' });
  });

  it('keeps where it was parked from, why, since when and when to call back; resumes only there', async () => {
    const order = await orderAt(['diagnosing', 'inRepair']);
    const recallAt = now() + 3 * DAY;
    const parked = await park(order.id, recallAt);
    expect(parked).toMatchObject({
      status: 'onHold',
      heldFrom: 'inRepair',
      holdReason: '客户自购屏幕',
      heldAt: now(),
      recallAt,
      recallDue: false,
      outcome: null,
    });
    expect(parked.events.at(-1)).toMatchObject({ toStatus: 'onHold', data: { recallAt } });
    for (const to of ['diagnosing', 'quoted', 'awaitingParts', 'qc', 'ready'] as const) {
      const error = await refusedWith({ id: order.id, to, note: '恢复' }, 'transitionNotAllowed');
      expect(error.params).toEqual({ orderNo: order.orderNo, from: 'onHold', to });
    }
    await refusedWith({ id: order.id, to: 'onHold', note: '再挂', recallAt }, 'transitionNotAllowed');
  });

  it('is never overdue: not in the row, the list filter or the dashboard; overdue again after resuming late', async () => {
    const order = await orderAt(['diagnosing', 'inRepair']);
    const promised = order.promisedAt;
    shop.app.clock.ms = promised - HOUR;
    const parked = await park(order.id, promised + 2 * DAY);
    const heldAt = now();
    expect(parked.overdue).toBe(false);
    // Long past the promise, and past the recall date.
    shop.app.clock.ms = promised + 5 * DAY;
    const held = await shop.admin.ok('workOrders.get', { id: order.id });
    expect(held).toMatchObject({ overdue: false, recallDue: true });
    const overdueList = await shop.admin.ok('workOrders.list', { overdue: true });
    expect(overdueList.rows.map((r) => r.id)).not.toContain(order.id);
    const notOverdue = await shop.admin.ok('workOrders.list', { overdue: false });
    expect(notOverdue.rows.map((r) => r.id)).toContain(order.id);
    const board = await shop.admin.ok('dashboard.get', {});
    expect(board.shop).toMatchObject({ overdue: 0 });
    expect(board.shop?.openByStatus.onHold).toBe(1);
    const queue = (await shop.tech.ok('dashboard.get', {})).queue;
    expect(queue).toMatchObject({ open: 1, overdue: 0 });
    expect(queue?.orders[0]).toMatchObject({ id: order.id, overdue: false });

    // Another order on the bench past its promise is overdue everywhere.
    const late = await orderAt(['diagnosing', 'inRepair']);
    shop.app.clock.ms = late.promisedAt + HOUR;
    expect((await shop.admin.ok('workOrders.list', { overdue: true })).rows.map((r) => r.id)).toEqual([
      late.id,
    ]);
    expect((await shop.admin.ok('dashboard.get', {})).shop?.overdue).toBe(1);
    expect((await shop.tech.ok('dashboard.get', {})).queue).toMatchObject({ open: 2, overdue: 1 });

    // Resuming moves the promise on by the time held: it had an hour left, and has an hour left again.
    const resumedAt = now();
    const resumed = await shop.admin.ok('workOrders.transition', { id: order.id, to: 'inRepair' });
    const moved = promised + (resumedAt - heldAt);
    expect(resumed).toMatchObject({
      status: 'inRepair',
      promisedAt: moved,
      overdue: false,
      heldFrom: null,
      holdReason: null,
      heldAt: null,
      recallAt: null,
      recallDue: false,
    });
    expect(moved - resumedAt).toBe(HOUR);
    expect(resumed.events.at(-1)).toMatchObject({
      fromStatus: 'onHold',
      toStatus: 'inRepair',
      data: { promisedAt: moved },
    });
    shop.app.clock.ms = moved + 1;
    expect((await shop.admin.ok('workOrders.get', { id: order.id })).overdue).toBe(true);
  });

  it('shows the recall as due from its date on, on the server clock', async () => {
    const order = await orderAt(['diagnosing', 'quoted']);
    const recallAt = now() + 2 * DAY;
    await park(order.id, recallAt);
    shop.app.clock.ms = recallAt - 1;
    const before = await shop.admin.ok('workOrders.list', { status: 'onHold' });
    expect(before.rows).toEqual([expect.objectContaining({ id: order.id, recallAt, recallDue: false })]);
    shop.app.clock.ms = recallAt;
    expect((await shop.admin.ok('workOrders.get', { id: order.id })).recallDue).toBe(true);
  });

  it('closes the waits of an order parked from awaiting parts; resuming there says again what it waits for', async () => {
    const order = await orderAt(['diagnosing']);
    const waiting = await shop.admin.ok('workOrders.transition', {
      id: order.id,
      to: 'awaitingParts',
      waitingFor: [{ partId: shop.screen.id, qty: 1 }],
    });
    expect(waiting.waitingFor).toHaveLength(1);
    const parked = await park(order.id, now() + DAY, '客户要自己买原装屏');
    expect(parked.waitingFor).toEqual([]);
    await refusedWith({ id: order.id, to: 'awaitingParts' }, 'waitNeedsSomething', 'note');
    const resumed = await shop.admin.ok('workOrders.transition', {
      id: order.id,
      to: 'awaitingParts',
      note: '客户自带屏幕，等送来',
    });
    expect(resumed).toMatchObject({ status: 'awaitingParts', heldFrom: null });
  });

  it('filters the list by the new statuses and by outcome', async () => {
    const held = await orderAt(['diagnosing']);
    await park(held.id, now() + DAY);
    const gaveUp = await orderAt(['diagnosing']);
    await giveUp(gaveUp.id);
    const declined = await orderAt(['diagnosing', 'declined']);
    const repaired = await orderAt(['diagnosing', 'inRepair', 'qc', 'ready']);
    const list = await shop.admin.ok('workOrders.list', {});
    expect(list.counts).toMatchObject({ onHold: 1, unrepairable: 1, declined: 1, ready: 1 });
    expect((await shop.admin.ok('workOrders.list', { status: 'onHold' })).rows.map((r) => r.id)).toEqual([
      held.id,
    ]);
    const ids = async (outcome: 'repaired' | 'unrepairable' | 'declined' | 'cancelled') =>
      (await shop.admin.ok('workOrders.list', { outcome })).rows.map((r) => r.id);
    expect(await ids('unrepairable')).toEqual([gaveUp.id]);
    expect(await ids('declined')).toEqual([declined.id]);
    expect(await ids('repaired')).toEqual([repaired.id]);
    expect(await ids('cancelled')).toEqual([]);
    const bad = await refused(shop.app, () => shop.admin.raw('workOrders.list', { outcome: 'fixed' }));
    expect(bad.reason).toBe('invalidInput');
  });
});

describe('the migration to outcomes', () => {
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups.splice(0)) cleanup();
  });

  it('fills in the outcome of orders past the bench and the first diagnosis time from the timeline', async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const clock = new FakeClock();
    const old = openOldShop(dir, /_after_sales$/);
    cleanups.unshift(() => old.close());
    const t0 = clock.ms;
    const admin = await setUpOldShop(old, t0);
    const created = { created_at: t0, updated_at: t0 };
    old.insert('customers', {
      id: 'c1',
      code: 'C000001',
      name: '张三',
      type: 'individual',
      level: '普通',
      ...created,
    });
    old.insert('devices', {
      id: 'd1',
      customer_id: 'c1',
      category: '手机',
      brand: 'Apple',
      model: 'iPhone 13',
      ...created,
    });
    let n = 0;
    const add = (id: string, status: string, moves: [string, string, number][]) => {
      old.insert('work_orders', {
        id,
        order_no: `BJ01-${id}`,
        customer_id: 'c1',
        device_id: 'd1',
        status,
        channel: 'walkIn',
        service_type: 'repair',
        priority: 'normal',
        reported_fault: '不开机',
        warranty_status: 'out',
        warranty_computed: 'out',
        promised_at: t0 + DAY,
        created_by: admin,
        ...created,
      });
      for (const [from, to, at] of moves) {
        old.insert('work_order_events', {
          id: `e${++n}`,
          work_order_id: id,
          at,
          kind: 'status',
          from_status: from,
          to_status: to,
        });
      }
    };
    const diag: [string, string, number] = ['received', 'diagnosing', t0 + 1];
    add('A-repaired', 'delivered', [
      diag,
      ['diagnosing', 'inRepair', t0 + 10],
      ['inRepair', 'qc', t0 + 20],
      ['qc', 'ready', t0 + 30],
      ['ready', 'delivered', t0 + 40],
    ]);
    add('B-ready', 'ready', [
      diag,
      ['diagnosing', 'inRepair', t0 + 11],
      ['inRepair', 'qc', t0 + 21],
      ['qc', 'ready', t0 + 31],
    ]);
    add('C-declined', 'declined', [diag, ['diagnosing', 'quoted', t0 + 12], ['quoted', 'declined', t0 + 22]]);
    add('D-declinedBack', 'delivered', [
      diag,
      ['diagnosing', 'quoted', t0 + 13],
      ['quoted', 'declined', t0 + 23],
      ['declined', 'ready', t0 + 33],
      ['ready', 'delivered', t0 + 43],
    ]);
    add('E-cancelled', 'cancelled', [diag, ['diagnosing', 'cancelled', t0 + 14]]);
    add('F-inRepair', 'inRepair', [diag, ['diagnosing', 'inRepair', t0 + 15]]);
    add('G-received', 'received', []);
    old.close();

    const core: Core = createCore({
      dataDir: old.dataDir,
      migrationsDir: MIGRATIONS,
      now: clock.now,
      log: { error: () => undefined, info: () => undefined },
      scryptN: 2 ** 10,
      scheduler: false,
    });
    cleanups.unshift(() => core.close());
    const rows = core.database.sqlite
      .prepare('SELECT id, outcome, diagnosed_at AS diagnosedAt FROM work_orders ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 'A-repaired', outcome: 'repaired', diagnosedAt: t0 + 10 },
      { id: 'B-ready', outcome: 'repaired', diagnosedAt: t0 + 11 },
      { id: 'C-declined', outcome: 'declined', diagnosedAt: t0 + 12 },
      { id: 'D-declinedBack', outcome: 'declined', diagnosedAt: t0 + 13 },
      { id: 'E-cancelled', outcome: 'cancelled', diagnosedAt: t0 + 14 },
      { id: 'F-inRepair', outcome: null, diagnosedAt: t0 + 15 },
      { id: 'G-received', outcome: null, diagnosedAt: null },
    ]);
  });
});
