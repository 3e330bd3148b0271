import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { AuditAction } from '@shared/schemas/audit';

/** Append-only: triggers in migration 0001 refuse UPDATE and DELETE. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(),
    at: integer('at').notNull(),
    userId: text('user_id'),
    /** Kept as text so the row still reads right after a user is renamed. */
    username: text('username'),
    action: text('action').$type<AuditAction>().notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    /** The LAN terminal the write came from (null: the host's own screen), its name kept as text. */
    terminalId: text('terminal_id'),
    terminalName: text('terminal_name'),
  },
  (t) => [
    index('audit_log_at').on(t.at),
    index('audit_log_user_at').on(t.userId, t.at),
    index('audit_log_entity_at').on(t.entity, t.at),
  ],
);
