import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { TRAVEL_FEE_CODE } from '@shared/schemas/onsite';
import type { EventData } from '@shared/schemas/workOrders';
import { workOrderCharges, type WorkOrderChargeRecord, type WorkOrderRecord } from '../../db/schema';
import type { CallContext, Queryable, Tx } from '../context';
import { readBilling } from '../settings';
import { requireNoActiveSettlement } from '../settlements/records';
import { addEvent } from '../workOrders/events';

/**
 * 上门费 is a fee line on the order (work_order_charges), so the settlement bills it like any other
 * fee: the visit keeps only the line's id. Its item is the billing settings' 上门费 (code SM).
 */

/** The 上门费 item's price, the form's default (0 when the shop has no such item). */
export function defaultTravelFee(q: Queryable): number {
  const item = readBilling(q).serviceItems.find((i) => i.code === TRAVEL_FEE_CODE && i.active);
  return item?.price ?? 0;
}

/** The line in use, or null (none yet, or removed from the order's charges). */
export function travelFeeLine(q: Queryable, lineId: string | null): WorkOrderChargeRecord | null {
  if (!lineId) return null;
  const line = q.select().from(workOrderCharges).where(eq(workOrderCharges.id, lineId)).get();
  return line && line.removedAt === null ? line : null;
}

/**
 * Bring the order's travel-fee line to `amount` (0: no line): add, change or remove it, with its
 * 工时与费用 timeline entry. Refused while a settlement stands, like any charge change. Returns the
 * line id the visit keeps.
 */
export function applyTravelFee(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  current: WorkOrderChargeRecord | null,
  amount: number,
  at: number,
): string | null {
  if ((current?.amount ?? 0) === amount) return current?.id ?? null;
  requireNoActiveSettlement(tx, order.id, 'charges');
  const base = { workOrderId: order.id, at, actor: ctx.user, kind: 'charges' } as const;
  if (current && amount === 0) {
    tx.update(workOrderCharges)
      .set({ removedAt: at, removedBy: ctx.user?.id ?? null, updatedAt: at })
      .where(eq(workOrderCharges.id, current.id))
      .run();
    const data = {
      action: 'remove',
      lineId: current.id,
      itemCode: current.itemCode,
      name: current.name,
      amount: current.amount,
    } satisfies EventData<'charges'>;
    addEvent(tx, { ...base, data });
    return null;
  }
  if (current) {
    tx.update(workOrderCharges)
      .set({ amount, updatedAt: at })
      .where(eq(workOrderCharges.id, current.id))
      .run();
    const data = {
      action: 'update',
      lineId: current.id,
      itemCode: current.itemCode,
      name: current.name,
      fields: ['amount'],
      before: { amount: current.amount },
      after: { amount },
    } satisfies EventData<'charges'>;
    addEvent(tx, { ...base, data });
    return current.id;
  }
  const item = readBilling(tx).serviceItems.find((i) => i.code === TRAVEL_FEE_CODE);
  const line: WorkOrderChargeRecord = {
    id: uuidv7(),
    workOrderId: order.id,
    kind: 'fee',
    itemCode: TRAVEL_FEE_CODE,
    name: item?.name ?? '上门费',
    technicianId: null,
    hours: 0,
    amount,
    coveredByWarranty: false,
    approvedBy: null,
    addedBy: ctx.user?.id ?? null,
    addedAt: at,
    removedBy: null,
    removedAt: null,
    updatedAt: at,
  };
  tx.insert(workOrderCharges).values(line).run();
  const data = {
    action: 'add',
    lineId: line.id,
    kind: 'fee',
    itemCode: line.itemCode,
    name: line.name,
    technicianId: null,
    hours: 0,
    amount,
    listPrice: item?.price ?? amount,
    coveredByWarranty: false,
  } satisfies EventData<'charges'>;
  addEvent(tx, { ...base, data });
  return line.id;
}
