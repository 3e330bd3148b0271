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
import { recordReading } from '../../src/main/services/readings';
import { tempDir } from './harness';
import { addLines, moveTo, openShop, orderInRepair, type Shop } from './settlementsFixtures';
import { insertAfterSales, type AfterSalesRows } from './backupAfterSalesRows';

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
  ['订金', 'Deposits', 'deposits'],
  ['设备读数', 'Device readings', 'device_readings'],
  ['预约', 'Appointments', 'appointments'],
  ['上门服务', 'On-site jobs', 'onsite_jobs'],
  ['保养计划', 'Maintenance plans', 'maintenance_plans'],
  ['维保合同', 'Service contracts', 'service_contracts'],
  ['合同服务记录', 'Contract visits', 'contract_visits'],
  ['日结记录', 'Day close', 'day_close_events'],
  ['回访', 'Follow-ups', 'follow_ups'],
  ['回访记录', 'Follow-up calls', 'follow_up_calls'],
  ['投诉', 'Complaints', 'complaints'],
  ['投诉处理记录', 'Complaint steps', 'complaint_events'],
  ['用户', 'Users', 'users'],
  ['打印记录', 'Print log', 'print_log'],
  ['操作日志', 'Audit log', 'audit_log'],
];

let shop: Shop;
let orderNo = '';
let settlementNo = '';
let wechatRef = '';
let depositOrderNo = '';
/** The order that could not be fixed, the one on hold (the rework the complaint opened), their times. */
let unrepairableNo = '';
let reworkNo = '';
let onsiteNo = '';
const HOUR = 3_600_000;
let diagnosedAt = 0;
let heldAt = 0;
let recallAt = 0;
let afterSales: AfterSalesRows;
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
  // ¥50 back over the complaint below.
  await shop.manager.ok('settlements.refund', {
    settlementId: made.id,
    method: 'wechat',
    amount: 5000,
    reason: '投诉退款',
    reference: 'RF-0001',
  });
  // The settlement printed, and printed again (补打).
  await shop.clerk.ok('prints.record', { form: 'settlement', documentId: made.id });
  await shop.clerk.ok('prints.record', { form: 'settlement', documentId: made.id });
  // 订金 taken at intake on an order of its own, before the day is closed.
  depositOrderNo = (
    await shop.clerk.ok('workOrders.create', {
      customerId: shop.customerId,
      deviceId: shop.warrantyDeviceId,
      reportedFault: '电池鼓包',
      deposit: { method: 'alipay', amount: 2000, reference: 'DJ-0001' },
    })
  ).orderNo;
  await shop.clerk.ok('dayClose.close', { date: localDate(shop.app.clock.ms) });
  // A second, untouched order so the work-order sheet has more than one row.
  const second = await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.warrantyDeviceId,
    reportedFault: '无法开机',
  });
  unrepairableNo = second.orderNo;
  const rework = await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    reportedFault: '换屏后漏光',
  });
  reworkNo = rework.orderNo;
  // The meter read at the rework's intake (a car's odometer, in a phone shop's test: the sheet is what counts).
  shop.app.core.database.db.transaction((tx) =>
    recordReading(tx, {
      deviceId: shop.deviceId,
      unit: 'km',
      value: 12_345,
      readAt: shop.app.clock.ms,
      source: 'intake',
      workOrderId: rework.id,
      recordedBy: null,
      recordedAt: shop.app.clock.ms,
    }),
  );
  // 预约: one booked for tomorrow (confirmed, whatever the hour the fake clock's zone makes it).
  await shop.clerk.ok('appointments.book', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    fault: '预约换电池',
    startAt: shop.app.clock.ms + 24 * 3600_000,
    confirmCollisions: true,
  });
  // 保养计划 of that device, and a 维保合同 with one order under it (issue 16).
  await shop.clerk.ok('maintenance.createPlan', {
    deviceId: shop.deviceId,
    name: '机油',
    intervalDays: 180,
    intervalUsage: 5_000,
    unit: 'km',
    lastServiceOn: localDate(shop.app.clock.ms),
  });
  const contract = await shop.manager.ok('contracts.create', {
    customerId: shop.customerId,
    deviceIds: [shop.warrantyDeviceId],
    startsOn: localDate(shop.app.clock.ms),
    endsOn: localDate(shop.app.clock.ms),
    visits: 3,
    covers: 'both',
  });
  await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.warrantyDeviceId,
    serviceType: 'maintenance',
    reportedFault: '年度保养',
    contractId: contract.id,
  });
  afterSalesFields(order.id, second.id, rework.id);
  // A 上门 visit with its travel fee.
  const visit = await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId: shop.deviceId,
    channel: 'onsite',
    reportedFault: '上门检修',
  });
  onsiteNo = visit.orderNo;
  await shop.clerk.ok('onsite.set', {
    id: visit.id,
    address: '建国路 88 号',
    day: '2026-11-24',
    fromTime: '09:00',
    toTime: '10:30',
    technicianIds: [shop.techId],
    travelFee: 5000,
  });
  const sqlite = shop.app.core.database.sqlite;
  const id = (username: string) =>
    (sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
  const refund = sqlite.prepare('SELECT id FROM payments WHERE amount < 0').get() as { id: string };
  afterSales = insertAfterSales(shop.app, {
    orderId: order.id,
    customerId: shop.customerId,
    clerkId: id('clerk1'),
    staffId: shop.techId,
    ownerId: id('manager1'),
    reworkOrderId: rework.id,
    refundPaymentId: refund.id,
  });
}

