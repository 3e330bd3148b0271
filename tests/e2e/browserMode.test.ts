/** Browser mode at its edges: a workbook of several MB through the real import dialog, and what a locked account shows at the sign-in page. */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_XLSX_BYTES } from '@shared/schemas/excel';
import { ARTIFACTS, rpc, startDesk, type Desk } from './fixture';
import { setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };

const ROWS = 4000;
const MIN_BYTES = 5 * 1024 * 1024;

/** A small seeded generator (mulberry32): the same workbook on every run. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Chinese text that does not compress away, as long notes written over years do not. */
function text(next: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += String.fromCharCode(0x4e00 + Math.floor(next() * 4096));
  return out;
}

interface Row {
  name: string;
  phone: string;
  address: string;
  notes: string;
}

/** A shop's customer list of 4,000 people with full addresses (200 characters) and long notes. */
async function writeWorkbook(file: string): Promise<Row[]> {
  const next = generator(11);
  const rows: Row[] = Array.from({ length: ROWS }, (_, i) => ({
    name: `客户${String(i + 1).padStart(4, '0')}`,
    phone: `139${String(10_000_000 + i)}`,
    address: text(next, 200),
    notes: text(next, 700),
  }));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('客户');
  sheet.addRow(['姓名', '电话', '地址', '备注']);
  for (const row of rows) sheet.addRow([row.name, row.phone, row.address, row.notes]);
  await workbook.xlsx.writeFile(file);
  return rows;
}

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

describe('a large Excel import through browser mode', () => {
  it('a clerk imports a workbook over 5 MB through the customers page; every row lands as written', async () => {
    const file = join(ARTIFACTS, 'big-import-customers.xlsx');
    const rows = await writeWorkbook(file);
    const size = statSync(file).size;
    console.info(`big import: ${ROWS} rows, ${(size / 1024 / 1024).toFixed(2)} MB workbook`);
    expect(size).toBeGreaterThanOrEqual(MIN_BYTES);
    expect(size).toBeLessThanOrEqual(MAX_XLSX_BYTES);

    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-import').click();
    await page.getByTestId('customers-import-dialog').waitFor();
    await page.getByTestId('customers-import-dialog').locator('input[type="file"]').setInputFiles(file);

    // The check (a dry run) goes up as one request of the whole file, about 4/3 of its size.
    const ready = page.getByTestId('customers-import-ready');
    await ready.waitFor({ timeout: 90_000 });
    expect(await ready.textContent()).toContain(String(ROWS));
    expect(await page.getByTestId('customers-import-problem').count()).toBe(0);
    await desk.stillShot(page, 'big-import-01-checked');

    await page.getByTestId('customers-import-commit').click();
    await page.getByTestId('customers-import-dialog').waitFor({ state: 'detached', timeout: 90_000 });
    await desk.stillShot(page, 'big-import-02-done');

    expect((await rpc(page, 'customers.list', { pageSize: 1 })).total).toBe(ROWS);
    for (const row of [rows[0], rows[1999], rows[ROWS - 1]]) {
      if (!row) throw new Error('missing sample row');
      const found = (await rpc(page, 'customers.list', { q: row.name })).rows;
      expect(found).toHaveLength(1);
      const detail = await rpc(page, 'customers.get', { id: found[0]?.id ?? '' });
      expect(detail.customer).toMatchObject({
        name: row.name,
        address: row.address,
        notes: row.notes,
        phones: [{ phone: row.phone, label: '' }],
      });
    }
    expect(desk.consoleProblems).toEqual([]);
    await page.context().close();
  });
});

/** Type into the real sign-in form and return what it says. */
async function refusedSignIn(page: Page, username: string, password: string): Promise<string> {
  const form = page.getByTestId('signin-form');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(password);
  await page.getByTestId('signin-submit').click();
  // The alert may still show the previous refusal: the cleared password field marks this one's answer.
  await expect.poll(() => form.getByLabel('密码').inputValue()).toBe('');
  await page.getByTestId('signin-error').waitFor();
  return (await page.getByTestId('signin-error').textContent()) ?? '';
}

describe('a locked account at the sign-in page', () => {
  it('looks exactly like an unknown user to whoever types; only the admin sees the lock', async () => {
    const page = await desk.open();
    await page.getByTestId('signin-form').waitFor();
    const unknown = await refusedSignIn(page, 'nobody-here', 'whatever-123');
    expect(unknown).toMatch(/用户名或密码错误/);
    for (let i = 1; i <= 5; i++) {
      expect(await refusedSignIn(page, CLERK.username, `wrong-guess-${i}`)).toBe(unknown);
    }
    // Locked now: even the right password gets the same words, and nothing says "locked".
    const locked = await refusedSignIn(page, CLERK.username, CLERK.password);
    expect(locked).toBe(unknown);
    expect(await page.getByTestId('signin-form').textContent()).not.toMatch(/锁定至|已锁定/);
    await desk.stillShot(page, 'browser-mode-01-locked-sign-in');
    await page.context().close();

    const admin = await desk.signedIn(ADMIN);
    await admin.getByTestId('nav-users').click();
    const row = admin.getByTestId(`user-row-${CLERK.username}`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/已锁定至/);
    await desk.stillShot(admin, 'browser-mode-02-users-lock');
    await admin.context().close();
  });
});
