import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { OutputOf } from '@shared/contract';
import { rpc, startDesk, type Desk } from './fixture';
import { A4, expectSize, openPrint, pdfWords, printToPdf, savePdf, type PdfFacts } from './pdf';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'settle-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const TERMS = [
  '1. 请妥善保管本结算单，凭单享受保修服务；保修期内同一故障免费维修。',
  '2. 更换下的旧件如需带走请当场提出，逾期不予保留。',
  '3. 设备内数据请自行备份，维修过程中数据丢失本店不承担责任。',
  '4. 人为损坏、进水及非本店维修造成的损坏不在保修范围内。',
].join('\n');

/** PDF points: A5 landscape; an 80 mm roll's width. */
const A5L = { width: 595.28, height: 419.53 };
const RECEIPT_WIDTH = (80 / 25.4) * 72;

type Settlement = OutputOf<'settlements.get'>;

let desk: Desk;
/** The settlement: two labor lines, three parts (one under warranty), a discount, cash + WeChat. */
let settled: Settlement;
/** As full as one A5 sheet gets: 8 lines, a note, an approved discount and four payments. */
let fullA5: Settlement;
/** 20 lines with a note: as full as one A4 sheet gets, and two A5 sheets. */
let fullA4: Settlement;
/** A settlement with many lines, voided: it continues over sheets and carries the VOID mark. */
let long: Settlement;
let techId = '';
let customerId = '';
let deviceId = '';

/** A new order on the bench (in repair) for the shop's customer. */
async function orderInRepair(page: Page, fault: string): Promise<OutputOf<'workOrders.get'>> {
  const order = await rpc(page, 'workOrders.create', {
    customerId,
    deviceId,
    reportedFault: fault,
    technicianId: techId,
  });
  await rpc(page, 'workOrders.transition', { id: order.id, to: 'diagnosing' });
  return rpc(page, 'workOrders.transition', { id: order.id, to: 'inRepair' });
}

/**
 * The blocks of every sheet, in order, each below the one before and inside the sheet: nothing is
 * cut off at the foot or pushed under the signatures, which a PDF's page count alone would not show
 * (a sheet hides what overflows it).
 */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`
    Array.from(document.querySelectorAll('.pf-sheet')).flatMap((sheet, i) => {
      const problems = [];
      let above = sheet.getBoundingClientRect().top;
      const bottom = sheet.getBoundingClientRect().bottom + 0.5;
      const blocks = sheet.querySelectorAll(
        '.pf-head, .pf-table, .pf-settle-lines, .pf-settle-sum, .pf-settle-words, .pf-settle-terms, .pf-signs, .pf-settle-continued, .pf-stock-page',
      );
      for (const el of blocks) {
        const box = el.getBoundingClientRect();
        const mm = (px) => (px * 25.4 / 96).toFixed(1) + ' mm';
        if (box.top < above - 0.5) problems.push('sheet ' + (i + 1) + ' overlaps by ' + mm(above - box.top) + ': ' + el.className);
        if (box.bottom > bottom) problems.push('sheet ' + (i + 1) + ' cut off by ' + mm(box.bottom - bottom) + ': ' + el.className);
        above = box.bottom;
      }
      return problems;
    })
  `);
}

const PT_PER_MM = 72 / 25.4;

/**
 * Under print media, every box of every sheet that lies outside the form's printable width (the
 * content box of .pf-settle, inside the sheet's margins), with how far, in mm. The VOID mark spans
 * the sheet on purpose and is left out.
 */
async function boxesOutside(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`
    Array.from(document.querySelectorAll('.pf-sheet')).flatMap((sheet, i) => {
      const form = sheet.querySelector('.pf-settle');
      const style = getComputedStyle(form);
      const box = form.getBoundingClientRect();
      const left = box.left + parseFloat(style.paddingLeft);
      const right = box.right - parseFloat(style.paddingRight);
      const mm = (px) => (px * 25.4 / 96).toFixed(1) + ' mm';
      const problems = new Set();
      for (const el of form.querySelectorAll('*')) {
        if (el.closest('.pf-void-mark')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const name = el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '');
        if (r.right > right + 0.5) problems.add('sheet ' + (i + 1) + ': ' + name + ' sticks out ' + mm(r.right - right) + ' on the right');
        if (r.left < left - 0.5) problems.add('sheet ' + (i + 1) + ': ' + name + ' sticks out ' + mm(left - r.left) + ' on the left');
      }
      return [...problems];
    })
  `);
}

