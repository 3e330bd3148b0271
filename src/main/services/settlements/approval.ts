import { fieldError, type ApprovalAction } from '@shared/errors';
import { can } from '@shared/roles';
import type { UserRecord } from '../../db/schema';
import type { CallContext } from '../context';
import { checkPassword } from '../passwordCheck';
import { findUserByName } from '../users';

/** A manager's user name and password typed in at the counter (managerApproval in the contract). */
export interface ApprovalInput {
  username: string;
  password: string;
}

/**
 * Who approves an action that needs `settlements.approve`: the caller when they hold it, else the
 * active user named in `approval` who holds it, once their password checks out. Null when no
 * approval was given and the caller cannot approve: the caller decides whether that is an error
 * (see requireApprover), because whether approval is needed is known only inside the transaction.
 *
 * The password check is async (scrypt), so it runs before the transaction, which stays synchronous.
 * It goes through the same lockout as sign-in (checkPassword: the attempt is counted before the slow
 * check, so parallel approvals cannot guess faster), and a wrong password counts toward the
 * manager's lockout; nothing else is written.
 */
export async function approverFor(
  ctx: CallContext,
  approval: ApprovalInput | undefined,
): Promise<UserRecord | null> {
  if (ctx.user && can(ctx.user.role, 'settlements.approve')) return ctx.user;
  if (!approval) return null;
  const approver = findUserByName(ctx.deps.db, approval.username);
  if (!approver || approver.disabled || !can(approver.role, 'settlements.approve')) {
    throw fieldError(
      'approval.username',
      'notApprover',
      { username: approval.username },
      `${approval.username} is not an active user who may approve`,
    );
  }
  const check = await checkPassword(ctx.deps, approver.id, approval.password);
  if (check.result === 'right') return approver;
  if (check.result === 'refused' || check.lockedUntil !== null) {
    throw fieldError(
      'approval.username',
      'approverLocked',
      { username: approver.username },
      `${approver.username} is locked after wrong passwords`,
    );
  }
  throw fieldError('approval.password', 'approverWrongPassword', {}, 'wrong password');
}

/** The approver, or FORBIDDEN on `approval` saying which action needed one (`what`: for the log). */
export function requireApprover(
  approver: UserRecord | null,
  action: ApprovalAction,
  what: string,
): UserRecord {
  if (!approver)
    throw fieldError('approval', 'needsApproval', { action }, `${what} needs a manager's approval`);
  return approver;
}
