import { and, count, eq, isNull } from 'drizzle-orm';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { EventData } from '@shared/schemas/workOrders';
import { outcomeOfMove, type WorkOrderStatus } from '@shared/workOrderStatus';
import { workOrderParts, type WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';

type TransitionInput = ParsedInputOf<'workOrders.transition'>;

/**
 * The fields only giving up (→ unrepairable: its reason) and parking (→ onHold: the recall date)
 * take. Each is required on its own move and refused on every other; the recall date may not be
 * before now on the server's clock. A device is not given back unrepaired with parts still issued
 * to it: those lines go back to the shelf first (or, if really used up, the order is billed and
 * goes on), so the stock and the bill say what happened to them.
 */
export function checkOutcomeFields(
  q: Queryable,
  order: WorkOrderRecord,
  input: TransitionInput,
  now: number,
): void {
  const to = input.to;
  if (to !== 'unrepairable' && input.unrepairableReason !== undefined) {
    throw fieldError(
      'unrepairableReason',
      'outcomeFieldsNotTaken',
      { to },
      `no reason code is taken moving to ${to}`,
    );
  }
  if (to !== 'onHold' && input.recallAt !== undefined) {
    throw fieldError('recallAt', 'outcomeFieldsNotTaken', { to }, `no recall date is taken moving to ${to}`);
  }
  if (to === 'unrepairable') {
    if (input.unrepairableReason === undefined) {
      throw fieldError(
        'unrepairableReason',
        'unrepairableReasonRequired',
        {},
        'say why it cannot be repaired',
      );
    }
    const lines =
      q
        .select({ n: count() })
        .from(workOrderParts)
        .where(and(eq(workOrderParts.workOrderId, order.id), isNull(workOrderParts.removedAt)))
        .get()?.n ?? 0;
    if (lines > 0) {
      throw new AppError(
        'unrepairablePartsIssued',
        { orderNo: order.orderNo, lines },
        `work order ${order.orderNo} still has ${lines} part line(s) issued`,
      );
    }
  }
  if (to === 'onHold') {
    if (input.recallAt === undefined) {
      throw fieldError('recallAt', 'recallAtRequired', {}, 'say when to call the customer back');
    }
    if (input.recallAt < now) {
      throw fieldError('recallAt', 'recallAtPast', {}, 'the recall date is in the past');
    }
  }
}

/**
 * What a move changes on the order besides its status, and what its status event records: the
 * outcome the move decides, the reason for giving up, the first diagnosis time, parking (the status
 * it came from, why, since when, when to call back) and resuming (the hold cleared, the promise moved
 * on by the time parked, so the wait for the customer does not count against the shop).
 */
export function outcomeChanges(
  order: WorkOrderRecord,
  input: TransitionInput,
  at: number,
): { patch: Partial<WorkOrderRecord>; data: NonNullable<EventData<'status'>> } {
  const from: WorkOrderStatus = order.status;
  const to = input.to;
  const patch: Partial<WorkOrderRecord> = {};
  const data: NonNullable<EventData<'status'>> = {};
  const outcome = outcomeOfMove(from, to);
  if (outcome) patch.outcome = outcome;
  // A device given up on and then cancelled ends cancelled: the reason stays on the timeline only.
  if (outcome && outcome !== 'unrepairable') patch.unrepairableReason = null;
  if (to === 'unrepairable' && input.unrepairableReason) {
    patch.unrepairableReason = input.unrepairableReason;
    data.unrepairableReason = input.unrepairableReason;
  }
  if (from === 'diagnosing' && order.diagnosedAt === null) patch.diagnosedAt = at;
  if (to === 'onHold' && input.recallAt !== undefined) {
    patch.heldFrom = from;
    patch.holdReason = input.note;
    patch.heldAt = at;
    patch.recallAt = input.recallAt;
    data.recallAt = input.recallAt;
  }
  if (from === 'onHold') {
    patch.heldFrom = null;
    patch.holdReason = null;
    patch.heldAt = null;
    patch.recallAt = null;
    if (to === order.heldFrom && order.heldAt !== null) {
      patch.promisedAt = order.promisedAt + Math.max(0, at - order.heldAt);
      data.promisedAt = patch.promisedAt;
    }
  }
  return { patch, data };
}
