import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { addDays, localDate } from '@shared/dates';
import { MAX_ATTACHMENT_BYTES } from '@shared/schemas/workOrders';
import {
  WORK_ORDER_STATUSES,
  canTransition,
  needsApproval,
  needsReason,
  type WorkOrderStatus,
} from '@shared/workOrderStatus';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** A 1×1 PNG. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

type Detail = OutputOf<'workOrders.get'>;

let app: TestApp;
let admin: Client;
let clerk: Client;
let tech: Client;
let manager: Client;
let techId: string;
let managerId: string;
let customerId: string;
let deviceId: string;

async function userId(client: Client): Promise<string> {
  const state = await client.ok('auth.state', {});
  if (!state.user) throw new Error('not signed in');
  return state.user.id;
}

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  // The tests move the clock by hours and days; the idle screen lock is tested elsewhere.
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  clerk = await signedInAs(app, admin, 'clerk');
  tech = await signedInAs(app, admin, 'technician');
  manager = await signedInAs(app, admin, 'manager');
  techId = await userId(tech);
  managerId = await userId(manager);
  customerId = insertCustomer(app, { name: '张三', phone: '13800138000' });
  deviceId = insertDevice(app, customerId);
});
afterEach(() => app.cleanup());

function intake(client: Client = clerk, extra: Partial<InputOf<'workOrders.create'>> = {}): Promise<Detail> {
  return client.ok('workOrders.create', {
    customerId,
    deviceId,
    reportedFault: '屏幕碎裂，触摸失灵',
    ...extra,
  });
}

/**
 * A move with whatever the machine asks for: a reason to cancel, decline, give up or park, what a
 * wait for parts is for, an approval off a quote, why it cannot be repaired, when to call back.
 */
function move(id: string, from: WorkOrderStatus, to: WorkOrderStatus): InputOf<'workOrders.transition'> {
  return {
    id,
    to,
    note: needsReason(to) ? '客户不修了' : to === 'awaitingParts' ? '等屏幕到货' : '',
    ...(needsApproval(from, to) ? { approval: { by: '张三', method: 'phone' as const } } : {}),
    ...(to === 'unrepairable' ? { unrepairableReason: 'noParts' as const } : {}),
    ...(to === 'onHold' ? { recallAt: app.clock.ms + 3 * DAY } : {}),
  };
}

/** Legal moves from received to each status. */
const ROUTE: Record<WorkOrderStatus, WorkOrderStatus[]> = {
  received: [],
  diagnosing: ['diagnosing'],
  quoted: ['diagnosing', 'quoted'],
  awaitingParts: ['diagnosing', 'awaitingParts'],
  inRepair: ['diagnosing', 'inRepair'],
  qc: ['diagnosing', 'inRepair', 'qc'],
  ready: ['diagnosing', 'inRepair', 'qc', 'ready'],
  delivered: ['diagnosing', 'inRepair', 'qc', 'ready', 'delivered'],
  cancelled: ['cancelled'],
  declined: ['diagnosing', 'quoted', 'declined'],
  unrepairable: ['diagnosing', 'unrepairable'],
  // Parked from diagnosing: it may resume only to diagnosing.
  onHold: ['diagnosing', 'onHold'],
};

async function drive(order: Detail, to: WorkOrderStatus): Promise<Detail> {
  let current = order;
  for (const next of ROUTE[to]) {
    current = await admin.ok('workOrders.transition', move(current.id, current.status, next));
  }
  expect(current.status).toBe(to);
  return current;
}

/** Run a bad call and prove it left every table exactly as it was; returns the error. */
async function refused(run: () => Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as { code: string; message: string; details?: { fields?: { path: string }[] } };
}

function sqlAll(query: string, ...params: unknown[]): Record<string, unknown>[] {
  return app.core.database.sqlite.prepare(query).all(...params) as Record<string, unknown>[];
}

