import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  refused,
  type Detail,
  type Shop,
} from './settlementsFixtures';

/**
 * Issue 11, item 6: the bill may not silently outgrow the approved quote. Through dispatch with a
 * real database: the intake estimate kept apart from later quotes, the approved amount, the excess
 * on the order, settling refused (and nothing written) until the customer's renewed approval is
 * recorded, the tolerance in 收费设置, and orders without an approved quote left alone.
 */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

const NOT_FOUND_ID = '01900000-0000-7000-8000-000000000000';

/** Taken in at ¥800, diagnosed and quoted ¥760, approved by phone: on the bench. */
async function approvedAt760(): Promise<Detail> {
  const order = await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '屏幕碎裂，电池不耐用',
    technicianId: shop.techId,
    estimate: 80_000,
  });
  const diagnosing = await moveTo(shop, order, ['diagnosing']);
  const quoted = await shop.tech.ok('workOrders.update', {
    id: order.id,
    version: diagnosing.version,
    diagnosis: '屏幕总成损坏，电池老化',
    estimate: 76_000,
  });
  return moveTo(shop, quoted, ['quoted', 'inRepair']);
}

/** 检测费 30 + 维修工时 80 + 屏幕 450 + 电池 150 + 膜 4 × 20 = ¥790.00. */
async function linesOf790(orderId: string): Promise<Detail> {
  return addLines(shop, orderId, {
    charges: [{ itemCode: 'JC' }, { itemCode: 'WX' }],
    parts: [
      { partId: shop.screen.id, qty: 1 },
      { partId: shop.battery.id, qty: 1 },
      { partId: shop.film.id, qty: 4 },
    ],
  });
}

const EXCEEDED =
  "the lines come to 790.00, 30.00 above the approved quote of 760.00; record the customer's approval of the new amount first";
/** ¥790 billed against ¥760 approved: the refusal's meaning, in fen. */
const EXCESS = { reason: 'quoteExceeded', params: { billed: 79_000, excess: 3_000, approved: 76_000 } };

async function setTolerance(fen: number): Promise<void> {
  const { billing } = await shop.admin.ok('settings.get', {});
  await shop.admin.ok('settings.update', { billing: { ...billing, quoteTolerance: fen } });
}

function auditRows(entityId: string): { action: string; before: string | null; after: string | null }[] {
  return shop.app.core.database.sqlite
    .prepare(
      "SELECT action, before, after FROM audit_log WHERE entity = 'workOrder' AND entity_id = ? ORDER BY at, id",
    )
    .all(entityId) as { action: string; before: string | null; after: string | null }[];
}

describe('the intake estimate and the approved quote', () => {
  it('keeps the estimate given at intake while the quote changes, and the approved amount', async () => {
    const order = await approvedAt760();
    expect(order.intakeEstimate).toBe(80_000);
    expect(order.estimate).toBe(76_000);
    expect(order.approval).toMatchObject({ by: '张三', method: 'phone', amount: 76_000 });
    expect(order.quote).toEqual({ approved: 76_000, billed: 0, excess: 0 });
    // The intake event records what the intake forms print; the quote is an edit after it.
    const created = order.events.find((e) => e.kind === 'created');
    expect(created?.data).toMatchObject({ estimate: 80_000 });
    const approvedMove = order.events.findLast((e) => e.kind === 'status');
    expect(approvedMove?.data).toEqual({ approval: { by: '张三', method: 'phone', amount: 76_000 } });

    // A later quote changes the estimate, never the intake estimate or the approved amount.
    const requoted = await shop.tech.ok('workOrders.update', {
      id: order.id,
      version: order.version,
      estimate: 78_000,
    });
    expect([requoted.intakeEstimate, requoted.estimate, requoted.approval?.amount]).toEqual([
      80_000, 78_000, 76_000,
    ]);
  });
});

