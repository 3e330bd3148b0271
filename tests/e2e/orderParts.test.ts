import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { modalOpen, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'parts-admin-2026' };
const CLERK = { username: 'xiaozhao', displayName: '小赵', password: 'clerk-pass-2026' };
const TECH = { username: 'chengong', displayName: '陈工', password: 'tech-pass-2026' };
/** Part A: two on the shelf, scanned by its barcode. Part B: none, the order waits for it. */
const SCREEN = { code: 'SCR-IP13', name: 'iPhone 13 屏幕总成', barcode: '6901234567890' };
const BATTERY = { code: 'BAT-IP13', name: 'iPhone 13 电池' };

let desk: Desk;
let supplierId = '';
let screenId = '';
let batteryId = '';
/** The technician's order: a part is added, it waits for another, the part arrives. */
let orderId = '';
let orderNo = '';
/** An order cancelled with a part on it. */
let cancelId = '';
/** A quoted order that waits for a part not in the catalog. */
let quotedId = '';

async function onHand(page: Page, partId: string): Promise<number> {
  return (await rpc(page, 'parts.get', { id: partId })).onHand;
}

/** Wait for the order's status; a refused move fails at once with what the page said. */
async function waitForStatus(page: Page, status: string): Promise<void> {
  const reached = page.locator(`[data-testid="wo-detail"][data-status="${status}"]`);
  const refused = page.locator('[data-testid="wo-move-error"], [data-testid="wo-await-error"]');
  await reached.or(refused).first().waitFor();
  if ((await reached.count()) === 0) throw new Error(`move refused: ${await refused.first().textContent()}`);
}

