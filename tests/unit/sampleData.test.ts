import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSlice, sampleCategory, type SliceFile } from '../../src/main/services/sampleData/rows';
import { ADMIN, startApp, type TestApp } from './harness';

/**
 * 示例数据: the demo shop built at first run from the Open Repair slice (CC BY-SA 4.0), its figures
 * read back through the app's reports against the slice itself, and its removal in one step.
 */
const SLICE = readSlice(
  JSON.parse(
    readFileSync(resolve(import.meta.dirname, '../../resources/sample/openrepair-sample.json'), 'utf8'),
  ) as SliceFile,
);
const DAY = 86_400_000;

let app: TestApp;
afterEach(() => app.cleanup());

async function demoShop() {
  app = startApp();
  const admin = app.connect();
  await admin.ok('auth.setup', {
    shopName: '示例维修店',
    branchCode: 'DEMO',
    admin: ADMIN,
    sampleData: true,
  });
  return admin;
}

/** Local calendar day of an epoch, as the reports take it. */
const dayOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe('sample data', () => {
  it('builds a shop of every record of the slice, over the years up to two days ago', async () => {
    const admin = await demoShop();
    expect((await admin.ok('auth.state', {})).sampleData).toBe(true);
    const imports = await admin.ok('history.list', {});
    expect(imports).toHaveLength(1);
    expect(imports[0]?.fileName).toContain('Open Repair');
    expect(imports[0]?.orders).toBe(SLICE.length);

    const sqlite = app.core.database.sqlite;
    const span = sqlite
      .prepare(
        'SELECT min(created_at) AS first, max(created_at) AS last FROM work_orders WHERE delivered_at IS NOT NULL',
      )
      .get() as { first: number; last: number };
    const now = app.clock.ms;
    expect(dayOf(span.last)).toBe(dayOf(now - 2 * DAY));
    expect(now - span.first).toBeGreaterThan(9 * 365 * DAY);

    // The fix rate per category read from the reports equals the slice's own, over ten years.
    const report = await admin.ok('reports.byCategory', {
      from: dayOf(now - 3650 * DAY),
      to: dayOf(now),
      bucket: 'year',
    });
    const expected = new Map<string, { fixed: number; all: number }>();
    for (const r of SLICE) {
      const t = expected.get(sampleCategory(r.product_category)) ?? { fixed: 0, all: 0 };
      t.all += 1;
      if (r.repair_status === 'Fixed') t.fixed += 1;
      expected.set(sampleCategory(r.product_category), t);
    }
    for (const [category, t] of expected) {
      const row = report.byCategory.find((c) => c.category === category);
      expect(row?.fixRate, category).toBeCloseTo(t.fixed / t.all, 3);
    }

    // Paid at delivery; follow-ups over the last two years, most reached with scores; five open orders today.
    const revenue = await admin.ok('reports.revenue', {
      from: dayOf(now - 365 * DAY),
      to: dayOf(now),
      bucket: 'month',
    });
    expect(revenue.totals.billed).toBeGreaterThan(0);
    const follow = sqlite.prepare('SELECT state, count(*) AS n FROM follow_ups GROUP BY state').all() as {
      state: string;
      n: number;
    }[];
    const reached = follow.find((f) => f.state === 'reached')?.n ?? 0;
    expect(reached).toBeGreaterThan(100);
    expect(follow.find((f) => f.state === 'unreachable')?.n).toBeGreaterThan(0);
    const open = await admin.ok('workOrders.list', { openOnly: true });
    expect(open.total).toBe(5);
    expect(open.rows.every((o) => !o.imported)).toBe(true);

    // Each imported order says where it came from: the file, its row, the old number, the technician.
    const repaired = await admin.ok('workOrders.list', { outcome: 'repaired', pageSize: 1 });
    const [first] = repaired.rows;
    expect(first?.imported).toBe(true);
    const detail = await admin.ok('workOrders.get', { id: first?.id ?? '' });
    expect(detail.importedFrom).toMatchObject({ fileName: expect.stringContaining('Open Repair') });
    expect(detail.importedFrom?.sourceNo).toMatch(/^restart_\d+$/);
    expect(detail.importedFrom?.technicianName).toMatch(/师傅$/);
    expect(detail.importedFrom?.row).toBeGreaterThan(1);
    expect(SLICE.find((r) => r.id === detail.importedFrom?.sourceNo)?.problem).toBe(detail.reportedFault);
  });

  it('is removed in one step: no record left, users kept, the added categories gone, a safety backup made', async () => {
    const admin = await demoShop();
    const before = await admin.ok('settings.get', {});
    expect(before.counter.deviceCategories).toContain('小家电');
    const { safetyBackup } = await admin.ok('sampleData.remove', {});
    expect(safetyBackup).toMatch(/\.tar\.zst$/);

    const again = app.connect();
    await again.ok('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
    expect((await again.ok('auth.state', {})).sampleData).toBe(false);
    const sqlite = app.core.database.sqlite;
    for (const table of ['work_orders', 'customers', 'devices', 'payments', 'follow_ups', 'history_imports'])
      expect(sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    const after = await again.ok('settings.get', {});
    expect(after.counter.deviceCategories).toEqual(['手机', '电脑', '平板', '家电', '汽车', '其他']);
    expect(after.shop.name).toBe('示例维修店');
    // Removed already: a clear refusal, nothing changed.
    const twice = await again.call('sampleData.remove', {});
    expect(twice.ok === false && twice.error.reason).toBe('noSampleData');
  });

  it('a shop set up without it has none, and nothing to remove', async () => {
    app = startApp();
    const admin = app.connect();
    await admin.ok('auth.setup', { shopName: '城东维修中心', branchCode: 'BJ01', admin: ADMIN });
    expect((await admin.ok('auth.state', {})).sampleData).toBe(false);
    const refused = await admin.call('sampleData.remove', {});
    expect(refused.ok === false && refused.error.reason).toBe('noSampleData');
    expect(app.core.database.sqlite.prepare('SELECT count(*) FROM work_orders').pluck().get()).toBe(0);
  });
});
