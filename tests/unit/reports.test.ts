import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_NAMES } from '@shared/schemas/reports';
import { readFirstSheet } from '../../src/main/services/excel/workbook';
import { MIGRATIONS } from './harness';
import { NOVEMBER, at, monthOfShop, type ReportShop } from './reportsFixtures';

/** Every figure below is worked out by hand from the timeline in reportsFixtures.ts. */
let shop: ReportShop;
const HOUR = 3_600_000;

beforeAll(async () => {
  shop = await monthOfShop();
}, 60_000);
afterAll(() => shop.app.cleanup());

describe('reports.volume', () => {
  it('counts orders by intake week, channel and service type, every week present', async () => {
    const r = await shop.manager.ok('reports.volume', { ...NOVEMBER, bucket: 'week' });
    // 2026-11-01 is a Sunday: its week starts Monday 10-26. B (11-01) | C (11-05) | D, E, F (11-10,
    // 11-12, 11-15 Sun) | G (11-20) | — | 11-30 (a Monday, its own week). A came in on 10-31: October.
    expect(r.points.map((p) => [p.key, p.total])).toEqual([
      ['2026-10-26', 1],
      ['2026-11-02', 1],
      ['2026-11-09', 3],
      ['2026-11-16', 1],
      ['2026-11-23', 0],
      ['2026-11-30', 0],
    ]);
    // 6 received: E by phone, the other 5 walk-in; B maintenance, 5 repairs.
    expect(r.totals).toEqual({
      total: 6,
      byChannel: { walkIn: 5, phone: 1, onsite: 0, online: 0 },
      byServiceType: { repair: 5, maintenance: 1, installation: 0, inspection: 0, returnExchange: 0 },
    });
    expect(r.points[2]?.byChannel.phone).toBe(1);
  });

  it('has a point for every day, month ends and midnights included', async () => {
    const r = await shop.manager.ok('reports.volume', { from: '2026-10-31', to: '2026-11-01' });
    // A at 10-31 22:00 and B at 11-01 12:00: a day each, across the month end.
    expect(r.points.map((p) => [p.key, p.total])).toEqual([
      ['2026-10-31', 1],
      ['2026-11-01', 1],
    ]);
  });
});

/**
 * Intake → ready and → delivered, in real hours between the instants: the hand figures hold in any
 * zone without a clock change those nights (12 h, 48 h…); where one falls in between (the US leave
 * summer time on 2026-11-01), the same sums give that zone's hours.
 */
const hours = (ms: number) => Math.round((ms / HOUR) * 100) / 100;
const A_READY = at(11, 1, 10) - at(10, 31, 22); // 12 h
const B_READY = at(11, 3, 12) - at(11, 1, 12); // 48 h
const C_READY = at(11, 5, 15) - at(11, 5, 9); // 6 h
const A_DELIVERED = at(11, 2, 10) - at(10, 31, 22); // 36 h
const B_DELIVERED = B_READY; // 48 h

