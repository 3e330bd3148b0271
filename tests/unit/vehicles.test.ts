import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { cellText } from '../../src/main/services/excel/workbook';
import { auditLog, deviceReadings } from '../../src/main/db/schema';
import { setUpShop, signedInAs, snapshot, startApp, tempDir, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;
let clerk: Client;
let customerId: string;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk');
  customerId = (
    await clerk.ok('customers.create', { name: '陈师傅', phones: [{ phone: '13800138000', label: '' }] })
  ).id;
});
afterEach(() => app.cleanup());

interface Refusal {
  code: string;
  reason: string;
  params: Record<string, unknown>;
  details?: { fields?: { path: string; reason: string; params: Record<string, unknown> }[] };
}

/** The call is refused and not one row of any table changed. */
async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>): Promise<Refusal> {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as Refusal;
}

const car = { category: '汽车', brand: '比亚迪', model: '汉 EV' };

function auditOf(entityId: string) {
  return app.core.deps.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .all()
    .map((a) => ({ action: a.action, after: JSON.parse(a.after ?? '{}') as Record<string, unknown> }));
}

describe('vehicle fields at the dispatch boundary', () => {
  it('stores a vehicle’s plate and VIN normalised, with its kind from the shop’s settings', async () => {
    const d = await clerk.ok('devices.create', {
      customerId,
      ...car,
      plateNo: '粤 b·d12345',
      vin: 'lsvau218xn2183294',
      modelYear: 2022,
    });
    expect(d).toMatchObject({
      kind: 'vehicle',
      plateNo: '粤BD12345',
      vin: 'LSVAU218XN2183294',
      vinNoCheckDigit: false,
      modelYear: 2022,
      lastMileageKm: null,
    });
    const phone = await clerk.ok('devices.create', { customerId, category: '手机', brand: '华为' });
    expect(phone.kind).toBe('general');
    const fridge = await clerk.ok('devices.create', {
      customerId,
      category: '家电',
      brand: '海尔',
      installAddress: '东城区和平里 3 号楼 502',
      installDate: '2025-06-01',
    });
    expect(fridge).toMatchObject({
      kind: 'appliance',
      installAddress: '东城区和平里 3 号楼 502',
      installDate: '2025-06-01',
    });
  });

  it('refuses a bad plate, a VIN with I/O/Q and a wrong check digit, each with its reason, changing nothing', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ plateNo: '粤A1234' }, 'plateNo', 'plateInvalid'],
      [{ plateNo: '港A12345' }, 'plateNo', 'plateInvalid'],
      [{ vin: '1M8GDM9AXKP04278O' }, 'vin', 'vinForbiddenLetter'],
      [{ vin: '1M8GDM9AXKP0427' }, 'vin', 'vinLength'],
      [{ vin: '1M8GDM9A1KP042788' }, 'vin', 'vinCheckDigit'],
      [{ vin: 'WVWZZZ1JZXW000001', vinNoCheckDigit: false }, 'vin', 'vinCheckDigit'],
    ];
    for (const [fields, path, reason] of cases) {
      const error = await refused(() => clerk.raw('devices.create', { customerId, ...car, ...fields }));
      expect(error, JSON.stringify(fields)).toMatchObject({
        code: 'VALIDATION',
        reason: 'invalidInput',
        details: { fields: [{ path, reason, params: {} }] },
      });
    }
    // The same checks guard an edit.
    const d = await clerk.ok('devices.create', { customerId, ...car, plateNo: '粤A12345' });
    const edit = await refused(() =>
      clerk.raw('devices.update', { id: d.id, version: d.version, ...car, plateNo: '粤I12345' }),
    );
    expect(edit.details?.fields).toEqual([
      expect.objectContaining({ path: 'plateNo', reason: 'plateInvalid' }),
    ]);
  });

  it('keeps a VIN without a check digit only when the clerk confirms an import, and logs that', async () => {
    const d = await clerk.ok('devices.create', {
      customerId,
      category: '汽车',
      brand: '大众',
      vin: 'WVWZZZ1JZXW000001',
      vinNoCheckDigit: true,
    });
    expect(d).toMatchObject({ vin: 'WVWZZZ1JZXW000001', vinNoCheckDigit: true });
    expect(auditOf(d.id)).toEqual([
      {
        action: 'create',
        after: expect.objectContaining({ vin: 'WVWZZZ1JZXW000001', vinNoCheckDigit: true }),
      },
    ]);
    // A confirmation where the check digit is right is no confirmation: nothing to log.
    const right = await clerk.ok('devices.create', {
      customerId,
      ...car,
      vin: '1M8GDM9AXKP042788',
      vinNoCheckDigit: true,
    });
    expect(right.vinNoCheckDigit).toBe(false);
    expect(auditOf(right.id)[0]?.after).toMatchObject({ vinNoCheckDigit: false });
  });
});

