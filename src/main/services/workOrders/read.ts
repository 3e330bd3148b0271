import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { OutputOf } from '@shared/contract';
import { can } from '@shared/roles';
import type { ChargeLine } from '@shared/schemas/charges';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import {
  ACCESSORIES,
  timelineEntry,
  type WorkOrderDetail,
  type WorkOrderEvent,
} from '@shared/schemas/workOrders';
import {
  attachments,
  deviceReadings,
  historyImportItems,
  historyImports,
  parts,
  stockDocuments,
  users,
  workOrderCharges,
  workOrderEvents,
  workOrderParts,
  workOrders,
  type UserRecord,
} from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { nameInitials } from '../pinyin';
import { preparedQuery } from '../preparedQuery';
import { settlementSummaryOf } from '../settlements/records';
import { depositSummaryOf } from '../settlements/depositRecords';
import { loadOrder, normalizeAccessories, TECHNICIAN_ROLES } from './lookups';
import { readQuoteCheck } from './quote';
import { workOrderRowById } from './rows';
import { readWaits } from './waits';
import { readHandover, readSignatures } from './handoverRead';

/** The order id the prepared queries below are run with: `.get({ id })`. */
const idParam = sql.placeholder('id');

const peopleOf = preparedQuery((q) =>
  q
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(or(eq(users.id, sql.placeholder('createdBy')), eq(users.id, sql.placeholder('recordedBy'))))
    .prepare(),
);
const orderNoOf = preparedQuery((q) =>
  q.select({ orderNo: workOrders.orderNo }).from(workOrders).where(eq(workOrders.id, idParam)).prepare(),
);
const eventsOf = preparedQuery((q) =>
  q
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.workOrderId, idParam))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id))
    .prepare(),
);
const photosOf = preparedQuery((q) =>
  q
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.workOrderId, idParam))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .prepare(),
);

/**
 * The whole order for its page: row, intake details, approval, timeline (oldest first), photos,
 * parts, labor and fee lines, and its active settlement. Every write returns it, so its queries are
 * built once (preparedQuery).
 */
export function readDetail(
  q: Queryable,
  id: string,
  viewer: UserRecord | null,
  now: number,
): WorkOrderDetail {
  const order = loadOrder(q, id);
  const mayReadMoney = viewer !== null && can(viewer.role, 'settlements.read');
  const row = workOrderRowById(q, id, now);
  if (!row) throw new Error(`work order ${id} has no customer or device`);

  const people = new Map(
    peopleOf(q)
      .all({ createdBy: order.createdBy, recordedBy: order.approvalRecordedBy ?? order.createdBy })
      .map((u) => [u.id, u.displayName]),
  );
  const reworkOfNo = order.reworkOfId ? (orderNoOf(q).get({ id: order.reworkOfId })?.orderNo ?? null) : null;
  const events = eventsOf(q)
    .all({ id })
    .map((e) => toEvent(e, mayReadMoney));
  const photos = photosOf(q).all({ id });

  const mayView = viewer !== null && can(viewer.role, 'workOrders.viewPassword');
  const approval =
    order.approvalBy !== null && order.approvalMethod !== null && order.approvalAt !== null
      ? {
          by: order.approvalBy,
          method: order.approvalMethod,
          at: order.approvalAt,
          recordedBy: people.get(order.approvalRecordedBy ?? '') ?? order.approvalRecordedBy ?? '',
          amount: order.approvedAmount,
        }
      : null;
  const parts = readOrderParts(q, id);
  const charges = readCharges(q, id);
  return {
    ...row,
    accessories: normalizeAccessories(
      JSON.parse(order.accessories) as (typeof ACCESSORIES)[number][],
      ACCESSORIES,
    ),
    accessoriesNote: order.accessoriesNote,
    condition: order.condition,
    devicePassword: mayView ? order.devicePassword : null,
    hasDevicePassword: order.devicePassword !== '',
    warrantyComputed: order.warrantyComputed,
    warrantyOverrideReason: order.warrantyOverrideReason,
    reworkOfId: order.reworkOfId,
    reworkOfNo,
    diagnosis: order.diagnosis,
    estimate: order.estimate,
    intakeEstimate: order.intakeEstimate,
    approval,
    quote: readQuoteCheck(q, order, parts, charges),
    resolution: order.resolution,
    cancelReason: order.cancelReason,
    readyAt: order.readyAt,
    deliveredAt: order.deliveredAt,
    unrepairableReason: order.unrepairableReason,
    diagnosedAt: order.diagnosedAt,
    heldFrom: order.heldFrom,
    holdReason: order.holdReason,
    heldAt: order.heldAt,
    createdBy: people.get(order.createdBy) ?? order.createdBy,
    version: order.version,
    events,
    attachments: photos,
    parts,
    waitingFor: readWaits(q, id),
    charges,
    settlement: settlementFor(q, id, mayReadMoney),
    signatures: readSignatures(q, id),
    handover: readHandover(q, id),
    deposit: mayReadMoney ? depositSummaryOf(q, id) : null,
    intakeMileage: intakeMileageOf(q, id),
    importedFrom: importedFromOf(q, id),
  };
}

