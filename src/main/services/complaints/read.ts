import { and, asc, count, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { nextComplaintStatuses } from '@shared/schemas/complaintKinds';
import type { ComplaintDetail, ComplaintRow } from '@shared/schemas/complaints';
import {
  complaintEvents,
  complaints,
  customerPhones,
  customers,
  payments,
  settlements,
  users,
  workOrders,
  type ComplaintRecord,
} from '../../db/schema';
import type { Queryable } from '../context';
import { inIdOrder } from '../inIdOrder';

const owner = alias(users, 'owner');
const staff = alias(users, 'staff');
const creator = alias(users, 'creator');
const stepUser = alias(users, 'step_user');

/** Still 已受理 past its first-response deadline: nobody has answered the customer yet. */
export function isFirstResponseOverdue(c: Pick<ComplaintRecord, 'status' | 'firstResponseDue'>, now: number) {
  return c.status === 'received' && now > c.firstResponseDue;
}

/** Not yet answered (待客户确认) nor closed or withdrawn, past its resolution deadline. */
export function isResolutionOverdue(c: Pick<ComplaintRecord, 'status' | 'resolutionDue'>, now: number) {
  return (c.status === 'received' || c.status === 'inProgress') && now > c.resolutionDue;
}

/** The same two rules in SQL, for the list's overdue filter (on `complaints_status`). */
function overdueSql(now: number): SQL | undefined {
  return or(
    and(eq(complaints.status, 'received'), lt(complaints.firstResponseDue, now)),
    and(inArray(complaints.status, ['received', 'inProgress']), lt(complaints.resolutionDue, now)),
  );
}

const rowSelect = {
  id: complaints.id,
  complaintNo: complaints.complaintNo,
  status: complaints.status,
  channel: complaints.channel,
  category: complaints.category,
  severity: complaints.severity,
  description: complaints.description,
  customerId: complaints.customerId,
  customerName: customers.name,
  customerPhone: sql<string | null>`(SELECT ${customerPhones.phone} FROM ${customerPhones}
    WHERE ${customerPhones.customerId} = ${complaints.customerId}
    ORDER BY ${customerPhones.position} LIMIT 1)`,
  workOrderId: complaints.workOrderId,
  orderNo: workOrders.orderNo,
  ownerId: complaints.ownerId,
  ownerName: owner.displayName,
  createdAt: complaints.createdAt,
  firstResponseDue: complaints.firstResponseDue,
  resolutionDue: complaints.resolutionDue,
  firstRespondedAt: complaints.firstRespondedAt,
  resolvedAt: complaints.resolvedAt,
  closedAt: complaints.closedAt,
};

function rowQuery(q: Queryable) {
  return q
    .select(rowSelect)
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .leftJoin(workOrders, eq(workOrders.id, complaints.workOrderId))
    .leftJoin(owner, eq(owner.id, complaints.ownerId));
}

type SelectedRow = ReturnType<ReturnType<typeof rowQuery>['all']>[number];

function toRow(r: SelectedRow, now: number): ComplaintRow {
  return {
    ...r,
    orderNo: r.orderNo ?? null,
    ownerName: r.ownerName ?? null,
    firstResponseOverdue: isFirstResponseOverdue(r, now),
    resolutionOverdue: isResolutionOverdue(r, now),
  };
}

export function loadComplaint(q: Queryable, id: string): ComplaintRecord {
  const found = q.select().from(complaints).where(eq(complaints.id, id)).get();
  if (!found) throw fieldError('id', 'complaintNotFound', {}, 'complaint not found');
  return found;
}

/**
 * Newest first. The search matches the complaint number (as typed, upper-cased), the customer's
 * name, or a phone of the customer (its digits anywhere).
 */
export function listComplaints(
  q: Queryable,
  input: ParsedInputOf<'complaints.list'>,
  now: number,
): OutputOf<'complaints.list'> {
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(complaints.status, input.status));
  if (input.severity) filters.push(eq(complaints.severity, input.severity));
  if (input.customerId) filters.push(eq(complaints.customerId, input.customerId));
  if (input.workOrderId) filters.push(eq(complaints.workOrderId, input.workOrderId));
  if (input.overdue) {
    const late = overdueSql(now);
    if (late) filters.push(late);
  }
  if (input.search) {
    const digits = input.search.replace(/\D/g, '');
    const match = or(
      sql`instr(${complaints.complaintNo}, ${input.search.toUpperCase()}) > 0`,
      sql`instr(${customers.name}, ${input.search}) > 0`,
      ...(digits.length >= 3
        ? [
            sql`EXISTS (SELECT 1 FROM ${customerPhones} WHERE ${customerPhones.customerId} = ${complaints.customerId}
              AND instr(${customerPhones.phone}, ${digits}) > 0)`,
          ]
        : []),
    );
    if (match) filters.push(match);
  }
  const where = filters.length ? and(...filters) : undefined;
  const total =
    q
      .select({ n: count() })
      .from(complaints)
      .innerJoin(customers, eq(customers.id, complaints.customerId))
      .where(where)
      .get()?.n ?? 0;
  const ids = q
    .select({ id: complaints.id })
    .from(complaints)
    .innerJoin(customers, eq(customers.id, complaints.customerId))
    .where(where)
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const rows = rowQuery(q)
    .where(inArray(complaints.id, ids))
    .all()
    .map((r) => toRow(r, now));
  return { total, rows: inIdOrder(ids, rows) };
}