describe('mileage at intake', () => {
  const order = (deviceId: string, extra: Record<string, unknown> = {}) => ({
    customerId,
    deviceId,
    reportedFault: '保养，刹车异响',
    ...extra,
  });

  it('is required for a vehicle, not asked for other kinds', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...car, plateNo: '粤A12345' });
    const error = await refused(() => clerk.raw('workOrders.create', order(d.id)));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'mileageRequired',
      params: {},
      details: { fields: [{ path: 'mileageKm', reason: 'mileageRequired' }] },
    });
    const phone = await clerk.ok('devices.create', { customerId, category: '手机', brand: '华为' });
    const o = await clerk.ok('workOrders.create', order(phone.id));
    expect(o.intakeMileage).toBeNull();
  });

  it('writes the reading through device_readings, shows it on the order, timeline and audit', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...car, plateNo: '粤A12345' });
    const o = await clerk.ok('workOrders.create', order(d.id, { mileageKm: 48_230 }));
    expect(o.intakeMileage).toEqual({ km: 48_230, reason: '' });
    const rows = app.core.deps.db
      .select()
      .from(deviceReadings)
      .where(eq(deviceReadings.deviceId, d.id))
      .all();
    expect(rows).toEqual([
      expect.objectContaining({ unit: 'km', value: 48_230, source: 'intake', workOrderId: o.id, reason: '' }),
    ]);
    expect(o.events.find((e) => e.kind === 'created')?.data).toMatchObject({ mileageKm: 48_230 });
    expect(auditOf(o.id)[0]?.after).toMatchObject({ mileageKm: 48_230 });
    expect((await clerk.ok('devices.get', { id: d.id })).device.lastMileageKm).toBe(48_230);
  });

  it('never goes backwards without a reason; the reason is kept on the reading and the timeline', async () => {
    const d = await clerk.ok('devices.create', { customerId, ...car, plateNo: '粤A12345' });
    await clerk.ok('workOrders.create', order(d.id, { mileageKm: 48_230 }));
    app.clock.advance(60_000);
    const error = await refused(() => clerk.raw('workOrders.create', order(d.id, { mileageKm: 4_823 })));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      reason: 'readingBackwards',
      params: { last: 48_230 },
      details: { fields: [{ path: 'mileageKm', reason: 'readingBackwards', params: { last: 48_230 } }] },
    });
    // A blank reason is no reason.
    await refused(() =>
      clerk.raw('workOrders.create', order(d.id, { mileageKm: 4_823, mileageReason: '   ' })),
    );

    const o = await clerk.ok(
      'workOrders.create',
      order(d.id, { mileageKm: 4_823, mileageReason: '上次多录了一位' }),
    );
    expect(o.intakeMileage).toEqual({ km: 4_823, reason: '上次多录了一位' });
    expect(o.events.find((e) => e.kind === 'created')?.data).toMatchObject({
      mileageKm: 4_823,
      mileageReason: '上次多录了一位',
    });
    const reading = app.core.deps.db
      .select()
      .from(deviceReadings)
      .where(and(eq(deviceReadings.workOrderId, o.id), eq(deviceReadings.unit, 'km')))
      .get();
    expect(reading).toMatchObject({ value: 4_823, reason: '上次多录了一位', source: 'intake' });
    expect(auditOf(o.id)[0]?.after).toMatchObject({ mileageKm: 4_823, mileageReason: '上次多录了一位' });
  });

  it('follows the shop’s mapping: a category made a vehicle asks for mileage, 汽车 made general does not', async () => {
    const settings = await admin.ok('settings.get', {});
    await admin.ok('settings.update', {
      counter: {
        ...settings.counter,
        deviceCategories: [...settings.counter.deviceCategories, '摩托车'],
        categoryKinds: { 摩托车: 'vehicle', 家电: 'appliance' },
      },
    });
    const moto = await clerk.ok('devices.create', { customerId, category: '摩托车', brand: '雅马哈' });
    expect(moto.kind).toBe('vehicle');
    const error = await refused(() => clerk.raw('workOrders.create', order(moto.id)));
    expect(error.reason).toBe('mileageRequired');
    const sedan = await clerk.ok('devices.create', { customerId, ...car });
    expect(sedan.kind).toBe('general');
    expect((await clerk.ok('workOrders.create', order(sedan.id))).intakeMileage).toBeNull();
  });
});

