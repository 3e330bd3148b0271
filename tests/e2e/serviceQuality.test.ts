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
import { setUpShop } from './seed';
import { handBuiltMonth, QualityRows } from '../unit/qualityFixtures';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'quality-admin-2026' };
const MANAGER = { username: 'zhoujl', displayName: '周经理', password: 'manager-pass-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: 'A 陈工', password: 'tech-pass-2026' };
const TECH2 = { username: 'ligong', displayName: 'B 李工', password: 'tech2-pass-2026' };

/**
 * The hand-built month of the unit tests (tests/unit/serviceQuality.test.ts: the table and the
 * right answers) laid over the 30 days that end today (day 1 = today − 29), written straight into
 * the tables, with one order on hold whose call-back time (today 09:00) has come. The clock stands
 * at today 10:00.
 */
const TODAY = dayjs(startTime()).startOf('day');
const day = (d: number, hour: number, minute = 0) =>
  TODAY.add(d - 30, 'day')
    .hour(hour)
    .minute(minute)
    .valueOf();
const PERIOD = { from: TODAY.add(-29, 'day').format('YYYY-MM-DD'), to: TODAY.format('YYYY-MM-DD') };
const QUERY = `tab=serviceQuality&preset=custom&from=${PERIOD.from}&to=${PERIOD.to}&bucket=day`;

let desk: Desk;

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

async function expectText(page: Page, testId: string, expected: string): Promise<void> {
  await expect.poll(() => textOf(page, testId), { message: testId }).toBe(expected);
}

async function openReports(page: Page, query: string): Promise<void> {
  await page.goto(`${desk.server.origin}/#/reports?${query}`);
  await page.getByTestId('report-period').waitFor();
}

/** The first sheet of an .xlsx as CSV, through LibreOffice (as a person opening it would see it). */
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

beforeAll(async () => {
  desk = await startDesk();
  await desk.clock.set(day(-40, 9));
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const tech2Id = (await rpc(page, 'users.create', { ...TECH2, role: 'technician' })).id;
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  const adminId = (await rpc(page, 'auth.state', {})).user?.id ?? '';
  const rows = new QualityRows(desk.core.deps.db, day(-40, 9), adminId);
  handBuiltMonth(rows, day, techId, tech2Id);
  const phone = rows.device('手机', '小米');
  rows.order({
    deviceId: phone,
    technicianId: techId,
    createdAt: day(-20, 10),
    diagnosedH: 2,
    recallAt: day(30, 9),
  });
  await page.context().close();
  await desk.clock.set(day(30, 10));
}, 120_000);
afterAll(() => desk?.close());

describe('服务质量', () => {
  it('shows the service-quality tab with its figures, charts and tables', async () => {
    const page = await desk.signedIn(MANAGER);
    await openReports(page, QUERY);
    await expectText(page, 'fig-sq-received', '7');
    await expectText(page, 'fig-sq-first-response', '3.2 小时');
    await expectText(page, 'fig-sq-turnaround', '34.0 小时');
    await expectText(page, 'fig-sq-on-time', '75.0%');
    await expectText(page, 'fig-sq-fix-rate', '40.0%');
    await expectText(page, 'fig-sq-rework-rate', '14.3%');
    await expectText(page, 'fig-sq-follow-up-rate', '80.0%');
    await expectText(page, 'fig-sq-reach-rate', '50.0%');
    await expectText(page, 'fig-sq-satisfaction', '4.0');
    await expectText(page, 'fig-sq-satisfaction-good', '71.4%');
    await expectText(page, 'fig-sq-complaints', '4');
    await expectText(page, 'fig-sq-complaints-per-100', '57.1');
    await expectText(page, 'fig-sq-complaint-resolution', '40.0 小时');
    await expectText(page, 'fig-sq-resolved-in-time', '33.3%');
    await expect.poll(() => textOf(page, 'sq-outcomes')).toContain('已修复 2');
    await expect
      .poll(() => page.locator('[data-testid="sq-technician-table"] tbody tr.ant-table-row').count())
      .toBe(3);
    for (const chart of [
      'chart-sq-service-type',
      'chart-sq-technician',
      'chart-sq-outcomes',
      'chart-sq-satisfaction',
    ]) {
      await expect
        .poll(() => page.locator(`[data-testid="${chart}"] canvas`).count(), { message: chart })
        .toBe(1);
    }
    await desk.stillShot(page, 'service-quality-01-tab');

    await page.getByTestId('report-tab-byCategory').click();
    await expectText(page, 'cat-received-手机', '4');
    await expectText(page, 'cat-fix-手机', '66.7%');
    await expectText(page, 'cat-fix-笔记本', '0.0%');
    await expectText(page, 'brand-fix-Apple', '50.0%');
    await expect.poll(() => page.locator('[data-testid="chart-by-category"] canvas').count()).toBe(1);
    await desk.stillShot(page, 'service-quality-02-by-category');
    await page.context().close();
  });

  it('exports the service-quality report to .xlsx', async () => {
    const page = await desk.signedIn(MANAGER);
    await openReports(page, QUERY);
    await expectText(page, 'fig-sq-received', '7');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-serviceQuality').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^服务质量-.*\.xlsx$/);
    const file = join(ARTIFACTS, 'service-quality.xlsx');
    await download.saveAs(file);
    const lines = xlsxToCsv(file).split(/\r?\n/);
    // By service type, then the shop: received, …, readied, …, the outcome split.
    const shop = lines.find((l) => l.startsWith('全部,'))?.split(',');
    expect(shop?.[1]).toBe('7');
    expect(shop?.[3]).toBe('4');
    expect(shop?.slice(6, 11)).toEqual(['2', '1', '1', '1', '2']);
    expect(lines[0]).toContain('修复率');
    await page.context().close();
  });

  it('prints 服务质量报告 on A4, one page per section, charts drawn, Chinese rendered', async () => {
    const page = await desk.signedIn(MANAGER);
    await openReports(page, QUERY);
    await page.getByTestId('print-report-service-quality').click();
    const route = `report-service-quality/${PERIOD.from}_${PERIOD.to}_day`;
    await expect.poll(() => page.url()).toContain(`/print/${route}`);
    const pdf = await printToPdf(desk, page, route, 'service-quality-report');
    expectSize(pdf, A4);
    expect(pdf.pages).toBe(4);
    const pages = pdf.text.split('\f').filter((p) => p.trim().length > 0);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toContain('服务质量报告');
    expect(pages[0]).toContain('城东维修中心');
    expect(pages[0]).toContain('主要指标');
    expect(pages[0]).toContain('40.0%');
    expect(pages[1]).toContain('按服务类型');
    expect(pages[2]).toContain('按技术员');
    expect(pages[2]).toContain('A 陈工');
    expect(pages[3]).toContain('按设备品类');
    expect(pages[3]).toContain('笔记本');
    expect(pdf.pngs).toHaveLength(4);
    for (const chart of ['outcomes', 'satisfaction', 'byServiceType', 'byTechnician', 'byCategory']) {
      expect(
        await page.locator(`[data-testid="print-chart-sq-${chart}"] svg path`).count(),
        chart,
      ).toBeGreaterThan(2);
    }
    await page.context().close();
  });

  it("shows the manager the overdue complaint and the clerk the overdue follow-up and the held order's recall", async () => {
    const manager = await desk.signedIn(MANAGER);
    // C3 (no order, still 已受理) is past its first-response deadline; C1 C2 closed, C4 withdrawn.
    await expectText(manager, 'dash-complaints-overdue', '1');
    await expect.poll(() => textOf(manager, 'dash-complaint-late')).toContain('未首次响应');
    await desk.stillShot(manager, 'service-quality-03-dashboard-manager');
    await manager.context().close();

    const clerk = await desk.signedIn(CLERK);
    await expectText(clerk, 'dash-follow-ups-overdue', '1');
    await expectText(clerk, 'dash-follow-ups-today', '0');
    await expectText(clerk, 'dash-recall-due', '1');
    await expect.poll(() => clerk.getByTestId('dash-recall-orders-order').count()).toBe(1);
    await expect(clerk.getByTestId('dash-quality').count()).resolves.toBe(0);
    await desk.stillShot(clerk, 'service-quality-04-dashboard-clerk');
    await clerk.context().close();
  });
});
