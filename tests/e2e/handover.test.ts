import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call, rpc, startDesk, type Desk } from './fixture';
import { expectSize, openPrint, printToPdf } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
/** PDF points of A5 landscape. */
const A5L = { width: 595.28, height: 419.53 };

let desk: Desk;
let customerId = '';
let deviceId = '';
/** The order taken at the counter with the customer's signature, a charger and a cable. */
let orderId = '';
let orderNo = '';

/** Sign on a canvas with the mouse: a few strokes, as a customer's name. */
async function signWithMouse(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(`${testId}-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  const strokes = [
    [at(0.1, 0.6), at(0.18, 0.3), at(0.24, 0.7), at(0.3, 0.35), at(0.36, 0.65)],
    [at(0.42, 0.3), at(0.44, 0.75), at(0.52, 0.5), at(0.58, 0.72)],
    [at(0.64, 0.55), at(0.72, 0.35), at(0.8, 0.62), at(0.9, 0.45)],
  ];
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 6 });
    await page.mouse.up();
  }
}

/** The order moved by the admin to 待取机 (no lines: nothing to pay). */
async function makeReady(page: Page, id: string): Promise<void> {
  await rpc(page, 'workOrders.transition', { id, to: 'diagnosing' });
  await rpc(page, 'workOrders.transition', { id, to: 'inRepair' });
  await rpc(page, 'workOrders.transition', { id, to: 'qc' });
  await rpc(page, 'workOrders.transition', { id, to: 'ready' });
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '138 0013 8000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 15 Pro', serialNo: '356789012345678' },
  ));
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('signatures and the hand-over', () => {
  it('the customer signs at intake with the mouse, and the signature is on the printed A5 intake form', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/intake?customerId=${customerId}&deviceId=${deviceId}`);
    await page.getByTestId('intake-order-form').waitFor();
    await page.getByTestId('intake-fault').fill('屏幕摔裂，触摸失灵');
    const accessories = page.getByTestId('intake-accessories');
    await accessories.getByText('充电器').click();
    await accessories.getByText('数据线').click();
    await signWithMouse(page, 'intake-signature');
    await desk.stillShot(page, 'handover-01-intake-signed');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-detail').waitFor();
    orderId = new URL(page.url()).hash.split('/').pop() ?? '';
    orderNo = (await page.getByTestId('wo-order-no').textContent()) ?? '';

    // Stored with the order: one intake signature, a PNG the size of the pad, on the page and the timeline.
    const order = await rpc(page, 'workOrders.get', { id: orderId });
    expect(order.signatures).toHaveLength(1);
    const signature = order.signatures[0];
    expect(signature).toMatchObject({ kind: 'intake', recordedBy: CLERK.displayName });
    expect(signature?.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(signature?.width).toBeGreaterThan(300);
    await page.getByTestId('wo-signature-intake-image').waitFor();
    expect(await page.getByTestId('wo-signature-intake').getAttribute('data-signed')).toBe('yes');
    expect(await page.getByTestId('wo-sign-intake').count()).toBe(0);
    await expect.poll(() => page.getByTestId('wo-timeline').textContent()).toContain('客户已签名（接机）');
    await desk.stillShot(page, 'handover-02-order-signed');

    // The A5 intake form prints it on the customer's line: one A5 page per copy, Chinese as text.
    const facts = await printToPdf(desk, page, `intake-a5/${orderId}`, 'handover-intake-a5');
    expect(facts.pages).toBe(2);
    expectSize(facts, A5L);
    expect(facts.text).toContain('客户签字');
    expect(facts.text).toContain(orderNo);
    const printed = page.locator('.pf-root [data-testid="print-signature"]');
    expect(await printed.count()).toBe(2);
    expect(await printed.first().getAttribute('src')).toBe(signature?.dataUrl);
    // Drawn on the line, inside the page.
    const fits = await printed.evaluateAll((imgs) =>
      imgs.map((img) => {
        const sheet = img.closest('.pf-sheet');
        const r = img.getBoundingClientRect();
        const s = sheet?.getBoundingClientRect();
        return !!s && r.height > 10 && r.bottom <= s.bottom && r.top >= s.top;
      }),
    );
    expect(fits).toEqual([true, true]);

    // The claim ticket carries it too, and a signed order offers no second intake signature.
    await openPrint(desk, page, `claim/${orderId}`);
    expect(await page.locator('.pf-root [data-testid="print-signature"]').count()).toBe(1);
    await page.context().close();
  });

  it('the hand-over checklist refuses an accessory not returned without a note, and changes nothing', async () => {
    const admin = await desk.signedIn(ADMIN);
    await makeReady(admin, orderId);
    await admin.context().close();

    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/work-orders/${orderId}`);
    await page.locator('[data-testid="wo-detail"][data-status="ready"]').waitFor();
    await page.getByTestId('wo-move-delivered').click();
    await page.getByTestId('wo-handover-form').waitFor();
    expect(await page.locator('[data-testid^="wo-handover-item-"]').count()).toBe(2);
    // The charger went back; the cable did not, and nobody said why.
    await page.getByTestId('wo-handover-returned-charger').check();
    await page.getByTestId('wo-handover-submit').click();
    const noteError = page
      .locator('.ant-form-item', { has: page.getByTestId('wo-handover-note-cable') })
      .locator('.ant-form-item-explain-error');
    await noteError.waitFor();
    expect(await noteError.textContent()).toBe('未归还，请写明原因');
    await desk.stillShot(page, 'handover-03-missing-note-refused');
    expect((await rpc(page, 'workOrders.get', { id: orderId })).status).toBe('ready');

    // The server refuses the same on its own, through the transport, with its reason.
    const refused = await call(page, 'workOrders.transition', {
      id: orderId,
      to: 'delivered',
      handover: {
        items: [
          { item: 'charger', returned: true },
          { item: 'cable', returned: false },
        ],
      },
    });
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'VALIDATION', reason: 'handoverNoteRequired' }),
    });
    expect((await rpc(page, 'workOrders.get', { id: orderId })).status).toBe('ready');

    await page.getByTestId('wo-handover-note-cable').fill('客户说数据线不用带走');
    await page.getByTestId('wo-handover-submit').click();
    await page.locator('[data-testid="wo-detail"][data-status="delivered"]').waitFor();
    const order = await rpc(page, 'workOrders.get', { id: orderId });
    expect(order.handover).toMatchObject({
      items: [
        { item: 'charger', returned: true, note: '' },
        { item: 'cable', returned: false, note: '客户说数据线不用带走' },
      ],
      withoutTicket: false,
    });
    await page.getByTestId('wo-handover-record').waitFor();
    expect(await page.getByTestId('wo-handover-record').textContent()).toContain(
      '未归还 数据线：客户说数据线不用带走',
    );
    const timeline = (await page.getByTestId('wo-timeline').textContent()) ?? '';
    expect(timeline).toContain('交机');
    expect(timeline).toContain('已归还：充电器');
    await desk.stillShot(page, 'handover-04-delivered');
    await page.context().close();
  });

  it('scanning the claim ticket finds the order and opens its delivery; the pickup signature prints on the settlement', async () => {
    const admin = await desk.signedIn(ADMIN);
    // 设置 → 交机: the pickup signature required, an ID note without the ticket.
    await admin.goto(`${desk.server.origin}/#/settings`);
    await admin.getByTestId('settings-handover-form').waitFor();
    await admin.getByTestId('settings-pickup-signature-required').check();
    await admin.getByTestId('settings-id-note-without-ticket').click();
    await admin.getByTestId('settings-handover-submit').click();
    await expect
      .poll(async () => (await rpc(admin, 'settings.get', {})).handover)
      .toEqual({ pickupSignature: 'required', idNoteWithoutTicket: true });
    await admin.getByTestId('settings-handover').scrollIntoViewIfNeeded();
    await desk.stillShot(admin, 'handover-00-settings');
    const created = await rpc(admin, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '电池鼓包',
      accessories: ['charger'],
    });
    await makeReady(admin, created.id);
    // 检测费 ¥30, settled and paid in cash: the settlement form is printed after the hand-over.
    await rpc(admin, 'workOrders.addCharge', { id: created.id, itemCode: 'JC' });
    const settlement = await rpc(admin, 'settlements.create', { id: created.id });
    await rpc(admin, 'settlements.pay', {
      settlementId: settlement.id,
      method: 'cash',
      amount: settlement.total,
    });
    await admin.context().close();

    const page = await desk.signedIn(CLERK);
    // What the claim ticket's barcode encodes: the order number.
    await openPrint(desk, page, `claim/${created.id}`);
    const code = await page.locator('.pf-root [data-testid="print-barcode"]').first().getAttribute('alt');
    expect(code).toBe(created.orderNo);

    // A scanner types the code and Enter into the search box: the order opens on its hand-over.
    await page.goto(`${desk.server.origin}/#/`);
    await page.getByTestId('global-search').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type(code ?? '', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/work-orders/${created.id}`);
    await page.getByTestId('wo-handover-form').waitFor();
    await page.getByTestId('wo-handover-scanned').waitFor();
    expect(await page.getByTestId('wo-handover-with-ticket').isChecked()).toBe(true);

    // The shop requires the pickup signature: without it the form refuses, nothing is sent.
    await page.getByTestId('wo-handover-returned-charger').check();
    await page.getByTestId('wo-handover-submit').click();
    await page.getByTestId('wo-handover-signature-missing').waitFor();
    expect((await rpc(page, 'workOrders.get', { id: created.id })).status).toBe('ready');
    await signWithMouse(page, 'wo-handover-signature');
    await desk.stillShot(page, 'handover-05-scanned-pickup');
    await page.getByTestId('wo-handover-submit').click();
    await page.locator('[data-testid="wo-detail"][data-status="delivered"]').waitFor();
    const order = await rpc(page, 'workOrders.get', { id: created.id });
    expect(order.signatures.map((s) => s.kind)).toEqual(['pickup']);
    expect(order.handover).toMatchObject({
      withoutTicket: false,
      items: [{ item: 'charger', returned: true }],
    });
    await page.getByTestId('wo-signature-pickup-image').waitFor();

    // The A5 settlement form: the pickup signature on the customer's line, the hand-over in a row.
    const facts = await printToPdf(desk, page, `settlement-a5/${settlement.id}`, 'handover-settlement-a5');
    expect(facts.pages).toBe(1);
    expectSize(facts, A5L);
    expect(facts.text).toContain('交机');
    expect(facts.text).toContain('已归还：充电器');
    expect(facts.text).toContain('凭取机凭条取机');
    const printed = page.locator('.pf-root [data-testid="print-signature"]');
    expect(await printed.count()).toBe(1);
    expect(await printed.getAttribute('src')).toBe(order.signatures[0]?.dataUrl);
    await page.context().close();
  });
});
