import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

/** Counters behind human document numbers; a number once handed out is never handed out again. */
export const sequences = sqliteTable('sequences', {
  name: text('name').primaryKey(),
  value: integer('value').notNull(),
});
