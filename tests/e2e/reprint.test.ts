import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OutputOf } from '@shared/contract';
import { rpc, startDesk, type Desk } from './fixture';
import { A4, catchPrints, expectSize, openPrint, pressPrint, savePdf } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

/**
 * Issue 11, item 5, in the real UI: what the customer holds is what we reprint. The intake receipt
 * keeps the estimate agreed at intake after the technician's quote; every reprint of every printed
 * form says 补打 with its number, counted by the server; the job sheet prints the diagnosis.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'reprint-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const DIAGNOSIS = '屏幕总成内屏破裂，排线正常；电池健康度 71%，建议一并更换。';

let desk: Desk;
let order: OutputOf<'workOrders.get'>;
let receiptDocId = '';
let screenId = '';
/** The business day the settlement was paid on: its 日结单 is printed. */
let paidOn = '';

async function waitForStatus(page: Page, status: string): Promise<void> {
  const reached = page.locator(`[data-testid="wo-detail"][data-status="${status}"]`);
  const refused = page.getByTestId('wo-move-error');
  await reached.or(refused).first().waitFor();
  if ((await reached.count()) === 0) throw new Error(`move refused: ${await refused.first().textContent()}`);
}

/** The 补打 marks the preview shows now. */
async function marksShown(page: Page): Promise<string[]> {
  return page.getByTestId('print-reprint').allTextContents();
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const current = await rpc(page, 'settings.get', {});
  await rpc(page, 'settings.update', {
    shop: { ...current.shop, address: '北京市朝阳区东大街 18 号', phone: '010-8888 6666' },
    counter: { ...current.counter, intakeCopies: 2 },
  });
  const supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行' })).id;
  screenId = (
    await rpc(page, 'parts.create', { code: 'SCR-IP13', name: 'iPhone 13 屏幕总成', salePrice: 45_000 })
  ).id;
  receiptDocId = (
    await rpc(page, 'stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [{ partId: screenId, qty: 5, unitCost: 30_000 }],
    })
  ).id;
  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '138 0013 8000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: '356789012345678' },
  );
  // Taken in at the counter with ¥800 agreed as the estimate.
  order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕碎裂，触摸失灵',
    technicianId: techId,
    estimate: 80_000,
  });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('reprints (补打)', () => {
  it('reprints the intake receipt after the quote with the ¥800 agreed at intake, marked 补打 (第 2 次)', async () => {
    const clerk = await desk.signedIn(CLERK);
    await catchPrints(clerk);
    await openPrint(desk, clerk, `intake-a5/${order.id}`);
    expect(await marksShown(clerk)).toEqual([]);
    expect(await pressPrint(clerk), 'the first print carries no mark').toEqual([]);
    const first = await savePdf(desk, clerk, 'reprint-intake-first');
    expect(first.pages).toBe(2);
    expect(first.text).toContain('¥800.00');
    expect(first.text).not.toContain('补打');

    // The technician diagnoses and quotes ¥760 on the order page.
    const tech = await desk.signedIn(TECH);
    await tech.goto(`${desk.server.origin}/#/work-orders/${order.id}`);
    await tech.getByTestId('wo-move-diagnosing').click();
    await waitForStatus(tech, 'diagnosing');
    await tech.getByTestId('wo-diagnosis').fill(DIAGNOSIS);
    await tech.getByTestId('wo-estimate').fill('760');
    await tech.getByTestId('wo-work-save').click();
    await expect.poll(() => tech.getByTestId('wo-estimate-shown').textContent()).toBe('¥760.00');
    expect(await tech.getByTestId('wo-intake-estimate-shown').textContent()).toBe('¥800.00');
    await tech.getByTestId('wo-move-quoted').click();
    await waitForStatus(tech, 'quoted');
    await desk.stillShot(tech, 'reprint-order-quoted');
    await tech.context().close();

    // The customer comes back for a copy: the same receipt, marked as the second print.
    await openPrint(desk, clerk, `intake-a5/${order.id}`);
    expect(await marksShown(clerk), 'the preview shows what 打印 will print').toEqual([
      '补打 (第 2 次)',
      '补打 (第 2 次)',
    ]);
    expect(await pressPrint(clerk), 'both copies of the reprint carry the mark').toEqual([
      '补打 (第 2 次)',
      '补打 (第 2 次)',
    ]);
    const again = await savePdf(desk, clerk, 'reprint-intake-second');
    expect(again.pages).toBe(2);
    expect(again.text).toContain('¥800.00');
    expect(again.text).not.toContain('¥760.00');
    expect(again.text.match(/补打 \(第 2 次\)/g)).toHaveLength(2);
    expect(await rpc(clerk, 'prints.count', { form: 'intakeReceipt', documentId: order.id })).toEqual({
      count: 2,
    });

    // A4 is the same 接机单 on other paper: printing it is the third print.
    await openPrint(desk, clerk, `intake-a4/${order.id}`);
    expect(await pressPrint(clerk)).toEqual(['补打 (第 3 次)', '补打 (第 3 次)']);
    const a4 = await savePdf(desk, clerk, 'reprint-intake-a4-third');
    expect(a4.pages).toBe(1);
    expectSize(a4, A4);
    expect(a4.text).toContain('¥800.00');
    await clerk.context().close();
  });

  it('prints the diagnosis on the job sheet, and the current quote labelled as such', async () => {
    const tech = await desk.signedIn(TECH);
    await catchPrints(tech);
    await openPrint(desk, tech, `jobsheet/${order.id}`);
    expect(await tech.getByTestId('print-diagnosis').textContent()).toBe(DIAGNOSIS);
    expect(await tech.getByTestId('print-current-quote').textContent()).toBe('¥760.00');
    expect(await pressPrint(tech)).toEqual([]);
    const sheet = await savePdf(desk, tech, 'reprint-jobsheet');
    expect(sheet.pages).toBe(1);
    expectSize(sheet, A4);
    const text = sheet.text.replace(/\s+/g, '');
    expect(text).toContain(DIAGNOSIS.replace(/\s+/g, ''));
    expect(text).toContain('预估费用¥800.00');
    expect(text).toContain('当前报价¥760.00');
    await tech.context().close();
  });

  it('marks a reprinted settlement: A5 then A4 are one 结算单, the 80 mm slip counts on its own', async () => {
    const admin = await desk.signedIn(ADMIN);
    await rpc(admin, 'workOrders.transition', {
      id: order.id,
      to: 'inRepair',
      approval: { by: '张三', method: 'phone' },
    });
    await rpc(admin, 'workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    await rpc(admin, 'workOrders.addPart', { id: order.id, partId: screenId, qty: 1 });
    const settlement = await rpc(admin, 'settlements.create', { id: order.id });
    expect(settlement.total).toBe(53_000);
    const paid = await rpc(admin, 'settlements.pay', {
      settlementId: settlement.id,
      method: 'cash',
      amount: 53_000,
    });
    paidOn = paid.payments[0]?.businessDate ?? '';
    await admin.context().close();

    const clerk = await desk.signedIn(CLERK);
    await catchPrints(clerk);
    await openPrint(desk, clerk, `settlement-a5/${settlement.id}`);
    expect(await pressPrint(clerk)).toEqual([]);
    // Printed again from the same preview: the server's count says it is the second.
    expect(await pressPrint(clerk)).toEqual(['补打 (第 2 次)']);
    const a5 = await savePdf(desk, clerk, 'reprint-settlement-a5');
    expect(a5.pages).toBe(1);
    expect(a5.text).toContain('补打 (第 2 次)');
    expect(a5.text).toContain('维修结算单');

    await openPrint(desk, clerk, `settlement-a4/${settlement.id}`);
    expect(await pressPrint(clerk)).toEqual(['补打 (第 3 次)']);
    const a4 = await savePdf(desk, clerk, 'reprint-settlement-a4');
    expect(a4.pages).toBe(1);
    expectSize(a4, A4);
    expect(a4.text).toContain('补打 (第 3 次)');

    await openPrint(desk, clerk, `settlement-receipt/${settlement.id}`);
    expect(await marksShown(clerk)).toEqual([]);
    expect(await pressPrint(clerk)).toEqual([]);
    // Ctrl+P goes through 打印 too: recorded, and marked.
    const before = await clerk.evaluate(
      () => (globalThis as unknown as { __prints: unknown[] }).__prints.length,
    );
    await clerk.keyboard.press('Control+p');
    await expect
      .poll(() => clerk.evaluate(() => (globalThis as unknown as { __prints: unknown[] }).__prints.length))
      .toBe(before + 1);
    expect(await marksShown(clerk)).toEqual(['补打 (第 2 次)']);
    const slip = await savePdf(desk, clerk, 'reprint-settlement-receipt');
    expect(slip.pages).toBe(1);
    expect(slip.text).toContain('补打 (第 2 次)');
    await clerk.context().close();
  });

  it('marks every other printed form from its second print on', async () => {
    const admin = await desk.signedIn(ADMIN);
    await catchPrints(admin);
    expect(paidOn).not.toBe('');
    const routes: [string, string][] = [
      [`claim/${order.id}`, 'claim'],
      [`stockDocument/${receiptDocId}`, 'stock-document'],
      ['stockList/all', 'stock-list'],
      [`day-close/${paidOn}`, 'day-close'],
      ['report-summary/2026-11-01_2026-11-30_day', 'report-summary'],
      ['report-technicians/2026-11-01_2026-11-30_day', 'report-technicians'],
      ['report-warranty/2026-11-01_2026-11-30_day', 'report-warranty'],
    ];
    for (const [route, name] of routes) {
      await openPrint(desk, admin, route);
      expect(await pressPrint(admin), route).toEqual([]);
      const first = await savePdf(desk, admin, `reprint-${name}-first`);
      expect(first.text, route).not.toContain('补打');
      await openPrint(desk, admin, route);
      const marks = await pressPrint(admin);
      expect(marks.length, route).toBeGreaterThan(0);
      expect(new Set(marks), route).toEqual(new Set(['补打 (第 2 次)']));
      const second = await savePdf(desk, admin, `reprint-${name}`);
      expect(second.text, route).toContain('补打 (第 2 次)');
      // The mark takes no room the form needs: a reprint has the pages of the first print.
      expect(second.pages, route).toBe(first.pages);
    }
    await openPrint(desk, admin, `stockDocument/${receiptDocId}`);
    expect(await marksShown(admin), 'the next print of it would be the third').toEqual(['补打 (第 3 次)']);

    // The English forms say it in English.
    await admin.evaluate(() => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('desk.lang', 'en-US');
    });
    await admin.reload();
    await catchPrints(admin);
    await openPrint(desk, admin, `claim/${order.id}`);
    expect(await marksShown(admin)).toEqual(['Reprint #3']);
    await admin.context().close();
  });

  it('left no warnings or errors in the browser console', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});
