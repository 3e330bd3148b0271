import { and, eq, ne, sql, count } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { UserRow } from '@shared/schemas/users';
import { users, type UserRecord } from '../db/schema';
import { changedFields, writeAudit } from './audit';
import type { CallContext, Queryable, Tx } from './context';
import { preparedRowById } from './preparedQuery';
import { hashPassword } from './passwords';

/** What the audit log keeps of a user (never the password hash). */
function userFacts(u: UserRecord): Omit<UserRow, 'locked'> {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    disabled: u.disabled,
    lockedUntil: u.lockedUntil,
    lastSignInAt: u.lastSignInAt,
    createdAt: u.createdAt,
    updatedAt: u.updatedAt,
  };
}

/** A user for the users page; whether the account is locked now is decided on the server's clock. */
function toUserRow(u: UserRecord, now: number): UserRow {
  return { ...userFacts(u), locked: u.lockedUntil !== null && u.lockedUntil > now };
}

export function actorOf(user: UserRecord | null): { id: string; username: string } | null {
  return user && { id: user.id, username: user.username };
}

export function findUserByName(q: Queryable, username: string): UserRecord | undefined {
  return q
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${username})`)
    .get();
}

/** The user, or undefined (every call looks its caller up: built once, see preparedQuery). */
export const findUser: (q: Queryable, id: string) => UserRecord | undefined = preparedRowById(users);

export function getUser(q: Queryable, id: string): UserRecord {
  const user = findUser(q, id);
  if (!user) throw new AppError('userNotFound', {}, 'user not found');
  return user;
}

export function countUsers(q: Queryable): number {
  return q.select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listUsers(q: Queryable, now: number): UserRow[] {
  return q
    .select()
    .from(users)
    .orderBy(users.createdAt)
    .all()
    .map((u) => toUserRow(u, now));
}

/** Insert a user row with its audit entry; the caller owns the transaction. */
export function insertUser(
  tx: Tx,
  fields: {
    username: string;
    displayName: string;
    role: UserRecord['role'];
    passwordHash: string;
    /** The first-run admin is signed in as it is created. */
    lastSignInAt?: number;
  },
  at: number,
  actor: { id: string; username: string } | null,
): UserRecord {
  if (findUserByName(tx, fields.username)) {
    throw fieldError('username', 'usernameTaken', {}, 'username taken');
  }
  const record: UserRecord = {
    id: uuidv7(),
    ...fields,
    disabled: false,
    failedAttempts: 0,
    lockedUntil: null,
    lastSignInAt: fields.lastSignInAt ?? null,
    createdAt: at,
    updatedAt: at,
  };
  tx.insert(users).values(record).run();
  writeAudit(tx, {
    at,
    actor: actor ?? { id: record.id, username: record.username },
    action: 'create',
    entity: 'user',
    entityId: record.id,
    after: userFacts(record),
  });
  return record;
}

export async function createUser(ctx: CallContext, input: ParsedInputOf<'users.create'>): Promise<UserRow> {
  const passwordHash = await hashPassword(input.password, ctx.deps.scryptN);
  const { db, now } = ctx.deps;
  const at = now();
  return db.transaction((tx) =>
    toUserRow(
      insertUser(
        tx,
        { username: input.username, displayName: input.displayName, role: input.role, passwordHash },
        at,
        actorOf(ctx.user),
      ),
      at,
    ),
  );
}

function activeAdminsOtherThan(q: Queryable, id: string): number {
  return (
    q
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, id)))
      .get()?.n ?? 0
  );
}

export function updateUser(ctx: CallContext, input: ParsedInputOf<'users.update'>): UserRow {
  const { db, now, sessions } = ctx.deps;
  const result = db.transaction((tx) => {
    const before = getUser(tx, input.id);
    const next: UserRecord = {
      ...before,
      displayName: input.displayName ?? before.displayName,
      role: input.role ?? before.role,
      disabled: input.disabled ?? before.disabled,
    };
    if (input.disabled && ctx.user?.id === before.id) {
      throw fieldError('disabled', 'disableSelf', {}, 'cannot disable yourself');
    }
    const losesAdmin =
      before.role === 'admin' && !before.disabled && (next.role !== 'admin' || next.disabled);
    if (losesAdmin && activeAdminsOtherThan(tx, before.id) === 0) {
      throw fieldError('role', 'lastAdmin', {}, 'the shop needs at least one active admin');
    }
    const diff = changedFields(userFacts(before), userFacts(next));
    if (!diff) return next;
    next.updatedAt = now();
    tx.update(users).set(next).where(eq(users.id, before.id)).run();
    writeAudit(tx, {
      at: next.updatedAt,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'user',
      entityId: before.id,
      before: diff.before,
      after: diff.after,
    });
    return next;
  });
  if (result.disabled) sessions.endAllFor(result.id);
  return toUserRow(result, now());
}

/** An admin sets a new password; this also lifts a lockout. */
export async function resetPassword(
  ctx: CallContext,
  input: ParsedInputOf<'users.resetPassword'>,
): Promise<UserRow> {
  const passwordHash = await hashPassword(input.newPassword, ctx.deps.scryptN);
  const { db, now, sessions } = ctx.deps;
  const user = db.transaction((tx) => {
    const before = getUser(tx, input.id);
    const at = now();
    const next = { ...before, passwordHash, failedAttempts: 0, lockedUntil: null, updatedAt: at };
    tx.update(users).set(next).where(eq(users.id, before.id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'passwordReset',
      entity: 'user',
      entityId: before.id,
      before: { lockedUntil: before.lockedUntil },
      after: { lockedUntil: null },
    });
    return next;
  });
  // Whoever knew the old password is signed out.
  if (ctx.user?.id !== user.id) sessions.endAllFor(user.id);
  return toUserRow(user, now());
}
