import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userId: string;
  locked: boolean;
  lastActivity: number;
}

/** Signed-in sessions live in memory only: restarting the app signs everyone out. */
export class SessionStore {
  private readonly byId = new Map<string, Session>();

  start(userId: string, now: number): Session {
    const session = { id: randomBytes(24).toString('base64url'), userId, locked: false, lastActivity: now };
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
}
