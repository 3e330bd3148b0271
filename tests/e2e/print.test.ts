import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, printToPdf, type PdfFacts } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const PASSWORD = '1-5-9-6-3';
const TERMS =
  '1. 请凭本单取机，遗失请携带身份证件办理。\n2. 设备内数据请自行备份，维修过程中数据丢失本店不承担责任。\n3. 维修完成通知后 90 天未取机的，本店按相关规定处理。\n4. 非本店维修造成的损坏不在保修范围内。';

/** PDF points: A5 landscape, 80 mm receipt width. */
const A5L = { width: 595.28, height: 419.53 };
const RECEIPT_WIDTH = (80 / 25.4) * 72;

let desk: Desk;
let orderId = '';
let orderNo = '';

/** A form of the order printed to PDF; every form carries the order number as a barcode. */
async function printForm(page: Page, form: string, id: string, name: string): Promise<PdfFacts> {
  const facts = await printToPdf(desk, page, `${form}/${id}`, name);
  expect(await page.locator('.pf-root img.print-barcode').count()).toBeGreaterThan(0);
  return facts;
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const logo = `data:image/png;base64,${readFileSync(join(import.meta.dirname, '../../resources/icon.png')).toString('base64')}`;
  const current = await rpc(page, 'settings.get', {});
  await rpc(page, 'settings.update', {
    shop: { ...current.shop, address: '北京市朝阳区东大街 18 号', phone: '010-8888 6666', logo },
    counter: { ...current.counter, intakeCopies: 2, terms: TERMS },
  });

  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '138 0013 8000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 15 Pro', serialNo: '356789012345678' },
  );
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕碎裂，触摸部分失灵；偶尔自动重启。',
    accessories: ['charger', 'cable', 'simTray'],
    accessoriesNote: '蓝色保护套',
    condition: '背壳轻微划痕，边框右下角磕碰。',
    devicePassword: PASSWORD,
    technicianId: techId,
    estimate: 45_000,
  });
  orderId = order.id;
  orderNo = order.orderNo;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('printed forms: one page per copy, the right paper, Chinese rendered', () => {
  it('intake receipt on A5 landscape: two copies are exactly two pages, and `intake` is the same form', async () => {
    const page = await desk.signedIn(ADMIN);
    const facts = await printForm(page, 'intake-a5', orderId, 'print-intake-a5');
    expect(facts.pages).toBe(2);
    expectSize(facts, A5L);
    expect(facts.pngs).toHaveLength(2);
    for (const words of ['接机单', '客户联', '存根联', '城东维修中心', '张三', '13800138000', orderNo]) {
      expect(facts.text).toContain(words);
    }
    expect(facts.text).toMatch(/保内|保外/);
    expect(facts.text).toContain('¥450.00');
    expect(facts.text).toContain('请凭本单取机');
    expect(facts.text).toContain('客户签字');
    // The device password is for the bench, never on the customer's receipt.
    expect(facts.text).not.toContain(PASSWORD);

    const alias = await printForm(page, 'intake', orderId, 'print-intake');
    expect(alias.pages).toBe(2);
    expectSize(alias, A5L);
    await page.context().close();
  });

  it('intake receipt on A4: both copies share one page with a cut line', async () => {
    const page = await desk.signedIn(ADMIN);
    const facts = await printForm(page, 'intake-a4', orderId, 'print-intake-a4');
    expect(facts.pages).toBe(1);
    expectSize(facts, A4);
    expect(facts.text).toContain('客户联');
    expect(facts.text).toContain('存根联');
    expect(facts.text).toContain('沿此线剪开');
    await page.context().close();
  });

  it('claim ticket on 80 mm paper: one page, the name and phone masked', async () => {
    const page = await desk.signedIn(CLERK);
    const facts = await printForm(page, 'claim', orderId, 'print-claim');
    expect(facts.pages).toBe(1);
    expect(Math.abs(facts.width - RECEIPT_WIDTH)).toBeLessThanOrEqual(1);
    expect(facts.height).toBeGreaterThan(150);
    expect(facts.height).toBeLessThan(600);
    for (const words of ['取机凭条', '城东维修中心', orderNo, '张*', '****8000', 'iPhone 15 Pro']) {
      expect(facts.text).toContain(words);
    }
    expect(facts.text).not.toContain('13800138000');
    expect(facts.text).not.toContain('张三');
    await page.context().close();
  });

  it('job sheet on A4: one page; the password only for a role that may see it', async () => {
    const tech = await desk.signedIn(TECH);
    const facts = await printForm(tech, 'jobsheet', orderId, 'print-jobsheet');
    expect(facts.pages).toBe(1);
    expectSize(facts, A4);
    for (const words of ['派工单', orderNo, '李工', '张三', '13800138000', '356789012345678', PASSWORD]) {
      expect(facts.text).toContain(words);
    }
    for (const words of ['检测结果', '更换配件', '维修内容', '质检', '技术员签字']) {
      expect(facts.text).toContain(words);
    }
    await tech.context().close();

    // A clerk may not see the password, so the sheet printed at the counter does not carry it.
    const clerk = await desk.signedIn(CLERK);
    const counter = await printForm(clerk, 'jobsheet', orderId, 'print-jobsheet-clerk');
    expect(counter.pages).toBe(1);
    expect(counter.text).not.toContain(PASSWORD);
    await clerk.context().close();
  });

  it('one copy is one A5 page; the forms follow the UI language', async () => {
    const page = await desk.signedIn(ADMIN);
    const current = await rpc(page, 'settings.get', {});
    await rpc(page, 'settings.update', { counter: { ...current.counter, intakeCopies: 1 } });
    const one = await printForm(page, 'intake-a5', orderId, 'print-intake-a5-one-copy');
    expect(one.pages).toBe(1);
    expectSize(one, A5L);
    expect(one.text).toContain('客户联');
    expect(one.text).not.toContain('存根联');

    await page.evaluate(() => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('desk.lang', 'en-US');
    });
    await page.reload();
    const english = await printForm(page, 'claim', orderId, 'print-claim-en');
    expect(english.pages).toBe(1);
    expect(english.text).toContain('Claim Ticket');
    expect(english.text).toContain(orderNo);
    await rpc(page, 'settings.update', { counter: { ...current.counter, intakeCopies: 2 } });
    await page.context().close();
  });

  it('an unknown order shows a clear message instead of a blank form', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.goto(`${desk.server.origin}/#/print/claim/01900000-0000-7000-8000-000000000000`);
    await expect.poll(() => page.getByTestId('print-error').textContent()).toContain('无法读取工单');
    await page.context().close();
  });
});
