import { asc, eq } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import { customers, users, workOrders, type UserRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { findUser } from '../users';

/** The complaint's customer: on file, not merged into another, not archived. */
export function requireComplainant(q: Queryable, customerId: string): void {
  const customer = q.select().from(customers).where(eq(customers.id, customerId)).get();
  if (!customer) throw fieldError('customerId', 'customerNotFound', {}, 'customer not found');
  if (customer.mergedIntoId !== null) {
    throw fieldError('customerId', 'customerNotUsable', { problem: 'merged' }, 'customer was merged');
  }
  if (customer.archivedAt !== null) {
    throw fieldError('customerId', 'customerNotUsable', { problem: 'archived' }, 'customer is archived');
  }
}

/** The order a complaint is about: one of the complaint's customer's own. */
export function requireCustomersOrder(q: Queryable, customerId: string, workOrderId: string): void {
  const order = q.select().from(workOrders).where(eq(workOrders.id, workOrderId)).get();
  if (!order) throw fieldError('workOrderId', 'workOrderNotFound', {}, 'work order not found');
  if (order.customerId !== customerId) {
    throw fieldError(
      'workOrderId',
      'complaintLinkRefused',
      { problem: 'orderOtherCustomer' },
      'the order is another customer’s',
    );
  }
}

/**
 * A staff member named on a complaint: a user. The one it is about may have left since (disabled);
 * its owner must be able to work on it.
 */
export function requireStaff(q: Queryable, userId: string, path: 'staffUserId' | 'ownerId'): UserRecord {
  const user = findUser(q, userId);
  if (!user) throw fieldError(path, 'userNotFound', {}, 'user not found');
  if (path === 'ownerId' && user.disabled) {
    throw fieldError(path, 'technicianDisabled', {}, 'user is disabled');
  }
  return user;
}

/** The active users, by name: whom a complaint may be about, and who may own it. */
export function listComplaintStaff(q: Queryable) {
  return q
    .select({ id: users.id, displayName: users.displayName, role: users.role })
    .from(users)
    .where(eq(users.disabled, false))
    .orderBy(asc(users.displayName))
    .all();
}
