import type { z } from 'zod';
import { contract, isMethod, type Method } from '@shared/contract';
import {
  AppError,
  refusalSchema,
  rpcError,
  type Envelope,
  type FieldIssue,
  type Reason,
  type ReasonParams,
  type Refusal,
} from '@shared/errors';
import { can } from '@shared/roles';
import type { CallContext, Connection, Deps } from '../services/context';
import { readSecurity } from '../services/settings';
import { findUser } from '../services/users';
import { handlers } from './handlers';
import type { Handler } from './handlerTypes';
import { illFormedText } from './wellFormed';
import { inCallScope } from '../services/callScope';

const INVALID: Refusal = { reason: 'invalidInput', params: {} };

/** A schema's own check may name a reason (`params: { reason }`, e.g. deviceIdentity); else the field is invalid. */
function issueRefusal(issue: z.core.$ZodIssue): Refusal {
  if (issue.code !== 'custom') return INVALID;
  const own = refusalSchema.safeParse({ reason: issue.params?.reason, params: {} });
  return own.success ? own.data : INVALID;
}

/** The issues of a failed parse, each with the reason a form words. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    ...issueRefusal(issue),
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

function fail<R extends Reason>(
  reason: R,
  params: ReasonParams[R],
  message: string,
  fields?: FieldIssue[],
): Envelope<never> {
  const error = rpcError(reason, params, message);
  return { ok: false, error: fields ? { ...error, details: { fields } } : error };
}

/** Find the caller's session and user, applying the idle screen lock and dropping dead sessions. */
function resolveCaller(deps: Deps, conn: Connection): Pick<CallContext, 'session' | 'user'> {
  const session = deps.sessions.get(conn.sessionId);
  // A session works only where it was opened: a session cookie carried to another terminal (or to
  // the host) is worth nothing there.
  if (!session || session.terminalId !== (conn.terminal?.id ?? null)) return { session: null, user: null };
  const user = findUser(deps.db, session.userId);
  if (!user || user.disabled) {
    deps.sessions.end(session.id);
    conn.setSessionId(null);
    return { session: null, user: null };
  }
  const idleMinutes = readSecurity(deps.db).idleLockMinutes;
  if (idleMinutes > 0 && deps.now() - session.lastActivity > idleMinutes * 60_000) session.locked = true;
  return { session, user };
}

/**
 * The single entry for every call from any transport: method exists → caller may call it →
 * input is well-formed text and parses → handler runs → output parses. Always resolves to an
 * envelope; never throws.
 */
export async function dispatch(
  deps: Deps,
  methodName: string,
  rawInput: unknown,
  conn: Connection,
): Promise<Envelope<unknown>> {
  if (!isMethod(methodName))
    return fail('unknownMethod', { method: methodName }, `unknown method ${methodName}`);
  const method: Method = methodName;
  const spec = contract[method];
  // A damaged database answers nothing but the guided restore; a restore in progress blocks writes.
  if (deps.backup?.damaged() && !method.startsWith('recovery.')) {
    return fail('databaseDamaged', {}, 'the database is damaged; restore it from a backup');
  }
  if ('hostOnly' in spec && spec.hostOnly && conn.terminal) {
    return fail('hostOnly', {}, `${method} is done at the host only`);
  }
  if (deps.backup?.blocks(method)) {
    return fail('restoreInProgress', {}, 'data is being restored or reset');
  }
  try {
    const { session, user } = method.startsWith('recovery.')
      ? { session: null, user: null }
      : resolveCaller(deps, conn);
    if (spec.access !== 'public') {
      if (!session || !user) return fail('signedOut', {}, 'sign in first');
      if (session.locked && !('whileLocked' in spec && spec.whileLocked))
        return fail('sessionLocked', {}, 'screen is locked');
      if (spec.access !== 'signedIn' && !can(user.role, spec.access)) {
        return fail('forbidden', {}, `role ${user.role} may not call ${method}`);
      }
    }

    const malformed = illFormedText(rawInput);
    if (malformed.length > 0) return fail('invalidInput', {}, 'invalid input', malformed);
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('invalidInput', {}, 'invalid input', fieldIssues(parsed.error));

    const handler = handlers[method] as Handler<Method>;
    const call = inCallScope(conn.terminal ?? null, () =>
      handler(parsed.data as never, { deps, conn, session, user }),
    );
    const result = await call.result;
    if (session && !session.locked) session.lastActivity = deps.now();

    // Parsing the output also strips anything the contract does not name (a hash can never leak).
    const output = spec.output.safeParse(result);
    if (!output.success) {
      deps.log.error(`output of ${method} does not match the contract`, output.error);
      return fail('internal', {}, 'internal error');
    }
    deps.notices?.publishChanges(call.changes);
    return { ok: true, data: output.data };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toRpcError() };
    deps.log.error(`${method} failed`, error);
    return fail('internal', {}, 'internal error');
  }
}
