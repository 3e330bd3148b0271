import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startTime } from './clock';
import { ARTIFACTS, rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, printToPdf, tool } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'reports-admin-2026' };
const MANAGER = { username: 'zhoujl', displayName: '周经理', password: 'manager-pass-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };
const TECH2 = { username: 'ligong', displayName: '李工', password: 'tech2-pass-2026' };

/**
 * The desk's one clock (server and browser) is moved by the test, so orders can be taken in,
 * repaired and paid on earlier days at known hours. "Today" is the day the suite's clock starts on.
 */
const TODAY = dayjs(startTime()).startOf('day');
const day = (offset: number) => TODAY.add(offset, 'day').format('YYYY-MM-DD');
async function at(offset: number, hour: number, minute = 0): Promise<number> {
  const ms = TODAY.add(offset, 'day').hour(hour).minute(minute).valueOf();
  await desk.clock.set(ms);
  return ms;
}

/**
 * The fixture (D = today; D-9 and D-2 earlier days; every order promised 72 h after intake unless said):
 * - O1 D-9 09:00 到店 维修 陈工: ready 15:00 (6 h), settled ¥480 (维修工时 ¥80 1 h + screen ¥400), cash, delivered 16:00 (7 h)
 * - O2 D-9 11:00 电话 维修 李工: ready 12:00 (1 h), never settled → waits for pickup 9 days (overdue), promise passed
 * - O3 D-2 10:00 电话 维修 李工, an iPhone 15 in the maker's warranty: battery under 三包 (Apple, list ¥150)
 *   + 检测费 ¥30 0.5 h (billed); ready 14:00 (4 h),
 *   settled ¥30 WeChat, delivered 18:00 (8 h)
 * - O4 D 09:00 到店 保养 陈工: 维修工时 ¥80; ready 11:00 (2 h), settled ¥80 Alipay, waiting
 * - O5 D 09:30 网上 安装 陈工: promised 10:00, diagnosing → overdue
 * - O6 D 10:00 上门 检测, unassigned, received
 * - O7 D 10:30 到店 维修 陈工: a rework of O1 (inside the 90-day repair warranty), received
 * The clock ends at D 12:00.
 */
const WIDE = { from: day(-9), to: day(0) };

let desk: Desk;
/** The phone under the maker's warranty and the battery, for the long claim list. */
const claim = { deviceId: '', customerId: '', batteryId: '', supplierId: '' };

/** The text of a test id, trimmed. */
async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

async function expectText(page: Page, testId: string, expected: string): Promise<void> {
  await expect.poll(() => textOf(page, testId), { message: testId }).toBe(expected);
}

function xlsxToCsv(file: string): string {
  const office = ['libreoffice', 'soffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!office) throw new Error('LibreOffice is missing: apt-get install -y libreoffice-calc');
  const outDir = mkdtempSync(join(tmpdir(), 'desk-csv-'));
  const profile = `file://${mkdtempSync(join(tmpdir(), 'desk-lo-'))}`;
  tool(office, [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76',
    '--outdir',
    outDir,
    file,
  ]);
  const csv = readdirSync(outDir).find((f) => f.endsWith('.csv'));
  expect(csv, `LibreOffice wrote nothing for ${file}`).toBeDefined();
  const text = readFileSync(join(outDir, csv ?? ''), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return text;
}

async function move(
  page: Page,
  id: string,
  ...to: ('diagnosing' | 'inRepair' | 'qc' | 'ready' | 'delivered')[]
) {
  for (const status of to) await rpc(page, 'workOrders.transition', { id, to: status });
}

beforeAll(async () => {
  desk = await startDesk();
  await at(-9, 8);
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const tech2Id = (await rpc(page, 'users.create', { ...TECH2, role: 'technician' })).id;
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  // Days pass between the steps: the idle lock would lock this session.
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  const current = await rpc(page, 'settings.get', {});
  await rpc(page, 'settings.update', {
    shop: { ...current.shop, address: '北京市朝阳区东大街 18 号', phone: '010-8888 6666' },
  });

  const supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行' })).id;
  const screen = await rpc(page, 'parts.create', {
    code: 'SCR-A',
    name: '屏幕总成',
    category: '屏幕',
    salePrice: 40000,
    costPrice: 20000,
  });
  const battery = await rpc(page, 'parts.create', {
    code: 'BAT-A',
    name: '电池',
    category: '电池',
    salePrice: 15000,
    costPrice: 6000,
    minStock: 5,
  });
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: screen.id, qty: 3, unitCost: 20000 },
      { partId: battery.id, qty: 5, unitCost: 6000 },
    ],
  });

  const a = await customerWithDevice(
    page,
    { name: '周杰', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  const b = await customerWithDevice(
    page,
    { name: '林芳', phones: [{ phone: '13700001111', label: '手机' }] },
    { category: '手机', brand: 'Huawei', model: 'Mate 60', serialNo: 'HW60SN0001' },
  );

  // O1, D-9.
  await at(-9, 9);
  const o1 = await rpc(page, 'workOrders.create', { ...a, reportedFault: '屏幕碎裂', technicianId: techId });
  await at(-9, 10);
  await move(page, o1.id, 'diagnosing', 'inRepair');
  await rpc(page, 'workOrders.addCharge', { id: o1.id, itemCode: 'WX' });
  await rpc(page, 'workOrders.addPart', { id: o1.id, partId: screen.id, qty: 1 });
  // O2, D-9: ready, never collected.
  await at(-9, 11);
  const o2 = await rpc(page, 'workOrders.create', {
    ...b,
    channel: 'phone',
    reportedFault: '不充电',
    technicianId: tech2Id,
  });
  await at(-9, 12);
  await move(page, o2.id, 'diagnosing', 'inRepair', 'qc', 'ready');
  await at(-9, 15);
  await move(page, o1.id, 'qc', 'ready');
  await at(-9, 15, 30);
  const s1 = await rpc(page, 'settlements.create', { id: o1.id });
  await rpc(page, 'settlements.pay', { settlementId: s1.id, method: 'cash', amount: 48000, tendered: 50000 });
  await at(-9, 16);
  await move(page, o1.id, 'delivered');

  // O3, D-2: a phone still under the maker's warranty; the battery is claimed back (三包).
  const inWarranty = await rpc(page, 'devices.create', {
    customerId: a.customerId,
    category: '手机',
    brand: 'Apple',
    model: 'iPhone 15',
    serialNo: 'F9QX5678WXYZ',
    warranty: { end: day(300) },
  });
  Object.assign(claim, {
    deviceId: inWarranty.id,
    customerId: a.customerId,
    batteryId: battery.id,
    supplierId,
  });
  await at(-2, 10);
  const o3 = await rpc(page, 'workOrders.create', {
    customerId: a.customerId,
    deviceId: inWarranty.id,
    channel: 'phone',
    reportedFault: '电池鼓包',
    technicianId: tech2Id,
  });
  await at(-2, 11);
  await move(page, o3.id, 'diagnosing', 'inRepair');
  await rpc(page, 'workOrders.addPart', { id: o3.id, partId: battery.id, qty: 1, coveredByWarranty: true });
  // The inspection is billed to the customer all the same.
  await rpc(page, 'workOrders.addCharge', { id: o3.id, itemCode: 'JC', coveredByWarranty: false });
  await at(-2, 14);
  await move(page, o3.id, 'qc', 'ready');
  await at(-2, 14, 30);
  const s3 = await rpc(page, 'settlements.create', { id: o3.id });
  await rpc(page, 'settlements.pay', { settlementId: s3.id, method: 'wechat', amount: 3000 });
  await at(-2, 18);
  await move(page, o3.id, 'delivered');

  // Today.
  await at(0, 9);
  const o4 = await rpc(page, 'workOrders.create', {
    ...b,
    serviceType: 'maintenance',
    reportedFault: '清灰保养',
    technicianId: techId,
  });
  await at(0, 9, 30);
  const o5 = await rpc(page, 'workOrders.create', {
    ...b,
    channel: 'online',
    serviceType: 'installation',
    reportedFault: '装系统',
    technicianId: techId,
    promisedAt: TODAY.hour(10).valueOf(),
  });
  await at(0, 9, 45);
  await move(page, o5.id, 'diagnosing');
  await at(0, 10);
  await move(page, o4.id, 'diagnosing', 'inRepair');
  await rpc(page, 'workOrders.addCharge', { id: o4.id, itemCode: 'WX' });
  await rpc(page, 'workOrders.create', {
    ...a,
    channel: 'onsite',
    serviceType: 'inspection',
    reportedFault: '上门检测',
  });
  await at(0, 10, 30);
  await rpc(page, 'workOrders.create', {
    ...a,
    reportedFault: '屏幕又出现色斑',
    technicianId: techId,
    reworkOfId: o1.id,
  });
  await at(0, 11);
  await move(page, o4.id, 'qc', 'ready');
  await at(0, 11, 15);
  const s4 = await rpc(page, 'settlements.create', { id: o4.id });
  await rpc(page, 'settlements.pay', { settlementId: s4.id, method: 'alipay', amount: 8000 });
  await at(0, 12);
  await page.context().close();
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

async function openReports(page: Page, query: string): Promise<void> {
  await page.goto(`${desk.server.origin}/#/reports?${query}`);
  await page.getByTestId('report-period').waitFor();
}

describe('reports and the dashboard', () => {
  it('shows each role its dashboard with the figures of the day', async () => {
    const manager = await desk.signedIn(MANAGER);
    await expectText(manager, 'dash-received-today', '4');
    await expectText(manager, 'dash-delivered-today', '0');
    await expectText(manager, 'dash-takings-today', '¥80.00');
    await expectText(manager, 'dash-ready-waiting', '2');
    await expectText(manager, 'dash-pickup-overdue-count', '1');
    await expect.poll(() => manager.getByTestId('dash-pickup-overdue-order').count()).toBe(1);
    await expectText(manager, 'dash-open', '5');
    await expectText(manager, 'dash-overdue', '2');
    await expectText(manager, 'dash-low-stock', '1');
    await expectText(manager, 'dash-takings-week', '¥110.00');
    await expectText(manager, 'dash-status-received', '已接单 2');
    await expect.poll(() => manager.locator('[data-testid="dash-open-by-status"] canvas').count()).toBe(1);
    await desk.stillShot(manager, 'reports-01-dashboard-manager');

    // A figure opens the list behind it.
    await manager.getByTestId('dash-ready-waiting-card').click();
    await expect.poll(() => manager.url()).toContain('/work-orders?status=ready');
    await manager.context().close();

    const clerk = await desk.signedIn(CLERK);
    await expectText(clerk, 'dash-received-today', '4');
    await expectText(clerk, 'dash-takings-today', '¥80.00');
    await expect.poll(() => clerk.getByTestId('dash-shop').count()).toBe(0);
    await expect.poll(() => clerk.getByTestId('dash-queue').count()).toBe(0);
    await desk.stillShot(clerk, 'reports-02-dashboard-clerk');
    // Today's intake opens the work-order list filtered to today: the same four orders.
    await clerk.getByTestId('dash-received-today-card').click();
    await expect.poll(() => clerk.url()).toContain('/work-orders?received=today');
    await expect.poll(() => clerk.locator('[data-testid="wo-table"] tbody tr.ant-table-row').count()).toBe(4);
    await clerk.context().close();

    const tech = await desk.signedIn(TECH);
    await expectText(tech, 'dash-queue-open', '3');
    await expectText(tech, 'dash-queue-overdue', '1');
    await expect.poll(() => tech.getByTestId('dash-counter').count()).toBe(0);
    // Overdue first: O5, promised at 10:00 today.
    await expect.poll(() => tech.getByTestId('dash-queue-orders-late').count()).toBe(1);
    await expect
      .poll(
        async () =>
          (await tech.locator('[data-testid="dash-queue-orders"] tbody tr').first().textContent()) ?? '',
      )
      .toContain('检测中');
    await desk.stillShot(tech, 'reports-03-dashboard-technician');
    await tech.context().close();
  });

  it('shows the figures of each analysis tab for the period, kept in the URL', async () => {
    const page = await desk.signedIn(MANAGER);
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('report-period').waitFor();
    // Default: this month.
    const inMonth = [-9, -9, -2, 0, 0, 0, 0].filter((d) => TODAY.add(d, 'day').month() === TODAY.month());
    await expectText(page, 'fig-volume-total', String(inMonth.length));

    await openReports(page, `tab=volume&preset=custom&from=${WIDE.from}&to=${WIDE.to}&bucket=day`);
    await expectText(page, 'fig-volume-total', '7');
    await expectText(page, 'fig-volume-channel-walkIn', '3');
    await expectText(page, 'fig-volume-channel-phone', '2');
    await expectText(page, 'fig-volume-channel-online', '1');
    await expectText(page, 'fig-volume-channel-onsite', '1');
    await expectText(page, 'volume-table-total', '7');
    await expectText(page, 'volume-table-service-repair', '4');
    await expectText(page, 'volume-table-service-maintenance', '1');
    await expect
      .poll(() => page.locator('[data-testid="volume-table"] tbody tr.ant-table-row').count())
      .toBe(10);
    await expect.poll(() => page.locator('[data-testid="chart-volume-channel"] canvas').count()).toBe(1);
    await desk.stillShot(page, 'reports-04-volume');

    // Weekly points: the same totals.
    await page.getByTestId('period-bucket').click();
    await page.locator('.ant-select-item-option', { hasText: '按周' }).click();
    await expect.poll(() => page.url()).toContain('bucket=week');
    await expectText(page, 'volume-table-total', '7');

    await page.getByTestId('report-tab-turnaround').click();
    await expectText(page, 'fig-ta-readied', '4');
    await expectText(page, 'fig-ta-avg-ready', '3.3 小时');
    await expectText(page, 'fig-ta-median-ready', '3.0 小时');
    await expectText(page, 'fig-ta-on-time-rate', '100.0%');
    await expectText(page, 'fig-ta-delivered', '2');
    await expectText(page, 'fig-ta-avg-delivered', '7.5 小时');
    await expect
      .poll(() => page.locator('[data-testid="turnaround-tech-table"] tbody tr.ant-table-row').count())
      .toBe(2);
    await desk.stillShot(page, 'reports-05-turnaround');

    await page.getByTestId('report-tab-quality').click();
    await expectText(page, 'fig-q-received', '7');
    await expectText(page, 'fig-q-completed', '4');
    await expectText(page, 'fig-q-completion-rate', '57.1%');
    await expectText(page, 'fig-q-reworks', '1');
    await expectText(page, 'fig-q-rework-rate', '14.3%');
    await expectText(page, 'fig-q-delivered', '2');
    await expectText(page, 'fig-q-fixed-first', '1');
    await expectText(page, 'fig-q-first-fix-rate', '50.0%');
    await desk.stillShot(page, 'reports-06-quality');

    await page.getByTestId('report-tab-revenue').click();
    await expectText(page, 'fig-rev-billed', '¥590.00');
    await expectText(page, 'fig-rev-collected', '¥590.00');
    await expectText(page, 'fig-rev-labor', '¥190.00');
    await expectText(page, 'fig-rev-parts', '¥400.00');
    await expectText(page, 'fig-rev-settlements', '3');
    await expectText(page, 'revenue-method-cash', '¥480.00');
    await expectText(page, 'revenue-method-wechat', '¥30.00');
    await expectText(page, 'revenue-method-alipay', '¥80.00');
    await expectText(page, 'revenue-warranty-Apple', '¥150.00');
    await desk.stillShot(page, 'reports-07-revenue');

    await page.getByTestId('report-tab-technicians').click();
    await expectText(page, 'tech-completed-陈工', '2');
    await expectText(page, 'tech-labor-陈工', '¥160.00');
    await expectText(page, 'tech-completed-李工', '2');
    await expectText(page, 'tech-labor-李工', '¥30.00');
    await desk.stillShot(page, 'reports-08-technicians');

    await page.getByTestId('report-tab-parts').click();
    await expectText(page, 'parts-used-SCR-A', '1');
    await expectText(page, 'parts-used-BAT-A', '1');
    await expectText(page, 'fig-parts-stock-total', '¥640.00');
    await desk.stillShot(page, 'reports-09-parts');

    // 今日: only today's orders; a reload keeps the period and the tab.
    await page.getByTestId('report-tab-volume').click();
    await page.getByTestId('period-today').click();
    await expect.poll(() => page.url()).toContain('preset=today');
    await expectText(page, 'fig-volume-total', '4');
    await expectText(page, 'fig-volume-channel-phone', '0');
    await page.reload();
    await expectText(page, 'fig-volume-total', '4');
    await page.getByTestId('report-tab-turnaround').click();
    await expectText(page, 'fig-ta-readied', '1');
    await expectText(page, 'fig-ta-avg-ready', '2.0 小时');
    await expectText(page, 'fig-ta-delivered', '0');
    await expectText(page, 'fig-ta-avg-delivered', '—');
    await page.getByTestId('report-tab-revenue').click();
    await expectText(page, 'fig-rev-billed', '¥80.00');
    await expectText(page, 'revenue-method-alipay', '¥80.00');
    await expect.poll(() => page.getByTestId('revenue-method-cash').count()).toBe(0);

    // One past day picked as a custom range.
    await openReports(page, `tab=quality&preset=custom&from=${day(-2)}&to=${day(-2)}&bucket=day`);
    await expectText(page, 'fig-q-received', '1');
    await expectText(page, 'fig-q-delivered', '1');
    await expectText(page, 'fig-q-first-fix-rate', '100.0%');

    // In English: the same figures, every label translated.
    await page.getByTestId('lang-en-US').click();
    await openReports(page, `tab=revenue&preset=custom&from=${WIDE.from}&to=${WIDE.to}&bucket=day`);
    await expectText(page, 'fig-rev-billed', '¥590.00');
    await expect.poll(() => textOf(page, 'report-tab-revenue')).toBe('Revenue');
    await desk.stillShot(page, 'reports-10-revenue-en');
    await page.goto(`${desk.server.origin}/#/`);
    await expectText(page, 'dash-takings-today', '¥80.00');
    await desk.stillShot(page, 'reports-11-dashboard-en');
    await page.getByTestId('lang-zh-CN').click();
    await page.context().close();
  });

  it('exports a report that LibreOffice opens with the figures shown', async () => {
    const page = await desk.signedIn(MANAGER);
    await openReports(page, `tab=volume&preset=custom&from=${WIDE.from}&to=${WIDE.to}&bucket=day`);
    await expectText(page, 'fig-volume-total', '7');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-volume').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(ARTIFACTS, 'reports-volume.xlsx');
    await download.saveAs(file);
    const csv = xlsxToCsv(file);
    const lines = csv.split(/\r?\n/);
    // Every day of the period, then the totals: walk-in, phone, on-site, online; repair … return.
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.find((l) => l.startsWith(day(-2)))).toBe(`${day(-2)},1,0,1,0,0,1,0,0,0,0`);
    expect(lines.find((l) => l.startsWith('合计'))).toBe('合计,7,3,2,1,1,4,1,1,1,0');
    await page.context().close();
  });

  it('prints the business summary, the technician sheet and the warranty claims on A4', async () => {
    const page = await desk.signedIn(MANAGER);
    await openReports(page, `tab=volume&preset=custom&from=${WIDE.from}&to=${WIDE.to}&bucket=day`);
    await expectText(page, 'fig-volume-total', '7');
    await page.getByTestId('print-report-summary').click();
    await expect.poll(() => page.url()).toContain(`/print/report-summary/${WIDE.from}_${WIDE.to}_day`);
    const route = `report-summary/${WIDE.from}_${WIDE.to}_day`;
    const summary = await printToPdf(desk, page, route, 'reports-summary');
    expectSize(summary, A4);
    expect(summary.pages).toBeGreaterThanOrEqual(1);
    expect(summary.text).toContain('经营汇总');
    expect(summary.text).toContain('城东维修中心');
    expect(summary.text).toContain('¥590.00');
    expect(summary.text).toContain('57.1%');
    // The charts are drawn as SVG.
    expect(await page.locator('[data-testid="print-chart-volume"] svg path').count()).toBeGreaterThan(5);
    expect(await page.locator('[data-testid="print-chart-share"] svg path').count()).toBeGreaterThan(3);

    const techSheet = await printToPdf(
      desk,
      page,
      `report-technicians/${WIDE.from}_${WIDE.to}_day`,
      'reports-technicians',
    );
    expectSize(techSheet, A4);
    expect(techSheet.text).toContain('技术员绩效表');
    expect(techSheet.text).toContain('陈工');
    expect(techSheet.text).toContain('¥160.00');

    const warranty = await printToPdf(
      desk,
      page,
      `report-warranty/${WIDE.from}_${WIDE.to}_day`,
      'reports-warranty',
    );
    expectSize(warranty, { width: A4.height, height: A4.width });
    expect(warranty.text).toContain('三包索赔清单');
    expect(warranty.text).toContain('F9QX5678WXYZ');
    expect(warranty.text).toContain('¥150.00');

    // A long claim list flows over pages: the header on each, no row cut, the total at the end.
    const extra = 40;
    await at(0, 12, 30);
    await rpc(page, 'stock.post', {
      kind: 'receipt',
      supplierId: claim.supplierId,
      lines: [{ partId: claim.batteryId, qty: extra, unitCost: 6000 }],
    });
    for (let i = 0; i < extra; i += 1) {
      const order = await rpc(page, 'workOrders.create', {
        customerId: claim.customerId,
        deviceId: claim.deviceId,
        reportedFault: `电池续航差 ${i + 1}`,
      });
      await move(page, order.id, 'diagnosing', 'inRepair');
      await rpc(page, 'workOrders.addPart', {
        id: order.id,
        partId: claim.batteryId,
        qty: 1,
        coveredByWarranty: true,
      });
      await move(page, order.id, 'qc', 'ready');
      await rpc(page, 'settlements.create', { id: order.id });
    }
    // Leave the print route first: the same route again would keep the form on screen.
    await openReports(page, 'tab=revenue');
    const long = await printToPdf(
      desk,
      page,
      `report-warranty/${WIDE.from}_${WIDE.to}_day`,
      'reports-warranty-long',
    );
    expect(long.pages).toBeGreaterThanOrEqual(2);
    const pages = long.text.split('\f').filter((p) => p.trim().length > 0);
    expect(pages.length).toBe(long.pages);
    for (const text of pages.filter((p) => p.includes('JS-'))) expect(text).toContain('结算单号');
    expect(pages.at(-1)).toContain('审核');
    expect(long.text).toContain(`¥${((extra + 1) * 150).toLocaleString('en-US')}.00`);
    // Every line once: numbered 1 … 41 without a gap or a repeat across the break.
    const numbers = [...long.text.matchAll(/^\s*(\d+)\s+JS-/gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: extra + 1 }, (_, i) => i + 1));
    await page.context().close();
  });

  it('keeps the pickup wait in the counter settings', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.goto(`${desk.server.origin}/#/settings`);
    await page.getByTestId('settings-counter-form').waitFor({ state: 'attached' });
    const current = await rpc(page, 'settings.get', {});
    expect(current.counter.pickupWaitDays).toBe(7);
    await page.context().close();
  });

  it('left the console clean', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
