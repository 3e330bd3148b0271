import { v7 as uuidv7 } from 'uuid';
import type { ComplaintStatus } from '@shared/schemas/complaintKinds';
import { eq } from 'drizzle-orm';
import { complaintEvents, complaints, type ComplaintRecord } from '../../db/schema';
import { enqueueMessages } from '../messages/enqueue';
import { writeAudit } from '../audit';
import { callTerminal } from '../callScope';
import type { CallContext, Tx } from '../context';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';

/** The customer hears where their complaint stands (taken, and each move), as settings say. */
export function complaintMessage(tx: Tx, ctx: CallContext, c: ComplaintRecord, at: number): void {
  const status = tx
    .select({ status: complaints.status })
    .from(complaints)
    .where(eq(complaints.id, c.id))
    .get();
  enqueueMessages(tx, {
    event: 'complaintUpdate',
    customerId: c.customerId,
    workOrderId: c.workOrderId,
    complaintId: c.id,
    occurrence: `${c.id}:${at}:${status?.status ?? c.status}`,
    at,
    actor: ctx.user,
  });
}

export interface ComplaintStep {
  kind: 'status' | 'note' | 'assign' | 'resolution' | 'confirmation';
  from?: ComplaintStatus;
  to?: ComplaintStatus;
  note: string;
  data?: Record<string, unknown>;
  audit: { before: Record<string, unknown> | null; after: Record<string, unknown> };
}

/**
 * One step of a complaint in the caller's transaction: its complaint_events row, its audit row
 * (entity 'complaint'), and for a change of state a `complaint` entry on the linked order's timeline.
 */
export function recordStep(tx: Tx, ctx: CallContext, c: ComplaintRecord, at: number, step: ComplaintStep) {
  tx.insert(complaintEvents)
    .values({
      id: uuidv7(),
      complaintId: c.id,
      at,
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      kind: step.kind,
      fromStatus: step.from ?? null,
      toStatus: step.to ?? null,
      note: step.note,
      data: step.data ? JSON.stringify(step.data) : null,
      terminalName: callTerminal()?.name ?? null,
    })
    .run();
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'update',
    entity: 'complaint',
    entityId: c.id,
    before: step.audit.before,
    after: { complaintNo: c.complaintNo, ...step.audit.after },
  });
  if (step.to) complaintMessage(tx, ctx, c, at);
  if (c.workOrderId && step.to) {
    addEvent(tx, {
      workOrderId: c.workOrderId,
      at,
      actor: ctx.user,
      kind: 'complaint',
      note: step.note,
      data: { complaintId: c.id, complaintNo: c.complaintNo, action: 'status', to: step.to },
    });
  }
}