describe('lines beyond the approved quote', () => {
  it('shows the excess on the order and refuses to settle, writing nothing', async () => {
    const order = await linesOf790((await approvedAt760()).id);
    expect(order.quote).toEqual({ approved: 76_000, billed: 79_000, excess: 3_000 });

    const error = await refused(shop.app, () =>
      shop.clerk.call('settlements.create', { id: order.id, discount: { type: 'none' } }),
    );
    expect(error).toEqual({
      code: 'CONFLICT',
      ...EXCESS,
      message: EXCEEDED,
      details: { fields: [{ path: 'id', ...EXCESS, message: EXCEEDED }] },
    });
    // A discount that brings the amount due under the quote does not hide the excess: the lines count.
    const discounted = await refused(shop.app, () =>
      shop.admin.call('settlements.create', { id: order.id, discount: { type: 'amount', value: 5_000 } }),
    );
    expect(discounted).toMatchObject(EXCESS);
    // Looking is free: the preview still shows the figures.
    const preview = await shop.clerk.ok('settlements.preview', { id: order.id });
    expect(preview.subtotal).toBe(79_000);
  });

  it('counts warranty lines at ¥0', async () => {
    const order = await approvedAt760();
    const lines = await addLines(shop, order.id, {
      charges: [{ itemCode: 'JC' }, { itemCode: 'WX' }],
      parts: [
        { partId: shop.screen.id, qty: 1 },
        { partId: shop.battery.id, qty: 1, coveredByWarranty: true },
        { partId: shop.film.id, qty: 4 },
      ],
    });
    // ¥790 listed, the ¥150 battery under warranty: ¥640 billed, within ¥760.
    expect(lines.quote).toEqual({ approved: 76_000, billed: 64_000, excess: 0 });
    const made = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(made.subtotal).toBe(64_000);
  });

  it('lets the bill exceed the quote by the tolerance in 收费设置, and not a fen more', async () => {
    const order = await linesOf790((await approvedAt760()).id);
    await setTolerance(2_999);
    expect((await shop.clerk.ok('workOrders.get', { id: order.id })).quote.excess).toBe(3_000);
    const error = await refused(shop.app, () => shop.clerk.call('settlements.create', { id: order.id }));
    expect(error).toMatchObject(EXCESS);

    await setTolerance(3_000);
    expect((await shop.clerk.ok('workOrders.get', { id: order.id })).quote).toEqual({
      approved: 76_000,
      billed: 79_000,
      excess: 0,
    });
    const made = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(made.total).toBe(79_000);
  });

  it('refuses a tolerance that is not whole fen from 0 up, changing nothing', async () => {
    const { billing } = await shop.admin.ok('settings.get', {});
    expect(billing.quoteTolerance).toBe(0);
    for (const bad of [-1, 10.5, 1_000_000_001]) {
      const error = await refused(shop.app, () =>
        shop.admin.call('settings.update', { billing: { ...billing, quoteTolerance: bad } }),
      );
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.fields?.map((f) => f.path)).toEqual(['billing.quoteTolerance']);
    }
  });

  it('leaves orders without an approved quote alone: a warranty job that skipped the quote', async () => {
    const order = await orderInRepair(shop);
    const lines = await linesOf790(order.id);
    expect(lines.approval).toBeNull();
    expect(lines.quote).toEqual({ approved: null, billed: 79_000, excess: 0 });
    expect((await shop.clerk.ok('settlements.create', { id: order.id })).total).toBe(79_000);
  });

  it('leaves a quote approved without an amount alone', async () => {
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      reportedFault: '无法开机',
    });
    const approved = await moveTo(shop, order, ['diagnosing', 'quoted', 'inRepair']);
    expect(approved.approval?.amount).toBeNull();
    await linesOf790(order.id);
    expect((await shop.clerk.ok('settlements.create', { id: order.id })).total).toBe(79_000);
  });
});

