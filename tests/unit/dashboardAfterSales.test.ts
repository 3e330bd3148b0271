import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';
import { at, QualityRows } from './qualityFixtures';

/**
 * The after-sales parts of the home screen on the server's clock: "now" is 2026-11-20 10:00 local.
 * Complaints (first response due, resolution due, from creation):
 *   K1 11-19 09:00, 已受理, due +24 / +48 → first response late by 1 h
 *   K2 11-18 10:00, 处理中, answered, resolution due +48 = now exactly → not late yet
 *   K3 11-17 10:00, 处理中, resolution due +48 (11-19 10:00) → late
 *   K4 11-17 10:00, 待客户确认 (resolved +20) past both deadlines → answered, not late
 *   K5 11-16 10:00, closed → never late
 * Follow-ups pending: due 11-20 08:00 and 23:59 (today), 11-19 23:00 (overdue), 11-21 00:00
 * (tomorrow); one done and due yesterday (not counted).
 * On hold: recall 11-20 10:00 (= now, due), 11-18 (due), 11-21 (not yet).
 */
let app: TestApp;
let manager: Client;
let clerk: Client;
let tech: Client;
const NOW = at(11, 20, 10);
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = startApp();
  app.clock.ms = at(11, 1, 9);
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  manager = await signedInAs(app, admin, 'manager');
  clerk = await signedInAs(app, admin, 'clerk');
  tech = await signedInAs(app, admin, 'technician');
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const r = new QualityRows(app.core.deps.db, app.clock.ms, adminId);
  const phone = r.device('手机', 'Apple');
  const delivered = (day: number) =>
    r.order({
      deviceId: phone,
      technicianId: null,
      createdAt: at(11, day, 9),
      readyH: 2,
      deliveredH: 3,
      outcome: 'repaired',
    });
  ids.K1 = r.complaint({ workOrderId: null, createdAt: at(11, 19, 9), status: 'received' });
  ids.K2 = r.complaint({ workOrderId: null, createdAt: at(11, 18, 10), status: 'inProgress', respondedH: 1 });
  ids.K3 = r.complaint({ workOrderId: null, createdAt: at(11, 17, 10), status: 'inProgress', respondedH: 1 });
  ids.K4 = r.complaint({
    workOrderId: null,
    createdAt: at(11, 17, 10),
    status: 'awaitingConfirmation',
    respondedH: 30,
    resolvedH: 60,
  });
  ids.K5 = r.complaint({
    workOrderId: null,
    createdAt: at(11, 16, 10),
    status: 'closed',
    respondedH: 1,
    resolvedH: 2,
  });
  r.followUp({ workOrderId: delivered(2), dueAt: at(11, 20, 8), state: 'pending' });
  r.followUp({ workOrderId: delivered(3), dueAt: at(11, 20, 23, 59), state: 'pending' });
  r.followUp({ workOrderId: delivered(4), dueAt: at(11, 19, 23), state: 'pending' });
  r.followUp({ workOrderId: delivered(5), dueAt: at(11, 21, 0), state: 'pending' });
  r.followUp({
    workOrderId: delivered(6),
    dueAt: at(11, 19, 10),
    state: 'reached',
    doneAt: at(11, 19, 11),
    scores: [5, 4, 4, 2],
  });
  ids.H1 = r.order({
    deviceId: phone,
    technicianId: null,
    createdAt: at(11, 10, 9),
    diagnosedH: 1,
    recallAt: NOW,
  });
  ids.H2 = r.order({
    deviceId: phone,
    technicianId: null,
    createdAt: at(11, 9, 9),
    diagnosedH: 1,
    recallAt: at(11, 18, 9),
  });
  r.order({
    deviceId: phone,
    technicianId: null,
    createdAt: at(11, 11, 9),
    diagnosedH: 1,
    recallAt: at(11, 21, 9),
  });
  app.clock.ms = NOW;
});
afterAll(() => app.cleanup());

describe('dashboard: after-sales on the server clock', () => {
  it("gives the clerk today's and overdue follow-ups and the held orders whose recall date has come", async () => {
    const d = await clerk.ok('dashboard.get', {});
    expect(d.quality).toBeNull();
    expect(d.afterSales).toMatchObject({ followUpsToday: 2, followUpsOverdue: 1, recallDueCount: 2 });
    expect(d.afterSales?.recallDue.map((o) => [o.id, o.recallAt, o.status])).toEqual([
      [ids.H2, at(11, 18, 9), 'onHold'],
      [ids.H1, NOW, 'onHold'],
    ]);
  });

  it('flags the complaints past a deadline for the manager, most overdue first', async () => {
    const d = await manager.ok('dashboard.get', {});
    expect(d.afterSales).not.toBeNull();
    expect(d.quality?.complaintsOverdue).toBe(2);
    expect(d.quality?.overdueComplaints.map((c) => [c.id, c.late, c.dueAt])).toEqual([
      [ids.K3, 'resolution', at(11, 19, 10)],
      [ids.K1, 'firstResponse', at(11, 20, 9)],
    ]);
    // This month to the end of today: 5 orders with an outcome, all repaired; of the follow-ups due
    // (not the one due 11-21 00:00) one of four done; its scores 5 4 4 2.
    expect(d.quality).toMatchObject({
      month: '2026-11-01',
      fixRate: 1,
      satisfaction: 15 / 4,
      satisfactionGood: 3 / 4,
      followUpRate: 1 / 4,
    });
  });

  it('moves with the clock: a millisecond later K2 is late too, and its resolution', async () => {
    app.clock.ms = NOW + 1;
    const d = await manager.ok('dashboard.get', {});
    expect(d.quality?.overdueComplaints.map((c) => c.id)).toEqual([ids.K3, ids.K1, ids.K2]);
    app.clock.ms = NOW;
  });

  it('gives a technician neither', async () => {
    const d = await tech.ok('dashboard.get', {});
    expect(d.afterSales).toBeNull();
    expect(d.quality).toBeNull();
  });
});
