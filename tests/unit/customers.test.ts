import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { eq } from 'drizzle-orm';
import type { CreateCustomerInput } from '@shared/schemas/customers';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { auditLog, workOrders } from '../../src/main/db/schema';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;
let clerk: Client;

beforeEach(async () => {
  orderSeq = 0;
  app = startApp();
  admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
});
afterEach(() => app.cleanup());

/** Run a bad call and prove it left every table exactly as it was; returns the error. */
async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as { code: string; message: string; details?: Record<string, unknown> };
}

function person(name: string, phone: string, extra: Partial<CreateCustomerInput> = {}): CreateCustomerInput {
  return { name, phones: [{ phone, label: '手机' }], ...extra };
}

async function userId(client: Client): Promise<string> {
  return (await client.ok('auth.state', {})).user?.id ?? '';
}

/** The work-order service belongs to another area: write the row straight into the store. */
let orderSeq = 0;
async function insertOrder(
  customerId: string,
  deviceId: string,
  fields: { status?: WorkOrderStatus; createdAt?: number; promisedAt?: number } = {},
): Promise<string> {
  const id = uuidv7();
  orderSeq += 1;
  const at = fields.createdAt ?? app.clock.ms;
  app.core.deps.db
    .insert(workOrders)
    .values({
      id,
      orderNo: `BJ01-20261123-${String(orderSeq).padStart(4, '0')}`,
      customerId,
      deviceId,
      status: fields.status ?? 'received',
      channel: 'walkIn',
      serviceType: 'repair',
      priority: 'normal',
      reportedFault: '屏幕碎裂',
      warrantyStatus: 'out',
      warrantyComputed: 'out',
      promisedAt: fields.promisedAt ?? at + 72 * 3600_000,
      createdBy: await userId(admin),
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}

function auditRows(entityId: string) {
  return app.core.deps.db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).all();
}

describe('customers: create and the duplicate-phone rule', () => {
  it('numbers customers KH000001, KH000002 … and stores phones as digits, primary first', async () => {
    const a = await clerk.ok(
      'customers.create',
      person('张三', '138 0013-8000', {
        phones: [
          { phone: '138 0013-8000', label: '手机' },
          { phone: '(010) 6552-0000', label: '办公' },
        ],
        tags: ['老客户'],
        email: 'zhang@example.com',
      }),
    );
    const b = await clerk.ok('customers.create', person('李四', '13900139000'));
    expect(a.code).toBe('KH000001');
    expect(b.code).toBe('KH000002');
    expect(a.phones).toEqual([
      { phone: '13800138000', label: '手机' },
      { phone: '01065520000', label: '办公' },
    ]);
    expect(a).toMatchObject({ type: 'individual', level: '普通', tags: ['老客户'], archivedAt: null });
    const rows = app.core.database.sqlite
      .prepare('SELECT phone, phone_reversed AS rev, position FROM customer_phones WHERE customer_id = ?')
      .all(a.id);
    expect(rows).toEqual([
      { phone: '13800138000', rev: '00083100831', position: 0 },
      { phone: '01065520000', rev: '00002556010', position: 1 },
    ]);
    const audit = auditRows(a.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entity: 'customer', username: 'clerk1' });
    expect(JSON.parse(audit[0]?.after ?? '{}')).toMatchObject({ code: 'KH000001', name: '张三' });
  });

  it('refuses a phone another customer has, naming them, and lets the clerk go on after the warning', async () => {
    const zhang = await clerk.ok('customers.create', person('张三', '13800138000'));
    const error = await refused(() =>
      clerk.call('customers.create', {
        name: '张叁',
        phones: [
          { phone: '13911112222', label: '' },
          { phone: '138-0013-8000', label: '' },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'phoneTaken', params: {} });
    expect(error.details).toEqual({
      matches: [{ id: zhang.id, label: 'KH000001 张三 13800138000' }],
      fields: [{ path: 'phones.1.phone', reason: 'phoneTaken', params: {}, message: 'duplicate' }],
    });

    // The live warning in the form says the same before saving.
    expect(await clerk.ok('customers.checkPhone', { phone: '138 0013 8000' })).toEqual([
      { id: zhang.id, code: 'KH000001', name: '张三', phone: '13800138000' },
    ]);
    expect(await clerk.ok('customers.checkPhone', { phone: '13800138000', exceptId: zhang.id })).toEqual([]);
    expect(await clerk.ok('customers.checkPhone', { phone: '13700000000' })).toEqual([]);

    const twin = await clerk.ok('customers.create', {
      ...person('张叁', '13800138000'),
      allowDuplicatePhone: true,
    });
    expect(twin.code).toBe('KH000002');
    expect((await clerk.ok('customers.checkPhone', { phone: '13800138000' })).map((m) => m.code)).toEqual([
      'KH000001',
      'KH000002',
    ]);
  });

  it('applies the same rule on update, ignoring the customer’s own numbers', async () => {
    const a = await clerk.ok('customers.create', person('张三', '13800138000'));
    const b = await clerk.ok('customers.create', person('李四', '13900139000'));
    const first = {
      id: b.id,
      version: b.version,
      name: '李四',
      phones: [{ phone: '13900139000', label: '' }],
    };
    const same = { ...first, version: (await clerk.ok('customers.update', first)).version };
    const error = await refused(() =>
      clerk.call('customers.update', {
        ...same,
        phones: [
          { phone: '13900139000', label: '' },
          { phone: '13800138000', label: '' },
        ],
      }),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.matches).toEqual([{ id: a.id, label: 'KH000001 张三 13800138000' }]);
    const ok = await clerk.ok('customers.update', {
      ...same,
      phones: [
        { phone: '13900139000', label: '' },
        { phone: '13800138000', label: '' },
      ],
      allowDuplicatePhone: true,
    });
    expect(ok.phones.map((p) => p.phone)).toEqual(['13900139000', '13800138000']);
  });

  it('refuses every bad input with nothing written', async () => {
    await clerk.ok('customers.create', person('张三', '13800138000'));
    const cases: unknown[] = [
      {},
      { name: '', phones: [{ phone: '13800138001' }] },
      { name: '王五', phones: [] },
      { name: '王五', phones: [{ phone: '138abc' }] },
      { name: '王五', phones: [{ phone: '12' }] },
      { name: '王五', phones: [{ phone: '13800138001' }], email: 'not-an-email' },
      { name: '王五', phones: [{ phone: '13800138001' }], type: 'alien' },
      { name: '王五', phones: [{ phone: '13800138001' }], code: 'KH999999' },
      { name: '王五', phones: [{ phone: '13800138001' }], tags: ['x'.repeat(21)] },
      { name: 'x'.repeat(61), phones: [{ phone: '13800138001' }] },
    ];
    for (const input of cases) {
      expect((await refused(() => clerk.raw('customers.create', input))).code, JSON.stringify(input)).toBe(
        'VALIDATION',
      );
    }
    // Domain checks: a level the shop does not have, the same number twice in one form.
    const level = await refused(() =>
      clerk.call('customers.create', person('王五', '13800138001', { level: '钻石' })),
    );
    expect(level).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'level' }] } });
    const twice = await refused(() =>
      clerk.call('customers.create', {
        name: '王五',
        phones: [
          { phone: '13800138001', label: '' },
          { phone: '138 0013 8001', label: '' },
        ],
      }),
    );
    expect(twice).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'phones.1.phone' }] } });
    // A code taken by a refused create is not burnt: the next one is still KH000002.
    expect((await clerk.ok('customers.create', person('王五', '13800138001'))).code).toBe('KH000002');
    expect(
      (
        await refused(() =>
          clerk.call('customers.update', { id: uuidv7(), version: 1, ...person('王五', '13800138009') }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });

  it('audits only what an update changed, and writes nothing for an update that changes nothing', async () => {
    const a = await clerk.ok('customers.create', person('张三', '13800138000', { notes: '老客户' }));
    app.clock.advance(60_000);
    const input = {
      id: a.id,
      version: a.version,
      name: '张三丰',
      level: 'VIP',
      phones: [{ phone: '13800138000', label: '手机' }],
      notes: '老客户',
    };
    const updated = await clerk.ok('customers.update', input);
    expect(updated).toMatchObject({ name: '张三丰', level: 'VIP', updatedAt: app.clock.ms });
    const rows = auditRows(a.id).filter((r) => r.action === 'update');
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]?.before ?? '{}')).toEqual({ name: '张三', level: '普通' });
    expect(JSON.parse(rows[0]?.after ?? '{}')).toEqual({ name: '张三丰', level: 'VIP' });

    const before = snapshot(app.core);
    await clerk.ok('customers.update', { ...input, version: updated.version });
    expect(snapshot(app.core)).toBe(before);
  });
});