describe('work-order state machine through dispatch', () => {
  it('makes every legal move and refuses every illegal one with nothing changed, for every pair', async () => {
    let legal = 0;
    let illegal = 0;
    for (const from of WORK_ORDER_STATUSES) {
      const at = await drive(await intake(), from);
      for (const to of WORK_ORDER_STATUSES) {
        // ROUTE parks its order on hold from diagnosing.
        if (canTransition(from, to, from === 'onHold' ? 'diagnosing' : null)) {
          const fresh = await drive(await intake(), from);
          const moved = await admin.ok('workOrders.transition', move(fresh.id, from, to));
          expect(moved.status, `${from} → ${to}`).toBe(to);
          // Delivery also makes the follow-up call (its own entry, after the move's).
          const added = to === 'delivered' ? 2 : 1;
          expect(moved.events.at(-added)).toMatchObject({
            kind: 'status',
            fromStatus: from,
            toStatus: to,
            username: 'admin',
            note: move(fresh.id, from, to).note,
          });
          if (to === 'delivered') expect(moved.events.at(-1)).toMatchObject({ kind: 'followUp' });
          expect(moved.events).toHaveLength(fresh.events.length + added);
          legal++;
        } else {
          // Even a move that would need a reason is refused as illegal first.
          const error = await refused(() => admin.call('workOrders.transition', { id: at.id, to }));
          expect(error, `${from} → ${to}`).toMatchObject({
            code: 'INVALID_TRANSITION',
            reason: 'transitionNotAllowed',
            params: { orderNo: at.orderNo, from, to },
          });
          const withEverything = await refused(() =>
            admin.call('workOrders.transition', move(at.id, from, to)),
          );
          expect(withEverything.code).toBe('INVALID_TRANSITION');
          illegal++;
        }
      }
    }
    expect(legal + illegal).toBe(144);
    // The hand-written table of tests/unit/workOrderStatus.test.ts, onHold parked from diagnosing.
    expect(legal).toBe(37);
  });

  it('records ready and delivery times, and the cancel reason', async () => {
    const order = await drive(await intake(), 'qc');
    app.clock.advance(HOUR);
    const ready = await admin.ok('workOrders.transition', { id: order.id, to: 'ready' });
    expect(ready.readyAt).toBe(app.clock.ms);
    expect(ready.deliveredAt).toBeNull();
    app.clock.advance(HOUR);
    const delivered = await admin.ok('workOrders.transition', {
      id: order.id,
      to: 'delivered',
      note: '客户已取机',
    });
    expect(delivered.deliveredAt).toBe(app.clock.ms);
    expect(delivered.readyAt).toBe(app.clock.ms - HOUR);

    const other = await intake();
    const cancelled = await clerk.ok('workOrders.transition', {
      id: other.id,
      to: 'cancelled',
      note: '客户不修了',
    });
    expect(cancelled.cancelReason).toBe('客户不修了');
    expect(cancelled.overdue).toBe(false);
  });

  it('needs a reason to cancel or decline', async () => {
    const order = await intake();
    const error = await refused(() => clerk.call('workOrders.transition', { id: order.id, to: 'cancelled' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['note']);
    expect(
      (
        await refused(() =>
          clerk.call('workOrders.transition', { id: order.id, to: 'cancelled', note: '   ' }),
        )
      ).code,
    ).toBe('VALIDATION');
    const quoted = await drive(await intake(), 'quoted');
    const declined = await refused(() =>
      clerk.call('workOrders.transition', { id: quoted.id, to: 'declined' }),
    );
    expect(declined.details?.fields?.map((f) => f.path)).toEqual(['note']);
    const ok = await clerk.ok('workOrders.transition', { id: quoted.id, to: 'declined', note: '报价太高' });
    expect(ok.events.at(-1)?.note).toBe('报价太高');
  });

  it("needs the customer's approval to leave a quote for the bench, and keeps it on the order", async () => {
    for (const to of ['inRepair', 'awaitingParts'] as const) {
      const quoted = await drive(await intake(), 'quoted');
      const error = await refused(() => clerk.call('workOrders.transition', { id: quoted.id, to }));
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.fields?.map((f) => f.path)).toEqual(['approval']);
      expect(
        (
          await refused(() =>
            clerk.raw('workOrders.transition', { id: quoted.id, to, approval: { by: '', method: 'phone' } }),
          )
        ).code,
      ).toBe('VALIDATION');
      expect(
        (
          await refused(() =>
            clerk.raw('workOrders.transition', {
              id: quoted.id,
              to,
              approval: { by: '张三', method: 'email' },
            }),
          )
        ).code,
      ).toBe('VALIDATION');
      app.clock.advance(60_000);
      const approved = await clerk.ok('workOrders.transition', {
        id: quoted.id,
        to,
        approval: { by: '张三本人', method: 'phone' },
        ...(to === 'awaitingParts' ? { note: '等屏幕到货' } : {}),
      });
      expect(approved.approval).toEqual({
        by: '张三本人',
        method: 'phone',
        at: app.clock.ms,
        recordedBy: 'clerk 员工',
        // No estimate was given: the approval carries no amount, and no bill can exceed it.
        amount: null,
      });
      expect(approved.events.at(-1)?.data).toEqual({
        approval: { by: '张三本人', method: 'phone', amount: null },
      });
    }
  });

  it('refuses an approval on a move that takes none', async () => {
    const order = await drive(await intake(), 'diagnosing');
    const error = await refused(() =>
      clerk.call('workOrders.transition', {
        id: order.id,
        to: 'inRepair',
        approval: { by: '张三', method: 'phone' },
      }),
    );
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['approval']);
  });

  it('refuses a move of an unknown order; a technician moves orders', async () => {
    const error = await refused(() =>
      tech.call('workOrders.transition', { id: '01900000-0000-7000-8000-000000000000', to: 'diagnosing' }),
    );
    expect(error.code).toBe('NOT_FOUND');
    const order = await intake();
    expect((await tech.ok('workOrders.transition', { id: order.id, to: 'diagnosing' })).status).toBe(
      'diagnosing',
    );
  });

  it('writes an audit row for every move', async () => {
    const order = await drive(await intake(), 'diagnosing');
    const audit = await admin.ok('audit.list', { entity: 'workOrder' });
    const moveRow = audit.rows.find((r) => r.entityId === order.id && r.action === 'update');
    expect(moveRow?.before).toEqual({ status: 'received' });
    expect(moveRow?.after).toEqual({ status: 'diagnosing' });
  });
});

