import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ServiceItemKind } from '@shared/schemas/billing';
import type { PaymentMethod } from '@shared/schemas/settlements';
import { users } from './users';
import { workOrders } from './workOrders';

/** Labor and fee lines on a work order. A removed line stays (removedAt) for the record. */
export const workOrderCharges = sqliteTable(
  'work_order_charges',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    kind: text('kind').$type<ServiceItemKind>().notNull(),
    itemCode: text('item_code').notNull(),
    name: text('name').notNull(),
    technicianId: text('technician_id').references(() => users.id),
    hours: real('hours').notNull().default(0),
    /** Fen. */
    amount: integer('amount').notNull(),
    coveredByWarranty: integer('covered_by_warranty', { mode: 'boolean' }).notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    addedBy: text('added_by').references(() => users.id),
    addedAt: integer('added_at').notNull(),
    removedBy: text('removed_by').references(() => users.id),
    removedAt: integer('removed_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('work_order_charges_order').on(t.workOrderId)],
);

/** 结算单. Only a void changes it afterwards; its lines and payments are append-only. */
export const settlements = sqliteTable(
  'settlements',
  {
    id: text('id').primaryKey(),
    settlementNo: text('settlement_no').notNull(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    /** 'active' | 'void'. */
    status: text('status').$type<'active' | 'void'>().notNull(),
    subtotal: integer('subtotal').notNull(),
    warrantyValue: integer('warranty_value').notNull(),
    discountType: text('discount_type').$type<'none' | 'amount' | 'percent'>().notNull(),
    discountValue: real('discount_value').notNull().default(0),
    discountAmount: integer('discount_amount').notNull(),
    discountApprovedBy: text('discount_approved_by').references(() => users.id),
    rounding: integer('rounding').notNull(),
    total: integer('total').notNull(),
    /** 订金 credited at settling: the order's deposit, up to the total (fen). */
    depositCredited: integer('deposit_credited').notNull().default(0),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    voidedAt: integer('voided_at'),
    voidedBy: text('voided_by').references(() => users.id),
    voidReason: text('void_reason'),
  },
  (t) => [
    uniqueIndex('settlements_no_unique').on(t.settlementNo),
    index('settlements_order').on(t.workOrderId, t.status),
    index('settlements_created').on(t.createdAt),
  ],
);

export const settlementLines = sqliteTable(
  'settlement_lines',
  {
    id: text('id').primaryKey(),
    settlementId: text('settlement_id')
      .notNull()
      .references(() => settlements.id),
    lineNo: integer('line_no').notNull(),
    kind: text('kind').$type<'labor' | 'part' | 'fee'>().notNull(),
    /** The work_order_parts or work_order_charges row it was made from. */
    sourceId: text('source_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    detail: text('detail').notNull().default(''),
    qty: integer('qty').notNull(),
    unitPrice: integer('unit_price').notNull(),
    amount: integer('amount').notNull(),
    coveredByWarranty: integer('covered_by_warranty', { mode: 'boolean' }).notNull(),
    listAmount: integer('list_amount').notNull(),
    cost: integer('cost').notNull(),
  },
  (t) => [index('settlement_lines_settlement').on(t.settlementId)],
);

/** Money in and out. A refund or a void's reversal is a negative row; nothing is updated or deleted. */
export const payments = sqliteTable(
  'payments',
  {
    id: text('id').primaryKey(),
    settlementId: text('settlement_id')
      .notNull()
      .references(() => settlements.id),
    method: text('method').$type<PaymentMethod>().notNull(),
    amount: integer('amount').notNull(),
    tendered: integer('tendered'),
    change: integer('change'),
    reference: text('reference').notNull().default(''),
    reason: text('reason').notNull().default(''),
    /** The shop's calendar day, YYYY-MM-DD, that the day close counts it on. */
    businessDate: text('business_date').notNull(),
    at: integer('at').notNull(),
    userId: text('user_id').references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
    reversesId: text('reverses_id'),
  },
  (t) => [
    index('payments_settlement').on(t.settlementId),
    index('payments_business_date').on(t.businessDate, t.method),
    // Takings by day and method read from the index alone (reports, dashboard).
    index('payments_date_amount').on(t.businessDate, t.method, t.amount),
  ],
);

/** Closing and reopening a day (日结); the latest row for a date says whether it is closed. */
export const dayCloseEvents = sqliteTable(
  'day_close_events',
  {
    id: text('id').primaryKey(),
    businessDate: text('business_date').notNull(),
    action: text('action').$type<'close' | 'reopen'>().notNull(),
    reason: text('reason').notNull().default(''),
    /** JSON of the day's totals at closing, as printed. */
    snapshot: text('snapshot'),
    at: integer('at').notNull(),
    userId: text('user_id').references(() => users.id),
  },
  (t) => [index('day_close_events_date').on(t.businessDate, t.at)],
);

export type WorkOrderChargeRecord = typeof workOrderCharges.$inferSelect;
export type SettlementRecord = typeof settlements.$inferSelect;
export type SettlementLineRecord = typeof settlementLines.$inferSelect;
export type PaymentRecord = typeof payments.$inferSelect;
