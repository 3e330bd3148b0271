import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { MessageChannel, MessageEvent, OutboxReason, OutboxState } from '@shared/schemas/messageKinds';
import { customers } from './customers';
import { workOrders } from './workOrders';

/**
 * 发件箱: every message to a customer, written in the transaction of the event that caused it and
 * sent by the outbox worker (services/messages/worker.ts). `idempotency_key` names the event's
 * occurrence and the channel, so the same event never queues twice, and it travels to the
 * provider unchanged on every try. `lease` is the process that claimed a `sending` row: a row
 * left `sending` by another (crashed) process is reconciled, never sent again by itself.
 */
export const outboxMessages = sqliteTable(
  'outbox_messages',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    workOrderId: text('work_order_id').references(() => workOrders.id),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The complaint a complaint update is about. */
    complaintId: text('complaint_id'),
    event: text('event').$type<MessageEvent>().notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    /** A mobile number, an e-mail address, or '' (WeChat, or a customer without one). */
    recipient: text('recipient').notNull().default(''),
    subject: text('subject').notNull().default(''),
    text: text('text').notNull(),
    /** The variables' values (JSON): Alibaba's template SMS sends these, not the text. */
    params: text('params').notNull().default('{}'),
    state: text('state').$type<OutboxState>().notNull(),
    reason: text('reason').$type<OutboxReason>(),
    providerReason: text('provider_reason'),
    providerMessageId: text('provider_message_id'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at'),
    lease: text('lease'),
    createdBy: text('created_by'),
    sentBy: text('sent_by'),
    sentByName: text('sent_by_name'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    sentAt: integer('sent_at'),
  },
  (t) => [
    uniqueIndex('outbox_messages_key').on(t.idempotencyKey),
    index('outbox_messages_due').on(t.state, t.nextAttemptAt),
    index('outbox_messages_order').on(t.workOrderId, t.createdAt),
    index('outbox_messages_created').on(t.createdAt),
  ],
);

export type OutboxMessageRecord = typeof outboxMessages.$inferSelect;
