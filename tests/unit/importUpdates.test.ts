import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import type { InputOf } from '@shared/contract';
import { auditLog } from '../../src/main/db/schema';
import { snapshot, type Client, type TestApp } from './harness';
import { openXlsx, PART_IMPORT_HEADER, startStockShop } from './stockFixtures';

/** Issue 17: imports that update what is on file, with a dry run that lists the changes. */
let app: TestApp;
let clerk: Client;

beforeEach(async () => {
  ({ app, clerk } = await startStockShop());
});
afterEach(() => app.cleanup());

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<{ fileName: string; base64: string }> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Sheet1').addRows(rows);
  return {
    fileName: 'import.xlsx',
    base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}

type Existing = InputOf<'customers.import'>['existing'];
const HEADER = ['姓名*', '电话*', '等级', '公司', '标签', '建档时间'];

async function importCustomers(rows: ExcelJS.CellValue[][], existing: Existing, dryRun = false) {
  return clerk.ok('customers.import', { file: await xlsx([HEADER, ...rows]), existing, dryRun });
}

function customerAudits(): number {
  const db = app.core.database.db;
  return db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'customer')).get()?.n ?? 0;
}

/** An instant as the file shows it, in the machine's zone: "2026-11-23 10:00" (a midnight as the day alone). */
function wallClock(ms: number): string {
  const t = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${t.getFullYear()}-${p(t.getMonth() + 1)}-${p(t.getDate())}`;
  const time = `${p(t.getHours())}:${p(t.getMinutes())}`;
  return time === '00:00' ? day : `${day} ${time}`;
}

/** Local wall-clock time as epoch ms, in whatever zone the test runs. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

async function oldCustomer() {
  return clerk.ok('customers.create', {
    name: '老王',
    phones: [{ phone: '13800138000' }, { phone: '13800138001' }],
    company: '老王修车',
    tags: ['老客户'],
  });
}

describe('customer import: skip or update existing customers', () => {
  it('skip: a row whose phone is on file is skipped, listed, and the customer is untouched', async () => {
    const old = await oldCustomer();
    const before = snapshot(app.core);
    const dry = await importCustomers(
      [
        ['王老板', '13800138001', '', '新公司', '', ''],
        ['新客户', '13900139000', '', '', '', ''],
      ],
      'skip',
      true,
    );
    expect(dry).toEqual({
      rows: 2,
      created: 1,
      updated: 0,
      skipped: 1,
      changes: [{ row: 2, code: old.code, name: '老王', action: 'skip', fields: [] }],
      errors: [],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);

    const real = await importCustomers(
      [
        ['王老板', '13800138001', '', '新公司', '', ''],
        ['新客户', '13900139000', '', '', '', ''],
      ],
      'skip',
    );
    expect(real).toMatchObject({ created: 1, updated: 0, skipped: 1, committed: true });
    expect((await clerk.ok('customers.get', { id: old.id })).customer).toMatchObject({
      name: '老王',
      company: '老王修车',
      version: old.version,
    });
    expect((await clerk.ok('customers.list', {})).total).toBe(2);
  });

  it('update: the dry run lists the changed fields old → new and writes nothing; the run writes them', async () => {
    const old = await oldCustomer();
    const audits = customerAudits();
    const before = snapshot(app.core);
    const rows = [
      // Matched by phone; blank level and tags keep theirs; a new phone is added; the created date set.
      ['王建国', '13800138000 / 13700137000', '', '建国汽修', '', '2019-03-08 14:30'],
      // Nothing differs.
    ];
    const dry = await importCustomers(rows, 'update', true);
    expect(dry).toEqual({
      rows: 1,
      created: 0,
      updated: 1,
      skipped: 0,
      changes: [
        {
          row: 2,
          code: old.code,
          name: '老王',
          action: 'update',
          fields: [
            { column: '姓名*', before: '老王', after: '王建国' },
            {
              column: '电话*',
              before: '13800138000 / 13800138001',
              after: '13800138000 / 13800138001 / 13700137000',
            },
            { column: '公司', before: '老王修车', after: '建国汽修' },
            { column: '建档时间', before: wallClock(app.clock.ms), after: '2019-03-08 14:30' },
          ],
        },
      ],
      errors: [],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);
    expect(customerAudits()).toBe(audits);

    const real = await importCustomers(rows, 'update');
    expect(real).toMatchObject({ created: 0, updated: 1, committed: true });
    const after = (await clerk.ok('customers.get', { id: old.id })).customer;
    expect(after).toMatchObject({
      name: '王建国',
      company: '建国汽修',
      level: old.level,
      tags: ['老客户'],
      createdAt: local(2019, 3, 8, 14, 30),
    });
    expect(after.phones.map((p) => p.phone)).toEqual(['13800138000', '13800138001', '13700137000']);
    // One audit row for the fields, one for the created date.
    expect(customerAudits()).toBe(audits + 2);

    // The same file again: nothing left to change.
    const again = await importCustomers(rows, 'update', true);
    expect(again).toMatchObject({ updated: 0, changes: [{ row: 2, action: 'unchanged', fields: [] }] });
  });

  it('update: an exported list edited and imported back matches by customer no.', async () => {
    const old = await oldCustomer();
    const other = await clerk.ok('customers.create', { name: '李四', phones: [{ phone: '13600136000' }] });
    const exported = await clerk.ok('customers.export', {});
    const workbook = await openXlsx(exported);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const row = [2, 3].map((r) => sheet.getRow(r)).find((r) => r.getCell(1).value === old.code);
    if (!row) throw new Error('no row for the old customer');
    // A new name and a new number only: found by its code, not by the phone it no longer lists first.
    row.getCell(headers.indexOf('姓名')).value = '王总';
    row.getCell(headers.indexOf('电话')).value = '13500135000';
    const file = {
      fileName: 'edited.xlsx',
      base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    };
    const result = await clerk.ok('customers.import', { file, existing: 'update' });
    expect(result).toMatchObject({
      rows: 2,
      created: 0,
      updated: 1,
      skipped: 0,
      errors: [],
      committed: true,
    });
    expect(result.changes).toEqual([
      {
        row: row.number,
        code: old.code,
        name: '老王',
        action: 'update',
        fields: [
          { column: '姓名', before: '老王', after: '王总' },
          {
            column: '电话',
            before: '13800138000 / 13800138001',
            after: '13800138000 / 13800138001 / 13500135000',
          },
        ],
      },
      { row: row.number === 2 ? 3 : 2, code: other.code, name: '李四', action: 'unchanged', fields: [] },
    ]);
    expect((await clerk.ok('customers.get', { id: old.id })).customer).toMatchObject({
      name: '王总',
      createdAt: old.createdAt,
    });
  });

  it('refuses phones of two customers on one row, and a code with another customer’s phone', async () => {
    const old = await oldCustomer();
    const other = await clerk.ok('customers.create', { name: '李四', phones: [{ phone: '13600136000' }] });
    const before = snapshot(app.core);
    const result = await importCustomers([['合并？', '13800138000 / 13600136000', '', '', '', '']], 'update');
    expect(result).toEqual({
      rows: 1,
      created: 0,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [{ row: 2, column: '电话*', code: 'ambiguousMatch', value: `${old.code} / ${other.code}` }],
      committed: false,
    });
    const byCode = await clerk.ok('customers.import', {
      file: await xlsx([
        ['客户编号', '姓名', '电话'],
        [old.code, '老王', '13600136000'],
      ]),
      existing: 'update',
    });
    expect(byCode.errors).toEqual([{ row: 2, column: '电话', code: 'phoneTaken', value: other.code }]);
    expect(snapshot(app.core)).toBe(before);
  });

  it('refuse (the default): a known code or phone is an error, as before updates existed', async () => {
    const old = await oldCustomer();
    const before = snapshot(app.core);
    const result = await clerk.ok('customers.import', {
      file: await xlsx([
        ['客户编号', '姓名', '电话'],
        [old.code, '老王', '13900139000'],
      ]),
    });
    expect(result.errors).toEqual([{ row: 2, column: '客户编号', code: 'codeTaken', value: old.code }]);
    expect(snapshot(app.core)).toBe(before);
  });
});

describe('customer import: the created date from the file', () => {
  it('keeps the date (and time) a new customer first came', async () => {
    const result = await importCustomers(
      [
        ['甲', '13900139001', '', '', '', '2015-06-01'],
        ['乙', '13900139002', '', '', '', '2019/3/8 09:05'],
        ['丙', '13900139003', '', '', '', '2020年1月31日'],
        ['丁', '13900139004', '', '', '', ''],
      ],
      'skip',
    );
    expect(result).toMatchObject({ created: 4, errors: [], committed: true });
    const list = await clerk.ok('customers.list', { pageSize: 10 });
    const createdOf = new Map(list.rows.map((c) => [c.name, c.createdAt]));
    expect(createdOf.get('甲')).toBe(local(2015, 6, 1));
    expect(createdOf.get('乙')).toBe(local(2019, 3, 8, 9, 5));
    expect(createdOf.get('丙')).toBe(local(2020, 1, 31));
    // Blank: the time of the import, on the server's clock.
    expect(createdOf.get('丁')).toBe(app.clock.ms);
  });

  it('reads a date cell as Excel shows it', async () => {
    // Excel has no zone: exceljs writes a Date's UTC fields as the wall-clock time.
    const cell = new Date(Date.UTC(2018, 4, 20, 8, 30));
    const result = await importCustomers([['戊', '13900139005', '', '', '', cell]], 'update');
    expect(result).toMatchObject({ created: 1, committed: true });
    const [row] = (await clerk.ok('customers.list', {})).rows;
    expect(row?.createdAt).toBe(local(2018, 5, 20, 8, 30));
  });

  it('refuses a malformed or future date by row and cell, and changes nothing', async () => {
    const old = await oldCustomer();
    const before = snapshot(app.core);
    // The server's clock: 2026-11-23 02:00 UTC, so 2026-11-24 is tomorrow in every zone.
    const result = await importCustomers(
      [
        ['甲', '13900139001', '', '', '', '2019-02-30'],
        ['乙', '13900139002', '', '', '', '去年'],
        ['丙', '13900139003', '', '', '', '2026-11-24'],
        ['老王', '13800138000', '', '', '', '2019-13-01 10:00'],
        ['丁', '13900139004', '', '', '', '2019-03-08 25:00'],
      ],
      'update',
    );
    expect(result).toEqual({
      rows: 5,
      created: 0,
      updated: 0,
      skipped: 0,
      changes: [],
      errors: [
        { row: 2, column: '建档时间', code: 'badDate', value: '2019-02-30' },
        { row: 3, column: '建档时间', code: 'badDate', value: '去年' },
        { row: 4, column: '建档时间', code: 'futureDate', value: '2026-11-24' },
        { row: 5, column: '建档时间', code: 'badDate', value: '2019-13-01 10:00' },
        { row: 6, column: '建档时间', code: 'badDate', value: '2019-03-08 25:00' },
      ],
      committed: false,
    });
    expect(snapshot(app.core)).toBe(before);
    expect((await clerk.ok('customers.get', { id: old.id })).customer).toMatchObject({
      createdAt: old.createdAt,
    });
  });

  it('the template’s example date imports as that day', async () => {
    const file = await clerk.ok('customers.importTemplate', {});
    expect(await clerk.ok('customers.import', { file, existing: 'update' })).toMatchObject({
      created: 1,
      errors: [],
      committed: true,
    });
    const [row] = (await clerk.ok('customers.list', {})).rows;
    expect(row?.createdAt).toBe(local(2019, 3, 8));
  });
});

describe('parts import: skip, update or refuse existing codes', () => {
  const row = (code: string, name: string, sale: string) => [
    code,
    name,
    '',
    '',
    '',
    '',
    '',
    '10',
    sale,
    1,
    '',
    '',
  ];

  it('skip lists the existing code and leaves the part as it is', async () => {
    const old = await clerk.ok('parts.create', { code: 'OLD-1', name: '旧名字', salePrice: 800 });
    const result = await clerk.ok('parts.import', {
      file: await xlsx([PART_IMPORT_HEADER, row('old-1', '新名字', '9'), row('NEW-1', '新配件', '5')]),
      existing: 'skip',
    });
    expect(result).toEqual({
      rows: 2,
      created: 1,
      updated: 0,
      skipped: 1,
      changes: [{ row: 2, code: 'OLD-1', name: '旧名字', action: 'skip', fields: [] }],
      errors: [],
      committed: true,
    });
    expect(await clerk.ok('parts.get', { id: old.id })).toMatchObject({ name: '旧名字', salePrice: 800 });
  });

  it('refuse makes an existing code an error and writes nothing', async () => {
    await clerk.ok('parts.create', { code: 'OLD-1', name: '旧名字' });
    const before = snapshot(app.core);
    const result = await clerk.ok('parts.import', {
      file: await xlsx([PART_IMPORT_HEADER, row('NEW-1', '新配件', '5'), row('OLD-1', '新名字', '9')]),
      existing: 'refuse',
    });
    expect(result).toMatchObject({ created: 0, committed: false });
    expect(result.errors).toEqual([{ row: 3, column: '编码*', code: 'codeTaken', value: 'OLD-1' }]);
    expect(snapshot(app.core)).toBe(before);
  });

  it('refuses an unknown choice at the dispatch', async () => {
    const r = await clerk.raw('parts.import', {
      file: await xlsx([PART_IMPORT_HEADER, row('NEW-1', '新配件', '5')]),
      existing: 'merge',
    });
    expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
  });
});
