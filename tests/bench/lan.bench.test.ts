import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import type { ChangeNotice } from '@shared/schemas/lan';
import { nameInitials } from '../../src/main/services/pinyin';
import { HostLink } from '../../src/main/terminal/forwarder';
import { startApp, setUpShop, signedInAs, type TestApp } from '../unit/harness';
import { startTestLan, type TestLan } from '../unit/lanHelpers';
import { p95, recordFigures } from './figures';
import { seedBranch, type SeededBranch } from './seedBranch';

/** The branch the counter figures are measured on: 100,000 customers, 300,000 work orders. */
const SIZE = { customers: 100_000, devices: 150_000, workOrders: 300_000 };
const TERMINALS = 5;
/** How long the five terminals work together (`DESK_BENCH_LAN_S` shortens it while developing). */
const RUN_MS = Number(process.env.DESK_BENCH_LAN_S ?? 60) * 1000;
const MIXED_BUDGET_MS = 50;
const NOTIFY_BUDGET_MS = 500;
const NOTIFY_SAMPLES = 100;

let app: TestApp;
let lan: TestLan;
let branch: SeededBranch;
let partId = '';
let techId = '';
const links: HostLink[] = [];
/** Notice subscriptions to stop before the links close. */
const stops: (() => void)[] = [];
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const figures: Record<string, number> = {};

/** One paired desktop terminal, signed in as its own clerk: the forwarder the desktop app uses. */
class Terminal {
  constructor(
    readonly link: HostLink,
    readonly conn: string,
  ) {}

  async call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const answer = (await this.link.invoke(this.conn, method, input)) as Envelope<OutputOf<M>>;
    if (!answer.ok) throw new Error(`${method}: ${answer.error.reason} ${answer.error.message}`);
    return answer.data;
  }
}

async function pairTerminal(name: string): Promise<HostLink> {
  const { code } = lan.pairing.create();
  const paired = await HostLink.pair({
    url: `https://${lan.host}`,
    code,
    name,
    fingerprint: lan.fingerprint,
  });
  if (!paired.ok) throw new Error(`pairing ${name}: ${paired.error.reason}`);
  const link = new HostLink(paired.data);
  links.push(link);
  return link;
}

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  const tech = await signedInAs(app, admin, 'technician', 'lan-tech');
  techId = (await tech.ok('auth.state', {})).user?.id ?? '';
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  branch = seedBranch(app.core.database.sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: [techId],
    initials: nameInitials,
  });
  app.core.database.sqlite.pragma('optimize');
  app.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const part = await admin.ok('parts.create', { code: 'LAN-SCR', name: '屏幕总成', salePrice: 30000 });
  partId = part.id;
  const supplier = await admin.ok('suppliers.create', { name: '华强北配件行' });
  await admin.ok('stock.post', {
    kind: 'receipt',
    supplierId: supplier.id,
    lines: [{ partId, qty: 100_000, unitCost: 18000 }],
  });
  for (let i = 1; i <= TERMINALS; i++) {
    await admin.ok('users.create', {
      username: `lan-clerk${i}`,
      displayName: `前台${i}`,
      role: 'clerk',
      password: 'lan-clerk-password',
    });
  }
  lan = await startTestLan(app);
}, 600_000);

afterAll(async () => {
  for (const stop of stops) stop();
  for (const link of links) link.close();
  await lan?.close();
  recordFigures(figures);
  app?.cleanup();
});

/** Owners and their devices, for intake (not vehicles: they are taken in with their odometer reading). */
function devicesWithOwners(limit: number): { customerId: string; deviceId: string }[] {
  return app.core.database.sqlite
    .prepare(
      `SELECT id AS deviceId, customer_id AS customerId FROM devices WHERE category <> '汽车' ORDER BY rowid DESC LIMIT ?`,
    )
    .all(limit) as { customerId: string; deviceId: string }[];
}

/**
 * One terminal's working loop, as a counter and bench share it: find the customer, look at the
 * queue, take a device in, open it, move it to the bench, issue a part, settle and take the money.
 * Every call's time is kept by method; `pause` is the person's time between two calls.
 */
async function work(
  t: Terminal,
  index: number,
  until: number,
  samples: Map<string, number[]>,
  pause: () => Promise<void>,
): Promise<number> {
  const intake = devicesWithOwners(2000).filter((_, i) => i % TERMINALS === index);
  const phones = branch.sample.phones;
  let calls = 0;
  const step = async <M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> => {
    await pause();
    const start = performance.now();
    const result = await t.call(method, input);
    const list = samples.get(method) ?? [];
    list.push(performance.now() - start);
    samples.set(method, list);
    calls++;
    return result;
  };
  for (let round = 0; performance.now() < until; round++) {
    const phone = phones[(round * TERMINALS + index) % phones.length] ?? '';
    const device = intake[round % intake.length];
    if (!device) throw new Error('no device to take in');
    await step('search.global', { q: phone.slice(-4) });
    await step('workOrders.list', { status: 'inRepair', pageSize: 20 });
    const order = await step('workOrders.create', {
      ...device,
      reportedFault: '屏幕碎裂，触摸失灵',
      technicianId: techId,
    });
    await step('workOrders.get', { id: order.id });
    await step('workOrders.transition', { id: order.id, to: 'diagnosing', note: '' });
    await step('workOrders.transition', { id: order.id, to: 'inRepair', note: '' });
    await step('workOrders.addPart', { id: order.id, partId, qty: 1, coveredByWarranty: false });
    await step('workOrders.list', { q: order.orderNo });
    const settlement = await step('settlements.create', { id: order.id });
    await step('settlements.pay', {
      settlementId: settlement.id,
      method: 'wechat',
      amount: settlement.balance,
    });
  }
  return calls;
}