describe('customers: list and detail', () => {
  it('pages, filters and sorts on the server; rows carry open orders and the last visit', async () => {
    const a = await clerk.ok('customers.create', person('张三', '13800138000', { tags: ['老客户'] }));
    app.clock.advance(1000);
    const b = await clerk.ok('customers.create', {
      ...person('华强电子', '075583008000'),
      type: 'company',
      level: 'VIP',
    });
    app.clock.advance(1000);
    const c = await clerk.ok('customers.create', person('李四', '13900139000'));
    const device = await clerk.ok('devices.create', { customerId: a.id, category: '手机', brand: '华为' });
    await insertOrder(a.id, device.id, { status: 'delivered', createdAt: app.clock.ms - 5000 });
    await insertOrder(a.id, device.id, { status: 'inRepair', createdAt: app.clock.ms });
    await insertOrder(a.id, device.id, { status: 'ready', createdAt: app.clock.ms - 3000 });

    const all = await clerk.ok('customers.list', {});
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.code)).toEqual(['KH000003', 'KH000002', 'KH000001']);
    const zhang = all.rows.find((r) => r.id === a.id);
    expect(zhang).toMatchObject({ primaryPhone: '13800138000', openOrders: 2, lastVisitAt: app.clock.ms });
    expect(all.rows.find((r) => r.id === c.id)).toMatchObject({ openOrders: 0, lastVisitAt: null });

    const page2 = await clerk.ok('customers.list', { sort: 'code', order: 'asc', pageSize: 2, page: 2 });
    expect(page2).toMatchObject({ total: 3, rows: [{ id: c.id }] });
    const byVisit = await clerk.ok('customers.list', { sort: 'lastVisitAt', order: 'asc' });
    expect(byVisit.rows[0]?.id).toBe(a.id);
    expect(byVisit.rows.at(-1)?.lastVisitAt).toBeNull();

    const ids = async (input: Parameters<Client['ok']>[1]) =>
      (await clerk.ok('customers.list', input as never)).rows.map((r) => r.id);
    expect(await ids({ type: 'company' })).toEqual([b.id]);
    expect(await ids({ level: 'VIP' })).toEqual([b.id]);
    expect(await ids({ tag: '老客户' })).toEqual([a.id]);
    expect(await ids({ q: '张' })).toEqual([a.id]);
    expect(await ids({ q: '华强电' })).toEqual([b.id]);
    expect(await ids({ q: '8000' })).toEqual([b.id, a.id]);
    expect(await ids({ q: '0755' })).toEqual([b.id]);
    expect(await ids({ q: 'ls' })).toEqual([c.id]);
    expect(await ids({ q: 'kh000002' })).toEqual([b.id]);
    expect(await ids({ archived: true })).toEqual([]);
  });

  it('shows devices in use before archived ones and the order history newest first', async () => {
    const a = await clerk.ok('customers.create', person('张三', '13800138000'));
    const old = await clerk.ok('devices.create', { customerId: a.id, category: '电脑', brand: '联想' });
    app.clock.advance(1000);
    const phone = await clerk.ok('devices.create', {
      customerId: a.id,
      category: '手机',
      brand: '华为',
      model: 'Mate 60',
      serialNo: 'sn123',
    });
    app.clock.advance(1000);
    const bare = await clerk.ok('devices.create', { customerId: a.id, category: '家电', brand: '美的' });
    await clerk.ok('devices.archive', { id: bare.id });
    const technician = await signedInAs(app, admin, 'technician');
    const first = await insertOrder(a.id, old.id, { status: 'delivered', createdAt: app.clock.ms - 10_000 });
    const late = await insertOrder(a.id, phone.id, { createdAt: app.clock.ms, promisedAt: app.clock.ms - 1 });
    app.core.database.sqlite
      .prepare('UPDATE work_orders SET technician_id = ? WHERE id = ?')
      .run(await userId(technician), late);

    const detail = await technician.ok('customers.get', { id: a.id });
    expect(detail.customer.code).toBe('KH000001');
    expect(detail.devices.map((d) => d.id)).toEqual([phone.id, old.id, bare.id]);
    expect(detail.devices[2]?.archivedAt).not.toBeNull();
    expect(detail.workOrders.map((w) => w.id)).toEqual([late, first]);
    expect(detail.workOrders[0]).toMatchObject({
      customerName: '张三',
      customerPhone: '13800138000',
      deviceLabel: '华为 Mate 60',
      serialNo: 'SN123',
      technicianName: 'technician 员工',
      overdue: true,
      isRework: false,
    });
    expect(detail.workOrders[1]).toMatchObject({ deviceLabel: '联想', overdue: false, technicianName: null });
    expect((await technician.call('customers.get', { id: uuidv7() })).ok).toBe(false);
  });
});

