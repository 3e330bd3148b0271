import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'trust-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };
const TECH2 = { username: 'ligong', displayName: '李工', password: 'tech2-pass-2026' };
const HOUR = 3_600_000;

let desk: Desk;
let customerId = '';
let deviceId = '';
let techId = '';
let folder = '';

async function textOf(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

/** An order moved to 待取机 with one 维修工时 line (¥80), settled and unpaid. */
async function readyAndSettled(page: Page): Promise<{ orderId: string; settlementId: string }> {
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '不开机',
    technicianId: techId,
  });
  for (const to of ['diagnosing', 'inRepair'] as const)
    await rpc(page, 'workOrders.transition', { id: order.id, to });
  await rpc(page, 'workOrders.addCharge', { id: order.id, itemCode: 'WX' });
  for (const to of ['qc', 'ready'] as const) await rpc(page, 'workOrders.transition', { id: order.id, to });
  const settlement = await rpc(page, 'settlements.create', { id: order.id });
  return { orderId: order.id, settlementId: settlement.id };
}

beforeAll(async () => {
  desk = await startDesk();
  folder = mkdtempSync(join(tmpdir(), 'desk-trust-backups-'));
  const page = await desk.open();
  ({ techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  await rpc(page, 'users.create', { ...TECH2, role: 'technician' });
  await rpc(page, 'settings.update', { security: { idleLockMinutes: 0 } });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '周杰', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  ));
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the counter never surprises', () => {
  it("shows late and today as the server's clock says, whatever this screen's clock reads", async () => {
    const page = await desk.signedIn(TECH);
    const order = await rpc(page, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '屏幕闪烁',
      technicianId: techId,
      promisedAt: desk.clock.now() + HOUR,
    });
    await page.reload();
    await page.getByTestId('dash-queue-orders-order').first().waitFor();
    expect(await page.getByTestId('dash-queue-orders-late').count()).toBe(0);

    // Two hours pass on the host; this screen's own clock is a day behind (a PC set wrong).
    await desk.clock.advance(2 * HOUR);
    await page.context().clock.setSystemTime(desk.clock.now() - 24 * HOUR);
    await page.reload();
    await expect.poll(() => page.getByTestId('dash-queue-orders-late').count()).toBe(1);
    expect(await textOf(page, 'dash-queue-orders-order')).toBe(order.orderNo);

    // Today's day close opens on the host's today, not on the screen's yesterday.
    const clerk = await desk.signedIn(CLERK);
    await clerk.context().clock.setSystemTime(desk.clock.now() - 24 * HOUR);
    await clerk.reload();
    await clerk.goto(`${desk.server.origin}/#/day-close`);
    await expect
      .poll(() => clerk.getByTestId('day-close-page').getAttribute('data-date'))
      .toBe(desk.clock.today().format('YYYY-MM-DD'));
    await page.context().close();
    await clerk.context().close();
  });

  it('finds a technician in the picker by typing pinyin initials', async () => {
    const page = await desk.signedIn(CLERK);
    const order = await rpc(page, 'workOrders.create', { customerId, deviceId, reportedFault: '进水' });
    await page.goto(`${desk.server.origin}/#/work-orders/${order.id}`);
    await page.getByTestId('wo-assign').click();
    await page.keyboard.type('lg');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(['李工']);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => (await rpc(page, 'workOrders.get', { id: order.id })).technicianName)
      .toBe('李工');
    await desk.stillShot(page, 'trust-01-technician-picked');
    await page.context().close();
  });

  it('drops the "not paid yet" refusal once the balance is paid', async () => {
    const page = await desk.signedIn(CLERK);
    const { orderId, settlementId } = await readyAndSettled(page);
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.getByTestId('wo-move-delivered').click();
    await page.getByTestId('wo-move-error').waitFor();
    expect(await textOf(page, 'wo-move-error')).toContain('还有 ¥80.00 未收');

    await page.getByTestId('wo-settlement-open').click();
    await page.getByTestId('settlement-pay').click();
    await page.getByTestId('pay-form').waitFor();
    await page.getByTestId('pay-submit').click();
    await expect
      .poll(async () => (await rpc(page, 'settlements.get', { id: settlementId })).paymentStatus)
      .toBe('paid');
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await expect.poll(() => page.getByTestId('wo-settlement').getAttribute('data-payment')).toBe('paid');
    expect(await page.getByTestId('wo-move-error').count()).toBe(0);
    await page.getByTestId('wo-move-delivered').click();
    await expect
      .poll(async () => (await rpc(page, 'workOrders.get', { id: orderId })).status)
      .toBe('delivered');
    expect(await page.getByTestId('wo-move-error').count()).toBe(0);
    await page.context().close();
  });

  it("shows a technician the order's settlement without its money", async () => {
    const clerk = await desk.signedIn(CLERK);
    const { orderId, settlementId } = await readyAndSettled(clerk);
    await rpc(clerk, 'settlements.pay', { settlementId, method: 'wechat', amount: 8000 });
    await clerk.context().close();

    const page = await desk.signedIn(TECH);
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    const timeline = page.getByTestId('wo-timeline');
    await expect.poll(() => timeline.textContent()).toContain('收款 · ');
    const text = (await timeline.textContent()) ?? '';
    expect(text).toContain('生成结算单');
    expect(text).not.toContain('应收');
    expect(text).not.toContain('微信');
    expect(await page.getByTestId('wo-settlement').count()).toBe(0);
    await desk.stillShot(page, 'trust-02-technician-timeline');
    await page.context().close();
  });

  it('says "no access" or "no such page" instead of jumping home', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/settings/shop`);
    const readOnly = page.getByTestId('settings-read-only');
    await readOnly.waitFor();
    expect(await readOnly.textContent()).toContain('无权修改设置');
    await desk.stillShot(page, 'trust-03-clerk-settings');
    await page.goto(`${desk.server.origin}/#/users`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto(`${desk.server.origin}/#/no-such-page`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').textContent()).toContain('/no-such-page');
    await desk.stillShot(page, 'trust-04-not-found');
    await page.context().close();
  });

  it('stops warning "no backup folder" once the admin has backed up into one', async () => {
    const page = await desk.signedIn(ADMIN);
    const warning = page.getByTestId('backup-warning');
    await expect.poll(() => warning.getAttribute('data-warning')).toBe('noFolder');
    await page.getByTestId('backup-warning-open').click();
    await page.getByTestId('backup-now-folder').fill(folder);
    expect(await textOf(page, 'backup-now-hint')).toContain('这次备份成功后，这个文件夹就是以后的备份文件夹');
    await page.getByTestId('backup-now').click();
    await page.getByTestId('backup-now-result').waitFor();
    await page.getByTestId('nav-home').click();
    await page.getByTestId('home-dashboard').waitFor();
    await expect.poll(() => warning.count()).toBe(0);
    expect((await rpc(page, 'backup.settings', {})).folder).toBe(folder);
    await page.context().close();
  });

  it('has no console warnings or errors on the signed-in pages', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