describe('reports.turnaround', () => {
  it('means and medians intake → ready and → delivered, across midnights and the month end', async () => {
    const r = await shop.manager.ok('reports.turnaround', NOVEMBER);
    // Delivered in November: A 36 h and B 48 h: mean (36 + 48) / 2 = 42; the median of two, the same.
    // Readied: A 12 h, B 48 h, C 6 h: mean 66 / 3 = 22, median 12 (A). On time: A and C within 72 h;
    // B promised +24 h, ready at 48 h: late → 2 of 3.
    expect(r.overall).toEqual({
      delivered: 2,
      avgToDeliveredHours: hours((A_DELIVERED + B_DELIVERED) / 2),
      medianToDeliveredHours: hours((A_DELIVERED + B_DELIVERED) / 2),
      readied: 3,
      avgToReadyHours: hours((A_READY + B_READY + C_READY) / 3),
      medianToReadyHours: hours(A_READY),
      onTime: 2,
      onTimeRate: 2 / 3,
    });
    const maintenance = r.byServiceType.find((s) => s.serviceType === 'maintenance');
    expect(maintenance).toMatchObject({
      delivered: 1,
      avgToDeliveredHours: hours(B_DELIVERED),
      readied: 1,
      onTime: 0,
      onTimeRate: 0,
    });
    const repair = r.byServiceType.find((s) => s.serviceType === 'repair');
    // Repairs: A and C readied: (12 + 6) / 2 = 9; the median of two, the same.
    expect(repair).toMatchObject({
      delivered: 1,
      readied: 2,
      avgToReadyHours: hours((A_READY + C_READY) / 2),
      medianToReadyHours: hours((A_READY + C_READY) / 2),
      onTime: 2,
    });
    expect(r.byServiceType.find((s) => s.serviceType === 'installation')).toMatchObject({
      delivered: 0,
      avgToReadyHours: null,
      onTimeRate: null,
    });
    expect(r.byTechnician).toEqual([
      expect.objectContaining({
        technicianId: shop.techId,
        technicianName: 'technician 员工',
        readied: 3,
        delivered: 2,
      }),
    ]);
  });

  it('an odd count takes the middle order, an even count the mean of the two middle ones', async () => {
    // 11-01 alone: A readied (12 h). 11-01..11-03: A 12, B 48 → median (12 + 48) / 2 = 30.
    const one = await shop.manager.ok('reports.turnaround', { from: '2026-11-01', to: '2026-11-01' });
    expect(one.overall).toMatchObject({
      readied: 1,
      medianToReadyHours: hours(A_READY),
      delivered: 0,
      medianToDeliveredHours: null,
    });
    const two = await shop.manager.ok('reports.turnaround', { from: '2026-11-01', to: '2026-11-03' });
    expect(two.overall).toMatchObject({
      readied: 2,
      avgToReadyHours: hours((A_READY + B_READY) / 2),
      medianToReadyHours: hours((A_READY + B_READY) / 2),
    });
  });
});

describe('reports.quality', () => {
  it('counts completion, reworks inside the warranty window only, and first-time fixes', async () => {
    const r = await shop.manager.ok('reports.quality', NOVEMBER);
    // Received B C D E F G = 6; completed (ready or delivered) B, C = 2; cancelled F = 1.
    // Reworks: D (8 days after A's delivery, window 30 days); E comes back 42 days after Z: not one.
    // Delivered in November: A, B; A came back (D) → fixed first time 1 of 2.
    expect(r).toMatchObject({
      received: 6,
      completed: 2,
      cancelled: 1,
      completionRate: 2 / 6,
      // B and C repaired (passed the check), F cancelled, D E G still open.
      outcomes: { repaired: 2, unrepairable: 0, declined: 0, cancelled: 1, open: 3 },
      reworks: 1,
      reworkRate: 1 / 6,
      delivered: 2,
      fixedFirstTime: 1,
      firstTimeFixRate: 0.5,
    });
    expect(r.byServiceType.find((s) => s.serviceType === 'repair')).toEqual({
      serviceType: 'repair',
      received: 5,
      completed: 1,
      reworks: 1,
      completionRate: 1 / 5,
      reworkRate: 1 / 5,
      outcomes: { repaired: 1, unrepairable: 0, declined: 0, cancelled: 1, open: 3 },
    });
    expect(r.byServiceType.find((s) => s.serviceType === 'maintenance')).toMatchObject({
      received: 1,
      completed: 1,
      completionRate: 1,
    });
  });

  it('counts a delivered order as fixed first time in a period before its rework came', async () => {
    // Z, delivered 10-01, came back (E) outside the window: fixed first time.
    const r = await shop.manager.ok('reports.quality', { from: '2026-10-01', to: '2026-10-31' });
    expect(r).toMatchObject({ received: 1, delivered: 1, fixedFirstTime: 1, reworks: 0 });
  });
});

