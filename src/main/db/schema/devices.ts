import { sql } from 'drizzle-orm';
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
    /** Vehicles: plate (normalised, src/shared/plate.ts), VIN and model year; make/model are brand/model. */
    plateNo: text('plate_no').notNull().default(''),
    vin: text('vin').notNull().default(''),
    /** The clerk confirmed an imported vehicle whose VIN has no check digit (audited). */
    vinNoCheckDigit: integer('vin_no_check_digit', { mode: 'boolean' }).notNull().default(false),
    modelYear: integer('model_year'),
    /** Appliances: where and when (YYYY-MM-DD) it was installed. */
    installAddress: text('install_address').notNull().default(''),
    installDate: text('install_date'),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by a trigger on every change (drizzle/0013): an edit names the version it started from. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('devices_customer').on(t.customerId),
    index('devices_serial').on(t.serialNo),
    // A plate or VIN typed whole at the counter is found on these, before the text index.
    index('devices_plate').on(t.plateNo),
    index('devices_vin').on(t.vin),
    // 保修到期提醒: the devices whose maker's warranty ends in the next N days, as one range.
    index('devices_warranty_end').on(t.warrantyEnd),
    // Search by the first letters of a brand, model or category in any case (hp → HP), newest first:
    // a range on lower(x), which SQLite folds for ASCII only, as services/search/text.ts does. The id
    // makes them covering for the work-order list's filter (the orders of every HP device).
    index('devices_brand_lower').on(sql`lower(${t.brand})`, t.createdAt, t.id),
    index('devices_model_lower').on(sql`lower(${t.model})`, t.createdAt, t.id),
    index('devices_category_lower').on(sql`lower(${t.category})`, t.createdAt, t.id),
  ],
);

export type DeviceRecord = typeof devices.$inferSelect;
