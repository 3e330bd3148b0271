import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, rpc, startDesk, type Desk, modalOpen } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const WALK_IN = { name: '周杰', phone: '13912345678' };

let desk: Desk;
/** The walk-in's order from the keyboard-only intake; later tests carry it on. */
let orderId = '';
let orderNo = '';
/** The order of the stale-tab test, promised too soon: it shows as overdue in the list. */
let secondNo = '';

/** The data-testid of the element that has the keyboard focus. */
async function focused(page: Page): Promise<string | null> {
  const element = page.locator(':focus');
  return (await element.count()) === 1 ? element.getAttribute('data-testid') : null;
}

function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

/** The status moves the timeline lists, oldest first, as "from→to". */
async function timelineMoves(page: Page): Promise<string[]> {
  const events = page.locator('[data-testid="wo-event"][data-kind="status"]');
  const tos = await events.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-to') ?? ''));
  return tos.reverse();
}

async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.locator(`[data-testid="wo-detail"][data-status="${status}"]`).waitFor();
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  // A few customers so the lists and the search have something around the walk-in.
  for (const [name, phone, level] of [
    ['张三', '13800138000', 'VIP'],
    ['李四', '13700137000', '普通'],
    ['王芳', '010-6543 2100', '普通'],
  ] as const) {
    await customerWithDevice(
      page,
      { name, level, phones: [{ phone, label: '手机' }] },
      {
        category: '手机',
        brand: '华为',
        model: 'Mate 60',
        serialNo: `SN${phone.replace(/\D/g, '')}`,
        warranty: { end: '2099-12-31' },
      },
    );
  }
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('the counter, as a clerk and a technician use it', () => {
  it('(a) a walk-in intake, keyboard only: / → unknown phone → 新客户接机 → device → order → Ctrl+Enter → P prints', async () => {
    const page = await desk.signedIn(CLERK);
    const started = Date.now();

    // The search box takes the focus with one key, and an unknown phone offers a new intake.
    await page.keyboard.press('/');
    await expect.poll(() => focused(page)).toBe('global-search');
    await page.keyboard.type(WALK_IN.phone);
    await page.getByTestId('search-new-intake').waitFor();
    await desk.stillShot(page, 'counter-01-search-new-phone');
    await page.keyboard.press('Enter');

    // Step 1: the new customer, phone already filled in, name has the focus.
    await page.getByTestId('intake-customer-form').waitFor();
    expect(hashOf(page)).toBe(`#/intake?phone=${WALK_IN.phone}`);
    expect(await page.getByTestId('intake-new-phone').inputValue()).toBe(WALK_IN.phone);
    await expect.poll(() => focused(page)).toBe('intake-new-name');
    await page.keyboard.type(WALK_IN.name);
    await page.keyboard.press('Enter');

    // Step 2: no devices yet, so the new-device fields come up with the category focused.
    await page.getByTestId('intake-device-form').waitFor();
    await expect.poll(() => page.locator('[data-testid="device-category"] :focus').count()).toBe(1);
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page)).toBe('device-brand');
    await page.keyboard.type('Apple');
    await page.keyboard.press('Tab');
    await page.keyboard.type('iPhone 13');
    await page.keyboard.press('Tab');
    await page.keyboard.type('f2lx1234abcd');
    await page.keyboard.press('Enter');

    // Step 3: the fault has the focus; Tab reaches the accessories checklist; Ctrl+Enter saves.
    await page.getByTestId('intake-order-form').waitFor();
    await expect.poll(() => focused(page)).toBe('intake-fault');
    expect(await page.getByTestId('intake-chosen-customer').textContent()).toContain(WALK_IN.name);
    expect(await page.getByTestId('intake-chosen-device').textContent()).toContain('F2LX1234ABCD');
    await page.keyboard.type('屏幕摔裂，触摸失灵');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 充电器
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // 数据线
    await desk.stillShot(page, 'counter-02-intake');
    await page.keyboard.press('Control+Enter');

    // The new work order, with a one-key way to its intake receipt.
    await page.getByTestId('wo-created').waitFor();
    const match = /^#\/work-orders\/([0-9a-f-]{36})$/.exec(hashOf(page));
    expect(match, hashOf(page)).not.toBeNull();
    orderId = match?.[1] ?? '';
    orderNo = (await page.getByTestId('wo-order-no').textContent()) ?? '';
    expect(orderNo).toMatch(/^BJ01-\d{8}-\d{4}$/);
    await page.getByTestId('status-received').first().waitFor();
    expect(await page.getByTestId('wo-accessories').textContent()).toMatch(/充电器.*数据线/);
    expect(await page.getByTestId('wo-fault').textContent()).toBe('屏幕摔裂，触摸失灵');
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(60_000);

    await page.keyboard.press('p');
    await expect.poll(() => hashOf(page)).toBe(`#/print/intake/${orderId}`);
    await page.getByTestId('print-root').waitFor({ timeout: 20_000 });
    await desk.stillShot(page, 'counter-03-intake-print');

    // The intake created exactly one customer with that phone, and the device under it.
    const saved = await rpc(page, 'workOrders.get', { id: orderId });
    expect(saved).toMatchObject({
      customerName: WALK_IN.name,
      customerPhone: WALK_IN.phone,
      serialNo: 'F2LX1234ABCD',
      channel: 'walkIn',
      serviceType: 'repair',
      accessories: ['charger', 'cable'],
      warrantyStatus: 'out',
    });
    await page.context().close();
  });

  it('customers: the list is searchable and the detail shows devices, warranty and history', async () => {
    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="customer-row-"]').count()).toBe(4);
    await desk.stillShot(page, 'counter-04-customers');
    await page.getByTestId('customers-search').fill('5678');
    await expect.poll(() => page.locator('[data-testid^="customer-row-"]').count()).toBe(1);
    await page.locator('[data-testid^="customer-row-"]').first().click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-title').textContent()).toBe(WALK_IN.name);
    expect(await page.getByTestId('customer-devices').textContent()).toContain('F2LX1234ABCD');
    expect(await page.getByTestId('customer-orders').textContent()).toContain(orderNo);

    // The duplicate-phone warning shows while typing, before anything is saved.
    await page.getByTestId('nav-customers').click();
    await page.getByTestId('customers-create').click();
    await page.getByTestId('customer-name').fill('周杰的家人');
    await page.getByTestId('customer-phone-0').fill(WALK_IN.phone);
    await page.getByTestId('duplicate-phone').waitFor();
    expect(await page.getByTestId('duplicate-phone').textContent()).toContain(WALK_IN.name);
    await page.getByTestId('customer-submit').click();
    await expect
      .poll(() => page.getByTestId('customer-error').textContent())
      .toContain('电话号码与已有客户重复');
    await page.getByTestId('duplicate-ack').click();
    await page.getByTestId('customer-submit').click();
    await page.getByTestId('customer-detail').waitFor();
    expect(await page.getByTestId('customer-title').textContent()).toBe('周杰的家人');
    await page.context().close();
  });

  it('(b) a technician takes the order through every state to 已交付, and the timeline lists each move', async () => {
    // The clerk gives the order to the technician.
    const clerk = await desk.signedIn(CLERK);
    await clerk.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await clerk.getByTestId('wo-assign').click();
    await clerk.locator(`.ant-select-item-option[title="${TECH.displayName}"]`).click();
    await expect
      .poll(() => clerk.getByTestId('wo-timeline').textContent())
      .toContain(`指派给 ${TECH.displayName}`);
    await clerk.context().close();

    // The technician's own queue opens by default.
    const page = await desk.signedIn(TECH);
    await page.getByTestId('nav-workOrders').click();
    await page.getByTestId(`wo-row-${orderNo}`).waitFor();
    expect(await page.getByTestId('wo-view').locator('.ant-segmented-item-selected').textContent()).toContain(
      '我的工单',
    );
    expect(await page.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    await page.getByTestId(`wo-row-${orderNo}`).click();
    await waitForStatus(page, 'received');

    // Only the legal moves are offered.
    const offered = async () =>
      page
        .locator('button[data-testid^="wo-move-"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')?.replace('wo-move-', '')));
    expect(await offered()).toEqual(['diagnosing', 'cancelled']);

    await page.getByTestId('wo-move-diagnosing').click();
    await waitForStatus(page, 'diagnosing');
    expect(await offered()).toEqual([
      'quoted',
      'awaitingParts',
      'inRepair',
      'declined',
      'unrepairable',
      'onHold',
      'cancelled',
    ]);

    // Diagnosis and an estimate in 元, kept in fen.
    await page.getByTestId('wo-diagnosis').fill('屏幕总成损坏，需更换。');
    await page.getByTestId('wo-estimate').fill('1234.5');
    await page.getByTestId('wo-work-save').click();
    await expect.poll(() => page.getByTestId('wo-estimate-shown').textContent()).toBe('¥1,234.50');
    expect((await rpc(page, 'workOrders.get', { id: orderId })).estimate).toBe(123_450);

    // A photo of the damage: uploaded as a data URL, shown as a thumbnail read back from the data folder.
    await page
      .locator('[data-testid="wo-photos"] input[type=file]')
      .setInputFiles(join(import.meta.dirname, '../../resources/icon.png'));
    await page.locator('[data-testid^="wo-photo-"] img, img[data-testid^="wo-photo-"]').first().waitFor();
    await expect.poll(() => page.getByTestId('wo-timeline').textContent()).toContain('上传照片：icon.png');

    await page.getByTestId('wo-move-quoted').click();
    await waitForStatus(page, 'quoted');

    // Leaving 待确认 for the bench asks who approved the quote and how.
    await page.getByTestId('wo-move-inRepair').click();
    await page.getByTestId('wo-approval-form').waitFor();
    expect(await page.getByTestId('wo-approval-by').inputValue()).toBe(WALK_IN.name);
    await page.getByTestId('wo-approval-submit').click();
    await waitForStatus(page, 'inRepair');
    expect(await page.getByTestId('wo-approval-shown').textContent()).toContain(WALK_IN.name);

    for (const status of ['qc', 'ready']) {
      await page.getByTestId(`wo-move-${status}`).click();
      await waitForStatus(page, status);
    }
    // Delivery hands back the charger and the cable left at intake: both ticked on the checklist.
    await page.getByTestId('wo-move-delivered').click();
    await page.getByTestId('wo-handover-form').waitFor();
    await page.getByTestId('wo-handover-returned-charger').check();
    await page.getByTestId('wo-handover-returned-cable').check();
    await page.getByTestId('wo-handover-submit').click();
    await waitForStatus(page, 'delivered');
    await page.getByTestId('wo-no-moves').waitFor();
    expect(await timelineMoves(page)).toEqual([
      'diagnosing',
      'quoted',
      'inRepair',
      'qc',
      'ready',
      'delivered',
    ]);
    const timeline = (await page.getByTestId('wo-timeline').textContent()) ?? '';
    for (const step of [
      '已接单 → 检测中',
      '检测中 → 待确认',
      '待确认 → 维修中',
      '维修中 → 待质检',
      '待质检 → 待取机',
      '待取机 → 已交付',
    ]) {
      expect(timeline).toContain(step);
    }
    expect(timeline).toContain(TECH.username);
    await desk.stillShot(page, 'counter-05-work-order-delivered');
    await page.context().close();
  });

  it('(c) an illegal move is refused with a clear message, through the transport and in a stale tab', async () => {
    const page = await desk.signedIn(CLERK);

    // A barcode scanner types the order number and Enter at once: the order opens directly.
    await page.keyboard.press('/');
    await page.keyboard.type(orderNo, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page)).toBe(`#/work-orders/${orderId}`);
    await waitForStatus(page, 'delivered');

    // The delivered order cannot go back to the bench: the main process refuses it.
    const refused = await call(page, 'workOrders.transition', { id: orderId, to: 'inRepair' });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_TRANSITION' }) });
    expect((await rpc(page, 'workOrders.get', { id: orderId })).status).toBe('delivered');

    // A second order, open in two tabs. Screens follow the host's change notices, so a tab is stale only
    // when it missed one: this one's feed is cut (as on a dropped Wi-Fi link), and it still offers the old move.
    const first = await rpc(page, 'workOrders.get', { id: orderId });
    const second = await rpc(page, 'workOrders.create', {
      customerId: first.customerId,
      deviceId: first.deviceId,
      reportedFault: '电池鼓包',
      // Promised in two seconds: by the time the list is read it is overdue.
      promisedAt: desk.clock.now() + 2_000,
      devicePassword: '1-5-9-6',
    });
    secondNo = second.orderNo;
    await page.goto(`${desk.server.origin}/#/work-orders/${second.id}`);
    await waitForStatus(page, 'received');
    // The counter typed the unlock pattern in, but only the bench may read it back.
    expect(await page.getByTestId('wo-password-hidden').textContent()).toBe('已登记（当前角色不可查看）');
    const stale = await page.context().newPage();
    await stale.route('**/events', (route) => route.abort());
    await stale.goto(`${desk.server.origin}/#/work-orders/${second.id}`);
    await waitForStatus(stale, 'received');

    await page.bringToFront();
    await page.getByTestId('wo-move-diagnosing').click();
    await waitForStatus(page, 'diagnosing');
    await stale.bringToFront();

    await stale.getByTestId('wo-move-diagnosing').click();
    const error = stale.getByTestId('wo-move-error');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      `工单 ${second.orderNo} 不能从「已接单」转为「检测中」：它的状态刚被其他人更改过`,
    );
    // The stale tab reads the order again and now offers the moves from 检测中.
    await waitForStatus(stale, 'diagnosing');

    await desk.stillShot(stale, 'counter-06-illegal-move');
    await stale.close();
    await page.bringToFront();

    // The warranty can be set by hand, with the reason on the timeline.
    await page.getByTestId('wo-override-warranty').click();
    await modalOpen(page, 'wo-override-form');
    await page.getByTestId('wo-override-reason').fill('购机发票显示仍在厂家保修期内');
    await page.getByTestId('wo-override-submit').click();
    await page.getByTestId('warranty-in').first().waitFor();
    expect(await page.getByTestId('wo-warranty-reason').textContent()).toContain(
      '购机发票显示仍在厂家保修期内',
    );
    await expect.poll(() => page.getByTestId('wo-timeline').textContent()).toContain('保修：保外 → 保内');
    await page.context().close();
  });

  it('(d) a rework inside the repair warranty shows 返修保修 and links the original order', async () => {
    const page = await desk.signedIn(CLERK);
    const first = await rpc(page, 'workOrders.get', { id: orderId });

    // Back at the counter: the phone finds the customer, whose device row starts the intake.
    await page.keyboard.press('/');
    await page.keyboard.type(WALK_IN.phone);
    await page.getByTestId(`search-item-customer-${first.customerId}`).waitFor();
    // Two customers share the number now (the family member): ↓ to the right one, then Enter.
    const options = await page
      .getByTestId('global-search-panel')
      .locator('[role="option"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    const index = options.indexOf(`search-item-customer-${first.customerId}`);
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    expect(
      await page.getByTestId(`search-item-customer-${first.customerId}`).getAttribute('aria-selected'),
    ).toBe('true');
    await page.keyboard.press('Enter');
    await page.getByTestId('customer-detail').waitFor();
    await desk.stillShot(page, 'counter-07-customer-detail');
    await page.getByTestId(`device-intake-${first.deviceId}`).click();
    await page.getByTestId('intake-order-form').waitFor();

    // The device has a delivered order: the intake offers it as the original of a rework.
    await page.getByTestId('intake-rework-offer').waitFor();
    await page.getByTestId('intake-rework-use').click();
    await page.getByTestId('intake-fault').fill('换屏后触摸又失灵');
    await page.getByTestId('intake-save').click();

    await page.getByTestId('wo-created').waitFor();
    await page.getByTestId('warranty-repair').first().waitFor();
    expect(await page.getByTestId('warranty-repair').first().textContent()).toContain('返修保修');
    expect(await page.getByTestId('wo-rework-link').textContent()).toContain(orderNo);
    const reworkId = /^#\/work-orders\/(.+)$/.exec(hashOf(page))?.[1] ?? '';
    expect(await rpc(page, 'workOrders.get', { id: reworkId })).toMatchObject({
      warrantyStatus: 'repair',
      reworkOfId: orderId,
      isRework: true,
    });
    await desk.stillShot(page, 'counter-08-rework');

    // The list: status tabs with counts; the rework shows in its row.
    await page.getByTestId('nav-workOrders').click();
    await page.getByTestId('wo-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(3);
    expect(await page.getByTestId('wo-tab-all').textContent()).toContain('3');
    expect(await page.getByTestId('wo-tab-delivered').textContent()).toContain('1');
    // The overdue order stands out: a red row and an 超期 tag.
    const late = page.getByTestId(`wo-row-${secondNo}`);
    expect(await late.getAttribute('class')).toContain('wo-row--overdue');
    expect(await late.getByTestId('overdue').textContent()).toBe('超期');
    await page.getByTestId('wo-filter-overdue').click();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    await page.getByTestId('wo-filter-overdue').click();
    await page.getByTestId('wo-tab-delivered').click();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    await page.getByTestId('wo-tab-all').click();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(3);
    await desk.stillShot(page, 'counter-09-work-orders');

    // The same list in English: statuses, warranty and columns are translated.
    await page.getByTestId('lang-en-US').click();
    await expect.poll(() => page.getByTestId('wo-tab-delivered').textContent()).toContain('Delivered');
    expect(await page.getByTestId('wo-table').textContent()).toContain('Repair warranty');
    await desk.stillShot(page, 'counter-10-work-orders-en');
    await page.getByTestId(`wo-row-${orderNo}`).click();
    await page.getByTestId('wo-detail').waitFor();
    await desk.stillShot(page, 'counter-11-work-order-en');
    await page.context().close();
  });

  it('intake for a known customer, keyboard only: phone tail → ↑↓ Enter → device Enter → fault → Ctrl+Enter', async () => {
    const page = await desk.signedIn(CLERK);
    const first = await rpc(page, 'workOrders.get', { id: orderId });
    await page.goto(`${desk.server.origin}/#/intake`);
    await expect.poll(() => focused(page)).toBe('intake-customer-search');
    await page.keyboard.type('5678');
    const target = page.getByTestId(`intake-customer-${first.customerId}`);
    await target.waitFor();
    const options = await page
      .getByTestId('intake-customer-list')
      .locator('[role="option"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    for (let i = 0; i < options.indexOf(`intake-customer-${first.customerId}`); i++) {
      await page.keyboard.press('ArrowDown');
    }
    expect(await target.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    // The customer's devices: the list has the focus, the first device is highlighted.
    await page.getByTestId('intake-device-list').waitFor();
    await expect.poll(() => focused(page)).toBe('intake-device-list');
    expect(await page.getByTestId(`intake-device-${first.deviceId}`).getAttribute('aria-selected')).toBe(
      'true',
    );
    await page.keyboard.press('Enter');

    await page.getByTestId('intake-order-form').waitFor();
    await expect.poll(() => focused(page)).toBe('intake-fault');
    await page.keyboard.type('无法充电');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('wo-created').waitFor();
    expect(await page.getByTestId('wo-fault').textContent()).toBe('无法充电');
    expect(await page.getByTestId('wo-device').textContent()).toBe('Apple iPhone 13');
    await page.context().close();
  });

  it('settings: the shop adds a device category and a longer repair warranty in 柜台设置', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-settings').click();
    const form = page.getByTestId('settings-counter-form');
    await form.waitFor();
    await page.getByTestId('settings-device-categories').click();
    await page.keyboard.type('无人机');
    await page.keyboard.press('Enter');
    await page.getByTestId('settings-repair-warranty').fill('120');
    await page.getByTestId('settings-counter-submit').click();
    await expect
      .poll(async () => (await rpc(page, 'settings.get', {})).counter)
      .toMatchObject({ repairWarrantyDays: 120, deviceCategories: expect.arrayContaining(['无人机']) });
    await desk.stillShot(page, 'counter-12-settings');
    await page.context().close();
  });

  it('a manager merges the duplicate customer; the old record points to the kept one', async () => {
    const page = await desk.signedIn(ADMIN);
    const first = await rpc(page, 'workOrders.get', { id: orderId });
    const duplicate = (await rpc(page, 'customers.list', { q: '周杰的家人' })).rows[0];
    expect(duplicate).toBeDefined();
    await page.goto(`${desk.server.origin}/#/customers/${first.customerId}`);
    await page.getByTestId('customer-merge').click();
    await page.getByTestId('customer-merge-form').waitFor();
    // As a clerk would, type once the cursor is in the dialog: it moves there after the dialog opened.
    await expect.poll(() => page.getByTestId('customer-merge-form').locator(':focus').count()).toBe(1);
    await page.keyboard.type('周杰的家人');
    await page.locator('.ant-select-item-option', { hasText: '周杰的家人' }).click();
    await page.getByTestId('customer-merge-submit').click();
    await page.getByTestId('customer-merge-form').waitFor({ state: 'detached' });

    await page.goto(`${desk.server.origin}/#/customers/${duplicate?.id ?? ''}`);
    await page.getByTestId('customer-merged-into').click();
    await expect.poll(() => hashOf(page)).toBe(`#/customers/${first.customerId}`);
    expect(await page.getByTestId('customer-profile').textContent()).toContain(WALK_IN.phone);
    await page.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