describe('reports.revenue', () => {
  it('adds settlements made in the period, leaves the voided one out and subtracts refunds', async () => {
    const r = await shop.manager.ok('reports.revenue', NOVEMBER);
    // A: labor ¥80 + screen ¥450 = ¥530. B: both lines covered → ¥0 to the customer.
    // C (labor ¥30, film ¥20, fee ¥50, −¥10) was voided: not billed at all.
    expect(r.totals).toEqual({
      labor: 8000,
      parts: 45000,
      fees: 0,
      discount: 0,
      billed: 53000,
      // Cash +530 − 100 refund; WeChat +90 − 90 void reversal: 430 net, 190 back.
      collected: 43000,
      refunds: 19000,
      settlements: 2,
    });
    expect(r.byMethod).toEqual([
      { method: 'cash', amount: 53000, refunds: 10000, net: 43000, count: 1 },
      { method: 'wechat', amount: 9000, refunds: 9000, net: 0, count: 1 },
    ]);
    expect(r.points).toHaveLength(30);
    expect(r.points.find((p) => p.key === '2026-11-02')).toEqual({
      key: '2026-11-02',
      labor: 8000,
      parts: 45000,
      fees: 0,
      total: 53000,
    });
    expect(r.points.find((p) => p.key === '2026-11-05')?.total).toBe(0);
    // B's covered lines at list value: WX ¥80 + battery ¥150 on a 华为 under the maker's warranty.
    expect(r.warrantyByBrand).toEqual([{ brand: '华为', orders: 1, lines: 2, amount: 23000 }]);
  });

  it('counts the void in the period it happened and the settlement in the one it was made', async () => {
    // 11-05 alone: C's settlement is void (now), so nothing billed; its ¥90 WeChat taken that day.
    const fifth = await shop.manager.ok('reports.revenue', { from: '2026-11-05', to: '2026-11-05' });
    expect(fifth.totals).toMatchObject({ billed: 0, settlements: 0, collected: 9000, refunds: 0 });
    // 11-06 alone: the reversal takes it back.
    const sixth = await shop.manager.ok('reports.revenue', { from: '2026-11-06', to: '2026-11-06' });
    expect(sixth.totals).toMatchObject({ collected: -9000, refunds: 9000 });
    expect(sixth.byMethod).toEqual([{ method: 'wechat', amount: 0, refunds: 9000, net: -9000, count: 0 }]);
  });
});

describe('reports.warrantyClaims', () => {
  it('lists the covered lines of orders under the maker warranty, by brand', async () => {
    const r = await shop.manager.ok('reports.warrantyClaims', NOVEMBER);
    expect(r.rows.map((l) => [l.orderNo, l.brand, l.model, l.kind, l.name, l.quantity, l.amount])).toEqual([
      [shop.orders.B.orderNo, '华为', 'Mate 60', 'labor', '维修工时', 1, 8000],
      [shop.orders.B.orderNo, '华为', 'Mate 60', 'part', 'iPhone 13 电池', 1, 15000],
    ]);
    expect(r.rows[0]).toMatchObject({ customerName: '张三', settledAt: at(11, 3, 12) });
    expect(r).toMatchObject({
      rowCount: 2,
      total: 23000,
      byBrand: [{ brand: '华为', orders: 1, lines: 2, amount: 23000 }],
    });
  });
});

describe('reports.technicians', () => {
  it('credits readied orders, labor, hours and reworks to the technician', async () => {
    const r = await shop.manager.ok('reports.technicians', NOVEMBER);
    // Readied A, B, C: (12 + 48 + 6) / 3 = 22 h. Labor billed: A's WX ¥80 (B's is covered: ¥0 to
    // the customer; C's JC is on a void settlement). Hours: A 1 h + B 1 h. Reworks: D, of A.
    expect(r.rows).toEqual([
      {
        technicianId: shop.techId,
        technicianName: 'technician 员工',
        completed: 3,
        laborAmount: 8000,
        laborHours: 2,
        avgRepairHours: hours((A_READY + B_READY + C_READY) / 3),
        reworks: 1,
      },
    ]);
  });
});

