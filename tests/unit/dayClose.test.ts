import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, localDate } from '@shared/dates';
import {
  LOCKOUT_TABLES,
  MANAGER,
  addLines,
  openShop,
  orderInRepair,
  refused,
  type Shop,
} from './settlementsFixtures';

/** 日结: the day's takings by method and by user, refunds and voids; a closed day takes no money. */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

const DAY = 86_400_000;

async function settlement(charges: string[], parts: { partId: string; qty: number }[] = []) {
  const order = await orderInRepair(shop);
  await addLines(shop, order.id, { charges: charges.map((itemCode) => ({ itemCode })), parts });
  return shop.clerk.ok('settlements.create', { id: order.id });
}

function today(): string {
  return localDate(shop.app.clock.ms);
}

describe('the day report', () => {
  it('adds payments, refunds and a void’s reversals by method and by user, to the net total', async () => {
    const a = await settlement(['WX', 'SM']);
    const b = await settlement([], [{ partId: shop.screen.id, qty: 1 }]);
    await shop.clerk.ok('settlements.pay', {
      settlementId: a.id,
      method: 'cash',
      amount: 10000,
      tendered: 10000,
    });
    await shop.manager.ok('settlements.pay', { settlementId: a.id, method: 'wechat', amount: 3000 });
    await shop.manager.ok('settlements.refund', {
      settlementId: a.id,
      method: 'wechat',
      amount: 1000,
      reason: '少换一件',
    });
    await shop.clerk.ok('settlements.pay', { settlementId: b.id, method: 'cash', amount: 20000 });
    shop.app.clock.advance(60_000);
    await shop.manager.ok('settlements.void', { id: b.id, reason: '客户取消维修' });

    const report = await shop.clerk.ok('dayClose.get', { date: today() });
    expect(report).toMatchObject({ date: today(), closed: false, history: [], total: 12000 });
    expect(report.byMethod).toEqual([
      { method: 'cash', count: 3, amount: 10000 },
      { method: 'wechat', count: 2, amount: 2000 },
    ]);
    expect(report.byUser).toEqual([
      { userName: 'clerk 员工', count: 2, amount: 30000 },
      { userName: 'manager 员工', count: 3, amount: -18000 },
    ]);
    expect(report.payments.map((p) => [p.settlementNo, p.method, p.amount])).toEqual([
      [a.settlementNo, 'cash', 10000],
      [a.settlementNo, 'wechat', 3000],
      [a.settlementNo, 'wechat', -1000],
      [b.settlementNo, 'cash', 20000],
      [b.settlementNo, 'cash', -20000],
    ]);
    expect(report.payments[0]?.orderNo).toBe(a.orderNo);
    expect(report.refunds.map((p) => [p.amount, p.reason, p.reversesId !== null])).toEqual([
      [-1000, '少换一件', false],
      [-20000, '客户取消维修', true],
    ]);
    expect(report.voids).toEqual([
      {
        settlementNo: b.settlementNo,
        orderNo: b.orderNo,
        total: 45000,
        reason: '客户取消维修',
        by: 'manager 员工',
        at: shop.app.clock.ms,
      },
    ]);
    // The sums agree three ways.
    const sum = (rows: { amount: number }[]) => rows.reduce((s, r) => s + r.amount, 0);
    expect(sum(report.byMethod)).toBe(report.total);
    expect(sum(report.byUser)).toBe(report.total);

    const other = await shop.clerk.ok('dayClose.get', { date: addDays(today(), -1) });
    expect(other).toMatchObject({
      payments: [],
      voids: [],
      byMethod: [],
      byUser: [],
      total: 0,
      closed: false,
    });
  });

  it('counts a payment on the day it was taken', async () => {
    const s = await settlement(['WX']);
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 3000 });
    const first = today();
    shop.app.clock.advance(DAY);
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'alipay', amount: 5000 });
    expect((await shop.clerk.ok('dayClose.get', { date: first })).total).toBe(3000);
    expect((await shop.clerk.ok('dayClose.get', { date: today() })).byMethod).toEqual([
      { method: 'alipay', count: 1, amount: 5000 },
    ]);
  });
});

