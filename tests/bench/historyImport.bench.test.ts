import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, setUpShop, type Client, type TestApp } from '../unit/harness';
import { csvFile, type Row } from '../unit/historyFixtures';
import { recordFigures } from './figures';

/**
 * Issue 17: 20,000 rows of work-order history (five years, repeat customers and devices, paid in
 * several ways) checked and imported through dispatch, as the page sends them. Budget: ≤ 60 s.
 */
const ROWS = 20_000;
let app: TestApp;
let admin: Client;
const figures: Record<string, number> = {};

beforeAll(async () => {
  app = startApp();
  admin = await setUpShop(app);
});

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const OUTCOMES = ['已修复', '已修复', '已修复', '无法修复', '客户拒修', '已取消'];
const METHODS = ['现金', '微信', '支付宝', '银行卡'];
const CATEGORIES = ['手机', '电脑', '平板', '家电'];

function rows(): Row[] {
  return Array.from({ length: ROWS }, (_, i) => {
    const day = new Date(2020, 0, 1 + Math.floor(i / 11)); // about 11 orders a day over five years
    const date = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
    const outcome = OUTCOMES[i % OUTCOMES.length] ?? '已修复';
    const cancelled = outcome === '已取消';
    const labor = cancelled ? '' : String(50 + (i % 7) * 10);
    const parts = cancelled || i % 3 === 0 ? '' : String(100 + (i % 13) * 25);
    const paid = cancelled ? '' : String(Number(labor) + Number(parts || 0));
    return {
      sourceNo: `OLD-${i + 1}`,
      customerName: `客户${i % 9000}`,
      customerPhone: `139${pad(i % 9000, 8)}`, // repeat customers: about 2 visits each
      category: CATEGORIES[i % CATEGORIES.length] ?? '手机',
      brand: ['华为', 'Apple', '小米', '联想'][i % 4] ?? '',
      model: `M${i % 50}`,
      serialNo: `SN${pad(i % 15000, 8)}`, // some devices come back
      receivedAt: `${date} ${pad(9 + (i % 8))}:${pad(i % 60)}`,
      deliveredAt: cancelled ? '' : `${date} ${pad(17 + (i % 2))}:00`,
      outcome,
      technician: i % 5 === 0 ? '老王' : '',
      reportedFault: `故障描述 ${i % 300}`,
      diagnosis: cancelled ? '' : '更换配件',
      laborAmount: labor,
      partsAmount: parts,
      paidAmount: paid,
      paymentMethod: cancelled ? '' : (METHODS[i % METHODS.length] ?? '现金'),
      paidAt: cancelled ? '' : `${date} ${pad(17 + (i % 2))}:00`,
    };
  });
}

it('imports 20,000 orders of history within budget', async () => {
  const file = csvFile(rows(), 'utf8', 'history-20k.csv');
  let start = performance.now();
  const dry = await admin.ok('history.import', { file, dryRun: true });
  figures['import.orders20k.dryRun.s'] = Number(((performance.now() - start) / 1000).toFixed(1));
  expect(dry).toMatchObject({ rows: ROWS, accepted: ROWS, refused: 0, errors: [] });

  start = performance.now();
  const result = await admin.ok('history.import', { file, dryRun: false });
  const seconds = (performance.now() - start) / 1000;
  figures['import.orders20k.s'] = Number(seconds.toFixed(1));
  expect(result.committed).toBe(true);
  expect(result.accepted).toBe(ROWS);

  start = performance.now();
  await admin.ok('history.undo', { id: result.importId ?? '' });
  figures['import.orders20k.undo.s'] = Number(((performance.now() - start) / 1000).toFixed(1));
  expect(seconds).toBeLessThanOrEqual(60);
}, 600_000);
