import { and, eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import type { PaymentMethod, Settlement } from '@shared/schemas/settlements';
import { payments, type PaymentRecord, type SettlementRecord, type UserRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { approverFor, requireApprover } from './approval';
import { requireDayOpen } from './dayClose';
import { loadSettlement, readSettlement } from './read';
import { paidOn, paymentStatusOf, yuan } from './records';
import { touchOrder } from '../workOrders/update';

/**
 * Money in (payments) and out (refunds) on a settlement. Several payments may share one settlement
 * until it is paid; none may take more than the balance. Cash records what was handed over and the
 * change. On account (挂账) and every refund need a manager. A refund is a negative payment by a
 * method, never more than that method has taken net. Rows are never updated: the payments table is
 * append-only by trigger. Each is counted on the day it was taken (its business date), which must
 * not be closed.
 */

/** An active settlement by id; a void one takes no more money. */
export function loadActiveSettlement(q: Queryable, id: string, path = 'settlementId'): SettlementRecord {
  const s = loadSettlement(q, id, path);
  if (s.status !== 'active') {
    throw fieldError(
      path,
      'settlementVoid',
      { settlementNo: s.settlementNo },
      `settlement ${s.settlementNo} is void`,
    );
  }
  return s;
}

/** Net taken by one method on the settlement (payments less refunds and reversals). */
export function netByMethod(q: Queryable, settlementId: string, method: PaymentMethod): number {
  return (
    q
      .select({ net: sql<number>`coalesce(sum(${payments.amount}), 0)` })
      .from(payments)
      .where(and(eq(payments.settlementId, settlementId), eq(payments.method, method)))
      .get()?.net ?? 0
  );
}

/** Append a payment row, its timeline entry on the order and its audit row. */
export function recordPayment(
  tx: Tx,
  ctx: CallContext,
  s: SettlementRecord,
  row: Omit<PaymentRecord, 'id' | 'settlementId' | 'userId' | 'approvedBy'>,
  action: 'pay' | 'refund' | 'voidReversal',
  approver: UserRecord | null,
): PaymentRecord {
  const record: PaymentRecord = {
    ...row,
    id: uuidv7(),
    settlementId: s.id,
    userId: ctx.user?.id ?? null,
    approvedBy: approver?.id ?? null,
  };
  tx.insert(payments).values(record).run();
  touchOrder(tx, s.workOrderId, row.at);
  const paid = paidOn(tx, s);
  const facts = {
    settlementId: s.id,
    settlementNo: s.settlementNo,
    paymentId: record.id,
    method: record.method,
    amount: record.amount,
    // Change is given only on cash handed over, so `tendered` is set whenever `change` is.
    ...(record.change && record.tendered !== null
      ? { tendered: record.tendered, change: record.change }
      : {}),
    ...(record.reason ? { reason: record.reason } : {}),
    ...(approver ? { approvedBy: { id: approver.id, username: approver.username } } : {}),
    paid,
    paymentStatus: paymentStatusOf(s.total, paid),
  };
  // A void's reversals are logged with the void itself.
  if (action !== 'voidReversal') {
    const data = { action, ...facts };
    addEvent(tx, { workOrderId: s.workOrderId, at: row.at, actor: ctx.user, kind: 'settlement', data });
  }
  writeAudit(tx, {
    at: row.at,
    actor: actorOf(ctx.user),
    action: 'create',
    entity: 'payment',
    entityId: record.id,
    after: { action, ...facts, businessDate: record.businessDate, reference: record.reference },
  });
  return record;
}

// ── pay ──────────────────────────────────────────────────────────────────────────────────
type PayInput = ParsedInputOf<'settlements.pay'>;

function planPay(q: Queryable, input: PayInput, at: number) {
  const s = loadActiveSettlement(q, input.settlementId);
  const balance = s.total - paidOn(q, s);
  if (input.amount > balance) {
    throw fieldError('amount', 'overBalance', { balance }, `more than the balance due of ${yuan(balance)}`);
  }
  if (input.method !== 'cash' && input.tendered !== undefined) {
    throw fieldError('tendered', 'tenderedNotCash', {}, 'only cash is handed over with change');
  }
  const tendered = input.method === 'cash' ? (input.tendered ?? input.amount) : null;
  if (tendered !== null && tendered < input.amount) {
    throw fieldError(
      'tendered',
      'tenderedLow',
      { amount: input.amount },
      `less than the amount of ${yuan(input.amount)}`,
    );
  }
  const businessDate = localDate(at);
  requireDayOpen(q, businessDate);
  return { s, tendered, change: tendered === null ? null : tendered - input.amount, businessDate };
}

export async function paySettlement(ctx: CallContext, input: PayInput): Promise<Settlement> {
  const { db, now } = ctx.deps;
  planPay(db, input, now());
  const onAccount = input.method === 'onAccount';
  const approver = onAccount
    ? requireApprover(await approverFor(ctx, input.approval), 'onAccount', 'on account (挂账)')
    : null;
  return db.transaction((tx) => {
    const at = now();
    const { s, tendered, change, businessDate } = planPay(tx, input, at);
    recordPayment(
      tx,
      ctx,
      s,
      {
        method: input.method,
        amount: input.amount,
        tendered,
        change,
        reference: input.reference,
        reason: '',
        businessDate,
        at,
        reversesId: null,
      },
      'pay',
      approver,
    );
    return readSettlement(tx, s.id);
  });
}

// ── refund ───────────────────────────────────────────────────────────────────────────────
type RefundInput = ParsedInputOf<'settlements.refund'>;

function planRefund(q: Queryable, input: RefundInput, at: number) {
  const s = loadActiveSettlement(q, input.settlementId);
  const net = netByMethod(q, s.id, input.method);
  if (input.amount > net) {
    throw fieldError(
      'amount',
      'overRefund',
      { method: input.method, net },
      `more than was taken by ${input.method} on this settlement, ${yuan(net)}`,
    );
  }
  const businessDate = localDate(at);
  requireDayOpen(q, businessDate);
  return { s, businessDate };
}

/** Money back to the customer by one method, with a reason, approved by a manager. */
export async function refundSettlement(ctx: CallContext, input: RefundInput): Promise<Settlement> {
  const { db, now } = ctx.deps;
  planRefund(db, input, now());
  const approver = requireApprover(await approverFor(ctx, input.approval), 'refund', 'a refund');
  return db.transaction((tx) => {
    const at = now();
    const { s, businessDate } = planRefund(tx, input, at);
    recordPayment(
      tx,
      ctx,
      s,
      {
        method: input.method,
        amount: -input.amount,
        tendered: null,
        change: null,
        reference: input.reference,
        reason: input.reason,
        businessDate,
        at,
        reversesId: null,
      },
      'refund',
      approver,
    );
    return readSettlement(tx, s.id);
  });
}