describe('closing and reopening', () => {
  it('a closed day refuses payments, refunds and voids until a manager reopens it, all logged', async () => {
    const s = await settlement(['WX', 'SM']);
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 5000 });
    shop.app.clock.advance(60_000);
    const closed = await shop.clerk.ok('dayClose.close', { date: today() });
    expect(closed).toMatchObject({ closed: true, total: 5000 });
    expect(closed.history).toEqual([
      { action: 'close', at: shop.app.clock.ms, by: 'clerk 员工', reason: '' },
    ]);
    const stored = shop.app.core.database.sqlite
      .prepare("SELECT snapshot FROM day_close_events WHERE action = 'close'")
      .get() as { snapshot: string };
    expect(JSON.parse(stored.snapshot)).toMatchObject({
      closed: true,
      total: 5000,
      byMethod: closed.byMethod,
    });

    for (const call of [
      () => shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 100 }),
      () =>
        shop.manager.call('settlements.refund', {
          settlementId: s.id,
          method: 'cash',
          amount: 100,
          reason: '退款',
        }),
      () => shop.manager.call('settlements.void', { id: s.id, reason: '作废' }),
    ]) {
      const error = await refused(shop.app, call);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        reason: 'dayClosed',
        params: { date: today() },
        details: { fields: [{ path: 'date' }] },
      });
    }
    const twice = await refused(shop.app, () => shop.clerk.call('dayClose.close', { date: today() }));
    expect(twice).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'date' }] } });

    const alone = await refused(shop.app, () =>
      shop.clerk.call('dayClose.reopen', { date: today(), reason: '漏记一笔' }),
    );
    expect(alone).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
    const wrong = await refused(
      shop.app,
      () =>
        shop.clerk.call('dayClose.reopen', {
          date: today(),
          reason: '漏记一笔',
          approval: { ...MANAGER, password: 'guess' },
        }),
      LOCKOUT_TABLES,
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.password' }] } });
    const noReason = await refused(shop.app, () =>
      shop.manager.call('dayClose.reopen', { date: today(), reason: '' }),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } });

    shop.app.clock.advance(60_000);
    const reopened = await shop.clerk.ok('dayClose.reopen', {
      date: today(),
      reason: '漏记一笔',
      approval: MANAGER,
    });
    expect(reopened.closed).toBe(false);
    expect(reopened.history.map((h) => [h.action, h.by, h.reason])).toEqual([
      ['close', 'clerk 员工', ''],
      ['reopen', 'manager 员工', '漏记一笔'],
    ]);
    const paid = await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 8000 });
    expect(paid.paymentStatus).toBe('paid');
    const reclosed = await shop.clerk.ok('dayClose.close', { date: today() });
    expect(reclosed).toMatchObject({ closed: true, total: 13000 });
    expect(reclosed.history).toHaveLength(3);

    const audit = (await shop.admin.ok('audit.list', { entity: 'dayClose' })).rows;
    expect(audit.map((r) => [r.username, r.after?.closed])).toEqual([
      ['clerk1', true],
      ['clerk1', false],
      ['clerk1', true],
    ]);
    expect(audit[1]?.after).toMatchObject({ reason: '漏记一笔', approvedBy: { username: 'manager1' } });
  });

  it('a closed day stays as closed while later days take money, a void of its settlement included', async () => {
    const s = await settlement(['WX']);
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 8000 });
    const first = today();
    const closed = await shop.clerk.ok('dayClose.close', { date: first });
    shop.app.clock.advance(DAY);
    const voided = await shop.manager.ok('settlements.void', { id: s.id, reason: '返修退款' });
    expect(voided.payments.at(-1)).toMatchObject({ amount: -8000, businessDate: today() });
    expect(await shop.clerk.ok('dayClose.get', { date: first })).toEqual(closed);
    const second = await shop.clerk.ok('dayClose.get', { date: today() });
    expect(second).toMatchObject({ total: -8000, closed: false });
    expect(second.voids).toHaveLength(1);
  });

  it('refuses a day not yet begun, a date that does not exist, and reopening an open day', async () => {
    const future = await refused(shop.app, () =>
      shop.clerk.call('dayClose.close', { date: addDays(today(), 1) }),
    );
    expect(future).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'date' }] } });
    const bogus = await refused(shop.app, () => shop.clerk.call('dayClose.get', { date: '2026-02-30' }));
    expect(bogus).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'date' }] } });
    const shape = await refused(shop.app, () => shop.clerk.call('dayClose.get', { date: '2026/11/23' }));
    expect(shape).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'date' }] } });
    const open = await refused(shop.app, () =>
      shop.manager.call('dayClose.reopen', { date: today(), reason: '没关过' }),
    );
    expect(open).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'date' }] } });
    // An empty past day can be closed.
    expect((await shop.clerk.ok('dayClose.close', { date: addDays(today(), -3) })).closed).toBe(true);
  });
});
