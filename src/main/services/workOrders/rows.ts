import { and, asc, desc, eq, inArray, lt, notInArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { WorkOrderRow, WORK_ORDER_SORTS } from '@shared/schemas/workOrders';
import { OPEN_STATUSES, WORK_ORDER_STATUSES, isOnTheClock } from '@shared/workOrderStatus';
import { customerPhones, customers, devices, historyImportItems, users, workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedQuery } from '../preparedQuery';
import { partsArrivedSql } from './waits';

/**
 * The columns of one list row: the order with its customer, first phone, device and technician.
 * The phone is a correlated lookup on `customer_phones_customer` (customer_id, position); whether
 * its awaited parts have all arrived, two probes on `work_order_waits_order`.
 */
const workOrderRowSelect = {
  id: workOrders.id,
  orderNo: workOrders.orderNo,
  status: workOrders.status,
  customerId: workOrders.customerId,
  customerName: customers.name,
  customerPhone: sql<string | null>`(SELECT ${customerPhones.phone} FROM ${customerPhones}
    WHERE ${customerPhones.customerId} = ${workOrders.customerId}
    ORDER BY ${customerPhones.position} LIMIT 1)`,
  deviceId: workOrders.deviceId,
  deviceCategory: devices.category,
  deviceBrand: devices.brand,
  deviceModel: devices.model,
  serialNo: devices.serialNo,
  channel: workOrders.channel,
  serviceType: workOrders.serviceType,
  priority: workOrders.priority,
  warrantyStatus: workOrders.warrantyStatus,
  reportedFault: workOrders.reportedFault,
  technicianId: workOrders.technicianId,
  technicianName: users.displayName,
  promisedAt: workOrders.promisedAt,
  reworkOfId: workOrders.reworkOfId,
  partsArrived: partsArrivedSql,
  outcome: workOrders.outcome,
  recallAt: workOrders.recallAt,
  // One probe on history_import_items_entity.
  imported: sql<number>`EXISTS (SELECT 1 FROM ${historyImportItems} WHERE ${historyImportItems.entityId} = ${workOrders.id})`,
  createdAt: workOrders.createdAt,
  updatedAt: workOrders.updatedAt,
};

/** The joined query behind every row; add a `where` (and an order) to use it. */
function workOrderRowQuery(q: Queryable) {
  return q
    .select(workOrderRowSelect)
    .from(workOrders)
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .innerJoin(devices, eq(devices.id, workOrders.deviceId))
    .leftJoin(users, eq(users.id, workOrders.technicianId));
}

type SelectedRow = ReturnType<ReturnType<typeof workOrderRowQuery>['all']>[number];

/** "华为 Mate 60", or the category when brand and model are blank. */
export function deviceLabel(d: { category: string; brand: string; model: string }): string {
  return [d.brand, d.model].filter(Boolean).join(' ') || d.category;
}

/** On the promise's clock (open, not on hold) and past its promised date. */
export function isOverdue(o: { status: WorkOrderRow['status']; promisedAt: number }, now: number): boolean {
  return isOnTheClock(o.status) && o.promisedAt < now;
}

/** On hold and its recall date has come: time to call the customer back. */
export function isRecallDue(
  o: { status: WorkOrderRow['status']; recallAt: number | null },
  now: number,
): boolean {
  return o.status === 'onHold' && o.recallAt !== null && o.recallAt <= now;
}

function toWorkOrderRow(r: SelectedRow, now: number): WorkOrderRow {
  return {
    id: r.id,
    orderNo: r.orderNo,
    status: r.status,
    customerId: r.customerId,
    customerName: r.customerName,
    customerPhone: r.customerPhone ?? '',
    deviceId: r.deviceId,
    deviceLabel: deviceLabel({ category: r.deviceCategory, brand: r.deviceBrand, model: r.deviceModel }),
    serialNo: r.serialNo,
    channel: r.channel,
    serviceType: r.serviceType,
    priority: r.priority,
    warrantyStatus: r.warrantyStatus,
    reportedFault: r.reportedFault,
    technicianId: r.technicianId,
    technicianName: r.technicianName ?? null,
    promisedAt: r.promisedAt,
    overdue: isOverdue(r, now),
    isRework: r.reworkOfId !== null,
    partsArrived: Boolean(r.partsArrived),
    outcome: r.outcome,
    recallAt: r.recallAt,
    recallDue: isRecallDue(r, now),
    imported: Boolean(r.imported),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Full rows for these ids, in the order given (ids not found are skipped). */
export function workOrderRowsByIds(q: Queryable, ids: readonly string[], now: number): WorkOrderRow[] {
  if (ids.length === 0) return [];
  const found = workOrderRowQuery(q)
    .where(inArray(workOrders.id, [...ids]))
    .all();
  const byId = new Map(found.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r ? [toWorkOrderRow(r, now)] : [];
  });
}

const rowById = preparedQuery((q) =>
  workOrderRowQuery(q)
    .where(eq(workOrders.id, sql.placeholder('id')))
    .prepare(),
);

/** The full row of one order (an order's page reads it after every write). */
export function workOrderRowById(q: Queryable, id: string, now: number): WorkOrderRow | null {
  const r = rowById(q).get({ id });
  return r ? toWorkOrderRow(r, now) : null;
}

/**
 * One page of work-order rows. Shared by the work-order list and by the history lists of
 * customers.get and devices.get. `where` and `orderBy` may only name `work_orders` columns: the page
 * of ids is found on the orders table alone (so its indexes decide the plan), then the joins run for
 * those rows only.
 *
 *   listWorkOrderRows(db, eq(workOrders.customerId, id), [desc(workOrders.createdAt)], 100, 0, now)
 */
export function listWorkOrderRows(
  q: Queryable,
  where: SQL | undefined,
  orderBy: SQL[],
  limit: number,
  offset: number,
  now: number,
): WorkOrderRow[] {
  const ids = q
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(where)
    .orderBy(...orderBy, desc(workOrders.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((r) => r.id);
  return workOrderRowsByIds(q, ids, now);
}

/** Priority as a rank for sorting: low 0 < normal 1 < high 2 < urgent 3. */
const priorityRank = sql<number>`CASE ${workOrders.priority}
  WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END`;

/** ORDER BY terms for a list sort; ties fall back to the newest first, then the id. */
export function workOrderOrderBy(sort: (typeof WORK_ORDER_SORTS)[number], order: 'asc' | 'desc'): SQL[] {
  const dir = order === 'asc' ? asc : desc;
  switch (sort) {
    case 'priority':
      return [dir(priorityRank), desc(workOrders.createdAt)];
    case 'promisedAt':
      return [dir(workOrders.promisedAt), desc(workOrders.createdAt)];
    case 'updatedAt':
      return [dir(workOrders.updatedAt)];
    case 'orderNo':
      return [dir(workOrders.orderNo)];
    case 'createdAt':
      return [dir(workOrders.createdAt)];
  }
}

/**
 * `status IN ('received', …)`: the order is open. The one SQL form of OPEN_STATUSES; pass the
 * column as raw SQL reads it (`sql\`o.status\``) when the table has an alias.
 */
export function statusIsOpen(status: SQLWrapper = workOrders.status): SQL {
  return inArray(status, [...OPEN_STATUSES]);
}

/** The statuses whose orders run against their promise: open and not on hold (`isOnTheClock`). */
const ON_THE_CLOCK = WORK_ORDER_STATUSES.filter(isOnTheClock);

/** `status IN (…)`: the order is on the promise's clock; raw SQL as `statusIsOpen` takes it. */
export function statusOnTheClock(status: SQLWrapper = workOrders.status): SQL {
  return inArray(status, [...ON_THE_CLOCK]);
}

/** Orders on the clock past their promised date, as of `now`. */
export function overdueWhere(now: number): SQL {
  return and(statusOnTheClock(), lt(workOrders.promisedAt, now)) as SQL;
}

/** Everything that is not overdue: closed, on hold, or still within its promise. */
export function notOverdueWhere(now: number): SQL {
  return or(notInArray(workOrders.status, [...ON_THE_CLOCK]), sql`${workOrders.promisedAt} >= ${now}`) as SQL;
}
