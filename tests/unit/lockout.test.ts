import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '@shared/errors';
import { verifyPassword } from '../../src/main/services/passwords';
import { LOCKOUT_MS } from '../../src/main/services/auth';
import { ADMIN, setUpShop, signedInAs, snapshot, startApp, type Client, type TestApp } from './harness';
import { MANAGER, openShop, orderInRepair } from './settlementsFixtures';

// Every scrypt verification goes through this spy, so a test can count how many passwords were
// really checked against one user's hash (decoy checks use another hash).
vi.mock('../../src/main/services/passwords', async (importOriginal) => {
  const real = await importOriginal<{
    verifyPassword: (password: string, stored: string) => Promise<boolean>;
  }>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
const verify = vi.mocked(verifyPassword);

const WRONG = {
  ok: false,
  error: {
    code: 'UNAUTHENTICATED',
    reason: 'wrongCredentials',
    params: {},
    message: 'wrong username or password',
  },
};
const CLERK_PASSWORD = 'clerk-password-1';

function hashOf(app: TestApp, username: string): string {
  const row = app.core.database.sqlite
    .prepare('SELECT password_hash AS hash FROM users WHERE username = ?')
    .get(username) as { hash: string };
  return row.hash;
}

/** How many times a password was checked against this hash since the spy was last cleared. */
function checksAgainst(hash: string): number {
  return verify.mock.calls.filter(([, stored]) => stored === hash).length;
}

/** 29 wrong passwords and the right one in the middle of them (after the first five), all at once. */
function burst(right: string): string[] {
  return Array.from({ length: 30 }, (_, i) => (i === 15 ? right : `wrong-guess-${i}`));
}

async function auditActions(admin: Client, entityId: string): Promise<string[]> {
  const rows = (await admin.ok('audit.list', { pageSize: 200 })).rows;
  return rows.filter((r) => r.entityId === entityId).map((r) => r.action);
}

async function userRow(admin: Client, username: string) {
  const row = (await admin.ok('users.list', {})).find((u) => u.username === username);
  if (!row) expect.fail(`no user ${username}`);
  return row;
}

describe('sign-in lockout under concurrency', () => {
  let app: TestApp;
  let admin: Client;
  beforeEach(async () => {
    app = startApp();
    admin = await setUpShop(app);
    await admin.ok('users.create', {
      username: 'xiaoli',
      displayName: '小李',
      role: 'clerk',
      password: CLERK_PASSWORD,
    });
    verify.mockClear();
  });
  afterEach(() => app.cleanup());

  it('checks at most five of 30 parallel guesses, and the right one among them neither signs in nor lifts the lock', async () => {
    const hash = hashOf(app, 'xiaoli');
    const doors = burst(CLERK_PASSWORD).map(() => app.connect());
    const answers = await Promise.all(
      burst(CLERK_PASSWORD).map((password, i) =>
        doors[i]?.raw('auth.signIn', { username: 'xiaoli', password }),
      ),
    );

    expect(checksAgainst(hash)).toBeLessThanOrEqual(5);
    expect(checksAgainst(hash)).toBe(5);
    // Every caller, the one with the right password too, gets the one answer an unknown user gets.
    for (const answer of answers) expect(answer).toEqual(WRONG);
    expect(doors.every((door) => door.conn.sessionId === null)).toBe(true);

    const row = await userRow(admin, 'xiaoli');
    expect(row.lockedUntil).toBe(app.clock.ms + LOCKOUT_MS);
    expect(row.lastSignInAt).toBeNull();
    const actions = await auditActions(admin, row.id);
    expect(actions.filter((a) => a === 'signInFailed')).toHaveLength(4);
    expect(actions.filter((a) => a === 'lockout')).toHaveLength(1);
    expect(actions).not.toContain('signIn');

    // During the lock the right password is not even checked, and the lock stays as it was.
    verify.mockClear();
    const before = snapshot(app.core);
    const late = app.connect();
    expect(await late.raw('auth.signIn', { username: 'xiaoli', password: CLERK_PASSWORD })).toEqual(WRONG);
    expect(checksAgainst(hash)).toBe(0);
    expect(verify).toHaveBeenCalledTimes(1); // the decoy, for the timing
    expect(snapshot(app.core)).toBe(before);

    app.clock.advance(LOCKOUT_MS);
    expect((await late.raw('auth.signIn', { username: 'xiaoli', password: CLERK_PASSWORD })).ok).toBe(true);
  });

  it('lets five more guesses through per lock window, never more', async () => {
    const hash = hashOf(app, 'xiaoli');
    for (let round = 1; round <= 3; round++) {
      await Promise.all(
        burst('still-wrong').map((password) =>
          app.connect().raw('auth.signIn', { username: 'xiaoli', password }),
        ),
      );
      expect(checksAgainst(hash)).toBe(5 * round);
      app.clock.advance(LOCKOUT_MS);
    }
  });

  it('answers a locked, an unknown, a disabled user and a wrong password alike, each after one check', async () => {
    await admin.ok('users.create', {
      username: 'gone',
      displayName: '离职',
      role: 'clerk',
      password: 'gone-password-1',
    });
    await admin.ok('users.update', { id: (await userRow(admin, 'gone')).id, disabled: true });
    for (let i = 0; i < 5; i++)
      await app.connect().raw('auth.signIn', { username: 'xiaoli', password: `wrong-${i}` });
    expect((await userRow(admin, 'xiaoli')).lockedUntil).toBe(app.clock.ms + LOCKOUT_MS);

    const cases = [
      { username: 'xiaoli', password: CLERK_PASSWORD }, // locked, right password
      { username: 'xiaoli', password: 'wrong-again' }, // locked, wrong password
      { username: 'ghost', password: CLERK_PASSWORD }, // no such user
      { username: 'gone', password: 'gone-password-1' }, // disabled, right password
      { username: 'admin', password: 'wrong-for-admin' }, // exists, wrong password
    ];
    for (const input of cases) {
      verify.mockClear();
      const door = app.connect();
      expect(await door.raw('auth.signIn', input), input.username).toEqual(WRONG);
      // One scrypt verification each (the decoy when the real one is not allowed): the same time.
      expect(verify, input.username).toHaveBeenCalledTimes(1);
      expect(door.conn.sessionId).toBeNull();
    }
  });

  it('signs in with the right password when no lock is near, and starts the count over', async () => {
    for (let i = 0; i < 4; i++)
      await app.connect().raw('auth.signIn', { username: 'xiaoli', password: `wrong-${i}` });
    const door = app.connect();
    await door.ok('auth.signIn', { username: 'xiaoli', password: CLERK_PASSWORD });
    expect(door.conn.sessionId).not.toBeNull();
    expect(
      app.core.database.sqlite
        .prepare("SELECT failed_attempts AS n FROM users WHERE username = 'xiaoli'")
        .get(),
    ).toEqual({ n: 0 });
  });
});

describe('the lock screen and password change under concurrency', () => {
  let app: TestApp;
  let admin: Client;
  beforeEach(async () => {
    app = startApp();
    admin = await setUpShop(app);
    verify.mockClear();
  });
  afterEach(() => app.cleanup());

  it('checks at most five of 30 parallel unlocks; the right one does not unlock, the user is signed out', async () => {
    const clerk = await signedInAs(app, admin, 'clerk', 'xiaoli');
    const hash = hashOf(app, 'xiaoli');
    await clerk.ok('auth.lock', {});
    verify.mockClear();

    const answers = await Promise.all(
      burst(CLERK_PASSWORD).map((password) => clerk.raw('auth.unlock', { password })),
    );
    expect(checksAgainst(hash)).toBeLessThanOrEqual(5);
    expect(checksAgainst(hash)).toBe(5);
    expect(answers.some((a) => a.ok)).toBe(false);
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.filter((c) => c === 'VALIDATION')).toHaveLength(4);
    expect(codes.filter((c) => c === 'ACCOUNT_LOCKED')).toHaveLength(26);

    // The lockout ended the session: the lock screen gives way to the sign-in page.
    expect((await clerk.ok('auth.state', {})).user).toBeNull();
    const row = await userRow(admin, 'xiaoli');
    expect(row.lockedUntil).toBe(app.clock.ms + LOCKOUT_MS);
    const actions = await auditActions(admin, row.id);
    expect(actions.filter((a) => a === 'signInFailed')).toHaveLength(4);
    expect(actions.filter((a) => a === 'lockout')).toHaveLength(1);
  });

  it('checks at most five of 30 parallel password changes and keeps the old password', async () => {
    const clerk = await signedInAs(app, admin, 'clerk', 'xiaoli');
    const hash = hashOf(app, 'xiaoli');
    verify.mockClear();
    const answers = await Promise.all(
      burst(CLERK_PASSWORD).map((currentPassword) =>
        clerk.raw('auth.changePassword', { currentPassword, newPassword: 'taken-over-9' }),
      ),
    );
    expect(checksAgainst(hash)).toBe(5);
    expect(answers.some((a) => a.ok)).toBe(false);
    expect(hashOf(app, 'xiaoli')).toBe(hash);
    expect((await userRow(admin, 'xiaoli')).lockedUntil).toBe(app.clock.ms + LOCKOUT_MS);
  });

  it('still names the lock at the lock screen of a known user', async () => {
    await admin.ok('auth.lock', {});
    for (let i = 0; i < 4; i++) {
      const r = await admin.raw('auth.unlock', { password: 'guess-guess' });
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'VALIDATION',
          reason: 'wrongPassword',
          params: {},
          message: 'wrong password',
          details: {
            fields: [{ reason: 'wrongPassword', params: {}, path: 'password', message: 'wrong password' }],
          },
        },
      });
    }
    expect(await admin.raw('auth.unlock', { password: ADMIN.password })).toEqual({
      ok: true,
      data: { ok: true },
    });
  });
});

