import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { customers } from './customers';

export const devices = sqliteTable(
  'devices',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    category: text('category').notNull(),
    brand: text('brand').notNull().default(''),
    model: text('model').notNull().default(''),
    serialNo: text('serial_no').notNull().default(''),
    /** Calendar dates as YYYY-MM-DD text. */
    purchaseDate: text('purchase_date'),
    warrantyEnd: text('warranty_end'),
    invoiceNo: text('invoice_no').notNull().default(''),
    notes: text('notes').notNull().default(''),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('devices_customer').on(t.customerId), index('devices_serial').on(t.serialNo)],
);

export type DeviceRecord = typeof devices.$inferSelect;
