import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDate } from '@shared/dates';
import {
  MANAGER,
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  LOCKOUT_TABLES,
  refused,
  type Detail,
  type Shop,
} from './settlementsFixtures';

/** Settlements (结算单) and their payments through dispatch, as the counter uses them. */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

/** The issue's order: two labor lines and three parts, one of them under warranty. */
async function issueOrder(): Promise<Detail> {
  const order = await orderInRepair(shop);
  return addLines(shop, order.id, {
    charges: [{ itemCode: 'JC' }, { itemCode: 'WX' }],
    parts: [
      { partId: shop.screen.id, qty: 1 },
      { partId: shop.battery.id, qty: 1, coveredByWarranty: true },
      { partId: shop.film.id, qty: 2 },
    ],
  });
}

async function setBilling(patch: Partial<Awaited<ReturnType<typeof billing>>>) {
  await shop.admin.ok('settings.update', { billing: { ...(await billing()), ...patch } });
}
async function billing() {
  return (await shop.admin.ok('settings.get', {})).billing;
}

function sql<T>(query: string, ...params: unknown[]): T {
  return shop.app.core.database.sqlite.prepare(query).get(...params) as T;
}

describe('the issue scenario', () => {
  it('settles two labor lines, three parts (one warranty), a discount, 抹零 to the 角, cash and WeChat', async () => {
    await setBilling({ roundingUnit: 'jiao', roundingMethod: 'down' });
    const order = await issueOrder();
    const preview = await shop.clerk.ok('settlements.preview', {
      id: order.id,
      discount: { type: 'amount', value: 3333 },
    });
    // 检测费 30 + 维修工时 80 + 屏幕 450 + 电池 0 (warranty, 150) + 膜 2 × 20 = 600.00
    // − 33.33 = 566.67; 抹零 to the 角, down: 566.60 = 伍佰陆拾陆元陆角整.
    expect(preview).toMatchObject({
      subtotal: 60000,
      warrantyValue: 15000,
      discountType: 'amount',
      discountValue: 3333,
      discountAmount: 3333,
      discountNeedsApproval: false,
      rounding: -7,
      total: 56660,
      totalInWords: '伍佰陆拾陆元陆角整',
    });
    expect(
      preview.lines.map((l) => [l.kind, l.code, l.qty, l.unitPrice, l.amount, l.listAmount, l.cost]),
    ).toEqual([
      ['labor', 'JC', 1, 3000, 3000, 3000, 0],
      ['labor', 'WX', 1, 8000, 8000, 8000, 0],
      ['part', 'SCR-IP13', 1, 45000, 45000, 45000, 30000],
      ['part', 'BAT-IP13', 1, 15000, 0, 15000, 8000],
      ['part', 'FILM-01', 2, 2000, 4000, 4000, 600],
    ]);
    expect(preview.lines[0]?.detail).toBe('technician 员工 · 0.5h');
    expect(preview.lines[2]?.detail).toBe('OLED');

    shop.app.clock.advance(60_000);
    const made = await shop.clerk.ok('settlements.create', {
      id: order.id,
      discount: { type: 'amount', value: 3333 },
      note: '老客户',
    });
    const day = localDate(shop.app.clock.ms).replaceAll('-', '');
    expect(made).toMatchObject({
      settlementNo: `JS-BJ01-${day}-0001`,
      workOrderId: order.id,
      orderNo: order.orderNo,
      customerName: '张三',
      deviceLabel: 'Apple iPhone 13',
      status: 'active',
      paymentStatus: 'unpaid',
      total: 56660,
      paid: 0,
      balance: 56660,
      note: '老客户',
      createdBy: 'clerk 员工',
      createdAt: shop.app.clock.ms,
      discountApprovedBy: null,
      payments: [],
      voidedAt: null,
    });
    expect(made.lines).toEqual(preview.lines);

    const cash = await shop.clerk.ok('settlements.pay', {
      settlementId: made.id,
      method: 'cash',
      amount: 30000,
      tendered: 32000,
    });
    expect(cash).toMatchObject({ paymentStatus: 'partlyPaid', paid: 30000, balance: 26660 });
    expect(cash.payments[0]).toMatchObject({ method: 'cash', amount: 30000, tendered: 32000, change: 2000 });
    const wechat = await shop.clerk.ok('settlements.pay', {
      settlementId: made.id,
      method: 'wechat',
      amount: 26660,
      reference: '4200001234',
    });
    expect(wechat).toMatchObject({ paymentStatus: 'paid', paid: 56660, balance: 0 });
    expect(wechat.payments[1]).toMatchObject({
      method: 'wechat',
      amount: 26660,
      tendered: null,
      change: null,
      reference: '4200001234',
      userName: 'clerk 员工',
      approvedByName: null,
      businessDate: localDate(shop.app.clock.ms),
    });

    const delivered = await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), [
      'qc',
      'ready',
      'delivered',
    ]);
    expect(delivered.status).toBe('delivered');
    expect(delivered.settlement).toMatchObject({
      settlementNo: made.settlementNo,
      paymentStatus: 'paid',
      balance: 0,
    });
    const kinds = delivered.events.filter((e) => e.kind === 'settlement').map((e) => e.data?.action);
    expect(kinds).toEqual(['create', 'pay', 'pay']);

    const report = await shop.clerk.ok('dayClose.get', { date: localDate(shop.app.clock.ms) });
    expect(report.byMethod).toEqual([
      { method: 'cash', count: 1, amount: 30000 },
      { method: 'wechat', count: 1, amount: 26660 },
    ]);
    expect(report.total).toBe(56660);
  });
});