describe('search by plate and VIN', () => {
  async function search(q: string) {
    return (await clerk.ok('search.global', { q })).devices.map((d) => d.id);
  }
  it('finds a plate by any 3+ characters and a VIN by its tail, through the existing box', async () => {
    const han = await clerk.ok('devices.create', {
      customerId,
      ...car,
      plateNo: '粤A12345',
      vin: 'LSVAU218XN2183294',
    });
    const golf = await clerk.ok('devices.create', {
      customerId,
      category: '汽车',
      brand: '大众',
      plateNo: '粤BD67890',
      vin: 'WVWZZZ1JZXW000001',
      vinNoCheckDigit: true,
    });
    expect(await search('A12')).toEqual([han.id]);
    expect(await search('a1234')).toEqual([han.id]);
    expect(await search('粤A12345')).toEqual([han.id]);
    expect(await search('粤 a 12345')).toEqual([han.id]);
    expect(await search('D678')).toEqual([golf.id]);
    expect(await search('3294')).toEqual([han.id]);
    expect(await search('2183294')).toEqual([han.id]);
    expect(await search('XW000001')).toEqual([golf.id]);
    expect(await search('WVWZZZ1JZXW000001')).toEqual([golf.id]);
    // The hit shows the plate, and the VIN where there is no serial.
    const hit = (await clerk.ok('search.global', { q: 'A12' })).devices[0];
    expect(hit).toMatchObject({ label: '比亚迪 汉 EV 粤A12345', serialNo: 'LSVAU218XN2183294' });
    // An edit moves the index with it.
    await clerk.ok('devices.update', { id: han.id, version: han.version, ...car, plateNo: '粤A99999' });
    expect(await search('A12')).toEqual([]);
    expect(await search('A999')).toEqual([han.id]);
  });
});

describe('exported', () => {
  it('the full export’s devices sheet carries the plate, VIN, import confirmation, year and installation', async () => {
    await clerk.ok('devices.create', {
      customerId,
      category: '汽车',
      brand: '大众',
      plateNo: '粤BD67890',
      vin: 'WVWZZZ1JZXW000001',
      vinNoCheckDigit: true,
      modelYear: 2019,
    });
    await clerk.ok('devices.create', {
      customerId,
      category: '家电',
      brand: '格力',
      installAddress: '朝阳区和平街 12 号院 3-502',
      installDate: '2025-06-01',
    });
    const { dir, cleanup } = tempDir();
    try {
      const result = await admin.ok('backup.exportAll', { lang: 'zh-CN', folder: dir });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(result.file);
      const rows: string[][] = [];
      workbook.getWorksheet('设备')?.eachRow((row) => {
        const cells: string[] = [];
        row.eachCell({ includeEmpty: true }, (cell, col) => (cells[col - 1] = cellText(cell.value)));
        rows.push(Array.from(cells, (c) => c ?? ''));
      });
      const [head, ...body] = rows;
      const at = (brand: string, header: string) =>
        body.find((r) => r[head?.indexOf('品牌') ?? -1] === brand)?.[head?.indexOf(header) ?? -1];
      expect(at('大众', '车牌号')).toBe('粤BD67890');
      expect(at('大众', '车架号(VIN)')).toBe('WVWZZZ1JZXW000001');
      expect(at('大众', 'VIN无校验位(进口车)')).toBe('是');
      expect(at('大众', '年款')).toBe('2019');
      expect(at('格力', '安装地址')).toBe('朝阳区和平街 12 号院 3-502');
      expect(at('格力', '安装日期')).toBe('2025-06-01');
    } finally {
      cleanup();
    }
  });
});
