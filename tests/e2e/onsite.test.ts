import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, printToPdf } from './pdf';
import { customerWithDevice, setUpShop } from './seed';
import { needsApproval } from '@shared/workOrderStatus';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const TECH2 = { username: 'zhanggong', displayName: '张工', password: 'tech-pass-2027' };

let desk: Desk;
let day = '';
let techId = '';
let tech2Id = '';
/** Three visits: two of 李工 whose windows overlap, one of 张工. */
const orders: { id: string; orderNo: string }[] = [];

/** Sign on a canvas with the mouse: a few strokes, as a customer's name. */
async function signWithMouse(page: Page, testId: string): Promise<void> {
  const canvas = page.getByTestId(`${testId}-canvas`);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the signature pad is not on screen');
  const at = (x: number, y: number) => ({ x: box.x + box.width * x, y: box.y + box.height * y });
  for (const stroke of [
    [at(0.1, 0.6), at(0.2, 0.3), at(0.3, 0.7), at(0.4, 0.35)],
    [at(0.5, 0.3), at(0.6, 0.75), at(0.7, 0.4), at(0.85, 0.6)],
  ]) {
    const [first, ...rest] = stroke;
    if (!first) continue;
    await page.mouse.move(first.x, first.y);
    await page.mouse.down();
    for (const point of rest) await page.mouse.move(point.x, point.y, { steps: 6 });
    await page.mouse.up();
  }
}

/** The order numbers of the cards in a lane, top to bottom. */
function laneOrders(page: Page, lane: string): Promise<string[]> {
  return page
    .locator(`[data-testid="board-lane"][data-lane="${lane}"] [data-testid="board-card"]`)
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-order') ?? ''));
}

