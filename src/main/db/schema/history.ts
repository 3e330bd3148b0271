import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

/**
 * 历史导入: one row per real run of a work-order history import. `undoing` is set only inside the
 * undo's transaction: the append-only triggers on settlements and payments let exactly the rows
 * of that import's orders go (drizzle/0021_history_import).
 */
export const historyImports = sqliteTable(
  'history_imports',
  {
    id: text('id').primaryKey(),
    fileName: text('file_name').notNull(),
    rows: integer('rows').notNull(),
    /** JSON: how many rows of each table the import added, so an undo removes exactly those. */
    added: text('added').notNull(),
    at: integer('at').notNull(),
    userId: text('user_id').references(() => users.id),
    undoing: integer('undoing', { mode: 'boolean' }).notNull().default(false),
    undoneAt: integer('undone_at'),
    undoneBy: text('undone_by').references(() => users.id),
  },
  (t) => [index('history_imports_at').on(t.at)],
);

/** What an import made: its customers, devices and work orders, each with the file row it came from. */
export const historyImportItems = sqliteTable(
  'history_import_items',
  {
    importId: text('import_id')
      .notNull()
      .references(() => historyImports.id),
    entity: text('entity').$type<'customer' | 'device' | 'workOrder'>().notNull(),
    entityId: text('entity_id').notNull(),
    row: integer('row').notNull(),
    /** For an order: the old system's number and a technician name no user matched. */
    sourceNo: text('source_no').notNull().default(''),
    technicianName: text('technician_name').notNull().default(''),
  },
  (t) => [
    index('history_import_items_import').on(t.importId, t.entity),
    index('history_import_items_entity').on(t.entityId),
  ],
);
