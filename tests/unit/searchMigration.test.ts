import { v7 as uuidv7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { createCore, type Core } from '../../src/main/core';
import type { Connection } from '../../src/main/services/context';
import { ADMIN, FakeClock, MIGRATIONS, tempDir } from './harness';
import { openOldShop, setUpOldShop, type OldShop } from './oldShop';

/** This migration, found by its name (the lead renumbers migrations when merging). */
const TAG = /_search_faults$/;

let temp: ReturnType<typeof tempDir>;
let old: OldShop | null = null;
let core: Core | null = null;
const clock = new FakeClock();

function start(dataDir: string): Core {
  core = createCore({
    dataDir,
    migrationsDir: MIGRATIONS,
    now: clock.now,
    log: { error: () => {}, info: () => {} },
    scryptN: 2 ** 10,
  });
  return core;
}

/** A caller of this core; `ok` fails the test on an error envelope. */
function client(c: Core) {
  const conn: Connection = {
    sessionId: null,
    setSessionId(id) {
      this.sessionId = id;
    },
  };
  return async <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    clock.advance(1000);
    const result = (await c.dispatch(method, input, conn)) as Envelope<OutputOf<M>>;
    if (!result.ok) expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
    return result.data;
  };
}

beforeEach(() => {
  temp = tempDir();
});
afterEach(() => {
  old?.close();
  old = null;
  core?.close();
  core = null;
  temp.cleanup();
});

/**
 * The shop as it was before the migration: a customer, two devices and two orders (the second one
 * diagnosed later), written in that version's schema as its services wrote them. Returns the orders'
 * numbers.
 */
async function writeOldShop(shop: OldShop): Promise<{ hinge: string; screen: string }> {
  const at = () => {
    clock.advance(1000);
    return clock.ms;
  };
  const admin = await setUpOldShop(shop, at());
  // Ids as the app makes them: the contract checks every id it answers with.
  const customerId = uuidv7();
  const t1 = at();
  shop.insert('customers', {
    id: customerId,
    code: 'KH000001',
    name: '老张三丰',
    initials: 'lzsf',
    type: 'individual',
    level: '普通',
    created_at: t1,
    updated_at: t1,
  });
  const phone = '13800138000';
  shop.insert('customer_phones', {
    id: uuidv7(),
    customer_id: customerId,
    phone,
    phone_reversed: [...phone].reverse().join(''),
    label: '',
    position: 0,
  });
  const device = (category: string, brand: string, model: string) => {
    const id = uuidv7();
    const t = at();
    shop.insert('devices', {
      id,
      customer_id: customerId,
      category,
      brand,
      model,
      created_at: t,
      updated_at: t,
    });
    return id;
  };
  const laptop = device('电脑', 'HP', 'Pavilion 15');
  const handset = device('手机', 'LG', '');
  const order = (orderNo: string, deviceId: string, fault: string) => {
    const id = uuidv7();
    const t = at();
    const promisedAt = t + 24 * 3600_000;
    shop.insert('work_orders', {
      id,
      order_no: orderNo,
      customer_id: customerId,
      device_id: deviceId,
      status: 'received',
      channel: 'walkIn',
      service_type: 'repair',
      priority: 'normal',
      reported_fault: fault,
      warranty_status: 'out',
      warranty_computed: 'out',
      promised_at: promisedAt,
      created_by: admin,
      created_at: t,
      updated_at: t,
    });
    const data = {
      orderNo,
      warrantyComputed: 'out',
      technicianId: null,
      reworkOfId: null,
      promisedAt,
      estimate: null,
    };
    shop.insert('work_order_events', {
      id: uuidv7(),
      work_order_id: id,
      at: t,
      user_id: admin,
      username: ADMIN.username,
      kind: 'created',
      to_status: 'received',
      data: JSON.stringify(data),
    });
    return { id, orderNo };
  };
  const hinge = order('BJ01-20261123-0001', laptop, 'Hinge broken, won’t charge');
  const screen = order('BJ01-20261123-0002', handset, '客户要求更换屏幕');
  // The diagnosis, given later.
  const diagnosis = '屏幕总成损坏，需更换';
  const t = at();
  shop.sqlite
    .prepare('UPDATE work_orders SET diagnosis = ?, updated_at = ? WHERE id = ?')
    .run(diagnosis, t, screen.id);
  shop.insert('work_order_events', {
    id: uuidv7(),
    work_order_id: screen.id,
    at: t,
    user_id: admin,
    username: ADMIN.username,
    kind: 'edit',
    data: JSON.stringify({ fields: ['diagnosis'], before: { diagnosis: '' }, after: { diagnosis } }),
  });
  return { hinge: hinge.orderNo, screen: screen.orderNo };
}

describe('migration 0011_search_faults', () => {
  it('indexes the customers, devices and orders a shop already had', async () => {
    const shop = openOldShop(temp.dir, TAG);
    old = shop;
    const { hinge, screen } = await writeOldShop(shop);
    shop.close();

    // The same data folder opened by this version: the migration runs, and search finds them.
    const now = start(shop.dataDir);
    const after = client(now);
    await after('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    const found = async (q: string) => {
      const r = await after('search.global', { q });
      return {
        customers: r.customers.map((c) => c.name),
        devices: r.devices.map((d) => d.label),
        orders: r.workOrders.map((w) => w.orderNo),
      };
    };
    expect((await found('hinge')).orders).toEqual([hinge]);
    expect((await found("won't charge")).orders).toEqual([hinge]);
    expect((await found('屏幕')).orders).toEqual([screen]);
    expect((await found('总成损坏')).orders).toEqual([screen]);
    expect((await found('hp')).devices).toEqual(['HP Pavilion 15']);
    expect((await found('LG')).devices).toEqual(['LG']);
    expect((await found('电脑')).devices).toEqual(['HP Pavilion 15']);
    // A 2-character name at the end of one, found through the index built for the old rows.
    expect((await found('三丰')).customers).toEqual(['老张三丰']);
    const listed = await after('workOrders.list', { q: 'hinge' });
    expect(listed.rows.map((r) => r.orderNo)).toEqual([hinge]);

    // Every trigram index agrees with its content table.
    const sqlite = now.database.sqlite;
    for (const fts of ['customer_search_fts', 'device_search_fts', 'work_order_search_fts']) {
      expect(() =>
        sqlite.prepare(`INSERT INTO ${fts} (${fts}) VALUES ('integrity-check')`).run(),
      ).not.toThrow();
    }
    expect(sqlite.prepare('SELECT count(*) AS n FROM work_order_search').get()).toEqual({ n: 2 });
  });
});
