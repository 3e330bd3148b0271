import { hostname } from 'node:os';
import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RpcError } from '@shared/errors';
import type { InputOf, OutputOf } from '@shared/contract';
import { snapshot, type Client } from './harness';
import { moveTo, openShop, orderInRepair, refused, type Shop } from './settlementsFixtures';

/*
 * Two people, one record: every edit names the version it started from; a change made since (by the
 * edit form or anything else) makes it stale, and a stale edit is refused naming who changed the
 * record, when and at which terminal, with nothing written.
 */

let shop: Shop;
/** The other person: a manager (display name "manager 员工") at the LAN terminal 柜台2. */
let other: Client;
const TERMINAL = '柜台2';
const MINUTE = 60_000;

/** Move a client to a LAN terminal: a session belongs to the terminal it was opened at, so sign in there. */
async function atTerminal(client: Client, name: string, role: 'manager' | 'clerk' | 'technician') {
  client.conn.terminal = { id: uuidv7(), name };
  await client.ok('auth.signIn', { username: `${role}1`, password: `${role}-password-1` });
}

beforeEach(async () => {
  shop = await openShop();
  other = shop.manager;
  await atTerminal(other, TERMINAL, 'manager');
});
afterEach(() => shop.app.cleanup());

/** The refusal a stale edit gets: CONFLICT, naming the other person, the moment and the terminal. */
function expectStale(error: RpcError, at: number, terminal = TERMINAL, by = 'manager 员工'): void {
  expect(error).toMatchObject({ code: 'CONFLICT', reason: 'staleEdit', params: { by, at, terminal } });
}

/** A bad call refused with the field `version` named, nothing written. */
async function expectVersionRequired(run: () => Promise<{ ok: true } | { ok: false; error: RpcError }>) {
  const error = await refused(shop.app, run);
  expect(error).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
  expect(error.details?.fields?.map((f) => f.path)).toContain('version');
}

/**
 * One record kind: how to make one, read it, and edit it. `edit(version, text)` writes `text` into a
 * free-text field of the record's edit form; `textOf` reads it back.
 */
interface Kind {
  name: string;
  create(): Promise<{ id: string; version: number }>;
  read(id: string): Promise<{ version: number; updatedAt: number }>;
  edit(client: Client, id: string, version: number | undefined, text: string): ReturnType<Client['raw']>;
  textOf(id: string): Promise<string>;
}

type Envelope = { ok: true } | { ok: false; error: RpcError };

const KINDS: Kind[] = [
  {
    name: 'customers.update',
    create: () => shop.clerk.ok('customers.create', { name: '李四', phones: [{ phone: '13900139000' }] }),
    read: async (id) => (await shop.clerk.ok('customers.get', { id })).customer,
    edit: (client, id, version, notes) =>
      client.raw('customers.update', {
        id,
        ...(version === undefined ? {} : { version }),
        name: '李四',
        phones: [{ phone: '13900139000' }],
        notes,
      }),
    textOf: async (id) => (await shop.clerk.ok('customers.get', { id })).customer.notes,
  },
  {
    name: 'devices.update',
    create: () =>
      shop.clerk.ok('devices.create', { customerId: shop.customerId, category: '手机', brand: '华为' }),
    read: async (id) => (await shop.clerk.ok('devices.get', { id })).device,
    edit: (client, id, version, notes) =>
      client.raw('devices.update', {
        id,
        ...(version === undefined ? {} : { version }),
        category: '手机',
        brand: '华为',
        notes,
      }),
    textOf: async (id) => (await shop.clerk.ok('devices.get', { id })).device.notes,
  },
  {
    name: 'workOrders.update',
    create: () =>
      shop.clerk.ok('workOrders.create', {
        customerId: shop.customerId,
        deviceId: shop.deviceId,
        reportedFault: '屏幕碎裂',
      }),
    read: (id) => shop.clerk.ok('workOrders.get', { id }),
    edit: (client, id, version, diagnosis) =>
      client.raw('workOrders.update', { id, ...(version === undefined ? {} : { version }), diagnosis }),
    textOf: async (id) => (await shop.clerk.ok('workOrders.get', { id })).diagnosis,
  },
  {
    name: 'parts.update',
    create: () => shop.clerk.ok('parts.create', { code: 'CAM-01', name: '后摄像头' }),
    read: (id) => shop.clerk.ok('parts.get', { id }),
    edit: (client, id, version, spec) =>
      client.raw('parts.update', {
        id,
        ...(version === undefined ? {} : { version }),
        code: 'CAM-01',
        name: '后摄像头',
        spec,
      }),
    textOf: async (id) => (await shop.clerk.ok('parts.get', { id })).spec,
  },
  {
    name: 'suppliers.update',
    create: () => shop.clerk.ok('suppliers.create', { name: '深圳电子' }),
    read: async (id) => {
      const found = (await shop.clerk.ok('suppliers.list', {})).find((s) => s.id === id);
      if (!found) throw new Error('supplier not found');
      return found;
    },
    edit: (client, id, version, notes) =>
      client.raw('suppliers.update', {
        id,
        ...(version === undefined ? {} : { version }),
        name: '深圳电子',
        notes,
      }),
    textOf: async (id) =>
      (await shop.clerk.ok('suppliers.list', {})).find((s) => s.id === id)?.notes ?? 'missing',
  },
];

