import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { addDays, localDate, localMidnight } from '@shared/dates';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Detail = OutputOf<'workOrders.get'>;

let app: TestApp;
let admin: Client;
let clerk: Client;
let clerk2: Client;
let customerId: string;
let deviceId: string;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  clerk = await signedInAs(app, admin, 'clerk');
  clerk2 = await signedInAs(app, admin, 'clerk', 'clerk2');
  customerId = insertCustomer(app, { name: '张三', phone: '13800138000' });
  deviceId = insertDevice(app, customerId);
});
afterEach(() => app.cleanup());

const GOOD = { attitude: 5, quality: 2, timeliness: 4, price: 3 };

function sqlAll(query: string, ...params: unknown[]): Record<string, unknown>[] {
  return app.core.database.sqlite.prepare(query).all(...params) as Record<string, unknown>[];
}

/** An order taken in and moved to delivered (received → diagnosing → inRepair → qc → ready → delivered). */
async function delivered(
  extra: Partial<InputOf<'workOrders.create'>> = {},
  route: InputOf<'workOrders.transition'>['to'][] = ['diagnosing', 'inRepair', 'qc', 'ready', 'delivered'],
): Promise<Detail> {
  let order = await clerk.ok('workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '不开机',
    ...extra,
  });
  for (const to of route) {
    order = await admin.ok('workOrders.transition', {
      id: order.id,
      to,
      note: to === 'declined' ? '太贵' : '',
    });
  }
  return order;
}

function followUpsOf(orderId: string): Record<string, unknown>[] {
  return sqlAll('SELECT * FROM follow_ups WHERE work_order_id = ?', orderId);
}

async function list(tab: 'today' | 'overdue' | 'pending' | 'done' = 'pending') {
  return clerk.ok('followUps.list', { tab });
}

async function onlyPending(): Promise<OutputOf<'followUps.list'>['rows'][number]> {
  const { rows } = await list('pending');
  expect(rows).toHaveLength(1);
  return rows[0] as OutputOf<'followUps.list'>['rows'][number];
}

/** Run a bad call and prove it left every table exactly as it was; returns the error. */
async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as {
    code: string;
    reason: string;
    params: unknown;
    details?: { fields?: { path: string }[] };
  };
}

describe('follow-up creation at delivery', () => {
  it('is due the set days after the delivery day, per service type, with a timeline entry and an audit row', async () => {
    const repair = await delivered();
    const deliveredAt = repair.deliveredAt ?? 0;
    const [f] = followUpsOf(repair.id);
    expect(f).toMatchObject({
      state: 'pending',
      attempts: 0,
      customer_id: customerId,
      due_at: localMidnight(addDays(localDate(deliveredAt), 3)),
    });
    const detail = await clerk.ok('workOrders.get', { id: repair.id });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'followUp',
      data: { action: 'created', followUpId: f?.id, dueAt: f?.due_at },
    });
    expect(sqlAll("SELECT action FROM audit_log WHERE entity = 'followUp' AND entity_id = ?", f?.id)).toEqual(
      [{ action: 'create' }],
    );

    const maintenance = await delivered({ serviceType: 'maintenance' });
    expect(followUpsOf(maintenance.id)[0]?.due_at).toBe(
      localMidnight(addDays(localDate(maintenance.deliveredAt ?? 0), 7)),
    );
  });

  it('makes none for a type set to 0 days, nor for a customer who asked not to be contacted', async () => {
    const inspection = await delivered({ serviceType: 'inspection' });
    expect(followUpsOf(inspection.id)).toEqual([]);
    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', {
      afterSales: {
        ...settings.afterSales,
        followUpDays: { ...settings.afterSales.followUpDays, repair: 0 },
      },
    });
    const repair = await delivered();
    expect(followUpsOf(repair.id)).toEqual([]);
    expect(repair.events.some((e) => e.kind === 'followUp')).toBe(false);

    await admin.ok('settings.update', { afterSales: settings.afterSales });
    app.core.database.sqlite.prepare('UPDATE customers SET no_contact = 1 WHERE id = ?').run(customerId);
    const optedOut = await delivered();
    expect(followUpsOf(optedOut.id)).toEqual([]);
  });

  it('calls back unrepaired returns too (a declined quote returned), one follow-up per order', async () => {
    const returned = await delivered({}, ['diagnosing', 'declined', 'ready', 'delivered']);
    expect(followUpsOf(returned.id)).toHaveLength(1);
    const other = await delivered();
    expect(sqlAll('SELECT count(*) AS n FROM follow_ups')).toEqual([{ n: 2 }]);
    // The table itself holds one per order: a second row for the same order is refused.
    expect(() =>
      app.core.database.sqlite
        .prepare(
          "INSERT INTO follow_ups (id, work_order_id, customer_id, due_at, state, created_at) VALUES ('x', ?, ?, 0, 'pending', 0)",
        )
        .run(other.id, customerId),
    ).toThrow(/UNIQUE/);
  });
});

