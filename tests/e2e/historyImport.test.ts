import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HISTORY_COLUMNS } from '../../src/main/services/history/columns';
import type { Row } from '../unit/historyFixtures';
import { ARTIFACTS, startDesk, type Desk } from './fixture';
import { setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };

let desk: Desk;

/** A history workbook as a shop keeps it in Excel, with the template's Chinese headers. */
async function workbook(name: string, rows: Row[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('维修记录');
  sheet.addRow(HISTORY_COLUMNS.map((c) => c.zh));
  for (const r of rows) sheet.addRow(HISTORY_COLUMNS.map((c) => r[c.key] ?? null));
  const file = join(ARTIFACTS, name);
  await book.xlsx.writeFile(file);
  return file;
}

const ROWS: Row[] = [
  {
    sourceNo: 'A-1001',
    customerName: '陈女士',
    customerPhone: '13512345678',
    category: '手机',
    brand: 'Apple',
    model: 'iPhone 12',
    serialNo: '356789012345678',
    receivedAt: '2021-03-05 10:20',
    deliveredAt: '2021-03-07 16:00',
    outcome: '已修复',
    technician: '李工',
    reportedFault: '屏幕碎裂',
    laborAmount: '80',
    partsAmount: '420',
    paidAmount: '500',
    paymentMethod: '微信',
    paidAt: '2021-03-07 16:00',
  },
  {
    sourceNo: 'A-1002',
    customerName: '陈女士',
    customerPhone: '13512345678',
    category: '电脑',
    brand: '联想',
    receivedAt: '2021-03-12 09:00',
    deliveredAt: '2021-03-15 11:30',
    outcome: '无法修复',
    technician: '老张',
    reportedFault: '不开机',
  },
  {
    sourceNo: 'A-1003',
    customerName: '刘先生',
    customerPhone: '13698765432',
    category: '平板',
    receivedAt: '2021-13-01',
    deliveredAt: '2021-04-02',
    outcome: '已修复',
    reportedFault: '充不进电',
    laborAmount: '60',
    paidAmount: '60',
    paymentMethod: '现金',
    paidAt: '2021-04-02',
  },
];

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await page.context().close();
}, 120_000);

afterAll(async () => {
  await desk?.close();
});

async function chooseFile(page: Page, file: string): Promise<void> {
  await page.locator('[data-testid="history-page"] input[type="file"]').setInputFiles(file);
  await page.getByTestId('history-read').waitFor();
}

describe('work-order history import', () => {
  it('checks a workbook, takes the fixed file, imports it on its historic dates, and undoes it', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-historyImport').click();
    await page.getByTestId('history-page').waitFor();

    // 1. The file with a wrong date: the check refuses row 4 by its cell and writes nothing.
    await chooseFile(page, await workbook('history-import-bad.xlsx', ROWS));
    expect(await page.getByTestId('history-read').textContent()).toContain('3');
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-has-errors').waitFor();
    const errors = page.getByTestId('history-errors');
    expect(await errors.locator('tbody tr').count()).toBe(1);
    const error = (await errors.locator('tbody tr').first().textContent()) ?? '';
    expect(error).toContain('4');
    expect(error).toContain('接机时间');
    expect(error).toContain('2021-13-01');
    expect(await page.getByTestId('history-commit').isDisabled()).toBe(true);
    await desk.stillShot(page, 'history-import-refused');

    // 2. The row fixed in the file, chosen again; its category is the old system's word "Tablet",
    // refused until it is mapped to the shop's 平板. Then every row passes; the unknown technician is
    // kept as text.
    const fixed = ROWS.map((r) =>
      r.sourceNo === 'A-1003' ? { ...r, receivedAt: '2021-04-01 14:00', category: 'Tablet' } : r,
    );
    await chooseFile(page, await workbook('history-import-fixed.xlsx', fixed));
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-has-errors').waitFor();
    const refused = (await errors.locator('tbody tr').first().textContent()) ?? '';
    expect(refused).toContain('设备类别');
    expect(refused).toContain('Tablet');
    await page.getByTestId('history-category-word').fill('Tablet');
    await page.getByTestId('history-category-word-target').click();
    await page.locator('.ant-select-item-option[title="平板"]').click();
    await page.getByTestId('history-category-word-add').click();
    await expect
      .poll(() => page.getByTestId('history-category-words').textContent())
      .toContain('Tablet → 平板');
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-ready').waitFor();
    const rows = await page.getByTestId('history-rows').locator('tbody').textContent();
    expect(rows).toContain('保留为文字');
    await page.getByTestId('history-commit').click();
    await page.getByTestId('history-committed').waitFor();
    const past = page.getByTestId('history-imports');
    await past.getByText('history-import-fixed.xlsx').waitFor();
    await desk.stillShot(page, 'history-import-done');

    // 3. The orders on their historic dates: the list, and the reports for 2021.
    await page.getByTestId('nav-workOrders').click();
    const first = page.getByTestId('wo-row-BJ01-20210305-0001');
    await first.waitFor();
    expect(await first.textContent()).toContain('2021-03-05 10:20');
    await page.getByTestId('wo-row-BJ01-20210401-0001').waitFor();
    await desk.stillShot(page, 'history-import-orders');

    await page.goto(
      `${desk.server.origin}/#/reports?tab=byCategory&preset=custom&from=2021-01-01&to=2021-12-31&bucket=month`,
    );
    await page.getByTestId('cat-received-手机').waitFor();
    expect(await page.getByTestId('cat-received-手机').textContent()).toBe('1');
    expect(await page.getByTestId('cat-received-电脑').textContent()).toBe('1');
    expect(await page.getByTestId('cat-fix-手机').textContent()).toContain('100');
    await desk.stillShot(page, 'history-import-reports');

    // 4. Undo the whole import (admin, before the next day close): the orders are gone.
    await page.goto(`${desk.server.origin}/#/history-import`);
    await page.getByTestId('history-undo-history-import-fixed.xlsx').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByTestId('history-imports').getByText('已撤销').waitFor();
    await page.getByTestId('nav-workOrders').click();
    await page.getByTestId('wo-table').waitFor();
    await expect.poll(() => page.getByTestId('wo-row-BJ01-20210305-0001').count()).toBe(0);
    await page.context().close();
  }, 180_000);
});
