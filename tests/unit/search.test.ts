import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import type { CreateCustomerInput } from '@shared/schemas/customers';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { workOrders } from '../../src/main/db/schema';
import { nameInitials } from '../../src/main/services/pinyin';
import { setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;
let clerk: Client;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
});
afterEach(() => app.cleanup());

async function customer(name: string, phone: string, extra: Partial<CreateCustomerInput> = {}) {
  app.clock.advance(1000);
  return clerk.ok('customers.create', {
    name,
    phones: [{ phone, label: '' }],
    allowDuplicatePhone: true,
    ...extra,
  });
}

async function search(q: string, limit?: number) {
  return clerk.ok('search.global', limit ? { q, limit } : { q });
}

async function names(q: string): Promise<string[]> {
  return (await search(q)).customers.map((c) => c.name);
}

/** The work-order service belongs to another area: write the row straight into the store. */
async function insertOrder(
  orderNo: string,
  customerId: string,
  deviceId: string,
  status: WorkOrderStatus = 'received',
): Promise<string> {
  const id = uuidv7();
  app.clock.advance(1000);
  app.core.deps.db
    .insert(workOrders)
    .values({
      id,
      orderNo,
      customerId,
      deviceId,
      status,
      channel: 'walkIn',
      serviceType: 'repair',
      priority: 'normal',
      reportedFault: '屏幕碎裂',
      warrantyStatus: 'out',
      warrantyComputed: 'out',
      promisedAt: app.clock.ms + 3600_000,
      createdBy: (await admin.ok('auth.state', {})).user?.id ?? '',
      createdAt: app.clock.ms,
      updatedAt: app.clock.ms,
    })
    .run();
  return id;
}

describe('pinyin initials', () => {
  it('reads names as a clerk would type them', () => {
    expect(nameInitials('张三')).toBe('zs');
    expect(nameInitials('欧阳娜娜')).toBe('oynn');
    // Polyphonic surnames take their surname reading.
    expect(nameInitials('单田芳')).toBe('stf');
    expect(nameInitials('曾小贤')).toBe('zxx');
    expect(nameInitials('解晓东')).toBe('xxd');
    expect(nameInitials('区伟')).toBe('ow');
    // A company is read as ordinary words.
    expect(nameInitials('重庆维修中心', 'company')).toBe('cqwxzx');
    // Latin words count one letter each; punctuation and spaces are skipped.
    expect(nameInitials('Tom Smith')).toBe('ts');
    expect(nameInitials('小米Store 3C')).toBe('xms3');
    expect(nameInitials('玛丽·简')).toBe('mlj');
    expect(nameInitials('')).toBe('');
  });
});

