import { hostname } from 'node:os';
import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { AuditEntity } from '@shared/schemas/audit';
import { auditLog, users } from '../db/schema';
import type { Queryable } from './context';

/** The row as an edit sees it: its version (bumped by the triggers of drizzle/0013) and last change. */
export interface VersionedRow {
  id: string;
  version: number;
  updatedAt: number;
}

interface LastChange {
  at: number;
  by: string;
  terminal: string;
}

const lastChangeColumns = {
  at: auditLog.at,
  username: auditLog.username,
  displayName: users.displayName,
  terminalName: auditLog.terminalName,
};

/**
 * Who made the change that left the row as it is, from the audit log. Every write that changes one of
 * these rows stamps its `updated_at` with the moment of its own audit rows, so an audit row at that
 * very moment is that write's — this record's own first, else the one the same call wrote for another
 * entity (a settlement touching its order, a merge moving a device). Failing that, the record's newest.
 */
function lastChange(q: Queryable, entity: AuditEntity, row: VersionedRow): LastChange | null {
  const own = and(eq(auditLog.entity, entity), eq(auditLog.entityId, row.id));
  const found =
    q
      .select(lastChangeColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(eq(auditLog.at, row.updatedAt))
      .orderBy(desc(sql`${own}`), desc(sql`${auditLog}.rowid`))
      .limit(1)
      .get() ??
    q
      .select(lastChangeColumns)
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.userId))
      .where(own)
      .orderBy(desc(auditLog.at), desc(sql`${auditLog}.rowid`))
      .limit(1)
      .get();
  if (!found) return null;
  return {
    at: found.at,
    by: found.displayName ?? found.username ?? '',
    // No terminal on the audit row: the change was made at the host PC itself.
    terminal: found.terminalName ?? hostname(),
  };
}

/**
 * Refuse an edit that started from another version of the row than the one stored: someone changed
 * it since (`staleEdit`, naming who, when and at which terminal). Call it in the write's transaction,
 * before anything is written, so a stale edit changes nothing.
 */
export function assertVersion(q: Queryable, entity: AuditEntity, row: VersionedRow, started: number): void {
  if (row.version === started) return;
  const last = lastChange(q, entity, row) ?? { at: row.updatedAt, by: '', terminal: hostname() };
  throw new AppError(
    'staleEdit',
    last,
    `${entity} ${row.id} is at version ${row.version}, the edit started from ${started}`,
  );
}

/** A record as the audit log keeps it: the version is bookkeeping, not something anyone changed. */
export function withoutVersion<T extends { version: number }>(record: T): Omit<T, 'version'> {
  const { version: _version, ...rest } = record;
  return rest;
}