describe('order numbers', () => {
  it('numbers orders per branch and day in sequence, never twice', async () => {
    const day = localDate(app.clock.ms).replaceAll('-', '');
    const first = [await intake(), await intake(), await intake()].map((o) => o.orderNo);
    expect(first).toEqual([`BJ01-${day}-0001`, `BJ01-${day}-0002`, `BJ01-${day}-0003`]);

    // A refused intake takes no number.
    await refused(() => clerk.call('workOrders.create', { customerId, deviceId, reportedFault: '' }));
    expect((await intake()).orderNo).toBe(`BJ01-${day}-0004`);

    app.clock.advance(DAY);
    const nextDay = localDate(app.clock.ms).replaceAll('-', '');
    const tomorrow = await intake();
    expect(tomorrow.orderNo).toBe(`BJ01-${nextDay}-0001`);

    // A number already held (an imported order) is skipped; a freed one is never handed out again.
    app.core.database.sqlite
      .prepare('UPDATE work_orders SET order_no = ? WHERE id = ?')
      .run(`BJ01-${nextDay}-0002`, tomorrow.id);
    expect((await intake()).orderNo).toBe(`BJ01-${nextDay}-0003`);

    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', { shop: { ...settings.shop, branchCode: 'SH02' } });
    expect((await intake()).orderNo).toBe(`SH02-${nextDay}-0001`);

    const all = sqlAll('SELECT order_no FROM work_orders').map((r) => r.order_no);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('intake', () => {
  it('records the intake and its timeline entry, and audits it', async () => {
    const order = await intake(clerk, {
      channel: 'phone',
      serviceType: 'inspection',
      accessories: ['simTray', 'charger', 'charger'],
      accessoriesNote: '蓝色手机壳',
      condition: '背壳划痕',
      estimate: 19900,
      technicianId: techId,
    });
    expect(order).toMatchObject({
      status: 'received',
      customerName: '张三',
      customerPhone: '13800138000',
      deviceLabel: '华为 Mate 60',
      channel: 'phone',
      serviceType: 'inspection',
      priority: 'normal',
      accessories: ['charger', 'simTray'],
      accessoriesNote: '蓝色手机壳',
      condition: '背壳划痕',
      estimate: 19900,
      technicianId: techId,
      technicianName: 'technician 员工',
      warrantyStatus: 'out',
      isRework: false,
      overdue: false,
      createdBy: 'clerk 员工',
      hasDevicePassword: false,
      devicePassword: null,
    });
    expect(order.events).toHaveLength(1);
    expect(order.events[0]).toMatchObject({ kind: 'created', toStatus: 'received', username: 'clerk1' });
    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'create' });
    expect(audit.rows.map((r) => r.entityId)).toEqual([order.id]);
    expect(audit.rows[0]?.after).toMatchObject({
      orderNo: order.orderNo,
      reportedFault: '屏幕碎裂，触摸失灵',
    });
  });

  it('defaults the promised date from the priority SLA in settings', async () => {
    const at = app.clock.ms;
    const expected = { low: 120, normal: 72, high: 24, urgent: 4 } as const;
    for (const priority of ['low', 'normal', 'high', 'urgent'] as const) {
      expect((await intake(clerk, { priority })).promisedAt, priority).toBe(at + expected[priority] * HOUR);
    }
    await admin.ok('settings.update', {
      counter: { slaHours: { low: 200, normal: 48, high: 12, urgent: 2 } },
    });
    expect((await intake(clerk, { priority: 'urgent' })).promisedAt).toBe(at + 2 * HOUR);
    expect((await intake(clerk, { promisedAt: at + 5 * DAY })).promisedAt).toBe(at + 5 * DAY);
    const error = await refused(() =>
      clerk.call('workOrders.create', { customerId, deviceId, reportedFault: 'x', promisedAt: at - 1 }),
    );
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['promisedAt']);
  });

  it('refuses every bad intake with nothing changed', async () => {
    const other = insertCustomer(app, { name: '李四' });
    const othersDevice = insertDevice(app, other);
    const archived = insertCustomer(app, { archived: true });
    const archivedsDevice = insertDevice(app, archived);
    const merged = insertCustomer(app, { mergedIntoId: customerId });
    const mergedsDevice = insertDevice(app, merged);
    const archivedDevice = insertDevice(app, customerId, { archived: true });
    const clerkId = await userId(clerk);
    const retired = await signedInAs(app, admin, 'technician', 'retired');
    const retiredId = await userId(retired);
    await admin.ok('users.update', { id: retiredId, disabled: true });
    const open = await intake();
    const missing = '01900000-0000-7000-8000-000000000000';
    const base = { customerId, deviceId, reportedFault: '无法开机' };

    const cases: [string, unknown, string, string?][] = [
      ['empty', {}, 'VALIDATION'],
      ['blank fault', { ...base, reportedFault: '   ' }, 'VALIDATION', 'reportedFault'],
      ['unknown key', { ...base, price: 1 }, 'VALIDATION'],
      ['bad channel', { ...base, channel: 'fax' }, 'VALIDATION', 'channel'],
      ['bad priority', { ...base, priority: 'asap' }, 'VALIDATION', 'priority'],
      ['bad accessory', { ...base, accessories: ['phone'] }, 'VALIDATION', 'accessories.0'],
      ['negative estimate', { ...base, estimate: -1 }, 'VALIDATION', 'estimate'],
      ['fractional estimate', { ...base, estimate: 12.5 }, 'VALIDATION', 'estimate'],
      ['not a uuid', { ...base, customerId: 'abc' }, 'VALIDATION', 'customerId'],
      ['no such customer', { ...base, customerId: missing }, 'NOT_FOUND', 'customerId'],
      ['no such device', { ...base, deviceId: missing }, 'NOT_FOUND', 'deviceId'],
      ["another customer's device", { ...base, deviceId: othersDevice }, 'VALIDATION', 'deviceId'],
      [
        'archived customer',
        { ...base, customerId: archived, deviceId: archivedsDevice },
        'VALIDATION',
        'customerId',
      ],
      [
        'merged customer',
        { ...base, customerId: merged, deviceId: mergedsDevice },
        'VALIDATION',
        'customerId',
      ],
      ['archived device', { ...base, deviceId: archivedDevice }, 'VALIDATION', 'deviceId'],
      ['clerk as technician', { ...base, technicianId: clerkId }, 'VALIDATION', 'technicianId'],
      ['disabled technician', { ...base, technicianId: retiredId }, 'VALIDATION', 'technicianId'],
      ['unknown technician', { ...base, technicianId: missing }, 'NOT_FOUND', 'technicianId'],
      ['rework of an open order', { ...base, reworkOfId: open.id }, 'VALIDATION', 'reworkOfId'],
      ['rework of nothing', { ...base, reworkOfId: missing }, 'NOT_FOUND', 'reworkOfId'],
      ['override without reason', { ...base, warrantyOverride: { status: 'in', reason: '' } }, 'VALIDATION'],
      [
        'override to nonsense',
        { ...base, warrantyOverride: { status: 'maybe', reason: '发票' } },
        'VALIDATION',
      ],
      ['password too long', { ...base, devicePassword: 'x'.repeat(61) }, 'VALIDATION', 'devicePassword'],
      ['fault too long', { ...base, reportedFault: '坏'.repeat(1001) }, 'VALIDATION', 'reportedFault'],
    ];
    for (const [name, input, code, path] of cases) {
      const error = await refused(() => clerk.raw('workOrders.create', input));
      expect(error.code, name).toBe(code);
      if (path)
        expect(
          error.details?.fields?.map((f) => f.path),
          name,
        ).toContain(path);
    }
    // Roles without the permission learn nothing from validation.
    const stranger = app.connect();
    expect((await refused(() => stranger.raw('workOrders.create', base))).code).toBe('UNAUTHENTICATED');
  });
});

describe('warranty at intake', () => {
  it("is in warranty through the maker's last day and out the day after", async () => {
    const today = localDate(app.clock.ms);
    const lastDay = insertDevice(app, customerId, { warrantyEnd: today });
    const endedYesterday = insertDevice(app, customerId, { warrantyEnd: addDays(today, -1) });
    const none = insertDevice(app, customerId, { warrantyEnd: null });
    expect((await intake(clerk, { deviceId: lastDay })).warrantyStatus).toBe('in');
    expect((await intake(clerk, { deviceId: endedYesterday })).warrantyStatus).toBe('out');
    expect((await intake(clerk, { deviceId: none })).warrantyStatus).toBe('out');
  });

  it('gives a rework the repair warranty through the last day after delivery, and not the day after', async () => {
    const original = await drive(await intake(), 'delivered');
    const delivered = original.deliveredAt ?? 0;
    const days = 90;
    app.clock.advance(days * DAY);
    expect(localDate(app.clock.ms)).toBe(addDays(localDate(delivered), days));
    const rework = await intake(clerk, { reworkOfId: original.id, reportedFault: '又碎了' });
    expect(rework).toMatchObject({
      warrantyStatus: 'repair',
      warrantyComputed: 'repair',
      isRework: true,
      reworkOfId: original.id,
      reworkOfNo: original.orderNo,
    });
    app.clock.advance(DAY);
    const late = await intake(clerk, { reworkOfId: original.id, reportedFault: '又碎了' });
    expect(late.warrantyStatus).toBe('out');
    expect(late.isRework).toBe(true);
  });

  it('follows the repair-warranty days in settings', async () => {
    await admin.ok('settings.update', { counter: { repairWarrantyDays: 30 } });
    const original = await drive(await intake(), 'delivered');
    app.clock.advance(31 * DAY);
    expect((await intake(clerk, { reworkOfId: original.id })).warrantyStatus).toBe('out');
    await admin.ok('settings.update', { counter: { repairWarrantyDays: 0 } });
    const again = await drive(await intake(), 'delivered');
    expect((await intake(clerk, { reworkOfId: again.id })).warrantyStatus).toBe('out');
  });

  it('keeps the first clock for a rework of a rework', async () => {
    const first = await drive(await intake(), 'delivered');
    const start = first.deliveredAt ?? 0;
    app.clock.advance(60 * DAY);
    const second = await intake(clerk, { reworkOfId: first.id });
    expect(second.warrantyStatus).toBe('repair');
    app.clock.advance(DAY);
    const secondDone = await drive(second, 'delivered');
    expect(secondDone.deliveredAt).toBe(start + 61 * DAY);

    // Day 90 after the first delivery: still the first repair's warranty.
    app.clock.ms = start + 90 * DAY;
    expect((await intake(clerk, { reworkOfId: second.id })).warrantyStatus).toBe('repair');
    // Day 91: over, though the second delivery was only 30 days ago — the clock did not restart.
    app.clock.ms = start + 91 * DAY;
    const third = await intake(clerk, { reworkOfId: second.id });
    expect(third.warrantyStatus).toBe('out');
    expect(third.reworkOfNo).toBe(second.orderNo);
  });

  it('refuses a rework on another device', async () => {
    const original = await drive(await intake(), 'delivered');
    const otherDevice = insertDevice(app, customerId);
    const error = await refused(() =>
      clerk.call('workOrders.create', {
        customerId,
        deviceId: otherDevice,
        reportedFault: 'x',
        reworkOfId: original.id,
      }),
    );
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['reworkOfId']);
  });

  it('takes an override at intake, keeps the computed value and logs the reason', async () => {
    const order = await intake(clerk, { warrantyOverride: { status: 'in', reason: '发票显示仍在保修期内' } });
    expect(order).toMatchObject({
      warrantyStatus: 'in',
      warrantyComputed: 'out',
      warrantyOverrideReason: '发票显示仍在保修期内',
    });
    expect(order.events.map((e) => e.kind)).toEqual(['created', 'warranty']);
    expect(order.events[1]).toMatchObject({ note: '发票显示仍在保修期内', data: { from: 'out', to: 'in' } });
    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'create' });
    expect(audit.rows[0]?.after).toMatchObject({
      warrantyStatus: 'in',
      warrantyComputed: 'out',
      warrantyOverride: { status: 'in', reason: '发票显示仍在保修期内' },
    });
  });

  it('overrides the warranty later with a logged reason; the same status is refused; back to computed clears it', async () => {
    const order = await intake();
    const forbidden = await refused(() =>
      tech.call('workOrders.overrideWarranty', { id: order.id, status: 'in', reason: '厂家同意保修' }),
    );
    expect(forbidden.code).toBe('FORBIDDEN');
    const same = await refused(() =>
      clerk.call('workOrders.overrideWarranty', { id: order.id, status: 'out', reason: '没变' }),
    );
    expect(same.details?.fields?.map((f) => f.path)).toEqual(['status']);
    expect(
      (
        await refused(() =>
          clerk.call('workOrders.overrideWarranty', { id: order.id, status: 'in', reason: 'x' }),
        )
      ).code,
    ).toBe('VALIDATION');

    const overridden = await clerk.ok('workOrders.overrideWarranty', {
      id: order.id,
      status: 'in',
      reason: '厂家同意保修',
    });
    expect(overridden).toMatchObject({
      warrantyStatus: 'in',
      warrantyComputed: 'out',
      warrantyOverrideReason: '厂家同意保修',
    });
    expect(overridden.events.at(-1)).toMatchObject({
      kind: 'warranty',
      note: '厂家同意保修',
      data: { from: 'out', to: 'in', computed: 'out' },
    });
    const back = await manager.ok('workOrders.overrideWarranty', {
      id: order.id,
      status: 'out',
      reason: '厂家拒绝',
    });
    expect(back).toMatchObject({ warrantyStatus: 'out', warrantyOverrideReason: null });
    expect(back.events.at(-1)?.note).toBe('厂家拒绝');
    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'update' });
    expect(audit.rows.map((r) => r.after?.reason)).toEqual(['厂家拒绝', '厂家同意保修']);
  });
});

