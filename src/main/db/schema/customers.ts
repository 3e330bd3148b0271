import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { CustomerType } from '@shared/schemas/customers';

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Pinyin initials of the name (张三 → zs), for search. */
    initials: text('initials').notNull().default(''),
    type: text('type').$type<CustomerType>().notNull(),
    level: text('level').notNull(),
    email: text('email').notNull().default(''),
    address: text('address').notNull().default(''),
    company: text('company').notNull().default(''),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    notes: text('notes').notNull().default(''),
    /** Set when a merge folded this customer into another. */
    mergedIntoId: text('merged_into_id'),
    /** The customer asked not to be contacted: no follow-up calls, no messages. */
    noContact: integer('no_contact', { mode: 'boolean' }).notNull().default(false),
    archivedAt: integer('archived_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by a trigger on every change (drizzle/0013): an edit names the version it started from. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('customers_code_unique').on(t.code),
    index('customers_name').on(t.name),
    index('customers_initials').on(t.initials),
    index('customers_created').on(t.createdAt),
  ],
);

export const customerPhones = sqliteTable(
  'customer_phones',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** Digits only. */
    phone: text('phone').notNull(),
    /** The digits reversed, so a phone-tail search is an index range scan. */
    phoneReversed: text('phone_reversed').notNull(),
    label: text('label').notNull().default(''),
    position: integer('position').notNull(),
  },
  (t) => [
    index('customer_phones_customer').on(t.customerId, t.position),
    index('customer_phones_phone').on(t.phone),
    index('customer_phones_reversed').on(t.phoneReversed),
  ],
);

export type CustomerRecord = typeof customers.$inferSelect;