describe('making a settlement', () => {
  it('is one active settlement per order, on a finished order with lines; the lines are a copy', async () => {
    const fresh = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      reportedFault: '不开机',
    });
    const early = await refused(shop.app, () => shop.clerk.call('settlements.create', { id: fresh.id }));
    expect(early).toMatchObject({
      code: 'CONFLICT',
      reason: 'notSettleable',
      params: { orderNo: fresh.orderNo, status: 'received' },
      details: { fields: [{ path: 'id' }] },
    });

    const order = await orderInRepair(shop);
    const empty = await refused(shop.app, () => shop.clerk.call('settlements.create', { id: order.id }));
    expect(empty).toMatchObject({
      code: 'CONFLICT',
      reason: 'nothingToSettle',
      params: { orderNo: order.orderNo },
    });

    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const first = await shop.clerk.ok('settlements.create', { id: order.id });
    const twice = await refused(shop.app, () => shop.clerk.call('settlements.create', { id: order.id }));
    expect(twice).toMatchObject({
      code: 'CONFLICT',
      reason: 'alreadySettled',
      params: { orderNo: order.orderNo, settlementNo: first.settlementNo },
    });
    expect(await shop.clerk.ok('settlements.forOrder', { id: order.id })).toMatchObject({ id: first.id });

    // The saved lines do not follow settings or catalog changes.
    await setBilling({
      serviceItems: (await billing()).serviceItems.map((i) => ({ ...i, name: `${i.name}X` })),
    });
    expect((await shop.clerk.ok('settlements.get', { id: first.id })).lines[0]?.name).toBe('维修工时');

    const declined = await moveTo(
      shop,
      await shop.clerk.ok('workOrders.create', {
        customerId: shop.customerId,
        deviceId: shop.deviceId,
        reportedFault: '进水',
      }),
      ['diagnosing', 'quoted'],
    );
    await shop.tech.ok('workOrders.addCharge', { id: declined.id, itemCode: 'JC' });
    await moveTo(shop, declined, ['declined']);
    const inspection = await shop.clerk.ok('settlements.create', { id: declined.id });
    expect(inspection).toMatchObject({ total: 3000, settlementNo: expect.stringMatching(/-0002$/) });
  });

  it('numbers settlements per day, never twice', async () => {
    const nos: string[] = [];
    for (let i = 0; i < 2; i++) {
      const order = await orderInRepair(shop);
      await addLines(shop, order.id, { charges: [{ itemCode: 'SM' }] });
      nos.push((await shop.clerk.ok('settlements.create', { id: order.id })).settlementNo);
    }
    shop.app.clock.advance(24 * 3_600_000);
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'SM' }] });
    nos.push((await shop.clerk.ok('settlements.create', { id: order.id })).settlementNo);
    const day = (offset: number) => localDate(shop.app.clock.ms + offset).replaceAll('-', '');
    expect(nos).toEqual([
      `JS-BJ01-${day(-86_400_000)}-0001`,
      `JS-BJ01-${day(-86_400_000)}-0002`,
      `JS-BJ01-${day(0)}-0001`,
    ]);
  });

  it('writes the settlement, its timeline entry and its audit row together', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const made = await shop.clerk.ok('settlements.create', {
      id: order.id,
      discount: { type: 'percent', value: 5 },
    });
    expect(made).toMatchObject({
      discountType: 'percent',
      discountValue: 5,
      discountAmount: 400,
      total: 7600,
    });
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'settlement',
      username: 'clerk1',
      data: { action: 'create', settlementNo: made.settlementNo, total: 7600 },
    });
    const audit = (await shop.admin.ok('audit.list', { entity: 'settlement' })).rows;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityId: made.id, username: 'clerk1' });
    expect(audit[0]?.after).toMatchObject({
      settlementNo: made.settlementNo,
      total: 7600,
      discountAmount: 400,
    });
  });
});

