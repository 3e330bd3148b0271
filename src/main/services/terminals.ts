import { createHash, randomBytes } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { TerminalRef, TerminalRow } from '@shared/schemas/lan';
import { terminals, users } from '../db/schema';
import type { Db } from '../db/open';
import { writeAudit } from './audit';
import { inCallScope } from './callScope';
import type { CallContext, Deps, Queryable } from './context';
import type { SessionStore } from './sessions';
import { actorOf, findUser } from './users';

type TerminalRecord = typeof terminals.$inferSelect;

/** Only this is stored: the key is 32 random bytes, so a fast hash loses nothing (see the schema). */
export function hashTerminalKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * A new terminal paired by a right code: its row, the audit row naming it, and its key, returned
 * once and never stored. The write is made in the new terminal's own call scope, so the audit row
 * and the change notice name it as the terminal that joined.
 */
export function pairTerminal(deps: Deps, name: string): { terminal: TerminalRef; key: string } {
  const key = randomBytes(32).toString('base64url');
  const terminal = { id: uuidv7(), name };
  const at = deps.now();
  const call = inCallScope(terminal, () =>
    deps.db.transaction((tx) => {
      tx.insert(terminals)
        .values({ ...terminal, keyHash: hashTerminalKey(key), pairedAt: at })
        .run();
      writeAudit(tx, {
        at,
        actor: null,
        action: 'create',
        entity: 'terminal',
        entityId: terminal.id,
        after: { name },
      });
    }),
  );
  deps.notices?.publishChanges(call.changes);
  return { terminal, key };
}

export type KeyCheck = { status: 'paired'; terminal: TerminalRecord } | { status: 'revoked' | 'unknown' };

/** Which terminal a key belongs to; checked on every call, so a revocation bites at the next one. */
export function verifyTerminalKey(db: Db, key: string | undefined): KeyCheck {
  if (!key) return { status: 'unknown' };
  const row = db
    .select()
    .from(terminals)
    .where(eq(terminals.keyHash, hashTerminalKey(key)))
    .get();
  if (!row) return { status: 'unknown' };
  return row.revokedAt === null ? { status: 'paired', terminal: row } : { status: 'revoked' };
}

/** How often a terminal's "last seen" is written at most while nothing else about it changes. */
export const TOUCH_EVERY_MS = 30_000;

interface Seen {
  at: number;
  address: string;
  userId: string | null;
}

/**
 * Where and when each terminal was last seen, and who used it. Written to the database at most once
 * per TOUCH_EVERY_MS per terminal (or at once when its address or user changes), so a busy tablet's
 * calls do not each cost a write.
 */
export class TerminalActivity {
  private readonly written = new Map<string, Seen>();

  touch(deps: Deps, terminalId: string, address: string, sessionId: string | null): void {
    const at = deps.now();
    const session = deps.sessions.get(sessionId);
    const userId = session?.terminalId === terminalId ? session.userId : null;
    const last = this.written.get(terminalId);
    const fresh = last && at - last.at < TOUCH_EVERY_MS && last.address === address;
    if (fresh && (userId === null || userId === last.userId)) return;
    const user = userId ? findUser(deps.db, userId) : undefined;
    const set = { address, lastSeenAt: at, ...(user ? { lastUser: user.displayName } : {}) };
    deps.db.update(terminals).set(set).where(eq(terminals.id, terminalId)).run();
    this.written.set(terminalId, { at, address, userId: userId ?? last?.userId ?? null });
  }
}

/** Who is signed in at each terminal now: the user of its most recently active session. */
function signedInNames(db: Queryable, sessions: SessionStore, ids: string[]): Map<string, string> {
  const latest = new Map<string, { userId: string; lastActivity: number }>();
  for (const id of ids) {
    for (const s of sessions.onTerminal(id)) {
      const seen = latest.get(id);
      if (!seen || s.lastActivity > seen.lastActivity) latest.set(id, s);
    }
  }
  const userIds = [...new Set([...latest.values()].map((s) => s.userId))];
  const names = new Map<string, string>(
    userIds.length === 0
      ? []
      : db
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds))
          .all()
          .map((u) => [u.id, u.displayName]),
  );
  const result = new Map<string, string>();
  for (const [terminalId, s] of latest) {
    const name = names.get(s.userId);
    if (name) result.set(terminalId, name);
  }
  return result;
}

function toRow(record: TerminalRecord, signedInAs: string | null): TerminalRow {
  return {
    id: record.id,
    name: record.name,
    address: record.address,
    pairedAt: record.pairedAt,
    lastSeenAt: record.lastSeenAt,
    signedInAs,
    revokedAt: record.revokedAt,
  };
}

export function listTerminals(deps: Deps): TerminalRow[] {
  const records = deps.db.select().from(terminals).orderBy(asc(terminals.pairedAt), asc(terminals.id)).all();
  const names = signedInNames(
    deps.db,
    deps.sessions,
    records.map((r) => r.id),
  );
  return records.map((r) => toRow(r, r.revokedAt === null ? (names.get(r.id) ?? null) : null));
}

function getTerminal(q: Queryable, id: string): TerminalRecord {
  const row = q.select().from(terminals).where(eq(terminals.id, id)).get();
  if (!row) throw new AppError('terminalNotFound', {}, 'terminal not found');
  return row;
}

function terminalRow(ctx: CallContext, id: string): TerminalRow {
  const row = listTerminals(ctx.deps).find((t) => t.id === id);
  if (!row) throw new AppError('terminalNotFound', {}, 'terminal not found');
  return row;
}

export function renameTerminal(ctx: CallContext, input: ParsedInputOf<'lan.renameTerminal'>): TerminalRow {
  const { db, now } = ctx.deps;
  db.transaction((tx) => {
    const before = getTerminal(tx, input.id);
    if (before.name === input.name) return;
    tx.update(terminals).set({ name: input.name }).where(eq(terminals.id, input.id)).run();
    writeAudit(tx, {
      at: now(),
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'terminal',
      entityId: input.id,
      before: { name: before.name },
      after: { name: input.name },
    });
  });
  return terminalRow(ctx, input.id);
}

/**
 * A lost or stolen terminal: its key is refused from its next call on, everyone signed in there is
 * signed out, and its open screens are told so (their event streams then close).
 */
export function revokeTerminal(ctx: CallContext, id: string): TerminalRow {
  const { db, now, sessions } = ctx.deps;
  const revoked = db.transaction((tx) => {
    const before = getTerminal(tx, id);
    if (before.revokedAt !== null) return false;
    const at = now();
    tx.update(terminals).set({ revokedAt: at }).where(eq(terminals.id, id)).run();
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'void',
      entity: 'terminal',
      entityId: id,
      before: { name: before.name },
    });
    return true;
  });
  if (revoked) {
    sessions.endAllOnTerminal(id);
    ctx.deps.notices?.publishTo(id, { kind: 'signedOut', reason: 'revoked' });
  }
  return terminalRow(ctx, id);
}
