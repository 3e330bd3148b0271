import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameInitials } from '../../src/main/services/pinyin';
import { startApp, setUpShop, signedInAs, type Client, type TestApp } from '../unit/harness';
import { contract } from '@shared/contract';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { writeAudit } from '../../src/main/services/audit';
import { enqueueMessages } from '../../src/main/services/messages/enqueue';
import { actorOf } from '../../src/main/services/users';
import { createWorkOrder } from '../../src/main/services/workOrders/create';
import { addEvent } from '../../src/main/services/workOrders/events';
import { readDetail } from '../../src/main/services/workOrders/read';
import { measure, measurePair, recordFigures } from './figures';
import { callContext, checkInput, measureInTransaction, measureSync, walPages } from './steps';
import { rawOrderEnd } from './rawOrder';
import { seedBranch, type SeededBranch } from './seedBranch';

/** The benchmark branch of issue 3: 100,000 customers, 150,000 devices, 300,000 work orders. */
const SIZE = { customers: 100_000, devices: 150_000, workOrders: 300_000 };
const BUDGET_MS = 30;
/**
 * A list text filter that matches 20,000+ orders (7–9% of the branch) reads every one of them for the
 * tabs' exact counts and the sort: a few microseconds each.
 */
const BROAD_BUDGET_MS = 400;

let app: TestApp;
let clerk: Client;
let branch: SeededBranch;
const figures: Record<string, number> = {};

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk', 'counter');
  const technicians: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const t = await admin.ok('users.create', {
      username: `tech${i}`,
      displayName: `技师${i}`,
      role: 'technician',
      password: 'technician-pw',
    });
    technicians.push(t.id);
  }
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const start = performance.now();
  branch = seedBranch(app.core.database.sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: technicians,
    initials: nameInitials,
  });
  app.core.database.sqlite.pragma('optimize');
  // What the fault index costs on disk: its text table, the trigram index and its lookup index.
  const searchBytes = app.core.database.sqlite
    .prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'work_order_search%'")
    .get() as { n: number };
  figures['size.workOrderSearch.mb'] = Math.round(searchBytes.n / 1048576);
  figures['seed.customers'] = SIZE.customers;
  figures['seed.devices'] = SIZE.devices;
  figures['seed.workOrders'] = SIZE.workOrders;
  figures['seed.ms'] = Math.round(performance.now() - start);
}, 600_000);

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