describe('customers: archive and restore', () => {
  it('refuses to archive a customer with open orders, archives once they are closed, and restores', async () => {
    const a = await clerk.ok('customers.create', person('张三', '13800138000'));
    const device = await clerk.ok('devices.create', { customerId: a.id, category: '手机', brand: '华为' });
    const order = await insertOrder(a.id, device.id, { status: 'qc' });

    const error = await refused(() => clerk.call('customers.archive', { id: a.id }));
    expect(error).toMatchObject({ code: 'CONFLICT', reason: 'customerHasOpenOrders', params: { count: 1 } });
    expect(error.details?.matches).toEqual([{ id: order, label: 'BJ01-20261123-0001' }]);

    app.core.database.sqlite.prepare("UPDATE work_orders SET status = 'delivered' WHERE id = ?").run(order);
    app.clock.advance(1000);
    const archived = await clerk.ok('customers.archive', { id: a.id });
    expect(archived.archivedAt).toBe(app.clock.ms);
    expect((await clerk.ok('customers.list', {})).total).toBe(0);
    expect((await clerk.ok('customers.list', { archived: true })).rows.map((r) => r.id)).toEqual([a.id]);
    // Archiving again changes nothing.
    const before = snapshot(app.core);
    await clerk.ok('customers.archive', { id: a.id });
    expect(snapshot(app.core)).toBe(before);
    // No new devices for an archived customer.
    expect(
      (
        await refused(() =>
          clerk.call('devices.create', { customerId: a.id, category: '手机', brand: '华为' }),
        )
      ).code,
    ).toBe('CONFLICT');

    const restored = await clerk.ok('customers.restore', { id: a.id });
    expect(restored.archivedAt).toBeNull();
    expect((await clerk.ok('customers.list', {})).total).toBe(1);
    const actions = auditRows(a.id).map((r) => [r.action, r.after && JSON.parse(r.after)]);
    expect(actions).toEqual([
      ['create', expect.objectContaining({ code: 'KH000001' })],
      ['update', { archivedAt: archived.archivedAt }],
      ['restore', { archivedAt: null }],
    ]);
    expect((await refused(() => clerk.call('customers.archive', { id: uuidv7() }))).code).toBe('NOT_FOUND');
  });
});

