import { and, eq, sql } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { DepositMethod } from '@shared/schemas/deposits';
import type { PaymentStatus } from '@shared/schemas/settlements';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { deposits, payments, settlements, type SettlementRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedQuery } from '../preparedQuery';

/**
 * The small reads other areas need about settlements: the order's active settlement, what has
 * been paid on it, its payment status. No imports from workOrders, so work orders can use these.
 */

/** 123450 fen as "1234.50", for messages. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const activeQuery = preparedQuery((q) =>
  q
    .select()
    .from(settlements)
    .where(and(eq(settlements.workOrderId, sql.placeholder('id')), eq(settlements.status, 'active')))
    .prepare(),
);

export function activeSettlement(q: Queryable, workOrderId: string): SettlementRecord | undefined {
  return activeQuery(q).get({ id: workOrderId });
}

const paidQuery = preparedQuery((q) =>
  q
    .select({ paid: sql<number>`coalesce(sum(${payments.amount}), 0)` })
    .from(payments)
    .where(eq(payments.settlementId, sql.placeholder('id')))
    .prepare(),
);

type Paid = Pick<SettlementRecord, 'id' | 'status' | 'depositCredited'>;

/**
 * Net of every payment, refund and reversal on the settlement, and the deposit credited to it while
 * it stands (fen). A void settlement gives its credit back to the order's deposit.
 */
export function paidOn(q: Queryable, s: Paid): number {
  const taken = paidQuery(q).get({ id: s.id })?.paid ?? 0;
  return taken + (s.status === 'active' ? s.depositCredited : 0);
}

/** 订金 the order holds: taken less given back (fen). */
export function depositHeld(q: Queryable, workOrderId: string, method?: DepositMethod): number {
  const where = method
    ? and(eq(deposits.workOrderId, workOrderId), eq(deposits.method, method))
    : eq(deposits.workOrderId, workOrderId);
  return (
    q
      .select({ held: sql<number>`coalesce(sum(${deposits.amount}), 0)` })
      .from(deposits)
      .where(where)
      .get()?.held ?? 0
  );
}

/** Nothing due or all of it paid (on account counts) → paid; some → partly paid; none → unpaid. */
export function paymentStatusOf(total: number, paid: number): PaymentStatus {
  if (total === 0 || paid >= total) return 'paid';
  return paid > 0 ? 'partlyPaid' : 'unpaid';
}

/** What the order's detail shows: its active settlement's number, status and money, or null. */
export function settlementSummaryOf(q: Queryable, workOrderId: string): WorkOrderDetail['settlement'] {
  const s = activeSettlement(q, workOrderId);
  if (!s) return null;
  const paid = paidOn(q, s);
  return {
    id: s.id,
    settlementNo: s.settlementNo,
    status: s.status,
    paymentStatus: paymentStatusOf(s.total, paid),
    total: s.total,
    paid,
    balance: s.total - paid,
  };
}

/**
 * The order's billable lines are frozen while an active settlement stands on them: the printed
 * form and the money taken must keep matching. Void the settlement to change them.
 */
export function requireNoActiveSettlement(
  q: Queryable,
  workOrderId: string,
  change: 'charges' | 'parts' | 'quote' | 'cancel',
): void {
  const s = activeSettlement(q, workOrderId);
  if (!s) return;
  const { settlementNo } = s;
  if (change === 'cancel') {
    const message = `settlement ${settlementNo} stands on this order; void it before cancelling the order`;
    throw fieldError('settlement', 'settlementBlocksCancel', { settlementNo }, message);
  }
  const what = change === 'quote' ? 'approving a new amount' : `changing its ${change}`;
  const message = `settlement ${settlementNo} stands on this order; void it before ${what}`;
  throw fieldError('settlement', 'settlementLocksOrder', { settlementNo, change }, message);
}
