import { eq } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { ACCESSORIES, EDIT_FIELDS, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { users, type WorkOrderRecord } from '../../db/schema';
import { changedFields } from '../audit';
import type { CallContext } from '../context';
import { recordUpdate } from './events';
import { loadOrder, normalizeAccessories, requireOpen, requireTechnician } from './lookups';
import { readDetail } from './read';
import { assertVersion } from '../versions';
import { touchOrder, updateOrder } from './update';

type Accessory = (typeof ACCESSORIES)[number];

/** The editable fields of an order as the form sees them (exactly EDIT_FIELDS, in its order). */
function editable(o: WorkOrderRecord) {
  return {
    priority: o.priority,
    reportedFault: o.reportedFault,
    accessories: normalizeAccessories(JSON.parse(o.accessories) as Accessory[], ACCESSORIES),
    accessoriesNote: o.accessoriesNote,
    condition: o.condition,
    devicePassword: o.devicePassword,
    promisedAt: o.promisedAt,
    diagnosis: o.diagnosis,
    estimate: o.estimate,
    resolution: o.resolution,
  } satisfies Record<(typeof EDIT_FIELDS)[number], unknown>;
}

function withoutPassword<T extends { devicePassword?: string }>(values: T): Omit<T, 'devicePassword'> {
  const { devicePassword: _secret, ...rest } = values;
  return rest;
}

/**
 * Change intake details, the diagnosis, the estimate or the resolution of an open order. Only what
 * differs is written; the timeline and the audit get the changed names with before and after — the
 * device password shows only as `devicePasswordChanged: true`. Saving an unchanged form is no event.
 */
export function updateWorkOrder(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.update'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    assertVersion(tx, 'workOrder', order, input.version);
    requireOpen(order);
    if (input.promisedAt !== undefined && input.promisedAt < order.createdAt) {
      throw fieldError('promisedAt', 'promisedBeforeIntake', {}, 'promised date is before intake');
    }
    const before = editable(order);
    const after = { ...before };
    if (input.priority !== undefined) after.priority = input.priority;
    if (input.reportedFault !== undefined) after.reportedFault = input.reportedFault;
    if (input.accessories !== undefined)
      after.accessories = normalizeAccessories(input.accessories, ACCESSORIES);
    if (input.accessoriesNote !== undefined) after.accessoriesNote = input.accessoriesNote;
    if (input.condition !== undefined) after.condition = input.condition;
    if (input.devicePassword !== undefined) after.devicePassword = input.devicePassword;
    if (input.promisedAt !== undefined) after.promisedAt = input.promisedAt;
    if (input.diagnosis !== undefined) after.diagnosis = input.diagnosis;
    if (input.estimate !== undefined) after.estimate = input.estimate;
    if (input.resolution !== undefined) after.resolution = input.resolution;

    const at = now();
    const diff = changedFields(before, after);
    if (!diff) return readDetail(tx, order.id, ctx.user, at);

    updateOrder(tx, order.id, { ...after, accessories: JSON.stringify(after.accessories), updatedAt: at });
    const fields = EDIT_FIELDS.filter((f) => Object.hasOwn(diff.after, f));
    const passwordChanged = fields.includes('devicePassword');
    const secretFlag = passwordChanged ? { devicePasswordChanged: true as const } : {};
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'edit',
        data: {
          fields,
          before: withoutPassword(diff.before),
          after: withoutPassword(diff.after),
          ...secretFlag,
        },
      },
      {
        before: withoutPassword(diff.before),
        after: { ...withoutPassword(diff.after), ...secretFlag },
      },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/** Give the order to a technician (or take it back with null). The same technician again is no event. */
export function assignWorkOrder(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.assign'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    requireOpen(order);
    const next = input.technicianId === null ? null : requireTechnician(tx, input.technicianId);
    const at = now();
    if (order.technicianId === (next?.id ?? null)) return readDetail(tx, order.id, ctx.user, at);

    const previous = order.technicianId
      ? (tx
          .select({ displayName: users.displayName })
          .from(users)
          .where(eq(users.id, order.technicianId))
          .get()?.displayName ?? null)
      : null;
    updateOrder(tx, order.id, { technicianId: next?.id ?? null, updatedAt: at });
    const data = {
      from: order.technicianId ? { id: order.technicianId, name: previous } : null,
      to: next ? { id: next.id, name: next.displayName } : null,
    };
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'assign', note: input.note, data },
      {
        before: { technicianId: order.technicianId },
        after: { technicianId: next?.id ?? null, ...(input.note ? { note: input.note } : {}) },
      },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/**
 * A free note on the timeline. Closed orders take notes too: a call after delivery or a remark on a
 * cancelled job belongs in the order's history, and a note changes none of its fields.
 */
export function addNote(ctx: CallContext, input: ParsedInputOf<'workOrders.addNote'>): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    const at = now();
    touchOrder(tx, order.id, at);
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'note', note: input.note, data: null },
      {
        after: { note: input.note },
      },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/**
 * Set the warranty by hand with a logged reason. The computed value stays on the order beside it;
 * choosing the computed value again clears the override.
 */
export function overrideWarranty(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.overrideWarranty'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    requireOpen(order);
    if (input.status === order.warrantyStatus) {
      throw fieldError(
        'status',
        'warrantyUnchanged',
        { status: input.status },
        `warranty is already ${input.status}`,
      );
    }
    const at = now();
    const reason = input.status === order.warrantyComputed ? null : input.reason;
    updateOrder(tx, order.id, {
      warrantyStatus: input.status,
      warrantyOverrideReason: reason,
      updatedAt: at,
    });
    const data = { from: order.warrantyStatus, to: input.status, computed: order.warrantyComputed };
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'warranty', note: input.reason, data },
      {
        before: {
          warrantyStatus: order.warrantyStatus,
          warrantyOverrideReason: order.warrantyOverrideReason,
        },
        after: { warrantyStatus: input.status, warrantyOverrideReason: reason, reason: input.reason },
      },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}
