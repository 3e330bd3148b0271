import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '@shared/dates';
import {
  LOCKOUT_TABLES,
  MANAGER,
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  refused,
  type Detail,
  type Shop,
} from './settlementsFixtures';

/**
 * 订金: taken at intake or later on an open order, counted in the day close on its day, credited at
 * settlement, given back (with a manager's approval) when the order ends without a settlement or
 * the deposit is above the bill. Every refusal is checked at the dispatch and changes nothing.
 */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

const DAY = 86_400_000;
const today = () => localDate(shop.app.clock.ms);

async function intakeWithDeposit(amount: number, method: 'cash' | 'wechat' = 'cash'): Promise<Detail> {
  return shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '屏幕碎裂',
    technicianId: shop.techId,
    deposit: { method, amount, reference: '' },
  });
}

/** WX 维修工时 ¥80 + SM 上门费 ¥50 = ¥130 on the order, moved to the bench first. */
async function billed(order: Detail): Promise<Detail> {
  const onBench = await moveTo(shop, order, ['diagnosing', 'inRepair']);
  return addLines(shop, onBench.id, { charges: [{ itemCode: 'WX' }, { itemCode: 'SM' }] });
}

function auditRows(entity: string) {
  return shop.app.core.database.sqlite
    .prepare('SELECT action, entity_id AS entityId, after FROM audit_log WHERE entity = ? ORDER BY at, id')
    .all(entity) as { action: string; entityId: string; after: string }[];
}

describe('taking a deposit', () => {
  it('at intake: a row, the order’s timeline, the audit log and the order’s deposit summary', async () => {
    const order = await intakeWithDeposit(5000);
    expect(order.deposit).toMatchObject({ held: 5000, credited: 0, refundDue: 5000 });
    expect(order.deposit?.byMethod).toEqual([{ method: 'cash', amount: 5000 }]);
    expect(order.deposit?.entries).toMatchObject([
      { method: 'cash', amount: 5000, businessDate: today(), userName: 'clerk 员工', approvedByName: null },
    ]);
    expect(order.events.find((e) => e.kind === 'deposit')).toMatchObject({
      kind: 'deposit',
      username: 'clerk1',
      data: { action: 'take', method: 'cash', amount: 5000, held: 5000 },
    });
    const [audit] = auditRows('deposit');
    expect(audit?.action).toBe('create');
    expect(JSON.parse(audit?.after ?? '{}')).toMatchObject({
      action: 'take',
      amount: 5000,
      orderNo: order.orderNo,
      businessDate: today(),
    });
    // Later, on the open order, by another method.
    const more = await shop.clerk.ok('deposits.take', {
      id: order.id,
      method: 'wechat',
      amount: 1234,
      reference: 'WX-1',
    });
    expect(more.deposit).toMatchObject({ held: 6234, refundDue: 6234 });
    expect(more.deposit?.byMethod).toEqual([
      { method: 'cash', amount: 5000 },
      { method: 'wechat', amount: 1234 },
    ]);
    // A technician sees that a deposit was taken, never how much.
    const asTech = await shop.tech.ok('workOrders.get', { id: order.id });
    expect(asTech.deposit).toBeNull();
    expect(asTech.events.filter((e) => e.kind === 'deposit').map((e) => e.data)).toEqual([
      { action: 'take' },
      { action: 'take' },
    ]);
  });

  it('refuses a bad amount or method, a closed or settled order, a closed day: exact errors, nothing changed', async () => {
    const order = await orderInRepair(shop);
    const take = (input: Record<string, unknown>) => () =>
      shop.clerk.raw('deposits.take', { id: order.id, method: 'cash', amount: 100, ...input });
    const bad: [unknown, string[]][] = [
      [0, ['more than zero']],
      [-100, ['Too small: expected number to be >=0', 'more than zero']],
      [12.5, ['Invalid input: expected int, received number']],
      ['100', ['Invalid input: expected number, received string']],
      [1_000_000_001, ['Too big: expected number to be <=1000000000']],
    ];
    for (const [amount, messages] of bad) {
      const error = await refused(shop.app, take({ amount }));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.fields).toEqual(
        messages.map((message) => ({ path: 'amount', message, reason: 'invalidInput', params: {} })),
      );
    }
    const onAccount = await refused(shop.app, take({ method: 'onAccount' }));
    expect(onAccount).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'method' }] } });
    const missing = await refused(shop.app, take({ id: '0190a0a0-0000-7000-8000-000000000000' }));
    expect(missing).toMatchObject({ code: 'NOT_FOUND', reason: 'workOrderNotFound' });
    // At intake a bad deposit refuses the whole intake: no order, no number used.
    const intake = await refused(shop.app, () =>
      shop.clerk.raw('workOrders.create', {
        customerId: shop.customerId,
        deviceId: shop.deviceId,
        reportedFault: '不开机',
        deposit: { method: 'cash', amount: 0 },
      }),
    );
    expect(intake).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'deposit.amount' }] } });

    // Settled: the settlement takes the money now.
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    const settled = await refused(shop.app, take({}));
    expect(settled).toMatchObject({
      code: 'CONFLICT',
      reason: 'depositOrderSettled',
      params: { orderNo: order.orderNo, settlementNo: s.settlementNo },
    });

    // Closed: a cancelled order takes nothing.
    const other = await orderInRepair(shop);
    await moveTo(shop, other, ['cancelled']);
    const closed = await refused(shop.app, () =>
      shop.clerk.call('deposits.take', { id: other.id, method: 'cash', amount: 100 }),
    );
    expect(closed).toMatchObject({
      code: 'CONFLICT',
      reason: 'depositOrderClosed',
      params: { orderNo: other.orderNo, status: 'cancelled' },
    });

    // A closed day takes no money, a deposit at intake included.
    const open = await orderInRepair(shop);
    await shop.manager.ok('dayClose.close', { date: today() });
    const dayClosed = await refused(shop.app, () =>
      shop.clerk.call('deposits.take', { id: open.id, method: 'cash', amount: 100 }),
    );
    expect(dayClosed).toMatchObject({ code: 'CONFLICT', reason: 'dayClosed', params: { date: today() } });
    const intakeOnClosedDay = await refused(shop.app, () =>
      shop.clerk.call('workOrders.create', {
        customerId: shop.customerId,
        deviceId: shop.deviceId,
        reportedFault: '不开机',
        deposit: { method: 'cash', amount: 100 },
      }),
    );
    expect(intakeOnClosedDay).toMatchObject({ code: 'CONFLICT', reason: 'dayClosed' });
    // A technician may not take money at all.
    const tech = await refused(shop.app, () =>
      shop.tech.call('deposits.take', { id: open.id, method: 'cash', amount: 100 }),
    );
    expect(tech.code).toBe('FORBIDDEN');
  });
});

