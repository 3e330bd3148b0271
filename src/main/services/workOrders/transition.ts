import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { WorkOrderDetail } from '@shared/schemas/workOrders';
import { canTransition, needsApproval, needsReason, type WorkOrderStatus } from '@shared/workOrderStatus';
import type { MessageEvent } from '@shared/schemas/messageKinds';
import type { WorkOrderRecord } from '../../db/schema';
import type { CallContext } from '../context';
import { openFollowUpOnDelivery } from '../followUps/create';
import { servicePlansOnDelivery } from '../maintenance/plans';
import { enqueueMessages } from '../messages/enqueue';
import { requireSettledForDelivery } from '../settlements/delivery';
import { requireNoActiveSettlement } from '../settlements/records';
import { requireNoDepositDue } from '../settlements/depositRecords';
import { recordUpdate } from './events';
import { planHandover, recordHandover } from './handover';
import { loadOrder } from './lookups';
import { checkOutcomeFields, outcomeChanges } from './outcomes';
import { returnAllParts } from './parts';
import { updateOrder } from './update';
import { readDetail } from './read';
import { closeWaits, openWaits, type OpenedWait } from './waits';

/** The moves that tell the customer something (settings → 消息模板 decides whether and how). */
const MESSAGE_ON_STATUS: Partial<Record<WorkOrderStatus, MessageEvent>> = {
  quoted: 'quoteWaiting',
  awaitingParts: 'waitingParts',
  ready: 'readyForPickup',
};

/**
 * Move an order along the state machine in `src/shared/workOrderStatus.ts`, which alone decides
 * what is legal. A cancellation or a refusal needs its reason; leaving a quote for the bench needs
 * the customer's approval (who and how), kept on the order. Moving to awaiting parts records what the
 * order waits for (catalog parts, or a note saying what); leaving it closes those waits. Cancelling
 * puts every part line back on the shelf (refused while a settlement stands). Delivery needs the
 * order paid, or nothing owed, and its hand-over (交机, handover.ts) when the order left accessories or
 * the 交机 settings ask for a signature or the ticket. Giving up and parking take their own fields (outcomes.ts); an order
 * on hold resumes only to where it was parked. Parking an order that waits for parts closes its
 * waits like any move out of awaiting parts: a parked order does not hold stock on the shelf, and
 * resuming to awaiting parts says again what it waits for. Row, waits, stock, timeline and audit
 * change together.
 */
export function transitionWorkOrder(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.transition'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    const from = order.status;
    const to = input.to;
    if (!canTransition(from, to, order.heldFrom)) {
      throw new AppError(
        'transitionNotAllowed',
        { orderNo: order.orderNo, from, to },
        `cannot move work order ${order.orderNo} from ${from} to ${to}`,
      );
    }
    if (needsReason(to) && input.note === '') {
      throw fieldError('note', 'noteRequired', { to }, `a reason is required to move to ${to}`);
    }
    const approvalNeeded = needsApproval(from, to);
    if (approvalNeeded && !input.approval) {
      throw fieldError(
        'approval',
        'customerApprovalRequired',
        {},
        'the customer approval (who and how) is required to start the repair',
      );
    }
    if (!approvalNeeded && input.approval) {
      throw fieldError(
        'approval',
        'approvalNotTaken',
        { from, to },
        `no approval is taken when moving from ${from} to ${to}`,
      );
    }
    if (to !== 'awaitingParts' && input.waitingFor.length > 0) {
      throw fieldError(
        'waitingFor',
        'waitsOnlyForParts',
        {},
        'parts are waited for only when moving to awaiting parts',
      );
    }
    if (to === 'awaitingParts' && input.waitingFor.length === 0 && input.note === '') {
      throw fieldError('note', 'waitNeedsSomething', {}, 'say what the order waits for, or choose the parts');
    }
    checkOutcomeFields(tx, order, input, now());
    if (to === 'delivered') requireSettledForDelivery(tx, order);
    // After the payment check: an unpaid order is refused for that first, whatever was ticked.
    const handover = planHandover(tx, order, to, input.handover);
    // Cancelling puts the parts back on the shelf: not under a settlement that billed them.
    if (to === 'cancelled') requireNoActiveSettlement(tx, order.id, 'cancel');
    // The order ends with its deposit credited to the settlement or given back, none left over.
    if (to === 'delivered' || to === 'cancelled') requireNoDepositDue(tx, order);

    const at = now();
    const outcome = outcomeChanges(order, input, at);
    const patch: Partial<WorkOrderRecord> = { status: to, updatedAt: at, ...outcome.patch };
    if (approvalNeeded && input.approval) {
      patch.approvalBy = input.approval.by;
      patch.approvalMethod = input.approval.method;
      patch.approvalAt = at;
      patch.approvalRecordedBy = ctx.user?.id ?? null;
      // The quote the customer said yes to; settling later checks the bill against it.
      patch.approvedAmount = order.estimate;
    }
    if (to === 'cancelled') patch.cancelReason = input.note;
    if (to === 'ready') patch.readyAt = at;
    if (to === 'delivered') patch.deliveredAt = at;
    updateOrder(tx, order.id, patch);
    if (from === 'awaitingParts') closeWaits(tx, order.id, at);
    const waits: OpenedWait[] =
      to === 'awaitingParts' ? openWaits(tx, ctx, order.id, input.waitingFor, at) : [];

    const approval = input.approval
      ? { by: input.approval.by, method: input.approval.method, amount: order.estimate }
      : undefined;
    const data = {
      ...(approval ? { approval } : {}),
      ...(waits.length ? { waitingFor: waits } : {}),
      ...outcome.data,
    };
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'status',
        fromStatus: from,
        toStatus: to,
        note: input.note,
        data: Object.keys(data).length ? data : null,
      },
      {
        before: { status: from },
        after: { status: to, ...(input.note ? { note: input.note } : {}), ...data },
      },
    );
    if (handover) recordHandover(tx, ctx, order, handover, at);
    if (to === 'delivered') openFollowUpOnDelivery(tx, ctx, order.id, at);
    if (to === 'delivered') servicePlansOnDelivery(tx, order, outcome.patch.outcome ?? order.outcome, at);
    const event = MESSAGE_ON_STATUS[to];
    if (event) {
      enqueueMessages(tx, {
        event,
        customerId: order.customerId,
        workOrderId: order.id,
        occurrence: `${order.id}:${at}`,
        at,
        actor: ctx.user,
      });
    }
    if (to === 'cancelled') {
      const returned = returnAllParts(tx, ctx, order, input.note);
      if (returned) {
        recordUpdate(
          tx,
          {
            workOrderId: order.id,
            at,
            actor: ctx.user,
            kind: 'parts',
            data: { action: 'returnAll', ...returned },
          },
          { after: { partsReturned: returned } },
        );
      }
    }
    return readDetail(tx, order.id, ctx.user, at);
  });
}
