import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { parts, stockDocuments } from './stock';
import { users } from './users';
import { workOrders } from './workOrders';

/** Parts used on a work order. A removed line stays (removedAt) with the document that returned it. */
export const workOrderParts = sqliteTable(
  'work_order_parts',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    partId: text('part_id')
      .notNull()
      .references(() => parts.id),
    qty: integer('qty').notNull(),
    /** Fen. */
    unitPrice: integer('unit_price').notNull(),
    /** Moving-average cost at issue, fen. */
    unitCost: integer('unit_cost').notNull(),
    coveredByWarranty: integer('covered_by_warranty', { mode: 'boolean' }).notNull(),
    oldPartSerial: text('old_part_serial').notNull().default(''),
    oldPartRma: integer('old_part_rma', { mode: 'boolean' }).notNull().default(false),
    issueDocumentId: text('issue_document_id')
      .notNull()
      .references(() => stockDocuments.id),
    returnDocumentId: text('return_document_id').references(() => stockDocuments.id),
    addedBy: text('added_by').references(() => users.id),
    addedAt: integer('added_at').notNull(),
    removedBy: text('removed_by').references(() => users.id),
    removedAt: integer('removed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('work_order_parts_order').on(t.workOrderId), index('work_order_parts_part').on(t.partId)],
);

/**
 * What an order in 待料 waits for. `arrivedAt` is set by the purchase receipt that brought the
 * part in; `closedAt` when the order leaves awaiting parts.
 */
export const workOrderWaits = sqliteTable(
  'work_order_waits',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    partId: text('part_id')
      .notNull()
      .references(() => parts.id),
    qty: integer('qty').notNull(),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    arrivedAt: integer('arrived_at'),
    arrivedDocumentId: text('arrived_document_id').references(() => stockDocuments.id),
    closedAt: integer('closed_at'),
  },
  (t) => [
    index('work_order_waits_order').on(t.workOrderId),
    index('work_order_waits_part_open').on(t.partId, t.closedAt),
  ],
);

export type WorkOrderPartRecord = typeof workOrderParts.$inferSelect;
export type WorkOrderWaitRecord = typeof workOrderWaits.$inferSelect;
