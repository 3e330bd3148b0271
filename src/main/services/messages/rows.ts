import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { OutboxRow } from '@shared/schemas/messages';
import { customers, outboxMessages, users, workOrders } from '../../db/schema';
import type { Queryable } from '../context';

const columns = {
  row: outboxMessages,
  orderNo: workOrders.orderNo,
  customerName: customers.name,
  sentByName: users.displayName,
};

function base(q: Queryable) {
  return q
    .select(columns)
    .from(outboxMessages)
    .leftJoin(workOrders, eq(workOrders.id, outboxMessages.workOrderId))
    .innerJoin(customers, eq(customers.id, outboxMessages.customerId))
    .leftJoin(users, eq(users.id, outboxMessages.sentBy));
}

type Joined = {
  row: typeof outboxMessages.$inferSelect;
  orderNo: string | null;
  customerName: string;
  sentByName: string | null;
};

function toRow(j: Joined): OutboxRow {
  const r = j.row;
  return {
    id: r.id,
    workOrderId: r.workOrderId,
    orderNo: j.orderNo,
    customerId: r.customerId,
    customerName: j.customerName,
    event: r.event,
    channel: r.channel,
    recipient: r.recipient,
    text: r.text,
    state: r.state,
    reason: r.reason,
    providerReason: r.providerReason,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt,
    idempotencyKey: r.idempotencyKey,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    sentAt: r.sentAt,
    sentBy: j.sentByName ?? r.sentByName,
  };
}

export function readOutboxRow(q: Queryable, id: string): OutboxRow | null {
  const j = base(q).where(eq(outboxMessages.id, id)).get();
  return j ? toRow(j) : null;
}

export interface OutboxFilter {
  state?: OutboxRow['state'];
  channel?: OutboxRow['channel'];
  from?: number;
  to?: number;
  page: number;
  pageSize: number;
}

/** Newest first; `from`–`to` is the span the renderer picked, in epoch ms (to exclusive). */
export function listOutbox(q: Queryable, f: OutboxFilter): { total: number; rows: OutboxRow[] } {
  const where: SQL[] = [];
  if (f.state) where.push(eq(outboxMessages.state, f.state));
  if (f.channel) where.push(eq(outboxMessages.channel, f.channel));
  if (f.from !== undefined) where.push(gte(outboxMessages.createdAt, f.from));
  if (f.to !== undefined) where.push(lt(outboxMessages.createdAt, f.to));
  const cond = where.length ? and(...where) : undefined;
  const total = q.select({ n: count() }).from(outboxMessages).where(cond).get()?.n ?? 0;
  const rows = base(q)
    .where(cond)
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map(toRow);
  return { total, rows };
}

export function orderMessages(q: Queryable, workOrderId: string): OutboxRow[] {
  return base(q)
    .where(eq(outboxMessages.workOrderId, workOrderId))
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .all()
    .map(toRow);
}
