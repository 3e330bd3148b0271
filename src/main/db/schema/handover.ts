import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { SignatureKind } from '@shared/schemas/handover';
import { users } from './users';
import { workOrders } from './workOrders';

/**
 * 客户签名: the customer's signature as a PNG, kept in the database so a backup carries it. One per
 * order and kind (the unique index): a signature is evidence of what was agreed at that moment, and
 * the paper printed from it already shows it, so it is never replaced. Append-only: triggers in the
 * migration refuse UPDATE and DELETE.
 */
export const orderSignatures = sqliteTable(
  'order_signatures',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    kind: text('kind').$type<SignatureKind>().notNull(),
    png: blob('png', { mode: 'buffer' }).$type<Buffer>().notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    recordedBy: text('recorded_by').references(() => users.id),
    /** Kept as text so the row still reads right after a user is renamed. */
    username: text('username'),
    recordedAt: integer('recorded_at').notNull(),
    /** The LAN terminal it was signed at (null: the host's own screen). */
    terminalName: text('terminal_name'),
  },
  (t) => [uniqueIndex('order_signatures_order_kind').on(t.workOrderId, t.kind)],
);

/**
 * 交机: what went back to the customer at delivery, once per order. `items` is the JSON list of
 * checklist lines as ticked ({ item, returned, note }). Append-only like the signatures.
 */
export const orderHandovers = sqliteTable(
  'order_handovers',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    items: text('items').notNull(),
    withoutTicket: integer('without_ticket', { mode: 'boolean' }).notNull(),
    idNote: text('id_note').notNull().default(''),
    signatureId: text('signature_id').references(() => orderSignatures.id),
    recordedBy: text('recorded_by').references(() => users.id),
    username: text('username'),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    uniqueIndex('order_handovers_order').on(t.workOrderId),
    index('order_handovers_signature').on(t.signatureId),
  ],
);

export type OrderSignatureRecord = typeof orderSignatures.$inferSelect;
export type OrderHandoverRecord = typeof orderHandovers.$inferSelect;
