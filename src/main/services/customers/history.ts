import { and, desc, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { WorkOrderRow } from '@shared/schemas/workOrders';
import { customerPhones, workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { listWorkOrderRows, statusIsOpen } from '../workOrders/rows';

/** The primary phone (position 0) of the customer whose id is `customerId`, or ''. */
export function primaryPhoneOf(customerId: Column | SQL): SQL<string> {
  return sql<string>`coalesce((SELECT ${customerPhones.phone} FROM ${customerPhones}
    WHERE ${customerPhones.customerId} = ${customerId} ORDER BY ${customerPhones.position} LIMIT 1), '')`;
}

/**
 * The newest orders of a customer or a device, as the lists show them. The full list, with filters
 * and paging, is workOrders.list with customerId / deviceId; this is the detail page's summary.
 */
const HISTORY_LIMIT = 200;

export function workOrderHistory(
  q: Queryable,
  where: { customerId: string } | { deviceId: string },
  now: number,
): WorkOrderRow[] {
  const filter =
    'customerId' in where
      ? eq(workOrders.customerId, where.customerId)
      : eq(workOrders.deviceId, where.deviceId);
  return listWorkOrderRows(q, filter, [desc(workOrders.createdAt)], HISTORY_LIMIT, 0, now);
}

/** Open orders of a customer or a device (they block archiving), as conflict matches. */
export function openOrdersOf(
  q: Queryable,
  where: { customerId: string } | { deviceId: string },
): { id: string; label: string }[] {
  const filter =
    'customerId' in where
      ? eq(workOrders.customerId, where.customerId)
      : eq(workOrders.deviceId, where.deviceId);
  return q
    .select({ id: workOrders.id, label: workOrders.orderNo })
    .from(workOrders)
    .where(and(filter, statusIsOpen()))
    .orderBy(workOrders.createdAt)
    .all();
}
