import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { eq } from 'drizzle-orm';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { auditLog, workOrders } from '../../src/main/db/schema';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;
let clerk: Client;
let customerId: string;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
  customerId = (
    await clerk.ok('customers.create', { name: '张三', phones: [{ phone: '13800138000', label: '' }] })
  ).id;
});
afterEach(() => app.cleanup());

async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as { code: string; message: string; details?: Record<string, unknown> };
}

/** Noon local time on a calendar day: the fake clock's "today" for warranty checks. */
function noon(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12, 0, 0).getTime();
}

/** The work-order service belongs to another area: write the row straight into the store. */
async function insertOrder(
  deviceId: string,
  status: WorkOrderStatus,
  createdAt = app.clock.ms,
): Promise<string> {
  const id = uuidv7();
  const createdBy = (await admin.ok('auth.state', {})).user?.id ?? '';
  app.core.deps.db
    .insert(workOrders)
    .values({
      id,
      orderNo: `BJ01-${createdAt}`,
      customerId,
      deviceId,
      status,
      channel: 'walkIn',
      serviceType: 'repair',
      priority: 'normal',
      reportedFault: '无法开机',
      warrantyStatus: 'in',
      warrantyComputed: 'in',
      promisedAt: createdAt + 3600_000,
      createdBy,
      createdAt,
      updatedAt: createdAt,
    })
    .run();
  return id;
}

const phone = { category: '手机', brand: '华为', model: 'Mate 60' } as const;

describe('devices: warranty', () => {
  it('takes an end date as given, or none', async () => {
    const given = await clerk.ok('devices.create', {
      customerId,
      ...phone,
      purchaseDate: '2025-06-01',
      warranty: { end: '2026-05-31' },
    });
    expect(given).toMatchObject({
      purchaseDate: '2025-06-01',
      warrantyEnd: '2026-05-31',
      warrantyToday: 'out',
    });
    const none = await clerk.ok('devices.create', { customerId, ...phone });
    expect(none).toMatchObject({ purchaseDate: null, warrantyEnd: null, warrantyToday: 'out' });
  });

  it('computes the end from months, month ends and leap years included', async () => {
    const cases: [string, number, string][] = [
      ['2024-03-15', 1, '2024-04-14'],
      ['2024-01-31', 1, '2024-02-29'],
      ['2024-02-29', 12, '2025-02-28'],
      ['2023-03-31', 11, '2024-02-29'],
    ];
    for (const [purchaseDate, months, end] of cases) {
      const d = await clerk.ok('devices.create', {
        customerId,
        ...phone,
        purchaseDate,
        warranty: { months },
      });
      expect(d.warrantyEnd, `${purchaseDate} + ${months}`).toBe(end);
    }
  });

  it('shows today’s status: in on the last day, out the day after', async () => {
    // The clock jumps by days here; the idle screen lock would get in the way.
    await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
    app.clock.ms = noon('2024-02-29');
    const d = await clerk.ok('devices.create', {
      customerId,
      ...phone,
      purchaseDate: '2023-03-31',
      warranty: { months: 11 },
    });
    expect(d).toMatchObject({ warrantyEnd: '2024-02-29', warrantyToday: 'in' });
    app.clock.ms = noon('2024-03-01');
    expect((await clerk.ok('devices.get', { id: d.id })).device.warrantyToday).toBe('out');
    app.clock.ms = new Date(2024, 1, 29, 23, 59, 59).getTime();
    expect((await clerk.ok('devices.get', { id: d.id })).device.warrantyToday).toBe('in');
  });
});