describe('crediting at settlement and the day close', () => {
  it('a deposit taken one day is credited at a settlement made another day; each day counts its own money', async () => {
    const order = await intakeWithDeposit(10000, 'cash');
    const firstDay = today();
    const before = await shop.clerk.ok('dayClose.get', { date: firstDay });
    expect(before).toMatchObject({ total: 10000, byMethod: [{ method: 'cash', count: 1, amount: 10000 }] });
    expect(before.deposits).toMatchObject([{ orderNo: order.orderNo, method: 'cash', amount: 10000 }]);
    expect(before.payments).toEqual([]);
    await shop.manager.ok('dayClose.close', { date: firstDay });
    const closedReport = await shop.clerk.ok('dayClose.get', { date: firstDay });

    shop.app.clock.advance(DAY);
    await billed(order);
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    // ¥130 due, ¥100 of it already paid as the deposit: ¥30 left.
    expect(s).toMatchObject({
      total: 13000,
      depositCredited: 10000,
      paid: 10000,
      balance: 3000,
      paymentStatus: 'partlyPaid',
      payments: [],
    });
    const over = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'wechat', amount: 3001 }),
    );
    expect(over).toMatchObject({ reason: 'overBalance', params: { balance: 3000 } });
    const paid = await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'wechat',
      amount: 3000,
    });
    expect(paid).toMatchObject({ paid: 13000, balance: 0, paymentStatus: 'paid' });

    const secondDay = await shop.clerk.ok('dayClose.get', { date: today() });
    expect(secondDay).toMatchObject({
      total: 3000,
      byMethod: [{ method: 'wechat', count: 1, amount: 3000 }],
      deposits: [],
    });
    // The closed day is exactly as it was closed.
    expect(await shop.clerk.ok('dayClose.get', { date: firstDay })).toEqual(closedReport);

    // Revenue over both days: billed once (¥130), collected once (¥100 deposit + ¥30).
    const revenue = await shop.manager.ok('reports.revenue', {
      from: firstDay,
      to: today(),
    });
    expect(revenue.totals).toMatchObject({ billed: 13000, collected: 13000, refunds: 0 });
    expect(revenue.byMethod).toEqual([
      { method: 'cash', amount: 10000, refunds: 0, net: 10000, count: 1 },
      { method: 'wechat', amount: 3000, refunds: 0, net: 3000, count: 1 },
    ]);

    // The home screen's takings agree with the day close: each day once.
    const dashboard = await shop.manager.ok('dashboard.get', {});
    expect(dashboard.counter?.takingsToday).toBe(3000);
    expect(dashboard.shop?.takingsWeek.slice(-2)).toEqual([
      { key: firstDay, amount: 10000 },
      { key: today(), amount: 3000 },
    ]);

    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.deposit).toMatchObject({ held: 10000, credited: 10000, refundDue: 0 });
    expect(detail.events.find((e) => e.kind === 'settlement')).toMatchObject({
      data: { action: 'create', total: 13000, deposit: 10000 },
    });
    const done = await moveTo(shop, detail, ['qc', 'ready', 'delivered']);
    expect(done.status).toBe('delivered');
  });

  it('a deposit above the total leaves a refund due: delivery waits for it; the refund needs a manager', async () => {
    const order = await intakeWithDeposit(20000, 'cash');
    await billed(order);
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(s).toMatchObject({ total: 13000, depositCredited: 13000, paid: 13000, balance: 0 });
    expect(s.paymentStatus).toBe('paid');
    expect(s.depositRefundDue).toBe(7000);
    const ready = await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), [
      'qc',
      'ready',
    ]);
    expect(ready.deposit).toMatchObject({ held: 20000, credited: 13000, refundDue: 7000 });

    const deliver = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
    );
    expect(deliver).toMatchObject({
      code: 'CONFLICT',
      reason: 'depositStillHeld',
      params: { orderNo: order.orderNo, amount: 7000 },
    });
    const refund = (input: Record<string, unknown>) => () =>
      shop.clerk.raw('deposits.refund', {
        id: order.id,
        method: 'cash',
        amount: 7000,
        reason: '订金多收',
        ...input,
      });
    const tooMuch = await refused(shop.app, refund({ amount: 7001, approval: MANAGER }));
    expect(tooMuch).toMatchObject({
      code: 'VALIDATION',
      reason: 'overDepositRefund',
      params: { method: 'cash', refundable: 7000 },
      details: { fields: [{ path: 'amount' }] },
    });
    const otherMethod = await refused(shop.app, refund({ method: 'wechat', approval: MANAGER }));
    expect(otherMethod).toMatchObject({ reason: 'overDepositRefund', params: { refundable: 0 } });
    const noApproval = await refused(shop.app, refund({}));
    expect(noApproval).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'needsApproval',
      params: { action: 'refund' },
    });
    const wrong = await refused(
      shop.app,
      refund({ approval: { username: MANAGER.username, password: 'wrong-password' } }),
      LOCKOUT_TABLES,
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', reason: 'approverWrongPassword' });
    const noReason = await refused(shop.app, refund({ reason: ' ', approval: MANAGER }));
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } });

    const back = await shop.clerk.ok('deposits.refund', {
      id: order.id,
      method: 'cash',
      amount: 7000,
      reason: '订金多收',
      approval: MANAGER,
    });
    expect(back.deposit).toMatchObject({ held: 13000, credited: 13000, refundDue: 0 });
    expect(back.deposit?.entries.at(-1)).toMatchObject({
      amount: -7000,
      reason: '订金多收',
      userName: 'clerk 员工',
      approvedByName: 'manager 员工',
    });
    expect(back.events.at(-1)).toMatchObject({
      kind: 'deposit',
      note: '订金多收',
      data: { action: 'refund', amount: -7000, held: 13000, approvedBy: { username: MANAGER.username } },
    });
    const day = await shop.clerk.ok('dayClose.get', { date: today() });
    expect(day).toMatchObject({ total: 13000, byMethod: [{ method: 'cash', count: 2, amount: 13000 }] });
    expect(day.deposits.map((d) => [d.amount, d.reason, d.approvedByName])).toEqual([
      [20000, '', null],
      [-7000, '订金多收', 'manager 员工'],
    ]);
    // Nothing left to give back; the order may now be delivered.
    const again = await refused(shop.app, refund({ amount: 1, approval: MANAGER }));
    expect(again).toMatchObject({ reason: 'overDepositRefund', params: { refundable: 0 } });
    const delivered = await shop.clerk.ok('workOrders.transition', { id: order.id, to: 'delivered' });
    expect(delivered.status).toBe('delivered');
    const closed = await refused(shop.app, refund({ amount: 1, approval: MANAGER }));
    expect(closed).toMatchObject({ reason: 'depositOrderClosed', params: { status: 'delivered' } });
  });

  it('voiding the settlement gives its credit back to the order’s deposit', async () => {
    const order = await intakeWithDeposit(5000, 'wechat');
    await billed(order);
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(s).toMatchObject({ depositCredited: 5000, paid: 5000, balance: 8000 });
    const voided = await shop.manager.ok('settlements.void', { id: s.id, reason: '重开结算单' });
    // No payment was taken, so nothing is reversed; the deposit stays with the order.
    expect(voided).toMatchObject({ status: 'void', paid: 0, payments: [] });
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.deposit).toMatchObject({ held: 5000, credited: 0, refundDue: 5000 });
    const again = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(again).toMatchObject({ depositCredited: 5000, balance: 8000 });
  });
});