describe('manager approval under concurrency', () => {
  it('checks at most five of 30 parallel approvals; the right password among them approves nothing', async () => {
    const shop = await openShop();
    try {
      const order = await orderInRepair(shop);
      const hash = hashOf(shop.app, MANAGER.username);
      const managerId = (await userRow(shop.admin, MANAGER.username)).id;
      verify.mockClear();
      const answers: Envelope<unknown>[] = await Promise.all(
        burst(MANAGER.password).map((password) =>
          shop.tech.raw('workOrders.addCharge', {
            id: order.id,
            itemCode: 'WX',
            amount: 5000,
            approval: { username: MANAGER.username, password },
          }),
        ),
      );
      expect(checksAgainst(hash)).toBe(5);
      expect(answers.some((a) => a.ok)).toBe(false);
      for (const answer of answers) expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      // No charge was added; the manager is locked and signed out.
      expect((await shop.admin.ok('workOrders.get', { id: order.id })).charges).toHaveLength(0);
      expect((await userRow(shop.admin, MANAGER.username)).lockedUntil).toBe(shop.app.clock.ms + LOCKOUT_MS);
      expect((await shop.manager.ok('auth.state', {})).user).toBeNull();
      const actions = await auditActions(shop.admin, managerId);
      expect(actions.filter((a) => a === 'signInFailed')).toHaveLength(4);
      expect(actions.filter((a) => a === 'lockout')).toHaveLength(1);
    } finally {
      shop.app.cleanup();
    }
  });
});