async function openOrder(page: Page, id: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/work-orders/${id}`);
  await page.getByTestId('wo-parts').waitFor();
}

/** Add a part through the modal: scan (type + Enter) into the picker, set the quantity, save. */
async function addPartInUi(page: Page, scan: string, qty: number): Promise<void> {
  await page.getByTestId('wo-part-add').click();
  await page.getByTestId('wo-part-picker-search').waitFor();
  await expect.poll(() => page.locator('[data-testid="wo-part-picker-search"]:focus').count()).toBe(1);
  // A barcode scanner types the code and Enter faster than any list can follow.
  await page.keyboard.type(scan, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.getByTestId('wo-part-add-chosen').waitFor();
  // The quantity takes the focus, so a scan, a digit and Enter add the part.
  await expect.poll(() => page.locator('[data-testid="wo-part-add-qty"]:focus').count()).toBe(1);
  await page.getByTestId('wo-part-add-qty').fill(String(qty));
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行', phone: '0755-8888 1234' })).id;
  screenId = (
    await rpc(page, 'parts.create', {
      ...SCREEN,
      spec: 'OLED 6.1英寸',
      compatibleModels: 'iPhone 13',
      salePrice: 45000,
      costPrice: 30000,
      minStock: 1,
      location: 'A-01',
      defaultSupplierId: supplierId,
    })
  ).id;
  batteryId = (
    await rpc(page, 'parts.create', { ...BATTERY, salePrice: 15000, location: 'B-02', minStock: 1 })
  ).id;
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [{ partId: screenId, qty: 2, unitCost: 30000 }],
  });

  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '周杰', level: '普通', phones: [{ phone: '13912345678', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  );
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕摔裂，电池鼓包',
    technicianId: techId,
  });
  orderId = order.id;
  orderNo = order.orderNo;
  await rpc(page, 'workOrders.transition', { id: orderId, to: 'diagnosing' });
  const other = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '不开机',
    technicianId: techId,
  });
  cancelId = other.id;
  const quoted = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '主板进水',
    technicianId: techId,
  });
  quotedId = quoted.id;
  await rpc(page, 'workOrders.transition', { id: quotedId, to: 'diagnosing' });
  await rpc(page, 'workOrders.transition', { id: quotedId, to: 'quoted' });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('parts on a work order, as a technician uses them', () => {
  it('adds a scanned part: the stock drops and the line shows; too many says how many are left', async () => {
    const page = await desk.signedIn(TECH);
    await openOrder(page, orderId);
    await desk.stillShot(page, 'parts-01-detail-empty');

    await addPartInUi(page, SCREEN.barcode, 1);
    // Out of warranty: not covered, and the price is the part's sale price.
    expect(await page.getByTestId('wo-part-add-warranty').isChecked()).toBe(false);
    expect(await page.getByTestId('wo-part-add-price').inputValue()).toBe('450.00');
    await page.getByTestId('wo-part-add-old').fill('OLD-SCR-0001');
    await page.getByTestId('wo-part-add-rma').check();
    await desk.stillShot(page, 'parts-02-add-modal');
    await page.getByTestId('wo-part-add-submit').click();
    await page.getByTestId(`wo-part-row-${SCREEN.code}`).waitFor();
    await expect.poll(() => page.getByTestId('wo-part-add-form').count()).toBe(0);

    expect(await onHand(page, screenId)).toBe(1);
    const row = page.getByTestId(`wo-part-row-${SCREEN.code}`);
    expect(await row.textContent()).toContain(SCREEN.name);
    expect(await row.getByTestId('wo-part-amount').textContent()).toBe('¥450.00');
    expect(await row.getByTestId('wo-part-old').textContent()).toContain('OLD-SCR-0001');
    expect(await row.getByTestId('wo-part-doc').textContent()).toMatch(/^\S+-BJ01-\d{8}-\d{4}$/);
    expect(await page.getByTestId('wo-parts-charged').textContent()).toBe('¥450.00');
    expect(await page.getByTestId('wo-parts-cost').textContent()).toBe('¥300.00');
    await expect.poll(() => page.locator('[data-testid="wo-event"][data-kind="parts"]').count()).toBe(1);
    expect(await page.locator('[data-testid="wo-event"][data-kind="parts"]').textContent()).toContain(
      SCREEN.code,
    );
    await desk.stillShot(page, 'parts-03-line-added');

    // A price agreed with the customer: the line and the timeline say what changed.
    await row.getByTestId(`wo-part-edit-${SCREEN.code}`).click();
    await page.getByTestId('wo-part-edit-price').fill('420');
    await page.getByTestId('wo-part-edit-submit').click();
    await expect.poll(() => row.getByTestId('wo-part-amount').textContent()).toBe('¥420.00');
    const edited = page.locator('[data-testid="wo-event"][data-kind="parts"]').first();
    await expect.poll(() => edited.textContent()).toContain('单价：¥450.00 → ¥420.00');
    expect(await onHand(page, screenId)).toBe(1);

    // Five more than the shelf holds: said on the quantity field, and nothing moves.
    await addPartInUi(page, SCREEN.code, 5);
    await page.getByTestId('wo-part-add-submit').click();
    const qtyError = page.getByTestId('wo-part-add-form').locator('.ant-form-item-explain-error');
    await expect.poll(() => qtyError.textContent()).toBe('库存只有 1 个');
    await desk.stillShot(page, 'parts-04-insufficient');
    expect(await onHand(page, screenId)).toBe(1);
    expect((await rpc(page, 'workOrders.get', { id: orderId })).parts).toHaveLength(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('wo-part-add-form').count()).toBe(0);
    expect(await page.locator('[data-testid^="wo-part-row-"]').count()).toBe(1);
    await page.context().close();
  });

  it('moves the order to 待配件 waiting for a part with none on hand', async () => {
    const page = await desk.signedIn(TECH);
    await openOrder(page, orderId);
    await page.getByTestId('wo-move-awaitingParts').click();
    await page.getByTestId('wo-await-picker-search').waitFor();
    await page.getByTestId('wo-await-picker-search').fill('电池');
    await page.getByTestId(`wo-await-picker-option-${BATTERY.code}`).click();
    await page.getByTestId(`wo-await-line-${BATTERY.code}`).waitFor();
    expect(await page.getByTestId(`wo-await-line-${BATTERY.code}`).textContent()).toContain('库存 0 个');
    await page.getByTestId('wo-await-note').fill('原厂电池，供应商周三到货');
    await desk.stillShot(page, 'parts-05-await-modal');
    await page.getByTestId('wo-await-submit').click();
    await waitForStatus(page, 'awaitingParts');

    const waiting = page.getByTestId(`wo-waiting-${BATTERY.code}`);
    await waiting.waitFor();
    expect(await waiting.getAttribute('data-arrived')).toBe('no');
    const saved = await rpc(page, 'workOrders.get', { id: orderId });
    expect(saved.waitingFor).toMatchObject([{ partId: batteryId, qty: 1, arrivedAt: null }]);
    expect(saved.partsArrived).toBe(false);
    await desk.stillShot(page, 'parts-06-awaiting');
    await page.context().close();
  });

  it('from 待确认, the wait also records the customer yes; a part not in the catalog is a note', async () => {
    const page = await desk.signedIn(TECH);
    await openOrder(page, quotedId);
    await page.getByTestId('wo-move-awaitingParts').click();
    await page.getByTestId('wo-await-form').waitFor();
    expect(await page.getByTestId('wo-approval-by').inputValue()).toBe('周杰');
    // Neither a part nor a note: the modal says what it needs and nothing moves.
    await page.getByTestId('wo-await-submit').click();
    await page.getByTestId('wo-await-error').waitFor();
    expect((await rpc(page, 'workOrders.get', { id: quotedId })).status).toBe('quoted');
    await page.getByTestId('wo-await-note').fill('主板需返厂维修，目录中没有');
    await page.getByTestId('wo-await-submit').click();
    await waitForStatus(page, 'awaitingParts');
    const saved = await rpc(page, 'workOrders.get', { id: quotedId });
    expect(saved.approval).toMatchObject({ by: '周杰', method: 'phone' });
    expect(saved.waitingFor).toEqual([]);
    expect(await page.getByTestId('wo-waiting-note').textContent()).toContain('主板需返厂维修');
    await page.context().close();
  });

  it('a receipt of the awaited part flags the order in the list and on its page', async () => {
    const clerk = await desk.signedIn(CLERK);
    const receipt = await rpc(clerk, 'stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [{ partId: batteryId, qty: 3, unitCost: 8000 }],
    });
    await clerk.context().close();

    const page = await desk.signedIn(TECH);
    await page.getByTestId('nav-workOrders').click();
    const row = page.getByTestId(`wo-row-${orderNo}`);
    await row.waitFor();
    await row.getByTestId('wo-parts-arrived').waitFor();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(3);
    await page.getByTestId('wo-filter-parts-arrived').click();
    await expect.poll(() => page.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    expect(await page.locator('[data-testid^="wo-row-"]').getAttribute('data-testid')).toBe(
      `wo-row-${orderNo}`,
    );
    await desk.stillShot(page, 'parts-07-list-arrived');

    await row.click();
    await page.getByTestId('wo-waiting').waitFor();
    const arrived = page.getByTestId(`wo-waiting-arrived-${BATTERY.code}`);
    await arrived.waitFor();
    expect(await arrived.textContent()).toContain(receipt.docNo);
    expect(await page.getByTestId(`wo-waiting-${BATTERY.code}`).getAttribute('data-arrived')).toBe('yes');
    await page.getByTestId('wo-waiting-all-arrived').waitFor();
    const arrivedEvent = page.locator('[data-testid="wo-event"][data-kind="partArrived"]');
    await arrivedEvent.waitFor();
    expect(await arrivedEvent.textContent()).toContain(receipt.docNo);
    await desk.stillShot(page, 'parts-08-detail-arrived');

    // The job sheet prints the parts already used, leaving ruled rows to write more.
    await page.getByTestId('wo-print-jobsheet').click();
    await page.getByTestId('print-root').waitFor({ timeout: 20_000 });
    const printed = page.getByTestId('print-part-line');
    await expect.poll(() => printed.count()).toBe(1);
    expect(await printed.textContent()).toContain(`${SCREEN.code} ${SCREEN.name}`);
    expect(await printed.textContent()).toContain('OLD-SCR-0001 · RMA');
    await desk.stillShot(page, 'parts-08b-jobsheet');
    await page.context().close();
  });

  it('removing a line puts its part back on the shelf', async () => {
    const page = await desk.signedIn(TECH);
    await openOrder(page, orderId);
    await page.getByTestId(`wo-part-remove-${SCREEN.code}`).click();
    await modalOpen(page, 'wo-part-remove-form');
    await page.getByTestId('wo-part-remove-reason').fill('客户改为自带屏幕');
    await page.getByTestId('wo-part-remove-submit').click();
    await expect.poll(() => page.getByTestId(`wo-part-row-${SCREEN.code}`).count()).toBe(0);
    expect(await onHand(page, screenId)).toBe(2);
    await expect.poll(() => page.locator('[data-testid="wo-event"][data-kind="parts"]').count()).toBe(3);
    await desk.stillShot(page, 'parts-09-removed');
    await page.context().close();
  });

  it('cancelling an order with parts returns them', async () => {
    const page = await desk.signedIn(TECH);
    await rpc(page, 'workOrders.addPart', { id: cancelId, partId: screenId, qty: 2 });
    expect(await onHand(page, screenId)).toBe(0);
    await openOrder(page, cancelId);
    await page.getByTestId(`wo-part-row-${SCREEN.code}`).waitFor();
    await page.getByTestId('wo-move-cancelled').click();
    await modalOpen(page, 'wo-reason-form');
    await page.getByTestId('wo-reason-input').fill('客户不修了');
    await page.getByTestId('wo-reason-submit').click();
    await waitForStatus(page, 'cancelled');
    expect(await onHand(page, screenId)).toBe(2);
    expect((await rpc(page, 'workOrders.get', { id: cancelId })).parts).toHaveLength(0);
    // A closed order offers no part changes.
    expect(await page.getByTestId('wo-part-add').count()).toBe(0);
    await desk.stillShot(page, 'parts-10-cancelled');
    await page.context().close();
  });

  it('reads in English too', async () => {
    const page = await desk.signedIn(TECH);
    // A covered battery line, so the English screen shows a part with its warranty tag.
    await rpc(page, 'workOrders.addPart', {
      id: orderId,
      partId: batteryId,
      qty: 1,
      coveredByWarranty: true,
    });
    await page.getByTestId('lang-en-US').click();
    await openOrder(page, orderId);
    await page.getByTestId('wo-waiting').waitFor();
    const line = page.getByTestId(`wo-part-row-${BATTERY.code}`);
    expect(await line.getByTestId('wo-part-covered').textContent()).toBe('Warranty');
    expect(await line.getByTestId('wo-part-amount').textContent()).toBe('¥0.00');
    await desk.stillShot(page, 'parts-11-detail-en');
    await page.context().close();
    expect(desk.consoleProblems).toEqual([]);
  });
});
