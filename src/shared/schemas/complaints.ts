import { z } from 'zod';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  RESOLUTION_KINDS,
} from './complaintKinds';
import { epochMs, id, page, pageSize, paged, recordVersion } from './common';
import { fen } from './stock';
import { PRIORITIES } from './settings';
import { ROLES } from '../roles';

const note = z.string().trim().min(1).max(1000);

export const createComplaintInput = z
  .object({
    customerId: id,
    /** The order it is about: one of the customer's own. */
    workOrderId: id.nullable().default(null),
    /** The staff member it is about. */
    staffUserId: id.nullable().default(null),
    channel: z.enum(COMPLAINT_CHANNELS).default('counter'),
    category: z.enum(COMPLAINT_CATEGORIES),
    severity: z.enum(COMPLAINT_SEVERITIES),
    description: note,
    /** Who handles it (处理人). */
    ownerId: id.nullable().default(null),
  })
  .strict();

export const listComplaintsInput = z
  .object({
    status: z.enum(COMPLAINT_STATUSES).optional(),
    severity: z.enum(COMPLAINT_SEVERITIES).optional(),
    /** Only the ones past a deadline now (the server's clock). */
    overdue: z.boolean().default(false),
    customerId: id.optional(),
    workOrderId: id.optional(),
    /** Complaint number, customer name or phone. */
    search: z.string().trim().max(40).default(''),
    page,
    pageSize,
  })
  .strict();

export const complaintRow = z.object({
  id,
  complaintNo: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  channel: z.enum(COMPLAINT_CHANNELS),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  description: z.string(),
  customerId: id,
  customerName: z.string(),
  customerPhone: z.string().nullable(),
  workOrderId: id.nullable(),
  orderNo: z.string().nullable(),
  ownerId: id.nullable(),
  ownerName: z.string().nullable(),
  createdAt: epochMs,
  firstResponseDue: epochMs,
  resolutionDue: epochMs,
  firstRespondedAt: epochMs.nullable(),
  resolvedAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  /** Still 已受理 past its first-response deadline (the server's clock). */
  firstResponseOverdue: z.boolean(),
  /** Not yet answered or closed past its resolution deadline (the server's clock). */
  resolutionOverdue: z.boolean(),
});
export const complaintList = paged(complaintRow);

const complaintStep = z.object({
  id,
  at: epochMs,
  userName: z.string().nullable(),
  kind: z.enum(['created', 'status', 'note', 'assign', 'resolution', 'confirmation']),
  fromStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  toStatus: z.enum(COMPLAINT_STATUSES).nullable(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
  terminalName: z.string().nullable(),
});

/** A refund (negative payment) of the linked order, as a resolution may name it. */
const refundLink = z.object({ id, amount: z.int(), at: epochMs, settlementNo: z.string() });
/** A rework order of the linked order. */
const reworkLink = z.object({ id, orderNo: z.string(), status: z.string() });

export const complaintDetail = complaintRow.extend({
  staffUserId: id.nullable(),
  staffName: z.string().nullable(),
  createdByName: z.string().nullable(),
  followUpId: id.nullable(),
  resolutionKind: z.enum(RESOLUTION_KINDS).nullable(),
  resolutionNote: z.string(),
  refund: refundLink.nullable(),
  rework: reworkLink.nullable(),
  compensationAmount: z.int().nullable(),
  confirmedBy: z.string().nullable(),
  confirmationNote: z.string().nullable(),
  confirmedAt: epochMs.nullable(),
  version: recordVersion,
  /** The legal next states (the state machine in complaintKinds). */
  nextStatuses: z.array(z.enum(COMPLAINT_STATUSES)),
  steps: z.array(complaintStep),
  /** What a resolution of the linked order may link: its refunds and its rework orders. */
  refundChoices: z.array(refundLink),
  reworkChoices: z.array(reworkLink),
});

/** A rework order opened in the same step as the answer (返修), on the linked order's device. */
export const openReworkInput = z
  .object({
    reportedFault: z.string().trim().min(1).max(1000),
    priority: z.enum(PRIORITIES).default('normal'),
    technicianId: id.nullable().default(null),
  })
  .strict();

/** What the shop did (→ 待客户确认); refund and rework link the money or the order it caused. */
export const resolutionInput = z
  .object({
    kind: z.enum(RESOLUTION_KINDS),
    refundPaymentId: id.optional(),
    reworkOrderId: id.optional(),
    openRework: openReworkInput.optional(),
    /** Fen. */
    compensationAmount: fen.refine((v) => v > 0, 'more than zero').optional(),
  })
  .strict()
  .superRefine((r, issue) => {
    const refuse = (path: string, message: string) =>
      issue.addIssue({ code: 'custom', path: [path], message });
    if (r.kind === 'refund' && !r.refundPaymentId) refuse('refundPaymentId', 'a refund names its payment');
    if (r.kind !== 'refund' && r.refundPaymentId) refuse('refundPaymentId', 'only a refund names a payment');
    if (r.kind === 'rework' && !r.reworkOrderId === !r.openRework) {
      refuse('reworkOrderId', 'a rework names its order or opens one');
    }
    if (r.kind !== 'rework' && (r.reworkOrderId || r.openRework)) {
      refuse('reworkOrderId', 'only a rework names an order');
    }
    if (r.kind === 'compensation' && r.compensationAmount === undefined) {
      refuse('compensationAmount', 'a compensation has its amount');
    }
    if (r.kind !== 'compensation' && r.compensationAmount !== undefined) {
      refuse('compensationAmount', 'only a compensation has an amount');
    }
  });

/** The customer's confirmation (客户确认): who confirmed and how. */
export const confirmationInput = z
  .object({ by: z.string().trim().min(1).max(40), how: z.string().trim().min(1).max(200) })
  .strict();

export const moveComplaintInput = z
  .object({
    id,
    version: recordVersion,
    to: z.enum(COMPLAINT_STATUSES),
    /** Every step says why. */
    note,
    resolution: resolutionInput.optional(),
    confirmation: confirmationInput.optional(),
  })
  .strict()
  .superRefine((m, issue) => {
    // The answer goes with → 待客户确认 only, the confirmation with → 已关闭 only.
    if (m.resolution && m.to !== 'awaitingConfirmation') {
      issue.addIssue({ code: 'custom', path: ['resolution'], message: 'a resolution goes with the answer' });
    }
    if (m.confirmation && m.to !== 'closed') {
      issue.addIssue({ code: 'custom', path: ['confirmation'], message: 'a confirmation goes with closing' });
    }
  });

export const complaintNoteInput = z.object({ id, note }).strict();

export const assignComplaintInput = z.object({ id, version: recordVersion, ownerId: id.nullable() }).strict();

/** A user a complaint may name. */
export const complaintStaff = z.object({ id, displayName: z.string(), role: z.enum(ROLES) });

export type ComplaintRow = z.infer<typeof complaintRow>;
export type ComplaintDetail = z.infer<typeof complaintDetail>;
