import { desc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { FollowUpRow } from '@shared/schemas/followUps';
import { complaints, customers, devices, followUpCalls, followUps, users, workOrders } from '../../db/schema';
import type { Queryable } from '../context';
import { phonesOf, type PhoneEntry } from '../customers/records';
import { deviceLabel } from '../workOrders/rows';

const rework = alias(workOrders, 'rework');

/** A follow-up with its order, customer (the order's, so a merge follows), device and what it opened. */
function rowQuery(q: Queryable) {
  return q
    .select({
      f: followUps,
      orderNo: workOrders.orderNo,
      serviceType: workOrders.serviceType,
      deliveredAt: workOrders.deliveredAt,
      outcome: workOrders.outcome,
      unrepairableReason: workOrders.unrepairableReason,
      diagnosis: workOrders.diagnosis,
      resolution: workOrders.resolution,
      customerId: customers.id,
      customerName: customers.name,
      category: devices.category,
      brand: devices.brand,
      model: devices.model,
      complaintNo: complaints.complaintNo,
      reworkOrderNo: rework.orderNo,
    })
    .from(followUps)
    .innerJoin(workOrders, eq(workOrders.id, followUps.workOrderId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .innerJoin(devices, eq(devices.id, workOrders.deviceId))
    .leftJoin(complaints, eq(complaints.id, followUps.complaintId))
    .leftJoin(rework, eq(rework.id, followUps.reworkOrderId));
}

type Selected = ReturnType<ReturnType<typeof rowQuery>['all']>[number];

/** The newest call of each follow-up, with the caller's display name. */
function lastCalls(q: Queryable, ids: string[]): Map<string, NonNullable<FollowUpRow['lastCall']>> {
  const calls = new Map<string, NonNullable<FollowUpRow['lastCall']>>();
  if (ids.length === 0) return calls;
  const rows = q
    .select({
      followUpId: followUpCalls.followUpId,
      at: followUpCalls.at,
      result: followUpCalls.result,
      note: followUpCalls.note,
      username: followUpCalls.username,
      displayName: users.displayName,
    })
    .from(followUpCalls)
    .leftJoin(users, eq(users.id, followUpCalls.userId))
    .where(inArray(followUpCalls.followUpId, ids))
    .orderBy(desc(followUpCalls.at), desc(followUpCalls.id))
    .all();
  for (const r of rows) {
    if (calls.has(r.followUpId)) continue;
    calls.set(r.followUpId, {
      at: r.at,
      result: r.result,
      note: r.note,
      by: r.displayName ?? r.username ?? '',
    });
  }
  return calls;
}

function toRow(
  r: Selected,
  phones: PhoneEntry[],
  lastCall: FollowUpRow['lastCall'],
  todayStart: number,
): FollowUpRow {
  const { f } = r;
  const scored = f.attitude !== null && f.quality !== null && f.timeliness !== null && f.price !== null;
  return {
    id: f.id,
    state: f.state,
    dueAt: f.dueAt,
    overdue: f.state === 'pending' && f.dueAt < todayStart,
    attempts: f.attempts,
    workOrderId: f.workOrderId,
    orderNo: r.orderNo,
    serviceType: r.serviceType,
    deliveredAt: r.deliveredAt,
    outcome: r.outcome,
    unrepairableReason: r.unrepairableReason,
    diagnosis: r.diagnosis,
    resolution: r.resolution,
    customerId: r.customerId,
    customerName: r.customerName,
    phones,
    deviceLabel: deviceLabel({ category: r.category, brand: r.brand, model: r.model }),
    scores: scored
      ? {
          attitude: f.attitude ?? 0,
          quality: f.quality ?? 0,
          timeliness: f.timeliness ?? 0,
          price: f.price ?? 0,
        }
      : null,
    comment: f.comment,
    problemUnsolved: f.problemUnsolved,
    complaintId: f.complaintId,
    complaintNo: r.complaintNo ?? null,
    reworkOrderId: f.reworkOrderId,
    reworkOrderNo: r.reworkOrderNo ?? null,
    doneAt: f.doneAt,
    lastCall,
  };
}

/** Rows for a where and an order, with their phones and last calls (a page's worth of queries). */
export function followUpRows(
  q: Queryable,
  where: SQL | undefined,
  orderBy: SQL[],
  limit: number,
  offset: number,
  todayStart: number,
): FollowUpRow[] {
  const selected = rowQuery(q)
    .where(where)
    .orderBy(...orderBy)
    .limit(limit)
    .offset(offset)
    .all();
  const calls = lastCalls(
    q,
    selected.map((r) => r.f.id),
  );
  const phones = new Map<string, PhoneEntry[]>();
  for (const r of selected)
    if (!phones.has(r.customerId)) phones.set(r.customerId, phonesOf(q, r.customerId));
  return selected.map((r) => toRow(r, phones.get(r.customerId) ?? [], calls.get(r.f.id) ?? null, todayStart));
}

export function followUpRow(q: Queryable, id: string, todayStart: number): FollowUpRow | null {
  return followUpRows(q, eq(followUps.id, id), [], 1, 0, todayStart)[0] ?? null;
}
