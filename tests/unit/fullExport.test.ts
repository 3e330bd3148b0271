import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contract';
import { localDate } from '@shared/dates';
import { cellText } from '../../src/main/services/excel/workbook';
import { zipBacklog, zipBacklogParts } from '../../src/main/services/backup/fullExportBackpressure';
import { tempDir } from './harness';
import { addLines, moveTo, openShop, orderInRepair, type Shop } from './settlementsFixtures';

/** 导出全部数据 through dispatch: a small shop, every sheet read back with exceljs and LibreOffice. */
type Result = OutputOf<'backup.exportAll'>;

/** The table each sheet counts, in workbook order. */
const SHEETS: [zh: string, en: string, table: string][] = [
  ['客户', 'Customers', 'customers'],
  ['设备', 'Devices', 'devices'],
  ['工单', 'Work orders', 'work_orders'],
  ['工单时间线', 'Work order timeline', 'work_order_events'],
  ['工单配件', 'Work order parts', 'work_order_parts'],
  ['工时与费用', 'Labor and fees', 'work_order_charges'],
  ['配件', 'Parts', 'parts'],
  ['供应商', 'Suppliers', 'suppliers'],
  ['库存单据', 'Stock documents', 'stock_documents'],
  ['库存单据明细', 'Stock document lines', 'stock_document_lines'],
  ['库存流水', 'Stock movements', 'stock_movements'],
  ['结算单', 'Settlements', 'settlements'],
  ['结算单明细', 'Settlement lines', 'settlement_lines'],
  ['收款', 'Payments', 'payments'],
  ['日结记录', 'Day close', 'day_close_events'],
  ['用户', 'Users', 'users'],
  ['打印记录', 'Print log', 'print_log'],
  ['操作日志', 'Audit log', 'audit_log'],
];

let shop: Shop;
let orderNo = '';
let settlementNo = '';
let wechatRef = '';
const dirs: (() => void)[] = [];

async function seed(): Promise<void> {
  shop = await openShop();
  const order = await orderInRepair(shop);
  orderNo = order.orderNo;
  await addLines(shop, order.id, {
    charges: [{ itemCode: 'WX' }],
    parts: [{ partId: shop.screen.id, qty: 1 }],
  });
  await moveTo(shop, order, ['qc', 'ready']);
  const made = await shop.clerk.ok('settlements.create', { id: order.id });
  settlementNo = made.settlementNo;
  wechatRef = '4200009876';
  await shop.clerk.ok('settlements.pay', {
    settlementId: made.id,
    method: 'wechat',
    amount: made.total,
    reference: wechatRef,
  });
  // The settlement printed, and printed again (补打).
  await shop.clerk.ok('prints.record', { form: 'settlement', documentId: made.id });
  await shop.clerk.ok('prints.record', { form: 'settlement', documentId: made.id });
  await shop.clerk.ok('dayClose.close', { date: localDate(shop.app.clock.ms) });
  // A second, untouched order so the work-order sheet has more than one row.
  await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.warrantyDeviceId,
    reportedFault: '无法开机',
  });
}

function count(table: string): number {
  const row = shop.app.core.database.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as {
    n: number;
  };
  return row.n;
}

async function exportTo(lang: 'zh-CN' | 'en-US'): Promise<{ result: Result; dir: string }> {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  const result = await shop.admin.ok('backup.exportAll', { lang, folder: dir });
  return { result, dir };
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A sheet as text rows, header first. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): string[][] {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (c) => c ?? ''));
  });
  return rows;
}

/** The value in the row whose `keyHeader` column is `key`, under `header`. */
function valueAt(rows: string[][], keyHeader: string, key: string, header: string): string | undefined {
  const [head, ...body] = rows;
  const k = head?.indexOf(keyHeader) ?? -1;
  const h = head?.indexOf(header) ?? -1;
  return body.find((r) => r[k] === key)?.[h];
}

