import { eq } from 'drizzle-orm';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { permissionsOf } from '@shared/roles';
import type { AppState } from '@shared/schemas/auth';
import type { SessionUser } from '@shared/schemas/users';
import { securitySettings } from '@shared/schemas/settings';
import { users, type UserRecord } from '../db/schema';
import { writeAudit, writeLoneAudit } from './audit';
import type { CallContext } from './context';
import { checkPassword, decoyCheck } from './passwordCheck';
import { hashPassword } from './passwords';
import { readSampleData, readSecurity, readShop, writeShop } from './settings';
import { actorOf, countUsers, findUserByName, getUser, insertUser } from './users';

export { LOCKOUT_MS } from './passwordCheck';

function toSessionUser(u: UserRecord): SessionUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    permissions: [...permissionsOf(u.role)],
  };
}

export function appState(ctx: CallContext): AppState {
  const { db } = ctx.deps;
  return {
    setupNeeded: countUsers(db) === 0,
    shopName: readShop(db)?.name ?? null,
    user: ctx.user && toSessionUser(ctx.user),
    locked: ctx.session?.locked ?? false,
    idleLockMinutes: readSecurity(db).idleLockMinutes,
    now: ctx.deps.now(),
    terminal: ctx.conn.terminal ?? null,
    sampleData: readSampleData(db) !== null,
  };
}

function beginSession(ctx: CallContext, user: UserRecord): void {
  const { sessions, now } = ctx.deps;
  if (ctx.conn.sessionId) sessions.end(ctx.conn.sessionId);
  ctx.conn.setSessionId(sessions.start(user.id, now(), ctx.conn.terminal?.id ?? null).id);
}

export async function setup(ctx: CallContext, input: ParsedInputOf<'auth.setup'>): Promise<SessionUser> {
  const { db, now, scryptN } = ctx.deps;
  if (countUsers(db) > 0) throw new AppError('setupDone', {}, 'setup already done');
  const passwordHash = await hashPassword(input.admin.password, scryptN);
  const admin = db.transaction((tx) => {
    // Checked again inside the transaction: two first-run forms may race.
    if (countUsers(tx) > 0) throw new AppError('setupDone', {}, 'setup already done');
    const at = now();
    const user = insertUser(tx, { ...input.admin, role: 'admin', passwordHash, lastSignInAt: at }, at, null);
    const shop = { name: input.shopName, branchCode: input.branchCode, address: '', phone: '', logo: null };
    writeShop(tx, shop, at);
    const actor = actorOf(user);
    writeAudit(tx, { at, actor, action: 'create', entity: 'settings', entityId: 'shop', after: shop });
    writeAudit(tx, {
      at,
      actor,
      action: 'create',
      entity: 'settings',
      entityId: 'security',
      after: securitySettings.parse({}),
    });
    return user;
  });
  beginSession(ctx, admin);
  return toSessionUser(admin);
}

/** Answered to every failed sign-in alike: unknown, disabled, locked or wrong. */
const WRONG_CREDENTIALS = 'wrong username or password';

function accountLocked(lockedUntil: number | null): AppError {
  return lockedUntil === null
    ? new AppError('accountLocked', {}, 'too many wrong passwords')
    : new AppError('accountLockedUntil', { lockedUntil }, 'too many wrong passwords');
}

/**
 * Verify a signed-in user's password (unlock, change password) under the same lockout as sign-in.
 * The caller is already known here, so a lock may be named (and the lock screen signs them out).
 */
async function confirmPassword(
  ctx: CallContext,
  user: UserRecord,
  password: string,
  field: string,
): Promise<void> {
  const check = await checkPassword(ctx.deps, user.id, password);
  if (check.result === 'right') return;
  if (check.result === 'refused' || check.lockedUntil !== null) throw accountLocked(check.lockedUntil);
  throw fieldError(field, 'wrongPassword', {}, 'wrong password');
}

export async function signIn(ctx: CallContext, input: ParsedInputOf<'auth.signIn'>): Promise<SessionUser> {
  const { db, now } = ctx.deps;
  const user = findUserByName(db, input.username);
  // Unknown, disabled, locked and wrong all get one answer after one scrypt check's time, so a
  // lockout never tells a stranger that the user exists.
  if (!user || user.disabled) {
    await decoyCheck(ctx.deps, input.password);
    throw new AppError('wrongCredentials', {}, WRONG_CREDENTIALS);
  }
  const check = await checkPassword(ctx.deps, user.id, input.password);
  if (check.result !== 'right') throw new AppError('wrongCredentials', {}, WRONG_CREDENTIALS);
  const signedIn = db.transaction((tx) => {
    const at = now();
    // The lock is left alone: checkPassword has just found none in force.
    const fresh = { ...getUser(tx, user.id), failedAttempts: 0, lastSignInAt: at };
    tx.update(users).set(fresh).where(eq(users.id, user.id)).run();
    writeAudit(tx, { at, actor: actorOf(fresh), action: 'signIn', entity: 'session', entityId: user.id });
    return fresh;
  });
  beginSession(ctx, signedIn);
  return toSessionUser(signedIn);
}

export function signOut(ctx: CallContext): { ok: true } {
  const { db, now, sessions } = ctx.deps;
  if (ctx.session) sessions.end(ctx.session.id);
  ctx.conn.setSessionId(null);
  if (ctx.user)
    writeLoneAudit(db, {
      at: now(),
      actor: actorOf(ctx.user),
      action: 'signOut',
      entity: 'session',
      entityId: ctx.user.id,
    });
  return { ok: true };
}

export function lock(ctx: CallContext): { ok: true } {
  if (ctx.session) ctx.session.locked = true;
  return { ok: true };
}

export async function unlock(ctx: CallContext, input: ParsedInputOf<'auth.unlock'>): Promise<{ ok: true }> {
  const { user, session } = ctx;
  if (!user || !session) throw new AppError('signedOut', {}, 'not signed in');
  await confirmPassword(ctx, user, input.password, 'password');
  session.locked = false;
  return { ok: true };
}

export async function changePassword(
  ctx: CallContext,
  input: ParsedInputOf<'auth.changePassword'>,
): Promise<{ ok: true }> {
  const { user } = ctx;
  if (!user) throw new AppError('signedOut', {}, 'not signed in');
  await confirmPassword(ctx, user, input.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(input.newPassword, ctx.deps.scryptN);
  const { db, now } = ctx.deps;
  db.transaction((tx) => {
    const at = now();
    tx.update(users)
      .set({ passwordHash, failedAttempts: 0, updatedAt: at })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, { at, actor: actorOf(user), action: 'passwordChange', entity: 'user', entityId: user.id });
  });
  return { ok: true };
}
