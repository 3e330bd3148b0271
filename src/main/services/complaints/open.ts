import { v7 as uuidv7 } from 'uuid';
import type { ComplaintCategory, ComplaintChannel, ComplaintSeverity } from '@shared/schemas/complaintKinds';
import { complaintEvents, complaints, type ComplaintRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import { callTerminal } from '../callScope';
import type { CallContext, Tx } from '../context';
import { readAfterSales } from '../settings';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { nextComplaintNo } from './numbers';
import { complaintMessage } from './steps';

const HOUR = 3_600_000;

/** A complaint as taken; the links (customer, order, staff, owner) are checked by the caller. */
export interface OpenComplaint {
  customerId: string;
  workOrderId: string | null;
  staffUserId: string | null;
  followUpId: string | null;
  channel: ComplaintChannel;
  category: ComplaintCategory;
  severity: ComplaintSeverity;
  description: string;
  ownerId: string | null;
}

/**
 * Take a complaint (已受理) in the caller's transaction: its number, its two deadlines from the
 * severity's hours in settings (fixed now: a later settings change does not move them), its first
 * step, the audit row, and an entry on the order's timeline when it is about an order. Used by
 * `complaints.create` and by a follow-up call that opens one in the same step.
 */
export function openComplaint(tx: Tx, ctx: CallContext, input: OpenComplaint): ComplaintRecord {
  const at = ctx.deps.now();
  const hours = readAfterSales(tx).complaintHours[input.severity];
  const record: ComplaintRecord = {
    id: uuidv7(),
    complaintNo: nextComplaintNo(tx, at),
    ...input,
    status: 'received',
    firstResponseDue: at + hours.firstResponse * HOUR,
    resolutionDue: at + hours.resolution * HOUR,
    firstRespondedAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionKind: null,
    resolutionNote: '',
    refundPaymentId: null,
    reworkOrderId: null,
    compensationAmount: null,
    confirmedBy: null,
    confirmationNote: null,
    confirmedAt: null,
    createdBy: ctx.user?.id ?? '',
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  tx.insert(complaints).values(record).run();
  tx.insert(complaintEvents)
    .values({
      id: uuidv7(),
      complaintId: record.id,
      at,
      userId: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      kind: 'created',
      fromStatus: null,
      toStatus: 'received',
      note: input.description,
      data: null,
      terminalName: callTerminal()?.name ?? null,
    })
    .run();
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'create',
    entity: 'complaint',
    entityId: record.id,
    after: { ...input, complaintNo: record.complaintNo },
  });
  if (input.workOrderId) {
    addEvent(tx, {
      workOrderId: input.workOrderId,
      at,
      actor: ctx.user,
      kind: 'complaint',
      data: { complaintId: record.id, complaintNo: record.complaintNo, action: 'created', to: 'received' },
    });
  }
  complaintMessage(tx, ctx, record, at);
  return record;
}