describe('device password', () => {
  it('is hidden from a clerk, shown to a technician, a manager and an admin, and never logged', async () => {
    const order = await intake(clerk, { devicePassword: '1-5-9-6' });
    expect(order.devicePassword).toBeNull();
    expect(order.hasDevicePassword).toBe(true);
    expect((await clerk.ok('workOrders.get', { id: order.id })).devicePassword).toBeNull();
    expect((await tech.ok('workOrders.get', { id: order.id })).devicePassword).toBe('1-5-9-6');
    expect((await manager.ok('workOrders.get', { id: order.id })).devicePassword).toBe('1-5-9-6');
    expect((await admin.ok('workOrders.get', { id: order.id })).devicePassword).toBe('1-5-9-6');
    expect(order.events[0]?.data).toMatchObject({ devicePasswordChanged: true });

    const changed = await tech.ok('workOrders.update', {
      id: order.id,
      version: order.version,
      devicePassword: '258046',
    });
    expect(changed.devicePassword).toBe('258046');
    const edit = changed.events.at(-1);
    expect(edit?.kind).toBe('edit');
    expect(edit?.data).toEqual({
      fields: ['devicePassword'],
      before: {},
      after: {},
      devicePasswordChanged: true,
    });

    const logged = JSON.stringify([
      sqlAll('SELECT * FROM audit_log'),
      sqlAll('SELECT * FROM work_order_events'),
    ]);
    expect(logged).not.toContain('1-5-9-6');
    expect(logged).not.toContain('258046');
    // The list rows never carry it at all.
    expect(JSON.stringify(await tech.ok('workOrders.list', {}))).not.toContain('258046');

    const none = await intake();
    expect((await tech.ok('workOrders.get', { id: none.id })).devicePassword).toBe('');
    expect(none.hasDevicePassword).toBe(false);
  });
});