const importedFromQuery = preparedQuery((q) =>
  q
    .select({
      fileName: historyImports.fileName,
      row: historyImportItems.row,
      sourceNo: historyImportItems.sourceNo,
      technicianName: historyImportItems.technicianName,
      at: historyImports.at,
    })
    .from(historyImportItems)
    .innerJoin(historyImports, eq(historyImports.id, historyImportItems.importId))
    .where(and(eq(historyImportItems.entityId, idParam), eq(historyImportItems.entity, 'workOrder')))
    .prepare(),
);

/** The history import this order came from, if it was imported. */
function importedFromOf(q: Queryable, workOrderId: string): WorkOrderDetail['importedFrom'] {
  return importedFromQuery(q).get({ id: workOrderId }) ?? null;
}

const intakeMileageQuery = preparedQuery((q) =>
  q
    .select({ km: deviceReadings.value, reason: deviceReadings.reason })
    .from(deviceReadings)
    .where(
      and(
        eq(deviceReadings.workOrderId, idParam),
        eq(deviceReadings.source, 'intake'),
        eq(deviceReadings.unit, 'km'),
      ),
    )
    .prepare(),
);

/** The odometer reading this order took at intake, if any. */
function intakeMileageOf(q: Queryable, workOrderId: string): WorkOrderDetail['intakeMileage'] {
  return intakeMileageQuery(q).get({ id: workOrderId }) ?? null;
}

/**
 * A role that may not read settlements (a technician) sees that one exists — it locks the order's
 * lines — but none of its money: not on the order, not on the timeline.
 */
function settlementFor(q: Queryable, id: string, mayReadMoney: boolean): WorkOrderDetail['settlement'] {
  const s = settlementSummaryOf(q, id);
  return s && !mayReadMoney ? { id: s.id, settlementNo: s.settlementNo, status: s.status } : s;
}

/**
 * A stored timeline row, decoded by the schema its writer was checked against. A role that may not
 * read settlements gets a settlement's event in the brief form: which one and what happened.
 */
function toEvent(row: typeof workOrderEvents.$inferSelect, mayReadMoney: boolean): WorkOrderEvent {
  const data: unknown = row.data ? JSON.parse(row.data) : null;
  const entry = timelineEntry.parse({ kind: row.kind, data });
  const base = {
    id: row.id,
    at: row.at,
    username: row.username,
    terminalName: row.terminalName,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    note: row.note,
  };
  if (entry.kind === 'settlement' && !mayReadMoney) {
    const { action, settlementId, settlementNo } = entry.data;
    return { ...base, kind: 'settlement', data: { action, settlementId, settlementNo } };
  }
  if (entry.kind === 'deposit' && !mayReadMoney) {
    return { ...base, kind: 'deposit', data: { action: entry.data.action } };
  }
  return { ...base, ...entry };
}