describe.each(KINDS)('$name', (kind) => {
  it('saves from the current version and bumps it; an unchanged save keeps it', async () => {
    const record = await kind.create();
    expect(record.version).toBe(1);
    expect(await kind.edit(shop.clerk, record.id, 1, '第一次')).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect((await kind.read(record.id)).version).toBe(2);
    const before = snapshot(shop.app.core);
    expect(await kind.edit(shop.clerk, record.id, 2, '第一次')).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    expect(snapshot(shop.app.core)).toBe(before);
  });

  it('refuses an edit started before another person’s save, naming them, the time and the terminal', async () => {
    const record = await kind.create();
    shop.app.clock.advance(5 * MINUTE);
    expect((await kind.edit(other, record.id, 1, '柜台2 改的')).ok).toBe(true);
    const changedAt = shop.app.clock.ms;
    shop.app.clock.advance(MINUTE);

    const error = await refused(shop.app, () => kind.edit(shop.clerk, record.id, 1, '前台改的') as never);
    expectStale(error, changedAt);
    expect(await kind.textOf(record.id)).toBe('柜台2 改的');

    // Read again, the edit saves.
    const fresh = await kind.read(record.id);
    expect(fresh.version).toBe(2);
    expect((await kind.edit(shop.clerk, record.id, fresh.version, '前台改的')).ok).toBe(true);
    expect(await kind.textOf(record.id)).toBe('前台改的');
  });

  it('names the host PC when the other change was made at the host itself', async () => {
    const record = await kind.create();
    shop.app.clock.advance(MINUTE);
    await kind.edit(shop.admin, record.id, 1, '主机改的');
    const error = await refused(shop.app, () => kind.edit(shop.clerk, record.id, 1, '前台改的') as never);
    expectStale(error, shop.app.clock.ms, hostname(), '店长老王');
  });

  it('refuses an edit without a version, or with a version that is not a whole number from 1', async () => {
    const record = await kind.create();
    await expectVersionRequired(() => kind.edit(shop.clerk, record.id, undefined, 'x') as never);
    for (const version of [0, -1, 1.5]) {
      await expectVersionRequired(() => kind.edit(shop.clerk, record.id, version, 'x') as never);
    }
    expect(await kind.textOf(record.id)).toBe('');
  });
});