describe('edits, assignment and notes', () => {
  it('edits the diagnosis and estimate with before and after on the timeline; an unchanged save is no event', async () => {
    const order = await intake();
    app.clock.advance(HOUR);
    const edited = await tech.ok('workOrders.update', {
      id: order.id,
      version: order.version,
      diagnosis: '屏幕总成损坏',
      estimate: 128_000,
      reportedFault: order.reportedFault,
    });
    expect(edited).toMatchObject({ diagnosis: '屏幕总成损坏', estimate: 128_000, updatedAt: app.clock.ms });
    expect(edited.events.at(-1)).toMatchObject({
      kind: 'edit',
      username: 'technician1',
      data: {
        fields: ['diagnosis', 'estimate'],
        before: { diagnosis: '', estimate: null },
        after: { diagnosis: '屏幕总成损坏', estimate: 128_000 },
      },
    });
    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'update' });
    expect(audit.rows[0]?.after).toEqual({ diagnosis: '屏幕总成损坏', estimate: 128_000 });

    const before = snapshot(app.core);
    const same = await tech.ok('workOrders.update', {
      id: order.id,
      version: edited.version,
      diagnosis: '屏幕总成损坏',
    });
    expect(same.version).toBe(edited.version);
    expect(same.events).toHaveLength(edited.events.length);
    expect(snapshot(app.core)).toBe(before);

    const more = await clerk.ok('workOrders.update', {
      id: order.id,
      version: same.version,
      priority: 'urgent',
      accessories: ['box', 'charger', 'box'],
      resolution: '更换屏幕总成',
      promisedAt: order.createdAt + DAY,
    });
    expect(more).toMatchObject({
      priority: 'urgent',
      accessories: ['charger', 'box'],
      promisedAt: order.createdAt + DAY,
    });
  });

  it('refuses bad edits with nothing changed', async () => {
    const order = await intake();
    const cases: [unknown, string][] = [
      [{ id: order.id, version: order.version, promisedAt: order.createdAt - 1 }, 'VALIDATION'],
      [{ id: order.id, version: order.version, estimate: -5 }, 'VALIDATION'],
      [{ id: order.id, version: order.version, reportedFault: '' }, 'VALIDATION'],
      [{ id: order.id, version: order.version, status: 'delivered' }, 'VALIDATION'],
      [{ id: order.id, version: order.version, technicianId: techId }, 'VALIDATION'],
      [{ id: '01900000-0000-7000-8000-000000000000', version: 1, diagnosis: 'x' }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      expect((await refused(() => tech.raw('workOrders.update', input))).code, JSON.stringify(input)).toBe(
        code,
      );
    }
  });

  it('assigns, reassigns and unassigns with a timeline entry each', async () => {
    const order = await intake();
    const assigned = await clerk.ok('workOrders.assign', {
      id: order.id,
      technicianId: techId,
      note: '屏幕专项',
    });
    expect(assigned).toMatchObject({ technicianId: techId, technicianName: 'technician 员工' });
    expect(assigned.events.at(-1)).toMatchObject({
      kind: 'assign',
      note: '屏幕专项',
      data: { from: null, to: { id: techId, name: 'technician 员工' } },
    });
    const again = await refusedNothing(() =>
      clerk.ok('workOrders.assign', { id: order.id, technicianId: techId }),
    );
    expect(again.events).toHaveLength(assigned.events.length);
    const moved = await manager.ok('workOrders.assign', { id: order.id, technicianId: managerId });
    expect(moved.events.at(-1)?.data).toEqual({
      from: { id: techId, name: 'technician 员工' },
      to: { id: managerId, name: 'manager 员工' },
    });
    const unassigned = await clerk.ok('workOrders.assign', { id: order.id, technicianId: null });
    expect(unassigned.technicianId).toBeNull();
    expect(unassigned.technicianName).toBeNull();

    const clerkId = await userId(clerk);
    expect(
      (await refused(() => clerk.call('workOrders.assign', { id: order.id, technicianId: clerkId }))).details
        ?.fields,
    ).toEqual([
      {
        path: 'technicianId',
        reason: 'notATechnician',
        params: { role: 'clerk' },
        message: 'a clerk cannot be assigned work orders',
      },
    ]);
    expect(
      (await refused(() => tech.call('workOrders.assign', { id: order.id, technicianId: techId }))).code,
    ).toBe('FORBIDDEN');
  });

  it('adds notes, also to a closed order', async () => {
    const order = await intake();
    const noted = await tech.ok('workOrders.addNote', { id: order.id, note: '客户要求保留数据' });
    expect(noted.events.at(-1)).toMatchObject({
      kind: 'note',
      note: '客户要求保留数据',
      username: 'technician1',
    });
    expect((await refused(() => tech.call('workOrders.addNote', { id: order.id, note: '  ' }))).code).toBe(
      'VALIDATION',
    );
    const done = await drive(order, 'delivered');
    const after = await clerk.ok('workOrders.addNote', { id: done.id, note: '回访：客户满意' });
    expect(after.events.at(-1)?.note).toBe('回访：客户满意');
  });

  it('refuses to edit, assign or re-warranty a delivered or cancelled order', async () => {
    for (const status of ['delivered', 'cancelled'] as const) {
      const order = await drive(await intake(), status);
      const attempts = [
        () => tech.call('workOrders.update', { id: order.id, version: order.version, diagnosis: '补记' }),
        () => clerk.call('workOrders.assign', { id: order.id, technicianId: techId }),
        () => clerk.call('workOrders.overrideWarranty', { id: order.id, status: 'in', reason: '厂家同意' }),
        () => clerk.call('workOrders.transition', { id: order.id, to: 'diagnosing' }),
      ];
      for (const attempt of attempts) {
        const error = await refused(attempt);
        expect(error.code, status).toBe('INVALID_TRANSITION');
      }
    }
  });
});

