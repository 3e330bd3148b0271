import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { workOrders } from './workOrders';

export const suppliers = sqliteTable('suppliers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  contact: text('contact').notNull().default(''),
  phone: text('phone').notNull().default(''),
  notes: text('notes').notNull().default(''),
  archivedAt: integer('archived_at'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  /** Bumped by a trigger on every change (drizzle/0013): an edit names the version it started from. */
  version: integer('version').notNull().default(1),
});

export const parts = sqliteTable(
  'parts',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    spec: text('spec').notNull().default(''),
    compatibleModels: text('compatible_models').notNull().default(''),
    category: text('category').notNull().default(''),
    unit: text('unit').notNull().default('个'),
    barcode: text('barcode').notNull().default(''),
    /** Moving-average cost in fen, updated by receipts. */
    costPrice: integer('cost_price').notNull().default(0),
    salePrice: integer('sale_price').notNull().default(0),
    minStock: integer('min_stock').notNull().default(0),
    location: text('location').notNull().default(''),
    defaultSupplierId: text('default_supplier_id').references(() => suppliers.id),
    /** Cache of the sum of this part's stock movements; `stock.check` proves it. */
    onHand: integer('on_hand').notNull().default(0),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by a trigger on catalog changes (drizzle/0013); stock postings move on_hand and cost without it. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('parts_name').on(t.name), index('parts_barcode').on(t.barcode)],
);

export const stockDocuments = sqliteTable(
  'stock_documents',
  {
    id: text('id').primaryKey(),
    docNo: text('doc_no').notNull().unique(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('posted'),
    supplierId: text('supplier_id').references(() => suppliers.id),
    reason: text('reason').notNull().default(''),
    /** The document this one reverses; a document can be reversed once. */
    reversesId: text('reverses_id').unique(),
    /** orderIssue / orderReturn: the work order that made it. */
    workOrderId: text('work_order_id').references(() => workOrders.id),
    createdBy: text('created_by').references(() => users.id),
    postedAt: integer('posted_at').notNull(),
  },
  (t) => [
    index('stock_documents_posted').on(t.postedAt),
    index('stock_documents_kind_posted').on(t.kind, t.postedAt),
    index('stock_documents_work_order').on(t.workOrderId),
  ],
);

export const stockDocumentLines = sqliteTable(
  'stock_document_lines',
  {
    id: text('id').primaryKey(),
    documentId: text('document_id')
      .notNull()
      .references(() => stockDocuments.id),
    lineNo: integer('line_no').notNull(),
    partId: text('part_id')
      .notNull()
      .references(() => parts.id),
    /** Signed change of stock; for counts, the difference posted. */
    qty: integer('qty').notNull(),
    /** Counts only: the quantity counted on the shelf. */
    countedQty: integer('counted_qty'),
    unitCost: integer('unit_cost').notNull().default(0),
    /** The part's average cost before this line, so a reversal can restore it. */
    costBefore: integer('cost_before').notNull(),
    costAfter: integer('cost_after').notNull(),
  },
  (t) => [index('stock_document_lines_document').on(t.documentId)],
);

export const stockMovements = sqliteTable(
  'stock_movements',
  {
    id: text('id').primaryKey(),
    partId: text('part_id')
      .notNull()
      .references(() => parts.id),
    documentId: text('document_id')
      .notNull()
      .references(() => stockDocuments.id),
    qty: integer('qty').notNull(),
    unitCost: integer('unit_cost').notNull(),
    at: integer('at').notNull(),
    userId: text('user_id').references(() => users.id),
  },
  (t) => [
    // qty is included so on-hand sums and period totals read the index alone (1M-row ledger).
    index('stock_movements_part_at').on(t.partId, t.at, t.qty),
    index('stock_movements_document').on(t.documentId),
    index('stock_movements_at').on(t.at, t.qty),
  ],
);

export type PartRecord = typeof parts.$inferSelect;
export type SupplierRecord = typeof suppliers.$inferSelect;
export type StockDocumentRecord = typeof stockDocuments.$inferSelect;
