import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { ACCESSORIES, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { warrantyAtIntake, type WarrantyStatus } from '@shared/warranty';
import { customers, devices, workOrders, type WorkOrderRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { preparedInsert, preparedRowById } from '../preparedQuery';
import { readCounter, readShop } from '../settings';
import { actorOf } from '../users';
import { addEvent } from './events';
import { decodeSignature, storeIntakeSignature } from './handover';
import { enqueueMessages } from '../messages/enqueue';
import { normalizeAccessories, requireTechnician } from './lookups';
import { nextOrderNo } from './numbers';
import { readDetail } from './read';
import { takeDepositAtIntake } from '../settlements/deposits';
import { kindOfCategory } from '@shared/deviceKinds';
import { recordReading } from '../readings';
import { markArrived } from '../appointments/close';
import { scheduleVisit } from '../onsite/schedule';
import { openContractVisit } from '../maintenance/contracts';

const HOUR = 3600_000;
/** A rework chain longer than this is corrupt data, not a shop's history. */
const MAX_REWORK_DEPTH = 100;

const customerById = preparedRowById(customers);
const deviceById = preparedRowById(devices);
const insertWorkOrder = preparedInsert(workOrders);

/** The customer and device of a new order: both live, and the device is this customer's. */
export function checkParties(q: Queryable, customerId: string, deviceId: string) {
  const customer = customerById(q, customerId);
  if (!customer) throw fieldError('customerId', 'customerNotFound', {}, 'customer not found');
  if (customer.mergedIntoId !== null) {
    throw fieldError(
      'customerId',
      'customerNotUsable',
      { problem: 'merged' },
      'customer was merged into another',
    );
  }
  if (customer.archivedAt !== null) {
    throw fieldError('customerId', 'customerNotUsable', { problem: 'archived' }, 'customer is archived');
  }
  const device = deviceById(q, deviceId);
  if (!device) throw fieldError('deviceId', 'deviceNotFound', {}, 'device not found');
  if (device.archivedAt !== null) {
    throw fieldError('deviceId', 'deviceNotUsable', { problem: 'archived' }, 'device is archived');
  }
  if (device.customerId !== customerId) {
    throw fieldError(
      'deviceId',
      'deviceNotUsable',
      { problem: 'otherCustomer' },
      'device belongs to another customer',
    );
  }
  return { customer, device };
}

/**
 * The earlier order a rework comes back on: the same device, delivered. Returns the delivery that
 * starts the repair-warranty clock — the first original's, however many reworks came between.
 */
function reworkClock(q: Queryable, reworkOfId: string, deviceId: string): number | null {
  const load = (id: string) => q.select().from(workOrders).where(eq(workOrders.id, id)).get();
  const original = load(reworkOfId);
  if (!original) throw fieldError('reworkOfId', 'workOrderNotFound', {}, 'original work order not found');
  if (original.deviceId !== deviceId) {
    throw fieldError(
      'reworkOfId',
      'reworkNotAllowed',
      { problem: 'otherDevice' },
      'the original order is for another device',
    );
  }
  if (original.status !== 'delivered' || original.deliveredAt === null) {
    throw fieldError(
      'reworkOfId',
      'reworkNotAllowed',
      { problem: 'notDelivered' },
      'the original order has not been delivered',
    );
  }
  let first: WorkOrderRecord = original;
  for (let depth = 0; first.reworkOfId !== null && depth < MAX_REWORK_DEPTH; depth++) {
    const parent = load(first.reworkOfId);
    if (!parent) break;
    first = parent;
  }
  return first.deliveredAt ?? original.deliveredAt;
}

export function createWorkOrder(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.create'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  const signature = input.signature === null ? null : decodeSignature(input.signature, 'signature');
  return db.transaction((tx) => {
    const at = now();
    const { device } = checkParties(tx, input.customerId, input.deviceId);
    if (input.technicianId !== null) requireTechnician(tx, input.technicianId);
    if (input.promisedAt !== undefined && input.promisedAt < at) {
      throw fieldError('promisedAt', 'promisedBeforeIntake', {}, 'promised date is before intake');
    }
    const counter = readCounter(tx);
    // A vehicle is received with its odometer reading; other kinds are not asked for one.
    if (kindOfCategory(counter.categoryKinds, device.category) === 'vehicle' && input.mileageKm === null) {
      throw fieldError('mileageKm', 'mileageRequired', {}, 'a vehicle needs the odometer reading at intake');
    }
    const originalDeliveredAt = input.reworkOfId ? reworkClock(tx, input.reworkOfId, device.id) : null;
    const warrantyComputed: WarrantyStatus = warrantyAtIntake({
      warrantyEnd: device.warrantyEnd,
      originalDeliveredAt,
      repairWarrantyDays: counter.repairWarrantyDays,
      at,
    });
    const override = input.warrantyOverride;
    const warrantyStatus = override?.status ?? warrantyComputed;

    const shop = readShop(tx);
    if (!shop) throw new Error('work order created before setup');
    const record: WorkOrderRecord = {
      id: uuidv7(),
      orderNo: nextOrderNo(tx, shop.branchCode, at),
      customerId: input.customerId,
      deviceId: device.id,
      status: 'received',
      channel: input.channel,
      serviceType: input.serviceType,
      priority: input.priority,
      reportedFault: input.reportedFault,
      accessories: JSON.stringify(normalizeAccessories(input.accessories, ACCESSORIES)),
      accessoriesNote: input.accessoriesNote,
      condition: input.condition,
      devicePassword: input.devicePassword,
      warrantyStatus,
      warrantyComputed,
      warrantyOverrideReason: override && override.status !== warrantyComputed ? override.reason : null,
      reworkOfId: input.reworkOfId,
      promisedAt: input.promisedAt ?? at + counter.slaHours[input.priority] * HOUR,
      technicianId: input.technicianId,
      diagnosis: '',
      estimate: input.estimate,
      intakeEstimate: input.estimate,
      approvedAmount: null,
      approvalBy: null,
      approvalMethod: null,
      approvalAt: null,
      approvalRecordedBy: null,
      resolution: '',
      cancelReason: null,
      readyAt: null,
      deliveredAt: null,
      outcome: null,
      unrepairableReason: null,
      diagnosedAt: null,
      heldFrom: null,
      holdReason: null,
      heldAt: null,
      recallAt: null,
      deviceCategory: device.category,
      deviceBrand: device.brand,
      createdBy: ctx.user?.id ?? '',
      createdAt: at,
      updatedAt: at,
      version: 1,
    };
    if (input.onsite && record.channel !== 'onsite') {
      const message = `${record.orderNo} is not an on-site order: it takes no visit`;
      throw fieldError('onsite', 'onsiteWrongChannel', { orderNo: record.orderNo }, message);
    }
    insertWorkOrder(tx, record);
    // Through the one place readings live: refused below the last reading without a reason.
    const mileage =
      input.mileageKm === null
        ? null
        : recordReading(tx, {
            deviceId: device.id,
            unit: 'km',
            value: input.mileageKm,
            readAt: at,
            source: 'intake',
            workOrderId: record.id,
            reason: input.mileageReason,
            recordedBy: ctx.user?.id ?? null,
            recordedAt: at,
            field: 'mileageKm',
          });
    const mileageData = mileage
      ? { mileageKm: mileage.value, ...(mileage.reason ? { mileageReason: mileage.reason } : {}) }
      : {};

    const passwordGiven = record.devicePassword !== '';
    addEvent(tx, {
      workOrderId: record.id,
      at,
      actor: ctx.user,
      kind: 'created',
      toStatus: 'received',
      data: {
        orderNo: record.orderNo,
        warrantyComputed,
        technicianId: record.technicianId,
        reworkOfId: record.reworkOfId,
        promisedAt: record.promisedAt,
        // What the intake forms print; later quotes are edits on the timeline.
        estimate: record.estimate,
        ...(passwordGiven ? { devicePasswordChanged: true } : {}),
        ...mileageData,
      },
    });
    if (override) {
      addEvent(tx, {
        workOrderId: record.id,
        at,
        actor: ctx.user,
        kind: 'warranty',
        note: override.reason,
        data: { from: warrantyComputed, to: override.status, computed: warrantyComputed },
      });
    }
    if (input.contractId !== null) openContractVisit(tx, record, input.contractId, at);
    // 订金 at intake: its own row, timeline entry and audit row, after the order's.
    if (input.deposit) takeDepositAtIntake(tx, ctx, record, input.deposit, at);
    // 上门: the visit given with the order, its travel fee a fee line from the start.
    if (input.onsite) scheduleVisit(tx, ctx, record, input.onsite, at, 'onsite.');
    const { devicePassword: _secret, ...audited } = record;
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'workOrder',
      entityId: record.id,
      after: {
        ...audited,
        ...(passwordGiven ? { devicePasswordChanged: true } : {}),
        ...(override ? { warrantyOverride: override } : {}),
        ...mileageData,
        ...(input.contractId !== null ? { contractId: input.contractId } : {}),
      },
    });
    if (signature) storeIntakeSignature(tx, ctx, record, signature, at);
    if (input.appointmentId !== null) {
      const booked = markArrived(tx, ctx, input.appointmentId, record, at);
      // The booking's note goes on the order's timeline, so nothing said at booking is lost.
      if (booked.note !== '')
        addEvent(tx, {
          workOrderId: record.id,
          at,
          actor: ctx.user,
          kind: 'note',
          note: booked.note,
          data: null,
        });
    }
    enqueueMessages(tx, {
      event: 'received',
      customerId: record.customerId,
      workOrderId: record.id,
      occurrence: record.id,
      at,
      actor: ctx.user,
    });
    return readDetail(tx, record.id, ctx.user, at);
  });
}