/** Cycle through sample inputs so caches do not flatter the figures. */
function cycle<T>(list: T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

/** A dispatch figure and its raw better-sqlite3 twin, with the budgets. */
async function pair(name: string, viaDispatch: () => Promise<unknown>, raw: () => unknown) {
  Object.assign(figures, await measurePair(name, viaDispatch, raw));
  expect(figures[`${name}.p95_ms`], name).toBeLessThanOrEqual(BUDGET_MS);
  // What the layers add, on the medians. A write's p95 is the WAL checkpoint SQLite runs once the
  // log passes 1,000 pages: a new order writes 47 pages in the call and in its twin alike
  // (`workOrders.create.walPages`), so one write in about 21 pays it, in whichever of the two it
  // falls, and 5% sits right on the 95th percentile.
  const rawMedian = figures[`${name}.raw.p50_ms`] ?? 0;
  if (rawMedian > 1) {
    expect(figures[`${name}.p50_ms`], `${name} vs raw`).toBeLessThanOrEqual(2 * rawMedian);
  }
}

/**
 * The raw twin of a counter write: what the call does to the database, in one transaction, by
 * prepared better-sqlite3 statements: the order's row (`write`), its timeline entry and audit row,
 * then the order read back (rawOrderEnd). What it leaves out is what the layers
 * add: the session, the input and output checks, drizzle, the detail's other reads (parts, fees,
 * waits, settlement, deposit, signatures: empty on these orders, but asked).
 */
function rawWrite(sqlite: TestApp['core']['database']['sqlite']) {
  const event = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, at, user_id, username, kind, from_status, to_status, data)
     VALUES (?, ?, ?, ?, 'admin', ?, ?, ?, ?)`,
  );
  const end = rawOrderEnd(sqlite);
  return (
    orderId: string,
    actorId: string,
    change: { action: 'create' | 'update'; kind: string; from: string | null; to: string },
    write: () => void,
  ) =>
    sqlite.transaction(() => {
      const at = Date.now();
      write();
      const data = JSON.stringify({ to: change.to });
      event.run(uuidv7(), orderId, at, actorId, change.kind, change.from, change.to, data);
      return end(orderId, actorId, change.action, at);
    })();
}

/** A dispatch figure with no raw twin worth comparing (the twin would be the same lookups). */
async function single(name: string, viaDispatch: () => Promise<unknown>, budget: number) {
  figures[`${name}.p95_ms`] = await measure(viaDispatch);
  expect(figures[`${name}.p95_ms`], name).toBeLessThanOrEqual(budget);
}

describe('counter benchmarks at 100k customers / 150k devices / 300k orders', () => {
  it('customer.search.phoneTail', async () => {
    const tail = cycle(branch.sample.phones.map((p) => p.slice(-4)));
    const stmt = app.core.database.sqlite.prepare(
      `SELECT c.id, c.code, c.name, p.phone FROM customer_phones p JOIN customers c ON c.id = p.customer_id
       WHERE p.phone_reversed >= ? AND p.phone_reversed < ? LIMIT 8`,
    );
    await pair(
      'customer.search.phoneTail',
      () => clerk.ok('search.global', { q: tail() }),
      () => {
        const rev = [...tail()].reverse().join('');
        return stmt.all(rev, `${rev}\uffff`);
      },
    );
  });

  it('customer.search.name', async () => {
    const name = cycle(branch.sample.names.map((n) => n.slice(0, 2)));
    const stmt = app.core.database.sqlite.prepare(
      "SELECT id, code, name FROM customers WHERE merged_into_id IS NULL AND name LIKE ? || '%' LIMIT 8",
    );
    await pair(
      'customer.search.name',
      () => clerk.ok('search.global', { q: name() }),
      () => stmt.all(name()),
    );
  });

  it('search.global (name, serial, order number, pinyin)', async () => {
    const queries = cycle(
      branch.sample.names
        .slice(0, 20)
        .flatMap((n, i) => [
          n,
          branch.sample.serials[i]?.slice(-6) ?? n,
          branch.sample.orderNos[i] ?? n,
          nameInitials(n),
        ]),
    );
    const byOrderNo = app.core.database.sqlite.prepare('SELECT id FROM work_orders WHERE order_no = ?');
    const bySerial = app.core.database.sqlite.prepare(
      "SELECT id FROM devices WHERE serial_no LIKE ? || '%' LIMIT 8",
    );
    await pair(
      'search.global',
      () => clerk.ok('search.global', { q: queries() }),
      () => {
        const q = queries();
        return [byOrderNo.all(q), bySerial.all(q)];
      },
    );
  });

  it('search.global for a 2-letter brand (HP, LG, in any case)', async () => {
    const brand = cycle(['HP', 'lg', 'hp', 'LG']);
    const stmt = app.core.database.sqlite.prepare(
      `SELECT d.id, d.brand, d.model FROM devices d WHERE lower(d.brand) >= ? AND lower(d.brand) < ?
       ORDER BY lower(d.brand) DESC, d.created_at DESC LIMIT 8`,
    );
    await pair(
      'search.global.brand2',
      () => clerk.ok('search.global', { q: brand() }),
      () => {
        const b = brand().toLowerCase();
        return stmt.all(b, `${b}\u{10FFFF}`);
      },
    );
  });

  it('search.global for words of a fault (English, Chinese of 2 and 3+ characters, one found nowhere)', async () => {
    // From the seeded texts; 蓝牙 and "no signal" are in none of them.
    const word = cycle([
      'hinge',
      "won't charge",
      '屏幕',
      '充电口',
      '转轴断裂',
      '蓝牙',
      '要求保留数据',
      'no signal',
    ]);
    const fts = app.core.database.sqlite.prepare(
      `SELECT s.work_order_id FROM work_order_search_fts f JOIN work_order_search s ON s.doc = f.rowid
       WHERE work_order_search_fts MATCH ? ORDER BY f.rowid DESC LIMIT 8`,
    );
    await pair(
      'search.global.faultWord',
      () => clerk.ok('search.global', { q: word() }),
      () => fts.all(`{fault diagnosis} : "${word().replaceAll('"', '""')}"`),
    );
  });

  it('search.global for a device category', async () => {
    const category = cycle(['电脑', '家电', '平板', '汽车', '手机']);
    const stmt = app.core.database.sqlite.prepare(
      'SELECT id FROM devices WHERE lower(category) = ? ORDER BY created_at DESC LIMIT 8',
    );
    await pair(
      'search.global.category',
      () => clerk.ok('search.global', { q: category() }),
      () => stmt.all(category()),
    );
  });

  it('workOrders.list with a text filter naming one customer, phone, order or device', async () => {
    const { names, phones, orderNos, serials } = branch.sample;
    const text = cycle(
      names
        .slice(0, 10)
        .flatMap((n, i) => [n, phones[i]?.slice(-4) ?? n, orderNos[i] ?? n, serials[i]?.slice(-6) ?? n]),
    );
    await single('workOrders.list.text', () => clerk.ok('workOrders.list', { q: text() }), BUDGET_MS);
  });

  it('workOrders.list with a text filter matching thousands (a 2-letter brand, a common fault word)', async () => {
    const input = cycle([
      { q: 'HP', status: 'delivered', pageSize: 50 },
      { q: 'hinge', sort: 'promisedAt', order: 'asc' },
      { q: '转轴', status: 'inRepair' },
      { q: 'HP hinge' },
    ] as const);
    // Every order it matches is counted for the status tabs: this is the price of exact counts.
    await single('workOrders.list.textBroad', () => clerk.ok('workOrders.list', input()), BROAD_BUDGET_MS);
  });

  it('workOrders.list (one status tab, 50 rows, a filter and a sort)', async () => {
    const input = {
      status: 'inRepair',
      channel: 'walkIn',
      sort: 'promisedAt',
      order: 'asc',
      pageSize: 50,
    } as const;
    const rows = app.core.database.sqlite.prepare(
      `SELECT w.*, c.name, d.brand, d.model, u.display_name FROM work_orders w
       JOIN customers c ON c.id = w.customer_id JOIN devices d ON d.id = w.device_id
       LEFT JOIN users u ON u.id = w.technician_id
       WHERE w.status = 'inRepair' AND w.channel = 'walkIn' ORDER BY w.promised_at LIMIT 50`,
    );
    const counts = app.core.database.sqlite.prepare(
      "SELECT status, count(*) FROM work_orders WHERE channel = 'walkIn' GROUP BY status",
    );
    await pair(
      'workOrders.list',
      () => clerk.ok('workOrders.list', input),
      () => [rows.all(), counts.all()],
    );
  });

  it('workOrders.create', async () => {
    const ids = app.core.database.sqlite.prepare(
      'SELECT id, customer_id AS c, category FROM devices WHERE customer_id = ? LIMIT 1',
    );
    const targets = branch.sample.customerIds.map(
      (c) => ids.get(c) as { id: string; c: string; category: string },
    );
    const next = cycle(targets);
    const sqlite = app.core.database.sqlite;
    const sequence = sqlite.prepare(
      `INSERT INTO sequences (name, value) VALUES ('raw-orders', 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
    );
    const insert = sqlite.prepare(
      `INSERT INTO work_orders (id, order_no, customer_id, device_id, status, channel, service_type, priority, reported_fault,
         warranty_status, warranty_computed, promised_at, created_by, created_at, updated_at)
       VALUES (?, 'RAW-' || ?, ?, ?, 'received', 'walkIn', 'repair', 'normal', '屏幕碎裂', 'out', 'out', 0, ?, 0, 0)`,
    );
    const write = rawWrite(sqlite);
    const adminId = (
      app.core.database.sqlite.prepare("SELECT id FROM users WHERE username = 'admin'").get() as {
        id: string;
      }
    ).id;
    const viaDispatch = () => {
      const t = next();
      return clerk.ok('workOrders.create', {
        customerId: t.c,
        deviceId: t.id,
        reportedFault: '屏幕碎裂，触摸失灵',
        // A vehicle is taken in with its odometer (the same reading each time: never backwards).
        ...(t.category === '汽车' ? { mileageKm: 1000 } : {}),
      });
    };
    const raw = () => {
      const t = next();
      const id = uuidv7();
      return write(id, adminId, { action: 'create', kind: 'created', from: null, to: 'received' }, () => {
        const { value } = sequence.get() as { value: number };
        insert.run(id, value, t.c, t.id, adminId);
      });
    };
    figures['workOrders.create.walPages'] = await walPages(sqlite, viaDispatch);
    figures['workOrders.create.raw.walPages'] = await walPages(sqlite, raw);
    await pair('workOrders.create', viaDispatch, raw);
  });

  it('workOrders.create, step by step', async () => {
    const sqlite = app.core.database.sqlite;
    const device = sqlite.prepare('SELECT id, category FROM devices WHERE customer_id = ? LIMIT 1');
    const inputs = branch.sample.customerIds.map((customerId) => {
      const d = device.get(customerId) as { id: string; category: string };
      return {
        customerId,
        deviceId: d.id,
        reportedFault: '屏幕碎裂，触摸失灵',
        // As in the pair above: a vehicle is taken in with its odometer.
        ...(d.category === '汽车' ? { mileageKm: 1000 } : {}),
      };
    });
    const next = cycle(inputs);
    const ctx = callContext(app, clerk);
    const parse = (input: unknown) => contract['workOrders.create'].input.parse(input);
    const name = 'workOrders.create.step';
    figures[`${name}.input_ms`] = measureSync(() => checkInput('workOrders.create', next()));
    // The service on its own: checks, order number, insert, timeline, audit, outbox, read-back, commit.
    const made: WorkOrderDetail[] = [];
    figures[`${name}.service_ms`] = measureSync(() => made.push(createWorkOrder(ctx, parse(next()))));
    const detail = cycle(made);
    figures[`${name}.readBack_ms`] = measureSync(() =>
      readDetail(ctx.deps.db, detail().id, ctx.user, app.clock.ms),
    );
    figures[`${name}.output_ms`] = measureSync(() => contract['workOrders.create'].output.parse(detail()));
    figures[`${name}.timeline_ms`] = measureInTransaction(app, (tx) => {
      const d = detail();
      addEvent(tx, {
        workOrderId: d.id,
        at: app.clock.ms,
        actor: ctx.user,
        kind: 'created',
        toStatus: 'received',
        data: {
          orderNo: d.orderNo,
          warrantyComputed: 'out',
          technicianId: null,
          reworkOfId: null,
          promisedAt: app.clock.ms,
          estimate: null,
        },
      });
    });
    figures[`${name}.audit_ms`] = measureInTransaction(app, (tx) => {
      const d = detail();
      writeAudit(tx, {
        at: app.clock.ms,
        actor: actorOf(ctx.user),
        action: 'create',
        entity: 'workOrder',
        entityId: d.id,
        after: { ...d, timeline: [] },
      });
    });
    figures[`${name}.outbox_ms`] = measureInTransaction(app, (tx) => {
      const d = detail();
      enqueueMessages(tx, {
        event: 'received',
        customerId: d.customerId,
        workOrderId: d.id,
        occurrence: d.id,
        at: app.clock.ms,
        actor: ctx.user,
      });
    });
    // What every write pays to be on disk (synchronous=FULL): a one-row update and its commit.
    const touch = sqlite.prepare('UPDATE work_orders SET updated_at = updated_at WHERE id = ?');
    figures[`${name}.commit_ms`] = measureSync(() => touch.run(detail().id));
  });

  it('workOrders.transition', async () => {
    const open = (
      app.core.database.sqlite
        .prepare(
          "SELECT id FROM work_orders WHERE status = 'received' AND order_no NOT LIKE 'RAW-%' LIMIT 500",
        )
        .all() as { id: string }[]
    ).map((r) => r.id);
    const next = cycle(open);
    const rawOpen = open.splice(0, 250);
    const rawNext = cycle(rawOpen);
    const sqlite = app.core.database.sqlite;
    const diagnose = sqlite.prepare(
      "UPDATE work_orders SET status = 'diagnosing', updated_at = ? WHERE id = ?",
    );
    // A cancellation also writes the outcome (four report indexes lead with it) and checks that no
    // settlement stands and no deposit is held, as the call does.
    const cancel = sqlite.prepare(
      `UPDATE work_orders SET status = 'cancelled', outcome = 'cancelled', unrepairable_reason = NULL,
         cancel_reason = ?, updated_at = ? WHERE id = ?`,
    );
    const settlement = sqlite.prepare(
      "SELECT * FROM settlements WHERE work_order_id = ? AND status = 'active'",
    );
    const deposit = sqlite.prepare('SELECT coalesce(sum(amount), 0) FROM deposits WHERE work_order_id = ?');
    const write = rawWrite(sqlite);
    const adminId = (await clerk.ok('auth.state', {})).user?.id ?? '';
    // Half the moves start the diagnosis, half cancel the order, in the call and in its twin.
    let moved = 0;
    let rawMoved = 0;
    await pair(
      'workOrders.transition',
      () =>
        clerk.ok('workOrders.transition', {
          id: next(),
          to: moved++ % 2 === 0 ? 'diagnosing' : 'cancelled',
          note: '客户取消',
        }),
      () => {
        const id = rawNext();
        const to = rawMoved++ % 2 === 0 ? 'diagnosing' : 'cancelled';
        return write(id, adminId, { action: 'update', kind: 'status', from: 'received', to }, () => {
          if (to === 'diagnosing') {
            diagnose.run(Date.now(), id);
            return;
          }
          settlement.get(id);
          deposit.get(id);
          cancel.run('客户取消', Date.now(), id);
        });
      },
    );
  });
});
