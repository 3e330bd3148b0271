import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import type { OutputOf } from '@shared/contract';
import { auditLog } from '../../src/main/db/schema';
import { snapshot, type Client, type TestApp } from './harness';
import { openXlsx, PART_IMPORT_HEADER, startStockShop } from './stockFixtures';

let app: TestApp;
let clerk: Client;
let tech: Client;
let supplierId: string;

beforeEach(async () => {
  ({ app, clerk, tech, supplierId } = await startStockShop());
});
afterEach(() => app.cleanup());

/** A workbook as the renderer sends it: the first sheet holds `rows`, row 1 the header. */
async function xlsx(rows: ExcelJS.CellValue[][]): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  return {
    fileName: 'import.xlsx',
    base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}

function partRow(code: string, name: string, over: Partial<Record<string, ExcelJS.CellValue>> = {}) {
  const base: Record<string, ExcelJS.CellValue> = {
    spec: '',
    models: 'iPhone 13',
    category: '屏幕',
    unit: '',
    barcode: '',
    cost: '100',
    sale: '150.5',
    min: 2,
    location: 'A-01',
    supplier: '',
    ...over,
  };
  return [
    code,
    name,
    base.spec,
    base.models,
    base.category,
    base.unit,
    base.barcode,
    base.cost,
    base.sale,
    base.min,
    base.location,
    base.supplier,
  ] as ExcelJS.CellValue[];
}

async function importParts(rows: ExcelJS.CellValue[][], dryRun = false, client: Client = clerk) {
  return client.ok('parts.import', { file: await xlsx(rows), dryRun });
}

async function partsByCode(): Promise<Map<string, OutputOf<'parts.get'>>> {
  const list = await clerk.ok('parts.list', { includeArchived: true, pageSize: 100 });
  return new Map(list.rows.map((p) => [p.code, p]));
}

function auditCount(entity: string): number {
  const db = app.core.database.db;
  return db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, entity)).get()?.n ?? 0;
}

