import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { HistoryMapping } from '@shared/schemas/history';
import { startApp, setUpShop, type Client, type TestApp } from '../unit/harness';
import { recordFigures } from './figures';

/**
 * Issue 17's note: the real Open Repair records (The Restart Project, CC BY-SA 4.0, 23,940 rows,
 * 2012–2022) imported through the history import, then the fix rate per year and per category read
 * from the app's own reports next to the same figures computed straight from the CSV. Writes
 * out/openrepair-import.json (the figures and every refusal reason) for the note.
 */
const CSV = '/work/shared/data/openrepair/OpenRepairData_v0.3_RestartProject_202204.csv';

/** Open Repair's 40 product categories as shop categories (the shop's labels are ≤ 20 characters). */
const CATEGORY: Record<string, string> = {
  'TV and gaming-related accessories': 'TV/gaming accessory',
  'Handheld entertainment device': 'Handheld device',
  'Decorative or safety lights': 'Decorative lights',
  'Battery/charger/adapter': 'Battery/charger',
  'Digital compact camera': 'Compact camera',
  'Large home electrical': 'Large electrical',
  'Small home electrical': 'Small electrical',
  'Aircon/dehumidifier': 'Aircon/dehumidifier',
};
const shopCategory = (c: string) => CATEGORY[c] ?? c;

const MAPPING: HistoryMapping = {
  columns: {
    sourceNo: 'id',
    customerName: 'group_identifier',
    category: 'product_category',
    brand: 'brand',
    receivedAt: 'event_date',
    deliveredAt: 'event_date',
    outcome: 'repair_status',
    reportedFault: 'problem',
  },
  // Fixed at the event; Repairable = could be repaired but was not that day (the visitor took it
  // home to finish or to get a part): not repaired here; End of life = could not be repaired.
  outcomes: { Fixed: 'repaired', Repairable: 'declined', 'End of life': 'unrepairable' },
  categories: CATEGORY,
  // 4,749 records have no problem text: recorded as such rather than refused.
  blankFault: '(no problem recorded)',
};

let app: TestApp;
let admin: Client;
const report: Record<string, unknown> = {};

beforeAll(async () => {
  app = startApp();
  admin = await setUpShop(app);
});
afterAll(() => {
  mkdirSync(resolve('out'), { recursive: true });
  writeFileSync(resolve('out/openrepair-import.json'), `${JSON.stringify(report, null, 2)}\n`);
  app.cleanup();
});

type Record_ = { product_category: string; repair_status: string; event_date: string; problem: string };
const rate = (fixed: number, all: number) => (all === 0 ? null : Number((fixed / all).toFixed(4)));