describe('manager approval of a discount above the limit', () => {
  it('is refused without it or with a wrong password, changing nothing; recorded with the right one', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const discount = { type: 'percent' as const, value: 20 };
    expect(
      (await shop.clerk.ok('settlements.preview', { id: order.id, discount })).discountNeedsApproval,
    ).toBe(true);

    const missing = await refused(shop.app, () =>
      shop.clerk.call('settlements.create', { id: order.id, discount }),
    );
    expect(missing).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'needsApproval',
      params: { action: 'discount' },
      details: { fields: [{ path: 'approval' }] },
    });
    expect(missing.message).toContain('10%');
    const wrong = await refused(
      shop.app,
      () =>
        shop.clerk.call('settlements.create', {
          id: order.id,
          discount,
          approval: { username: 'manager1', password: 'wrong-password' },
        }),
      LOCKOUT_TABLES,
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.password' }] } });
    // Counted like a wrong sign-in, so approvals cannot be used to guess a manager's password.
    expect(sql<{ n: number }>("SELECT failed_attempts AS n FROM users WHERE username = 'manager1'").n).toBe(
      1,
    );
    const nobody = await refused(shop.app, () =>
      shop.clerk.call('settlements.create', {
        id: order.id,
        discount,
        approval: { username: 'ghost', password: 'x' },
      }),
    );
    expect(nobody).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.username' }] } });

    const made = await shop.clerk.ok('settlements.create', { id: order.id, discount, approval: MANAGER });
    expect(made).toMatchObject({ discountAmount: 1600, total: 6400, discountApprovedBy: 'manager 员工' });
    const managerId = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'manager1')?.id;
    expect(sql<{ id: string }>('SELECT discount_approved_by AS id FROM settlements').id).toBe(managerId);
    const audit = (await shop.admin.ok('audit.list', { entity: 'settlement' })).rows[0];
    expect(audit).toMatchObject({ username: 'clerk1' });
    expect(audit?.after).toMatchObject({ approvedBy: { id: managerId, username: 'manager1' } });
  });

  it('a disabled manager cannot approve; a manager needs no one; within the limit needs no one', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const managerId =
      (await shop.admin.ok('users.list', {})).find((u) => u.username === 'manager1')?.id ?? '';
    await shop.admin.ok('users.update', { id: managerId, disabled: true });
    const disabled = await refused(shop.app, () =>
      shop.clerk.call('settlements.create', {
        id: order.id,
        discount: { type: 'amount', value: 2000 },
        approval: MANAGER,
      }),
    );
    expect(disabled).toMatchObject({
      code: 'FORBIDDEN',
      details: { fields: [{ path: 'approval.username' }] },
    });
    const within = await shop.clerk.ok('settlements.create', {
      id: order.id,
      discount: { type: 'amount', value: 800 },
    });
    expect(within).toMatchObject({ discountAmount: 800, discountApprovedBy: null });
    await shop.admin.ok('settlements.void', { id: within.id, reason: '重开' });
    const own = await shop.admin.ok('settlements.create', {
      id: order.id,
      discount: { type: 'percent', value: 50 },
    });
    expect(own).toMatchObject({ discountAmount: 4000, discountApprovedBy: '店长老王' });
  });
});