describe('reports.parts', () => {
  it('ranks parts used net of returns, values the stock and finds slow movers', async () => {
    const r = await shop.manager.ok('reports.parts', NOVEMBER);
    // One each of battery (B), film (C), screen (A), at their costs ¥80, ¥3, ¥300; ties by code.
    expect(r.mostUsed.map((p) => [p.code, p.quantity, p.amount, p.orders])).toEqual([
      ['BAT-IP13', 1, 8000, 1],
      ['FILM-01', 1, 300, 1],
      ['SCR-IP13', 1, 30000, 1],
    ]);
    // 9 × 300 + 9 × 80 + 49 × 3 = 2700 + 720 + 147 = ¥3567 uncategorised; 5 × ¥10 = ¥50 in 配件.
    expect(r.stockValue).toEqual({
      total: 361700,
      byCategory: [
        { category: '', parts: 3, quantity: 67, value: 356700 },
        { category: '配件', parts: 1, quantity: 5, value: 5000 },
      ],
    });
    expect(r.slowDays).toBe(90);
    expect(r.slowMovers).toEqual([
      {
        partId: shop.parts.keyboardFilm,
        code: 'KBF-01',
        name: '键盘膜',
        onHand: 5,
        value: 5000,
        lastOutAt: null,
      },
    ]);
  });

  it('calls a part slow when its last movement out is older than 90 days before the period end', async () => {
    // Ending 2027-03-01: the screen last left on 11-01 (120 days before): slow, with that date.
    const r = await shop.manager.ok('reports.parts', { from: '2027-03-01', to: '2027-03-01' });
    const screen = r.slowMovers.find((p) => p.code === 'SCR-IP13');
    expect(screen).toMatchObject({ onHand: 9, value: 270000, lastOutAt: at(11, 1, 10) });
    expect(r.slowMovers.map((p) => p.code)).toEqual(['SCR-IP13', 'BAT-IP13', 'FILM-01', 'KBF-01']);
  });
});

