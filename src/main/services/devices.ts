import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Device } from '@shared/schemas/devices';
import { localDate, warrantyEndFrom, type IsoDate } from '@shared/dates';
import { makerWarrantyOn } from '@shared/warranty';
import { kindOfCategory } from '@shared/deviceKinds';
import { vinProblem } from '@shared/vin';
import { devices, type DeviceRecord } from '../db/schema';
import { changedFields, writeAudit } from './audit';
import type { CallContext, Queryable } from './context';
import { readCounter } from './settings';
import { actorOf } from './users';
import { assertVersion } from './versions';
import { latestReading } from './readings';
import { openOrdersOf, workOrderHistory } from './customers/history';
import { activeCustomer } from './customers/records';

/** The device as the contract shows it; `today` is the shop's local date for the warranty status. */
export function toDevice(q: Queryable, d: DeviceRecord, today: IsoDate): Device {
  const kind = kindOfCategory(readCounter(q).categoryKinds, d.category);
  return {
    id: d.id,
    customerId: d.customerId,
    category: d.category,
    brand: d.brand,
    model: d.model,
    serialNo: d.serialNo,
    purchaseDate: d.purchaseDate,
    warrantyEnd: d.warrantyEnd,
    invoiceNo: d.invoiceNo,
    notes: d.notes,
    plateNo: d.plateNo,
    vin: d.vin,
    vinNoCheckDigit: d.vinNoCheckDigit,
    modelYear: d.modelYear,
    installAddress: d.installAddress,
    installDate: d.installDate,
    kind,
    lastMileageKm: kind === 'vehicle' ? (latestReading(q, d.id, 'km')?.value ?? null) : null,
    warrantyToday: makerWarrantyOn(d.warrantyEnd, today) ? 'in' : 'out',
    archivedAt: d.archivedAt,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}

/** What the audit log keeps: the stored fields, not today's warranty status. */
function auditView(d: DeviceRecord) {
  const { createdAt: _c, updatedAt: _u, version: _v, ...rest } = d;
  return rest;
}

function deviceRecord(q: Queryable, id: string): DeviceRecord {
  const d = q.select().from(devices).where(eq(devices.id, id)).get();
  if (!d) throw new AppError('deviceNotFound', {}, 'device not found');
  return d;
}

/** Categories come from the shop's settings; a device keeps one the shop has since removed. */
function assertCategory(q: Queryable, category: string, previous: string | null): void {
  if (category === previous) return;
  if (!readCounter(q).deviceCategories.includes(category)) {
    throw fieldError(
      'category',
      'unknownDeviceCategory',
      { category },
      'not one of the shop’s device categories',
    );
  }
}

type KindInput = Pick<
  ParsedInputOf<'devices.create'>,
  'plateNo' | 'vin' | 'vinNoCheckDigit' | 'modelYear' | 'installAddress' | 'installDate'
>;

/**
 * The vehicle and appliance fields as stored. The input schema has refused a bad plate or VIN; the
 * import confirmation is kept only where the VIN's check digit is in fact wrong, so the audit row
 * that carries `vinNoCheckDigit: true` is the log of that confirmation.
 */
function kindFields(input: KindInput) {
  return {
    plateNo: input.plateNo,
    vin: input.vin,
    vinNoCheckDigit: input.vinNoCheckDigit && input.vin !== '' && vinProblem(input.vin) === 'vinCheckDigit',
    modelYear: input.modelYear,
    installAddress: input.installAddress,
    installDate: input.installDate,
  };
}

type WarrantyInput = ParsedInputOf<'devices.create'>['warranty'];

/** {end} as given, {months} from the purchase date (month-end clamped), null for none. */
function warrantyEndOf(purchaseDate: IsoDate | null, warranty: WarrantyInput): IsoDate | null {
  if (warranty === null) return null;
  if ('end' in warranty) {
    if (purchaseDate !== null && warranty.end < purchaseDate) {
      throw fieldError(
        'warranty.end',
        'warrantyEndBeforePurchase',
        {},
        'warranty ends before the purchase date',
      );
    }
    return warranty.end;
  }
  if (purchaseDate === null) {
    // The input schema refuses this already; kept for callers inside main.
    throw fieldError('warranty', 'warrantyNeedsPurchaseDate', {}, 'months need a purchase date');
  }
  return warrantyEndFrom(purchaseDate, warranty.months);
}

export function createDevice(ctx: CallContext, input: ParsedInputOf<'devices.create'>): Device {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const owner = activeCustomer(tx, input.customerId);
    if (owner.archivedAt !== null) {
      throw fieldError(
        'customerId',
        'customerArchived',
        {},
        'the customer is archived; restore the customer first',
      );
    }
    assertCategory(tx, input.category, null);
    const at = now();
    const record: DeviceRecord = {
      id: uuidv7(),
      customerId: owner.id,
      category: input.category,
      brand: input.brand,
      model: input.model,
      serialNo: input.serialNo,
      purchaseDate: input.purchaseDate,
      warrantyEnd: warrantyEndOf(input.purchaseDate, input.warranty),
      invoiceNo: input.invoiceNo,
      notes: input.notes,
      ...kindFields(input),
      archivedAt: null,
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    tx.insert(devices).values(record).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'device',
      entityId: record.id,
      after: auditView(record),
    });
    return toDevice(tx, record, localDate(at));
  });
}

