// Exports write local wall-clock times: run this file in a zone that is not UTC to prove it.
process.env.TZ = 'Asia/Shanghai';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { tempDir, type Client, type TestApp } from './harness';
import { openXlsx, PART_IMPORT_HEADER, startStockShop } from './stockFixtures';

let app: TestApp;
let admin: Client;
let clerk: Client;
let manager: Client;
let supplierId: string;

/** 2026-11-23 10:00 in Shanghai: the harness clock's start. */
const T0 = Date.UTC(2026, 10, 23, 2, 0, 0);
const HOUR = 3_600_000;

beforeEach(async () => {
  ({ app, admin, clerk, manager, supplierId } = await startStockShop());
});
afterEach(() => app.cleanup());

function sheetAt(workbook: ExcelJS.Workbook, index: number): ExcelJS.Worksheet {
  const sheet = workbook.worksheets[index];
  if (!sheet) throw new Error(`no sheet ${index}`);
  return sheet;
}

/** Every row's cell values, blanks as null. */
function valuesOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow((row) => {
    rows.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null));
  });
  return rows;
}

/** A wall-clock date-time as exceljs reads it back (UTC fields = what Excel shows). */
const shown = (text: string) => new Date(`${text}:00Z`);

async function stockedParts() {
  const screen = await clerk.ok('parts.create', {
    code: 'SCR-IP13',
    name: 'iPhone 13 屏幕总成',
    spec: '原装',
    category: '屏幕',
    salePrice: 45050,
    minStock: 2,
    location: 'A-01',
    defaultSupplierId: supplierId,
  });
  const battery = await clerk.ok('parts.create', {
    code: 'BAT-IP13',
    name: 'iPhone 13 电池',
    costPrice: 3000,
  });
  const old = await clerk.ok('parts.create', { code: 'OLD-1', name: '停产配件' });
  await clerk.ok('parts.archive', { id: old.id });
  const receipt = await clerk.ok('stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: screen.id, qty: 3, unitCost: 30000 },
      { partId: battery.id, qty: 10, unitCost: 3333 },
    ],
  });
  return { screen, battery, old, receipt };
}