describe('parts import', () => {
  it('creates parts with exact money, defaults and the supplier by name, with audit rows', async () => {
    const result = await importParts([
      PART_IMPORT_HEADER,
      partRow('scr-ip13', 'iPhone 13 屏幕总成', { cost: '300', sale: 450.1, supplier: ' 华强北配件行 ' }),
      partRow('BAT-IP13', 'iPhone 13 电池', { cost: '0.29', sale: '1,234.56', min: '', unit: '块' }),
      [],
      partRow('CAM-01', '摄像头', { cost: 19.99, sale: '￥20' }),
    ]);
    expect(result).toEqual({
      rows: 3,
      created: 3,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [],
      committed: true,
    });
    const parts = await partsByCode();
    expect(parts.get('SCR-IP13')).toMatchObject({
      name: 'iPhone 13 屏幕总成',
      costPrice: 30000,
      salePrice: 45010,
      minStock: 2,
      unit: '个',
      defaultSupplierId: supplierId,
      compatibleModels: 'iPhone 13',
    });
    expect(parts.get('BAT-IP13')).toMatchObject({
      costPrice: 29,
      salePrice: 123456,
      minStock: 0,
      unit: '块',
    });
    expect(parts.get('CAM-01')).toMatchObject({ costPrice: 1999, salePrice: 2000, defaultSupplierId: null });
    expect(auditCount('part')).toBe(3);
  });

  it('reports a bad row 7 by row and column and imports nothing', async () => {
    const rows: ExcelJS.CellValue[][] = [PART_IMPORT_HEADER];
    for (let i = 2; i <= 10; i++)
      rows.push(partRow(`P-${i}`, `配件 ${i}`, i === 7 ? { sale: '十二块' } : {}));
    const before = snapshot(app.core);
    const result = await importParts(rows);
    expect(result).toEqual({
      rows: 9,
      created: 0,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [{ row: 7, column: '售价(元)', code: 'notMoney', value: '十二块' }],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);
    expect((await clerk.ok('parts.list', {})).total).toBe(0);
  });

  it('collects every error of every row, each with its own code', async () => {
    const result = await importParts([
      PART_IMPORT_HEADER,
      partRow('OK-1', '好的一行'),
      partRow('', '没有编码'),
      partRow('X-3', '', { cost: '12.345' }),
      partRow('X-4', 'n'.repeat(81), { min: '2.5', sale: '-3' }),
      partRow('X-5', '供应商不对', { supplier: '不存在的供应商' }),
      partRow('X-6', '数太大', { sale: '99999999999', min: 2_000_000 }),
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, column: '编码*', code: 'required', value: '' },
      { row: 4, column: '成本价(元)', code: 'notMoney', value: '12.345' },
      { row: 4, column: '名称*', code: 'required', value: '' },
      { row: 5, column: '售价(元)', code: 'notMoney', value: '-3' },
      { row: 5, column: '安全库存', code: 'notInteger', value: '2.5' },
      { row: 5, column: '名称*', code: 'tooLong', value: 'n'.repeat(81) },
      { row: 6, column: '供应商', code: 'unknownSupplier', value: '不存在的供应商' },
      { row: 7, column: '售价(元)', code: 'notMoney', value: '99999999999' },
      { row: 7, column: '安全库存', code: 'notInteger', value: '2000000' },
    ]);
    expect((await clerk.ok('parts.list', {})).total).toBe(0);
  });

  it('refuses a file without a required column, naming the column', async () => {
    const result = await importParts([
      ['编码', '规格', '售价(元)'],
      ['A-1', 'x', '1'],
    ]);
    expect(result.errors).toEqual([{ row: 1, column: '名称', code: 'missingColumn', value: '' }]);
    expect(result.committed).toBe(false);
    const twice = await importParts([
      ['编码', '名称', '售价(元)', 'Sale price'],
      ['A-1', 'x', '1', '2'],
    ]);
    expect(twice.errors).toEqual([
      { row: 1, column: 'Sale price', code: 'duplicateInFile', value: '售价(元)' },
    ]);
  });

  it('reports a code twice in the file, pointing at the first row', async () => {
    const before = snapshot(app.core);
    const result = await importParts([
      PART_IMPORT_HEADER,
      partRow('a-1', '一'),
      partRow('B-2', '二'),
      partRow('A-1 ', '三'),
    ]);
    expect(result.errors).toEqual([{ row: 4, column: '编码*', code: 'duplicateInFile', value: '2' }]);
    expect(snapshot(app.core)).toBe(before);
  });

  it('accepts English headers in any order, case and spacing; unknown columns are ignored', async () => {
    const result = await importParts([
      ['NAME *', 'sale price', ' Code ', 'Minimum Stock', 'Supplier', 'On hand', 'Remarks'],
      ['Screen', '45.5', 'scr-1', '3', '华强北配件行', '99', 'ignored'],
    ]);
    expect(result).toMatchObject({ created: 1, errors: [], committed: true });
    expect((await partsByCode()).get('SCR-1')).toMatchObject({
      name: 'Screen',
      salePrice: 4550,
      minStock: 3,
      onHand: 0,
      defaultSupplierId: supplierId,
    });
  });

  it('reports English header names in English', async () => {
    const result = await importParts([
      ['Code', 'Sale price (CNY)'],
      ['A-1', 'abc'],
    ]);
    expect(result.errors).toEqual([{ row: 1, column: 'Name', code: 'missingColumn', value: '' }]);
  });

  it('a dry run checks and counts but writes nothing', async () => {
    await clerk.ok('parts.create', { code: 'OLD-1', name: '旧名字' });
    const before = snapshot(app.core);
    const result = await importParts(
      [PART_IMPORT_HEADER, partRow('OLD-1', '新名字'), partRow('NEW-1', '新配件')],
      true,
    );
    expect(result).toEqual({
      rows: 2,
      created: 1,
      updated: 1,
      skipped: 0,
      // The fields the update would change, old → new, worded as the file words them.
      changes: [
        {
          row: 2,
          code: 'OLD-1',
          name: '旧名字',
          action: 'update',
          fields: [
            { column: '名称*', before: '旧名字', after: '新名字' },
            { column: '适用机型', before: '', after: 'iPhone 13' },
            { column: '分类', before: '', after: '屏幕' },
            { column: '库位', before: '', after: 'A-01' },
            { column: '售价(元)', before: '0.00', after: '150.50' },
            { column: '安全库存', before: '0', after: '2' },
          ],
        },
      ],
      errors: [],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('updates an existing code but never its cost price; unchanged rows count as neither', async () => {
    const old = await clerk.ok('parts.create', {
      code: 'OLD-1',
      name: '旧名字',
      costPrice: 5000,
      salePrice: 8000,
      barcode: '111',
      location: 'B-2',
    });
    await clerk.ok('parts.create', { code: 'SAME-1', name: '不变', salePrice: 100 });
    const result = await importParts([
      ['编码', '名称', '成本价(元)', '售价(元)', '库位'],
      ['old-1', '新名字', '999', '90', ''],
      ['SAME-1', '不变', '', '1', ''],
    ]);
    expect(result).toEqual({
      rows: 2,
      created: 0,
      updated: 1,
      skipped: 0,
      changes: [
        {
          row: 2,
          code: 'OLD-1',
          name: '旧名字',
          action: 'update',
          fields: [
            { column: '名称', before: '旧名字', after: '新名字' },
            { column: '库位', before: 'B-2', after: '' },
            { column: '售价(元)', before: '80.00', after: '90.00' },
          ],
        },
        { row: 3, code: 'SAME-1', name: '不变', action: 'unchanged', fields: [] },
      ],
      errors: [],
      committed: true,
    });
    const part = await clerk.ok('parts.get', { id: old.id });
    // Cost untouched, columns not in the file kept, a blank cell in a present column cleared.
    expect(part).toMatchObject({
      name: '新名字',
      costPrice: 5000,
      salePrice: 9000,
      barcode: '111',
      location: '',
    });
    expect(auditCount('part')).toBe(3);
  });

  it('refuses an archived supplier for a new part but keeps it on a part that already has it', async () => {
    const old = await clerk.ok('suppliers.create', { name: '老供应商' });
    const part = await clerk.ok('parts.create', { code: 'P-1', name: '配件', defaultSupplierId: old.id });
    await clerk.ok('suppliers.archive', { id: old.id });
    const refused = await importParts([PART_IMPORT_HEADER, partRow('P-2', '新', { supplier: '老供应商' })]);
    expect(refused.errors).toEqual([
      { row: 2, column: '供应商', code: 'unknownSupplier', value: '老供应商' },
    ]);
    const kept = await importParts([
      PART_IMPORT_HEADER,
      partRow('P-1', '配件改名', { supplier: '老供应商' }),
    ]);
    expect(kept).toMatchObject({ updated: 1, errors: [], committed: true });
    expect(await clerk.ok('parts.get', { id: part.id })).toMatchObject({ defaultSupplierId: old.id });
  });

  it('reads rich text, formulas, hyperlinks and numbers as their text', async () => {
    const result = await importParts([
      ['编码', '名称', '售价(元)', '规格', '条码'],
      [
        { richText: [{ text: 'RT-' }, { text: '1', font: { bold: true } }] },
        { formula: '"屏"&"幕"', result: '屏幕' },
        { formula: '0.1+0.2', result: 0.1 + 0.2 },
        { text: '官网', hyperlink: 'https://example.com' },
        6901234567890,
      ],
    ]);
    expect(result).toMatchObject({ created: 1, errors: [] });
    expect((await partsByCode()).get('RT-1')).toMatchObject({
      name: '屏幕',
      salePrice: 30,
      spec: '官网',
      barcode: '6901234567890',
    });
  });

  it('round-trips: an exported catalog imports back unchanged, and an edit in it updates the part', async () => {
    await importParts([
      PART_IMPORT_HEADER,
      partRow('SCR-1', '屏幕', { cost: '300', sale: '450.5', supplier: '华强北配件行', spec: '原装' }),
      partRow('BAT-1', '电池', { cost: '0.01', sale: '0' }),
    ]);
    const exported = await clerk.ok('parts.export', {});
    const before = snapshot(app.core);
    expect(await clerk.ok('parts.import', { file: exported })).toEqual({
      rows: 2,
      created: 0,
      updated: 0,
      skipped: 0,
      changes: [
        { row: 2, code: 'BAT-1', name: '电池', action: 'unchanged', fields: [] },
        { row: 3, code: 'SCR-1', name: '屏幕', action: 'unchanged', fields: [] },
      ],
      errors: [],
      committed: true,
    });
    expect(snapshot(app.core)).toBe(before);

    const workbook = await openXlsx(exported);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const saleCol = (sheet.getRow(1).values as ExcelJS.CellValue[]).indexOf('售价(元)');
    const bat = sheet.getRow(2);
    expect(bat.getCell(1).value).toBe('BAT-1');
    bat.getCell(saleCol).value = 12.3;
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const result = await clerk.ok('parts.import', { file: { fileName: 'edited.xlsx', base64: edited } });
    expect(result).toMatchObject({ rows: 2, created: 0, updated: 1, committed: true });
    expect((await partsByCode()).get('BAT-1')).toMatchObject({ salePrice: 1230, costPrice: 1 });
  });

  it('imports 5,000 rows in one transaction and refuses 5,001', async () => {
    const rows: ExcelJS.CellValue[][] = [PART_IMPORT_HEADER];
    for (let i = 1; i <= 5000; i++) rows.push(partRow(`BULK-${i}`, `批量配件 ${i}`, { sale: `${i}.5` }));
    const result = await importParts(rows);
    expect(result).toEqual({
      rows: 5000,
      created: 5000,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [],
      committed: true,
    });
    expect(auditCount('part')).toBe(5000);

    rows.push(partRow('BULK-5001', '一行太多'));
    const tooMany = await importParts(rows);
    expect(tooMany).toMatchObject({ rows: 5001, committed: false });
    expect(tooMany.errors).toEqual([{ row: 0, column: '', code: 'tooManyRows', value: '5001' }]);
  }, 60_000);

  it('refuses a file with no data rows', async () => {
    const result = await importParts([PART_IMPORT_HEADER, [], ['   ']]);
    expect(result).toEqual({
      rows: 0,
      created: 0,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [{ row: 0, column: '', code: 'noRows', value: '' }],
      committed: false,
    });
  });

  it('refuses a file that is not an .xlsx workbook with a clear VALIDATION error', async () => {
    const csv = { fileName: 'parts.csv', base64: Buffer.from('编码,名称\nA-1,屏幕\n').toString('base64') };
    const before = snapshot(app.core);
    const notXlsx = await clerk.call('parts.import', { file: csv });
    expect(notXlsx.ok || notXlsx.error).toMatchObject({
      code: 'VALIDATION',
      message: 'the file is not an .xlsx workbook',
      details: { fields: [{ path: 'file', message: 'the file is not an .xlsx workbook' }] },
    });
    const good = Buffer.from((await xlsx([PART_IMPORT_HEADER, partRow('A', 'B')])).base64, 'base64');
    const cut = { fileName: 'cut.xlsx', base64: good.subarray(0, 200).toString('base64') };
    const broken = await clerk.call('parts.import', { file: cut });
    expect(broken.ok || broken.error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'file' }] },
    });
    const notBase64 = await clerk.call('parts.import', { file: { fileName: 'x.xlsx', base64: '@@@' } });
    expect(notBase64.ok || notBase64.error.code).toBe('VALIDATION');
    expect(snapshot(app.core)).toBe(before);
  });

  it('is for roles that may write stock: a technician gets FORBIDDEN', async () => {
    const file = await xlsx([PART_IMPORT_HEADER, partRow('A-1', '屏幕')]);
    const before = snapshot(app.core);
    const denied = await tech.call('parts.import', { file });
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    const deniedCustomers = await tech.call('customers.import', { file });
    expect(deniedCustomers.ok || deniedCustomers.error.code).toBe('FORBIDDEN');
    expect(snapshot(app.core)).toBe(before);
    // Reading the template is allowed: it is a blank form.
    expect((await tech.ok('parts.importTemplate', {})).fileName).toMatch(/^配件导入模板-\d{8}\.xlsx$/);
  });
});

