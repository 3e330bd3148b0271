import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import type { AuditAction, AuditEntity, AuditEntry } from '@shared/schemas/audit';
import type { ParsedInputOf } from '@shared/contract';
import { auditLog, users } from '../db/schema';
import type { Db } from '../db/open';
import type { Queryable, Tx } from './context';
import { callTerminal, noteChange } from './callScope';
import { preparedInsert } from './preparedQuery';

/** Keys that never reach the audit log, whatever entity they sit in. */
const SECRET_KEYS = new Set([
  'password',
  'passwordHash',
  'newPassword',
  'currentPassword',
  'devicePassword',
  'accessKeySecret',
]);

export function redact(value: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  if (!value) return null;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !SECRET_KEYS.has(key)));
}

export interface AuditWrite {
  at: number;
  actor: { id: string; username: string } | null;
  action: AuditAction;
  /** One of the entities @shared/labels words, so the audit log never shows a bare code. */
  entity: AuditEntity;
  entityId?: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const insertAudit = preparedInsert(auditLog);

/** Written in the same transaction as the change it records, naming the terminal the call came from. */
export function writeAudit(tx: Tx, entry: AuditWrite): void {
  const before = redact(entry.before);
  const after = redact(entry.after);
  const terminal = callTerminal();
  noteChange({ entity: entry.entity, id: entry.entityId ?? null, action: entry.action });
  insertAudit(tx, {
    id: uuidv7(),
    at: entry.at,
    userId: entry.actor?.id ?? null,
    username: entry.actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    before: before ? JSON.stringify(before) : null,
    after: after ? JSON.stringify(after) : null,
    terminalId: terminal?.id ?? null,
    terminalName: terminal?.name ?? null,
  });
}

/**
 * The audit row of an action that changes no other row (sign-out, backup settings kept in a file,
 * a restore that replaced the whole file): it is a transaction of its own.
 */
export function writeLoneAudit(db: Db, entry: AuditWrite): void {
  db.transaction((tx) => writeAudit(tx, entry));
}

/** Only the keys whose values differ, so an update row shows what changed and nothing else. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } | null {
  const keys = Object.keys(after).filter(
    (k): k is Extract<keyof T, string> => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (keys.length === 0) return null;
  const pick = (source: T): Partial<T> => {
    const picked: Partial<T> = {};
    for (const k of keys) picked[k] = source[k];
    return picked;
  };
  return { before: pick(before), after: pick(after) };
}

export function listAudit(
  q: Queryable,
  input: ParsedInputOf<'audit.list'>,
): { total: number; rows: AuditEntry[] } {
  const filters: SQL[] = [];
  if (input.userId) filters.push(eq(auditLog.userId, input.userId));
  if (input.entity) filters.push(eq(auditLog.entity, input.entity));
  if (input.action) filters.push(eq(auditLog.action, input.action));
  if (input.from !== undefined) filters.push(gte(auditLog.at, input.from));
  if (input.to !== undefined) filters.push(lte(auditLog.at, input.to));
  const where = filters.length ? and(...filters) : undefined;

  const total = q.select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = q
    .select()
    .from(auditLog)
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return {
    total,
    rows: rows.map((r) => ({
      ...r,
      before: r.before ? (JSON.parse(r.before) as Record<string, unknown>) : null,
      after: r.after ? (JSON.parse(r.after) as Record<string, unknown>) : null,
    })),
  };
}

export function auditFacets(q: Queryable): { entities: string[]; users: { id: string; username: string }[] } {
  const entities = q
    .selectDistinct({ entity: auditLog.entity })
    .from(auditLog)
    .orderBy(auditLog.entity)
    .all()
    .map((r) => r.entity);
  const people = q
    .select({ id: users.id, username: users.username })
    .from(users)
    .orderBy(users.username)
    .all();
  return { entities, users: people };
}