describe('the queue on the server clock', () => {
  it('moves a follow-up from pending to today to overdue exactly at local midnight', async () => {
    const order = await delivered();
    const due = followUpsOf(order.id)[0]?.due_at as number;
    const dueDay = localDate(due);
    expect(localMidnight(dueDay)).toBe(due);

    app.clock.ms = due - 1;
    let page = await list('today');
    expect(page.counts).toEqual({ today: 0, overdue: 0, pending: 1, done: 0 });
    expect(page.today).toBe(addDays(dueDay, -1));

    app.clock.ms = due;
    page = await list('today');
    expect(page.counts).toEqual({ today: 1, overdue: 0, pending: 1, done: 0 });
    expect(page.rows[0]).toMatchObject({
      orderNo: order.orderNo,
      customerName: '张三',
      phones: [{ phone: '13800138000', label: '手机' }],
      deviceLabel: '华为 Mate 60',
      attempts: 0,
      overdue: false,
      dueAt: due,
    });

    const nextMidnight = localMidnight(addDays(dueDay, 1));
    app.clock.ms = nextMidnight - 1;
    expect((await list('today')).counts.today).toBe(1);
    app.clock.ms = nextMidnight;
    page = await list('overdue');
    expect(page.counts).toEqual({ today: 0, overdue: 1, pending: 1, done: 0 });
    expect(page.rows[0]?.overdue).toBe(true);
    expect(page.today).toBe(addDays(dueDay, 1));
  });

  it('shows what was done on the order and pages like other lists', async () => {
    const orders: Detail[] = [];
    for (let i = 0; i < 3; i++) {
      const o = await clerk.ok('workOrders.create', { customerId, deviceId, reportedFault: `故障${i}` });
      await admin.ok('workOrders.transition', { id: o.id, to: 'diagnosing' });
      await admin.ok('workOrders.update', {
        id: o.id,
        version: (await admin.ok('workOrders.get', { id: o.id })).version,
        diagnosis: `主板${i}`,
        resolution: `更换主板${i}`,
      });
      for (const to of ['inRepair', 'qc', 'ready', 'delivered'] as const)
        await admin.ok('workOrders.transition', { id: o.id, to });
      orders.push(o);
      app.clock.advance(DAY);
    }
    const first = await clerk.ok('followUps.list', { tab: 'pending', pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => r.orderNo)).toEqual(orders.slice(0, 2).map((o) => o.orderNo));
    expect(first.rows[0]).toMatchObject({ diagnosis: '主板0', resolution: '更换主板0' });
    const second = await clerk.ok('followUps.list', { tab: 'pending', pageSize: 2, page: 2 });
    expect(second.rows.map((r) => r.orderNo)).toEqual([orders[2]?.orderNo]);
  });

  it('is for the counter: a technician may not read or record', async () => {
    await delivered();
    const tech = await signedInAs(app, admin, 'technician');
    expect(await tech.call('followUps.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager = await signedInAs(app, admin, 'manager');
    expect((await manager.ok('followUps.list', { tab: 'pending' })).total).toBe(1);
  });
});

describe('recording calls', () => {
  it('retries a customer not reached the set days later, until the last try leaves it unreachable', async () => {
    const order = await delivered();
    const f = await onlyPending();
    app.clock.ms = f.dueAt + 10 * HOUR;
    const first = await clerk.ok('followUps.record', { id: f.id, result: 'notReached', note: '无人接听' });
    expect(first).toMatchObject({ state: 'pending', attempts: 1 });
    expect(first.dueAt).toBe(localMidnight(addDays(localDate(app.clock.ms), 1)));
    expect(first.lastCall).toMatchObject({ result: 'notReached', note: '无人接听', by: 'clerk 员工' });
    // Today's tab no longer holds it; tomorrow's does.
    expect((await list('today')).counts.today).toBe(0);
    app.clock.ms = first.dueAt;
    expect((await list('today')).counts.today).toBe(1);

    const second = await clerk.ok('followUps.record', { id: f.id, result: 'notReached' });
    expect(second).toMatchObject({ state: 'pending', attempts: 2 });
    app.clock.ms = second.dueAt + HOUR;
    const third = await clerk.ok('followUps.record', { id: f.id, result: 'notReached' });
    expect(third).toMatchObject({ state: 'unreachable', attempts: 3, doneAt: app.clock.ms });
    expect(sqlAll('SELECT result FROM follow_up_calls WHERE follow_up_id = ?', f.id)).toHaveLength(3);
    const detail = await clerk.ok('workOrders.get', { id: order.id });
    expect(detail.events.filter((e) => e.kind === 'followUp').map((e) => e.data)).toMatchObject([
      { action: 'created' },
      { action: 'call', result: 'notReached', state: 'pending', dueAt: first.dueAt },
      { action: 'call', result: 'notReached', state: 'pending', dueAt: second.dueAt },
      { action: 'call', result: 'notReached', state: 'unreachable' },
    ]);
    expect((await list('done')).rows.map((r) => r.id)).toEqual([f.id]);
    const error = await refused(() => clerk.call('followUps.record', { id: f.id, result: 'notReached' }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      reason: 'followUpDone',
      params: { state: 'unreachable' },
    });
  });

  it('follows the settings for tries and days between them', async () => {
    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', {
      afterSales: { ...settings.afterSales, followUpMaxAttempts: 1, followUpRetryDays: 5 },
    });
    await delivered();
    const f = await onlyPending();
    expect(await clerk.ok('followUps.record', { id: f.id, result: 'notReached' })).toMatchObject({
      state: 'unreachable',
    });
    await admin.ok('settings.update', {
      afterSales: { ...settings.afterSales, followUpMaxAttempts: 2, followUpRetryDays: 5 },
    });
    await delivered();
    const g = await onlyPending();
    const retried = await clerk.ok('followUps.record', { id: g.id, result: 'notReached' });
    expect(retried.dueAt).toBe(localMidnight(addDays(localDate(app.clock.ms), 5)));
  });

  it('ends on a wrong number', async () => {
    await delivered();
    const f = await onlyPending();
    const done = await clerk.ok('followUps.record', { id: f.id, result: 'wrongNumber', note: '空号' });
    expect(done).toMatchObject({ state: 'wrongNumber', attempts: 1, scores: null });
    const error = await refused(() =>
      clerk.call('followUps.record', { id: f.id, result: 'reached', scores: GOOD }),
    );
    expect(error).toMatchObject({ reason: 'followUpDone', params: { state: 'wrongNumber' } });
  });

  it('needs the four scores for a reached customer and takes none otherwise', async () => {
    await delivered();
    const f = await onlyPending();
    const missing = await refused(() => clerk.call('followUps.record', { id: f.id, result: 'reached' }));
    expect(missing).toMatchObject({
      code: 'VALIDATION',
      reason: 'scoresRequired',
      details: { fields: [{ path: 'scores' }] },
    });
    for (const extra of [{ scores: GOOD }, { comment: '还行' }, { problemUnsolved: true }]) {
      const error = await refused(() =>
        clerk.call('followUps.record', { id: f.id, result: 'notReached', ...extra }),
      );
      expect(error, JSON.stringify(extra)).toMatchObject({ code: 'VALIDATION', reason: 'scoresNotTaken' });
    }
    for (const scores of [
      { ...GOOD, price: 6 },
      { ...GOOD, price: 0 },
      { ...GOOD, price: 2.5 },
      { attitude: 5 },
    ]) {
      const error = await refused(() =>
        clerk.raw('followUps.record', { id: f.id, result: 'reached', scores }),
      );
      expect(error, JSON.stringify(scores)).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
    }
    const open = { kind: 'rework', reportedFault: '还是不开机' } as const;
    const notUnsolved = await refused(() =>
      clerk.call('followUps.record', { id: f.id, result: 'reached', scores: GOOD, open }),
    );
    expect(notUnsolved).toMatchObject({ reason: 'invalidInput', details: { fields: [{ path: 'open' }] } });

    const reached = await clerk.ok('followUps.record', {
      id: f.id,
      result: 'reached',
      scores: GOOD,
      comment: '师傅很耐心',
    });
    expect(reached).toMatchObject({
      state: 'reached',
      scores: GOOD,
      comment: '师傅很耐心',
      problemUnsolved: false,
    });
    expect(sqlAll('SELECT attitude, quality, timeliness, price FROM follow_ups WHERE id = ?', f.id)).toEqual([
      GOOD,
    ]);
  });

  it('opens a complaint in the same step for a problem not solved', async () => {
    const order = await delivered();
    const f = await onlyPending();
    const row = await clerk.ok('followUps.record', {
      id: f.id,
      result: 'reached',
      scores: { attitude: 4, quality: 1, timeliness: 3, price: 3 },
      comment: '修完两天又坏了',
      problemUnsolved: true,
      open: { kind: 'complaint', category: 'quality', severity: 'major', description: '修完两天又不开机' },
    });
    expect(row.complaintNo).toMatch(/^TS-BJ01-\d{8}-0001$/);
    const [complaint] = sqlAll('SELECT * FROM complaints');
    expect(complaint).toMatchObject({
      id: row.complaintId,
      complaint_no: row.complaintNo,
      customer_id: customerId,
      work_order_id: order.id,
      follow_up_id: f.id,
      channel: 'followUp',
      category: 'quality',
      severity: 'major',
      description: '修完两天又不开机',
      status: 'received',
    });
    expect(followUpsOf(order.id)[0]).toMatchObject({ complaint_id: row.complaintId, problem_unsolved: 1 });
    const detail = await clerk.ok('workOrders.get', { id: order.id });
    expect(detail.events.slice(-2)).toMatchObject([
      { kind: 'complaint', data: { action: 'created', complaintNo: row.complaintNo } },
      {
        kind: 'followUp',
        data: { action: 'call', result: 'reached', problemUnsolved: true, complaintNo: row.complaintNo },
      },
    ]);
  });

  it('opens a rework order in the same step instead', async () => {
    const order = await delivered();
    const f = await onlyPending();
    const row = await clerk.ok('followUps.record', {
      id: f.id,
      result: 'reached',
      scores: GOOD,
      problemUnsolved: true,
      open: { kind: 'rework', reportedFault: '又不开机了' },
    });
    expect(row.reworkOrderNo).not.toBeNull();
    const rework = await clerk.ok('workOrders.get', { id: row.reworkOrderId ?? '' });
    expect(rework).toMatchObject({
      orderNo: row.reworkOrderNo,
      reworkOfId: order.id,
      customerId,
      deviceId,
      status: 'received',
      reportedFault: '又不开机了',
      warrantyComputed: 'repair',
    });
    expect(followUpsOf(order.id)[0]?.rework_order_id).toBe(rework.id);
  });

  it('writes nothing when the complaint or the rework it would open cannot be', async () => {
    const order = await delivered();
    const f = await onlyPending();
    const base = { id: f.id, result: 'reached', scores: GOOD, problemUnsolved: true } as const;
    for (const open of [
      { kind: 'complaint', category: 'quality', severity: 'major', description: '  ' },
      { kind: 'complaint', category: 'noSuch', severity: 'major', description: '坏了' },
      { kind: 'complaint', category: 'quality', severity: 'huge', description: '坏了' },
      { kind: 'rework', reportedFault: '' },
    ]) {
      const error = await refused(() => clerk.raw('followUps.record', { ...base, open }));
      expect(error, JSON.stringify(open)).toMatchObject({ code: 'VALIDATION', reason: 'invalidInput' });
    }
    // The rework's own service refuses inside the call's transaction: the call goes too.
    app.core.database.sqlite.prepare('UPDATE devices SET archived_at = 1 WHERE id = ?').run(deviceId);
    const error = await refused(() =>
      clerk.call('followUps.record', { ...base, open: { kind: 'rework', reportedFault: '又坏了' } }),
    );
    expect(error).toMatchObject({ reason: 'deviceNotUsable' });
    expect(followUpsOf(order.id)[0]).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('lets only one of two clerks settle the same follow-up', async () => {
    await delivered();
    const f = await onlyPending();
    const [a, b] = await Promise.all([
      clerk.call('followUps.record', { id: f.id, result: 'reached', scores: GOOD }),
      clerk2.call('followUps.record', { id: f.id, result: 'reached', scores: { ...GOOD, price: 1 } }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const failed = a.ok ? b : a;
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', reason: 'followUpDone', params: { state: 'reached' } },
    });
    expect(sqlAll('SELECT count(*) AS n FROM follow_up_calls')).toEqual([{ n: 1 }]);
  });

  it('refuses an unknown follow-up', async () => {
    const error = await refused(() =>
      clerk.call('followUps.record', { id: '0190a5a0-0000-7000-8000-000000000000', result: 'notReached' }),
    );
    expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'followUpNotFound' });
  });
});

describe('a customer who asks not to be contacted', () => {
  it('closes their pending follow-ups as opted out and takes no more calls', async () => {
    const created = await clerk.ok('customers.create', { name: '李四', phones: [{ phone: '13900139000' }] });
    expect(created.noContact).toBe(false);
    customerId = created.id;
    deviceId = insertDevice(app, customerId);
    const settled = await delivered();
    const open = await delivered();
    const [s, o] = [followUpsOf(settled.id)[0]?.id as string, followUpsOf(open.id)[0]?.id as string];
    await clerk.ok('followUps.record', { id: s, result: 'wrongNumber' });

    const updated = await clerk.ok('customers.update', {
      id: created.id,
      version: created.version,
      name: created.name,
      phones: created.phones,
      noContact: true,
    });
    expect(updated.noContact).toBe(true);
    expect(followUpsOf(open.id)[0]).toMatchObject({ state: 'optedOut' });
    expect(followUpsOf(settled.id)[0]).toMatchObject({ state: 'wrongNumber' });
    const detail = await clerk.ok('workOrders.get', { id: open.id });
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'followUp',
      data: { action: 'optedOut', followUpId: o },
    });
    expect(
      sqlAll(
        "SELECT action, after FROM audit_log WHERE entity = 'followUp' AND entity_id = ? ORDER BY at, rowid",
        o,
      ).at(-1),
    ).toEqual({
      action: 'update',
      after: JSON.stringify({ state: 'optedOut' }),
    });

    const error = await refused(() => clerk.call('followUps.record', { id: o, result: 'notReached' }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'customerNoContact' });
    // An edit that leaves the flag out keeps it.
    const again = await clerk.ok('customers.update', {
      id: created.id,
      version: updated.version,
      name: '李四四',
      phones: created.phones,
    });
    expect(again.noContact).toBe(true);
    const later = await delivered();
    expect(followUpsOf(later.id)).toEqual([]);
  });
});
