import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contract';
import { snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';
import { startStockShop } from './stockFixtures';

type Part = OutputOf<'parts.get'>;
type Detail = OutputOf<'workOrders.get'>;

const DAY = 24 * 3600_000;

let app: TestApp;
let clerk: Client;
let tech: Client;
let manager: Client;
let supplierId: string;
let customerId: string;
let deviceId: string;

beforeEach(async () => {
  ({ app, clerk, tech, manager, supplierId } = await startStockShop());
  customerId = insertCustomer(app, { name: '张三' });
  deviceId = insertDevice(app, customerId);
});
afterEach(() => app.cleanup());

function newPart(code: string, fields: { minStock?: number; category?: string; barcode?: string } = {}) {
  return clerk.ok('parts.create', {
    code,
    name: `配件 ${code}`,
    salePrice: 10000,
    defaultSupplierId: supplierId,
    ...fields,
  });
}

function receive(partId: string, qty: number, unitCost: number) {
  return clerk.ok('stock.post', { kind: 'receipt', supplierId, lines: [{ partId, qty, unitCost }] });
}

function intake(): Promise<Detail> {
  return clerk.ok('workOrders.create', { customerId, deviceId, reportedFault: '无法开机' });
}

async function waitFor(partId: string, qty: number): Promise<Detail> {
  const order = await intake();
  await tech.ok('workOrders.transition', { id: order.id, to: 'diagnosing' });
  return tech.ok('workOrders.transition', {
    id: order.id,
    to: 'awaitingParts',
    waitingFor: [{ partId, qty }],
  });
}

describe('stock alerts', () => {
  it('lists waited-for parts first, then by shortfall, with the suggested reorder', async () => {
    const a = await newPart('A-LOW', { minStock: 2 });
    const b = await newPart('B-EMPTY', { minStock: 5 });
    const c = await newPart('C-WAITED');
    const d = await newPart('D-FINE', { minStock: 1 });
    const e = await newPart('E-ARCHIVED', { minStock: 3 });
    const f = await newPart('F-WAITED-LOW', { minStock: 1 });
    await receive(a.id, 1, 100);
    await receive(d.id, 4, 100);
    await clerk.ok('parts.archive', { id: e.id });
    const waiting = await waitFor(c.id, 2);
    const alsoWaiting = await waitFor(f.id, 1);
    const againC = await waitFor(c.id, 1);

    const alerts = await tech.ok('stock.alerts', {});
    expect(alerts.map((x) => [x.code, x.onHand, x.minStock, x.waitingQty, x.suggestedQty])).toEqual([
      // waited for: shortfall 3 (0 + 3 − 0), then 2 (1 + 1 − 0)
      ['C-WAITED', 0, 0, 3, 3],
      ['F-WAITED-LOW', 0, 1, 1, 3],
      // low: shortfall 5, then 1
      ['B-EMPTY', 0, 5, 0, 10],
      ['A-LOW', 1, 2, 0, 3],
    ]);
    expect(alerts[0]?.waitingOrders).toEqual([
      { id: waiting.id, orderNo: waiting.orderNo },
      { id: againC.id, orderNo: againC.orderNo },
    ]);
    expect(alerts[1]?.waitingOrders).toEqual([{ id: alsoWaiting.id, orderNo: alsoWaiting.orderNo }]);
    expect(alerts[2]).toMatchObject({
      partId: b.id,
      defaultSupplierId: supplierId,
      supplierName: '华强北配件行',
    });

    // The receipt covers the waits: C is no longer waited for and, with no minimum, leaves the list.
    await receive(c.id, 3, 100);
    expect((await tech.ok('stock.alerts', {})).map((x) => x.code)).toEqual([
      'F-WAITED-LOW',
      'B-EMPTY',
      'A-LOW',
    ]);
  });

  it('is empty for a shop with healthy stock', async () => {
    const p = await newPart('OK-1', { minStock: 1 });
    await receive(p.id, 2, 100);
    expect(await tech.ok('stock.alerts', {})).toEqual([]);
  });
});

describe('stock valuation', () => {
  it('values stock at the average cost, with totals, search, category and zero rows', async () => {
    const screen = await newPart('SCR-1', { category: '屏幕', barcode: '690111' });
    const battery = await newPart('BAT-1', { category: '电池' });
    const empty = await newPart('CAB-1', { category: '配件' });
    const gone = await newPart('OLD-1');
    await receive(screen.id, 2, 30000);
    await receive(screen.id, 1, 30003);
    await receive(battery.id, 3, 8000);
    await receive(gone.id, 1, 500);
    await clerk.ok('parts.archive', { id: gone.id });

    const all = await clerk.ok('stock.valuation', {});
    // (2 × 30000 + 30003) / 3 = 30001
    expect(all.rows.map((r) => [r.code, r.onHand, r.costPrice, r.value])).toEqual([
      ['BAT-1', 3, 8000, 24000],
      ['OLD-1', 1, 500, 500],
      ['SCR-1', 3, 30001, 90003],
    ]);
    expect(all).toMatchObject({ totalQty: 7, totalValue: 114503 });

    const withZero = await clerk.ok('stock.valuation', { includeZero: true });
    expect(withZero.rows.map((r) => r.code)).toEqual(['BAT-1', 'CAB-1', 'OLD-1', 'SCR-1']);
    expect(withZero.totalValue).toBe(114503);
    expect(withZero.rows.find((r) => r.partId === empty.id)).toMatchObject({ onHand: 0, value: 0 });

    expect((await clerk.ok('stock.valuation', { category: '屏幕' })).rows.map((r) => r.code)).toEqual([
      'SCR-1',
    ]);
    expect((await clerk.ok('stock.valuation', { search: 'bat' })).totalValue).toBe(24000);
    expect((await clerk.ok('stock.valuation', { search: '690111' })).rows.map((r) => r.partId)).toEqual([
      screen.id,
    ]);
  });
});

describe('parts usage', () => {
  it('nets issues against returns per part in the period, most used first', async () => {
    const screen = await newPart('SCR-1');
    const battery = await newPart('BAT-1');
    const cable = await newPart('CAB-1');
    await receive(screen.id, 10, 30000);
    await receive(battery.id, 10, 8000);
    await receive(cable.id, 10, 100);
    const early = await intake();
    await tech.ok('workOrders.addPart', { id: early.id, partId: cable.id, qty: 5 });
    app.clock.advance(DAY);
    const from = app.clock.ms;
    const one = await intake();
    const two = await intake();
    await tech.ok('workOrders.addPart', { id: one.id, partId: battery.id, qty: 1 });
    await tech.ok('workOrders.addPart', { id: two.id, partId: battery.id, qty: 2 });
    const wrong = await tech.ok('workOrders.addPart', { id: one.id, partId: screen.id, qty: 2 });
    await tech.ok('workOrders.removePart', {
      lineId: wrong.parts.find((l) => l.partId === screen.id)?.id ?? '',
    });
    await tech.ok('workOrders.addPart', { id: one.id, partId: screen.id, qty: 1 });
    // Taken and put back in full: used by nobody.
    const back = await tech.ok('workOrders.addPart', { id: two.id, partId: cable.id, qty: 1 });
    await tech.ok('workOrders.removePart', {
      lineId: back.parts.find((l) => l.partId === cable.id)?.id ?? '',
    });
    app.clock.advance(1000);
    const to = app.clock.ms;
    // At `to` itself: outside the period.
    await tech.ok('workOrders.addPart', { id: two.id, partId: screen.id, qty: 4 });

    const usage = await clerk.ok('stock.usage', { from, to });
    expect(usage).toEqual([
      {
        partId: battery.id,
        code: 'BAT-1',
        name: '配件 BAT-1',
        unit: '个',
        qty: 3,
        orders: 2,
        costValue: 24000,
      },
      {
        partId: screen.id,
        code: 'SCR-1',
        name: '配件 SCR-1',
        unit: '个',
        qty: 1,
        orders: 1,
        costValue: 30000,
      },
    ]);
    expect(await clerk.ok('stock.usage', { from, to, limit: 1 })).toHaveLength(1);
    expect((await clerk.ok('stock.usage', { from: 0, to: to + 1 })).map((u) => [u.code, u.qty])).toEqual([
      ['CAB-1', 5],
      ['SCR-1', 5],
      ['BAT-1', 3],
    ]);
    const before = snapshot(app.core);
    const bad = await clerk.call('stock.usage', { from: to, to: from });
    expect(bad.ok || bad.error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'to' }] } });
    expect(snapshot(app.core)).toBe(before);
  });
});