/** Five signed-in terminals working for RUN_MS; returns every call's time and the call count. */
async function runFive(prefix: string, pause: () => Promise<void>) {
  const terminals: Terminal[] = [];
  for (let i = 1; i <= TERMINALS; i++) {
    const terminal = new Terminal(await pairTerminal(`${prefix}${i}`), `${prefix}-window-${i}`);
    await terminal.call('auth.signIn', { username: `lan-clerk${i}`, password: 'lan-clerk-password' });
    terminals.push(terminal);
  }
  const samples = new Map<string, number[]>();
  const start = performance.now();
  let errors = 0;
  const counts = await Promise.all(
    terminals.map((t, i) =>
      work(t, i, start + RUN_MS, samples, pause).catch((error: unknown) => {
        errors++;
        console.error(error);
        return 0;
      }),
    ),
  );
  const seconds = (performance.now() - start) / 1000;
  const calls = counts.reduce((a, b) => a + b, 0);
  const byMethod = Object.fromEntries([...samples].map(([method, list]) => [method, p95(list)]));
  console.info(prefix, JSON.stringify(byMethod));
  return { all: [...samples.values()].flat(), calls, errors, rps: Math.round(calls / seconds) };
}

/** A person's pause between two calls: 0–200 ms (a fast clerk), the same sequence every run. */
function thinking(seed: number): () => Promise<void> {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return new Promise((resolve) => setTimeout(resolve, (state / 2 ** 31) * 200));
  };
}

/** The stock the terminals issued is exactly what left the shelf. */
function expectStockKept() {
  const sqlite = app.core.database.sqlite;
  const onHand = sqlite.prepare('SELECT on_hand AS n FROM parts WHERE id = ?').get(partId) as { n: number };
  const issued = sqlite
    .prepare('SELECT coalesce(sum(qty), 0) AS n FROM work_order_parts WHERE part_id = ?')
    .get(partId) as { n: number };
  expect(onHand.n + issued.n).toBe(100_000);
}

describe('five terminals over HTTPS on the 300,000-order branch', () => {
  it('lan.mixed5: intake, search, lists, moves, parts and settlements from five terminals at once', async () => {
    const run = await runFive('柜台', thinking(7));
    figures['lan.mixed5.p95_ms'] = p95(run.all);
    figures['lan.mixed5.calls'] = run.calls;
    figures['lan.mixed5.errors'] = run.errors;
    figures['lan.rps'] = run.rps;
    expectStockKept();
    expect(run.errors).toBe(0);
    expect(figures['lan.mixed5.p95_ms']).toBeLessThanOrEqual(MIXED_BUDGET_MS);
  }, 300_000);

  it('lan.saturated5: the same five with no pause at all, for the most the host can answer', async () => {
    const run = await runFive('满载', () => Promise.resolve());
    figures['lan.saturated5.p95_ms'] = p95(run.all);
    figures['lan.saturated5.rps'] = run.rps;
    expectStockKept();
    expect(run.errors).toBe(0);
  }, 300_000);

  it('lan.notify: a write at one terminal reaches another terminal as a change notice', async () => {
    const writer = new Terminal(await pairTerminal('前台'), 'writer');
    await writer.call('auth.signIn', { username: 'lan-clerk1', password: 'lan-clerk-password' });
    const listener = await pairTerminal('维修台');
    // Each sample waits for the update of its own order: a late notice of another write cannot answer it.
    const waiting = new Map<string, (at: number) => void>();
    const hear = (id: string) => new Promise<number>((resolve) => waiting.set(id, resolve));
    stops.push(
      listener.subscribe({
        notice: (notice: ChangeNotice) => {
          if (notice.kind !== 'change' || notice.id === null || notice.action !== 'update') return;
          waiting.get(notice.id)?.(performance.now());
          waiting.delete(notice.id);
        },
      }),
    );
    const devices = devicesWithOwners(NOTIFY_SAMPLES + 20);
    const newOrder = async (i: number) => {
      const device = devices[i];
      if (!device) throw new Error('no device');
      return writer.call('workOrders.create', { ...device, reportedFault: '无法开机' });
    };
    // The stream is open once a first note is heard (it connects in the background).
    for (let i = 0; ; i++) {
      const probe = await newOrder(NOTIFY_SAMPLES + (i % 20));
      const heard = hear(probe.id);
      await writer.call('workOrders.addNote', { id: probe.id, note: '开始' });
      const opened = await Promise.race([heard.then(() => true), delay(500).then(() => false)]);
      if (opened) break;
      if (i > 40) throw new Error('the notice stream never opened');
    }
    const samples: number[] = [];
    for (let i = 0; i < NOTIFY_SAMPLES; i++) {
      const order = await newOrder(i);
      const heard = hear(order.id);
      const start = performance.now();
      await writer.call('workOrders.addNote', { id: order.id, note: `第 ${i + 1} 次联系客户` });
      samples.push((await heard) - start);
    }
    figures['lan.notify.p95_ms'] = p95(samples);
    expect(figures['lan.notify.p95_ms']).toBeLessThanOrEqual(NOTIFY_BUDGET_MS);
  }, 120_000);
});
