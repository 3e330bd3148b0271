import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { createCore, type Core } from '../../src/main/core';
import type { Connection } from '../../src/main/services/context';
import { ADMIN, FakeClock, MIGRATIONS, tempDir } from './harness';

/** This migration, found by its name (the lead renumbers migrations when merging). */
const TAG = /_search_faults$/;

interface Journal {
  entries: { tag: string }[];
}

/** The migrations as they were before this one: a copy of drizzle/ whose journal stops short of it. */
function migrationsBefore(dir: string): string {
  const copy = join(dir, 'drizzle-before');
  cpSync(MIGRATIONS, copy, { recursive: true });
  const file = join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) => TAG.test(e.tag));
  expect(at, 'the search migration is in the journal').toBeGreaterThan(0);
  writeFileSync(file, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return copy;
}

let temp: ReturnType<typeof tempDir>;
let core: Core | null = null;
const clock = new FakeClock();

function start(migrationsDir: string): Core {
  core = createCore({
    dataDir: join(temp.dir, 'data'),
    migrationsDir,
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
  core?.close();
  core = null;
  temp.cleanup();
});

describe('migration 0011_search_faults', () => {
  it('indexes the customers, devices and orders a shop already had', async () => {
    // The shop as it was: its records written by the services before the migration existed.
    const old = start(migrationsBefore(temp.dir));
    const before = client(old);
    await before('auth.setup', { shopName: '城东维修中心', branchCode: 'bj01', admin: ADMIN });
    const customer = await before('customers.create', {
      name: '老张三丰',
      phones: [{ phone: '13800138000', label: '' }],
    });
    const laptop = await before('devices.create', {
      customerId: customer.id,
      category: '电脑',
      brand: 'HP',
      model: 'Pavilion 15',
    });
    const phone = await before('devices.create', { customerId: customer.id, category: '手机', brand: 'LG' });
    const hinge = await before('workOrders.create', {
      customerId: customer.id,
      deviceId: laptop.id,
      reportedFault: 'Hinge broken, won’t charge',
    });
    const screen = await before('workOrders.create', {
      customerId: customer.id,
      deviceId: phone.id,
      reportedFault: '客户要求更换屏幕',
    });
    await before('workOrders.update', {
      id: screen.id,
      version: screen.version,
      diagnosis: '屏幕总成损坏，需更换',
    });
    old.close();
    core = null;

    // The same data folder opened by this version: the migration runs, and search finds them.
    const now = start(MIGRATIONS);
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
    expect((await found('hinge')).orders).toEqual([hinge.orderNo]);
    expect((await found("won't charge")).orders).toEqual([hinge.orderNo]);
    expect((await found('屏幕')).orders).toEqual([screen.orderNo]);
    expect((await found('总成损坏')).orders).toEqual([screen.orderNo]);
    expect((await found('hp')).devices).toEqual(['HP Pavilion 15']);
    expect((await found('LG')).devices).toEqual(['LG']);
    expect((await found('电脑')).devices).toEqual(['HP Pavilion 15']);
    // A 2-character name at the end of one, found through the index built for the old rows.
    expect((await found('三丰')).customers).toEqual(['老张三丰']);
    const listed = await after('workOrders.list', { q: 'hinge' });
    expect(listed.rows.map((r) => r.orderNo)).toEqual([hinge.orderNo]);

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