describe('an order that ends without a settlement', () => {
  for (const ending of ['declined', 'unrepairable', 'cancelled'] as const) {
    it(`${ending}: it cannot end holding the deposit; the refund, approved, lets it end`, async () => {
      const order = await intakeWithDeposit(8800, 'cash');
      const path =
        ending === 'declined' ? (['diagnosing', 'declined', 'ready'] as const) : (['diagnosing'] as const);
      const moved = await moveTo(shop, order, [...path]);
      if (ending === 'unrepairable') {
        const givenUp = await shop.admin.ok('workOrders.transition', {
          id: order.id,
          to: 'unrepairable',
          note: '主板损坏',
          unrepairableReason: 'noParts',
        });
        expect((await moveTo(shop, givenUp, ['ready'])).status).toBe('ready');
      } else {
        expect(moved.status).toBe(ending === 'declined' ? 'ready' : 'diagnosing');
      }
      const last = ending === 'cancelled' ? 'cancelled' : 'delivered';
      const end = () =>
        shop.clerk.call('workOrders.transition', {
          id: order.id,
          to: last,
          note: last === 'cancelled' ? '客户不修了' : '',
        });
      const held = await refused(shop.app, end);
      expect(held).toMatchObject({
        code: 'CONFLICT',
        reason: 'depositStillHeld',
        params: { orderNo: order.orderNo, amount: 8800 },
      });
      const back = await shop.manager.ok('deposits.refund', {
        id: order.id,
        method: 'cash',
        amount: 8800,
        reason: ending === 'cancelled' ? '取消维修' : '未维修，退订金',
      });
      expect(back.deposit).toMatchObject({ held: 0, refundDue: 0 });
      const ended = await end();
      if (!ended.ok) expect.fail(JSON.stringify(ended.error));
      expect(ended.data.status).toBe(last);
      const day = await shop.clerk.ok('dayClose.get', { date: today() });
      expect(day.total).toBe(0);
      expect(day.deposits.map((d) => d.amount)).toEqual([8800, -8800]);
    });
  }

  it('a refund on a closed day is refused until a manager reopens it', async () => {
    const order = await intakeWithDeposit(3000, 'cash');
    await shop.manager.ok('dayClose.close', { date: today() });
    const closed = await refused(shop.app, () =>
      shop.manager.call('deposits.refund', { id: order.id, method: 'cash', amount: 3000, reason: '取消' }),
    );
    expect(closed).toMatchObject({ code: 'CONFLICT', reason: 'dayClosed' });
    shop.app.clock.advance(DAY);
    // The next day is open: the refund counts there, the closed day keeps its deposit.
    await shop.manager.ok('deposits.refund', { id: order.id, method: 'cash', amount: 3000, reason: '取消' });
    expect((await shop.clerk.ok('dayClose.get', { date: today() })).total).toBe(-3000);
    expect((await shop.clerk.ok('dayClose.get', { date: localDate(shop.app.clock.ms - DAY) })).total).toBe(
      3000,
    );
  });
});
