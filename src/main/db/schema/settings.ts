import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** One JSON value per key ("shop", "security"); each value is checked by its zod schema on read and write. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