beforeAll(async () => {
  desk = await startDesk();
  // 08:00 of the fake today: the day's visits lie ahead and the day does not end during the test.
  await desk.clock.set(desk.clock.today().hour(8).valueOf());
  day = desk.clock.today().format('YYYY-MM-DD');
  const page = await desk.open();
  ({ techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  tech2Id = (await rpc(page, 'users.create', { ...TECH2, role: 'technician' })).id;
  const visits = [
    {
      name: '陈阿姨',
      phone: '139 1000 0001',
      address: '朝阳区建国路 88 号 3 单元 501',
      model: 'KFR-35GW 空调',
      fault: '空调不制冷，外机不转',
      tech: techId,
      from: '09:00',
      to: '10:30',
    },
    {
      name: '刘先生',
      phone: '139 1000 0002',
      address: '朝阳区光华路 12 号院 2 号楼 1102',
      model: 'XQG100 洗衣机',
      fault: '洗衣机不脱水，报 E21',
      tech: techId,
      from: '10:00',
      to: '11:30',
    },
    {
      name: '赵女士',
      phone: '139 1000 0003',
      address: '东城区东直门外大街 46 号 807',
      model: 'BCD-470 冰箱',
      fault: '冷藏室结霜严重',
      tech: tech2Id,
      from: '14:00',
      to: '15:30',
    },
  ];
  for (const v of visits) {
    const { customerId, deviceId } = await customerWithDevice(
      page,
      { name: v.name, phones: [{ phone: v.phone, label: '手机' }], address: v.address },
      { category: '家电', brand: '美的', model: v.model },
    );
    const order = await rpc(page, 'workOrders.create', {
      customerId,
      deviceId,
      channel: 'onsite',
      reportedFault: v.fault,
    });
    await rpc(page, 'onsite.set', {
      id: order.id,
      address: v.address,
      day,
      fromTime: v.from,
      toTime: v.to,
      technicianIds: [v.tech],
      travelFee: 5000,
    });
    orders.push({ id: order.id, orderNo: order.orderNo });
  }
  // A part issued to 陈阿姨's order before the visit: the route sheet says to bring it.
  const supplierId = (await rpc(page, 'suppliers.create', { name: '美的配件中心' })).id;
  const part = await rpc(page, 'parts.create', { code: 'CAP-35', name: '压缩机启动电容', salePrice: 6000 });
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [{ partId: part.id, qty: 5, unitCost: 2500 }],
  });
  const first = orders[0]?.id ?? '';
  for (const to of ['diagnosing', 'inRepair'] as const) {
    const current = await rpc(page, 'workOrders.get', { id: first });
    await rpc(page, 'workOrders.transition', {
      id: first,
      to,
      ...(needsApproval(current.status, to) ? { approval: { by: '陈阿姨', method: 'phone' as const } } : {}),
    });
  }
  await rpc(page, 'workOrders.addPart', { id: first, partId: part.id, qty: 1 });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('on-site jobs', () => {
  it("shows the day's dispatch board by technician, marks the overlap, and reassigns a job by drag", async () => {
    const page = await desk.signedIn(CLERK);
    await page.getByTestId('nav-onsite').click();
    await page.getByTestId('onsite-board').waitFor();
    await expect.poll(() => page.getByTestId('board-day').textContent()).toBe(day);
    const [a, b, c] = orders.map((o) => o.orderNo);
    await expect.poll(() => laneOrders(page, techId)).toEqual([a, b]);
    expect(await laneOrders(page, tech2Id)).toEqual([c]);
    expect(await laneOrders(page, 'unassigned')).toEqual([]);
    expect(await page.locator(`[data-lane="${techId}"] [data-testid="board-conflict"]`).count()).toBe(2);
    await desk.stillShot(page, 'onsite-01-board');

    // Drag 刘先生's job (10:00–11:30) from 李工 to 张工 by its handle.
    const handle = page.locator(
      `[data-lane="${techId}"][data-order="${b}"] [data-testid="board-card-handle"]`,
    );
    const target = page.locator(`[data-testid="board-lane"][data-lane="${tech2Id}"]`);
    const from = await handle.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('the card or the lane is not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => laneOrders(page, tech2Id)).toEqual([b, c]);
    expect(await laneOrders(page, techId)).toEqual([a]);
    expect(await page.getByTestId('board-conflict').count()).toBe(0);
    await desk.stillShot(page, 'onsite-02-board-reassigned');

    // The order's timeline says who now goes.
    const detail = await rpc(page, 'workOrders.get', { id: orders[1]?.id ?? '' });
    expect(detail.events.filter((e) => e.kind === 'onsite').map((e) => e.data)).toEqual([
      expect.objectContaining({ action: 'schedule', technicians: ['李工'] }),
      {
        action: 'change',
        fields: ['technicians'],
        before: { technicians: ['李工'] },
        after: { technicians: ['张工'] },
      },
    ]);

    // The menu reassigns too (no drag): 陈阿姨's job to the unassigned lane and back to 李工.
    const card = page.locator(`[data-lane="${techId}"][data-order="${a}"]`);
    await card.getByTestId('board-reassign').click();
    await page.getByRole('menuitem', { name: '移回待派工' }).click();
    await expect.poll(() => laneOrders(page, 'unassigned')).toEqual([a]);
    await page.locator(`[data-lane="unassigned"][data-order="${a}"]`).getByTestId('board-reassign').click();
    await page.getByRole('menuitem', { name: '改派给 李工' }).click();
    await expect.poll(() => laneOrders(page, techId)).toEqual([a]);

    // Day navigation follows the server's day.
    await page.getByTestId('board-next').click();
    await expect
      .poll(() => page.getByTestId('board-day').textContent())
      .toBe(desk.clock.today(1).format('YYYY-MM-DD'));
    expect(await page.getByTestId('board-card').count()).toBe(0);
    await page.getByTestId('board-today').click();
    await expect.poll(() => page.getByTestId('board-day').textContent()).toBe(day);
    await page.context().close();
  });

  it('takes an 上门 order at the counter with its visit: the address comes from the customer', async () => {
    const page = await desk.signedIn(CLERK);
    const { customerId, deviceId } = await customerWithDevice(
      page,
      {
        name: '孙老师',
        phones: [{ phone: '139 1000 0004', label: '手机' }],
        address: '海淀区学院路 30 号 6-402',
      },
      { category: '家电', brand: '格力', model: 'KFR-26GW 空调' },
    );
    await page.goto(`${desk.server.origin}/#/intake?customerId=${customerId}&deviceId=${deviceId}`);
    await page.getByTestId('intake-order-form').waitFor();
    await page.getByTestId('intake-fault').fill('空调漏水');
    expect(await page.getByTestId('intake-onsite').count()).toBe(0);
    await page.getByTestId('intake-channel').click();
    await page.locator('.ant-select-item-option[title="上门"]').click();
    await expect
      .poll(() => page.getByTestId('intake-onsite-address').inputValue())
      .toBe('海淀区学院路 30 号 6-402');
    expect(await page.getByTestId('intake-onsite-fee').inputValue()).toBe('50.00');
    // Without the window the form refuses; nothing is saved.
    await page.getByTestId('intake-save').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await page.getByTestId('intake-onsite-day').fill(day);
    await page.getByTestId('intake-onsite-from').fill('16:00');
    await page.getByTestId('intake-onsite-to').fill('17:00');
    await page.getByTestId('intake-save').click();
    await page.getByTestId('wo-detail').waitFor();
    await expect.poll(() => page.getByTestId('wo-onsite-window').textContent()).toBe(`${day} 16:00–17:00`);
    await page.context().close();
  });

  it("prints the day's route sheets: one A4 page per technician, stops in window order", async () => {
    const page = await desk.signedIn(CLERK);
    const pdf = await printToPdf(desk, page, `routes/${day}`, 'onsite-03-route-sheets');
    expect(pdf.pages).toBe(2);
    expectSize(pdf, A4);
    expect(pdf.pngs).toHaveLength(2);
    const pages = pdf.text.split('\f');
    expect(pages[0]).toContain('上门路线单');
    expect(pages[0]).toContain('李工');
    expect(pages[0]).toContain('朝阳区建国路 88 号');
    expect(pages[0]).toContain('13910000001');
    // What to bring: the part issued to the order (the cell wraps the state onto a line of its own).
    expect(pages[0]).toContain('压缩机启动电容 ×1');
    expect(pages[0]).toContain('（已领）');
    expect(pages[0]).not.toContain('光华路');
    expect(pages[1]).toContain('张工');
    // 张工's stops in window order: 刘先生 at 10:00 before 赵女士 at 14:00.
    const second = pages[1] ?? '';
    expect(second.indexOf('光华路')).toBeGreaterThan(-1);
    expect(second.indexOf('光华路')).toBeLessThan(second.indexOf('东直门'));
    await page.context().close();
  });

  it('records arrival and finish from the technician’s screen, and the customer signs the service report', async () => {
    const page = await desk.signedIn(TECH);
    const { id, orderNo } = orders[0] ?? { id: '', orderNo: '' };
    await page.goto(`${desk.server.origin}/#/work-orders/${id}`);
    await page.getByTestId('wo-onsite').waitFor();
    await page.getByTestId(`onsite-arrive-${orderNo}`).click();
    await expect.poll(() => page.getByTestId('wo-onsite-arrived').textContent()).not.toBe('—');
    // A few minutes on the job (short of the idle lock).
    await desk.clock.advance(3 * 60_000);
    await page.getByTestId(`onsite-finish-${orderNo}`).click();
    await expect.poll(() => page.getByTestId('wo-onsite-finished').textContent()).not.toBe('—');
    const view = await rpc(page, 'onsite.get', { id });
    expect((view.job?.finishedAt ?? 0) - (view.job?.arrivedAt ?? 0)).toBeGreaterThanOrEqual(3 * 60_000);

    await page.getByTestId('wo-onsite-sign').click();
    await signWithMouse(page, 'wo-onsite-sign-pad');
    await page.getByTestId('wo-onsite-sign-save').click();
    await page.getByTestId('wo-onsite-signed').waitFor();
    await page.getByTestId('wo-signature-onsite-image').waitFor();
    await desk.stillShot(page, 'onsite-04-order-card');

    const pdf = await printToPdf(desk, page, `onsite-report/${id}`, 'onsite-05-service-report');
    expect(pdf.pages).toBe(1);
    expectSize(pdf, A4);
    expect(pdf.text).toContain('上门服务确认单');
    expect(pdf.text).toContain('陈阿姨');
    expect(pdf.text).toContain('上门费');
    expect(pdf.text).toContain('¥50.00');
    expect(await page.getByTestId('print-signature').count()).toBe(1);
    await page.context().close();
  });
});
