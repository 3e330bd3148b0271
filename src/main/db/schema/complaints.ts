import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type {
  ComplaintCategory,
  ComplaintChannel,
  ComplaintSeverity,
  ComplaintStatus,
  ResolutionKind,
} from '@shared/schemas/complaintKinds';
import { customers } from './customers';
import { users } from './users';

/**
 * 投诉. Never deleted (a trigger refuses it, drizzle/0014); every step is a complaint_events row.
 * The deadlines are fixed at intake from the severity's hours in settings.
 */
export const complaints = sqliteTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    /** TS-<branch>-YYYYMMDD-NNNN. */
    complaintNo: text('complaint_no').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    workOrderId: text('work_order_id'),
    /** The staff member it is about, if any. */
    staffUserId: text('staff_user_id'),
    followUpId: text('follow_up_id'),
    channel: text('channel').$type<ComplaintChannel>().notNull(),
    category: text('category').$type<ComplaintCategory>().notNull(),
    severity: text('severity').$type<ComplaintSeverity>().notNull(),
    description: text('description').notNull(),
    /** Who handles it (处理人). */
    ownerId: text('owner_id').references(() => users.id),
    status: text('status').$type<ComplaintStatus>().notNull(),
    firstResponseDue: integer('first_response_due').notNull(),
    resolutionDue: integer('resolution_due').notNull(),
    /** First step out of 已受理. */
    firstRespondedAt: integer('first_responded_at'),
    /** The answer given (→ 待客户确认); cleared if the customer sends it back to 处理中. */
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    resolutionKind: text('resolution_kind').$type<ResolutionKind>(),
    resolutionNote: text('resolution_note').notNull().default(''),
    /** The refund (a negative payment) a refund resolution gave back. */
    refundPaymentId: text('refund_payment_id'),
    /** The rework order a rework resolution opened. */
    reworkOrderId: text('rework_order_id'),
    /** Fen: compensation given outside a refund (voucher, cash, free service). */
    compensationAmount: integer('compensation_amount'),
    /** The customer's confirmation (客户确认): who confirmed, how, and when. */
    confirmedBy: text('confirmed_by'),
    confirmationNote: text('confirmation_note'),
    confirmedAt: integer('confirmed_at'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('complaints_no_unique').on(t.complaintNo),
    index('complaints_created').on(t.createdAt, t.status, t.severity),
    index('complaints_status').on(t.status, t.resolutionDue),
    index('complaints_customer').on(t.customerId, t.createdAt),
    index('complaints_order').on(t.workOrderId),
    index('complaints_owner').on(t.ownerId, t.status),
  ],
);

export const COMPLAINT_EVENT_KINDS = [
  'created',
  'status',
  'note',
  'assign',
  'resolution',
  'confirmation',
] as const;

/** A complaint's timeline: append-only. */
export const complaintEvents = sqliteTable(
  'complaint_events',
  {
    id: text('id').primaryKey(),
    complaintId: text('complaint_id')
      .notNull()
      .references(() => complaints.id),
    at: integer('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    kind: text('kind').$type<(typeof COMPLAINT_EVENT_KINDS)[number]>().notNull(),
    fromStatus: text('from_status').$type<ComplaintStatus>(),
    toStatus: text('to_status').$type<ComplaintStatus>(),
    note: text('note').notNull().default(''),
    /** JSON object with the step's details. */
    data: text('data'),
    terminalName: text('terminal_name'),
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId, t.at)],
);

export type ComplaintRecord = typeof complaints.$inferSelect;
