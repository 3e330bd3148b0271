import { eq } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import { onsiteJobs, type OnsiteJobRecord, type WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { loadOrder, requireOpen } from '../workOrders/lookups';

/** An open order whose channel is 上门: the only kind that takes a visit. */
export function requireOnsiteOrder(q: Queryable, id: string): WorkOrderRecord {
  const order = loadOrder(q, id);
  requireOpen(order);
  if (order.channel !== 'onsite') {
    throw fieldError(
      'id',
      'onsiteWrongChannel',
      { orderNo: order.orderNo },
      `${order.orderNo} is not on-site`,
    );
  }
  return order;
}

export function loadVisit(q: Queryable, order: WorkOrderRecord): OnsiteJobRecord {
  const job = q.select().from(onsiteJobs).where(eq(onsiteJobs.workOrderId, order.id)).get();
  if (!job) {
    throw fieldError('id', 'onsiteNotScheduled', { orderNo: order.orderNo }, `${order.orderNo} has no visit`);
  }
  return job;
}
