import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import type { DepositMethod } from '@shared/schemas/deposits';
import type { EventData, WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import { deposits, type UserRecord, type WorkOrderRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { loadOrder } from '../workOrders/lookups';
import { readDetail } from '../workOrders/read';
import { approverFor, requireApprover } from './approval';
import { requireDayOpen } from './dayClose';
import { activeSettlement, depositHeld, yuan } from './records';
import { touchOrder } from '../workOrders/update';

/**
 * 订金: money taken on an open order before it is settled, by any method that is money (on account
 * is not), counted in the day close on the day it is taken. A settlement credits what the order
 * holds, up to its total; what is held beyond that, or everything when the order ends without a
 * settlement (declined, unrepairable, cancelled), goes back as a refund: a negative row by one
 * method, never more than that method holds, with a reason and a manager's approval, like a
 * settlement's refund. Rows are append-only by trigger; each is on the timeline and in the log.
 */

interface DepositRow {
  method: DepositMethod;
  amount: number;
  reference: string;
  reason: string;
}

/** Append a deposit row, its timeline entry and its audit row; the order's updatedAt moves. */
function recordDeposit(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  row: DepositRow,
  at: number,
  approver: UserRecord | null,
): void {
  const businessDate = localDate(at);
  requireDayOpen(tx, businessDate);
  const record = {
    ...row,
    id: uuidv7(),
    workOrderId: order.id,
    businessDate,
    at,
    userId: ctx.user?.id ?? null,
    approvedBy: approver?.id ?? null,
  };
  tx.insert(deposits).values(record).run();
  touchOrder(tx, order.id, at);
  const fields = {
    depositId: record.id,
    method: row.method,
    amount: row.amount,
    held: depositHeld(tx, order.id),
  };
  // A refund always has its approver (refundDeposit requires one); a deposit taken has none.
  const data: EventData<'deposit'> = approver
    ? { action: 'refund', ...fields, approvedBy: { id: approver.id, username: approver.username } }
    : { action: 'take', ...fields };
  addEvent(tx, { workOrderId: order.id, at, actor: ctx.user, kind: 'deposit', note: row.reason, data });
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'create',
    entity: 'deposit',
    entityId: record.id,
    after: {
      ...data,
      orderNo: order.orderNo,
      businessDate,
      reference: row.reference,
      ...(row.reason ? { reason: row.reason } : {}),
    },
  });
}

/** A deposit is taken on an order that is open and not yet settled. */
function requireTakesDeposit(q: Queryable, order: WorkOrderRecord): void {
  if (!isOpen(order.status)) {
    throw fieldError(
      'id',
      'depositOrderClosed',
      { orderNo: order.orderNo, status: order.status },
      `work order ${order.orderNo} is ${order.status}; it takes no deposit`,
    );
  }
  const s = activeSettlement(q, order.id);
  if (s) {
    throw fieldError(
      'id',
      'depositOrderSettled',
      { orderNo: order.orderNo, settlementNo: s.settlementNo },
      `work order ${order.orderNo} has settlement ${s.settlementNo}; take payment on it`,
    );
  }
}

/** At intake: the new order's deposit, in the intake's transaction. */
export function takeDepositAtIntake(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  deposit: NonNullable<ParsedInputOf<'workOrders.create'>['deposit']>,
  at: number,
): void {
  recordDeposit(tx, ctx, order, { ...deposit, reason: '' }, at, null);
}

export function takeDeposit(ctx: CallContext, input: ParsedInputOf<'deposits.take'>): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const at = now();
    const order = loadOrder(tx, input.id);
    requireTakesDeposit(tx, order);
    const row = { method: input.method, amount: input.amount, reference: input.reference, reason: '' };
    recordDeposit(tx, ctx, order, row, at, null);
    return readDetail(tx, order.id, ctx.user, at);
  });
}

type RefundInput = ParsedInputOf<'deposits.refund'>;

/** What may go back by the method: what it holds, and with a settlement only what is above its credit. */
function planRefund(q: Queryable, input: RefundInput, at: number): WorkOrderRecord {
  const order = loadOrder(q, input.id);
  if (!isOpen(order.status)) {
    throw fieldError(
      'id',
      'depositOrderClosed',
      { orderNo: order.orderNo, status: order.status },
      `work order ${order.orderNo} is ${order.status}; its deposit is settled`,
    );
  }
  const credited = activeSettlement(q, order.id)?.depositCredited ?? 0;
  const refundable = Math.max(
    0,
    Math.min(depositHeld(q, order.id, input.method), depositHeld(q, order.id) - credited),
  );
  if (input.amount > refundable) {
    throw fieldError(
      'amount',
      'overDepositRefund',
      { method: input.method, refundable },
      `more than the deposit ${input.method} may give back, ${yuan(refundable)}`,
    );
  }
  requireDayOpen(q, localDate(at));
  return order;
}

/** The deposit (or part of it) back to the customer by one method, approved by a manager. */
export async function refundDeposit(ctx: CallContext, input: RefundInput): Promise<WorkOrderDetail> {
  const { db, now } = ctx.deps;
  planRefund(db, input, now());
  const approver = requireApprover(await approverFor(ctx, input.approval), 'refund', 'a deposit refund');
  return db.transaction((tx) => {
    const at = now();
    const order = planRefund(tx, input, at);
    const row = {
      method: input.method,
      amount: -input.amount,
      reference: input.reference,
      reason: input.reason,
    };
    recordDeposit(tx, ctx, order, row, at, approver);
    return readDetail(tx, order.id, ctx.user, at);
  });
}