describe('payments', () => {
  async function settled(itemCodes = ['WX', 'SM']) {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: itemCodes.map((itemCode) => ({ itemCode })) });
    return shop.clerk.ok('settlements.create', { id: order.id });
  }

  it('takes partial payments up to the balance, in cash with change', async () => {
    const s = await settled();
    expect(s.total).toBe(13000);
    const part = await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'alipay',
      amount: 3000,
    });
    expect(part).toMatchObject({ paymentStatus: 'partlyPaid', paid: 3000, balance: 10000 });
    const over = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'card', amount: 10001 }),
    );
    expect(over).toMatchObject({
      code: 'VALIDATION',
      reason: 'overBalance',
      params: { balance: 10000 },
      details: { fields: [{ path: 'amount' }] },
    });
    const short = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', {
        settlementId: s.id,
        method: 'cash',
        amount: 5000,
        tendered: 4999,
      }),
    );
    expect(short).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'tendered' }] } });
    const notCash = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', {
        settlementId: s.id,
        method: 'card',
        amount: 5000,
        tendered: 5000,
      }),
    );
    expect(notCash).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'tendered' }] } });
    const zero = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 0 }),
    );
    expect(zero).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'amount' }] } });
    const fraction = await refused(shop.app, () =>
      shop.clerk.raw('settlements.pay', { settlementId: s.id, method: 'cash', amount: 10.5 }),
    );
    expect(fraction).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'amount' }] } });

    const exact = await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'cash',
      amount: 4000,
    });
    expect(exact.payments[1]).toMatchObject({ tendered: 4000, change: 0 });
    const rest = await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'cash',
      amount: 6000,
      tendered: 10000,
    });
    expect(rest).toMatchObject({ paymentStatus: 'paid', paid: 13000, balance: 0 });
    expect(rest.payments[2]).toMatchObject({ amount: 6000, tendered: 10000, change: 4000 });
    const paidUp = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 1 }),
    );
    expect(paidUp).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'amount' }] } });
    const audit = (await shop.admin.ok('audit.list', { entity: 'payment' })).rows;
    expect(audit).toHaveLength(3);
    expect(audit.every((r) => r.action === 'create' && r.username === 'clerk1')).toBe(true);
  });

  it('on account (挂账) needs a manager', async () => {
    const s = await settled();
    const missing = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'onAccount', amount: 13000 }),
    );
    expect(missing).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
    const wrong = await refused(
      shop.app,
      () =>
        shop.clerk.call('settlements.pay', {
          settlementId: s.id,
          method: 'onAccount',
          amount: 13000,
          approval: { ...MANAGER, password: 'nope' },
        }),
      LOCKOUT_TABLES,
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.password' }] } });
    const owed = await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'onAccount',
      amount: 13000,
      approval: MANAGER,
    });
    expect(owed).toMatchObject({ paymentStatus: 'paid', balance: 0 });
    expect(owed.payments[0]).toMatchObject({
      method: 'onAccount',
      approvedByName: 'manager 员工',
      userName: 'clerk 员工',
    });
  });

  it('a technician cannot see or take money; a clerk cannot refund or void alone', async () => {
    const s = await settled();
    for (const [method, input] of [
      ['settlements.pay', { settlementId: s.id, method: 'cash', amount: 100 }],
      ['settlements.get', { id: s.id }],
      ['settlements.create', { id: s.workOrderId }],
      ['dayClose.close', { date: localDate(shop.app.clock.ms) }],
    ] as const) {
      const error = await refused(shop.app, () => shop.tech.raw(method, input));
      expect(error.code).toBe('FORBIDDEN');
    }
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 1000 });
    const refund = await refused(shop.app, () =>
      shop.clerk.call('settlements.refund', {
        settlementId: s.id,
        method: 'cash',
        amount: 100,
        reason: '多收',
      }),
    );
    expect(refund).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
    const voided = await refused(shop.app, () =>
      shop.clerk.call('settlements.void', { id: s.id, reason: '开错了' }),
    );
    expect(voided).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
  });
});