describe('exports', () => {
  it('parts: Chinese headers, prices as 元 numbers, archived flag, a bold frozen header', async () => {
    await stockedParts();
    const file = await clerk.ok('parts.export', {});
    expect(file.fileName).toBe('配件-20261123.xlsx');
    const sheet = sheetAt(await openXlsx(file), 0);
    expect(sheet.name).toBe('配件');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('N1').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(valuesOf(sheet)).toEqual([
      [
        '编码',
        '名称',
        '规格',
        '适用机型',
        '分类',
        '单位',
        '条码',
        '成本价(元)',
        '售价(元)',
        '安全库存',
        '库位',
        '供应商',
        '库存',
        '已归档',
      ],
      ['BAT-IP13', 'iPhone 13 电池', null, null, null, '个', null, 33.33, 0, 0, null, null, 10, '否'],
      ['OLD-1', '停产配件', null, null, null, '个', null, 0, 0, 0, null, null, 0, '是'],
      [
        'SCR-IP13',
        'iPhone 13 屏幕总成',
        '原装',
        null,
        '屏幕',
        '个',
        null,
        300,
        450.5,
        2,
        'A-01',
        '华强北配件行',
        3,
        '否',
      ],
    ]);
    expect(sheet.getCell('H2').numFmt).toBe('0.00');
    expect(sheet.getCell('A2').numFmt).toBe('@');
  });

  it('parts in English: headers, yes/no and the file name follow the language', async () => {
    await stockedParts();
    const file = await clerk.ok('parts.export', { lang: 'en-US' });
    expect(file.fileName).toBe('parts-20261123.xlsx');
    const rows = valuesOf(sheetAt(await openXlsx(file), 0));
    expect(rows[0]?.slice(0, 3)).toEqual(['Code', 'Name', 'Specification']);
    expect(rows[0]?.slice(-2)).toEqual(['On hand', 'Archived']);
    expect(rows.map((r) => r.at(-1))).toEqual(['Archived', 'No', 'Yes', 'No']);
  });

  it('stock on hand: quantity, average cost and value per part, with a total row', async () => {
    await stockedParts();
    const file = await clerk.ok('stock.exportOnHand', {});
    expect(file.fileName).toBe('库存-20261123.xlsx');
    const sheet = sheetAt(await openXlsx(file), 0);
    expect(valuesOf(sheet)).toEqual([
      ['编码', '名称', '规格', '分类', '单位', '库位', '库存', '平均成本(元)', '金额(元)'],
      ['BAT-IP13', 'iPhone 13 电池', null, null, '个', null, 10, 33.33, 333.3],
      ['SCR-IP13', 'iPhone 13 屏幕总成', '原装', '屏幕', '个', 'A-01', 3, 300, 900],
      ['合计', null, null, null, null, null, 13, null, 1233.3],
    ]);
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.getCell('I4').font?.bold).toBe(true);
    expect(sheet.getCell('I4').numFmt).toBe('0.00');
  });

  it('movements for [from, to): local times, kinds in the language, users, the end excluded', async () => {
    const { screen, receipt } = await stockedParts();
    app.clock.advance(HOUR);
    const scrap = await clerk.ok('stock.post', {
      kind: 'scrap',
      reason: '摔坏',
      lines: [{ partId: screen.id, qty: 1 }],
    });
    app.clock.advance(HOUR);
    await manager.ok('stock.adjust', { reason: '盘盈', lines: [{ partId: screen.id, qty: 1 }] });

    const file = await clerk.ok('stock.exportMovements', { from: T0, to: T0 + 2 * HOUR });
    expect(file.fileName).toBe('库存流水-20261123-20261123.xlsx');
    const sheet = sheetAt(await openXlsx(file), 0);
    expect(valuesOf(sheet)).toEqual([
      ['时间', '单号', '类型', '配件编码', '配件名称', '数量', '单位成本(元)', '工单号', '操作人'],
      [
        shown('2026-11-23T10:00'),
        receipt.docNo,
        '入库',
        'SCR-IP13',
        'iPhone 13 屏幕总成',
        3,
        300,
        null,
        'clerk 员工',
      ],
      [
        shown('2026-11-23T10:00'),
        receipt.docNo,
        '入库',
        'BAT-IP13',
        'iPhone 13 电池',
        10,
        33.33,
        null,
        'clerk 员工',
      ],
      [
        shown('2026-11-23T11:00'),
        scrap.docNo,
        '报损',
        'SCR-IP13',
        'iPhone 13 屏幕总成',
        -1,
        300,
        null,
        'clerk 员工',
      ],
    ]);
    expect(sheet.getCell('A2').numFmt).toBe('yyyy-mm-dd hh:mm');

    const english = await clerk.ok('stock.exportMovements', { lang: 'en-US', from: T0, to: T0 + 3 * HOUR });
    const kinds = valuesOf(sheetAt(await openXlsx(english), 0)).map((r) => r[2]);
    expect(kinds).toEqual(['Kind', 'Purchase receipt', 'Purchase receipt', 'Scrap', 'Adjustment']);

    const backwards = await clerk.call('stock.exportMovements', { from: T0, to: T0 });
    expect(backwards.ok || backwards.error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'to' }] },
    });
  });

  it('customers: code, all phones, type and level, tags, created time; merged ones left out', async () => {
    const zhang = await clerk.ok('customers.create', {
      name: '张三',
      phones: [{ phone: '13800138000' }, { phone: '01066668888', label: '座机' }],
      tags: ['老客户', '回头客'],
      email: 'zs@example.com',
    });
    app.clock.advance(HOUR);
    const company = await clerk.ok('customers.create', {
      name: '城东科技',
      type: 'company',
      level: 'VIP',
      phones: [{ phone: '13900139000' }],
    });
    await clerk.ok('customers.archive', { id: company.id });
    const file = await clerk.ok('customers.export', {});
    expect(file.fileName).toBe('客户-20261123.xlsx');
    expect(valuesOf(sheetAt(await openXlsx(file), 0))).toEqual([
      [
        '客户编号',
        '姓名',
        '电话',
        '类型',
        '等级',
        '邮箱',
        '地址',
        '公司',
        '标签',
        '备注',
        '已归档',
        '建档时间',
      ],
      [
        zhang.code,
        '张三',
        '13800138000 / 01066668888',
        '个人',
        '普通',
        'zs@example.com',
        null,
        null,
        '老客户、回头客',
        null,
        '否',
        shown('2026-11-23T10:00'),
      ],
      [
        company.code,
        '城东科技',
        '13900139000',
        '单位',
        'VIP',
        null,
        null,
        null,
        null,
        null,
        '是',
        shown('2026-11-23T11:00'),
      ],
    ]);
    const merged = await clerk.ok('customers.create', {
      name: '张三重复',
      phones: [{ phone: '13700137000' }],
    });
    await admin.ok('customers.merge', { keepId: zhang.id, mergeId: merged.id });
    const after = valuesOf(sheetAt(await openXlsx(await clerk.ok('customers.export', { lang: 'en-US' })), 0));
    expect(after.map((r) => r[1])).toEqual(['Name', '张三', '城东科技']);
    expect(after[1]?.[2]).toBe('13800138000 / 01066668888 / 13700137000');
  });
});