const CUSTOMER_HEADER = ['姓名*', '电话*', '类型', '等级', '邮箱', '地址', '公司', '标签', '备注'];

async function importCustomers(rows: ExcelJS.CellValue[][], dryRun = false) {
  return clerk.ok('customers.import', { file: await xlsx(rows), dryRun });
}

describe('customers import', () => {
  it('creates customers: several phones per cell, type and level words, tags', async () => {
    const result = await importCustomers([
      CUSTOMER_HEADER,
      [
        '张三',
        '138 0013 8000 / 010-6666 8888',
        '个人',
        'vip',
        'zs@example.com',
        '北京',
        '',
        '老客户、回头客',
        '爱干净',
      ],
      [
        '城东科技',
        '13900139000，13900139001；13900139002 13900139003',
        '企业',
        '',
        '',
        '',
        '城东科技',
        'a b',
        '',
      ],
      ['Li Lei', 13700137000, 'company', '普通', '', '', '', '', ''],
      ['王五', '13600136000、13600136000', '', '', '', '', '', '', ''],
    ]);
    expect(result).toEqual({
      rows: 4,
      created: 4,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [],
      committed: true,
    });
    const list = await clerk.ok('customers.list', { sort: 'code', order: 'asc' });
    const [zhang, company, li, wang] = await Promise.all(
      list.rows.map(async (r) => (await clerk.ok('customers.get', { id: r.id })).customer),
    );
    expect(zhang).toMatchObject({
      name: '张三',
      type: 'individual',
      level: 'VIP',
      email: 'zs@example.com',
      tags: ['老客户', '回头客'],
      notes: '爱干净',
      phones: [
        { phone: '13800138000', label: '' },
        { phone: '01066668888', label: '' },
      ],
    });
    expect(company?.phones.map((p) => p.phone)).toEqual([
      '13900139000',
      '13900139001',
      '13900139002',
      '13900139003',
    ]);
    expect(company).toMatchObject({ type: 'company', level: '普通', company: '城东科技', tags: ['a', 'b'] });
    expect(li).toMatchObject({ type: 'company', phones: [{ phone: '13700137000' }] });
    expect(wang?.phones).toEqual([{ phone: '13600136000', label: '' }]);
    expect(auditCount('customer')).toBe(4);
  });

  it('reports bad cells with their codes and imports nothing', async () => {
    const before = snapshot(app.core);
    const result = await importCustomers([
      CUSTOMER_HEADER,
      ['好人', '13800138000', '', '', '', '', '', '', ''],
      ['', '12', '外星人', '钻石', 'not-an-email', '', '', '', ''],
      ['没电话', '', '', '', '', '', '', '', ''],
      [
        '号码太多',
        '1380013800 / 1380013801 / 1380013802 / 1380013803 / 1380013804 / 1380013805',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ['长标签', '13700137000', '', '', '', '', '', '标'.repeat(21), ''],
    ]);
    expect(result.committed).toBe(false);
    expect(result.errors).toEqual([
      { row: 3, column: '类型', code: 'notAllowed', value: '外星人' },
      { row: 3, column: '等级', code: 'notAllowed', value: '钻石' },
      { row: 3, column: '姓名*', code: 'required', value: '' },
      { row: 3, column: '电话*', code: 'badPhone', value: '12' },
      { row: 3, column: '邮箱', code: 'badEmail', value: 'not-an-email' },
      { row: 4, column: '电话*', code: 'required', value: '' },
      {
        row: 5,
        column: '电话*',
        code: 'tooLong',
        value: '1380013800 / 1380013801 / 1380013802 / 1380013803 / 1380013804 / 1380013805',
      },
      { row: 6, column: '标签', code: 'tooLong', value: '标'.repeat(21) },
    ]);
    expect(snapshot(app.core)).toBe(before);
  });

  it('reports a phone that already belongs to a customer with that customer’s code', async () => {
    const existing = await clerk.ok('customers.create', {
      name: '老客户',
      phones: [{ phone: '13800138000' }],
    });
    const before = snapshot(app.core);
    const result = await importCustomers([
      CUSTOMER_HEADER,
      ['新客户', '13900139000', '', '', '', '', '', '', ''],
      ['重名', '139 0013 9001 / 138-0013-8000', '', '', '', '', '', '', ''],
    ]);
    expect(result).toMatchObject({ created: 0, committed: false });
    expect(result.errors).toEqual([{ row: 3, column: '电话*', code: 'phoneTaken', value: existing.code }]);
    expect(snapshot(app.core)).toBe(before);
  });

  it('reports the same phone on two rows, pointing at the first', async () => {
    const result = await importCustomers([
      CUSTOMER_HEADER,
      ['甲', '13800138000', '', '', '', '', '', '', ''],
      ['乙', '13900139000', '', '', '', '', '', '', ''],
      ['丙', '13900139001 / 138 0013 8000', '', '', '', '', '', '', ''],
    ]);
    expect(result.errors).toEqual([{ row: 4, column: '电话*', code: 'duplicateInFile', value: '2' }]);
    expect(result.committed).toBe(false);
  });

  it('a dry run writes nothing; English headers, aliases and words work', async () => {
    const before = snapshot(app.core);
    const result = await importCustomers(
      [
        ['Name', 'Mobile', 'Type', 'Level', 'Tags'],
        ['Han Meimei', '13800138000', 'Individual', 'VIP', 'new'],
      ],
      true,
    );
    expect(result).toEqual({
      rows: 1,
      created: 1,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('imports 5,000 customers in one go', async () => {
    const rows: ExcelJS.CellValue[][] = [CUSTOMER_HEADER];
    for (let i = 0; i < 5000; i++) {
      rows.push([`客户${i}`, `139${String(i).padStart(8, '0')}`, '', 'VIP', '', '', '', '批量', '']);
    }
    const result = await importCustomers(rows);
    expect(result).toMatchObject({ rows: 5000, created: 5000, errors: [], committed: true });
    expect((await clerk.ok('customers.list', {})).total).toBe(5000);
  }, 60_000);
});