describe('refunds and voids', () => {
  async function paidSettlement() {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, {
      charges: [{ itemCode: 'WX' }],
      parts: [{ partId: shop.screen.id, qty: 1 }],
    });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(s.total).toBe(53000);
    await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'cash',
      amount: 20000,
      tendered: 20000,
    });
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'wechat', amount: 30000 });
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'wechat', amount: 3000 });
    return s;
  }

  it('a refund is a negative payment, no more than that method took net, with a reason', async () => {
    const s = await paidSettlement();
    const tooMuch = await refused(shop.app, () =>
      shop.manager.call('settlements.refund', {
        settlementId: s.id,
        method: 'cash',
        amount: 20001,
        reason: '退差价',
      }),
    );
    expect(tooMuch).toMatchObject({
      code: 'VALIDATION',
      reason: 'overRefund',
      params: { method: 'cash', net: 20000 },
      details: { fields: [{ path: 'amount' }] },
    });
    const never = await refused(shop.app, () =>
      shop.manager.call('settlements.refund', {
        settlementId: s.id,
        method: 'card',
        amount: 1,
        reason: '退差价',
      }),
    );
    expect(never).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'amount' }] } });
    const noReason = await refused(shop.app, () =>
      shop.manager.call('settlements.refund', { settlementId: s.id, method: 'cash', amount: 1, reason: ' ' }),
    );
    expect(noReason).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } });

    const refunded = await shop.clerk.ok('settlements.refund', {
      settlementId: s.id,
      method: 'wechat',
      amount: 5000,
      reason: '膜不要了',
      approval: MANAGER,
    });
    expect(refunded).toMatchObject({ paid: 48000, balance: 5000, paymentStatus: 'partlyPaid' });
    expect(refunded.payments.at(-1)).toMatchObject({
      method: 'wechat',
      amount: -5000,
      reason: '膜不要了',
      reversesId: null,
      userName: 'clerk 员工',
      approvedByName: 'manager 员工',
    });
    // WeChat has 28,000 left net: a second refund above it is refused.
    const above = await refused(shop.app, () =>
      shop.manager.call('settlements.refund', {
        settlementId: s.id,
        method: 'wechat',
        amount: 28001,
        reason: '再退',
      }),
    );
    expect(above.code).toBe('VALIDATION');
    const order = await shop.clerk.ok('workOrders.get', { id: s.workOrderId });
    expect(order.events.at(-1)).toMatchObject({
      kind: 'settlement',
      data: { action: 'refund', amount: -5000 },
    });
  });

  it('a void reverses each method net today, keeps every row, and frees the order for a new settlement', async () => {
    const s = await paidSettlement();
    await shop.manager.ok('settlements.refund', {
      settlementId: s.id,
      method: 'wechat',
      amount: 5000,
      reason: '退膜',
    });
    shop.app.clock.advance(60_000);
    const voided = await shop.clerk.ok('settlements.void', {
      id: s.id,
      reason: '价格开错',
      approval: MANAGER,
    });
    expect(voided).toMatchObject({
      status: 'void',
      voidedAt: shop.app.clock.ms,
      voidedBy: 'manager 员工',
      voidReason: '价格开错',
      paid: 0,
      total: 53000,
    });
    const reversals = voided.payments.slice(4);
    expect(reversals.map((p) => [p.method, p.amount, p.reason])).toEqual([
      ['cash', -20000, '价格开错'],
      ['wechat', -28000, '价格开错'],
    ]);
    // Each reversal names the latest payment of its method it reverses.
    expect(reversals[0]?.reversesId).toBe(voided.payments[0]?.id);
    expect(reversals[1]?.reversesId).toBe(voided.payments[2]?.id);
    expect(sql<{ n: number }>('SELECT count(*) AS n FROM payments WHERE settlement_id = ?', s.id).n).toBe(6);
    expect(
      sql<{ n: number }>('SELECT count(*) AS n FROM settlement_lines WHERE settlement_id = ?', s.id).n,
    ).toBe(2);

    const again = await refused(shop.app, () =>
      shop.manager.call('settlements.void', { id: s.id, reason: '再作废' }),
    );
    expect(again).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'id' }] } });
    const payVoid = await refused(shop.app, () =>
      shop.clerk.call('settlements.pay', { settlementId: s.id, method: 'cash', amount: 1 }),
    );
    expect(payVoid).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'settlementId' }] } });

    const order = await shop.clerk.ok('workOrders.get', { id: s.workOrderId });
    expect(order.settlement).toBeNull();
    expect(order.events.at(-1)).toMatchObject({
      kind: 'settlement',
      note: '价格开错',
      data: { action: 'void', settlementNo: s.settlementNo },
    });
    expect(await shop.clerk.ok('settlements.forOrder', { id: s.workOrderId })).toBeNull();
    const audit = (await shop.admin.ok('audit.list', { entity: 'settlement', action: 'void' })).rows;
    expect(audit[0]).toMatchObject({ username: 'clerk1', entityId: s.id });
    expect(audit[0]?.after).toMatchObject({ status: 'void', approvedBy: { username: 'manager1' } });

    const next = await shop.clerk.ok('settlements.create', { id: s.workOrderId });
    expect(next.settlementNo).not.toBe(s.settlementNo);
    expect(next.total).toBe(53000);
    const list = await shop.clerk.ok('settlements.list', { includeVoid: true });
    expect(list.rows.map((r) => r.status)).toEqual(['active', 'void']);
  });

  it('an unpaid settlement voids without reversals', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'SM' }] });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    const voided = await shop.manager.ok('settlements.void', { id: s.id, reason: '客户取消' });
    expect(voided).toMatchObject({ status: 'void', payments: [], voidedBy: 'manager 员工' });
  });
});

