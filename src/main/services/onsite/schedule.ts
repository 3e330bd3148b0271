import { eq } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { OnsiteOfOrder } from '@shared/schemas/onsite';
import type { EventData } from '@shared/schemas/workOrders';
import { onsiteJobs, type WorkOrderRecord } from '../../db/schema';
import { changedFields } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { recordUpdate } from '../workOrders/events';
import { requireTechnician } from '../workOrders/lookups';
import { loadVisit, requireOnsiteOrder } from './lookups';
import { applyTravelFee, travelFeeLine } from './travelFee';
import { userNames, visitorIds } from './read';
import { onsiteOfOrder } from './views';
import { touchOrder } from '../workOrders/update';

/**
 * Setting and changing a visit. Only an open order whose channel is 上门 takes one; the window must
 * end after it starts; every technician must be one who can be assigned orders. Each change is one
 * timeline entry (schedule the first time, change after) and one audit row; the travel fee moves its
 * fee line in the same transaction.
 */

/** Names of the technicians, checked; in the order given (the first is the lead). */
function technicianNames(q: Queryable, ids: readonly string[], prefix = ''): string[] {
  return ids.map((id, i) => requireTechnician(q, id, `${prefix}technicianIds.${i}`).displayName);
}

function touch(tx: Tx, order: WorkOrderRecord, at: number): void {
  touchOrder(tx, order.id, at);
}

type SetInput = ParsedInputOf<'onsite.set'>;
/** A visit's fields, as the intake takes them with a new 上门 order. */
export type VisitValues = Omit<SetInput, 'id'>;

/** `prefix` names the fields where the visit sits in the input (`onsite.` at intake). */
function requireWindow(values: VisitValues, prefix = ''): void {
  if (values.toTime <= values.fromTime) {
    throw fieldError(`${prefix}toTime`, 'onsiteWindowInvalid', {}, 'the window must end after it starts');
  }
}

function afterOf(values: VisitValues, technicians: string[]) {
  return {
    address: values.address,
    day: values.day,
    fromTime: values.fromTime,
    toTime: values.toTime,
    technicians,
    travelFee: values.travelFee,
  };
}

/**
 * The first visit of an 上门 order, in the caller's transaction (onsite.set, or the intake that
 * creates the order with it): checks, the travel-fee line, the row, the schedule entry and audit.
 */
export function scheduleVisit(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  values: VisitValues,
  at: number,
  prefix = '',
): void {
  requireWindow(values, prefix);
  const technicians = technicianNames(tx, values.technicianIds, prefix);
  const lineId = applyTravelFee(tx, ctx, order, null, values.travelFee, at);
  tx.insert(onsiteJobs)
    .values({
      workOrderId: order.id,
      address: values.address,
      day: values.day,
      fromTime: values.fromTime,
      toTime: values.toTime,
      technicianIds: JSON.stringify(values.technicianIds),
      travelFeeLineId: lineId,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  const after = afterOf(values, technicians);
  const data = { action: 'schedule', ...after } satisfies EventData<'onsite'>;
  recordUpdate(
    tx,
    { workOrderId: order.id, at, actor: ctx.user, kind: 'onsite', data },
    { after: { onsite: { ...after, technicianIds: values.technicianIds } } },
  );
}

export function setOnsite(ctx: CallContext, input: SetInput): OnsiteOfOrder {
  return ctx.deps.db.transaction((tx) => {
    const order = requireOnsiteOrder(tx, input.id);
    const existing = tx.select().from(onsiteJobs).where(eq(onsiteJobs.workOrderId, order.id)).get();
    const at = ctx.deps.now();
    if (!existing) {
      scheduleVisit(tx, ctx, order, input, at);
      touch(tx, order, at);
      return onsiteOfOrder(tx, order.id);
    }
    requireWindow(input);
    const technicians = technicianNames(tx, input.technicianIds);
    const line = travelFeeLine(tx, existing.travelFeeLineId);
    const after = afterOf(input, technicians);
    const before = {
      address: existing.address,
      day: existing.day,
      fromTime: existing.fromTime,
      toTime: existing.toTime,
      technicians: userNames(tx, visitorIds(existing)),
      travelFee: line?.amount ?? 0,
    };
    const ids = JSON.stringify(input.technicianIds);
    const diff = changedFields(before, after);
    if (!diff && existing.technicianIds === ids) return onsiteOfOrder(tx, order.id);
    const lineId = applyTravelFee(tx, ctx, order, line, input.travelFee, at);
    tx.update(onsiteJobs)
      .set({
        address: input.address,
        day: input.day,
        fromTime: input.fromTime,
        toTime: input.toTime,
        technicianIds: ids,
        travelFeeLineId: lineId,
        updatedAt: at,
      })
      .where(eq(onsiteJobs.workOrderId, order.id))
      .run();
    touch(tx, order, at);
    // The same names in another order (the lead changed) still say who goes now.
    const changed = diff ?? { before: { technicians: before.technicians }, after: { technicians } };
    const data = {
      action: 'change',
      fields: (Object.keys(changed.after) as (keyof typeof after)[]).filter((k) => k in after),
      ...changed,
    } satisfies EventData<'onsite'>;
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'onsite', data },
      { before: { onsite: changed.before }, after: { onsite: changed.after } },
    );
    return onsiteOfOrder(tx, order.id);
  });
}

/** The board's reassign (a drag, or the menu): the visit's technicians as a whole list. */
export function assignOnsite(ctx: CallContext, input: ParsedInputOf<'onsite.assign'>): OnsiteOfOrder {
  return ctx.deps.db.transaction((tx) => {
    const order = requireOnsiteOrder(tx, input.id);
    const job = loadVisit(tx, order);
    const technicians = technicianNames(tx, input.technicianIds);
    const ids = JSON.stringify(input.technicianIds);
    if (ids === job.technicianIds) return onsiteOfOrder(tx, order.id);
    const before = userNames(tx, visitorIds(job));
    const at = ctx.deps.now();
    tx.update(onsiteJobs)
      .set({ technicianIds: ids, updatedAt: at })
      .where(eq(onsiteJobs.workOrderId, order.id))
      .run();
    touch(tx, order, at);
    const data = {
      action: 'change',
      fields: ['technicians'],
      before: { technicians: before },
      after: { technicians },
    } satisfies EventData<'onsite'>;
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'onsite', data },
      {
        before: { onsite: { technicianIds: visitorIds(job) } },
        after: { onsite: { technicianIds: input.technicianIds } },
      },
    );
    return onsiteOfOrder(tx, order.id);
  });
}
