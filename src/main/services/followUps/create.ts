import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { customers, followUps, workOrders, type FollowUpRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Tx } from '../context';
import { readAfterSales } from '../settings';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { dueDayAfter } from './due';

/**
 * 回访 at delivery, in the delivery's transaction: due `afterSales.followUpDays[serviceType]` days
 * after the delivery day (0 = the type gets none). None for a customer who asked not to be contacted,
 * and never a second one for an order. Unrepaired returns (unrepairable, declined) get one too: the
 * customer who left without a fix is the one most worth a call. Returns the follow-up, or null.
 */
export function openFollowUpOnDelivery(
  tx: Tx,
  ctx: CallContext,
  workOrderId: string,
  at: number,
): FollowUpRecord | null {
  const order = tx.select().from(workOrders).where(eq(workOrders.id, workOrderId)).get();
  if (!order) throw new Error(`work order ${workOrderId} vanished during delivery`);
  const days = readAfterSales(tx).followUpDays[order.serviceType];
  if (days === 0) return null;
  const customer = tx
    .select({ noContact: customers.noContact })
    .from(customers)
    .where(eq(customers.id, order.customerId))
    .get();
  if (!customer || customer.noContact) return null;
  const existing = tx.select().from(followUps).where(eq(followUps.workOrderId, order.id)).get();
  if (existing) return null;

  const record: FollowUpRecord = {
    id: uuidv7(),
    workOrderId: order.id,
    customerId: order.customerId,
    dueAt: dueDayAfter(at, days),
    state: 'pending',
    attempts: 0,
    attitude: null,
    quality: null,
    timeliness: null,
    price: null,
    comment: '',
    problemUnsolved: false,
    complaintId: null,
    reworkOrderId: null,
    doneAt: null,
    doneBy: null,
    createdAt: at,
    technicianId: order.technicianId,
    serviceType: order.serviceType,
  };
  tx.insert(followUps).values(record).run();
  addEvent(tx, {
    workOrderId: order.id,
    at,
    actor: ctx.user,
    kind: 'followUp',
    data: { action: 'created', followUpId: record.id, dueAt: record.dueAt },
  });
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'create',
    entity: 'followUp',
    entityId: record.id,
    after: { workOrderId: order.id, orderNo: order.orderNo, dueAt: record.dueAt, days },
  });
  return record;
}