/**
 * The fields issue 14 added, written straight into the store: an outcome for each order (the order
 * services that set them are not what this test checks), the rework the complaint opened (the first
 * order is not delivered, so no service would open it) and a customer who asked not to be called.
 */
function afterSalesFields(repairedId: string, unrepairableId: string, onHoldId: string): void {
  const sqlite = shop.app.core.database.sqlite;
  // Off the hour: a time at exactly local midnight would read as a date alone.
  const at = shop.app.clock.ms + 7 * 60_000;
  diagnosedAt = at - 2 * HOUR;
  heldAt = at + HOUR;
  recallAt = at + 7 * 24 * HOUR;
  sqlite
    .prepare("UPDATE work_orders SET outcome = 'repaired', diagnosed_at = ? WHERE id = ?")
    .run(diagnosedAt, repairedId);
  sqlite
    .prepare(
      "UPDATE work_orders SET status = 'unrepairable', outcome = 'unrepairable', unrepairable_reason = 'noParts' WHERE id = ?",
    )
    .run(unrepairableId);
  sqlite
    .prepare(
      "UPDATE work_orders SET status = 'onHold', held_from = 'awaitingParts', hold_reason = '客户自购屏幕', held_at = ?, recall_at = ?, rework_of_id = ? WHERE id = ?",
    )
    .run(heldAt, recallAt, repairedId, onHoldId);
  sqlite.prepare('UPDATE customers SET no_contact = 1 WHERE id = ?').run(shop.customerId);
}