describe('dashboard.get', () => {
  it('gives a clerk the counter', async () => {
    const d = await shop.clerk.ok('dashboard.get', {});
    expect(d.shop).toBeNull();
    expect(d.queue).toBeNull();
    // Today 11-20: G came in; nothing delivered or paid; C ready since 11-05 15:00, over 7 days.
    expect(d.counter).toMatchObject({
      receivedToday: 1,
      deliveredToday: 0,
      takingsToday: 0,
      paymentsToday: 0,
      readyWaiting: 1,
      pickupWaitDays: 7,
    });
    expect(d.counter?.pickupOverdue).toEqual([
      {
        id: shop.orders.C.id,
        orderNo: shop.orders.C.orderNo,
        status: 'ready',
        customerName: '张三',
        device: 'Apple iPhone 13',
        promisedAt: at(11, 8, 9),
        readyAt: at(11, 5, 15),
        createdAt: at(11, 5, 9),
        overdue: true,
      },
    ]);
  });

  it('leaves a ready order off the pickup list until pickupWaitDays have passed', async () => {
    await shop.admin.ok('settings.update', { counter: { pickupWaitDays: 20 } });
    const d = await shop.clerk.ok('dashboard.get', {});
    expect(d.counter).toMatchObject({ pickupOverdue: [], pickupWaitDays: 20 });
    await shop.admin.ok('settings.update', { counter: { pickupWaitDays: 7 } });
  });

  it('gives a technician their queue, overdue first', async () => {
    const d = await shop.tech.ok('dashboard.get', {});
    expect(d.counter).toBeNull();
    expect(d.shop).toBeNull();
    // C promised 11-08, D 11-13, E 11-15: all past; G is nobody's.
    expect(d.queue?.orders.map((o) => o.orderNo)).toEqual([
      shop.orders.C.orderNo,
      shop.orders.D.orderNo,
      shop.orders.E.orderNo,
    ]);
    expect(d.queue).toMatchObject({ open: 3, overdue: 3 });
    expect(d.queue?.orders.map((o) => o.overdue)).toEqual([true, true, true]);
  });

  it("decides overdue on the server's clock, not the screen's", async () => {
    // Back on 11-14 (as a host whose clock reads that day): only C (11-08) and D (11-13) are late.
    const now = shop.app.clock.ms;
    shop.app.clock.ms = at(11, 14, 12);
    try {
      const d = await shop.tech.ok('dashboard.get', {});
      expect(d.queue?.orders.map((o) => [o.orderNo, o.overdue])).toEqual([
        [shop.orders.C.orderNo, true],
        [shop.orders.D.orderNo, true],
        [shop.orders.E.orderNo, false],
      ]);
      expect(d.queue?.overdue).toBe(2);
    } finally {
      shop.app.clock.ms = now;
    }
  });

  it('gives a manager the shop and the counter', async () => {
    const d = await shop.manager.ok('dashboard.get', {});
    expect(d.queue).toBeNull();
    expect(d.counter?.receivedToday).toBe(1);
    expect(d.shop?.openByStatus).toMatchObject({
      received: 2,
      inRepair: 1,
      ready: 1,
      delivered: 0,
      cancelled: 0,
    });
    // Open C, D, E, G; past their promise: C, D, E.
    expect(d.shop).toMatchObject({ open: 4, overdue: 3, lowStock: 0 });
    // The last 7 days' takings: only the ¥100 refund on 11-16.
    expect(d.shop?.takingsWeek).toEqual([
      { key: '2026-11-14', amount: 0 },
      { key: '2026-11-15', amount: 0 },
      { key: '2026-11-16', amount: -10000 },
      { key: '2026-11-17', amount: 0 },
      { key: '2026-11-18', amount: 0 },
      { key: '2026-11-19', amount: 0 },
      { key: '2026-11-20', amount: 0 },
    ]);
  });

  it('counts low stock as the stock alert badge does', async () => {
    const setMin = async (minStock: number) => {
      const p = await shop.clerk.ok('parts.get', { id: shop.parts.keyboardFilm });
      await shop.clerk.ok('parts.update', {
        id: p.id,
        version: p.version,
        code: p.code,
        name: p.name,
        category: p.category,
        salePrice: p.salePrice,
        minStock,
      });
    };
    // 5 on hand at a minimum of 5: at or below it, one alert.
    await setMin(5);
    const d = await shop.manager.ok('dashboard.get', {});
    const alerts = await shop.manager.ok('stock.alerts', {});
    expect(d.shop?.lowStock).toBe(1);
    expect(alerts).toHaveLength(1);
    await setMin(0);
  });

  it('refuses a caller who is not signed in', async () => {
    const anonymous = shop.app.connect();
    expect((await anonymous.call('dashboard.get', {})).ok).toBe(false);
  });
});

describe('access and bad periods', () => {
  it('refuses every report to a clerk and a technician', async () => {
    for (const name of REPORT_NAMES) {
      for (const client of [shop.clerk, shop.tech]) {
        const r = await client.call(`reports.${name}`, NOVEMBER);
        expect(r.ok ? 'ok' : r.error.code, name).toBe('FORBIDDEN');
      }
    }
    const r = await shop.clerk.call('reports.export', { report: 'revenue', period: NOVEMBER });
    expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
  });

  it.each([
    ['from after to', { from: '2026-11-30', to: '2026-11-01' }, 'to'],
    ['too long', { from: '2016-11-30', to: '2026-11-30' }, 'to'],
    ['not a date', { from: '2026-02-30', to: '2026-03-01' }, 'from'],
    ['not a day at all', { from: 'yesterday', to: '2026-03-01' }, 'from'],
    ['an unknown bucket', { from: '2026-11-01', to: '2026-11-30', bucket: 'hour' }, 'bucket'],
    ['extra fields', { from: '2026-11-01', to: '2026-11-30', shop: 'x' }, ''],
  ])('refuses %s with VALIDATION', async (_name, period, path) => {
    for (const name of REPORT_NAMES) {
      const r = await shop.manager.raw(`reports.${name}`, period);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('VALIDATION');
      const fields = (r.error.details as { fields?: { path: string }[] } | undefined)?.fields ?? [];
      if (path) expect(fields.map((f) => f.path)).toContain(path);
    }
  });
});