export function updateDevice(ctx: CallContext, input: ParsedInputOf<'devices.update'>): Device {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const before = deviceRecord(tx, input.id);
    assertVersion(tx, 'device', before, input.version);
    assertCategory(tx, input.category, before.category);
    const next: DeviceRecord = {
      ...before,
      category: input.category,
      brand: input.brand,
      model: input.model,
      serialNo: input.serialNo,
      purchaseDate: input.purchaseDate,
      warrantyEnd: warrantyEndOf(input.purchaseDate, input.warranty),
      invoiceNo: input.invoiceNo,
      notes: input.notes,
      ...kindFields(input),
    };
    const diff = changedFields(auditView(before), auditView(next));
    if (!diff) return toDevice(tx, before, localDate(now()));
    next.updatedAt = now();
    tx.update(devices).set(next).where(eq(devices.id, before.id)).run();
    writeAudit(tx, {
      at: next.updatedAt,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'device',
      entityId: before.id,
      before: diff.before,
      after: diff.after,
    });
    // Read back: the trigger has bumped the version.
    return toDevice(tx, deviceRecord(tx, before.id), localDate(next.updatedAt));
  });
}

/** Archive instead of delete; refused while the device is still in an open work order. */
export function archiveDevice(ctx: CallContext, id: string): Device {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const d = deviceRecord(tx, id);
    const at = now();
    if (d.archivedAt !== null) return toDevice(tx, d, localDate(at));
    const open = openOrdersOf(tx, { deviceId: d.id });
    if (open.length > 0) {
      throw new AppError(
        'deviceHasOpenOrders',
        { count: open.length },
        `device is in ${open.length} open work order(s); finish them first`,
        { matches: open },
      );
    }
    tx.update(devices).set({ archivedAt: at, updatedAt: at }).where(eq(devices.id, d.id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'device',
      entityId: d.id,
      before: { archivedAt: null },
      after: { archivedAt: at },
    });
    return toDevice(tx, deviceRecord(tx, d.id), localDate(at));
  });
}

export function restoreDevice(ctx: CallContext, id: string): Device {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const d = deviceRecord(tx, id);
    const at = now();
    if (d.archivedAt === null) return toDevice(tx, d, localDate(at));
    tx.update(devices).set({ archivedAt: null, updatedAt: at }).where(eq(devices.id, d.id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'restore',
      entity: 'device',
      entityId: d.id,
      before: { archivedAt: d.archivedAt },
      after: { archivedAt: null },
    });
    return toDevice(tx, deviceRecord(tx, d.id), localDate(at));
  });
}

/** The device with today's warranty status and its service history, newest first. */
export function getDevice(ctx: CallContext, id: string): OutputOf<'devices.get'> {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const d = deviceRecord(tx, id);
    const at = now();
    return { device: toDevice(tx, d, localDate(at)), workOrders: workOrderHistory(tx, { deviceId: id }, at) };
  });
}
