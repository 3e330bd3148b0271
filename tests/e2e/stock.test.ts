import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ARTIFACTS, rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, printToPdf, tool } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const SUPPLIER = '华强北电子';
const PART = {
  code: 'BAT-IP13',
  name: 'iPhone 13 电池',
  spec: '3227mAh 原装电芯',
  category: '电池',
  location: 'A-01',
  barcode: '6970000013013',
  cost: '85',
  sale: '199',
  min: '2',
};

let desk: Desk;
let orderId = '';
let receiptId = '';
let receiptNo = '';

/** Open a 配件库存 page from the side menu, as a clerk would. */
async function openFromMenu(page: Page, item: string): Promise<void> {
  // Opened by its state, not by what is visible: a submenu still sliding open is not visible yet,
  // and a click on its title then would close it again.
  const submenu = page.locator('.ant-menu-submenu-title', { has: page.getByTestId('nav-parts') });
  if ((await submenu.getAttribute('aria-expanded')) !== 'true') await submenu.click();
  await page.getByTestId(`nav-${item}`).click();
}

/** Pick an option of an antd Select by typing its label and pressing Enter. */
async function choose(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** The alert count on 配件库存 (always shown) and, when the submenu is open, on 库存预警. */
async function alertBadge(page: Page, where: 'parts' | 'stockAlerts' = 'parts'): Promise<string | null> {
  return page.getByTestId(`nav-${where}-badge`).getAttribute('data-count', { timeout: 5_000 });
}

/**
 * The .xlsx as LibreOffice reads it: converted headless to CSV. On CI LibreOffice is a prerequisite;
 * on a machine without it the check is skipped with a note (it is being installed on dev boxes).
 */
function xlsxToCsv(file: string): string | null {
  const office = ['libreoffice', 'soffice'].find((bin) => {
    try {
      execFileSync('which', [bin], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });
  if (!office) {
    if (process.env.CI) throw new Error('LibreOffice is missing: apt-get install -y libreoffice-calc');
    console.warn('[stock e2e] LibreOffice not found: the .xlsx → CSV check is skipped on this machine.');
    return null;
  }
  const outDir = mkdtempSync(join(tmpdir(), 'desk-csv-'));
  // Its own profile, so a desktop LibreOffice that is open does not swallow the conversion.
  const profile = `file://${mkdtempSync(join(tmpdir(), 'desk-lo-'))}`;
  tool(office, [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--convert-to',
    'csv:Text - txt - csv (StarCalc):44,34,76',
    '--outdir',
    outDir,
    file,
  ]);
  const csv = readdirSync(outDir).find((f) => f.endsWith('.csv'));
  expect(csv, `LibreOffice wrote nothing for ${file}`).toBeDefined();
  const text = readFileSync(join(outDir, csv ?? ''), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return text;
}

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  const { techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  const current = await rpc(page, 'settings.get', {});
  await rpc(page, 'settings.update', {
    shop: { ...current.shop, address: '北京市朝阳区东大街 18 号', phone: '010-8888 6666' },
  });
  const { customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '13800138000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: '356789012345013' },
  );
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '电池鼓包，续航很短',
    technicianId: techId,
  });
  orderId = order.id;
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('parts and stock, as the counter uses them', () => {
  it('a clerk creates a supplier and a part, posts a receipt of 3 by scanning, and on-hand shows 3', async () => {
    const page = await desk.signedIn(CLERK);

    await openFromMenu(page, 'suppliers');
    await page.getByTestId('suppliers-create').click();
    await page.getByTestId('supplier-name').fill(SUPPLIER);
    await page.getByTestId('supplier-contact').fill('陈经理');
    await page.getByTestId('supplier-phone').fill('0755-8888 1234');
    await page.getByTestId('supplier-submit').click();
    await page.getByTestId(`supplier-row-${SUPPLIER}`).waitFor();
    await desk.stillShot(page, 'stock-01-suppliers');

    await openFromMenu(page, 'partsCatalog');
    await page.getByTestId('parts-create').click();
    const form = page.getByTestId('part-form');
    await form.waitFor();
    await page.getByTestId('part-code').fill(PART.code.toLowerCase());
    await page.getByTestId('part-name').fill(PART.name);
    await page.getByTestId('part-spec').fill(PART.spec);
    await page.getByTestId('part-barcode').fill(PART.barcode);
    await page.getByTestId('part-models').fill('iPhone 13 / iPhone 13 mini');
    await page.getByTestId('part-category').locator('input').fill(PART.category);
    await page.getByTestId('part-location').locator('input').fill(PART.location);
    await page.getByTestId('part-cost').fill(PART.cost);
    await page.getByTestId('part-sale').fill(PART.sale);
    await page.getByTestId('part-min').fill(PART.min);
    await choose(page, 'part-supplier', SUPPLIER);
    await desk.stillShot(page, 'stock-02-part-form');
    await page.getByTestId('part-submit').click();
    // The code is stored upper-case, whatever was typed.
    await page.getByTestId(`part-row-${PART.code}`).waitFor();
    expect(await page.getByTestId(`part-onhand-${PART.code}`).textContent()).toBe('0');

    // A second part with the same code is refused on the code field.
    await page.getByTestId('parts-create').click();
    await page.getByTestId('part-code').fill(PART.code);
    await page.getByTestId('part-name').fill('重复的编码');
    await page.getByTestId('part-submit').click();
    await expect.poll(() => page.getByTestId('part-error').textContent()).toContain('编码已被使用');
    await page.keyboard.press('Escape');

    // 入库单: supplier, the barcode scanned into the picker with Enter, quantity 3 at the part's cost.
    await openFromMenu(page, 'stockDocuments');
    await page.getByTestId('doc-new-receipt').click();
    await page.getByTestId('doc-editor').waitFor();
    await choose(page, 'doc-supplier', SUPPLIER);
    await page.getByTestId('doc-picker-search').fill(PART.barcode);
    await page.getByTestId('doc-picker-search').press('Enter');
    await page.getByTestId(`line-${PART.code}`).waitFor();
    expect(await page.getByTestId(`line-cost-${PART.code}`).inputValue()).toBe('85.00');
    // A second scan of the same part adds one; then the clerk types the real quantity.
    await page.getByTestId('doc-picker-search').fill(PART.barcode);
    await page.getByTestId('doc-picker-search').press('Enter');
    await expect.poll(() => page.getByTestId(`line-qty-${PART.code}`).inputValue()).toBe('2');
    await page.getByTestId(`line-qty-${PART.code}`).fill('3');
    await expect.poll(() => page.getByTestId('doc-total-amount').textContent()).toBe('¥255.00');
    await desk.stillShot(page, 'stock-03-receipt-editor');
    await page.getByTestId('doc-post').click();

    await page.getByTestId('doc-posted').waitFor();
    receiptNo = (await page.getByTestId('doc-no').textContent()) ?? '';
    expect(receiptNo).toMatch(/^RK-BJ01-\d{8}-\d{4}$/);
    receiptId = /#\/stock\/documents\/([0-9a-f-]+)/.exec(page.url())?.[1] ?? '';
    expect(receiptId).not.toBe('');
    expect(await page.getByTestId('doc-detail-total-qty').textContent()).toBe('+3');
    await desk.stillShot(page, 'stock-04-receipt-posted');

    await openFromMenu(page, 'partsCatalog');
    await expect.poll(() => page.getByTestId(`part-onhand-${PART.code}`).textContent()).toBe('3');
    const part = (await rpc(page, 'parts.list', { search: PART.code })).rows[0];
    expect(part?.onHand).toBe(3);
    expect(part?.costPrice).toBe(8500);

    // The part's ledger: the receipt's movement, linked to its document.
    await page.getByTestId(`part-row-${PART.code}`).click();
    await page.getByTestId('part-detail').waitFor();
    await page.getByTestId(`movement-doc-${receiptNo}`).waitFor();
    await desk.stillShot(page, 'stock-05-part-ledger');
    await page.keyboard.press('Escape');
    // No alert yet: 3 on hand is above the minimum of 2.
    await expect.poll(() => alertBadge(page)).toBe('0');
    await page.context().close();
  });

  it('a scrap refused by the server (stock gone meanwhile) says so on the line and changes nothing', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/stock/documents/new/scrap`);
    await page.getByTestId('doc-editor').waitFor();
    await page.getByTestId('doc-reason').fill('安装时损坏');
    await page.getByTestId('doc-picker-search').fill(PART.code);
    await page.getByTestId('doc-picker-search').press('Enter');
    await page.getByTestId(`line-${PART.code}`).waitFor();
    await page.getByTestId(`line-qty-${PART.code}`).fill('3');

    // Meanwhile the technician takes two for the order (领料 through the work order).
    const bench = await desk.signedIn(TECH);
    const part = (await rpc(bench, 'parts.list', { search: PART.code })).rows[0];
    await rpc(bench, 'workOrders.addPart', { id: orderId, partId: part?.id ?? '', qty: 2 });
    await bench.context().close();

    await page.getByTestId('doc-post').click();
    await expect
      .poll(() => page.getByTestId(`line-error-${PART.code}`).textContent())
      .toContain('库存不足（现存 1）');
    expect(await page.getByTestId('doc-error').textContent()).toContain('库存不足');
    await desk.stillShot(page, 'stock-06-scrap-refused');
    const after = (await rpc(page, 'parts.list', { search: PART.code })).rows[0];
    expect(after?.onHand).toBe(1);
    await page.context().close();
  });

  it('the low-stock alert appears (badge 1); an order waiting for the part comes first; the receipt flags the order', async () => {
    const page = await desk.signedIn(CLERK);
    const alerts = await rpc(page, 'stock.alerts', {});
    expect(alerts).toHaveLength(1);
    // 2 × minimum + waited for − on hand = 2 × 2 + 0 − 1.
    expect(alerts[0]?.suggestedQty).toBe(3);
    await expect.poll(() => alertBadge(page)).toBe('1');
    await expect.poll(() => page.getByTestId('nav-parts-badge').textContent()).toBe('1');

    await openFromMenu(page, 'stockAlerts');
    await expect.poll(() => alertBadge(page, 'stockAlerts')).toBe('1');
    await page.getByTestId(`alert-row-${PART.code}`).waitFor();
    expect(await page.getByTestId(`alert-suggested-${PART.code}`).textContent()).toBe('3 个');
    expect(await page.getByTestId(`alert-onhand-${PART.code}`).textContent()).toBe('1');

    // The technician finds the order needs two more batteries: it waits for them.
    const bench = await desk.signedIn(TECH);
    const part = (await rpc(bench, 'parts.list', { search: PART.code })).rows[0];
    await rpc(bench, 'workOrders.transition', { id: orderId, to: 'diagnosing' });
    const waiting = await rpc(bench, 'workOrders.transition', {
      id: orderId,
      to: 'awaitingParts',
      waitingFor: [{ partId: part?.id ?? '', qty: 2 }],
    });
    await bench.context().close();

    await page.reload();
    await page.getByTestId(`alert-order-${waiting.orderNo}`).waitFor();
    const alert = (await rpc(page, 'stock.alerts', {}))[0];
    expect(alert?.waitingQty).toBe(2);
    // 2 × 2 + 2 − 1.
    expect(alert?.suggestedQty).toBe(5);
    expect(await page.getByTestId(`alert-suggested-${PART.code}`).textContent()).toBe('5 个');
    await desk.stillShot(page, 'stock-07-alerts');

    await page.getByTestId('alerts-reorder').click();
    await page.getByTestId('doc-editor').waitFor();
    expect(await page.getByTestId(`line-qty-${PART.code}`).inputValue()).toBe('5');
    await expect.poll(() => page.getByTestId('doc-supplier').textContent()).toContain(SUPPLIER);
    await desk.stillShot(page, 'stock-08-reorder-receipt');
    await page.getByTestId('doc-post').click();
    await page.getByTestId('doc-posted').waitFor();

    // The part arrived: the order is flagged, and nothing is low any more.
    const order = await rpc(page, 'workOrders.get', { id: orderId });
    expect(order.waitingFor[0]?.arrivedAt).not.toBeNull();
    await expect.poll(() => alertBadge(page)).toBe('0');
    await page.context().close();
  });

  it('the stock on hand exports to .xlsx that LibreOffice reads, with the part and its quantity', async () => {
    const page = await desk.signedIn(CLERK);
    await openFromMenu(page, 'stockReports');
    await page.getByTestId('valuation-table').waitFor();
    const onHand = (await rpc(page, 'parts.list', { search: PART.code })).rows[0]?.onHand ?? -1;
    expect(onHand).toBe(6);
    await expect
      .poll(() => page.getByTestId(`valuation-onhand-${PART.code}`).textContent())
      .toBe(String(onHand));
    await desk.stillShot(page, 'stock-09-valuation');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('valuation-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = join(ARTIFACTS, 'stock-on-hand.xlsx');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');

    const csv = xlsxToCsv(file);
    if (csv !== null) {
      const row = csv.split(/\r?\n/).find((line) => line.includes(PART.code));
      expect(row, csv).toBeDefined();
      const cells = (row ?? '').split(',').map((c) => c.replace(/^"|"$/g, ''));
      expect(cells).toContain(PART.name);
      // The on-hand column holds the quantity as a number.
      const header =
        csv
          .split(/\r?\n/)[0]
          ?.split(',')
          .map((c) => c.replace(/^"|"$/g, '')) ?? [];
      const onHandAt = header.findIndex((h) => /现存|库存|On hand/i.test(h));
      expect(onHandAt, header.join('|')).toBeGreaterThanOrEqual(0);
      expect(cells[onHandAt]).toBe(String(onHand));
    }

    // The movements of this month: two receipts in (3 + 5), the issue to the order out (2).
    await page.getByTestId('reports-tab-movements').click();
    await page.getByTestId('movements-table').waitFor();
    await expect.poll(() => page.getByTestId('movements-in').textContent()).toContain('8');
    await expect.poll(() => page.getByTestId('movements-out').textContent()).toContain('2');
    await desk.stillShot(page, 'stock-10-movements');

    // Most used in the last 30 days: the two batteries the order took.
    await page.getByTestId('reports-tab-usage').click();
    await expect.poll(() => page.getByTestId(`usage-qty-${PART.code}`).textContent()).toBe('2 个');
    await page.context().close();
  });

  it('a parts import with a bad row is refused whole, by row and column; fixed, it imports', async () => {
    const page = await desk.signedIn(CLERK);
    await openFromMenu(page, 'partsCatalog');
    await page.getByTestId('parts-import').click();
    await page.getByTestId('parts-import-dialog').waitFor();
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('parts-import-template').click(),
    ]);
    const templateFile = join(ARTIFACTS, 'parts-template.xlsx');
    await template.saveAs(templateFile);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templateFile);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('the template has no sheet');
    const headers = new Map<string, number>();
    sheet.getRow(1).eachCell((cell, col) => headers.set(String(cell.value).replace(/\*/g, '').trim(), col));
    const put = (row: number, header: string, value: string | number) => {
      const col = headers.get(header);
      if (!col) throw new Error(`no column ${header} in the template: ${[...headers.keys()].join(', ')}`);
      sheet.getRow(row).getCell(col).value = value;
    };
    // Row 2 is good, row 3 has no name: nothing may be imported.
    put(2, '编码', 'SCR-IP13');
    put(2, '名称', 'iPhone 13 屏幕总成');
    put(3, '编码', 'CAM-IP13');
    put(3, '名称', '');
    const bad = join(ARTIFACTS, 'parts-import-bad.xlsx');
    await workbook.xlsx.writeFile(bad);

    const fileInput = page.getByTestId('parts-import-dialog').locator('input[type="file"]');
    await fileInput.setInputFiles(bad);
    await page.getByTestId('parts-import-errors').waitFor();
    const errorText = (await page.getByTestId('parts-import-errors').textContent()) ?? '';
    expect(errorText).toContain('3');
    expect(errorText).toContain('名称');
    expect(errorText).toContain('必填');
    expect(await page.getByTestId('parts-import-commit').isDisabled()).toBe(true);
    await desk.stillShot(page, 'stock-11-import-errors');
    expect((await rpc(page, 'parts.list', { search: 'SCR-IP13' })).total).toBe(0);

    put(3, '名称', 'iPhone 13 后置摄像头');
    const good = join(ARTIFACTS, 'parts-import-good.xlsx');
    await workbook.xlsx.writeFile(good);
    await fileInput.setInputFiles(good);
    await page.getByTestId('parts-import-ready').waitFor();
    await page.getByTestId('parts-import-commit').click();
    await page.getByTestId('part-row-SCR-IP13').waitFor();
    await page.getByTestId('part-row-CAM-IP13').waitFor();
    await page.context().close();
  });

  it('a count shows the differences before posting; a manager reverses it and the stock is back', async () => {
    const page = await desk.signedIn(CLERK);
    await openFromMenu(page, 'stockDocuments');
    await page.getByTestId('doc-new-count').click();
    await page.getByTestId('doc-editor').waitFor();
    await choose(page, 'count-category', PART.category);
    await page.getByTestId('count-load').click();
    await page.getByTestId(`line-${PART.code}`).waitFor();
    expect(await page.getByTestId(`line-onhand-${PART.code}`).textContent()).toBe('6 个');
    // Posting with the counted figure missing is stopped on the line.
    await page.getByTestId('doc-post').click();
    await expect.poll(() => page.getByTestId(`line-error-${PART.code}`).textContent()).toContain('实盘');
    await page.getByTestId(`line-counted-${PART.code}`).fill('9');
    await expect.poll(() => page.getByTestId(`line-diff-${PART.code}`).textContent()).toBe('+3');
    expect(await page.getByTestId('count-summary').textContent()).toContain('盘盈 1 项');
    await page.getByTestId('doc-reason').fill('月末盘点');
    await desk.stillShot(page, 'stock-12-count-editor');
    await page.getByTestId('doc-post').click();
    await page.getByTestId('doc-posted').waitFor();
    const countNo = (await page.getByTestId('doc-no').textContent()) ?? '';
    expect(countNo).toMatch(/^PD-BJ01-/);
    // A clerk may not reverse: the button is not there.
    expect(await page.getByTestId('doc-reverse').count()).toBe(0);
    const countUrl = page.url();
    await page.context().close();

    const manager = await desk.signedIn(ADMIN);
    await manager.goto(countUrl);
    await manager.getByTestId('doc-reverse').click();
    await manager.getByTestId('reverse-reason').fill('盘点数录错');
    await manager.getByTestId('reverse-submit').click();
    await manager.getByTestId('doc-reverses').waitFor();
    expect(await manager.getByTestId('doc-reverses').textContent()).toBe(countNo);
    expect(await manager.getByTestId('doc-no').textContent()).toMatch(/^CX-BJ01-/);
    expect(await manager.getByTestId('doc-detail-total-qty').textContent()).toBe('-3');
    await desk.stillShot(manager, 'stock-13-reversal');
    const part = (await rpc(manager, 'parts.list', { search: PART.code })).rows[0];
    expect(part?.onHand).toBe(6);

    // A manager's adjustment: a signed quantity and a reason.
    await openFromMenu(manager, 'stockDocuments');
    await manager.getByTestId('doc-new-adjustment').click();
    await manager.getByTestId('doc-editor').waitFor();
    await manager.getByTestId('doc-reason').fill('货架上找到一块坏电池，先调减');
    await manager.getByTestId('doc-picker-search').fill(PART.code);
    await manager.getByTestId('doc-picker-search').press('Enter');
    await manager.getByTestId(`line-qty-${PART.code}`).fill('-1');
    await desk.stillShot(manager, 'stock-14-adjustment');
    await manager.getByTestId('doc-post').click();
    await manager.getByTestId('doc-posted').waitFor();
    expect(await manager.getByTestId('doc-no').textContent()).toMatch(/^TZ-BJ01-/);
    expect((await rpc(manager, 'parts.list', { search: PART.code })).rows[0]?.onHand).toBe(5);

    await openFromMenu(manager, 'stockDocuments');
    await manager.getByTestId(`doc-row-${countNo}`).waitFor();
    await desk.stillShot(manager, 'stock-15-documents');
    await manager.context().close();
  });

  it('the 入库单 prints on one clean A4 page; the stock list prints with its totals', async () => {
    const page = await desk.signedIn(CLERK);
    const doc = await printToPdf(desk, page, `stockDocument/${receiptId}`, 'stock-receipt');
    expect(doc.pages).toBe(1);
    expectSize(doc, A4);
    expect(doc.pngs).toHaveLength(1);
    for (const words of ['入库单', '城东维修中心', receiptNo, SUPPLIER, PART.code, PART.name, '¥85.00']) {
      expect(doc.text).toContain(words);
    }
    for (const words of ['¥255.00', '贰佰伍拾伍元整', '经办人', '仓管', '审核'])
      expect(doc.text).toContain(words);
    expect(await page.getByTestId('print-barcode').count()).toBeGreaterThan(0);

    const list = await printToPdf(desk, page, 'stockList/all', 'stock-list');
    expect(list.pages).toBeGreaterThanOrEqual(1);
    expect(Math.abs(list.width - A4.width)).toBeLessThanOrEqual(2);
    for (const words of ['库存清单', PART.code, PART.name, '合计']) expect(list.text).toContain(words);
    expect(list.text).toMatch(/第\s*1\s*\/\s*1\s*页/);
    await page.context().close();
  });

  it('a long receipt continues on further A4 sheets; the long stock list repeats its header on every page', async () => {
    const page = await desk.signedIn(CLERK);
    const supplier = (await rpc(page, 'suppliers.list', {})).find((s) => s.name === SUPPLIER);
    const lines = [];
    for (let i = 1; i <= 60; i += 1) {
      const code = `TST-${String(i).padStart(3, '0')}`;
      const part = await rpc(page, 'parts.create', {
        code,
        name: `测试配件 ${i} 号（长名称用来检查换行与截断）`,
        spec: `规格 ${i}`,
        category: '测试',
        location: `B-${String(i % 10).padStart(2, '0')}`,
        costPrice: 1000 + i,
      });
      lines.push({ partId: part.id, qty: i, unitCost: 1000 + i });
    }
    const doc = await rpc(page, 'stock.post', { kind: 'receipt', supplierId: supplier?.id ?? '', lines });

    const long = await printToPdf(desk, page, `stockDocument/${doc.id}`, 'stock-receipt-long');
    // 25 lines a sheet: 60 lines are three sheets, each with the header and its page number.
    expect(long.pages).toBe(3);
    expect(long.pngs).toHaveLength(3);
    for (let p = 1; p <= 3; p += 1) {
      const text = tool('pdftotext', [
        '-layout',
        '-f',
        String(p),
        '-l',
        String(p),
        join(ARTIFACTS, 'stock-receipt-long.pdf'),
        '-',
      ]);
      expect(text).toContain('入库单');
      expect(text).toContain(doc.docNo);
      expect(text).toMatch(new RegExp(`第\\s*${p}\\s*/\\s*3\\s*页`));
    }
    expect(long.text).toContain('TST-060');
    expect(long.text).toContain('经办人');

    const list = await printToPdf(desk, page, 'stockList/all', 'stock-list-long');
    expect(list.pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= list.pages; p += 1) {
      const text = tool('pdftotext', [
        '-layout',
        '-f',
        String(p),
        '-l',
        String(p),
        join(ARTIFACTS, 'stock-list-long.pdf'),
        '-',
      ]);
      // The header row repeats on every page.
      expect(text).toContain('现存量');
      expect(text).toContain('成本价');
    }
    const valuation = await rpc(page, 'stock.valuation', {});
    const total = tool('pdftotext', [
      '-layout',
      '-f',
      String(list.pages),
      '-l',
      String(list.pages),
      join(ARTIFACTS, 'stock-list-long.pdf'),
      '-',
    ]);
    expect(total).toContain('合计');
    expect(total).toContain(
      `¥${(valuation.totalValue / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`,
    );
    await page.context().close();
  });

  it('in English, the parts page speaks English', async () => {
    const page = await desk.signedIn(CLERK);
    await page.evaluate(() => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('desk.lang', 'en-US');
    });
    await page.goto(`${desk.server.origin}/#/stock/parts`);
    await page.reload();
    await page.getByTestId(`part-row-${PART.code}`).waitFor();
    await expect.poll(() => page.getByTestId('parts-create').textContent()).toContain('New part');
    await page.getByTestId('parts-search').fill('IP13');
    await expect.poll(() => page.locator('[data-testid^="part-row-"]').count()).toBe(3);
    await desk.stillShot(page, 'stock-16-parts-en');
    await page.context().close();

    expect(desk.consoleProblems).toEqual([]);
    expect(existsSync(join(ARTIFACTS, 'stock-receipt-1.png'))).toBe(true);
  });
});
