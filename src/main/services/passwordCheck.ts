import { eq } from 'drizzle-orm';
import { users, type UserRecord } from '../db/schema';
import { writeAudit } from './audit';
import type { Deps } from './context';
import { hashPassword, SCRYPT_N, verifyPassword } from './passwords';
import { actorOf, getUser } from './users';

const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60_000;

/**
 * What a password check said. `refused`: the password was not checked at all, because the account
 * is locked or every attempt the lockout allows is already taken by checks still running.
 */
export type PasswordCheck =
  | { result: 'right' }
  | { result: 'wrong'; lockedUntil: number | null }
  | { result: 'refused'; lockedUntil: number | null };

/** One decoy hash per scrypt cost, made on first use. */
const decoyHashes = new Map<number, Promise<string>>();

/**
 * Spend one real check's time on a hash that belongs to nobody: an unknown user, a disabled or a
 * locked one take as long to refuse as a wrong password, so the timing tells none of them apart.
 */
export async function decoyCheck(deps: Deps, password: string): Promise<void> {
  const n = deps.scryptN ?? SCRYPT_N;
  let decoy = decoyHashes.get(n);
  if (!decoy) {
    decoy = hashPassword('decoy-password', n);
    decoyHashes.set(n, decoy);
  }
  await verifyPassword(password, await decoy);
}

function activeLock(user: UserRecord, now: number): number | null {
  return user.lockedUntil !== null && user.lockedUntil > now ? user.lockedUntil : null;
}

/**
 * Count a wrong password against the account. The fifth in a row locks it for five minutes and
 * ends its sessions. Returns the lock time when this failure caused one.
 */
function recordFailure(deps: Deps, userId: string): number | null {
  const { db, now, sessions } = deps;
  const lockedUntil = db.transaction((tx) => {
    const user = getUser(tx, userId);
    const at = now();
    const attempts = user.failedAttempts + 1;
    const lock = attempts >= MAX_FAILED_ATTEMPTS ? at + LOCKOUT_MS : null;
    tx.update(users)
      .set({ failedAttempts: lock ? 0 : attempts, lockedUntil: lock ?? user.lockedUntil })
      .where(eq(users.id, user.id))
      .run();
    writeAudit(tx, {
      at,
      actor: actorOf(user),
      action: lock ? 'lockout' : 'signInFailed',
      entity: 'user',
      entityId: user.id,
      after: lock ? { lockedUntil: lock } : { failedAttempts: attempts },
    });
    return lock;
  });
  if (lockedUntil) sessions.endAllFor(userId);
  return lockedUntil;
}

/**
 * A right password counts only if nothing closed the door while it was being checked: a lock that
 * fell meanwhile, a password reset or a disabled account refuse it. Otherwise the count starts over.
 */
function acceptRight(deps: Deps, checked: UserRecord): PasswordCheck {
  return deps.db.transaction((tx): PasswordCheck => {
    const fresh = getUser(tx, checked.id);
    const lockedUntil = activeLock(fresh, deps.now());
    if (lockedUntil !== null || fresh.disabled || fresh.passwordHash !== checked.passwordHash) {
      return { result: 'refused', lockedUntil };
    }
    if (fresh.failedAttempts > 0) {
      tx.update(users).set({ failedAttempts: 0 }).where(eq(users.id, fresh.id)).run();
    }
    return { result: 'right' };
  });
}

/**
 * Check a user's password under the lockout, whatever the concurrency. The attempt is taken before
 * the slow scrypt check, with no `await` between reading the count and taking it, so parallel calls
 * cannot all pass the same count: failures so far plus checks in flight never exceed
 * MAX_FAILED_ATTEMPTS, and at most that many wrong passwords are ever verified per lock window.
 * A refused attempt still spends a decoy check's time.
 */
export async function checkPassword(deps: Deps, userId: string, password: string): Promise<PasswordCheck> {
  const { db, now, sessions } = deps;
  const current = getUser(db, userId);
  const lockedUntil = activeLock(current, now());
  if (
    lockedUntil !== null ||
    current.failedAttempts + sessions.checksInFlight(current.id) >= MAX_FAILED_ATTEMPTS
  ) {
    await decoyCheck(deps, password);
    return { result: 'refused', lockedUntil };
  }
  sessions.beginCheck(current.id);
  let right: boolean;
  try {
    right = await verifyPassword(password, current.passwordHash);
  } finally {
    sessions.endCheck(current.id);
  }
  if (!right) return { result: 'wrong', lockedUntil: recordFailure(deps, current.id) };
  return acceptRight(deps, current);
}