describe('changes other than the edit form make an edit stale', () => {
  it('a transition, an assignment, a part line and a note on the order', async () => {
    const order = await orderInRepair(shop);
    const steps: [string, () => Promise<unknown>][] = [
      ['assign', () => other.ok('workOrders.assign', { id: order.id, technicianId: null })],
      ['addPart', () => other.ok('workOrders.addPart', { id: order.id, partId: shop.film.id, qty: 1 })],
      ['addNote', () => other.ok('workOrders.addNote', { id: order.id, note: '客户来电催' })],
      ['transition', () => other.ok('workOrders.transition', { id: order.id, to: 'qc' })],
    ];
    let version = (await shop.clerk.ok('workOrders.get', { id: order.id })).version;
    for (const [name, step] of steps) {
      shop.app.clock.advance(MINUTE);
      await step();
      const error = await refused(shop.app, () =>
        shop.clerk.call('workOrders.update', { id: order.id, version, diagnosis: '主板进水' }),
      );
      expect(error.reason, name).toBe('staleEdit');
      expectStale(error, shop.app.clock.ms);
      const now = (await shop.clerk.ok('workOrders.get', { id: order.id })).version;
      expect(now, name).toBeGreaterThan(version);
      version = now;
    }
  });

  it('a settlement of the order names who made it (the audit row of another entity)', async () => {
    const order = await moveTo(shop, await orderInRepair(shop), ['qc', 'ready']);
    await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'JC' });
    const detail = await shop.clerk.ok('workOrders.get', { id: order.id });
    shop.app.clock.advance(MINUTE);
    const settlement = await other.ok('settlements.create', { id: order.id });
    const error = await refused(shop.app, () =>
      shop.clerk.call('workOrders.update', { id: order.id, version: detail.version, resolution: '已修好' }),
    );
    expectStale(error, settlement.createdAt);
  });

  it('archiving a customer, a device, a part and a supplier', async () => {
    const customer = await shop.clerk.ok('customers.create', {
      name: '王五',
      phones: [{ phone: '13700137000' }],
    });
    const device = await shop.clerk.ok('devices.create', {
      customerId: customer.id,
      category: '手机',
      model: 'P60',
    });
    const part = await shop.clerk.ok('parts.create', { code: 'SPK-01', name: '扬声器' });
    const supplier = await shop.clerk.ok('suppliers.create', { name: '东莞配件' });
    shop.app.clock.advance(MINUTE);
    await other.ok('devices.archive', { id: device.id });
    await other.ok('customers.archive', { id: customer.id });
    await other.ok('parts.archive', { id: part.id });
    await other.ok('suppliers.archive', { id: supplier.id });
    const at = shop.app.clock.ms;
    shop.app.clock.advance(MINUTE);
    const attempts: (() => Promise<Envelope>)[] = [
      () =>
        shop.clerk.call('customers.update', {
          id: customer.id,
          version: customer.version,
          name: '王五',
          phones: [{ phone: '13700137000' }],
          notes: 'x',
        }),
      () =>
        shop.clerk.call('devices.update', {
          id: device.id,
          version: device.version,
          category: '手机',
          model: 'P60',
          notes: 'x',
        }),
      () =>
        shop.clerk.call('parts.update', { id: part.id, version: part.version, code: 'SPK-01', name: 'x' }),
      () => shop.clerk.call('suppliers.update', { id: supplier.id, version: supplier.version, name: 'x' }),
    ];
    for (const attempt of attempts) expectStale(await refused(shop.app, attempt as never), at);
  });

  it('a merge moving the device to another customer names the manager who merged', async () => {
    const keep = await shop.clerk.ok('customers.create', {
      name: '赵六',
      phones: [{ phone: '13600136000' }],
    });
    const dup = await shop.clerk.ok('customers.create', { name: '赵六', phones: [{ phone: '13600136001' }] });
    const device = await shop.clerk.ok('devices.create', {
      customerId: dup.id,
      category: '手机',
      brand: 'OPPO',
    });
    shop.app.clock.advance(MINUTE);
    await other.ok('customers.merge', { keepId: keep.id, mergeId: dup.id });
    const error = await refused(shop.app, () =>
      shop.clerk.call('devices.update', {
        id: device.id,
        version: device.version,
        category: '手机',
        brand: 'vivo',
      }),
    );
    expectStale(error, shop.app.clock.ms);
  });

  it('stock moving in or out leaves a part edit current: the form never writes on-hand or cost', async () => {
    const part = await shop.clerk.ok('parts.get', { id: shop.battery.id });
    const order = await orderInRepair(shop);
    await other.ok('workOrders.addPart', { id: order.id, partId: part.id, qty: 2 });
    const saved = await shop.clerk.ok('parts.update', {
      id: part.id,
      version: part.version,
      code: part.code,
      name: 'iPhone 13 电池（原装）',
      salePrice: part.salePrice,
    });
    expect(saved).toMatchObject({ version: part.version + 1, onHand: part.onHand - 2 });
  });
});

