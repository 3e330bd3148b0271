import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { contract, isMethod, type Method } from '@shared/contract';
import { AppError, type Envelope, type RpcError, type FieldIssue } from '@shared/errors';
import { can } from '@shared/roles';
import type { CallContext, Connection, Deps } from '../services/context';
import { readSecurity } from '../services/settings';
import { users } from '../db/schema';
import { handlers } from './handlers';
import type { Handler } from './handlerTypes';
import { illFormedText } from './wellFormed';

function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

function fail(code: RpcError['code'], message: string, details?: RpcError['details']): Envelope<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Find the caller's session and user, applying the idle screen lock and dropping dead sessions. */
function resolveCaller(deps: Deps, conn: Connection): Pick<CallContext, 'session' | 'user'> {
  const session = deps.sessions.get(conn.sessionId);
  if (!session) return { session: null, user: null };
  const user = deps.db.select().from(users).where(eq(users.id, session.userId)).get();
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
  if (!isMethod(methodName)) return fail('UNKNOWN_METHOD', `unknown method ${methodName}`);
  const method: Method = methodName;
  const spec = contract[method];
  // A damaged database answers nothing but the guided restore; a restore in progress blocks writes.
  if (deps.backup?.damaged() && !method.startsWith('recovery.')) {
    return fail(
      'DATABASE_DAMAGED',
      '数据库已损坏，请从备份恢复 / The database is damaged; restore it from a backup',
    );
  }
  if (deps.backup?.blocks(method)) {
    return fail('CONFLICT', '正在恢复或清空数据，请稍候 / Data is being restored or reset; please wait');
  }
  try {
    const { session, user } = method.startsWith('recovery.')
      ? { session: null, user: null }
      : resolveCaller(deps, conn);
    if (spec.access !== 'public') {
      if (!session || !user) return fail('UNAUTHENTICATED', 'sign in first');
      if (session.locked && !('whileLocked' in spec && spec.whileLocked))
        return fail('SESSION_LOCKED', 'screen is locked');
      if (spec.access !== 'signedIn' && !can(user.role, spec.access)) {
        return fail('FORBIDDEN', `role ${user.role} may not call ${method}`);
      }
    }

    const malformed = illFormedText(rawInput);
    if (malformed.length > 0) return fail('VALIDATION', 'invalid input', { fields: malformed });
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('VALIDATION', 'invalid input', { fields: fieldIssues(parsed.error) });

    const handler = handlers[method] as Handler<Method>;
    const result = await handler(parsed.data as never, { deps, conn, session, user });
    if (session && !session.locked) session.lastActivity = deps.now();

    // Parsing the output also strips anything the contract does not name (a hash can never leak).
    const output = spec.output.safeParse(result);
    if (!output.success) {
      deps.log.error(`output of ${method} does not match the contract`, output.error);
      return fail('INTERNAL', 'internal error');
    }
    return { ok: true, data: output.data };
  } catch (error) {
    if (error instanceof AppError) return fail(error.code, error.message, error.details);
    deps.log.error(`${method} failed`, error);
    return fail('INTERNAL', 'internal error');
  }
}