it('imports the Open Repair records and its reports match the CSV', async () => {
  const bytes = readFileSync(CSV);
  const records = parse(bytes, { columns: true, bom: true }) as Record_[];
  const settings = await admin.ok('settings.get', {});
  const categories = [...new Set(records.map((r) => shopCategory(r.product_category)))];
  await admin.ok('settings.update', {
    counter: { ...settings.counter, deviceCategories: [...settings.counter.deviceCategories, ...categories] },
  });
  const file = {
    fileName: 'OpenRepairData_v0.3_RestartProject_202204.csv',
    base64: bytes.toString('base64'),
  };

  let start = performance.now();
  const dry = await admin.ok('history.import', { file, mapping: MAPPING, dryRun: true });
  expect(dry.committed).toBe(false);
  const drySeconds = (performance.now() - start) / 1000;
  start = performance.now();
  const run = await admin.ok('history.import', { file, mapping: MAPPING, dryRun: false, skipRefused: true });
  const seconds = (performance.now() - start) / 1000;
  expect(run.committed).toBe(true);
  expect(run.accepted + run.refused).toBe(records.length);

  const reasons: Record<string, number> = {};
  for (const e of run.errors)
    reasons[`${e.column}: ${e.code}${e.code === 'notAllowed' ? ` (${e.value})` : ''}`] =
      (reasons[`${e.column}: ${e.code}${e.code === 'notAllowed' ? ` (${e.value})` : ''}`] ?? 0) + 1;

  // The same figures from the CSV: fix rate = Fixed / (Fixed + Repairable + End of life), as the
  // app's fixRate = repaired / decided; over all rows and over the rows the import accepted.
  const refusedRows = new Set(run.errors.map((e) => e.row));
  const byYear = new Map<string, { fixed: number; all: number; fixedIn: number; allIn: number }>();
  const byCat = new Map<string, { fixed: number; all: number; fixedIn: number; allIn: number }>();
  records.forEach((r, i) => {
    if (!['Fixed', 'Repairable', 'End of life'].includes(r.repair_status)) return;
    const accepted = !refusedRows.has(i + 2);
    for (const [map, key] of [
      [byYear, r.event_date.slice(0, 4)],
      [byCat, shopCategory(r.product_category)],
    ] as const) {
      const t = map.get(key) ?? { fixed: 0, all: 0, fixedIn: 0, allIn: 0 };
      const fixed = r.repair_status === 'Fixed' ? 1 : 0;
      t.all += 1;
      t.fixed += fixed;
      if (accepted) {
        t.allIn += 1;
        t.fixedIn += fixed;
      }
      map.set(key, t);
    }
  });

  // The app's figures: reports.byCategory, one year at a time.
  const years = [...byYear.keys()].sort();
  const appCat = new Map<string, { repaired: number; decided: number }>();
  const yearRows = [];
  for (const year of years) {
    const r = await admin.ok('reports.byCategory', {
      from: `${year}-01-01`,
      to: `${year}-12-31`,
      bucket: 'month',
    });
    let repaired = 0;
    let decided = 0;
    for (const c of r.byCategory) {
      const d = c.outcomes.repaired + c.outcomes.unrepairable + c.outcomes.declined + c.outcomes.cancelled;
      repaired += c.outcomes.repaired;
      decided += d;
      const t = appCat.get(c.category) ?? { repaired: 0, decided: 0 };
      t.repaired += c.outcomes.repaired;
      t.decided += d;
      appCat.set(c.category, t);
    }
    const csv = byYear.get(year) ?? { fixed: 0, all: 0, fixedIn: 0, allIn: 0 };
    yearRows.push({
      year,
      app: { orders: decided, fixRate: rate(repaired, decided) },
      csvAll: { rows: csv.all, fixRate: rate(csv.fixed, csv.all) },
      csvAccepted: { rows: csv.allIn, fixRate: rate(csv.fixedIn, csv.allIn) },
    });
    expect(decided).toBe(csv.allIn);
    expect(repaired).toBe(csv.fixedIn);
  }
  const categoryRows = [...byCat.entries()]
    .sort((a, b) => b[1].all - a[1].all)
    .map(([category, csv]) => {
      const a = appCat.get(category) ?? { repaired: 0, decided: 0 };
      expect(a.decided).toBe(csv.allIn);
      return {
        category,
        app: { orders: a.decided, fixRate: rate(a.repaired, a.decided) },
        csvAll: { rows: csv.all, fixRate: rate(csv.fixed, csv.all) },
        csvAccepted: { rows: csv.allIn, fixRate: rate(csv.fixedIn, csv.allIn) },
      };
    });
  Object.assign(report, {
    rows: records.length,
    imported: run.accepted,
    refused: run.refused,
    reasons,
    customersCreated: run.customersCreated,
    devicesCreated: run.devicesCreated,
    dryRunSeconds: Number(drySeconds.toFixed(1)),
    importSeconds: Number(seconds.toFixed(1)),
    byYear: yearRows,
    byCategory: categoryRows,
  });
  recordFigures({
    'import.openrepair.s': Number(seconds.toFixed(1)),
    'import.openrepair.rows': run.accepted,
  });
}, 900_000);