describe('search.global: customers', () => {
  it('finds a Chinese name of any length: 1 and 2 characters by LIKE, 3+ on the trigram index', async () => {
    await customer('张三', '13800000001');
    await customer('小张', '13800000002');
    await customer('张三丰', '13800000003');
    await customer('李四', '13800000004', { company: '华强电子' });
    await customer('老张三丰', '13800000005');

    // One character: prefix matches first, then any name containing it (newest first).
    expect(await names('张')).toEqual(['张三', '张三丰', '老张三丰', '小张']);
    // Two characters: the exact name, the prefix, then inside a name.
    expect(await names('张三')).toEqual(['张三', '张三丰', '老张三丰']);
    expect(await names('三丰')).toEqual(['老张三丰', '张三丰']);
    // Three or more: exact first, then substrings (newest first); company names too.
    expect(await names('张三丰')).toEqual(['张三丰', '老张三丰']);
    expect(await names('强电子')).toEqual(['李四']);
    expect(await names('华强')).toEqual(['李四']);
    expect(await names('王')).toEqual([]);

    // The trigram index follows a rename.
    const [old] = (await search('老张三丰')).customers;
    await clerk.ok('customers.update', {
      id: old?.id ?? '',
      version: (await clerk.ok('customers.get', { id: old?.id ?? '' })).customer.version,
      name: '老王',
      phones: [{ phone: '13800000005', label: '' }],
    });
    expect(await names('张三丰')).toEqual(['张三丰']);
    expect(await names('老张三')).toEqual([]);
    expect(await names('老王')).toEqual(['老王']);
  });

  it('finds pinyin initials (zs → 张三), for ASCII-letter queries only', async () => {
    await customer('张三', '13800000001');
    await customer('周松', '13800000002');
    await customer('张三丰', '13800000003');
    await customer('单田芳', '13800000004');
    await customer('Tom Smith', '13800000005');
    expect(await names('zs')).toEqual(['张三', '周松', '张三丰']);
    expect(await names('ZSF')).toEqual(['张三丰']);
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('ts')).toEqual(['Tom Smith']);
    expect(await names('Tom')).toEqual(['Tom Smith']);
    // A rename moves the initials with it.
    const [zhang] = (await search('zs')).customers;
    await clerk.ok('customers.update', {
      id: zhang?.id ?? '',
      version: (await clerk.ok('customers.get', { id: zhang?.id ?? '' })).customer.version,
      name: '李三',
      phones: [{ phone: '13800000001', label: '' }],
    });
    expect(await names('zs')).toEqual(['周松', '张三丰']);
    expect(await names('ls')).toEqual(['李三']);
  });

  it('finds a phone by its last 4+ digits or in full, showing the number that matched', async () => {
    const a = await customer('张三', '13800138000');
    await customer('李四', '13912348000');
    await customer('王五', '13700001111', {
      phones: [
        { phone: '13700001111', label: '' },
        { phone: '01065528000', label: '办公' },
      ],
    });
    expect(await names('8000')).toEqual(['张三', '李四', '王五']);
    expect((await search('8000')).customers.find((c) => c.name === '王五')?.phone).toBe('01065528000');
    expect(await names('48000')).toEqual(['李四']);
    expect(await names('13800138000')).toEqual(['张三']);
    expect(await names('138 0013 8000')).toEqual(['张三']);
    // Leading digits work too, after the tail matches.
    expect(await names('1391')).toEqual(['李四']);
    // An exact number comes before numbers that merely end the same way.
    await customer('赵六', '8613800138000');
    expect(await names('13800138000')).toEqual(['张三', '赵六']);
    expect((await search('13800138000')).customers[0]).toMatchObject({ id: a.id, phone: '13800138000' });
  });

  it('finds a customer code, in any case', async () => {
    await customer('张三', '13800000001');
    const b = await customer('李四', '13800000002');
    expect((await search('KH000002')).customers.map((c) => c.id)).toEqual([b.id]);
    expect((await search('kh000002')).customers.map((c) => c.id)).toEqual([b.id]);
    expect((await search('KH00000')).customers).toHaveLength(2);
  });

  it('marks archived customers, never shows merged ones and keeps to the limit', async () => {
    const manager = await signedInAs(app, admin, 'manager');
    const a = await customer('张三', '13800000001');
    const b = await customer('张三', '13800000002');
    const c = await customer('张三丰', '13800000003');
    await clerk.ok('customers.archive', { id: a.id });
    const hits = (await search('张三')).customers;
    // Exact names first (the one in use before the archived one), then the prefix match.
    expect(hits.map((h) => [h.id, h.archived])).toEqual([
      [b.id, false],
      [a.id, true],
      [c.id, false],
    ]);
    await manager.ok('customers.merge', { keepId: b.id, mergeId: c.id });
    expect((await search('张三丰')).customers).toEqual([]);
    expect((await search('13800000003')).customers.map((h) => h.id)).toEqual([b.id]);
    expect((await search('张三', 1)).customers.map((h) => h.id)).toEqual([b.id]);
  });

  it('takes search syntax and wildcards as plain text', async () => {
    await customer('张三', '13800000001');
    await customer('100%_好评 "店"', '13800000002', { type: 'company' });
    for (const q of [
      '%',
      '_',
      '%%',
      '"',
      '张"',
      'a OR b',
      'NEAR(张 三)',
      '*',
      '张*三',
      "'; DROP TABLE customers; --",
    ]) {
      const result = await clerk.call('search.global', { q });
      expect(result.ok, q).toBe(true);
    }
    // LIKE wildcards are literal: "%好" is not inside the name, "_好" is.
    expect(await names('%好')).toEqual([]);
    expect(await names('_好')).toEqual(['100%_好评 "店"']);
    expect(await names('%_好')).toEqual(['100%_好评 "店"']);
    expect(await names('%')).toEqual([]);
    expect(await names('"店"')).toEqual(['100%_好评 "店"']);
  });
});