describe('delivery', () => {
  it('is blocked until paid, then allowed', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const ready = await moveTo(shop, order, ['qc', 'ready']);
    const unsettled = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
    );
    expect(unsettled).toMatchObject({
      code: 'CONFLICT',
      reason: 'orderOwes',
      params: { orderNo: order.orderNo, total: 8000 },
      details: { fields: [{ path: 'settlement' }] },
    });

    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 5000 });
    const partly = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'delivered' }),
    );
    expect(partly).toMatchObject({
      code: 'CONFLICT',
      reason: 'settlementUnpaid',
      params: { settlementNo: s.settlementNo, balance: 3000 },
      details: { fields: [{ path: 'settlement' }] },
    });

    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'card', amount: 3000 });
    const delivered = await moveTo(shop, ready, ['delivered']);
    expect(delivered.status).toBe('delivered');
  });

  it('is allowed on account with a manager’s approval', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { parts: [{ partId: shop.screen.id, qty: 1 }] });
    const ready = await moveTo(shop, order, ['qc', 'ready']);
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 5000 });
    await shop.clerk.ok('settlements.pay', {
      settlementId: s.id,
      method: 'onAccount',
      amount: 40000,
      approval: MANAGER,
    });
    expect((await moveTo(shop, ready, ['delivered'])).status).toBe('delivered');
  });

  it('is allowed when nothing is owed: no lines, or warranty lines only, or rounded to zero', async () => {
    const bare = await moveTo(shop, await orderInRepair(shop), ['qc', 'ready', 'delivered']);
    expect(bare.status).toBe('delivered');

    const warranty = await orderInRepair(shop, shop.warrantyDeviceId);
    await addLines(shop, warranty.id, {
      charges: [{ itemCode: 'WX' }],
      parts: [{ partId: shop.battery.id, qty: 1 }],
    });
    const free = await moveTo(shop, warranty, ['qc', 'ready', 'delivered']);
    expect(free.status).toBe('delivered');
    expect(free.settlement).toBeNull();

    await setBilling({ roundingUnit: 'yuan', roundingMethod: 'down', laborBelowPriceNeedsApproval: false });
    const cents = await orderInRepair(shop);
    await addLines(shop, cents.id, { charges: [{ itemCode: 'SM', amount: 99 }] });
    expect((await moveTo(shop, cents, ['qc', 'ready', 'delivered'])).status).toBe('delivered');
  });

  it('cancelling is refused while a settlement stands', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { parts: [{ partId: shop.film.id, qty: 1 }] });
    await shop.clerk.ok('settlements.create', { id: order.id });
    const error = await refused(shop.app, () =>
      shop.clerk.call('workOrders.transition', { id: order.id, to: 'cancelled', note: '客户不修了' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'settlement' }] } });
  });
});

