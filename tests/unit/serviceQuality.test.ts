import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';
import { at, handBuiltMonth, QualityRows } from './qualityFixtures';

/**
 * A hand-built November 2026 (local time); every right answer below is worked out by hand from
 * this table, not by the report's code. Promised: 48 h after intake unless said.
 *
 *   O0  Oct 20  A  repair  手机 Apple   diag +2 ready +24 delivered +48  repaired (before the period)
 *   O8  Oct 25  B  repair  笔记本 Apple  ready +24 delivered +72         repaired (before the period)
 *   O1  Nov 2   A  repair  手机 Apple   diag +2 ready +24 delivered +48  repaired
 *   O2  Nov 3   A  repair  手机 华为    diag +4 ready +72 delivered +96  repaired (late)
 *   O3  Nov 4   A  repair  笔记本 Apple  diag +6 ready +30 delivered +48  unrepairable
 *   O4  Nov 5   B  repair  笔记本 联想   diag +1 ready +10 delivered +20  declined
 *   O5  Nov 6   B  maint.  手机 华为    —                               cancelled
 *   O6  Nov 7   B  repair  手机 Apple   diag +3                         open, rework of O0 (A's)
 *   O7  Nov 8   —  maint.  笔记本 联想   —                               open
 *
 * Follow-ups: F1 O0 due 11-01 reached 11-01 (5,4,3,2); F2 O1 due 11-10 reached (4,5,5,–);
 * F3 O2 due 11-12 unreachable; F4 O3 due 11-15 pending; F5 O4 due 11-16 opted out;
 * F6 O8 due 11-20 wrong number; F9 O5 due 12-03 reached 12-03 (1,1,1,1): December.
 * Complaints: C1 O2 11-13 answered +2 resolved +20 (due +48) closed; C2 O3 11-16 +5 / +60 late,
 * closed; C3 no order 11-18 untouched; C4 O4 11-20 answered +1, withdrawn; C5 O1 12-02: December.
 * Settlements: O1 ¥300 11-03, O2 ¥500 11-06, O3 ¥50 11-06, O1 ¥100 void, O0 ¥200 10-22.
 */
let app: TestApp;
let manager: Client;
let techA = '';
let techB = '';
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

beforeAll(async () => {
  app = startApp();
  app.clock.ms = at(12, 5, 9);
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  manager = await signedInAs(app, admin, 'manager');
  const create = async (username: string, displayName: string) =>
    (await admin.ok('users.create', { username, displayName, role: 'technician', password: 'technician-pw' }))
      .id;
  techA = await create('techa', 'A 师傅');
  techB = await create('techb', 'B 师傅');
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const r = new QualityRows(app.core.deps.db, app.clock.ms, adminId);
  handBuiltMonth(r, (d, hour, minute = 0) => at(11, d, hour, minute), techA, techB);
});
afterAll(() => app.cleanup());

const split = (
  repaired: number,
  unrepairable: number,
  declined: number,
  cancelled: number,
  open: number,
) => ({
  repaired,
  unrepairable,
  declined,
  cancelled,
  open,
});

