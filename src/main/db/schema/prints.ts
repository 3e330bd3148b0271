import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { PrintForm } from '@shared/schemas/prints';
import { users } from './users';

/**
 * Every printed form: which form of which document, who printed it and when. The count of rows for a
 * form and document is the print's number (2 and on are 补打). Append-only: triggers in the
 * migration refuse UPDATE and DELETE.
 */
export const printLog = sqliteTable(
  'print_log',
  {
    id: text('id').primaryKey(),
    form: text('form').$type<PrintForm>().notNull(),
    /** The work order, settlement or stock document id; the date of a day close; a report's period. */
    documentId: text('document_id').notNull(),
    printedBy: text('printed_by').references(() => users.id),
    /** Kept as text so the row still reads right after a user is renamed. */
    username: text('username'),
    printedAt: integer('printed_at').notNull(),
  },
  (t) => [index('print_log_document').on(t.form, t.documentId, t.printedAt)],
);

export type PrintLogRecord = typeof printLog.$inferSelect;