describe('search.global: devices and work orders', () => {
  it('finds a serial / IMEI / VIN exactly, by its start or by digits inside it', async () => {
    const a = await customer('张三', '13800000001');
    const d = await clerk.ok('devices.create', {
      customerId: a.id,
      category: '手机',
      brand: '华为',
      model: 'Mate 60',
      serialNo: '860123456789012',
    });
    await clerk.ok('devices.create', {
      customerId: a.id,
      category: '汽车',
      brand: '比亚迪',
      model: '汉 EV',
      serialNo: 'LGXC16DF4N0123456',
    });
    const hit = {
      id: d.id,
      customerId: a.id,
      customerName: '张三',
      label: '华为 Mate 60',
      category: '手机',
      serialNo: '860123456789012',
    };
    expect((await search('860123456789012')).devices).toEqual([hit]);
    expect((await search('8601234')).devices).toEqual([hit]);
    expect((await search('789012')).devices).toEqual([hit]);
    expect((await search('lgxc16df')).devices.map((x) => x.label)).toEqual(['比亚迪 汉 EV']);
    expect((await search('N0123456')).devices.map((x) => x.label)).toEqual(['比亚迪 汉 EV']);
    // Exact before substring: "0123456" is inside both serials.
    expect((await search('0123456')).devices).toHaveLength(2);
    // Brand and model are on the same index.
    expect((await search('Mate 6')).devices.map((x) => x.id)).toEqual([d.id]);

    // The index follows edits and archiving keeps the device findable, after those in use.
    await clerk.ok('devices.update', {
      id: d.id,
      version: d.version,
      category: '手机',
      brand: '华为',
      serialNo: 'SN-NEW-001',
    });
    expect((await search('789012')).devices).toEqual([]);
    expect((await search('NEW-001')).devices.map((x) => x.serialNo)).toEqual(['SN-NEW-001']);
  });

  it('finds a work order by number; exactly one number (a scanner) sets exactOrderId', async () => {
    const a = await customer('张三', '13800000001');
    const d = await clerk.ok('devices.create', {
      customerId: a.id,
      category: '手机',
      brand: '苹果',
      model: 'iPhone 15',
    });
    const first = await insertOrder('BJ01-20261123-0001', a.id, d.id, 'inRepair');
    const second = await insertOrder('BJ01-20261123-0002', a.id, d.id, 'delivered');

    const exact = await search('BJ01-20261123-0001');
    expect(exact.exactOrderId).toBe(first);
    expect(exact.workOrders[0]).toEqual({
      id: first,
      orderNo: 'BJ01-20261123-0001',
      status: 'inRepair',
      customerName: '张三',
      deviceLabel: '苹果 iPhone 15',
      // Found by its number: the start of the fault, nothing marked.
      snippet: { field: 'fault', text: '屏幕碎裂', highlights: [] },
    });
    expect((await search('bj01-20261123-0002')).exactOrderId).toBe(second);
    const prefix = await search('BJ01-20261123');
    expect(prefix.exactOrderId).toBeNull();
    expect(prefix.workOrders.map((w) => w.orderNo)).toEqual(['BJ01-20261123-0002', 'BJ01-20261123-0001']);
    expect((await search('BJ01-20261123-0003')).exactOrderId).toBeNull();
  });

  it("shows a found customer's orders, open ones first", async () => {
    const a = await customer('张三', '13800138000');
    const b = await customer('李四', '13900139000');
    const d = await clerk.ok('devices.create', { customerId: a.id, category: '手机', brand: '华为' });
    const e = await clerk.ok('devices.create', { customerId: b.id, category: '电脑', brand: '联想' });
    const closed = await insertOrder('BJ01-20261123-0001', a.id, d.id, 'delivered');
    const open = await insertOrder('BJ01-20261120-0009', a.id, d.id, 'ready');
    await insertOrder('BJ01-20261123-0003', b.id, e.id, 'received');
    const result = await search('8000');
    expect(result.customers.map((c) => c.id)).toEqual([a.id]);
    expect(result.workOrders.map((w) => w.id)).toEqual([open, closed]);
    expect(result.workOrders[1]).toMatchObject({ deviceLabel: '华为', status: 'delivered' });
  });

  it('returns the three groups empty for an unknown query, and refuses bad input without a change', async () => {
    await customer('张三', '13800000001');
    expect(await search('没有这个人')).toEqual({
      customers: [],
      devices: [],
      workOrders: [],
      exactOrderId: null,
    });
    for (const input of [
      {},
      { q: '' },
      { q: '   ' },
      { q: 'x'.repeat(61) },
      { q: '张', limit: 0 },
      { q: '张', x: 1 },
    ]) {
      const before = snapshot(app.core);
      const result = await clerk.raw('search.global', input);
      expect(result.ok, JSON.stringify(input)).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('VALIDATION');
      expect(snapshot(app.core)).toBe(before);
    }
  });
});