describe('reports.serviceQuality on a hand-built month', () => {
  it('gives the shop every figure', async () => {
    const r = await manager.ok('reports.serviceQuality', NOVEMBER);
    expect(r.overall).toEqual({
      received: 7,
      // O1 2, O2 4, O3 6, O4 1, O6 3 → 16 / 5.
      firstResponse: 5,
      firstResponseHours: 3.2,
      // O1 24, O2 72, O3 30, O4 10 → 136 / 4; all but O2 ready by the promise.
      readied: 4,
      turnaroundHours: 34,
      onTime: 3,
      onTimeRate: 0.75,
      outcomes: split(2, 1, 1, 1, 2),
      fixRate: 2 / 5,
      reworks: 1,
      reworkRate: 1 / 7,
      // Due F1 F2 F3 F4 F6 (F5 opted out); done F1 F2 F3 F6; reached F1 F2.
      followUpsDue: 5,
      followUpsDone: 4,
      followUpsReached: 2,
      followUpRate: 0.8,
      reachRate: 0.5,
      satisfaction: {
        attitude: { n: 2, mean: 4.5, good: 1 },
        quality: { n: 2, mean: 4.5, good: 1 },
        timeliness: { n: 2, mean: 4, good: 0.5 },
        price: { n: 1, mean: 2, good: 0 },
        // 5 4 3 2 4 5 5: 28 / 7; five of seven are 4 or 5.
        overall: { n: 7, mean: 4, good: 5 / 7 },
      },
      complaints: 4,
      complaintsPer100: 400 / 7,
      // C1 2, C2 5, C4 1 → 8 / 3 = 2.666… h, two decimals.
      complaintFirstResponseHours: 2.67,
      complaintResolutionHours: 40,
      // C1 in time; C2 late; C3 not resolved; C4 withdrawn (left out).
      complaintsResolvedInTime: 1,
      resolvedInTimeRate: 1 / 3,
    });
  });

  it('gives each technician their own orders, follow-ups, complaints and the reworks of their work', async () => {
    const r = await manager.ok('reports.serviceQuality', NOVEMBER);
    expect(r.byTechnician.map((t) => t.technicianName)).toEqual(['A 师傅', 'B 师傅', null]);
    const [a, b, none] = r.byTechnician;
    expect(a).toMatchObject({
      technicianId: techA,
      received: 3,
      firstResponseHours: 4,
      readied: 3,
      turnaroundHours: 42,
      onTime: 2,
      onTimeRate: 2 / 3,
      outcomes: split(2, 1, 0, 0, 0),
      fixRate: 2 / 3,
      // O6 returns O0, which was A's work (O6 itself is B's).
      reworks: 1,
      reworkRate: 1 / 3,
      followUpsDue: 4,
      followUpsDone: 3,
      followUpsReached: 2,
      followUpRate: 0.75,
      reachRate: 2 / 3,
      complaints: 2,
      complaintsPer100: 200 / 3,
      complaintsResolvedInTime: 1,
      resolvedInTimeRate: 0.5,
    });
    expect(b).toMatchObject({
      technicianId: techB,
      received: 3,
      firstResponseHours: 2,
      readied: 1,
      turnaroundHours: 10,
      onTimeRate: 1,
      outcomes: split(0, 0, 1, 1, 1),
      fixRate: 0,
      reworks: 0,
      followUpsDue: 1,
      followUpsDone: 1,
      followUpsReached: 0,
      reachRate: 0,
      complaints: 1,
      resolvedInTimeRate: null,
    });
    expect(b?.satisfaction.overall).toEqual({ n: 0, mean: null, good: null });
    expect(none).toMatchObject({
      technicianId: null,
      received: 1,
      outcomes: split(0, 0, 0, 0, 1),
      fixRate: null,
    });
  });

  it('gives each service type its figures, empty ones too', async () => {
    const r = await manager.ok('reports.serviceQuality', NOVEMBER);
    expect(r.byServiceType.map((s) => s.serviceType)).toEqual([
      'repair',
      'maintenance',
      'installation',
      'inspection',
      'returnExchange',
    ]);
    expect(r.byServiceType[0]).toMatchObject({
      received: 5,
      outcomes: split(2, 1, 1, 0, 1),
      fixRate: 0.5,
      reworks: 1,
      reworkRate: 0.2,
      // F1 F2 F3 F4 F6 are all on repair orders.
      followUpsDue: 5,
      complaints: 3,
    });
    expect(r.byServiceType[1]).toMatchObject({
      received: 2,
      outcomes: split(0, 0, 0, 1, 1),
      fixRate: 0,
      followUpsDue: 0,
      complaints: 0,
    });
    expect(r.byServiceType[2]).toMatchObject({
      received: 0,
      fixRate: null,
      reworkRate: null,
      complaintsPer100: null,
    });
  });

  it('counts December on its own', async () => {
    const r = await manager.ok('reports.serviceQuality', { from: '2026-12-01', to: '2026-12-31' });
    expect(r.overall).toMatchObject({
      received: 0,
      followUpsDue: 1,
      followUpsDone: 1,
      followUpsReached: 1,
      complaints: 1,
      complaintsPer100: null,
      complaintFirstResponseHours: 1,
      complaintResolutionHours: 2,
      resolvedInTimeRate: 1,
    });
    expect(r.overall.satisfaction.overall).toEqual({ n: 4, mean: 1, good: 0 });
  });
});

