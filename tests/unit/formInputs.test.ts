import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcError } from '@shared/errors';
import { MONEY_MAX_FEN } from '@shared/schemas/stock';
import { openShop, orderInRepair, refused, type Shop } from './settlementsFixtures';

/**
 * What a new clerk typed into the forms and saw saved without a word (issue 11, item 4), sent
 * straight to dispatch as a hostile or buggy renderer would: each is refused with VALIDATION on the
 * field it came from, and nothing is written.
 */
let shop: Shop;
let supplierId: string;
beforeEach(async () => {
  shop = await openShop();
  supplierId = (await shop.clerk.ok('suppliers.list', {}))[0]?.id ?? '';
});
afterEach(() => shop.app.cleanup());

/** The refusal names exactly these fields, in this order. */
function expectFields(error: RpcError, paths: string[]): void {
  expect(error.code).toBe('VALIDATION');
  expect(error.details?.fields?.map((f) => f.path)).toEqual(paths);
}

function count(table: string): number {
  const row = shop.app.core.database.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
    n: number;
  };
  return row.n;
}

describe('money typed into a form', () => {
  it('refuses a part with cost -50 or sale price "abc", and cost or price beyond the limit', async () => {
    const parts = count('parts');
    const base = { code: 'LCD-01', name: '屏幕' };
    for (const [input, path] of [
      [{ ...base, costPrice: -5000 }, 'costPrice'],
      [{ ...base, salePrice: 'abc' }, 'salePrice'],
      [{ ...base, costPrice: 12.5 }, 'costPrice'],
      [{ ...base, salePrice: MONEY_MAX_FEN + 1 }, 'salePrice'],
    ] as const) {
      expectFields(await refused(shop.app, () => shop.clerk.raw('parts.create', input) as never), [path]);
    }
    expect(count('parts')).toBe(parts);
    // The ceiling itself is accepted: ¥10,000,000.00.
    const dear = await shop.clerk.ok('parts.create', { ...base, salePrice: MONEY_MAX_FEN });
    expect(dear.salePrice).toBe(MONEY_MAX_FEN);
  });

  it('refuses a part update with a negative sale price, leaving the part as it was', async () => {
    const before = await shop.clerk.ok('parts.get', { id: shop.screen.id });
    const { id, version, code, name, spec } = before;
    const error = await refused(
      shop.app,
      () => shop.clerk.raw('parts.update', { id, version, code, name, spec, salePrice: -1 }) as never,
    );
    expectFields(error, ['salePrice']);
    expect(await shop.clerk.ok('parts.get', { id })).toEqual(before);
  });

  it('refuses labor of -80 on a new line and on an existing one', async () => {
    const order = await orderInRepair(shop);
    expectFields(
      await refused(shop.app, () =>
        shop.tech.raw('workOrders.addCharge', { id: order.id, itemCode: 'WX', amount: -8000 }),
      ),
      ['amount'],
    );
    expect(count('work_order_charges')).toBe(0);
    const added = await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    const line = added.charges[0];
    expectFields(
      await refused(shop.app, () =>
        shop.tech.raw('workOrders.updateCharge', { lineId: line?.id, amount: -8000 }),
      ),
      ['amount'],
    );
    const after = await shop.tech.ok('workOrders.get', { id: order.id });
    expect(after.charges.map((c) => c.amount)).toEqual([8000]);
  });

  it('refuses an intake estimate of -200, at intake and when edited', async () => {
    const orders = count('work_orders');
    const intake = {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      reportedFault: '不开机',
    };
    expectFields(
      await refused(shop.app, () => shop.clerk.raw('workOrders.create', { ...intake, estimate: -20000 })),
      ['estimate'],
    );
    expect(count('work_orders')).toBe(orders);
    const order = await shop.clerk.ok('workOrders.create', { ...intake, estimate: 80000 });
    expectFields(
      await refused(shop.app, () =>
        shop.clerk.raw('workOrders.update', { id: order.id, version: order.version, estimate: -20000 }),
      ),
      ['estimate'],
    );
    expect((await shop.clerk.ok('workOrders.get', { id: order.id })).estimate).toBe(80000);
  });

  it('refuses a part line at a negative price', async () => {
    const order = await orderInRepair(shop);
    const input = { id: order.id, partId: shop.film.id, qty: 1, unitPrice: -100 };
    expectFields(await refused(shop.app, () => shop.tech.raw('workOrders.addPart', input)), ['unitPrice']);
    expect(count('work_order_parts')).toBe(0);
  });
});