describe('state moves', () => {
  it('two terminals moving the same order from the same state: the second gets INVALID_TRANSITION', async () => {
    const order = await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      reportedFault: '不开机',
    });
    const move: InputOf<'workOrders.transition'> = { id: order.id, to: 'diagnosing' };
    const [first, second] = await Promise.all([
      shop.clerk.call('workOrders.transition', move),
      other.call('workOrders.transition', move),
    ]);
    expect(first.ok).toBe(true);
    expect(second.ok || second.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      reason: 'transitionNotAllowed',
      params: { from: 'diagnosing', to: 'diagnosing' },
    });
    const events = (await shop.clerk.ok('workOrders.get', { id: order.id })).events;
    expect(events.filter((e) => e.kind === 'status')).toHaveLength(1);
  });
});

describe('stock under concurrent issue from several terminals', () => {
  it('never goes below zero: exactly what was on hand is issued, the rest refused', async () => {
    const sessions = [shop.clerk, shop.tech, shop.manager, shop.admin];
    await atTerminal(shop.tech, '维修台1', 'technician');
    await atTerminal(shop.clerk, '前台', 'clerk');
    const part = await shop.clerk.ok('parts.create', { code: 'CHG-IC', name: '充电 IC' });
    const supplierId = (await shop.clerk.ok('suppliers.list', {}))[0]?.id ?? '';
    await shop.clerk.ok('stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [{ partId: part.id, qty: 7, unitCost: 1200 }],
    });
    const orders: OutputOf<'workOrders.get'>[] = [];
    for (let i = 0; i < 4; i += 1) orders.push(await orderInRepair(shop));

    // 40 issues of one unit, ten per terminal, all in flight at once.
    const calls = Array.from({ length: 40 }, (_, i) => {
      const client = sessions[i % sessions.length] as Client;
      const order = orders[i % orders.length] as OutputOf<'workOrders.get'>;
      return client.call('workOrders.addPart', { id: order.id, partId: part.id, qty: 1 });
    });
    const results = await Promise.all(calls);
    const issued = results.filter((r) => r.ok);
    const refusedCalls = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(issued).toHaveLength(7);
    expect(refusedCalls).toHaveLength(33);
    for (const e of refusedCalls) {
      expect(e).toMatchObject({
        code: 'INSUFFICIENT_STOCK',
        reason: 'insufficientStock',
        params: { onHand: 0 },
      });
    }
    expect((await shop.clerk.ok('parts.get', { id: part.id })).onHand).toBe(0);
    // The ledger agrees with the cached on-hand, and seven units sit on the orders' lines.
    expect((await shop.admin.ok('stock.check', {})).mismatches).toEqual([]);
    const onOrders = await Promise.all(orders.map((o) => shop.clerk.ok('workOrders.get', { id: o.id })));
    const lines = onOrders.flatMap((o) => o.parts.filter((l) => l.partId === part.id));
    expect(lines.reduce((sum, l) => sum + l.qty, 0)).toBe(7);
    const low = shop.app.core.database.sqlite
      .prepare(
        'SELECT MIN(running) AS min FROM (SELECT SUM(qty) OVER (ORDER BY rowid) AS running FROM stock_movements WHERE part_id = ?)',
      )
      .get(part.id) as { min: number };
    expect(low.min).toBeGreaterThanOrEqual(0);
  });
});