/** A user's display name, as the export shows who did something. */
function nameOf(username: string): string {
  const row = shop.app.core.database.sqlite
    .prepare('SELECT display_name AS name FROM users WHERE username = ?')
    .get(username) as { name: string };
  return row.name;
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

    const deposits = rowsOf(workbook, '订金');
    expect(valueAt(deposits, '交易号', 'DJ-0001', '方式')).toBe('支付宝');
    expect(valueAt(deposits, '交易号', 'DJ-0001', '工单号')).toBe(depositOrderNo);
    expect(valueAt(deposits, '交易号', 'DJ-0001', '金额(元)')).toBe('20');
    const readings = rowsOf(workbook, '设备读数');
    expect(valueAt(readings, '读数', '12345', '工单号')).toBe(reworkNo);
    expect(valueAt(readings, '读数', '12345', '设备')).toBe('Apple iPhone 13');
    expect(valueAt(readings, '读数', '12345', '单位')).toBe('公里');
    expect(valueAt(readings, '读数', '12345', '来源')).toBe('接单登记');

    const visits = rowsOf(workbook, '上门服务');
    expect(valueAt(visits, '工单号', onsiteNo, '上门地址')).toBe('建国路 88 号');
    expect(valueAt(visits, '工单号', onsiteNo, '上门技师')).toBe('technician 员工');
    expect(valueAt(visits, '工单号', onsiteNo, '上门费(元)')).toBe('50');

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

  it('carries the outcomes, the orders on hold, the follow-ups and the complaints, in Chinese', async () => {
    const { result } = await exportTo('zh-CN');
    const workbook = await load(result.file);
    const orders = rowsOf(workbook, '工单');
    const order = (no: string, header: string) => valueAt(orders, '工单号', no, header);
    expect(order(orderNo, '维修结果')).toBe('已修复');
    expect(order(orderNo, '检测完成时间')).toBe(localMinute(diagnosedAt));
    expect(order(unrepairableNo, '状态')).toBe('无法修复');
    expect(order(unrepairableNo, '维修结果')).toBe('无法修复');
    expect(order(unrepairableNo, '无法修复原因')).toBe('无配件');
    expect(order(reworkNo, '状态')).toBe('待客户');
    expect(order(reworkNo, '维修结果')).toBe('');
    expect(order(reworkNo, '待客户前状态')).toBe('待配件');
    expect(order(reworkNo, '待客户原因')).toBe('客户自购屏幕');
    expect(order(reworkNo, '转待客户时间')).toBe(localMinute(heldAt));
    expect(order(reworkNo, '约定回电时间')).toBe(localMinute(recallAt));
    expect(order(reworkNo, '返修原工单')).toBe(orderNo);
    expect(valueAt(rowsOf(workbook, '客户'), '姓名', '张三', '勿联系')).toBe('是');

    const followUps = rowsOf(workbook, '回访');
    expect(followUps[0]).toEqual([
      '工单号',
      '客户编号',
      '客户',
      '应回访时间',
      '回访状态',
      '拨打次数',
      '服务态度(1–5)',
      '维修质量(1–5)',
      '及时性(1–5)',
      '价格(1–5)',
      '客户评价',
      '问题未解决',
      '投诉单号',
      '返修工单号',
      '完成时间',
      '回访人',
      '建档时间',
    ]);
    expect(followUps[1]?.slice(2)).toEqual([
      '张三',
      localMinute(afterSales.at + 72 * HOUR),
      '已回访',
      '2',
      '5',
      '2',
      '4',
      '3',
      afterSales.comment,
      '是',
      afterSales.complaintNo,
      reworkNo,
      localMinute(afterSales.at + 96 * HOUR),
      nameOf('clerk1'),
      localMinute(afterSales.at),
    ]);
    expect(followUps[1]?.[0]).toBe(orderNo);
    const calls = rowsOf(workbook, '回访记录');
    expect(calls[0]).toEqual(['工单号', '时间', '结果', '说明', '操作人']);
    expect(calls.slice(1).map((r) => [r[0], r[2], r[3], r[4]])).toEqual([
      [orderNo, '未接通', '无人接听', 'clerk1'],
      [orderNo, '已接通', afterSales.comment, 'clerk1'],
    ]);

    const complaints = rowsOf(workbook, '投诉');
    const complaint = (header: string) => valueAt(complaints, '投诉单号', afterSales.complaintNo, header);
    const opened = afterSales.at + 96 * HOUR;
    expect(Object.fromEntries(complaints[0]?.map((header) => [header, complaint(header)]) ?? [])).toEqual({
      投诉单号: afterSales.complaintNo,
      状态: '已关闭',
      客户编号: complaints[1]?.[2],
      客户: '张三',
      工单号: orderNo,
      回访工单号: orderNo,
      涉及员工: nameOf('technician1'),
      投诉渠道: '回访',
      投诉类别: '维修质量',
      严重程度: '较重',
      投诉内容: afterSales.description,
      处理人: nameOf('manager1'),
      首次响应期限: localMinute(opened + 4 * HOUR),
      处理期限: localMinute(opened + 48 * HOUR),
      首次响应时间: localMinute(opened + HOUR),
      答复时间: localMinute(opened + 24 * HOUR),
      关闭时间: localMinute(opened + 30 * HOUR),
      处理方式: '退款',
      处理说明: '退还部分维修费并返修',
      '退款金额(元)': '-50',
      退款结算单号: settlementNo,
      返修工单号: reworkNo,
      '补偿金额(元)': '50',
      客户确认人: '张三',
      确认说明: '电话确认满意',
      确认时间: localMinute(opened + 30 * HOUR),
      受理人: nameOf('clerk1'),
      受理时间: localMinute(opened),
    });
    expect(complaints[1]?.[2]).toBe(valueAt(rowsOf(workbook, '客户'), '姓名', '张三', '客户编号'));
    const steps = rowsOf(workbook, '投诉处理记录');
    expect(steps[0]).toEqual([
      '投诉单号',
      '时间',
      '类型',
      '原状态',
      '新状态',
      '说明',
      '操作人',
      '终端',
      '详情',
    ]);
    expect(steps.slice(1).map((r) => [r[0], r[2], r[3], r[4], r[6]])).toEqual([
      [afterSales.complaintNo, '受理', '', '已受理', 'clerk1'],
      [afterSales.complaintNo, '状态变更', '已受理', '处理中', 'clerk1'],
      [afterSales.complaintNo, '处理方案', '处理中', '待客户确认', 'clerk1'],
      [afterSales.complaintNo, '客户确认', '待客户确认', '已关闭', 'clerk1'],
    ]);
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

    expect(valueAt(orders, 'Order no.', orderNo, 'Outcome')).toBe('Repaired');
    expect(valueAt(orders, 'Order no.', unrepairableNo, 'Unrepairable reason')).toBe('No parts available');
    expect(valueAt(orders, 'Order no.', reworkNo, 'Status')).toBe('On hold');
    expect(valueAt(orders, 'Order no.', reworkNo, 'Held from')).toBe('Awaiting parts');
    expect(valueAt(rowsOf(workbook, 'Customers'), 'Name', '张三', 'Do not contact')).toBe('Yes');
    const followUps = rowsOf(workbook, 'Follow-ups');
    expect(followUps[0]?.slice(4, 12)).toEqual([
      'State',
      'Calls made',
      'Attitude (1–5)',
      'Quality (1–5)',
      'Timeliness (1–5)',
      'Price (1–5)',
      'Comment',
      'Problem not solved',
    ]);
    expect(valueAt(followUps, 'Order no.', orderNo, 'State')).toBe('Reached');
    expect(valueAt(followUps, 'Order no.', orderNo, 'Problem not solved')).toBe('Yes');
    expect(rowsOf(workbook, 'Follow-up calls').map((r) => r[2])).toEqual([
      'Result',
      'Not reached',
      'Reached',
    ]);
    const complaint = (header: string) =>
      valueAt(rowsOf(workbook, 'Complaints'), 'Complaint no.', afterSales.complaintNo, header);
    expect(
      ['Status', 'Channel', 'Category', 'Severity', 'Resolution', 'Refund (CNY)', 'Compensation (CNY)'].map(
        complaint,
      ),
    ).toEqual(['Closed', 'Follow-up call', 'Repair quality', 'Major', 'Refund', '-50', '50']);
    expect(rowsOf(workbook, 'Complaint steps').map((r) => [r[2], r[4]])).toEqual([
      ['Kind', 'To'],
      ['Received', 'Received'],
      ['Status change', 'In progress'],
      ['Resolution', 'Awaiting confirmation'],
      ['Customer confirmation', 'Closed'],
    ]);
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
