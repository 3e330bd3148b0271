import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: string;
  locked: boolean;
  lastActivity: number;
  /** The LAN terminal it was opened on (null: the host's own screen); it works there only. */
  terminalId: string | null;
}

/**
 * Signed-in sessions live in memory only: restarting the app signs everyone out. So do the password
 * checks in flight, which the lockout counts as attempts (see passwordCheck.ts).
 */
export class SessionStore {
  private readonly byId = new Map<string, Session>();
  private readonly checking = new Map<string, number>();

  start(userId: string, now: number, terminalId: string | null = null): Session {
    const session = {
      id: randomBytes(24).toString('base64url'),
      userId,
      locked: false,
      lastActivity: now,
      terminalId,
    };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | null): Session | null {
    return id ? (this.byId.get(id) ?? null) : null;
  }

  end(id: string): void {
    this.byId.delete(id);
  }

  /** Sign a user out everywhere, e.g. when an admin disables the account. */
  endAllFor(userId: string): void {
    for (const [id, session] of this.byId) if (session.userId === userId) this.byId.delete(id);
  }

  /** The sessions open on one LAN terminal (who is signed in there). */
  onTerminal(terminalId: string): Session[] {
    return [...this.byId.values()].filter((s) => s.terminalId === terminalId);
  }

  /** Sign everyone out of one terminal, e.g. when it is revoked. */
  endAllOnTerminal(terminalId: string): void {
    for (const [id, session] of this.byId) if (session.terminalId === terminalId) this.byId.delete(id);
  }

  /** Password checks of this user still running (scrypt is slow and runs off the main thread). */
  checksInFlight(userId: string): number {
    return this.checking.get(userId) ?? 0;
  }

  beginCheck(userId: string): void {
    this.checking.set(userId, this.checksInFlight(userId) + 1);
  }

  endCheck(userId: string): void {
    const left = this.checksInFlight(userId) - 1;
    if (left > 0) this.checking.set(userId, left);
    else this.checking.delete(userId);
  }
}
