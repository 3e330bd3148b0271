import { workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedUpdateById } from '../preparedQuery';

/**
 * Change one order's row in the caller's transaction. Each set of columns is prepared once: an
 * UPDATE of work_orders compiles its search triggers, and preparing it on every call cost a status
 * move as much as its timeline entry (issue 18's profile).
 */
export const updateOrder = preparedUpdateById(workOrders);

/** The order changed now (a line, a payment, a photo): its page and the lists sort by updatedAt. */
export function touchOrder(q: Queryable, id: string, at: number): void {
  updateOrder(q, id, { updatedAt: at });
}
