import { eq } from 'drizzle-orm';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { isComplaintOpen, nextComplaintStatuses } from '@shared/schemas/complaintKinds';
import type { ComplaintDetail } from '@shared/schemas/complaints';
import { complaints, type ComplaintRecord } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { assertVersion } from '../versions';
import { loadComplaint, readComplaint } from './read';
import { applyResolution } from './resolution';
import { recordStep, type ComplaintStep } from './steps';
import { requireStaff } from './links';

/** A closed or withdrawn complaint changes no more: not its state, owner or notes. */
function requireOpen(c: ComplaintRecord): void {
  if (!isComplaintOpen(c.status)) {
    throw new AppError(
      'complaintFinished',
      { complaintNo: c.complaintNo, status: c.status },
      `complaint ${c.complaintNo} is ${c.status}`,
    );
  }
}

/** Load an open complaint at the version the form started from. */
function loadForEdit(q: Queryable, id: string, version?: number): ComplaintRecord {
  const c = loadComplaint(q, id);
  requireOpen(c);
  if (version !== undefined) assertVersion(q, 'complaint', c, version);
  return c;
}

/**
 * One step along the state machine of complaintKinds (which alone decides what is legal), with its
 * note: the first step out of 已受理 is the first response; the answer (→ 待客户确认) needs what was
 * done, linked to the refund or rework it caused; closing needs the customer's confirmation; a
 * customer not satisfied with the answer sends it back to 处理中. Row, step, audit and the order's
 * timeline change together.
 */
export function moveComplaint(ctx: CallContext, input: ParsedInputOf<'complaints.move'>): ComplaintDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const c = loadForEdit(tx, input.id, input.version);
    const from = c.status;
    const to = input.to;
    if (!nextComplaintStatuses(from).includes(to)) {
      throw new AppError(
        'complaintMoveNotAllowed',
        { complaintNo: c.complaintNo, from, to },
        `cannot move complaint ${c.complaintNo} from ${from} to ${to}`,
      );
    }
    if (to === 'awaitingConfirmation' && !input.resolution) {
      throw fieldError('resolution', 'resolutionRequired', {}, 'say what was done for the customer');
    }
    if (to === 'closed' && !input.confirmation) {
      throw fieldError('confirmation', 'confirmationRequired', {}, 'the customer’s confirmation is needed');
    }
    const at = now();
    const patch: Partial<ComplaintRecord> = { status: to, updatedAt: at };
    const step: ComplaintStep = {
      kind: 'status',
      from,
      to,
      note: input.note,
      audit: { before: { status: from }, after: { status: to, note: input.note } },
    };
    if (from === 'received' && to === 'inProgress') patch.firstRespondedAt = at;
    if (to === 'awaitingConfirmation' && input.resolution) {
      const answer = applyResolution(tx, ctx, c, input.resolution);
      Object.assign(patch, answer.patch, { resolutionNote: input.note, resolvedAt: at });
      step.kind = 'resolution';
      step.data = answer.data;
      step.audit.after = { ...step.audit.after, resolution: answer.data };
    }
    if (from === 'awaitingConfirmation' && to === 'inProgress') patch.resolvedAt = null;
    if (to === 'closed' && input.confirmation) {
      const { by, how } = input.confirmation;
      Object.assign(patch, { closedAt: at, confirmedBy: by, confirmationNote: how, confirmedAt: at });
      step.kind = 'confirmation';
      step.data = { by, how };
      step.audit.after = { ...step.audit.after, confirmation: { by, how } };
    }
    tx.update(complaints).set(patch).where(eq(complaints.id, c.id)).run();
    recordStep(tx, ctx, c, at, step);
    return readComplaint(tx, c.id, at);
  });
}

/** A note on the complaint's steps; the complaint itself is unchanged (no edit goes stale). */
export function addComplaintNote(
  ctx: CallContext,
  input: ParsedInputOf<'complaints.addNote'>,
): ComplaintDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const c = loadForEdit(tx, input.id);
    const at = now();
    recordStep(tx, ctx, c, at, {
      kind: 'note',
      note: input.note,
      audit: { before: null, after: { note: input.note } },
    });
    return readComplaint(tx, c.id, at);
  });
}

/** Hand the complaint to another owner (处理人), or to nobody. */
export function assignComplaint(
  ctx: CallContext,
  input: ParsedInputOf<'complaints.assign'>,
): ComplaintDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const c = loadForEdit(tx, input.id, input.version);
    const owner = input.ownerId ? requireStaff(tx, input.ownerId, 'ownerId') : null;
    const at = now();
    tx.update(complaints)
      .set({ ownerId: owner?.id ?? null, updatedAt: at })
      .where(eq(complaints.id, c.id))
      .run();
    recordStep(tx, ctx, c, at, {
      kind: 'assign',
      note: owner?.displayName ?? '',
      data: { from: c.ownerId, to: owner?.id ?? null },
      audit: { before: { ownerId: c.ownerId }, after: { ownerId: owner?.id ?? null } },
    });
    return readComplaint(tx, c.id, at);
  });
}