describe('customers: merge', () => {
  it('moves phones (without repeats), devices and orders to the kept customer in one audited step', async () => {
    const manager = await signedInAs(app, admin, 'manager');
    const keep = await clerk.ok(
      'customers.create',
      person('张三', '13800138000', { tags: ['老客户'], notes: '喜欢下午来' }),
    );
    const dupe = await clerk.ok('customers.create', {
      name: '张三(重复)',
      phones: [
        { phone: '13800138000', label: '' },
        { phone: '13911112222', label: '家' },
      ],
      email: 'zs@example.com',
      tags: ['老客户', '企业'],
      notes: '旧档案',
      allowDuplicatePhone: true,
    });
    const device = await clerk.ok('devices.create', { customerId: dupe.id, category: '手机', brand: '小米' });
    const order = await insertOrder(dupe.id, device.id);

    expect(
      (await refused(() => clerk.call('customers.merge', { keepId: keep.id, mergeId: dupe.id }))).code,
    ).toBe('FORBIDDEN');
    app.clock.advance(1000);
    const merged = await manager.ok('customers.merge', { keepId: keep.id, mergeId: dupe.id });
    expect(merged.phones).toEqual([
      { phone: '13800138000', label: '手机' },
      { phone: '13911112222', label: '家' },
    ]);
    expect(merged.tags).toEqual(['老客户', '企业']);
    expect(merged.email).toBe('zs@example.com');
    expect(merged.notes).toBe('喜欢下午来\n合并自 KH000002 张三(重复)；旧档案');

    const detail = await clerk.ok('customers.get', { id: keep.id });
    expect(detail.devices.map((d) => d.id)).toEqual([device.id]);
    expect(detail.workOrders.map((w) => w.id)).toEqual([order]);
    const raw = app.core.database.sqlite
      .prepare('SELECT merged_into_id AS mergedInto, archived_at AS archived FROM customers WHERE id = ?')
      .get(dupe.id);
    expect(raw).toEqual({ mergedInto: keep.id, archived: app.clock.ms });
    expect(
      app.core.database.sqlite
        .prepare('SELECT count(*) AS n FROM customer_phones WHERE customer_id = ?')
        .get(dupe.id),
    ).toEqual({ n: 0 });

    // Gone from lists, searches and the phone warning; a stale link points to the kept customer.
    expect((await clerk.ok('customers.list', {})).rows.map((r) => r.id)).toEqual([keep.id]);
    expect((await clerk.ok('customers.list', { archived: true })).total).toBe(0);
    expect((await clerk.ok('search.global', { q: '张三' })).customers.map((c) => c.id)).toEqual([keep.id]);
    expect((await clerk.ok('customers.checkPhone', { phone: '13911112222' })).map((m) => m.id)).toEqual([
      keep.id,
    ]);
    const stale = await clerk.call('customers.get', { id: dupe.id });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('NOT_FOUND');
      expect(stale.error.details?.matches).toEqual([{ id: keep.id, label: 'KH000001 张三 13800138000' }]);
    }

    const audit = app.core.deps.db.select().from(auditLog).where(eq(auditLog.at, app.clock.ms)).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'customer', entityId: keep.id, username: 'manager1' });
    const after = JSON.parse(audit[0]?.after ?? '{}') as Record<string, unknown>;
    expect(after).toMatchObject({ devices: [device.id], workOrders: [order], merged: { id: dupe.id } });
    expect(JSON.parse(audit[0]?.before ?? '{}')).toMatchObject({
      merged: { code: 'KH000002', phones: dupe.phones },
    });
  });

  it('refuses a missing, merged or archived target and a customer merged before', async () => {
    const manager = await signedInAs(app, admin, 'manager');
    const a = await clerk.ok('customers.create', person('张三', '13800138000'));
    const b = await clerk.ok('customers.create', person('李四', '13900139000'));
    const c = await clerk.ok('customers.create', person('王五', '13700137000'));
    const code = async (input: unknown) => (await refused(() => manager.raw('customers.merge', input))).code;

    expect(await code({ keepId: uuidv7(), mergeId: b.id })).toBe('NOT_FOUND');
    expect(await code({ keepId: a.id, mergeId: uuidv7() })).toBe('NOT_FOUND');
    expect(await code({ keepId: a.id, mergeId: a.id })).toBe('VALIDATION');
    expect(await code({ keepId: a.id })).toBe('VALIDATION');

    await clerk.ok('customers.archive', { id: c.id });
    expect(await code({ keepId: c.id, mergeId: b.id })).toBe('CONFLICT');
    // An archived duplicate may be folded into a customer in use.
    await manager.ok('customers.merge', { keepId: a.id, mergeId: c.id });

    await manager.ok('customers.merge', { keepId: a.id, mergeId: b.id });
    expect(await code({ keepId: b.id, mergeId: a.id })).toBe('CONFLICT');
    const d = await clerk.ok('customers.create', person('赵六', '13600136000'));
    expect(await code({ keepId: d.id, mergeId: b.id })).toBe('CONFLICT');
    // A merged customer cannot be edited, archived or restored either.
    expect((await refused(() => clerk.call('customers.restore', { id: b.id }))).code).toBe('NOT_FOUND');
  });
});

