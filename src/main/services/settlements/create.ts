import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { Settlement, SettlementTotals } from '@shared/schemas/settlements';
import { isSettleable } from '@shared/workOrderStatus';
import type { EventData } from '@shared/schemas/workOrders';
import { settlementLines, settlements, type WorkOrderRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { readBilling } from '../settings';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { loadOrder } from '../workOrders/lookups';
import { requireQuoteCovers } from '../workOrders/quote';
import { approverFor, requireApprover } from './approval';
import { orderTotals } from './lines';
import { nextSettlementNo } from './numbers';
import { readSettlement } from './read';
import { activeSettlement, depositHeld } from './records';
import type { Totals } from './totals';
import { touchOrder } from '../workOrders/update';

/**
 * A settlement (结算单) is made from the order's lines as they stand, once the work is done or the
 * quote refused: in repair, in QC, ready, or declined. Its lines are copied in (the printed form
 * never changes under the customer) and the order's lines are frozen until it is voided. One
 * active settlement per order. A discount above the limit in the settings needs a manager. Lines
 * that outgrew the approved quote (beyond the tolerance) need the customer's renewed approval first.
 */

function withoutSources(t: Totals): SettlementTotals {
  return { ...t, lines: t.lines.map(({ sourceId: _source, ...l }) => l) };
}

export function previewSettlement(
  ctx: CallContext,
  input: ParsedInputOf<'settlements.preview'>,
): SettlementTotals {
  const { db } = ctx.deps;
  loadOrder(db, input.id);
  return withoutSources(orderTotals(db, input.id, input.discount));
}

type CreateInput = ParsedInputOf<'settlements.create'>;

function planCreate(q: Queryable, input: CreateInput): { order: WorkOrderRecord; totals: Totals } {
  const order = loadOrder(q, input.id);
  const existing = activeSettlement(q, order.id);
  if (existing) {
    const message = `work order ${order.orderNo} already has settlement ${existing.settlementNo}; void it first`;
    throw fieldError(
      'id',
      'alreadySettled',
      { orderNo: order.orderNo, settlementNo: existing.settlementNo },
      message,
    );
  }
  if (!isSettleable(order.status)) {
    const message = `work order ${order.orderNo} is ${order.status}; it is settled in repair, QC, ready or declined`;
    throw fieldError('id', 'notSettleable', { orderNo: order.orderNo, status: order.status }, message);
  }
  const totals = orderTotals(q, order.id, input.discount);
  if (totals.lines.length === 0) {
    const message = `work order ${order.orderNo} has no labor, fee or part lines to settle`;
    throw fieldError('id', 'nothingToSettle', { orderNo: order.orderNo }, message);
  }
  requireQuoteCovers(q, order, totals.subtotal);
  return { order, totals };
}

export async function createSettlement(ctx: CallContext, input: CreateInput): Promise<Settlement> {
  const { db, now } = ctx.deps;
  const first = planCreate(db, input);
  const approver = first.totals.discountNeedsApproval ? await approverFor(ctx, input.approval) : null;
  return db.transaction((tx) => {
    const { order, totals } = planCreate(tx, input);
    const limit = readBilling(tx).discountLimitPercent;
    const discountApprover = totals.discountNeedsApproval
      ? requireApprover(approver, 'discount', `a discount above ${limit}%`)
      : null;
    const at = now();
    const id = uuidv7();
    const settlementNo = nextSettlementNo(tx, at);
    // 订金 already paid counts toward the total; anything above it is owed back (a deposit refund).
    const depositCredited = Math.min(depositHeld(tx, order.id), totals.total);
    const deposit = depositCredited > 0 ? { deposit: depositCredited } : {};
    tx.insert(settlements)
      .values({
        id,
        settlementNo,
        workOrderId: order.id,
        status: 'active',
        subtotal: totals.subtotal,
        warrantyValue: totals.warrantyValue,
        discountType: totals.discountType,
        discountValue: totals.discountValue,
        discountAmount: totals.discountAmount,
        discountApprovedBy: discountApprover?.id ?? null,
        rounding: totals.rounding,
        total: totals.total,
        depositCredited,
        note: input.note,
        createdBy: ctx.user?.id ?? null,
        createdAt: at,
        voidedAt: null,
        voidedBy: null,
        voidReason: null,
      })
      .run();
    tx.insert(settlementLines)
      .values(totals.lines.map((l) => ({ ...l, id: uuidv7(), settlementId: id })))
      .run();
    touchOrder(tx, order.id, at);
    const approval = discountApprover
      ? { approvedBy: { id: discountApprover.id, username: discountApprover.username } }
      : {};
    const data = {
      action: 'create',
      settlementId: id,
      settlementNo,
      subtotal: totals.subtotal,
      discountAmount: totals.discountAmount,
      rounding: totals.rounding,
      total: totals.total,
      ...deposit,
      ...approval,
    } satisfies EventData<'settlement'>;
    addEvent(tx, { workOrderId: order.id, at, actor: ctx.user, kind: 'settlement', note: input.note, data });
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'settlement',
      entityId: id,
      after: {
        settlementNo,
        workOrderId: order.id,
        orderNo: order.orderNo,
        lines: totals.lines.length,
        subtotal: totals.subtotal,
        warrantyValue: totals.warrantyValue,
        discountType: totals.discountType,
        discountValue: totals.discountValue,
        discountAmount: totals.discountAmount,
        rounding: totals.rounding,
        total: totals.total,
        ...deposit,
        ...approval,
      },
    });
    return readSettlement(tx, id);
  });
}
