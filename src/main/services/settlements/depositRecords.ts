import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fieldError } from '@shared/errors';
import { DEPOSIT_METHODS, type DepositSummary } from '@shared/schemas/deposits';
import { deposits, users, type WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedQuery } from '../preparedQuery';
import { activeSettlement, depositHeld, yuan } from './records';

/**
 * The reads about an order's 订金 that work orders need too (its detail, closing it). No imports
 * from workOrders, so work orders can use these.
 */

const taker = alias(users, 'deposit_taker');
const approver = alias(users, 'deposit_approver');

const entriesQuery = preparedQuery((q) =>
  q
    .select({
      id: deposits.id,
      method: deposits.method,
      amount: deposits.amount,
      reference: deposits.reference,
      reason: deposits.reason,
      businessDate: deposits.businessDate,
      at: deposits.at,
      userName: taker.displayName,
      approvedByName: approver.displayName,
    })
    .from(deposits)
    .leftJoin(taker, eq(taker.id, deposits.userId))
    .leftJoin(approver, eq(approver.id, deposits.approvedBy))
    .where(eq(deposits.workOrderId, sql.placeholder('id')))
    .orderBy(asc(deposits.at), asc(deposits.id))
    .prepare(),
);

/** Held, credited to the active settlement, owed back, by method, and every entry oldest first. */
export function depositSummaryOf(q: Queryable, workOrderId: string): DepositSummary {
  const entries = entriesQuery(q).all({ id: workOrderId });
  const held = entries.reduce((s, e) => s + e.amount, 0);
  const credited = activeSettlement(q, workOrderId)?.depositCredited ?? 0;
  const byMethod = DEPOSIT_METHODS.flatMap((method) => {
    const amount = entries.filter((e) => e.method === method).reduce((s, e) => s + e.amount, 0);
    return amount > 0 ? [{ method, amount }] : [];
  });
  return { held, credited, refundDue: held - credited, byMethod, entries };
}

/**
 * An order ends (delivered, cancelled) only when its deposit is accounted for: credited to its
 * settlement, or given back. Anything held beyond that is the customer's money still in the till.
 */
export function requireNoDepositDue(q: Queryable, order: WorkOrderRecord): void {
  const held = depositHeld(q, order.id);
  if (held === 0) return;
  const due = held - (activeSettlement(q, order.id)?.depositCredited ?? 0);
  if (due <= 0) return;
  throw fieldError(
    'deposit',
    'depositStillHeld',
    { orderNo: order.orderNo, amount: due },
    `work order ${order.orderNo} still holds a deposit of ${yuan(due)}; refund it first`,
  );
}