describe('customers: permissions', () => {
  it('lets a technician read but not write; a clerk writes but does not merge', async () => {
    const technician = await signedInAs(app, admin, 'technician');
    const a = await clerk.ok('customers.create', person('张三', '13800138000'));
    expect((await technician.ok('customers.list', {})).total).toBe(1);
    expect((await technician.ok('customers.get', { id: a.id })).customer.name).toBe('张三');
    expect((await technician.ok('search.global', { q: '张三' })).customers).toHaveLength(1);
    expect((await technician.ok('customers.checkPhone', { phone: '13800138000' })).length).toBe(1);
    for (const [method, input] of [
      ['customers.create', person('李四', '13900139000')],
      ['customers.update', { id: a.id, version: a.version, ...person('张三', '13800138000') }],
      ['customers.archive', { id: a.id }],
      ['customers.restore', { id: a.id }],
      ['customers.merge', { keepId: a.id, mergeId: uuidv7() }],
      ['devices.create', { customerId: a.id, category: '手机' }],
    ] as const) {
      expect((await refused(() => technician.raw(method, input))).code, method).toBe('FORBIDDEN');
    }
    expect(
      (await refused(() => clerk.raw('customers.merge', { keepId: a.id, mergeId: uuidv7() }))).code,
    ).toBe('FORBIDDEN');
  });
});