/** Run a call that must succeed and change nothing. */
async function refusedNothing<T>(run: () => Promise<T>): Promise<T> {
  const before = snapshot(app.core);
  const result = await run();
  expect(snapshot(app.core)).toBe(before);
  return result;
}

describe('list', () => {
  it('filters by my queue, technician, overdue and more, with status counts under the same filters', async () => {
    const second = insertCustomer(app, { name: '王五', phone: '13900000001' });
    const secondDevice = insertDevice(app, second, { brand: '', model: '', warrantyEnd: '2099-01-01' });
    const o1 = await intake(clerk, { technicianId: techId });
    app.clock.advance(60_000);
    const o2 = await intake(clerk, { technicianId: techId, priority: 'urgent' });
    app.clock.advance(60_000);
    const o3 = await intake(clerk, { technicianId: managerId, priority: 'low' });
    app.clock.advance(60_000);
    const o4 = await intake(clerk, {
      priority: 'high',
      channel: 'phone',
      customerId: second,
      deviceId: secondDevice,
    });
    app.clock.advance(60_000);
    const o5 = await drive(await intake(clerk, { technicianId: techId }), 'cancelled');
    app.clock.advance(60_000);
    const o6 = await drive(await intake(clerk, { serviceType: 'maintenance' }), 'diagnosing');
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const zero = Object.fromEntries(WORK_ORDER_STATUSES.map((s) => [s, 0]));

    const all = await clerk.ok('workOrders.list', {});
    expect(all.total).toBe(6);
    expect(all.rows.map((r) => r.id)).toEqual([o6.id, o5.id, o4.id, o3.id, o2.id, o1.id]);
    expect(all.counts).toEqual({ ...zero, received: 4, cancelled: 1, diagnosing: 1 });
    const row4 = all.rows.find((r) => r.id === o4.id);
    expect(row4).toMatchObject({
      customerName: '王五',
      customerPhone: '13900000001',
      deviceLabel: '手机',
      warrantyStatus: 'in',
    });

    const mine = await tech.ok('workOrders.list', { mine: true });
    expect(ids(mine.rows)).toEqual(ids([o1, o2, o5]));
    expect(mine.counts).toEqual({ ...zero, received: 2, cancelled: 1 });
    const mineReceived = await tech.ok('workOrders.list', { mine: true, status: 'received' });
    expect(ids(mineReceived.rows)).toEqual(ids([o1, o2]));
    expect(mineReceived.total).toBe(2);
    expect(mineReceived.counts).toEqual(mine.counts);
    expect((await manager.ok('workOrders.list', { mine: true })).rows.map((r) => r.id)).toEqual([o3.id]);
    expect((await clerk.ok('workOrders.list', { technicianId: managerId })).rows.map((r) => r.id)).toEqual([
      o3.id,
    ]);

    // Urgent promises 4 h, high 24 h; a cancelled order is never overdue.
    app.clock.advance(5 * HOUR);
    let overdue = await clerk.ok('workOrders.list', { overdue: true });
    expect(ids(overdue.rows)).toEqual([o2.id]);
    expect(overdue.rows[0]?.overdue).toBe(true);
    app.clock.advance(20 * HOUR);
    overdue = await clerk.ok('workOrders.list', { overdue: true });
    expect(ids(overdue.rows)).toEqual(ids([o2, o4]));
    expect(overdue.counts).toEqual({ ...zero, received: 2 });
    const notOverdue = await clerk.ok('workOrders.list', { overdue: false });
    expect(ids(notOverdue.rows)).toEqual(ids([o1, o3, o5, o6]));
    expect(notOverdue.rows.every((r) => !r.overdue)).toBe(true);

    expect(ids((await clerk.ok('workOrders.list', { openOnly: true })).rows)).toEqual(
      ids([o1, o2, o3, o4, o6]),
    );
    expect((await clerk.ok('workOrders.list', { channel: 'phone' })).rows.map((r) => r.id)).toEqual([o4.id]);
    expect((await clerk.ok('workOrders.list', { serviceType: 'maintenance' })).rows.map((r) => r.id)).toEqual(
      [o6.id],
    );
    expect((await clerk.ok('workOrders.list', { warrantyStatus: 'in' })).rows.map((r) => r.id)).toEqual([
      o4.id,
    ]);
    expect((await clerk.ok('workOrders.list', { customerId: second })).rows.map((r) => r.id)).toEqual([
      o4.id,
    ]);
    expect((await clerk.ok('workOrders.list', { deviceId })).total).toBe(5);
    const window = await clerk.ok('workOrders.list', { from: o2.createdAt, to: o4.createdAt });
    expect(ids(window.rows)).toEqual(ids([o2, o3, o4]));
    expect(window.counts).toEqual({ ...zero, received: 3 });

    const byPriority = await clerk.ok('workOrders.list', { sort: 'priority' });
    expect(byPriority.rows.map((r) => r.priority)).toEqual([
      'urgent',
      'high',
      'normal',
      'normal',
      'normal',
      'low',
    ]);
    const byPriorityAsc = await clerk.ok('workOrders.list', { sort: 'priority', order: 'asc' });
    expect(byPriorityAsc.rows[0]?.id).toBe(o3.id);
    const byPromise = await clerk.ok('workOrders.list', { sort: 'promisedAt', order: 'asc', openOnly: true });
    expect(byPromise.rows[0]?.id).toBe(o2.id);
    const byNo = await clerk.ok('workOrders.list', { sort: 'orderNo', order: 'asc' });
    expect(byNo.rows.map((r) => r.orderNo)).toEqual([...byNo.rows.map((r) => r.orderNo)].sort());

    const page2 = await clerk.ok('workOrders.list', { pageSize: 4, page: 2 });
    expect(page2.total).toBe(6);
    expect(page2.rows.map((r) => r.id)).toEqual([o2.id, o1.id]);
    expect((await clerk.ok('workOrders.list', { pageSize: 4, page: 3 })).rows).toEqual([]);
  });

  it('refuses a bad list query', async () => {
    const cases: unknown[] = [
      { from: 10, to: 5 },
      { sort: 'customerName' },
      { pageSize: 500 },
      { page: 0 },
      { status: 'lost' },
      { filter: 'x' },
    ];
    for (const input of cases) {
      expect((await refused(() => clerk.raw('workOrders.list', input))).code, JSON.stringify(input)).toBe(
        'VALIDATION',
      );
    }
  });

  it('lists who can be assigned: active technicians, then managers and admins', async () => {
    const second = await signedInAs(app, admin, 'technician', 'alice');
    const gone = await signedInAs(app, admin, 'technician', 'gone');
    await admin.ok('users.update', { id: await userId(gone), disabled: true });
    const list = await clerk.ok('workOrders.technicians', {});
    expect(list.map((u) => [u.role, u.id])).toEqual([
      ['technician', await userId(second)],
      ['technician', techId],
      ['manager', managerId],
      ['admin', await userId(admin)],
    ]);
    expect(list.map((u) => u.displayName)).toEqual([
      'technician 员工',
      'technician 员工',
      'manager 员工',
      '店长老王',
    ]);
  });
});