describe('devices: create, update, archive', () => {
  it('stores serials upper-cased, audits creation and only the changed fields of an update', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...phone, serialNo: ' imei86012345 ' });
    expect(d.serialNo).toBe('IMEI86012345');
    app.clock.advance(1000);
    const updated = await clerk.ok('devices.update', {
      id: d.id,
      version: d.version,
      ...phone,
      serialNo: 'IMEI86012345',
      purchaseDate: '2026-01-10',
      warranty: { months: 12 },
      invoiceNo: 'FP-001',
    });
    expect(updated).toMatchObject({
      warrantyEnd: '2027-01-09',
      invoiceNo: 'FP-001',
      updatedAt: app.clock.ms,
    });
    const audit = app.core.deps.db.select().from(auditLog).where(eq(auditLog.entityId, d.id)).all();
    expect(audit.map((a) => [a.entity, a.action])).toEqual([
      ['device', 'create'],
      ['device', 'update'],
    ]);
    expect(JSON.parse(audit[1]?.after ?? '{}')).toEqual({
      purchaseDate: '2026-01-10',
      warrantyEnd: '2027-01-09',
      invoiceNo: 'FP-001',
    });
    const before = snapshot(app.core);
    await clerk.ok('devices.update', {
      id: d.id,
      version: updated.version,
      ...phone,
      serialNo: 'imei86012345',
      purchaseDate: '2026-01-10',
      warranty: { end: '2027-01-09' },
      invoiceNo: 'FP-001',
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('takes categories from the shop’s settings, keeping one the shop has since removed', async () => {
    const error = await refused(() =>
      clerk.call('devices.create', { customerId, category: '飞机', brand: '波音' }),
    );
    expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'category' }] } });
    const pc = await clerk.ok('devices.create', { customerId, category: '电脑', brand: '联想' });
    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', {
      counter: { ...settings.counter, deviceCategories: ['手机', '无人机'] },
    });
    await clerk.ok('devices.create', { customerId, category: '无人机', brand: '大疆' });
    // The existing computer keeps its category through an edit; switching to a removed one is refused.
    await clerk.ok('devices.update', {
      id: pc.id,
      version: pc.version,
      category: '电脑',
      brand: '联想',
      model: 'ThinkPad',
    });
    const drone = await clerk.ok('devices.create', { customerId, category: '无人机', model: 'Mini 4' });
    expect(
      (
        await refused(() =>
          clerk.call('devices.update', {
            id: drone.id,
            version: drone.version,
            category: '电脑',
            model: 'Mini 4',
          }),
        )
      ).details,
    ).toMatchObject({ fields: [{ path: 'category' }] });
  });

  it('refuses every bad input with nothing written', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...phone });
    const bad: [string, unknown][] = [
      ['devices.create', {}],
      ['devices.create', { customerId, category: '' }],
      ['devices.create', { customerId: 'nope', category: '手机' }],
      ['devices.create', { customerId, category: '手机', purchaseDate: '2023-02-29' }],
      ['devices.create', { customerId, category: '手机', warranty: { months: 12 } }],
      [
        'devices.create',
        { customerId, category: '手机', purchaseDate: '2024-01-01', warranty: { months: 0 } },
      ],
      ['devices.create', { customerId, category: '手机', warranty: { end: '2024/01/01' } }],
      ['devices.create', { customerId, category: '手机', warranty: { end: '2025-01-01', months: 3 } }],
      ['devices.create', { customerId, category: '手机', serialNo: 'x'.repeat(41) }],
      ['devices.create', { customerId, category: '手机', owner: 'me' }],
      ['devices.update', { id: d.id, version: d.version }],
      ['devices.update', { id: d.id, version: d.version, customerId, category: '手机' }],
    ];
    for (const [method, input] of bad) {
      expect((await refused(() => clerk.raw(method, input))).code, JSON.stringify(input)).toBe('VALIDATION');
    }
    const early = await refused(() =>
      clerk.call('devices.create', {
        customerId,
        category: '手机',
        brand: '华为',
        purchaseDate: '2025-06-01',
        warranty: { end: '2025-05-31' },
      }),
    );
    expect(early).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'warranty.end' }] } });
    expect((await refused(() => clerk.call('devices.create', { customerId: uuidv7(), ...phone }))).code).toBe(
      'NOT_FOUND',
    );
    expect(
      (await refused(() => clerk.call('devices.update', { id: uuidv7(), version: 1, ...phone }))).code,
    ).toBe('NOT_FOUND');
    expect((await refused(() => clerk.call('devices.get', { id: uuidv7() }))).code).toBe('NOT_FOUND');
  });

  it('refuses to archive a device in an open order, then archives and restores it', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...phone });
    const order = await insertOrder(d.id, 'awaitingParts');
    const error = await refused(() => clerk.call('devices.archive', { id: d.id }));
    expect(error).toMatchObject({ code: 'CONFLICT', details: { matches: [{ id: order }] } });

    app.core.database.sqlite.prepare("UPDATE work_orders SET status = 'cancelled' WHERE id = ?").run(order);
    app.clock.advance(1000);
    expect((await clerk.ok('devices.archive', { id: d.id })).archivedAt).toBe(app.clock.ms);
    expect((await clerk.ok('customers.get', { id: customerId })).devices[0]?.archivedAt).toBe(app.clock.ms);
    expect((await clerk.ok('devices.restore', { id: d.id })).archivedAt).toBeNull();
    const actions = app.core.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, d.id))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(['create', 'update', 'restore']);
  });

  it('returns the service history newest first', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...phone, serialNo: 'SN1' });
    const other = await clerk.ok('devices.create', { customerId, category: '电脑', brand: '联想' });
    const first = await insertOrder(d.id, 'delivered', app.clock.ms - 2000);
    const second = await insertOrder(d.id, 'diagnosing', app.clock.ms - 1000);
    await insertOrder(other.id, 'received', app.clock.ms);
    const got = await clerk.ok('devices.get', { id: d.id });
    expect(got.device.id).toBe(d.id);
    expect(got.workOrders.map((w) => w.id)).toEqual([second, first]);
    expect(got.workOrders[0]).toMatchObject({
      deviceLabel: '华为 Mate 60',
      serialNo: 'SN1',
      customerName: '张三',
      status: 'diagnosing',
    });
  });

  it('lets a technician read devices but not write them', async () => {
    const technician = await signedInAs(app, admin, 'technician');
    const d = await clerk.ok('devices.create', { customerId, ...phone });
    expect((await technician.ok('devices.get', { id: d.id })).device.brand).toBe('华为');
    for (const [method, input] of [
      ['devices.create', { customerId, category: '手机' }],
      ['devices.update', { id: d.id, version: d.version, category: '手机' }],
      ['devices.archive', { id: d.id }],
      ['devices.restore', { id: d.id }],
    ] as const) {
      expect((await refused(() => technician.raw(method, input))).code, method).toBe('FORBIDDEN');
    }
  });
});