describe('reports.export', () => {
  it('writes the chosen report in the chosen language', async () => {
    const en = await shop.manager.ok('reports.export', {
      report: 'revenue',
      period: NOVEMBER,
      lang: 'en-US',
    });
    expect(en.fileName).toBe('Revenue-20261101-20261130.xlsx');
    const sheet = await readFirstSheet(en.base64);
    expect(sheet.headers.map((h) => h.text)).toEqual([
      'Date',
      'Labor (CNY)',
      'Parts (CNY)',
      'Fees (CNY)',
      'Billed (CNY)',
    ]);
    // 30 days and the total row: ¥80, ¥450, no fees, ¥530.
    const last = sheet.rows.at(-1);
    expect(sheet.rows).toHaveLength(31);
    expect([...(last?.cells.values() ?? [])]).toEqual(['Total', '80', '450', '0', '530']);

    const zh = await shop.manager.ok('reports.export', { report: 'warrantyClaims', period: NOVEMBER });
    expect(zh.fileName).toBe('三包索赔清单-20261101-20261130.xlsx');
    const claims = await readFirstSheet(zh.base64);
    expect(claims.headers.map((h) => h.text).slice(0, 3)).toEqual(['结算单号', '结算时间', '工单号']);
    expect(claims.rows).toHaveLength(3);
  });

  it('exports every report', async () => {
    for (const report of REPORT_NAMES) {
      const file = await shop.manager.ok('reports.export', { report, period: NOVEMBER, lang: 'zh-CN' });
      expect(file.base64.length, report).toBeGreaterThan(1000);
    }
  });
});

describe('a day in the period, the hours in a day', () => {
  it('keeps the figures of a day inside its local midnights', async () => {
    // A was received at 22:00 on 10-31, two hours before the month ends.
    const oct = await shop.manager.ok('reports.volume', { from: '2026-10-31', to: '2026-10-31' });
    expect(oct.totals.total).toBe(1);
    expect(at(11, 1, 0) - at(10, 31, 22)).toBeLessThanOrEqual(3 * HOUR);
  });
});

describe('settlement_facts', () => {
  it('holds what the settlements and their lines say, as the migration backfill computes it', () => {
    const sqlite = shop.app.core.database.sqlite;
    const kept = sqlite.prepare('SELECT * FROM settlement_facts ORDER BY settlement_id').all();
    // A (¥80 labor 1 h, ¥450 part), B (covered: claim ¥230 on 2 lines, 1 h), C (void).
    expect(kept).toMatchObject([
      { status: 'active', labor: 8000, parts: 45000, fees: 0, labor_hours: 1, claim_lines: 0, total: 53000 },
      {
        status: 'active',
        labor: 0,
        parts: 0,
        brand: '华为',
        maker_warranty: 1,
        claim_lines: 2,
        claim_amount: 23000,
      },
      {
        status: 'void',
        labor: 3000,
        parts: 2000,
        fees: 5000,
        labor_hours: 0.5,
        discount_amount: 1000,
        total: 9000,
      },
    ]);
    // The backfill of the migration, run again from scratch, gives the same rows the triggers kept.
    const migration = readFileSync(resolve(MIGRATIONS, '0009_report_facts.sql'), 'utf8');
    const backfill = migration.slice(migration.lastIndexOf('INSERT INTO `settlement_facts`'));
    // 0015 added the device's category, with its own backfill.
    const later = readFileSync(resolve(MIGRATIONS, '0015_report_facts.sql'), 'utf8');
    const categoryBackfill = later.slice(later.lastIndexOf('UPDATE `settlement_facts`'));
    sqlite.exec('DELETE FROM settlement_facts');
    sqlite.exec(backfill);
    sqlite.exec(categoryBackfill);
    expect(sqlite.prepare('SELECT * FROM settlement_facts ORDER BY settlement_id').all()).toEqual(kept);
  });
});