describe('import templates', () => {
  it('parts: marked header, an example row that imports cleanly, and a notes sheet', async () => {
    const file = await clerk.ok('parts.importTemplate', {});
    expect(file.fileName).toBe('配件导入模板-20261123.xlsx');
    const workbook = await openXlsx(file);
    const rows = valuesOf(sheetAt(workbook, 0));
    expect(rows[0]).toEqual(PART_IMPORT_HEADER);
    expect(rows).toHaveLength(2);
    const notes = sheetAt(workbook, 1);
    expect(notes.name).toBe('说明');
    const text = valuesOf(notes).flat().join('\n');
    expect(text).toContain('全部导入或全部不导入');
    expect(text).toContain('成本价只随入库单');
    expect(await clerk.ok('parts.import', { file, dryRun: true })).toEqual({
      rows: 1,
      created: 1,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [],
      committed: false,
    });
  });

  it('customers: the shop’s levels in the notes; the example imports cleanly; English too', async () => {
    await admin.ok('settings.update', { counter: { customerLevels: ['银卡', '金卡'] } });
    const file = await clerk.ok('customers.importTemplate', {});
    const workbook = await openXlsx(file);
    expect(valuesOf(sheetAt(workbook, 0))[1]?.[3]).toBe('银卡');
    expect(valuesOf(sheetAt(workbook, 1)).flat().join('\n')).toContain('银卡、金卡');
    expect(await clerk.ok('customers.import', { file, dryRun: true })).toMatchObject({
      created: 1,
      errors: [],
    });

    const english = await clerk.ok('customers.importTemplate', { lang: 'en-US' });
    expect(english.fileName).toBe('customers-import-template-20261123.xlsx');
    const en = await openXlsx(english);
    expect(valuesOf(sheetAt(en, 0))[0]).toEqual([
      'Name*',
      'Phones*',
      'Type',
      'Level',
      'Email',
      'Address',
      'Company',
      'Tags',
      'Notes',
      'Created',
    ]);
    expect(sheetAt(en, 1).name).toBe('Notes');
    expect(await clerk.ok('customers.import', { file: english, dryRun: true })).toMatchObject({
      created: 1,
      errors: [],
    });
  });
});

/** tests/check-env.mjs has made sure LibreOffice is installed (.ci/run installs it). */
describe('LibreOffice', () => {
  it('opens the exported workbooks; their CSV shows what the shop sees', async () => {
    const { receipt } = await stockedParts();
    const { dir, cleanup } = tempDir();
    try {
      const onHand = join(dir, 'onhand.xlsx');
      const movements = join(dir, 'movements.xlsx');
      writeFileSync(onHand, Buffer.from((await clerk.ok('stock.exportOnHand', {})).base64, 'base64'));
      const ledger = await clerk.ok('stock.exportMovements', { from: T0, to: T0 + HOUR });
      writeFileSync(movements, Buffer.from(ledger.base64, 'base64'));
      const run = spawnSync(
        'libreoffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          // Comma-separated, double quotes, UTF-8 (76).
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          onHand,
          movements,
        ],
        { encoding: 'utf8', timeout: 120_000 },
      );
      expect(run.status, `libreoffice failed: ${run.stderr}`).toBe(0);
      const csv = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split(/\r?\n/);
      expect(csv('onhand.csv')).toEqual([
        '编码,名称,规格,分类,单位,库位,库存,平均成本(元),金额(元)',
        'BAT-IP13,iPhone 13 电池,,,个,,10,33.33,333.30',
        'SCR-IP13,iPhone 13 屏幕总成,原装,屏幕,个,A-01,3,300.00,900.00',
        '合计,,,,,,13,,1233.30',
      ]);
      expect(csv('movements.csv')).toEqual([
        '时间,单号,类型,配件编码,配件名称,数量,单位成本(元),工单号,操作人',
        `2026-11-23 10:00,${receipt.docNo},入库,SCR-IP13,iPhone 13 屏幕总成,3,300.00,,clerk 员工`,
        `2026-11-23 10:00,${receipt.docNo},入库,BAT-IP13,iPhone 13 电池,10,33.33,,clerk 员工`,
      ]);
    } finally {
      cleanup();
    }
  }, 180_000);
});