describe('list at size', () => {
  /** Seed orders straight into the table: 3,500 of them, most delivered, with ties in both dates. */
  function seedOrders(n: number): void {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
    const insert = app.core.database.sqlite.prepare(
      `INSERT INTO work_orders (id, order_no, customer_id, device_id, status, channel, service_type, priority,
         reported_fault, warranty_status, warranty_computed, promised_at, technician_id, created_by, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'repair', ?, '无法开机', 'out', 'out', ?, ?, ?, ?, ?)`,
    );
    const base = app.clock.ms - 400 * DAY;
    app.core.database.sqlite.transaction(() => {
      for (let i = 0; i < n; i++) {
        const status = rand() < 0.7 ? 'delivered' : pick(WORK_ORDER_STATUSES);
        const created = base + Math.floor(i / 3) * HOUR;
        const id = `0190${String(i).padStart(4, '0')}-0000-7000-8000-${String(Math.floor(rand() * 1e12)).padStart(12, '0')}`;
        insert.run(
          id,
          `SEED-${i}`,
          customerId,
          deviceId,
          status,
          pick(['walkIn', 'walkIn', 'phone', 'onsite']),
          pick(['low', 'normal', 'high', 'urgent']),
          created + pick([4, 24, 72]) * HOUR,
          pick([techId, managerId, null]),
          techId,
          created,
          created,
        );
      }
    })();
  }

  /** The page as one plain sorted query would give it: the reference for the merged pages. */
  function reference(
    where: string,
    key: 'created_at' | 'promised_at',
    dir: 'ASC' | 'DESC',
    size: number,
    page: number,
  ) {
    const tie = key === 'promised_at' ? ', created_at DESC' : '';
    return sqlAll(
      `SELECT id FROM work_orders WHERE ${where} ORDER BY ${key} ${dir}${tie}, id DESC LIMIT ? OFFSET ?`,
      size,
      (page - 1) * size,
    ).map((r) => r.id);
  }

  it('merges per-status pages into exactly the order one sorted query gives', async () => {
    seedOrders(3500);
    const open = "status NOT IN ('delivered', 'cancelled')";
    const cases: [InputOf<'workOrders.list'>, string][] = [
      [{}, '1'],
      [{ openOnly: true }, open],
      [{ channel: 'walkIn' }, "channel = 'walkIn'"],
      [{ technicianId: techId }, `technician_id = '${techId}'`],
      [{ status: 'delivered' }, "status = 'delivered'"],
      [{ status: 'delivered', channel: 'phone' }, "status = 'delivered' AND channel = 'phone'"],
    ];
    for (const [filter, where] of cases) {
      for (const [sort, key] of [
        ['createdAt', 'created_at'],
        ['promisedAt', 'promised_at'],
      ] as const) {
        for (const order of ['asc', 'desc'] as const) {
          for (const [page, pageSize] of [
            [1, 50],
            [3, 7],
            [20, 25],
            [11, 50],
          ] as const) {
            const list = await clerk.ok('workOrders.list', { ...filter, sort, order, page, pageSize });
            const expected = reference(where, key, order === 'asc' ? 'ASC' : 'DESC', pageSize, page);
            expect(
              list.rows.map((r) => r.id),
              JSON.stringify({ filter, sort, order, page }),
            ).toEqual(expected);
            expect(list.total).toBe(
              Number(sqlAll(`SELECT count(*) AS n FROM work_orders WHERE ${where}`)[0]?.n),
            );
          }
        }
      }
    }
  });
});