function localMinute(ms: number): string {
  const t = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${localDate(ms)} ${two(t.getHours())}:${two(t.getMinutes())}`;
}

beforeAll(seed, 30_000);
afterEach(() => {
  while (dirs.length > 0) dirs.pop()?.();
});

describe('backup.exportAll', () => {
  it('writes every area to its own sheet, with as many rows as the table and readable values', async () => {
    const { result, dir } = await exportTo('zh-CN');
    expect(result.file.startsWith(dir)).toBe(true);
    expect(result.file).toMatch(/全部数据-\d{8}-\d{6}\.xlsx$/);
    // Only the finished file is left: no temporary name.
    expect(readdirSync(dir)).toEqual([result.file.slice(dir.length + 1)]);
    expect(result.bytes).toBe(readFileSync(result.file).length);
    expect(result.sheets).toEqual(SHEETS.map(([zh, , table]) => ({ name: zh, rows: count(table) })));
    expect(result.sheets.every((s) => s.rows > 0)).toBe(true);

    const workbook = await load(result.file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS.map(([zh]) => zh));
    for (const [zh, , table] of SHEETS) expect(rowsOf(workbook, zh).length - 1, zh).toBe(count(table));

    const customers = rowsOf(workbook, '客户');
    expect(customers[0]?.slice(0, 3)).toEqual(['客户编号', '姓名', '电话']);
    expect(valueAt(customers, '姓名', '张三', '电话')).toMatch(/^1380000\d{4}$/);
    expect(valueAt(customers, '姓名', '张三', '类型')).toBe('个人');

    const orders = rowsOf(workbook, '工单');
    expect(valueAt(orders, '工单号', orderNo, '状态')).toBe('待取机');
    expect(valueAt(orders, '工单号', orderNo, '客户')).toBe('张三');
    expect(valueAt(orders, '工单号', orderNo, '设备')).toBe('Apple iPhone 13');
    expect(valueAt(orders, '工单号', orderNo, '技术员')).toBe('technician 员工');
    expect(valueAt(orders, '工单号', orderNo, '接单渠道')).toBe('到店');
    // Local date and time, as the shop saw it (the fake clock's instant in this machine's zone).
    const { createdAt } = shop.app.core.database.sqlite
      .prepare('SELECT created_at AS createdAt FROM work_orders WHERE order_no = ?')
      .get(orderNo) as { createdAt: number };
    expect(valueAt(orders, '工单号', orderNo, '接单时间')).toBe(localMinute(createdAt));

    const payments = rowsOf(workbook, '收款');
    expect(valueAt(payments, '交易号', wechatRef, '方式')).toBe('微信');
    expect(valueAt(payments, '交易号', wechatRef, '结算单号')).toBe(settlementNo);
    expect(valueAt(payments, '交易号', wechatRef, '工单号')).toBe(orderNo);
    // 维修工时 ¥80 + screen ¥450, in 元.
    expect(valueAt(payments, '交易号', wechatRef, '金额(元)')).toBe('530');

    const timeline = rowsOf(workbook, '工单时间线');
    expect(timeline.filter((r) => r[0] === orderNo).map((r) => r[2])).toContain('状态变更');

    expect(valueAt(orders, '工单号', orderNo, '确认金额(元)')).toBe('');
    const prints = rowsOf(workbook, '打印记录');
    expect(prints[0]).toEqual(['时间', '操作人', '表单', '单据']);
    expect(prints.slice(1).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['clerk1', '结算单', settlementNo],
      ['clerk1', '结算单', settlementNo],
    ]);

    const users = rowsOf(workbook, '用户');
    expect(users[0]).toEqual(['用户名', '姓名', '角色', '已停用', '最后登录', '建档时间']);
    expect(valueAt(users, '用户名', 'admin', '角色')).toBe('管理员');
  });

  it('never writes a password hash or a device password', async () => {
    const { result, dir } = await exportTo('zh-CN');
    const hashes = shop.app.core.database.sqlite.prepare('SELECT password_hash AS h FROM users').all() as {
      h: string;
    }[];
    // Every cell of every sheet, as text.
    const workbook = await load(result.file);
    const everything = workbook.worksheets.flatMap((s) => {
      const texts: string[] = [];
      s.eachRow((row) => row.eachCell((cell) => texts.push(cellText(cell.value))));
      return texts;
    });
    expect(everything.length).toBeGreaterThan(100);
    for (const { h } of hashes) expect(everything.some((t) => t.includes(h))).toBe(false);
    expect(everything.some((t) => t.includes('scrypt$'))).toBe(false);
    expect(existsSync(dir)).toBe(true);
  });

  it('writes English headers and words when asked', async () => {
    const { result } = await exportTo('en-US');
    expect(result.file).toMatch(/all-records-\d{8}-\d{6}\.xlsx$/);
    expect(result.sheets.map((s) => s.name)).toEqual(SHEETS.map(([, en]) => en));
    const workbook = await load(result.file);
    const orders = rowsOf(workbook, 'Work orders');
    expect(valueAt(orders, 'Order no.', orderNo, 'Status')).toBe('Ready');
    expect(valueAt(rowsOf(workbook, 'Payments'), 'Reference', wechatRef, 'Method')).toBe('WeChat Pay');
  });

  it('refuses a relative folder and an unwritable one, and writes nothing', async () => {
    const relative = await shop.admin.call('backup.exportAll', { lang: 'zh-CN', folder: 'exports' });
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'folder' }] } },
    });
    // A "folder" below a plain file cannot be made.
    const { dir } = await exportTo('zh-CN');
    const before = readdirSync(dir);
    const blocked = await shop.admin.call('backup.exportAll', {
      lang: 'zh-CN',
      folder: join(dir, before[0] ?? '', 'sub'),
    });
    expect(blocked).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: [{ path: 'folder' }] } },
    });
    const bad = await shop.admin.raw('backup.exportAll', { lang: 'fr-FR' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A technician may not take the shop's records away.
    const tech = await shop.tech.call('backup.exportAll', { lang: 'zh-CN' });
    expect(tech).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(dir)).toEqual(before);
  });

  it('defaults to the data folder’s exports/ directory', async () => {
    const result = await shop.admin.ok('backup.exportAll', { lang: 'zh-CN' });
    expect(result.file.startsWith(join(shop.app.core.dataDir, 'exports'))).toBe(true);
  });

  /** tests/check-env.mjs has made sure LibreOffice is installed. */
  it('opens in LibreOffice: the work orders sheet as CSV shows the order', async () => {
    const { result, dir } = await exportTo('zh-CN');
    const run = spawnSync(
      'libreoffice',
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        // Comma-separated, double quotes, UTF-8 (76), the third sheet (工单).
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,3',
        '--outdir',
        dir,
        result.file,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, `libreoffice failed: ${run.stderr}`).toBe(0);
    const csvFile = readdirSync(dir).find((f) => f.endsWith('.csv'));
    expect(csvFile).toBeDefined();
    const lines = readFileSync(join(dir, csvFile ?? ''), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toMatch(/^工单号,状态,客户编号,客户,电话,设备/);
    const line = lines.find((l) => l.startsWith(`${orderNo},`));
    expect(line).toContain(',待取机,');
    expect(line).toContain(',张三,');
  }, 120_000);
});

/** The export's memory limit reads exceljs internals (fullExportBackpressure.ts): still there? */
describe('zip backlog', () => {
  it('is measurable while a sheet is being compressed', async () => {
    const stream = new PassThrough();
    stream.resume();
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const sheet = workbook.addWorksheet('rows');
    const row = ['BJ01-20261123-0001', '张三', '屏幕碎裂，无法开机', 12345];
    for (let i = 0; i < 20_000; i += 1) sheet.addRow(row).commit();
    // Let the zip start on the sheet: from then on its entry stream holds what is not compressed yet.
    await new Promise((resolve) => setImmediate(resolve));
    expect(zipBacklogParts(sheet)?.piped).toBeGreaterThan(1024 * 1024);
    sheet.commit();
    await workbook.commit();
    expect(zipBacklog(sheet)).toBe(0);
  });
});