describe('movements report and document list', () => {
  let screen: Part;
  let battery: Part;
  let order: Detail;
  let start: number;

  beforeEach(async () => {
    screen = await newPart('SCR-1');
    battery = await newPart('BAT-1');
    start = app.clock.ms;
    await receive(screen.id, 5, 30000);
    app.clock.advance(DAY);
    await clerk.ok('stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [
        { partId: screen.id, qty: 2, unitCost: 30000 },
        { partId: battery.id, qty: 4, unitCost: 8000 },
      ],
    });
    app.clock.advance(DAY);
    order = await intake();
    await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 3 });
    await clerk.ok('stock.post', { kind: 'scrap', reason: '摔坏', lines: [{ partId: battery.id, qty: 1 }] });
  });

  it('lists every part for a period with names, order numbers and in/out totals', async () => {
    const all = await clerk.ok('stock.movements', {});
    expect(all).toMatchObject({ total: 5, qtyIn: 11, qtyOut: -4 });
    expect(all.rows[0]).toMatchObject({
      partCode: 'BAT-1',
      kind: 'scrap',
      qty: -1,
      userName: 'clerk 员工',
      orderNo: null,
    });
    expect(all.rows[1]).toMatchObject({
      partCode: 'SCR-1',
      partName: '配件 SCR-1',
      kind: 'orderIssue',
      qty: -3,
      unitCost: 30000,
      orderNo: order.orderNo,
      userName: 'technician 员工',
    });
    expect(all.rows.at(-1)).toMatchObject({ kind: 'receipt', at: start });

    const secondDay = await clerk.ok('stock.movements', { from: start + DAY, to: start + 2 * DAY });
    expect(secondDay).toMatchObject({ total: 2, qtyIn: 6, qtyOut: 0 });
    const fromSecond = await clerk.ok('stock.movements', { from: start + DAY });
    expect(fromSecond).toMatchObject({ total: 4, qtyIn: 6, qtyOut: -4 });

    const issues = await clerk.ok('stock.movements', { kind: 'orderIssue' });
    expect(issues).toMatchObject({ total: 1, qtyIn: 0, qtyOut: -3 });
    const screenOnly = await clerk.ok('stock.movements', { partId: screen.id });
    expect(screenOnly).toMatchObject({ total: 3, qtyIn: 7, qtyOut: -3 });
    expect(screenOnly.rows.reduce((s, m) => s + m.qty, 0)).toBe(
      (await clerk.ok('parts.get', { id: screen.id })).onHand,
    );
    const receiptsOfScreen = await clerk.ok('stock.movements', {
      partId: screen.id,
      kind: 'receipt',
      from: start,
    });
    expect(receiptsOfScreen).toMatchObject({ total: 2, qtyIn: 7, qtyOut: 0 });

    const paged = await clerk.ok('stock.movements', { page: 2, pageSize: 2 });
    expect(paged.rows.map((r) => r.id)).toEqual(all.rows.slice(2, 4).map((r) => r.id));
    expect(paged).toMatchObject({ total: 5, qtyIn: 11 });
    expect((await clerk.ok('stock.movements', { page: 9, pageSize: 2 })).rows).toEqual([]);

    const badPeriod = await clerk.call('stock.movements', { from: start + DAY, to: start });
    expect(badPeriod.ok || badPeriod.error.details?.fields?.[0]?.path).toBe('to');
    const unknown = await clerk.call('stock.movements', { partId: order.id });
    expect(unknown.ok || unknown.error).toMatchObject({
      code: 'NOT_FOUND',
      details: { fields: [{ path: 'partId' }] },
    });
  });

  it('filters documents by kind, number and period, with names and totals', async () => {
    const all = await clerk.ok('stock.list', {});
    expect(all.total).toBe(4);
    expect(all.rows.map((d) => d.kind)).toEqual(['scrap', 'orderIssue', 'receipt', 'receipt']);
    const twoLines = all.rows[2];
    expect(twoLines).toMatchObject({
      supplierId,
      supplierName: '华强北配件行',
      createdByName: 'clerk 员工',
      totalQty: 6,
      totalCost: 2 * 30000 + 4 * 8000,
      workOrderId: null,
      orderNo: null,
      reversesDocNo: null,
      reversedById: null,
    });
    expect(all.rows[1]).toMatchObject({ orderNo: order.orderNo, totalQty: -3, totalCost: -90000 });

    expect((await clerk.ok('stock.list', { kind: 'receipt' })).total).toBe(2);
    expect((await clerk.ok('stock.list', { search: 'rk-bj01' })).total).toBe(2);
    expect((await clerk.ok('stock.list', { search: '-0001' })).total).toBe(4);
    expect((await clerk.ok('stock.list', { search: twoLines?.docNo ?? '' })).rows.map((d) => d.id)).toEqual([
      twoLines?.id,
    ]);
    expect((await clerk.ok('stock.list', { search: '%' })).total).toBe(0);
    expect((await clerk.ok('stock.list', { from: start + DAY, to: start + 2 * DAY })).total).toBe(1);
    expect((await clerk.ok('stock.list', { from: start + 2 * DAY })).total).toBe(2);

    app.clock.advance(1000);
    const reversal = await manager.ok('stock.reverse', { id: all.rows[0]?.id ?? '', reason: '报错了' });
    expect(reversal).toMatchObject({
      reversesId: all.rows[0]?.id,
      reversesDocNo: all.rows[0]?.docNo,
      createdByName: 'manager 员工',
      totalQty: 1,
    });
    const original = await clerk.ok('stock.get', { id: all.rows[0]?.id ?? '' });
    expect(original.reversedById).toBe(reversal.id);
  });
});
