import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '@shared/contract';
import { snapshot } from './harness';
import { openShop, type Shop } from './settlementsFixtures';
import { csvFile, goodRow, local, xlsxFile, type Row } from './historyFixtures';
import { HISTORY_COLUMNS } from '../../src/main/services/history/columns';

let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

type ImportInput = InputOf<'history.import'>;
const run = (rows: Row[], over: Partial<ImportInput> = {}) =>
  shop.admin.ok('history.import', { file: csvFile(rows), dryRun: false, ...over });
const check = (rows: Row[], over: Partial<ImportInput> = {}) =>
  shop.admin.ok('history.import', { file: csvFile(rows), dryRun: true, ...over });
const sqlite = () => shop.app.core.database.sqlite;
const countOf = (table: string) =>
  (sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/**
 * Every table but the bookkeeping an import or undo always leaves (audit, number counters that are
 * never reused, the import log) and FTS5's internal segments (their search content tables compare).
 */
function records(): string {
  const all = JSON.parse(snapshot(shop.app.core)) as [string, unknown][];
  const kept = new Set(['audit_log', 'sequences', 'history_imports', 'history_import_items']);
  return JSON.stringify(all.filter(([name]) => !kept.has(name) && !/_fts_(data|idx)$/.test(name)));
}

describe('history import: checking (dry run)', () => {
  it('lists created and matched rows and writes nothing', async () => {
    const before = snapshot(shop.app.core);
    const result = await check([goodRow(), goodRow({ receivedAt: '2021-06-01', deliveredAt: '2021-06-02' })]);
    expect(result).toMatchObject({
      rows: 2,
      accepted: 2,
      refused: 0,
      customersCreated: 1,
      devicesCreated: 1,
      errors: [],
      committed: false,
      importId: null,
    });
    expect(result.preview).toEqual([
      { row: 2, customer: 'created', device: 'created', technicianMatched: null, refused: false },
      { row: 3, customer: 'created', device: 'created', technicianMatched: null, refused: false },
    ]);
    expect(snapshot(shop.app.core)).toBe(before);
  });

  it('refuses a blank fault unless the importer names what to record for it', async () => {
    const rows = [goodRow({ reportedFault: '' })];
    const refused = await check(rows);
    expect(refused.errors).toEqual([{ row: 2, column: '故障现象', code: 'required', value: '' }]);
    const columns = Object.fromEntries(HISTORY_COLUMNS.map((c) => [c.key, c.zh]));
    const before = snapshot(shop.app.core);
    const tooLong = await shop.admin.call('history.import', {
      file: csvFile(rows),
      dryRun: false,
      mapping: { columns, blankFault: '未'.repeat(101) },
    });
    expect(tooLong.ok === false && tooLong.error.code).toBe('VALIDATION');
    expect(snapshot(shop.app.core)).toBe(before);
    const result = await run(rows, { mapping: { columns, blankFault: '（原记录未填写）' } });
    expect(result).toMatchObject({ accepted: 1, committed: true });
    const fault = sqlite().prepare('SELECT reported_fault FROM work_orders').pluck().get();
    expect(fault).toBe('（原记录未填写）');
    await shop.admin.ok('history.undo', { id: result.importId ?? '' });
  });

  it('refuses every type error with its row and cell, and writes nothing even when asked to', async () => {
    const rows: Row[] = [
      goodRow(),
      goodRow({ customerName: '', receivedAt: '2021-02-30' }),
      goodRow({ customerPhone: '13x', outcome: '修了一半' }),
      goodRow({ deliveredAt: '2021-03-01 09:00' }),
      goodRow({ laborAmount: '12.345', partsAmount: 'abc', paidAmount: '1' }),
      goodRow({ paidAmount: '900' }),
      goodRow({ paymentMethod: '比特币' }),
      goodRow({ paidAmount: '100', paymentMethod: '', paidAt: '' }),
      goodRow({ category: '飞船', warrantyEnd: '明年' }),
      goodRow({ receivedAt: '2099-01-01', deliveredAt: '2099-01-02' }),
      goodRow({ reportedFault: 'x'.repeat(1001) }),
      goodRow({
        outcome: '已取消',
        laborAmount: '',
        partsAmount: '',
        paidAmount: '',
        paidAt: '',
        deliveredAt: '2021-03-07',
      }),
    ];
    const before = snapshot(shop.app.core);
    const result = await run(rows);
    expect(result.committed).toBe(false);
    expect(result.accepted).toBe(1);
    expect(result.refused).toBe(11);
    expect(result.errors).toEqual([
      { row: 3, column: '客户名称', code: 'required', value: '' },
      { row: 3, column: '接机时间', code: 'notDate', value: '2021-02-30' },
      { row: 4, column: '电话', code: 'badPhone', value: '13x' },
      { row: 4, column: '维修结果', code: 'notAllowed', value: '修了一半' },
      { row: 5, column: '交机时间', code: 'badOrder', value: '2021-03-01 09:00' },
      { row: 5, column: '付款日期', code: 'badOrder', value: '2021-03-01 09:00' },
      { row: 6, column: '工时费(元)', code: 'notMoney', value: '12.345' },
      { row: 6, column: '配件费(元)', code: 'notMoney', value: 'abc' },
      { row: 7, column: '实收(元)', code: 'paidOverTotal', value: '900' },
      { row: 8, column: '付款方式', code: 'notAllowed', value: '比特币' },
      { row: 9, column: '付款日期', code: 'required', value: '' },
      { row: 9, column: '付款方式', code: 'required', value: '' },
      { row: 10, column: '设备类别', code: 'notAllowed', value: '飞船' },
      { row: 10, column: '保修截止', code: 'notDate', value: '明年' },
      { row: 11, column: '接机时间', code: 'badOrder', value: '2099-01-01' },
      { row: 11, column: '交机时间', code: 'badOrder', value: '2099-01-02' },
      { row: 11, column: '付款日期', code: 'badOrder', value: '2099-01-02' },
      { row: 12, column: '故障现象', code: 'tooLong', value: 'x'.repeat(1001) },
      { row: 13, column: '交机时间', code: 'badOrder', value: '2021-03-07' },
    ]);
    expect(snapshot(shop.app.core)).toBe(before);
  });

  it('refuses a mapping without a required field, or naming a column the file lacks', async () => {
    const before = snapshot(shop.app.core);
    const result = await run([goodRow()], {
      mapping: {
        columns: {
          customerName: '客户名称',
          category: '设备类别',
          receivedAt: '接机日期',
          outcome: '维修结果',
        },
        outcomes: {},
        categories: {},
      },
    });
    expect(result.errors).toEqual([
      { row: 1, column: '接机日期', code: 'missingColumn', value: '接机日期' },
      { row: 1, column: '故障现象', code: 'missingColumn', value: '' },
    ]);
    expect(result).toMatchObject({ accepted: 0, refused: 1, committed: false });
    expect(snapshot(shop.app.core)).toBe(before);
  });

  it('refuses a file with a header and no rows, and reports its progress phases', async () => {
    const empty = await run([]);
    expect(empty.errors).toEqual([{ row: 0, column: '接机时间', code: 'noRows', value: '' }]);
    expect(empty.committed).toBe(false);
    expect(await shop.admin.ok('history.progress', {})).toEqual({ phase: 'done', done: 0, total: 0 });
  });

  it('refuses a file that is neither a workbook nor text, and a clerk', async () => {
    const bad = await shop.admin.call('history.import', {
      file: { fileName: 'x.csv', base64: Buffer.from([0xff, 0xfe, 0x00]).toString('base64') },
      encoding: 'utf8',
      dryRun: true,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.reason).toBe('workbookRefused');
    const clerk = await shop.clerk.call('history.import', { file: csvFile([goodRow()]), dryRun: true });
    expect(clerk.ok ? null : clerk.error.code).toBe('FORBIDDEN');
    const manager = await shop.manager.call('history.import', { file: csvFile([goodRow()]), dryRun: true });
    expect(manager.ok).toBe(true);
  });
});

describe('history import: matching', () => {
  it('matches customers by phone and devices by serial, and technicians by name', async () => {
    const existing = await shop.admin.ok('customers.get', { id: shop.customerId });
    const phone = existing.customer.phones[0]?.phone ?? '';
    const device = await shop.admin.ok('devices.get', { id: shop.deviceId });
    const rows: Row[] = [
      goodRow({
        customerName: '张三（旧系统）',
        customerPhone: phone,
        serialNo: device.device.serialNo,
        technician: 'technician 员工',
      }),
      goodRow({ customerPhone: '139 1111 2222', serialNo: 'IMEI-9', technician: '老刘' }),
      goodRow({
        customerPhone: '13911112222',
        serialNo: 'IMEI-9',
        receivedAt: '2021-09-01',
        deliveredAt: '2021-09-02',
      }),
      goodRow({ customerName: '无电话客户', customerPhone: '', serialNo: '' }),
      goodRow({
        customerName: '无电话客户',
        customerPhone: '',
        serialNo: '',
        receivedAt: '2021-05-01',
        deliveredAt: '2021-05-01',
      }),
    ];
    const dry = await check(rows);
    expect(dry.preview.map((p) => [p.customer, p.device, p.technicianMatched])).toEqual([
      ['matched', 'matched', true],
      ['created', 'created', false],
      ['created', 'created', null],
      ['created', 'created', null],
      ['created', 'created', null],
    ]);
    expect(dry).toMatchObject({
      customersCreated: 2,
      customersMatched: 1,
      devicesCreated: 3,
      devicesMatched: 1,
    });

    const result = await run(rows);
    expect(result.committed).toBe(true);
    const orders = sqlite()
      .prepare(
        `SELECT i.row, o.customer_id AS customerId, o.device_id AS deviceId, o.technician_id AS technicianId,
                i.technician_name AS technicianName
         FROM history_import_items i JOIN work_orders o ON o.id = i.entity_id WHERE i.entity = 'workOrder' ORDER BY i.row`,
      )
      .all() as {
      row: number;
      customerId: string;
      deviceId: string;
      technicianId: string | null;
      technicianName: string;
    }[];
    expect(orders[0]).toMatchObject({
      customerId: shop.customerId,
      deviceId: shop.deviceId,
      technicianId: shop.techId,
    });
    // Same phone (written two ways) → one customer; same serial → one device; an unknown technician stays text.
    expect(orders[1]?.customerId).toBe(orders[2]?.customerId);
    expect(orders[1]?.deviceId).toBe(orders[2]?.deviceId);
    expect(orders[1]).toMatchObject({ technicianId: null, technicianName: '老刘' });
    // No phone: the same name in the file is one customer; no serial: each row its own device.
    expect(orders[3]?.customerId).toBe(orders[4]?.customerId);
    expect(orders[3]?.deviceId).not.toBe(orders[4]?.deviceId);
  });
});

describe('history import: historic dates everywhere', () => {
  it('keeps received, delivered and paid times in the order, its timeline, the day and the reports', async () => {
    const result = await run([goodRow({ technician: 'technician 员工' })]);
    const id = sqlite()
      .prepare("SELECT entity_id AS id FROM history_import_items WHERE entity = 'workOrder'")
      .get() as {
      id: string;
    };
    const order = await shop.admin.ok('workOrders.get', { id: id.id });
    expect(result.committed).toBe(true);
    expect(order.orderNo).toBe('BJ01-20210305-0001');
    expect(order.createdAt).toBe(local(2021, 3, 5, 10, 20));
    expect(order.deliveredAt).toBe(local(2021, 3, 7, 16, 0));
    expect(order.status).toBe('delivered');
    expect(order.outcome).toBe('repaired');
    expect(order.events.map((e) => [e.kind, e.at])).toEqual([
      ['created', local(2021, 3, 5, 10, 20)],
      ['status', local(2021, 3, 7, 16, 0)],
      ['settlement', local(2021, 3, 7, 16, 0)],
      ['settlement', local(2021, 3, 7, 16, 0)],
    ]);
    expect(order.events[0]?.note).toBe('history.csv #2');

    // The payment counts on its own day, 2021-03-07, and not today.
    const day = await shop.admin.ok('dayClose.get', { date: '2021-03-07' });
    expect(day.payments.map((p) => [p.amount, p.method, p.orderNo])).toEqual([
      [50000, 'wechat', order.orderNo],
    ]);
    const today = await shop.admin.ok('dayClose.get', { date: '2026-11-23' });
    expect(today.payments).toEqual([]);

    const period = { from: '2021-03-01', to: '2021-03-31', bucket: 'day' } as const;
    const volume = await shop.admin.ok('reports.volume', period);
    expect(volume.totals.total).toBe(1);
    expect(volume.points.find((p) => p.key === '2021-03-05')?.total).toBe(1);
    const revenue = await shop.admin.ok('reports.revenue', period);
    expect(JSON.stringify(revenue)).toContain('50000');
    const byCategory = await shop.admin.ok('reports.byCategory', period);
    expect(byCategory.byCategory).toEqual([
      expect.objectContaining({ category: '手机', received: 1, fixRate: 1 }),
    ]);
    const now = await shop.admin.ok('reports.volume', {
      from: '2026-11-01',
      to: '2026-11-30',
      bucket: 'day',
    });
    expect(now.totals.total).toBe(0);
  });

  it('computes warranty and reworks from the historic dates, and a new intake sees them', async () => {
    const rows: Row[] = [
      goodRow({ serialNo: 'SN-W', warrantyEnd: '2021-12-31' }),
      // Back 20 days after delivery: inside the 90-day repair warranty → a rework of row 2.
      goodRow({
        serialNo: 'SN-W',
        receivedAt: '2021-03-27 09:00',
        deliveredAt: '2021-03-28',
        laborAmount: '',
        partsAmount: '',
        paidAmount: '',
        paidAt: '',
      }),
      // A year later: past both warranties.
      goodRow({
        serialNo: 'SN-W',
        receivedAt: '2022-06-01',
        deliveredAt: '2022-06-02',
        laborAmount: '',
        partsAmount: '',
        paidAmount: '',
        paidAt: '',
      }),
      goodRow({
        serialNo: 'SN-NEW',
        receivedAt: '2026-11-10 09:00',
        deliveredAt: '2026-11-12 15:00',
        paidAt: '2026-11-12 15:00',
      }),
    ];
    await run(rows);
    const orders = sqlite()
      .prepare(
        `SELECT i.row, o.id, o.warranty_status AS warranty, o.rework_of_id AS reworkOf, o.device_id AS deviceId
         FROM history_import_items i JOIN work_orders o ON o.id = i.entity_id WHERE i.entity = 'workOrder' ORDER BY i.row`,
      )
      .all() as { row: number; id: string; warranty: string; reworkOf: string | null; deviceId: string }[];
    expect(orders.map((o) => o.warranty)).toEqual(['in', 'repair', 'out', 'out']);
    expect(orders[1]?.reworkOf).toBe(orders[0]?.id);
    expect(orders[2]?.reworkOf).toBeNull();
    const quality = await shop.admin.ok('reports.quality', {
      from: '2021-03-01',
      to: '2021-03-31',
      bucket: 'day',
    });
    expect(JSON.stringify(quality)).toContain('"reworks":1');

    // Today (2026-11-23) the device delivered on 2026-11-12 comes back: the counter offers the
    // imported order and the repair warranty runs from its historic delivery.
    const last = orders[3];
    const device = await shop.admin.ok('devices.get', { id: last?.deviceId ?? '' });
    expect(device.workOrders.map((o) => o.status)).toEqual(['delivered']);
    const customerId = (
      sqlite().prepare('SELECT customer_id AS c FROM devices WHERE id = ?').get(last?.deviceId) as {
        c: string;
      }
    ).c;
    const rework = await shop.clerk.ok('workOrders.create', {
      customerId,
      deviceId: last?.deviceId ?? '',
      channel: 'walkIn',
      serviceType: 'repair',
      priority: 'normal',
      reportedFault: '又碎了',
      accessories: [],
      technicianId: null,
      reworkOfId: last?.id ?? null,
      estimate: null,
      signature: null,
    });
    expect(rework.warrantyComputed).toBe('repair');
  });
});

describe('history import: stock, closed days and all-or-nothing', () => {
  it('records parts as lines without touching stock', async () => {
    const stockBefore = JSON.stringify(
      ['stock_documents', 'stock_document_lines', 'stock_movements', 'parts'].map((t) =>
        sqlite().prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      ),
    );
    await run([goodRow()]);
    const stockAfter = JSON.stringify(
      ['stock_documents', 'stock_document_lines', 'stock_movements', 'parts'].map((t) =>
        sqlite().prepare(`SELECT * FROM ${t} ORDER BY rowid`).all(),
      ),
    );
    expect(stockAfter).toBe(stockBefore);
    expect(countOf('work_order_parts')).toBe(0);
    const lines = sqlite().prepare('SELECT kind, code, amount FROM settlement_lines ORDER BY line_no').all();
    expect(lines).toEqual([
      { kind: 'labor', code: 'HIST-LABOR', amount: 8000 },
      { kind: 'part', code: 'HIST-PARTS', amount: 42000 },
    ]);
    const facts = sqlite().prepare('SELECT labor, parts, total FROM settlement_facts').all();
    expect(facts).toEqual([{ labor: 8000, parts: 42000, total: 50000 }]);
  });

  it('refuses a payment on a closed day and writes none of the file', async () => {
    await shop.clerk.ok('dayClose.close', { date: '2026-11-20' });
    const before = snapshot(shop.app.core);
    const result = await run([
      goodRow(),
      goodRow({
        serialNo: 'X2',
        receivedAt: '2026-11-19 10:00',
        deliveredAt: '2026-11-20 11:00',
        paidAt: '2026-11-20 11:00',
      }),
    ]);
    expect(result.errors).toEqual([{ row: 3, column: '付款日期', code: 'dayClosed', value: '2026-11-20' }]);
    expect(result).toMatchObject({ accepted: 1, refused: 1, committed: false });
    expect(snapshot(shop.app.core)).toBe(before);
  });
});

describe('history import: skipping refused rows when asked', () => {
  it('writes the accepted rows in one go and lists the refused ones', async () => {
    const rows = [
      goodRow(),
      goodRow({ serialNo: 'S9', reportedFault: '' }),
      goodRow({ serialNo: 'S10', outcome: 'Unknown' }),
    ];
    const strict = await run(rows);
    expect(strict).toMatchObject({ accepted: 1, refused: 2, committed: false });
    expect(countOf('work_orders')).toBe(0);
    const result = await run(rows, { skipRefused: true });
    expect(result).toMatchObject({ accepted: 1, refused: 2, committed: true });
    expect(result.errors).toEqual([
      { row: 3, column: '故障现象', code: 'required', value: '' },
      { row: 4, column: '维修结果', code: 'notAllowed', value: 'Unknown' },
    ]);
    expect(countOf('work_orders')).toBe(1);
    // A file-level error still keeps everything out.
    const before = snapshot(shop.app.core);
    const broken = await run(rows, {
      skipRefused: true,
      mapping: { columns: { customerName: '客户名称' }, outcomes: {}, categories: {} },
    });
    expect(broken.committed).toBe(false);
    expect(snapshot(shop.app.core)).toBe(before);
  });
});

describe('history import: undo', () => {
  it('removes exactly what the import added (admin only), once', async () => {
    const before = records();
    const result = await run([
      goodRow(),
      goodRow({
        customerPhone: '13700001111',
        serialNo: 'S2',
        outcome: '无法修复',
        laborAmount: '30',
        partsAmount: '',
        paidAmount: '30',
      }),
      goodRow({
        customerPhone: '',
        customerName: '赵六',
        serialNo: '',
        outcome: '已取消',
        deliveredAt: '',
        laborAmount: '',
        partsAmount: '',
        paidAmount: '',
        paidAt: '',
      }),
    ]);
    expect(result.committed).toBe(true);
    expect(countOf('work_orders')).toBe(3);
    const list = await shop.manager.ok('history.list', {});
    expect(list).toEqual([
      expect.objectContaining({ id: result.importId, orders: 3, customers: 3, devices: 3, undoable: true }),
    ]);

    const manager = await shop.manager.call('history.undo', { id: result.importId ?? '' });
    expect(manager.ok ? null : manager.error.code).toBe('FORBIDDEN');
    await shop.admin.ok('history.undo', { id: result.importId ?? '' });
    const after = JSON.parse(records()) as [string, unknown][];
    const was = new Map(JSON.parse(before) as [string, unknown][]);
    expect(
      after.filter(([t, rows]) => JSON.stringify(rows) !== JSON.stringify(was.get(t))).map(([t]) => t),
    ).toEqual([]);
    const again = await shop.admin.call('history.undo', { id: result.importId ?? '' });
    expect(again.ok ? null : again.error.reason).toBe('historyUndoRefused');
    expect((await shop.admin.ok('history.list', {}))[0]).toMatchObject({ undoable: false });
  });

  it('is refused after the next day close, or once something was added to an imported record', async () => {
    const first = await run([goodRow()]);
    await shop.clerk.ok('dayClose.close', { date: '2026-11-22' });
    const afterClose = snapshot(shop.app.core);
    const closed = await shop.admin.call('history.undo', { id: first.importId ?? '' });
    expect(closed.ok ? null : closed.error.reason).toBe('historyUndoRefused');
    expect(snapshot(shop.app.core)).toBe(afterClose);

    const second = await run([goodRow({ customerPhone: '13600001111', serialNo: 'S3' })]);
    const deviceId = sqlite()
      .prepare(
        "SELECT o.device_id AS d, o.customer_id AS c FROM history_import_items i JOIN work_orders o ON o.id = i.entity_id WHERE i.import_id = ? AND i.entity = 'workOrder'",
      )
      .get(second.importId) as { d: string; c: string };
    await shop.clerk.ok('workOrders.create', {
      customerId: deviceId.c,
      deviceId: deviceId.d,
      channel: 'walkIn',
      serviceType: 'repair',
      priority: 'normal',
      reportedFault: '新问题',
      accessories: [],
      technicianId: null,
      reworkOfId: null,
      estimate: null,
      signature: null,
    });
    const before = snapshot(shop.app.core);
    const changed = await shop.admin.call('history.undo', { id: second.importId ?? '' });
    expect(changed.ok ? null : changed.error.reason).toBe('historyUndoRefused');
    expect(snapshot(shop.app.core)).toBe(before);
  });
});

describe('history import: files and mappings', () => {
  it('reads a GB18030 CSV as Chinese Excel saves it', async () => {
    const file = csvFile(
      [goodRow({ customerName: '欧阳修', reportedFault: '开不了机，屏幕闪烁' })],
      'gb18030',
    );
    const preview = await shop.admin.ok('history.preview', { file });
    expect(preview.encoding).toBe('gb18030');
    expect(preview.headers[1]).toBe('客户名称');
    expect(preview.sample[0]?.[1]).toBe('欧阳修');
    const result = await shop.admin.ok('history.import', { file, dryRun: false });
    expect(result.committed).toBe(true);
    const row = sqlite().prepare('SELECT name FROM customers WHERE name = ?').get('欧阳修');
    expect(row).toEqual({ name: '欧阳修' });
    expect(sqlite().prepare('SELECT reported_fault AS f FROM work_orders').get()).toEqual({
      f: '开不了机，屏幕闪烁',
    });
  });

  it('reads the same rows from an .xlsx and from the downloaded template', async () => {
    const xlsx = await shop.admin.ok('history.import', { file: await xlsxFile([goodRow()]), dryRun: true });
    expect(xlsx).toMatchObject({ accepted: 1, errors: [] });
    const template = await shop.manager.ok('history.template', { lang: 'zh-CN' });
    const fromTemplate = await shop.admin.ok('history.import', { file: template, dryRun: true });
    expect(fromTemplate).toMatchObject({ rows: 1, accepted: 1, errors: [] });
  });

  it('maps other headers and own outcome words, and keeps a mapping to reuse', async () => {
    const text = [
      'id,when,kind,maker,status,problem,group',
      'r1,2016-11-19,Mobile,Nokia,Fixed,No power,Club A',
      'r2,2016-11-19,手机,Sony,End of life,Broken hinge,Club A',
      'r3,2016-11-20,手机,LG,Repairable,Cracked,Club B',
    ].join('\n');
    const file = { fileName: 'openrepair.csv', base64: Buffer.from(text).toString('base64') };
    const mapping = {
      columns: {
        sourceNo: 'id',
        customerName: 'group',
        category: 'kind',
        brand: 'maker',
        receivedAt: 'when',
        deliveredAt: 'when',
        outcome: 'status',
        reportedFault: 'problem',
      },
      outcomes: { Fixed: 'repaired', 'End of life': 'unrepairable', Repairable: 'declined' },
      categories: { Mobile: '手机' },
    } as const;
    const saved = await shop.manager.ok('history.saveMapping', { name: 'Open Repair', mapping });
    expect(saved).toEqual([{ name: 'Open Repair', mapping: { ...mapping, blankFault: '' } }]);
    const reused = (await shop.admin.ok('history.mappings', {}))[0]?.mapping;
    const result = await shop.admin.ok('history.import', { file, mapping: reused, dryRun: false });
    expect(result).toMatchObject({ accepted: 3, customersCreated: 2, committed: true });
    const outcomes = sqlite().prepare('SELECT outcome FROM work_orders ORDER BY created_at, order_no').all();
    expect(outcomes).toEqual([{ outcome: 'repaired' }, { outcome: 'unrepairable' }, { outcome: 'declined' }]);
    await shop.manager.ok('history.deleteMapping', { name: 'Open Repair' });
    expect(await shop.admin.ok('history.mappings', {})).toEqual([]);
    const missing = await shop.manager.call('history.deleteMapping', { name: 'Open Repair' });
    expect(missing.ok ? null : missing.error.reason).toBe('historyMappingNotFound');
  });
});