const orderPartsQuery = preparedQuery((q) =>
  q
    .select({
      id: workOrderParts.id,
      partId: workOrderParts.partId,
      partCode: parts.code,
      partName: parts.name,
      partSpec: parts.spec,
      unit: parts.unit,
      qty: workOrderParts.qty,
      unitPrice: workOrderParts.unitPrice,
      unitCost: workOrderParts.unitCost,
      coveredByWarranty: workOrderParts.coveredByWarranty,
      oldPartSerial: workOrderParts.oldPartSerial,
      oldPartRma: workOrderParts.oldPartRma,
      issueDocNo: stockDocuments.docNo,
      addedBy: users.displayName,
      addedAt: workOrderParts.addedAt,
    })
    .from(workOrderParts)
    .innerJoin(parts, eq(parts.id, workOrderParts.partId))
    .innerJoin(stockDocuments, eq(stockDocuments.id, workOrderParts.issueDocumentId))
    .leftJoin(users, eq(users.id, workOrderParts.addedBy))
    .where(and(eq(workOrderParts.workOrderId, idParam), isNull(workOrderParts.removedAt)))
    .orderBy(asc(workOrderParts.addedAt), asc(workOrderParts.id))
    .prepare(),
);

/** The order's lines in use, oldest first, with the issuing document and who added each. */
export function readOrderParts(q: Queryable, workOrderId: string): OrderPartLine[] {
  return orderPartsQuery(q)
    .all({ id: workOrderId })
    .map((l) => ({ ...l, addedBy: l.addedBy ?? null }));
}

const technicians = alias(users, 'technician');

const chargesQuery = preparedQuery((q) =>
  q
    .select({
      id: workOrderCharges.id,
      kind: workOrderCharges.kind,
      itemCode: workOrderCharges.itemCode,
      name: workOrderCharges.name,
      technicianId: workOrderCharges.technicianId,
      technicianName: technicians.displayName,
      hours: workOrderCharges.hours,
      amount: workOrderCharges.amount,
      coveredByWarranty: workOrderCharges.coveredByWarranty,
      addedBy: users.displayName,
      addedAt: workOrderCharges.addedAt,
    })
    .from(workOrderCharges)
    .leftJoin(technicians, eq(technicians.id, workOrderCharges.technicianId))
    .leftJoin(users, eq(users.id, workOrderCharges.addedBy))
    .where(and(eq(workOrderCharges.workOrderId, idParam), isNull(workOrderCharges.removedAt)))
    .orderBy(asc(workOrderCharges.addedAt), asc(workOrderCharges.id))
    .prepare(),
);

/** The order's labor and fee lines in use, oldest first, with the technician and who added each. */
export function readCharges(q: Queryable, workOrderId: string): ChargeLine[] {
  return chargesQuery(q)
    .all({ id: workOrderId })
    .map((c) => ({ ...c, technicianName: c.technicianName ?? null, addedBy: c.addedBy ?? null }));
}

export function getWorkOrder(ctx: CallContext, id: string): WorkOrderDetail {
  return readDetail(ctx.deps.db, id, ctx.user, ctx.deps.now());
}

const ROLE_ORDER: Record<(typeof TECHNICIAN_ROLES)[number], number> = { technician: 0, manager: 1, admin: 2 };

/** Who can be given an order: technicians first, then managers and admins, each by name (then username). */
export function listTechnicians(q: Queryable): OutputOf<'workOrders.technicians'> {
  return q
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(inArray(users.role, [...TECHNICIAN_ROLES]), eq(users.disabled, false)))
    .all()
    .flatMap((u) => (u.role === 'clerk' ? [] : [{ ...u, role: u.role }]))
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.displayName.localeCompare(b.displayName, 'zh-CN') ||
        a.username.localeCompare(b.username),
    )
    .map(({ id, displayName, username, role }) => ({
      id,
      displayName,
      username,
      initials: nameInitials(displayName),
      role,
    }));
}
