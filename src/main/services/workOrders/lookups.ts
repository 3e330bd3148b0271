import { AppError, fieldError } from '@shared/errors';
import { isOpen } from '@shared/workOrderStatus';
import { workOrders, type UserRecord, type WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedRowById } from '../preparedQuery';
import { findUser } from '../users';

/** Roles that can be given a work order. */
export const TECHNICIAN_ROLES = ['technician', 'manager', 'admin'] as const;

const orderById = preparedRowById(workOrders);

export function loadOrder(q: Queryable, id: string): WorkOrderRecord {
  const order = orderById(q, id);
  if (!order) {
    throw fieldError('id', 'workOrderNotFound', {}, 'work order not found');
  }
  return order;
}

/** Delivered and cancelled orders are history: their fields, technician and warranty stay as they were. */
export function requireOpen(order: WorkOrderRecord): void {
  if (!isOpen(order.status)) {
    throw new AppError(
      'orderClosedToEdits',
      { orderNo: order.orderNo, status: order.status },
      `work order ${order.orderNo} is ${order.status} and closed to edits`,
    );
  }
}

/** An active user who may be assigned orders; NOT_FOUND or VALIDATION on `path` otherwise. */
export function requireTechnician(q: Queryable, id: string, path = 'technicianId'): UserRecord {
  const user = findUser(q, id);
  if (!user) {
    throw fieldError(path, 'userNotFound', {}, 'technician not found');
  }
  if (user.disabled) throw fieldError(path, 'technicianDisabled', {}, 'user is disabled');
  if (!(TECHNICIAN_ROLES as readonly string[]).includes(user.role)) {
    throw fieldError(
      path,
      'notATechnician',
      { role: user.role },
      `a ${user.role} cannot be assigned work orders`,
    );
  }
  return user;
}

/** Accessory keys without repeats, in the checklist's order. */
export function normalizeAccessories<T extends string>(list: readonly T[], order: readonly T[]): T[] {
  return order.filter((key) => list.includes(key));
}
