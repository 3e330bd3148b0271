import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import { isOpen } from '@shared/workOrderStatus';
import { users, workOrders, type UserRecord, type WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';

/** Roles that can be given a work order. */
export const TECHNICIAN_ROLES = ['technician', 'manager', 'admin'] as const;

export function invalid(path: string, message: string): AppError {
  return new AppError('VALIDATION', message, { fields: [{ path, message }] });
}

export function loadOrder(q: Queryable, id: string): WorkOrderRecord {
  const order = q.select().from(workOrders).where(eq(workOrders.id, id)).get();
  if (!order) {
    throw new AppError('NOT_FOUND', 'work order not found', {
      fields: [{ path: 'id', message: 'not found' }],
    });
  }
  return order;
}

/** Delivered and cancelled orders are history: their fields, technician and warranty stay as they were. */
export function requireOpen(order: WorkOrderRecord): void {
  if (!isOpen(order.status)) {
    throw new AppError(
      'INVALID_TRANSITION',
      `work order ${order.orderNo} is ${order.status} and closed to edits`,
    );
  }
}

/** An active user who may be assigned orders; NOT_FOUND or VALIDATION on `path` otherwise. */
export function requireTechnician(q: Queryable, id: string, path = 'technicianId'): UserRecord {
  const user = q.select().from(users).where(eq(users.id, id)).get();
  if (!user) {
    throw new AppError('NOT_FOUND', 'technician not found', { fields: [{ path, message: 'not found' }] });
  }
  if (user.disabled) throw invalid(path, 'user is disabled');
  if (!(TECHNICIAN_ROLES as readonly string[]).includes(user.role)) {
    throw invalid(path, `a ${user.role} cannot be assigned work orders`);
  }
  return user;
}

/** Accessory keys without repeats, in the checklist's order. */
export function normalizeAccessories<T extends string>(list: readonly T[], order: readonly T[]): T[] {
  return order.filter((key) => list.includes(key));
}