describe('quantities typed into a form', () => {
  it('refuses a receipt of 99999999999, a count and an adjustment beyond 1,000,000, a fraction', async () => {
    const movements = count('stock_movements');
    const onHand = (await shop.clerk.ok('parts.get', { id: shop.film.id })).onHand;
    const partId = shop.film.id;
    const cases: [string, unknown, string][] = [
      [
        'stock.post',
        { kind: 'receipt', supplierId, lines: [{ partId, qty: 99_999_999_999, unitCost: 300 }] },
        'lines.0.qty',
      ],
      [
        'stock.post',
        { kind: 'receipt', supplierId, lines: [{ partId, qty: 1.5, unitCost: 300 }] },
        'lines.0.qty',
      ],
      [
        'stock.post',
        { kind: 'receipt', supplierId, lines: [{ partId, qty: 1, unitCost: -300 }] },
        'lines.0.unitCost',
      ],
      ['stock.post', { kind: 'count', lines: [{ partId, countedQty: 1_000_001 }] }, 'lines.0.countedQty'],
      ['stock.post', { kind: 'scrap', reason: '摔坏', lines: [{ partId, qty: 0 }] }, 'lines.0.qty'],
    ];
    for (const [method, input, path] of cases) {
      expectFields(await refused(shop.app, () => shop.clerk.raw(method, input)), [path]);
    }
    const adjust = { reason: '期初', lines: [{ partId, qty: -1_000_001 }] };
    expectFields(await refused(shop.app, () => shop.manager.raw('stock.adjust', adjust)), ['lines.0.qty']);
    expect(count('stock_movements')).toBe(movements);
    expect((await shop.clerk.ok('parts.get', { id: partId })).onHand).toBe(onHand);
  });

  it('refuses 10,001 of a part on a work order', async () => {
    const order = await orderInRepair(shop);
    const input = { id: order.id, partId: shop.film.id, qty: 10_001 };
    expectFields(await refused(shop.app, () => shop.tech.raw('workOrders.addPart', input)), ['qty']);
    expect(count('work_order_parts')).toBe(0);
  });
});

describe('text typed into a form', () => {
  it('refuses a 3,000-character fault rather than keeping the first 1,000', async () => {
    const orders = count('work_orders');
    const fault = '屏'.repeat(3000);
    const intake = { customerId: shop.customerId, deviceId: shop.deviceId, reportedFault: fault };
    expectFields(await refused(shop.app, () => shop.clerk.raw('workOrders.create', intake)), [
      'reportedFault',
    ]);
    expect(count('work_orders')).toBe(orders);
    const order = await shop.clerk.ok('workOrders.create', { ...intake, reportedFault: '屏'.repeat(1000) });
    expectFields(
      await refused(shop.app, () =>
        shop.clerk.raw('workOrders.update', {
          id: order.id,
          version: order.version,
          reportedFault: fault,
          diagnosis: 'x'.repeat(2001),
        }),
      ),
      ['reportedFault', 'diagnosis'],
    );
    const kept = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(kept.reportedFault).toHaveLength(1000);
    expect(kept.diagnosis).toBe('');
  });
});

describe('a supplier’s phone', () => {
  it('is refused as "abcdefg" by the customers’ rule, on create and update', async () => {
    const suppliers = count('suppliers');
    for (const phone of ['abcdefg', '12', '1'.repeat(21)]) {
      expectFields(
        await refused(shop.app, () => shop.clerk.raw('suppliers.create', { name: '新供应商', phone })),
        ['phone'],
      );
    }
    expect(count('suppliers')).toBe(suppliers);
    const { version } = (await shop.clerk.ok('suppliers.list', {}))[0] ?? { version: 0 };
    const error = await refused(shop.app, () =>
      shop.clerk.raw('suppliers.update', { id: supplierId, version, name: '华强北配件行', phone: 'abcdefg' }),
    );
    expectFields(error, ['phone']);
    expect((await shop.clerk.ok('suppliers.list', {}))[0]?.phone).toBe('');
  });

  it('is kept as digits like a customer’s, and may be left empty', async () => {
    const s = await shop.clerk.ok('suppliers.create', { name: '深圳电子', phone: '0755-8888 8888' });
    expect(s.phone).toBe('075588888888');
    const none = await shop.clerk.ok('suppliers.create', { name: '无电话', phone: '  ' });
    expect(none.phone).toBe('');
  });
});

describe('a device', () => {
  it('is refused with none of brand, model or serial, each of the three fields marked', async () => {
    const devices = count('devices');
    const three = ['brand', 'model', 'serialNo'];
    const bare = { customerId: shop.customerId, category: '手机' };
    expectFields(await refused(shop.app, () => shop.clerk.raw('devices.create', bare)), three);
    const blank = { ...bare, brand: '  ', model: ' ', serialNo: '' };
    expectFields(await refused(shop.app, () => shop.clerk.raw('devices.create', blank)), three);
    expect(count('devices')).toBe(devices);
    const { version } = (await shop.clerk.ok('devices.get', { id: shop.deviceId })).device;
    const error = await refused(shop.app, () =>
      shop.clerk.raw('devices.update', {
        id: shop.deviceId,
        version,
        category: '手机',
        brand: '',
        model: '',
      }),
    );
    expectFields(error, three);
    expect(error.details?.fields?.[0]).toMatchObject({ reason: 'deviceIdentity', params: {} });
    expect((await shop.clerk.ok('devices.get', { id: shop.deviceId })).device).toMatchObject({
      brand: 'Apple',
      model: 'iPhone 13',
    });
  });

  it('is accepted with any one of the three', async () => {
    for (const one of [{ brand: '美的' }, { model: 'KFR-35GW' }, { serialNo: 'sn-0001' }]) {
      const d = await shop.clerk.ok('devices.create', {
        customerId: shop.customerId,
        category: '家电',
        ...one,
      });
      expect(d.category).toBe('家电');
    }
  });
});
