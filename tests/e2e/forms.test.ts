import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk, modalOpen } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

/**
 * Issue 11, item 4: what a new clerk typed and saw saved without a word, typed again into the real
 * forms. Each bad value stays as typed, is refused with a message on its field, and nothing is
 * written (checked through the API); then the right value saves.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const MANAGER = { username: 'zhaojl', displayName: '赵经理', password: 'manager-pass-2026' };

let desk: Desk;
let orderId = '';
let newCustomerId = '';

/** The message(s) under the form field holding this input. */
async function fieldError(page: Page, testId: string): Promise<string> {
  const item = page.locator('.ant-form-item', { has: page.getByTestId(testId) }).last();
  const error = item.locator('.ant-form-item-explain-error');
  await error.first().waitFor();
  return (await error.allTextContents()).join(' | ');
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  await rpc(page, 'suppliers.create', { name: '华强北电子' });
  await rpc(page, 'parts.create', { code: 'FILM-01', name: '钢化膜', costPrice: 300, salePrice: 2000 });
  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '13800138000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  orderId = (
    await rpc(page, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '屏幕碎裂',
      technicianId: techId,
    })
  ).id;
  newCustomerId = (await rpc(page, 'customers.create', { name: '李四', phones: [{ phone: '13900139000' }] }))
    .id;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('forms refuse what they cannot keep, and keep what was typed', () => {
  it('a part with cost -50 and sale price abc is refused on both fields; 50 and 129 save exactly', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/stock/parts`);
    const before = (await rpc(page, 'parts.list', {})).total;
    await page.getByTestId('parts-create').click();
    await modalOpen(page, 'part-form');
    await page.getByTestId('part-code').fill('LCD-IP13');
    await page.getByTestId('part-name').fill('iPhone 13 屏幕');
    await page.getByTestId('part-cost').fill('-50');
    await page.getByTestId('part-sale').fill('abc');
    await page.getByTestId('part-min').fill('1.5');
    await page.getByTestId('part-submit').click();
    expect(await fieldError(page, 'part-cost')).toBe('金额不能为负数');
    expect(await fieldError(page, 'part-sale')).toBe('请输入金额，如 12.50');
    expect(await fieldError(page, 'part-min')).toBe('请输入整数');
    // What was typed is still there: nothing zeroed or dropped.
    expect(await page.getByTestId('part-cost').inputValue()).toBe('-50');
    expect(await page.getByTestId('part-sale').inputValue()).toBe('abc');
    await desk.stillShot(page, 'forms-01-part-refused');
    expect((await rpc(page, 'parts.list', {})).total).toBe(before);

    await page.getByTestId('part-cost').fill('50');
    await page.getByTestId('part-sale').fill('129');
    await page.getByTestId('part-min').fill('2');
    await page.getByTestId('part-submit').click();
    await page.getByTestId('part-row-LCD-IP13').waitFor();
    const saved = (await rpc(page, 'parts.list', { search: 'LCD-IP13' })).rows[0];
    expect(saved).toMatchObject({ costPrice: 5000, salePrice: 12900, minStock: 2 });
    await page.context().close();
  });

  it('a manager corrects a part’s cost in its drawer: refused when negative, logged when right', async () => {
    const page = await desk.signedIn(MANAGER);
    await page.goto(`${desk.server.origin}/#/stock/parts`);
    await page.getByTestId('part-row-FILM-01').click();
    await page.getByTestId('part-detail').waitFor();
    await page.getByTestId('part-cost-adjust-open').click();
    await modalOpen(page, 'part-cost-adjust-form');
    await page.getByTestId('part-cost-adjust-cost').fill('-3');
    await page.getByTestId('part-cost-adjust-submit').click();
    expect(await fieldError(page, 'part-cost-adjust-cost')).toBe('金额不能为负数');
    expect(await fieldError(page, 'part-cost-adjust-reason')).toBe('请填写此项');
    const film = (await rpc(page, 'parts.list', { search: 'FILM-01' })).rows[0];
    expect(film?.costPrice).toBe(300);
    expect((await rpc(page, 'stock.list', { kind: 'costAdjustment' })).total).toBe(0);
    await desk.stillShot(page, 'forms-02-cost-adjust-refused');

    await page.getByTestId('part-cost-adjust-cost').fill('2.5');
    await page.getByTestId('part-cost-adjust-reason').fill('建档时成本录错');
    await page.getByTestId('part-cost-adjust-submit').click();
    await expect.poll(() => page.getByTestId('part-detail-cost').textContent()).toBe('¥2.50');
    const docs = await rpc(page, 'stock.list', { kind: 'costAdjustment' });
    expect(docs.total).toBe(1);
    await page.getByTestId(`movement-doc-${docs.rows[0]?.docNo ?? ''}`).waitFor();
    await desk.stillShot(page, 'forms-03-cost-adjusted');
    expect((await rpc(page, 'parts.list', { search: 'FILM-01' })).rows[0]?.costPrice).toBe(250);
    await page.context().close();
  });

  it('labor of -80 is refused on the amount; 80 saves', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-charge-add').click();
    await modalOpen(page, 'wo-charge-form');
    await page.getByTestId('wo-charge-item').click();
    await expect.poll(() => page.locator('.ant-select-dropdown[class*="ant-slide-"]').count()).toBe(0);
    await page.locator('.ant-select-item-option', { hasText: '维修工时' }).first().click();
    await page.getByTestId('wo-charge-amount').fill('-80');
    await page.getByTestId('wo-charge-hours').fill('150');
    await page.getByTestId('wo-charge-submit').click();
    expect(await fieldError(page, 'wo-charge-amount')).toBe('金额不能为负数');
    expect(await fieldError(page, 'wo-charge-hours')).toBe('请输入 0 到 100 之间的数');
    await desk.stillShot(page, 'forms-04-labor-refused');
    expect((await rpc(page, 'workOrders.get', { id: orderId })).charges).toEqual([]);

    await page.getByTestId('wo-charge-amount').fill('80');
    await page.getByTestId('wo-charge-hours').fill('1');
    await page.getByTestId('wo-charge-submit').click();
    await page.getByTestId('wo-charge-row-WX').waitFor();
    const charges = (await rpc(page, 'workOrders.get', { id: orderId })).charges;
    expect(charges.map((c) => [c.amount, c.hours])).toEqual([[8000, 1]]);
    await page.context().close();
  });

  it('intake: a device needs a brand, model or serial; an estimate of -200 and a 3,000-character fault are refused', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/intake?customerId=${newCustomerId}`);
    await page.getByTestId('intake-device-form').waitFor();
    await page.getByTestId('intake-device-submit').click();
    for (const field of ['device-brand', 'device-model', 'device-serial']) {
      expect(await fieldError(page, field)).toBe('品牌、型号、序列号至少填一项');
    }
    await desk.stillShot(page, 'forms-05-device-refused');
    expect((await rpc(page, 'customers.get', { id: newCustomerId })).devices).toEqual([]);
    await page.getByTestId('device-brand').fill('华为');
    await page.getByTestId('intake-device-submit').click();

    await page.getByTestId('intake-order-form').waitFor();
    const fault = '屏幕碎裂，触摸失灵。'.repeat(300);
    await page.getByTestId('intake-fault').fill(fault);
    await page.getByTestId('intake-estimate').fill('-200');
    await page.getByTestId('intake-save').click();
    expect(await fieldError(page, 'intake-estimate')).toBe('金额不能为负数');
    expect(await fieldError(page, 'intake-fault')).toBe('最多 1000 个字符');
    // The counter shows the length against the limit; the text is not cut.
    await page.getByText('3000 / 1000').waitFor();
    expect(await page.getByTestId('intake-fault').inputValue()).toHaveLength(3000);
    await desk.stillShot(page, 'forms-06-intake-refused');
    expect((await rpc(page, 'workOrders.list', { customerId: newCustomerId })).total).toBe(0);

    await page.getByTestId('intake-fault').fill(fault.slice(0, 1000));
    await page.getByTestId('intake-estimate').fill('200');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-created').waitFor();
    const orders = await rpc(page, 'workOrders.list', { customerId: newCustomerId });
    expect(orders.total).toBe(1);
    const order = await rpc(page, 'workOrders.get', { id: orders.rows[0]?.id ?? '' });
    expect(order.estimate).toBe(20000);
    expect(order.reportedFault).toBe(fault.slice(0, 1000));
    await page.context().close();
  });

  it('a receipt of 99999999999 is refused on its line and kept as typed; 3 posts', async () => {
    const page = await desk.signedIn(CLERK);
    const documents = (await rpc(page, 'stock.list', {})).total;
    await page.goto(`${desk.server.origin}/#/stock/documents/new/receipt`);
    await page.getByTestId('doc-editor').waitFor();
    await page.getByTestId('doc-supplier').click();
    await page.keyboard.type('华强北');
    await page.locator('.ant-select-item-option', { hasText: '华强北电子' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('doc-picker-search').fill('FILM-01');
    await page.getByTestId('doc-picker-search').press('Enter');
    await page.getByTestId('line-FILM-01').waitFor();
    await page.getByTestId('line-qty-FILM-01').fill('99999999999');
    await page.getByTestId('doc-post').click();
    await expect
      .poll(() => page.getByTestId('line-error-FILM-01').textContent())
      .toBe('请输入 1 到 1,000,000 之间的整数');
    expect(await page.getByTestId('line-qty-FILM-01').inputValue()).toBe('99999999999');
    await desk.stillShot(page, 'forms-07-receipt-refused');
    expect((await rpc(page, 'stock.list', {})).total).toBe(documents);
    expect((await rpc(page, 'parts.list', { search: 'FILM-01' })).rows[0]?.onHand).toBe(0);

    // A unit cost that is not an amount is said under the cost, not under the quantity.
    await page.getByTestId('line-qty-FILM-01').fill('3');
    await page.getByTestId('line-cost-FILM-01').fill('abc');
    await page.getByTestId('doc-post').click();
    await expect
      .poll(() => page.getByTestId('line-error-FILM-01').textContent())
      .toBe('请输入金额，如 12.50');
    const costCell = page.locator('td', { has: page.getByTestId('line-cost-FILM-01') });
    expect(await costCell.getByTestId('line-error-FILM-01').count()).toBe(1);
    expect((await rpc(page, 'stock.list', {})).total).toBe(documents);

    await page.getByTestId('line-cost-FILM-01').fill('2.5');
    await page.getByTestId('doc-post').click();
    await page.getByTestId('doc-posted').waitFor();
    expect((await rpc(page, 'parts.list', { search: 'FILM-01' })).rows[0]?.onHand).toBe(3);
    await page.context().close();
  });

  it('a supplier phone abcdefg and 1,001 characters of notes are refused; a real number saves', async () => {
    const page = await desk.signedIn(CLERK);
    const before = (await rpc(page, 'suppliers.list', {})).length;
    await page.goto(`${desk.server.origin}/#/stock/suppliers`);
    await page.getByTestId('suppliers-create').click();
    await modalOpen(page, 'supplier-form');
    await page.getByTestId('supplier-name').fill('深圳电子');
    await page.getByTestId('supplier-phone').fill('abcdefg');
    await page.getByTestId('supplier-notes').fill('备'.repeat(1001));
    await page.getByTestId('supplier-submit').click();
    expect(await fieldError(page, 'supplier-phone')).toBe('请输入 3–20 位数字（可含空格或横线）');
    expect(await fieldError(page, 'supplier-notes')).toBe('最多 1000 个字符');
    await page.getByText('1001 / 1000').waitFor();
    await desk.stillShot(page, 'forms-08-supplier-refused');
    expect((await rpc(page, 'suppliers.list', {})).length).toBe(before);

    await page.getByTestId('supplier-phone').fill('0755-8888 1234');
    await page.getByTestId('supplier-notes').fill('备'.repeat(1000));
    await page.getByTestId('supplier-submit').click();
    await page.getByTestId('supplier-row-深圳电子').waitFor();
    const saved = (await rpc(page, 'suppliers.list', {})).find((s) => s.name === '深圳电子');
    expect(saved).toMatchObject({ phone: '075588881234' });
    expect(saved?.notes).toHaveLength(1000);
    await page.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
