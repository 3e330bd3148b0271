import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { ServiceItem } from '@shared/schemas/billing';
import { CHARGE_EVENT_FIELDS, type EventData, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import {
  workOrderCharges,
  type UserRecord,
  type WorkOrderChargeRecord,
  type WorkOrderRecord,
} from '../../db/schema';
import { changedFields } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { readBilling } from '../settings';
import { approverFor, requireApprover } from '../settlements/approval';
import { requireNoActiveSettlement } from '../settlements/records';
import { recordUpdate } from './events';
import { loadOrder, requireTechnician } from './lookups';
import { readDetail } from './read';
import { touchOrder } from './update';

/**
 * Labor (工时) and fee (其他费用) lines on a work order, each made from a service item in the
 * billing settings. Lines change only on an open order with no active settlement. An amount below
 * the item's price is a discount by another name, so it needs a manager when the settings say so
 * (labor and fees alike). The manager's password is checked before the transaction; the
 * transaction then checks again whether approval is still needed (the settings may have changed).
 */

function requireOpenForCharges(order: WorkOrderRecord): void {
  if (!isOpen(order.status)) {
    const message = `work order ${order.orderNo} is ${order.status}; its charges can no longer change`;
    throw fieldError(
      'id',
      'orderClosedForCharges',
      { orderNo: order.orderNo, status: order.status },
      message,
    );
  }
}

function requireChangeable(q: Queryable, order: WorkOrderRecord): void {
  requireOpenForCharges(order);
  requireNoActiveSettlement(q, order.id, 'charges');
}

function orderInWarranty(order: WorkOrderRecord): boolean {
  return order.warrantyStatus === 'in' || order.warrantyStatus === 'repair';
}

/** An amount under the reference price needs approval when the settings ask for it. */
function belowPrice(q: Queryable, amount: number, price: number): boolean {
  return readBilling(q).laborBelowPriceNeedsApproval && amount < price;
}

function touch(tx: Tx, workOrderId: string, at: number): void {
  touchOrder(tx, workOrderId, at);
}

function approvedByData(approver: UserRecord | null): { approvedBy?: { id: string; username: string } } {
  return approver ? { approvedBy: { id: approver.id, username: approver.username } } : {};
}

// ── add ──────────────────────────────────────────────────────────────────────────────────
type AddInput = ParsedInputOf<'workOrders.addCharge'>;

interface AddPlan {
  order: WorkOrderRecord;
  item: ServiceItem;
  technicianId: string | null;
  hours: number;
  amount: number;
  coveredByWarranty: boolean;
  needsApproval: boolean;
}

function planAdd(q: Queryable, input: AddInput): AddPlan {
  const order = loadOrder(q, input.id);
  requireChangeable(q, order);
  const item = readBilling(q).serviceItems.find((i) => i.code === input.itemCode);
  if (!item) {
    const params = { itemCode: input.itemCode, problem: 'unknown' } as const;
    throw fieldError(
      'itemCode',
      'serviceItemUnavailable',
      params,
      `no service item ${input.itemCode} in the settings`,
    );
  }
  if (!item.active) {
    const params = { itemCode: item.code, problem: 'retired' } as const;
    throw fieldError(
      'itemCode',
      'serviceItemUnavailable',
      params,
      `service item ${item.code} is no longer in use`,
    );
  }

  let technicianId: string | null = null;
  let hours = 0;
  if (item.kind === 'fee') {
    if (input.technicianId)
      throw fieldError('technicianId', 'feeTakesNoLabor', {}, 'a fee has no technician');
    if (input.hours) throw fieldError('hours', 'feeTakesNoLabor', {}, 'a fee has no hours');
  } else {
    if (input.technicianId) requireTechnician(q, input.technicianId);
    technicianId = input.technicianId === undefined ? order.technicianId : input.technicianId;
    hours = input.hours ?? item.hours;
  }
  const amount = input.amount ?? item.price;
  return {
    order,
    item,
    technicianId,
    hours,
    amount,
    coveredByWarranty: input.coveredByWarranty ?? orderInWarranty(order),
    needsApproval: belowPrice(q, amount, item.price),
  };
}

export async function addCharge(ctx: CallContext, input: AddInput): Promise<WorkOrderDetail> {
  const first = planAdd(ctx.deps.db, input);
  const approver = first.needsApproval ? await approverFor(ctx, input.approval) : null;
  return ctx.deps.db.transaction((tx) => {
    const plan = planAdd(tx, input);
    if (plan.needsApproval) requireApprover(approver, 'belowPrice', `${plan.item.code} below its price`);
    const at = ctx.deps.now();
    const line: WorkOrderChargeRecord = {
      id: uuidv7(),
      workOrderId: plan.order.id,
      kind: plan.item.kind,
      itemCode: plan.item.code,
      name: plan.item.name,
      technicianId: plan.technicianId,
      hours: plan.hours,
      amount: plan.amount,
      coveredByWarranty: plan.coveredByWarranty,
      approvedBy: plan.needsApproval ? (approver?.id ?? null) : null,
      addedBy: ctx.user?.id ?? null,
      addedAt: at,
      removedBy: null,
      removedAt: null,
      updatedAt: at,
    };
    tx.insert(workOrderCharges).values(line).run();
    touch(tx, plan.order.id, at);
    const data = {
      action: 'add',
      lineId: line.id,
      kind: line.kind,
      itemCode: line.itemCode,
      name: line.name,
      technicianId: line.technicianId,
      hours: line.hours,
      amount: line.amount,
      listPrice: plan.item.price,
      coveredByWarranty: line.coveredByWarranty,
      ...approvedByData(plan.needsApproval ? approver : null),
    } satisfies EventData<'charges'>;
    recordUpdate(
      tx,
      { workOrderId: plan.order.id, at, actor: ctx.user, kind: 'charges', data },
      { after: { charge: data } },
    );
    return readDetail(tx, plan.order.id, ctx.user, at);
  });
}

// ── update ───────────────────────────────────────────────────────────────────────────────
type UpdateInput = ParsedInputOf<'workOrders.updateCharge'>;

/** An active (not removed) line on an open order without an active settlement. */
function loadActiveCharge(
  q: Queryable,
  lineId: string,
): { line: WorkOrderChargeRecord; order: WorkOrderRecord } {
  const line = q.select().from(workOrderCharges).where(eq(workOrderCharges.id, lineId)).get();
  if (!line) {
    throw fieldError('lineId', 'chargeLineNotFound', {}, 'charge line not found');
  }
  if (line.removedAt !== null) {
    throw fieldError('lineId', 'lineRemoved', { line: 'charge' }, 'the charge line has been removed');
  }
  const order = loadOrder(q, line.workOrderId);
  requireChangeable(q, order);
  return { line, order };
}

interface UpdatePlan {
  line: WorkOrderChargeRecord;
  order: WorkOrderRecord;
  before: { technicianId: string | null; hours: number; amount: number; coveredByWarranty: boolean };
  after: UpdatePlan['before'];
  needsApproval: boolean;
}

function planUpdate(q: Queryable, input: UpdateInput): UpdatePlan {
  const { line, order } = loadActiveCharge(q, input.lineId);
  if (line.kind === 'fee') {
    if (input.technicianId)
      throw fieldError('technicianId', 'feeTakesNoLabor', {}, 'a fee has no technician');
    if (input.hours) throw fieldError('hours', 'feeTakesNoLabor', {}, 'a fee has no hours');
  } else if (input.technicianId) {
    requireTechnician(q, input.technicianId);
  }
  const before = {
    technicianId: line.technicianId,
    hours: line.hours,
    amount: line.amount,
    coveredByWarranty: line.coveredByWarranty,
  } satisfies Record<(typeof CHARGE_EVENT_FIELDS)[number], unknown>;
  const after = {
    technicianId: input.technicianId === undefined ? before.technicianId : input.technicianId,
    hours: input.hours ?? before.hours,
    amount: input.amount ?? before.amount,
    coveredByWarranty: input.coveredByWarranty ?? before.coveredByWarranty,
  };
  // The item's price now; an item gone from the settings keeps the line's agreed amount as the floor.
  const item = readBilling(q).serviceItems.find((i) => i.code === line.itemCode);
  const price = item?.price ?? line.amount;
  const needsApproval = after.amount !== before.amount && belowPrice(q, after.amount, price);
  return { line, order, before, after, needsApproval };
}

/** Technician, hours, amount and warranty flag of a line; an unchanged form is no event. */
export async function updateCharge(ctx: CallContext, input: UpdateInput): Promise<WorkOrderDetail> {
  const first = planUpdate(ctx.deps.db, input);
  const approver = first.needsApproval ? await approverFor(ctx, input.approval) : null;
  return ctx.deps.db.transaction((tx) => {
    const { line, order, before, after, needsApproval } = planUpdate(tx, input);
    if (needsApproval) requireApprover(approver, 'belowPrice', `${line.itemCode} below its price`);
    const at = ctx.deps.now();
    const diff = changedFields(before, after);
    if (!diff) return readDetail(tx, order.id, ctx.user, at);
    // Who approved the amount on the line: kept while the amount stands, cleared when it changes.
    const approvedBy =
      after.amount === before.amount ? line.approvedBy : needsApproval ? (approver?.id ?? null) : null;
    tx.update(workOrderCharges)
      .set({ ...after, approvedBy, updatedAt: at })
      .where(eq(workOrderCharges.id, line.id))
      .run();
    touch(tx, order.id, at);
    const approval = approvedByData(needsApproval ? approver : null);
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'charges',
        data: {
          action: 'update',
          lineId: line.id,
          itemCode: line.itemCode,
          name: line.name,
          fields: CHARGE_EVENT_FIELDS.filter((f) => Object.hasOwn(diff.after, f)),
          ...diff,
          ...approval,
        },
      },
      {
        before: { lineId: line.id, ...diff.before },
        after: { lineId: line.id, ...diff.after, ...approval },
      },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

// ── remove ───────────────────────────────────────────────────────────────────────────────
/** The line stays, marked removed, for the history. */
export function removeCharge(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.removeCharge'>,
): WorkOrderDetail {
  return ctx.deps.db.transaction((tx) => {
    const { line, order } = loadActiveCharge(tx, input.lineId);
    const at = ctx.deps.now();
    tx.update(workOrderCharges)
      .set({ removedAt: at, removedBy: ctx.user?.id ?? null, updatedAt: at })
      .where(eq(workOrderCharges.id, line.id))
      .run();
    touch(tx, order.id, at);
    const data = {
      action: 'remove',
      lineId: line.id,
      itemCode: line.itemCode,
      name: line.name,
      amount: line.amount,
    } satisfies EventData<'charges'>;
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'charges', data },
      { before: { charge: { lineId: line.id, amount: line.amount } }, after: { charge: data } },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}
