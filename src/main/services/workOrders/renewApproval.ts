import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import type { CallContext } from '../context';
import { requireNoActiveSettlement, yuan } from '../settlements/records';
import { recordUpdate } from './events';
import { loadOrder, requireOpen } from './lookups';
import { readDetail } from './read';
import { updateOrder } from './update';

/**
 * The customer approves a new amount after the lines outgrew the approved quote (who, how; the
 * server's time and the recorder), like the first approval. The amount becomes the approved quote
 * and the current estimate. Refused on a closed order, on one that never had an approved quote (its
 * first approval is taken when it leaves 待确认), under a standing settlement (its lines are frozen),
 * and for an amount not above the one approved. Row, timeline and audit change together.
 */
export function renewApproval(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.renewApproval'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    requireOpen(order);
    const approved = order.approvedAmount;
    if (approved === null) {
      throw fieldError(
        'id',
        'noApprovedQuote',
        { orderNo: order.orderNo },
        `work order ${order.orderNo} has no approved quote to renew`,
      );
    }
    requireNoActiveSettlement(tx, order.id, 'quote');
    if (input.amount <= approved) {
      throw fieldError(
        'amount',
        'renewNotAbove',
        { approved },
        `the new amount must be above the approved quote of ${yuan(approved)}`,
      );
    }

    const at = now();
    const before = {
      approvedAmount: approved,
      estimate: order.estimate,
      approvalBy: order.approvalBy,
      approvalMethod: order.approvalMethod,
      approvalAt: order.approvalAt,
    };
    const after = {
      approvedAmount: input.amount,
      estimate: input.amount,
      approvalBy: input.approval.by,
      approvalMethod: input.approval.method,
      approvalAt: at,
    };
    updateOrder(tx, order.id, { ...after, approvalRecordedBy: ctx.user?.id ?? null, updatedAt: at });
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'approval',
        note: input.note,
        data: { approval: input.approval, amount: input.amount, previous: approved },
      },
      { before, after: { ...after, ...(input.note ? { note: input.note } : {}) } },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}