describe('reports.byCategory on the same month', () => {
  it('splits volume, outcomes, fix rate, turnaround and revenue by device category', async () => {
    const r = await manager.ok('reports.byCategory', NOVEMBER);
    expect(r.byCategory).toEqual([
      // O1 O2 O5 O6: fix 2 of 3 closed; ready O1 24 h, O2 72 h; billed O1 ¥300 + O2 ¥500.
      {
        category: '手机',
        received: 4,
        outcomes: split(2, 0, 0, 1, 1),
        fixRate: 2 / 3,
        readied: 2,
        turnaroundHours: 48,
        revenue: 80000,
      },
      // O3 O4 O7: none fixed; ready O3 30 h, O4 10 h; the inspection fee on O3 ¥50.
      {
        category: '笔记本',
        received: 3,
        outcomes: split(0, 1, 1, 0, 1),
        fixRate: 0,
        readied: 2,
        turnaroundHours: 20,
        revenue: 5000,
      },
    ]);
  });

  it('by brand, and by brand × category', async () => {
    const r = await manager.ok('reports.byCategory', NOVEMBER);
    expect(r.byBrand).toEqual([
      {
        brand: 'Apple',
        received: 3,
        outcomes: split(1, 1, 0, 0, 1),
        fixRate: 0.5,
        readied: 2,
        turnaroundHours: 27,
        revenue: 35000,
      },
      {
        brand: '华为',
        received: 2,
        outcomes: split(1, 0, 0, 1, 0),
        fixRate: 0.5,
        readied: 1,
        turnaroundHours: 72,
        revenue: 50000,
      },
      {
        brand: '联想',
        received: 2,
        outcomes: split(0, 0, 1, 0, 1),
        fixRate: 0,
        readied: 1,
        turnaroundHours: 10,
        revenue: 0,
      },
    ]);
    expect(r.byBrandCategory).toEqual([
      {
        brand: '华为',
        category: '手机',
        received: 2,
        outcomes: split(1, 0, 0, 1, 0),
        fixRate: 0.5,
        readied: 1,
        turnaroundHours: 72,
        revenue: 50000,
      },
      {
        brand: 'Apple',
        category: '手机',
        received: 2,
        outcomes: split(1, 0, 0, 0, 1),
        fixRate: 1,
        readied: 1,
        turnaroundHours: 24,
        revenue: 30000,
      },
      {
        brand: '联想',
        category: '笔记本',
        received: 2,
        outcomes: split(0, 0, 1, 0, 1),
        fixRate: 0,
        readied: 1,
        turnaroundHours: 10,
        revenue: 0,
      },
      {
        brand: 'Apple',
        category: '笔记本',
        received: 1,
        outcomes: split(0, 1, 0, 0, 0),
        fixRate: 0,
        readied: 1,
        turnaroundHours: 30,
        revenue: 5000,
      },
    ]);
  });
});

describe('the reports that count completion count repaired orders only', () => {
  it('reports.quality: completed = repaired, the outcome split, first-time fix over repaired deliveries', async () => {
    const r = await manager.ok('reports.quality', NOVEMBER);
    expect(r).toMatchObject({
      received: 7,
      completed: 2,
      completionRate: 2 / 7,
      cancelled: 1,
      outcomes: split(2, 1, 1, 1, 2),
      reworks: 1,
      // Delivered in November: O1 O2 repaired; O3 (unrepairable) and O4 (declined) are not fixes.
      delivered: 2,
      fixedFirstTime: 2,
      firstTimeFixRate: 1,
    });
    expect(r.byServiceType[0]).toMatchObject({ received: 5, completed: 2, outcomes: split(2, 1, 1, 0, 1) });
  });

  it("reports.technicians: a technician's completed are the repaired orders readied in the period", async () => {
    const r = await manager.ok('reports.technicians', NOVEMBER);
    // A readied O1, O2 (repaired) and O3 (unrepairable); B readied O4 (declined) only.
    expect(r.rows.find((t) => t.technicianId === techA)).toMatchObject({
      completed: 2,
      avgRepairHours: 48,
      reworks: 1,
    });
    expect(r.rows.find((t) => t.technicianId === techB)?.completed ?? 0).toBe(0);
  });

  it('refuses a bad period at the dispatch boundary', async () => {
    const res = await manager.call('reports.serviceQuality', { from: '2026-11-30', to: '2026-11-01' });
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.code).toBe('VALIDATION');
    const res2 = await manager.raw('reports.byCategory', { from: '2026-11-01', to: '2026-11-31' });
    expect(res2.ok).toBe(false);
  });
});
