import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { OnsiteJob } from '@shared/schemas/onsite';
import {
  customerPhones,
  customers,
  devices,
  onsiteJobs,
  users,
  workOrderCharges,
  workOrders,
  type OnsiteJobRecord,
} from '../../db/schema';
import type { Queryable } from '../context';

/** The visiting technicians of a stored visit, lead first. */
export function visitorIds(job: Pick<OnsiteJobRecord, 'technicianIds'>): string[] {
  return JSON.parse(job.technicianIds) as string[];
}

/** Two windows of one day overlap when each starts before the other ends (HH:MM compares as text). */
function overlaps(a: OnsiteJob, b: OnsiteJob): boolean {
  return a.fromTime < b.toTime && b.fromTime < a.toTime;
}

/** For each visit, its technicians who have another visit overlapping it that day. */
function markConflicts(jobs: OnsiteJob[]): OnsiteJob[] {
  return jobs.map((job) => {
    const clash = new Set<string>();
    for (const other of jobs) {
      if (other.workOrderId === job.workOrderId || other.day !== job.day || !overlaps(job, other)) continue;
      for (const t of job.technicians) if (other.technicians.some((o) => o.id === t.id)) clash.add(t.id);
    }
    return { ...job, conflictWith: [...clash] };
  });
}

/** The visits matching `where` (a day, or one order), in window order, conflicts marked within the day. */
export function readJobs(q: Queryable, where: { day: string } | { workOrderId: string }): OnsiteJob[] {
  const rows = q
    .select({
      job: onsiteJobs,
      orderNo: workOrders.orderNo,
      status: workOrders.status,
      fault: workOrders.reportedFault,
      customerId: workOrders.customerId,
      customerName: customers.name,
      customerAddress: customers.address,
      category: devices.category,
      brand: devices.brand,
      model: devices.model,
      serialNo: devices.serialNo,
      travelFee: workOrderCharges.amount,
    })
    .from(onsiteJobs)
    .innerJoin(workOrders, eq(workOrders.id, onsiteJobs.workOrderId))
    .innerJoin(customers, eq(customers.id, workOrders.customerId))
    .innerJoin(devices, eq(devices.id, workOrders.deviceId))
    .leftJoin(
      workOrderCharges,
      and(eq(workOrderCharges.id, onsiteJobs.travelFeeLineId), isNull(workOrderCharges.removedAt)),
    )
    .where('day' in where ? eq(onsiteJobs.day, where.day) : eq(onsiteJobs.workOrderId, where.workOrderId))
    .orderBy(asc(onsiteJobs.fromTime), asc(onsiteJobs.toTime), asc(workOrders.orderNo))
    .all();
  const customerIds = [...new Set(rows.map((r) => r.customerId))];
  const phones = new Map<string, string[]>();
  if (customerIds.length > 0) {
    for (const p of q
      .select()
      .from(customerPhones)
      .where(inArray(customerPhones.customerId, customerIds))
      .orderBy(asc(customerPhones.position))
      .all()) {
      phones.set(p.customerId, [...(phones.get(p.customerId) ?? []), p.phone]);
    }
  }
  const techIds = [...new Set(rows.flatMap((r) => visitorIds(r.job)))];
  const names = new Map(
    techIds.length === 0
      ? []
      : q
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, techIds))
          .all()
          .map((u) => [u.id, u.name] as const),
  );
  const jobs = rows.map((r): OnsiteJob => ({
    workOrderId: r.job.workOrderId,
    orderNo: r.orderNo,
    status: r.status,
    customerName: r.customerName,
    phones: phones.get(r.customerId) ?? [],
    customerAddress: r.customerAddress,
    address: r.job.address,
    day: r.job.day,
    fromTime: r.job.fromTime,
    toTime: r.job.toTime,
    technicians: visitorIds(r.job).map((id) => ({ id, name: names.get(id) ?? '' })),
    travelFee: r.travelFee ?? null,
    device: [r.category, r.brand, r.model, r.serialNo && `SN ${r.serialNo}`].filter(Boolean).join(' '),
    fault: r.fault,
    arrivedAt: r.job.arrivedAt,
    finishedAt: r.job.finishedAt,
    conflictWith: [],
  }));
  if ('day' in where) return markConflicts(jobs);
  // One order's visit: its conflicts are with the rest of its day.
  const job = jobs[0];
  if (!job) return [];
  return readJobs(q, { day: job.day }).filter((j) => j.workOrderId === job.workOrderId);
}

export function readJob(q: Queryable, workOrderId: string): OnsiteJob | null {
  return readJobs(q, { workOrderId })[0] ?? null;
}

/** Display names of users by id, in the order given (a removed id reads as empty). */
export function userNames(q: Queryable, ids: readonly string[]): string[] {
  if (ids.length === 0) return [];
  const names = new Map(
    q
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...ids]))
      .all()
      .map((u) => [u.id, u.name] as const),
  );
  return ids.map((id) => names.get(id) ?? '');
}
