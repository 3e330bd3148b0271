import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import type { Connection } from '../../src/main/services/context';
import { ADMIN, FakeClock, MIGRATIONS, tempDir } from './harness';

/**
 * The migration that keeps the intake estimate apart from the quote fills it in for orders taken
 * before it: from the 'created' event when it recorded one, else from the value before the first
 * change of the estimate (every change is an 'edit' event with before and after), else the estimate
 * as it stands. An approved order gets the estimate in force when the customer said yes.
 */
const MIGRATION = '0010_prints_and_quotes';
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

interface Journal {
  entries: { tag: string }[];
}

/** The migrations folder as it was before this migration. */
function migrationsBefore(dir: string): string {
  const old = join(dir, 'drizzle-before');
  cpSync(MIGRATIONS, old, { recursive: true });
  rmSync(join(old, `${MIGRATION}.sql`));
  const journalFile = join(old, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as Journal;
  const at = journal.entries.findIndex((e) => e.tag === MIGRATION);
  expect(at).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(journalFile, JSON.stringify(journal));
  return old;
}

const conn = (): Connection => ({
  sessionId: null,
  setSessionId(id) {
    this.sessionId = id;
  },
});

it('fills in the intake estimate and the approved amount of the orders already on file', async () => {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const clock = new FakeClock();
  const quiet = { error: () => undefined, info: () => undefined };
  const data = join(dir, 'data');
  let core: Core = createCore({
    dataDir: data,
    migrationsDir: migrationsBefore(dir),
    now: clock.now,
    log: quiet,
    scryptN: 2 ** 10,
    scheduler: false,
  });
  await core.dispatch('auth.setup', { shopName: '城东维修中心', branchCode: 'bj01', admin: ADMIN }, conn());
  const sqlite = core.database.sqlite;
  const { id: admin } = sqlite.prepare('SELECT id FROM users').get() as { id: string };
  const t0 = clock.ms;
  sqlite
    .prepare(
      `INSERT INTO customers (id, code, name, type, level, created_at, updated_at)
       VALUES ('c1', 'C000001', '张三', 'individual', '普通', ?, ?)`,
    )
    .run(t0, t0);
  sqlite
    .prepare(
      `INSERT INTO devices (id, customer_id, category, brand, model, created_at, updated_at)
       VALUES ('d1', 'c1', '手机', 'Apple', 'iPhone 13', ?, ?)`,
    )
    .run(t0, t0);
  const order = sqlite.prepare(
    `INSERT INTO work_orders (id, order_no, customer_id, device_id, status, channel, service_type, priority,
       reported_fault, warranty_status, warranty_computed, promised_at, estimate, approval_by, approval_method,
       approval_at, created_by, created_at, updated_at)
     VALUES (?, ?, 'c1', 'd1', ?, 'walkIn', 'repair', 'normal', '屏幕碎裂', 'out', 'out', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  const event = (orderId: string, at: number, kind: string, data: unknown) =>
    sqlite
      .prepare('INSERT INTO work_order_events (id, work_order_id, at, kind, data) VALUES (?, ?, ?, ?, ?)')
      .run(`e${++n}`, orderId, at, kind, JSON.stringify(data));
  const add = (id: string, estimate: number | null, approvedAt: number | null, status = 'inRepair') => {
    order.run(
      id,
      `BJ01-${id}`,
      status,
      t0 + 86_400_000,
      estimate,
      approvedAt === null ? null : '张三',
      approvedAt === null ? null : 'phone',
      approvedAt,
      admin,
      t0,
      t0,
    );
    event(id, t0, 'created', { orderNo: `BJ01-${id}`, warrantyComputed: 'out' });
  };
  const edit = (id: string, at: number, from: number | null, to: number | null) =>
    event(id, at, 'edit', { fields: ['estimate'], before: { estimate: from }, after: { estimate: to } });

  // Never requoted, not approved.
  add('A', 50_000, null, 'received');
  // ¥800 at intake, quoted ¥760 and approved, requoted ¥790 afterwards (not approved).
  add('B', 79_000, t0 + 3_000);
  edit('B', t0 + 1_000, 80_000, 76_000);
  edit('B', t0 + 5_000, 76_000, 79_000);
  // No estimate at intake, quoted ¥760 and approved.
  add('C', 76_000, t0 + 3_000);
  edit('C', t0 + 1_000, null, 76_000);
  // Approved at the intake estimate, never requoted.
  add('D', 30_000, t0 + 3_000);
  // Approved with no estimate at all, then quoted afterwards.
  add('E', 20_000, t0 + 3_000);
  edit('E', t0 + 5_000, null, 20_000);
  // A 'created' event that recorded the estimate, with a later quote that left no edit behind.
  add('F', 95_000, null);
  sqlite
    .prepare("UPDATE work_order_events SET data = ? WHERE work_order_id = 'F'")
    .run(JSON.stringify({ orderNo: 'BJ01-F', estimate: 90_000 }));
  core.close();

  core = createCore({
    dataDir: data,
    migrationsDir: MIGRATIONS,
    now: clock.now,
    log: quiet,
    scryptN: 2 ** 10,
    scheduler: false,
  });
  cleanups.unshift(() => core.close());
  const rows = core.database.sqlite
    .prepare(
      'SELECT id, estimate, intake_estimate AS intake, approved_amount AS approved FROM work_orders ORDER BY id',
    )
    .all();
  expect(rows).toEqual([
    { id: 'A', estimate: 50_000, intake: 50_000, approved: null },
    { id: 'B', estimate: 79_000, intake: 80_000, approved: 76_000 },
    { id: 'C', estimate: 76_000, intake: null, approved: 76_000 },
    { id: 'D', estimate: 30_000, intake: 30_000, approved: 30_000 },
    { id: 'E', estimate: 20_000, intake: null, approved: null },
    { id: 'F', estimate: 95_000, intake: 90_000, approved: null },
  ]);
});