describe("the customer's renewed approval", () => {
  it('records who, how and when with the new amount on the order, its timeline and the audit log; then it settles', async () => {
    const order = await linesOf790((await approvedAt760()).id);
    shop.app.clock.advance(5 * 60_000);
    const renewed = await shop.clerk.ok('workOrders.renewApproval', {
      id: order.id,
      amount: 79_000,
      approval: { by: '张三本人', method: 'inPerson' },
      note: '更换电池，客户到店确认',
    });
    expect(renewed.approval).toEqual({
      by: '张三本人',
      method: 'inPerson',
      at: shop.app.clock.ms,
      recordedBy: 'clerk 员工',
      amount: 79_000,
    });
    expect([renewed.estimate, renewed.intakeEstimate]).toEqual([79_000, 80_000]);
    expect(renewed.quote).toEqual({ approved: 79_000, billed: 79_000, excess: 0 });

    const event = renewed.events.at(-1);
    expect(event).toMatchObject({
      kind: 'approval',
      at: shop.app.clock.ms,
      username: 'clerk1',
      note: '更换电池，客户到店确认',
      data: { approval: { by: '张三本人', method: 'inPerson' }, amount: 79_000, previous: 76_000 },
    });
    const audit = auditRows(order.id).at(-1);
    expect(audit?.action).toBe('update');
    expect(JSON.parse(audit?.before ?? '{}')).toMatchObject({
      approvedAmount: 76_000,
      estimate: 76_000,
      approvalBy: '张三',
    });
    expect(JSON.parse(audit?.after ?? '{}')).toEqual({
      approvedAmount: 79_000,
      estimate: 79_000,
      approvalBy: '张三本人',
      approvalMethod: 'inPerson',
      approvalAt: shop.app.clock.ms,
      note: '更换电池，客户到店确认',
    });

    const made = await shop.clerk.ok('settlements.create', { id: order.id });
    expect(made.total).toBe(79_000);
  });

  it('refuses what cannot be a renewed approval, writing nothing', async () => {
    const order = await linesOf790((await approvedAt760()).id);
    const approval = { by: '张三', method: 'phone' } as const;

    const notAbove = await refused(shop.app, () =>
      shop.clerk.call('workOrders.renewApproval', { id: order.id, amount: 76_000, approval }),
    );
    expect(notAbove).toMatchObject({
      code: 'VALIDATION',
      reason: 'renewNotAbove',
      params: { approved: 76_000 },
      details: { fields: [{ path: 'amount' }] },
    });
    for (const bad of [
      { id: order.id, amount: -1, approval },
      { id: order.id, amount: 79_000.5, approval },
      { id: order.id, amount: 79_000, approval: { by: '', method: 'phone' } },
      { id: order.id, amount: 79_000, approval: { by: '张三', method: 'email' } },
      { id: order.id, amount: 79_000 },
      { id: 'abc', amount: 79_000, approval },
    ]) {
      expect((await refused(shop.app, () => shop.clerk.raw('workOrders.renewApproval', bad))).code).toBe(
        'VALIDATION',
      );
    }
    const unknown = await refused(shop.app, () =>
      shop.clerk.call('workOrders.renewApproval', { id: NOT_FOUND_ID, amount: 79_000, approval }),
    );
    expect(unknown.code).toBe('NOT_FOUND');

    // No approved quote to renew: the first approval is taken when the order leaves 待确认.
    const skipped = await orderInRepair(shop);
    const none = await refused(shop.app, () =>
      shop.clerk.call('workOrders.renewApproval', { id: skipped.id, amount: 79_000, approval }),
    );
    expect(none).toMatchObject({
      code: 'VALIDATION',
      reason: 'noApprovedQuote',
      params: { orderNo: skipped.orderNo },
    });
    expect(
      (await shop.clerk.ok('workOrders.get', { id: order.id })).approval?.amount,
      'the refusals left the approval as it was',
    ).toBe(76_000);
  });

  it('is refused under a standing settlement and on a closed order', async () => {
    const order = await approvedAt760();
    await addLines(shop, order.id, { charges: [{ itemCode: 'WX' }] });
    const made = await shop.clerk.ok('settlements.create', { id: order.id });
    const approval = { by: '张三', method: 'phone' } as const;
    const settled = await refused(shop.app, () =>
      shop.clerk.call('workOrders.renewApproval', { id: order.id, amount: 79_000, approval }),
    );
    expect(settled).toMatchObject({
      code: 'CONFLICT',
      reason: 'settlementLocksOrder',
      params: { settlementNo: made.settlementNo, change: 'quote' },
    });

    await shop.clerk.ok('settlements.pay', { settlementId: made.id, method: 'cash', amount: made.total });
    await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), ['qc', 'ready', 'delivered']);
    const closed = await refused(shop.app, () =>
      shop.clerk.call('workOrders.renewApproval', { id: order.id, amount: 79_000, approval }),
    );
    expect(closed).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'orderClosedToEdits' });
  });

  it('is still checked when the lines grow again after a renewed approval', async () => {
    const order = await linesOf790((await approvedAt760()).id);
    await shop.clerk.ok('workOrders.renewApproval', {
      id: order.id,
      amount: 79_000,
      approval: { by: '张三', method: 'message' },
    });
    const more = await addLines(shop, order.id, { parts: [{ partId: shop.film.id, qty: 1 }] });
    expect(more.quote).toEqual({ approved: 79_000, billed: 81_000, excess: 2_000 });
    const error = await refused(shop.app, () => shop.clerk.call('settlements.create', { id: order.id }));
    expect(error).toMatchObject({
      reason: 'quoteExceeded',
      params: { billed: 81_000, excess: 2_000, approved: 79_000 },
    });
  });
});
