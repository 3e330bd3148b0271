import { afterEach, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/main/core';
import { FakeClock, MIGRATIONS, tempDir } from './harness';
import { openOldShop, setUpOldShop } from './oldShop';

/**
 * The migration that keeps the intake estimate apart from the quote fills it in for orders taken
 * before it: from the 'created' event when it recorded one, else from the value before the first
 * change of the estimate (every change is an 'edit' event with before and after), else the estimate
 * as it stands. An approved order gets the estimate in force when the customer said yes.
 */
const MIGRATION = /_prints_and_quotes$/;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

it('fills in the intake estimate and the approved amount of the orders already on file', async () => {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  const clock = new FakeClock();
  const quiet = { error: () => undefined, info: () => undefined };
  // The shop as it was, written in the schema as it was.
  const shop = openOldShop(dir, MIGRATION);
  cleanups.unshift(() => shop.close());
  const t0 = clock.ms;
  const admin = await setUpOldShop(shop, t0);
  const created = { created_at: t0, updated_at: t0 };
  shop.insert('customers', {
    id: 'c1',
    code: 'C000001',
    name: '张三',
    type: 'individual',
    level: '普通',
    ...created,
  });
  shop.insert('devices', {
    id: 'd1',
    customer_id: 'c1',
    category: '手机',
    brand: 'Apple',
    model: 'iPhone 13',
    ...created,
  });
  let n = 0;
  const event = (orderId: string, at: number, kind: string, data: unknown) =>
    shop.insert('work_order_events', {
      id: `e${++n}`,
      work_order_id: orderId,
      at,
      kind,
      data: JSON.stringify(data),
    });
  const add = (id: string, estimate: number | null, approvedAt: number | null, status = 'inRepair') => {
    const approved = approvedAt !== null;
    shop.insert('work_orders', {
      id,
      order_no: `BJ01-${id}`,
      customer_id: 'c1',
      device_id: 'd1',
      status,
      channel: 'walkIn',
      service_type: 'repair',
      priority: 'normal',
      reported_fault: '屏幕碎裂',
      warranty_status: 'out',
      warranty_computed: 'out',
      promised_at: t0 + 86_400_000,
      estimate,
      approval_by: approved ? '张三' : null,
      approval_method: approved ? 'phone' : null,
      approval_at: approvedAt,
      created_by: admin,
      ...created,
    });
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
  shop.sqlite
    .prepare("UPDATE work_order_events SET data = ? WHERE work_order_id = 'F'")
    .run(JSON.stringify({ orderNo: 'BJ01-F', estimate: 90_000 }));
  shop.close();

  // The same data folder opened by this version: the migration runs.
  const core: Core = createCore({
    dataDir: shop.dataDir,
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