describe('attachments', () => {
  const dir = () => join(app.core.dataDir, 'attachments');

  it('stores a photo in the data folder with its checksum and gives it back', async () => {
    const order = await intake();
    const withPhoto = await clerk.ok('workOrders.addAttachment', {
      id: order.id,
      fileName: '外观.png',
      dataUrl: PNG,
    });
    expect(withPhoto.attachments).toHaveLength(1);
    const photo = withPhoto.attachments[0];
    if (!photo) throw new Error('no photo');
    const bytes = Buffer.from(PNG.split(',')[1] ?? '', 'base64');
    expect(photo).toMatchObject({ fileName: '外观.png', mime: 'image/png', size: bytes.length });
    expect(readdirSync(dir())).toEqual([`${photo.id}.png`]);
    expect(readFileSync(join(dir(), `${photo.id}.png`)).equals(bytes)).toBe(true);
    expect(sqlAll('SELECT sha256 FROM attachments')[0]?.sha256).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    );
    expect(withPhoto.events.at(-1)).toMatchObject({ kind: 'attachment', note: '外观.png' });
    expect(await tech.ok('workOrders.attachment', { id: photo.id })).toEqual({
      fileName: '外观.png',
      dataUrl: PNG,
    });

    // A damaged file is reported, not shown; a missing one is NOT_FOUND.
    writeFileSync(join(dir(), `${photo.id}.png`), Buffer.from('garbage'));
    expect((await tech.call('workOrders.attachment', { id: photo.id })).ok).toBe(false);
    expect(app.logs.some((l) => l.includes('checksum'))).toBe(true);
  });

  it('refuses a bad photo with nothing written', async () => {
    const order = await intake();
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
    Buffer.from('89504e470d0a1a0a', 'hex').copy(big);
    const cases: [unknown, string][] = [
      [
        { id: order.id, fileName: 'big.png', dataUrl: `data:image/png;base64,${big.toString('base64')}` },
        'VALIDATION',
      ],
      [{ id: order.id, fileName: 'fake.jpg', dataUrl: PNG.replace('image/png', 'image/jpeg') }, 'VALIDATION'],
      [
        { id: order.id, fileName: 'x.gif', dataUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' },
        'VALIDATION',
      ],
      [{ id: order.id, fileName: 'x.png', dataUrl: 'data:image/png;base64,' }, 'VALIDATION'],
      [{ id: order.id, fileName: '', dataUrl: PNG }, 'VALIDATION'],
      [{ id: '01900000-0000-7000-8000-000000000000', fileName: 'x.png', dataUrl: PNG }, 'NOT_FOUND'],
    ];
    for (const [input, code] of cases) {
      expect((await refused(() => clerk.raw('workOrders.addAttachment', input))).code).toBe(code);
    }
    expect(existsSync(dir()) ? readdirSync(dir()) : []).toEqual([]);
    expect((await refused(() => clerk.call('workOrders.attachment', { id: order.id }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('removes the file again when the database refuses the row', async () => {
    const order = await intake();
    app.core.database.sqlite.exec(
      "CREATE TRIGGER attachments_fail BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const error = await refused(() =>
      clerk.call('workOrders.addAttachment', { id: order.id, fileName: 'a.png', dataUrl: PNG }),
    );
    expect(error.code).toBe('INTERNAL');
    expect(readdirSync(dir())).toEqual([]);
  });
});