/** Print a route and check what every printed form shares: Chinese embedded, nothing cut off. */
async function print(page: Page, route: string, name: string): Promise<PdfFacts> {
  const facts = await printToPdf(desk, page, route, name);
  expect(await overflowing(page)).toEqual([]);
  // Four lines of terms fit every form whole (a form shrinks long terms, and cuts them only at the last).
  expect(await page.locator('.pf-root .is-clamped').count()).toBe(0);
  return facts;
}

/** How many lines each printed sheet carries. */
async function sheetLines(page: Page): Promise<number[]> {
  return page
    .getByTestId('print-settlement-sheet')
    .evaluateAll((sheets) =>
      sheets.map((sheet) => sheet.querySelectorAll('[data-testid="print-settlement-line"]').length),
    );
}

/** 20950 fen → ¥209.50, as the forms print it. */
function yuan(fen: number): string {
  return `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
}

/** pdftotext -layout spreads a line over columns; the words of one cell stay together. */
function squeezed(text: string): string {
  return text.replace(/[ \t]+/g, ' ');
}

beforeAll(async () => {
  // Settled, paid, closed and reopened: one business day, so it starts in the morning.
  desk = await startDesk({ hour: 9 });
  const page = await desk.open();
  ({ techId } = await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH }));
  const logo = `data:image/png;base64,${readFileSync(join(import.meta.dirname, '../../resources/icon.png')).toString('base64')}`;
  const current = await rpc(page, 'settings.get', {});
  await rpc(page, 'settings.update', {
    shop: { ...current.shop, address: '北京市朝阳区东大街 18 号', phone: '010-8888 6666', logo },
    counter: { ...current.counter, terms: TERMS },
  });

  const supplierId = (await rpc(page, 'suppliers.create', { name: '华强北配件行' })).id;
  const screen = await rpc(page, 'parts.create', {
    code: 'SCR-IP15P',
    name: 'iPhone 15 Pro 屏幕总成',
    spec: 'OLED 6.1英寸 原装',
    salePrice: 45_000,
  });
  const battery = await rpc(page, 'parts.create', {
    code: 'BAT-IP15P',
    name: 'iPhone 15 Pro 电池',
    spec: '3274mAh',
    salePrice: 15_000,
  });
  const film = await rpc(page, 'parts.create', {
    code: 'FILM-01',
    name: '钢化膜',
    spec: '高清防爆',
    salePrice: 2_000,
  });
  await rpc(page, 'stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: screen.id, qty: 5, unitCost: 30_000 },
      { partId: battery.id, qty: 5, unitCost: 8_000 },
      { partId: film.id, qty: 20, unitCost: 300 },
    ],
  });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '138 0013 8000', label: '手机' }] },
    { category: '手机', brand: 'Apple', model: 'iPhone 15 Pro', serialNo: '356789012345678' },
  ));

  // 检测费 ¥30 + 维修工时 1.5 h ¥120 + screen ¥450 + battery under warranty (¥150 → ¥0) + two films ¥40
  // = ¥640.00; less ¥30.50 off = ¥609.50, paid ¥400 cash (¥500 handed over) and ¥209.50 by WeChat.
  const order = await orderInRepair(page, '屏幕碎裂，电池鼓包');
  await rpc(page, 'workOrders.addCharge', { id: order.id, itemCode: 'JC' });
  await rpc(page, 'workOrders.addCharge', { id: order.id, itemCode: 'WX', hours: 1.5, amount: 12_000 });
  await rpc(page, 'workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 });
  await rpc(page, 'workOrders.addPart', {
    id: order.id,
    partId: battery.id,
    qty: 1,
    coveredByWarranty: true,
  });
  await rpc(page, 'workOrders.addPart', { id: order.id, partId: film.id, qty: 2 });
  const made = await rpc(page, 'settlements.create', {
    id: order.id,
    discount: { type: 'amount', value: 3_050 },
    note: '老客户优惠',
  });
  await rpc(page, 'settlements.pay', {
    settlementId: made.id,
    method: 'cash',
    amount: 40_000,
    tendered: 50_000,
  });
  const clerk = await desk.open();
  await rpc(clerk, 'auth.signIn', { username: CLERK.username, password: CLERK.password });
  settled = await rpc(clerk, 'settlements.pay', {
    settlementId: made.id,
    method: 'wechat',
    amount: 20_950,
    reference: '4200001234202611220001',
  });
  await clerk.context().close();
  for (const to of ['qc', 'ready', 'delivered'] as const) {
    await rpc(page, 'workOrders.transition', { id: order.id, to });
  }

  const eight = await orderInRepair(page, '进水，多处故障');
  for (const itemCode of ['JC', 'WX', 'SM', 'JJ', 'WX']) {
    await rpc(page, 'workOrders.addCharge', { id: eight.id, itemCode });
  }
  await rpc(page, 'workOrders.addPart', { id: eight.id, partId: screen.id, qty: 1 });
  await rpc(page, 'workOrders.addPart', {
    id: eight.id,
    partId: battery.id,
    qty: 1,
    coveredByWarranty: true,
  });
  await rpc(page, 'workOrders.addPart', { id: eight.id, partId: film.id, qty: 1 });
  // 15 % is above the shop's 10 % limit: the manager (admin) approves it by making the settlement.
  const eightMade = await rpc(page, 'settlements.create', {
    id: eight.id,
    discount: { type: 'percent', value: 15 },
    note: '客户自带配件一件，已检测可用；下次到店优先处理',
  });
  await rpc(page, 'settlements.pay', {
    settlementId: eightMade.id,
    method: 'cash',
    amount: 20_000,
    tendered: 20_000,
  });
  await rpc(page, 'settlements.pay', {
    settlementId: eightMade.id,
    method: 'alipay',
    amount: 10_000,
    reference: '2026112222001',
  });
  await rpc(page, 'settlements.pay', {
    settlementId: eightMade.id,
    method: 'card',
    amount: 10_000,
    reference: '6222****1234',
  });
  fullA5 = await rpc(page, 'settlements.pay', {
    settlementId: eightMade.id,
    method: 'wechat',
    amount: eightMade.total - 40_000,
  });

  const twenty = await orderInRepair(page, '批量检测');
  for (let i = 0; i < 20; i++) {
    await rpc(page, 'workOrders.addCharge', { id: twenty.id, itemCode: i % 2 ? 'WX' : 'JC' });
  }
  fullA4 = await rpc(page, 'settlements.create', { id: twenty.id, note: '单位报修，月结' });

  // 40 lines: A5 sheets of 18, 18 and 4 (8 fit beside the totals), A4 sheets of 31 and 9 (20).
  const big = await orderInRepair(page, '主板维修，多项检测');
  for (let i = 0; i < 40; i++) {
    await rpc(page, 'workOrders.addCharge', { id: big.id, itemCode: i % 2 ? 'WX' : 'JC' });
  }
  const bigSettlement = await rpc(page, 'settlements.create', { id: big.id });
  long = await rpc(page, 'settlements.void', { id: bigSettlement.id, reason: '客户要求重新报价' });

  await rpc(page, 'dayClose.close', { date: settled.payments[0]?.businessDate ?? '' });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

describe('the settlement (结算单) printed on A5, A4 and an 80 mm roll, and the day close', () => {
  it('the issue settlement adds up as printed', () => {
    expect(settled.lines.map((l) => l.kind)).toEqual(['labor', 'labor', 'part', 'part', 'part']);
    expect(settled.subtotal).toBe(64_000);
    expect(settled.warrantyValue).toBe(15_000);
    expect(settled.total).toBe(60_950);
    expect(settled.totalInWords).toBe('陆佰零玖元伍角整');
    expect(settled.paymentStatus).toBe('paid');
  });

  it('A5 landscape: one page with every line, the totals in figures and capitals, the payments', async () => {
    const page = await desk.signedIn(CLERK);
    const facts = await print(page, `settlement-a5/${settled.id}`, 'settlement-a5');
    expect(facts.pages).toBe(1);
    expectSize(facts, A5L);
    const text = squeezed(facts.text);
    for (const words of [
      '维修结算单',
      '城东维修中心',
      '010-8888 6666',
      settled.settlementNo,
      settled.orderNo,
      '张三',
      '13800138000',
      'Apple iPhone 15 Pro',
      '356789012345678',
      '检测费',
      '维修工时',
      '李工 · 1.5h',
      'iPhone 15 Pro 屏幕总成',
      'OLED 6.1英寸 原装',
      '钢化膜',
      '¥450.00',
      '保修',
      '原价 ¥150.00',
      '项目合计 ¥790.00',
      '保修减免 -¥150.00',
      '小计 ¥640.00',
      '折扣优惠 -¥30.50',
      '应收合计 ¥609.50',
      `人民币 ${settled.totalInWords}`,
      '现金',
      '实收 ¥500.00 · 找零 ¥100.00',
      '微信支付',
      '¥209.50',
      '已付 ¥609.50 · 未付 ¥0.00 · 已付清',
      '老客户优惠',
      '本次维修保修 90 天',
      '请妥善保管本结算单',
      '客户签字',
      '经办人',
      '日期',
    ]) {
      expect(text).toContain(words);
    }
    expect(await page.getByTestId('print-settlement-line').count()).toBe(5);
    expect(await page.locator('.pf-root img.print-barcode').count()).toBe(1);
    expect(await page.getByTestId('print-void-mark').count()).toBe(0);
    await page.context().close();
  });

  it('A4 portrait: one page', async () => {
    const page = await desk.signedIn(CLERK);
    const facts = await print(page, `settlement-a4/${settled.id}`, 'settlement-a4');
    expect(facts.pages).toBe(1);
    expectSize(facts, A4);
    const text = squeezed(facts.text);
    for (const words of [
      '维修结算单',
      settled.settlementNo,
      `人民币 ${settled.totalInWords}`,
      '应收合计 ¥609.50',
    ]) {
      expect(text).toContain(words);
    }
    await page.context().close();
  });

  it('every box of the A4 and A5 forms lies within the printable width: measured in print layout and in the PDF', async () => {
    const page = await desk.signedIn(CLERK);
    const margins = { a4: 12, a5: 8 };
    for (const paper of ['a4', 'a5'] as const) {
      for (const [name, s] of [
        ['issue', settled],
        ['full-a5', fullA5],
        ['full-a4', fullA4],
        ['long', long],
      ] as const) {
        await openPrint(desk, page, `settlement-${paper}/${s.id}`);
        await page.emulateMedia({ media: 'print' });
        const boxes = await boxesOutside(page);
        // Fitting inside is not bought by cutting: the payments' times and details print whole.
        const cut = await page.evaluate<string[]>(`
          Array.from(document.querySelectorAll('.pf-settle-pay td, .pf-settle-pay td > div'))
            .filter((el) => el.scrollWidth > el.clientWidth + 1)
            .map((el) => el.textContent)
        `);
        expect(cut, `${paper} ${name}: payment cells cut short`).toEqual([]);
        // Back to no emulation: page.pdf() prints with print media unless told otherwise.
        await page.emulateMedia({ media: null });

        // The PDF agrees: no word reaches into the margins (the totals box's figures are right-aligned
        // inside its right edge, so a box that sticks out carries them out too).
        const facts = await savePdf(desk, page, `settlement-width-${paper}-${name}`);
        const right = facts.width - margins[paper] * PT_PER_MM;
        const left = margins[paper] * PT_PER_MM;
        const out = pdfWords(facts.file).filter(
          (w) => !/^(作废|VOID)$/.test(w.text) && (w.xMax > right + 0.5 || w.xMin < left - 0.5),
        );
        expect(
          {
            boxes,
            words: out.map((w) => `p${w.page} ${w.text} ${w.xMin.toFixed(1)}–${w.xMax.toFixed(1)} pt`),
          },
          `${paper} ${name}: inside ${left.toFixed(1)}–${right.toFixed(1)} pt`,
        ).toEqual({ boxes: [], words: [] });
      }
    }
    await page.context().close();
  });

  it('80 mm receipt: one page as wide as the roll and as long as the slip', async () => {
    const page = await desk.signedIn(CLERK);
    const facts = await print(page, `settlement-receipt/${settled.id}`, 'settlement-receipt');
    expect(facts.pages).toBe(1);
    expect(Math.abs(facts.width - RECEIPT_WIDTH)).toBeLessThanOrEqual(1);
    expect(facts.height).toBeGreaterThan(300);
    expect(facts.height).toBeLessThan(1400);
    const text = squeezed(facts.text);
    for (const words of [
      '结算小票',
      settled.settlementNo,
      '张*',
      'iPhone 15 Pro 屏幕总成',
      '原价 ¥150.00',
      '¥609.50',
      settled.totalInWords,
      '找零 ¥100.00',
      '微信支付',
      '谢谢惠顾',
    ]) {
      expect(text).toContain(words);
    }
    // Anyone may find a slip: the name is masked.
    expect(text).not.toContain('张三');
    await page.context().close();
  });

  it('the day close on A4: closed, by whom, by method and by cashier, exactly the payments of the day', async () => {
    const date = settled.payments[0]?.businessDate ?? '';
    const page = await desk.signedIn(ADMIN);
    const report = await rpc(page, 'dayClose.get', { date });
    const facts = await print(page, `day-close/${date}`, 'day-close');
    expect(facts.pages).toBe(1);
    expectSize(facts, A4);
    const text = squeezed(facts.text);
    for (const words of ['日结单', date, '已日结', '王店长', '按收款方式', '按收银员', '收银员', '店长']) {
      expect(text).toContain(words);
    }
    // The two settlements paid that day: ¥609.50 (cash ¥400, WeChat ¥209.50 taken by the clerk) and
    // ¥629.00 (cash ¥200, Alipay ¥100, card ¥100, WeChat ¥229).
    const rows = await page.getByTestId('print-day-payments-row').allTextContents();
    expect(rows).toHaveLength(6);
    for (const p of [...settled.payments, ...fullA5.payments]) {
      expect(rows.filter((r) => r.includes(yuan(p.amount)))).not.toHaveLength(0);
    }
    expect(rows.filter((r) => r.includes(settled.settlementNo))).toHaveLength(2);
    expect(rows.filter((r) => r.includes(fullA5.settlementNo))).toHaveLength(4);
    expect(await page.getByTestId('print-day-refunds-row').count()).toBe(0);
    for (const words of [
      '现金 2 ¥600.00',
      '微信支付 2 ¥438.50',
      '支付宝 1 ¥100.00',
      '银行卡 1 ¥100.00',
      '王店长 5 ¥1,029.00',
      '小李 1 ¥209.50',
      '合计 6 ¥1,238.50',
      '当日净收 ¥1,238.50',
      '人民币 壹仟贰佰叁拾捌元伍角整',
    ]) {
      expect(text).toContain(words);
    }
    expect(report.total).toBe(123_850);
    // The voided settlement of the day is listed with its reason.
    expect(text).toContain(long.settlementNo);
    expect(text).toContain('客户要求重新报价');
    await page.context().close();
  });

  it('as full as one sheet gets: 8 lines on A5 and 20 on A4 with a note, a discount and four payments', async () => {
    expect(fullA5.lines).toHaveLength(8);
    expect(fullA5.discountApprovedBy).toBe(ADMIN.displayName);
    expect(fullA5.payments).toHaveLength(4);
    const page = await desk.signedIn(ADMIN);
    const a5 = await print(page, `settlement-a5/${fullA5.id}`, 'settlement-full-a5');
    expect(a5.pages).toBe(1);
    expectSize(a5, A5L);
    const text = squeezed(a5.text);
    for (const words of [
      '折扣优惠 (15%)',
      '支付宝',
      '银行卡',
      '微信支付',
      '已付清',
      fullA5.totalInWords,
      '客户签字',
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(`折扣优惠 ${ADMIN.displayName} 批准`);

    expect(fullA4.lines).toHaveLength(20);
    const a4 = await print(page, `settlement-a4/${fullA4.id}`, 'settlement-full-a4');
    expect(a4.pages).toBe(1);
    expectSize(a4, A4);
    expect(await page.getByTestId('print-settlement-line').count()).toBe(20);
    const a5Long = await print(page, `settlement-a5/${fullA4.id}`, 'settlement-full-a4-on-a5');
    expect(a5Long.pages).toBe(2);
    expect(await sheetLines(page)).toEqual([18, 2]);
    await page.context().close();
  });

  it('a long settlement continues on further sheets, the totals and signatures with lines on the last', async () => {
    const page = await desk.signedIn(ADMIN);
    const a5 = await print(page, `settlement-a5/${long.id}`, 'settlement-long-a5');
    expect(a5.pages).toBe(3);
    expectSize(a5, A5L);
    expect(await sheetLines(page)).toEqual([18, 18, 4]);
    const sheets = page.getByTestId('print-settlement-sheet');
    for (let i = 0; i < a5.pages; i++) {
      const sheet = sheets.nth(i);
      // The header repeats on every sheet; only the last carries totals and signatures.
      expect(await sheet.getByTestId('print-settlement-title').count()).toBe(1);
      expect(await sheet.getByTestId('print-settlement-totals').count()).toBe(i === a5.pages - 1 ? 1 : 0);
      expect(await sheet.locator('.pf-signs').count()).toBe(i === a5.pages - 1 ? 1 : 0);
      expect(await sheet.getByTestId('print-void-mark').count()).toBe(1);
    }
    expect(a5.text).toContain('续下页');
    expect(a5.text).toMatch(new RegExp(`第\\s*1\\s*/\\s*${a5.pages}\\s*页`));
    expect(a5.text).toContain('作废');
    expect(a5.text).toContain('客户要求重新报价');

    const a4 = await print(page, `settlement-a4/${long.id}`, 'settlement-long-a4');
    expect(a4.pages).toBe(2);
    expectSize(a4, A4);
    expect(await sheetLines(page)).toEqual([31, 9]);
    await page.context().close();
  });

  it('the forms follow the UI language; the capitals stay on the English form', async () => {
    const page = await desk.signedIn(CLERK);
    await page.evaluate(() => {
      (
        globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }
      ).localStorage.setItem('desk.lang', 'en-US');
    });
    await page.reload();
    const a5 = await print(page, `settlement-a5/${settled.id}`, 'settlement-a5-en');
    expect(a5.pages).toBe(1);
    const text = squeezed(a5.text);
    for (const words of [
      'Repair Settlement',
      'Total due ¥609.50',
      `RMB ${settled.totalInWords}`,
      'WeChat Pay',
      'Customer signature',
    ]) {
      expect(text).toContain(words);
    }
    const receipt = await print(page, `settlement-receipt/${settled.id}`, 'settlement-receipt-en');
    expect(receipt.pages).toBe(1);
    expect(receipt.text).toContain('Thank you');
    await page.context().close();
  });

  it('many payments take the room of lines; a reopened day lists its refund', async () => {
    const page = await desk.signedIn(ADMIN);
    const date = settled.payments[0]?.businessDate ?? '';
    await rpc(page, 'dayClose.reopen', { date, reason: '补录分次付款' });
    // ¥110.00 paid in twelve parts (eleven of ¥1 in cash, the rest by WeChat), then ¥1 refunded.
    const order = await orderInRepair(page, '分次付款');
    await rpc(page, 'workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    await rpc(page, 'workOrders.addCharge', { id: order.id, itemCode: 'JJ' });
    const made = await rpc(page, 'settlements.create', { id: order.id });
    for (let i = 0; i < 11; i++) {
      await rpc(page, 'settlements.pay', { settlementId: made.id, method: 'cash', amount: 100 });
    }
    await rpc(page, 'settlements.pay', { settlementId: made.id, method: 'wechat', amount: 9_900 });
    const many = await rpc(page, 'settlements.refund', {
      settlementId: made.id,
      method: 'cash',
      amount: 100,
      reason: '多收退回',
    });
    expect(many.payments).toHaveLength(13);

    // Ten payments and a row for the other three leave room for one line beside the totals.
    const a5 = await print(page, `settlement-a5/${many.id}`, 'settlement-many-payments-a5');
    expect(a5.pages).toBe(2);
    expect(await sheetLines(page)).toEqual([1, 1]);
    expect(await page.getByTestId('print-settlement-more-payments').textContent()).toBe('其余 3 笔¥99.00');
    expect(squeezed(a5.text)).toContain('已付 ¥109.00 · 未付 ¥1.00 · 部分付款');
    const a4 = await print(page, `settlement-a4/${many.id}`, 'settlement-many-payments-a4');
    expect(a4.pages).toBe(1);
    const receipt = await print(page, `settlement-receipt/${many.id}`, 'settlement-many-payments-receipt');
    expect(receipt.pages).toBe(1);
    expect(receipt.text).toContain('退款 · 现金');
    expect(receipt.text).toContain('多收退回');

    const day = await print(page, `day-close/${date}`, 'day-close-reopened');
    const text = squeezed(day.text);
    expect(text).toContain('未日结');
    expect(text).toContain('重新打开');
    expect(text).toContain('补录分次付款');
    expect(await page.getByTestId('print-day-payments-row').count()).toBe(18);
    const refunds = await page.getByTestId('print-day-refunds-row').allTextContents();
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toContain('多收退回');
    expect(refunds[0]).toContain('-¥1.00');
    expect(text).toContain('当日净收 ¥1,347.50');
    // The net total and the signatures stay on one page (pdftotext ends a page with a form feed).
    const net = day.text.indexOf('当日净收');
    expect(day.text.slice(net, day.text.indexOf('店长', net))).not.toContain('\f');
    await page.context().close();
  });

  it('an unknown settlement shows a clear message instead of a blank form', async () => {
    const page = await desk.signedIn(CLERK);
    await page.goto(`${desk.server.origin}/#/print/settlement-a5/01900000-0000-7000-8000-000000000000`);
    await expect.poll(() => page.getByTestId('print-error').textContent()).toContain('无法读取结算单');
    await page.context().close();
  });
});