/** The linked order's refunds (negative payments), newest first. */
function refundsOf(q: Queryable, workOrderId: string) {
  return q
    .select({
      id: payments.id,
      amount: payments.amount,
      at: payments.at,
      settlementNo: settlements.settlementNo,
    })
    .from(payments)
    .innerJoin(settlements, eq(settlements.id, payments.settlementId))
    .where(and(eq(settlements.workOrderId, workOrderId), lt(payments.amount, 0)))
    .orderBy(desc(payments.at), desc(payments.id))
    .all();
}

/** The linked order's rework orders (返修: reworkOfId = the order), newest first. */
function reworksOf(q: Queryable, workOrderId: string) {
  return q
    .select({ id: workOrders.id, orderNo: workOrders.orderNo, status: workOrders.status })
    .from(workOrders)
    .where(eq(workOrders.reworkOfId, workOrderId))
    .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
    .all();
}

function parseData(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  const value: unknown = JSON.parse(text);
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The complaint with its names, links, steps (oldest first) and what a resolution may link. */
export function readComplaint(q: Queryable, id: string, now: number): ComplaintDetail {
  const row = rowQuery(q).where(eq(complaints.id, id)).get();
  if (!row) throw fieldError('id', 'complaintNotFound', {}, 'complaint not found');
  const extra = q
    .select({
      record: complaints,
      staffName: staff.displayName,
      createdByName: creator.displayName,
    })
    .from(complaints)
    .leftJoin(staff, eq(staff.id, complaints.staffUserId))
    .leftJoin(creator, eq(creator.id, complaints.createdBy))
    .where(eq(complaints.id, id))
    .get();
  if (!extra) throw fieldError('id', 'complaintNotFound', {}, 'complaint not found');
  const c = extra.record;
  const steps = q
    .select({
      id: complaintEvents.id,
      at: complaintEvents.at,
      userName: sql<string | null>`coalesce(${stepUser.displayName}, ${complaintEvents.username})`,
      kind: complaintEvents.kind,
      fromStatus: complaintEvents.fromStatus,
      toStatus: complaintEvents.toStatus,
      note: complaintEvents.note,
      data: complaintEvents.data,
      terminalName: complaintEvents.terminalName,
    })
    .from(complaintEvents)
    .leftJoin(stepUser, eq(stepUser.id, complaintEvents.userId))
    .where(eq(complaintEvents.complaintId, id))
    .orderBy(asc(complaintEvents.at), asc(sql`${complaintEvents}.rowid`))
    .all()
    .map((s) => ({ ...s, data: parseData(s.data) }));
  const refundChoices = c.workOrderId ? refundsOf(q, c.workOrderId) : [];
  const reworkChoices = c.workOrderId ? reworksOf(q, c.workOrderId) : [];
  return {
    ...toRow(row, now),
    staffUserId: c.staffUserId,
    staffName: extra.staffName ?? null,
    createdByName: extra.createdByName ?? null,
    followUpId: c.followUpId,
    resolutionKind: c.resolutionKind,
    resolutionNote: c.resolutionNote,
    refund: refundChoices.find((r) => r.id === c.refundPaymentId) ?? null,
    rework: reworkChoices.find((r) => r.id === c.reworkOrderId) ?? null,
    compensationAmount: c.compensationAmount,
    confirmedBy: c.confirmedBy,
    confirmationNote: c.confirmationNote,
    confirmedAt: c.confirmedAt,
    version: c.version,
    nextStatuses: [...nextComplaintStatuses(c.status)],
    steps,
    refundChoices,
    reworkChoices,
  };
}