describe('reading', () => {
  it('lists newest first, filtered by payment status and searched by number, order or customer', async () => {
    const made = [];
    for (const itemCode of ['WX', 'SM', 'JJ']) {
      const order = await orderInRepair(shop);
      await addLines(shop, order.id, { charges: [{ itemCode }] });
      made.push(await shop.clerk.ok('settlements.create', { id: order.id }));
      shop.app.clock.advance(1000);
    }
    const [a, b, c] = made;
    if (!a || !b || !c) throw new Error('three settlements');
    await shop.clerk.ok('settlements.pay', { settlementId: a.id, method: 'cash', amount: a.total });
    await shop.clerk.ok('settlements.pay', { settlementId: b.id, method: 'cash', amount: 100 });

    const all = await shop.clerk.ok('settlements.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.id)).toEqual([c.id, b.id, a.id]);
    expect(all.rows[0]).not.toHaveProperty('lines');
    expect(all.rows[2]).toMatchObject({
      paymentStatus: 'paid',
      customerName: '张三',
      totalInWords: '捌拾元整',
    });
    const status = async (paymentStatus: 'paid' | 'partlyPaid' | 'unpaid') =>
      (await shop.clerk.ok('settlements.list', { paymentStatus })).rows.map((r) => r.id);
    expect(await status('paid')).toEqual([a.id]);
    expect(await status('partlyPaid')).toEqual([b.id]);
    expect(await status('unpaid')).toEqual([c.id]);

    const search = async (text: string) =>
      (await shop.clerk.ok('settlements.list', { search: text })).rows.map((r) => r.id);
    expect(await search(b.settlementNo.slice(-6).toLowerCase())).toEqual([b.id]);
    expect(await search(c.orderNo)).toEqual([c.id]);
    expect(await search('张三')).toHaveLength(3);
    expect(await search('李四')).toEqual([]);
    expect(await search('%')).toEqual([]);

    const paged = await shop.clerk.ok('settlements.list', { pageSize: 2, page: 2 });
    expect(paged).toMatchObject({ total: 3, rows: [{ id: a.id }] });
    const window = await shop.clerk.ok('settlements.list', { from: b.createdAt, to: c.createdAt });
    expect(window.rows.map((r) => r.id)).toEqual([b.id]);
    const backwards = await refused(shop.app, () => shop.clerk.call('settlements.list', { from: 10, to: 5 }));
    expect(backwards).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'to' }] } });

    const missing = await refused(shop.app, () =>
      shop.clerk.call('settlements.get', { id: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(missing.code).toBe('NOT_FOUND');
  });
});

describe('append-only records', () => {
  it('refuses any edit or deletion of payments, lines and day-close history; a settlement only voids', async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const s = await shop.clerk.ok('settlements.create', { id: order.id });
    await shop.clerk.ok('settlements.pay', { settlementId: s.id, method: 'cash', amount: 1000 });
    await shop.clerk.ok('dayClose.close', { date: localDate(shop.app.clock.ms) });
    const db = shop.app.core.database.sqlite;
    const run = (statement: string) => () => db.prepare(statement).run();
    expect(run('UPDATE payments SET amount = 1')).toThrow(/append-only/);
    expect(run('DELETE FROM payments')).toThrow(/append-only/);
    expect(run('UPDATE settlement_lines SET amount = 0')).toThrow(/fixed/);
    expect(run('DELETE FROM settlement_lines')).toThrow(/fixed/);
    expect(run('UPDATE settlements SET total = 1')).toThrow(/voided/);
    expect(run("UPDATE settlements SET status = 'void', total = 0")).toThrow(/voided/);
    expect(run('DELETE FROM settlements')).toThrow(/never deleted/);
    expect(run("UPDATE day_close_events SET action = 'reopen'")).toThrow(/append-only/);
    expect(run('DELETE FROM day_close_events')).toThrow(/append-only/);
    expect(sql<{ n: number }>('SELECT sum(amount) AS n FROM payments').n).toBe(1000);
  });
});
