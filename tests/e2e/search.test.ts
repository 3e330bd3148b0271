import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'search-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };

let desk: Desk;
/** Device and order ids by a short name used below. */
const devices: Record<string, string> = {};
const orders: Record<string, { id: string; orderNo: string }> = {};

/** The data-testids of the search panel's rows, in the order shown. */
async function panelRows(page: Page): Promise<string[]> {
  return page
    .getByTestId('global-search-panel')
    .locator('[role="option"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
}

/** The order numbers the work-order list shows, top to bottom. */
async function listed(page: Page): Promise<string[]> {
  const rows = await page
    .locator('[data-testid^="wo-row-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid') ?? ''));
  return rows.map((id) => id.replace('wo-row-', ''));
}

async function search(page: Page, text: string): Promise<void> {
  await page.keyboard.press('/');
  await page.getByTestId('global-search').fill(text);
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
  const records = [
    [
      'hp1',
      '张三',
      '13800138000',
      { category: '电脑', brand: 'HP', model: 'EliteBook 840', serialNo: '5CG1234XYZ' },
    ],
    ['hp2', '李四', '13700137000', { category: '电脑', brand: 'HP', model: 'Pavilion 15' }],
    ['lg', '王芳', '13600136000', { category: '家电', brand: 'LG', model: 'OLED55C3' }],
    ['lenovo', '赵敏', '13500135000', { category: '电脑', brand: '联想', model: 'ThinkPad X1' }],
  ] as const;
  const faults: Record<string, string> = {
    hp1: 'Screen hinge broken, won’t close',
    hp2: '屏幕碎裂，触摸失灵',
    lg: '开机就跳闸',
    lenovo: '转轴松动，客户要求更换屏幕',
  };
  for (const [key, name, phone, device] of records) {
    const made = await customerWithDevice(page, { name, phones: [{ phone, label: '手机' }] }, device);
    devices[key] = made.deviceId;
    const order = await rpc(page, 'workOrders.create', {
      customerId: made.customerId,
      deviceId: made.deviceId,
      reportedFault: faults[key] ?? '',
    });
    orders[key] = { id: order.id, orderNo: order.orderNo };
  }
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('search finds what a shop types', () => {
  it('HP in the search box lists the HP devices; ↓ and Enter open the one chosen', async () => {
    const page = await desk.signedIn(CLERK);
    await search(page, 'HP');
    await page.getByTestId(`search-item-device-${devices.hp1}`).waitFor();
    expect(await panelRows(page)).toEqual([
      `search-item-device-${devices.hp2}`,
      `search-item-device-${devices.hp1}`,
    ]);
    expect(await page.getByTestId(`search-item-device-${devices.hp1}`).textContent()).toContain(
      'HP EliteBook 840电脑5CG1234XYZ张三',
    );
    await desk.stillShot(page, 'search-01-hp');

    // Lower case finds the same; the keyboard moves to the second row and opens its owner.
    const answered = page.waitForResponse((r) => r.url().includes('/rpc/search.global'));
    await page.getByTestId('global-search').fill('hp');
    await answered;
    await expect.poll(() => panelRows(page)).toHaveLength(2);
    await page.keyboard.press('ArrowDown');
    expect(await page.getByTestId(`search-item-device-${devices.hp1}`).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-detail').textContent()).toContain('张三');
    await page.context().close();
  });

  it('a word of a fault lists the order, with its number, customer, device and the fault around the word', async () => {
    const page = await desk.signedIn(CLERK);
    await search(page, 'hinge');
    const row = page.getByTestId(`search-item-order-${orders.hp1?.id}`);
    await row.waitFor();
    expect(await panelRows(page)).toEqual([`search-item-order-${orders.hp1?.id}`]);
    expect(await row.textContent()).toContain(`${orders.hp1?.orderNo}张三HP EliteBook 840`);
    const detail = page.getByTestId(`search-item-order-${orders.hp1?.id}-detail`);
    expect(await detail.textContent()).toBe('Screen hinge broken, won’t close');
    expect(await detail.locator('mark').allTextContents()).toEqual(['hinge']);
    await desk.stillShot(page, 'search-02-fault-word');

    // Typed with a plain apostrophe, the words are found in the curly one of the record.
    await page.getByTestId('global-search').fill("won't close");
    await expect.poll(() => detail.locator('mark').allTextContents()).toEqual(['won’t', 'close']);

    // Two Chinese characters: the fault of each order holding them, newest first; Enter opens it.
    await page.getByTestId('global-search').fill('屏幕');
    await expect
      .poll(() => panelRows(page))
      .toEqual([`search-item-order-${orders.lenovo?.id}`, `search-item-order-${orders.hp2?.id}`]);
    expect(
      await page.getByTestId(`search-item-order-${orders.hp2?.id}-detail`).locator('mark').allTextContents(),
    ).toEqual(['屏幕']);
    await desk.stillShot(page, 'search-03-fault-chinese');
    await page.keyboard.press('Enter');
    await page.getByTestId('wo-detail').waitFor();
    expect(new URL(page.url()).hash).toBe(`#/work-orders/${orders.lenovo?.id}`);
    await page.context().close();
  });

  it("the work-order list's text filter combines with the tabs, stays in the URL and refuses too long a text", async () => {
    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-workOrders').click();
    await page.getByTestId('wo-table').waitFor();
    await expect.poll(() => listed(page)).toHaveLength(4);

    await page.getByTestId('wo-filter-text').fill('hp');
    await expect.poll(() => listed(page)).toEqual([orders.hp2?.orderNo, orders.hp1?.orderNo]);
    expect(new URL(page.url()).hash).toContain('q=hp');
    expect(await page.getByTestId('wo-tab-all').textContent()).toContain('2');
    await desk.stillShot(page, 'search-04-list-filter');

    // Fault words, a phone tail and a customer name work the same way.
    await page.getByTestId('wo-filter-text').fill('屏幕');
    await expect.poll(() => listed(page)).toEqual([orders.lenovo?.orderNo, orders.hp2?.orderNo]);
    await page.getByTestId('wo-filter-text').fill('6000');
    await expect.poll(() => listed(page)).toEqual([orders.lg?.orderNo]);

    // With a status tab: cancel one 屏幕 order, then look at 已取消 only.
    await rpc(page, 'workOrders.transition', {
      id: orders.lenovo?.id ?? '',
      to: 'cancelled',
      note: '客户不修了',
    });
    await page.getByTestId('wo-filter-text').fill('屏幕');
    await page.getByTestId('wo-tab-cancelled').click();
    await expect.poll(() => listed(page)).toEqual([orders.lenovo?.orderNo]);
    expect(await page.getByTestId('wo-tab-received').textContent()).toContain('1');

    // A reload keeps the filter and the tab (both in the URL).
    await page.reload();
    await page.getByTestId('wo-table').waitFor();
    expect(await page.getByTestId('wo-filter-text').inputValue()).toBe('屏幕');
    await expect.poll(() => listed(page)).toEqual([orders.lenovo?.orderNo]);

    // Too long: said so, not sent, the list stays as it was.
    await page.getByTestId('wo-filter-text').fill('屏'.repeat(61));
    await page.getByTestId('wo-filter-text-error').waitFor();
    expect(await page.getByTestId('wo-filter-text-error').textContent()).toBe('最多 60 个字');
    await page.waitForTimeout(600);
    expect(new URL(page.url()).hash).toContain(`q=${encodeURIComponent('屏幕')}`);
    await expect.poll(() => listed(page)).toEqual([orders.lenovo?.orderNo]);
    await desk.stillShot(page, 'search-05-list-too-long');

    // 清空筛选 empties the box and the URL.
    await page.getByTestId('wo-filter-clear').click();
    expect(await page.getByTestId('wo-filter-text').inputValue()).toBe('');
    await page.getByTestId('wo-tab-all').click();
    await expect.poll(() => listed(page)).toHaveLength(4);
    expect(new URL(page.url()).hash).not.toContain('q=');
    expect(desk.consoleProblems).toEqual([]);
    await page.context().close();
  });
});
