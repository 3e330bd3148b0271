import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CallResult, FollowUpState } from '@shared/schemas/followUps';
import type { SERVICE_TYPES } from '@shared/schemas/orderKinds';
import { customers } from './customers';
import { workOrders } from './workOrders';

/**
 * 回访: one per delivered order whose service type has follow-up days (settings) and whose customer
 * may be contacted. Due `due_at`; each call is a row of follow_up_calls; the first call that settles
 * it sets `state` and, for a reached customer, the four satisfaction scores (1–5).
 */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** When the next call is due: delivery + the type's days, moved on by a call that did not reach. */
    dueAt: integer('due_at').notNull(),
    state: text('state').$type<FollowUpState>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    attitude: integer('attitude'),
    quality: integer('quality'),
    timeliness: integer('timeliness'),
    price: integer('price'),
    comment: text('comment').notNull().default(''),
    /** 问题未解决: the customer says the fault is still there. */
    problemUnsolved: integer('problem_unsolved', { mode: 'boolean' }).notNull().default(false),
    /** What "problem not solved" opened in one step. */
    complaintId: text('complaint_id'),
    reworkOrderId: text('rework_order_id'),
    doneAt: integer('done_at'),
    doneBy: text('done_by'),
    createdAt: integer('created_at').notNull(),
    /**
     * The order's technician and service type as delivered, copied by a trigger (drizzle/0015) so the
     * service-quality report reads a year of follow-ups from one index, without a join per row.
     */
    technicianId: text('technician_id'),
    serviceType: text('service_type').$type<(typeof SERVICE_TYPES)[number]>(),
  },
  (t) => [
    uniqueIndex('follow_ups_order').on(t.workOrderId),
    index('follow_ups_state_due').on(t.state, t.dueAt),
    index('follow_ups_due').on(t.dueAt, t.state, t.doneAt),
    index('follow_ups_done').on(t.doneAt, t.state),
    // The service-quality report (covering): one technician × service type's follow-ups due in a
    // period, and the scores of those reached, each as one index range (reports/groupSums.ts).
    index('follow_ups_due_group').on(t.technicianId, t.serviceType, t.dueAt, t.state),
    index('follow_ups_done_group').on(
      t.technicianId,
      t.serviceType,
      t.state,
      t.doneAt,
      t.attitude,
      t.quality,
      t.timeliness,
      t.price,
    ),
    index('follow_ups_customer').on(t.customerId, t.state),
  ],
);

/** Every call made for a follow-up, whatever it found. */
export const followUpCalls = sqliteTable(
  'follow_up_calls',
  {
    id: text('id').primaryKey(),
    followUpId: text('follow_up_id')
      .notNull()
      .references(() => followUps.id),
    at: integer('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    result: text('result').$type<CallResult>().notNull(),
    note: text('note').notNull().default(''),
  },
  (t) => [index('follow_up_calls_follow_up').on(t.followUpId, t.at)],
);

export type FollowUpRecord = typeof followUps.$inferSelect;
