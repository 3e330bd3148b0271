import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, rpc, startDesk, type Desk } from './fixture';
import { setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'import-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

async function workbook(file: string, rows: ExcelJS.CellValue[][]): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('客户').addRows([['姓名', '电话', '公司', '建档时间'], ...rows]);
  await book.xlsx.writeFile(file);
}

describe('a customer import that updates existing customers (issue 17)', () => {
  it('skips by default, lists old → new when set to update, and keeps the file’s created date', async () => {
    const page = await desk.signedIn(CLERK);
    const old = await rpc(page, 'customers.create', {
      name: '老王',
      phones: [{ phone: '13800138000' }],
      company: '老王修车',
    });
    const file = join(ARTIFACTS, 'import-updates-customers.xlsx');
    await workbook(file, [
      ['王建国', '13800138000', '建国汽修', '2019-03-08'],
      ['新客户', '13900139000', '', '2021-06-01 09:30'],
    ]);

    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-import').click();
    const dialog = page.getByTestId('customers-import-dialog');
    await dialog.waitFor();
    await dialog.locator('input[type="file"]').setInputFiles(file);
    // Skip is the default for customers: the known phone's row is listed as skipped.
    await page.getByTestId('customers-import-ready').waitFor();
    await expect
      .poll(() => page.getByTestId('customers-import-ready').textContent())
      .toContain('1 行对应已有记录');
    await expect.poll(() => page.getByTestId('customers-import-changes').textContent()).toContain('跳过');

    // Update: the check runs again and lists the fields that would change.
    await page.getByTestId('customers-import-existing-update').click();
    const changes = page.getByTestId('customers-import-changes');
    await expect.poll(() => changes.textContent()).toContain('王建国');
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain(old.code);
    expect(text).toContain('老王修车');
    expect(text).toContain('建国汽修');
    expect(text).toContain('2019-03-08');
    await desk.stillShot(page, 'import-updates-01-changes');
    // The check wrote nothing.
    expect((await rpc(page, 'customers.get', { id: old.id })).customer.name).toBe('老王');

    await page.getByTestId('customers-import-commit').click();
    await dialog.waitFor({ state: 'detached' });
    const after = (await rpc(page, 'customers.get', { id: old.id })).customer;
    expect(after).toMatchObject({
      name: '王建国',
      company: '建国汽修',
      createdAt: new Date(2019, 2, 8).getTime(),
    });
    const added = (await rpc(page, 'customers.list', { q: '新客户' })).rows[0];
    expect(added?.createdAt).toBe(new Date(2021, 5, 1, 9, 30).getTime());
    await page.context().close();
  });
});
