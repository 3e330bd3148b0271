import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { hashPassword, verifyPassword } from '../../src/main/services/passwords';
import { DATABASE_FILE } from '../../src/main/core';
import { LOCKOUT_MS } from '../../src/main/services/auth';

let app: TestApp;
let admin: Client;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
});
afterEach(() => app.cleanup());

describe('first run', () => {
  it('creates the admin and the shop profile once, signed in', async () => {
    const state = await admin.ok('auth.state', {});
    expect(state).toMatchObject({ setupNeeded: false, shopName: '城东维修中心', locked: false });
    expect(state.user).toMatchObject({ username: 'admin', role: 'admin' });
    expect((await admin.ok('settings.get', {})).shop).toMatchObject({
      name: '城东维修中心',
      branchCode: 'BJ01',
    });
  });

  it('cannot be run a second time', async () => {
    const before = snapshot(app.core);
    const again = await app
      .connect()
      .call('auth.setup', { shopName: '别家', branchCode: 'XX', admin: { ...ADMIN, username: 'root' } });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('CONFLICT');
    expect(snapshot(app.core)).toBe(before);
  });

  it('reports setupNeeded on an empty database', async () => {
    const fresh = startApp();
    try {
      expect(await fresh.connect().ok('auth.state', {})).toMatchObject({
        setupNeeded: true,
        user: null,
        shopName: null,
      });
    } finally {
      fresh.cleanup();
    }
  });
});

describe('passwords', () => {
  it('hashes with scrypt N=2^17, r=8, p=1 and a 16-byte salt by default', async () => {
    const hash = await hashPassword('correct horse');
    const [scheme, n, r, p, salt] = hash.split('$');
    expect([scheme, n, r, p]).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsf', hash)).toBe(false);
    expect(await hashPassword('correct horse')).not.toBe(hash);
  });

  it('never stores or logs a password in clear', async () => {
    const secret = 'very-secret-passphrase';
    const bad = 'wrong-secret-passphrase';
    const created = await admin.ok('users.create', {
      username: 'li',
      displayName: '李',
      role: 'clerk',
      password: secret,
    });
    await app.connect().call('auth.signIn', { username: 'li', password: bad });
    const li = app.connect();
    await li.ok('auth.signIn', { username: 'li', password: secret });
    await li.ok('auth.changePassword', { currentPassword: secret, newPassword: `${secret}-2` });
    await admin.ok('users.resetPassword', { id: created.id, newPassword: `${secret}-3` });
    app.core.database.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const everything =
      snapshot(app.core) +
      app.logs.join('\n') +
      readFileSync(join(app.core.dataDir, DATABASE_FILE), 'latin1');
    for (const clear of [secret, bad, `${secret}-2`, `${secret}-3`, ADMIN.password])
      expect(everything).not.toContain(clear);
    const audit = await admin.ok('audit.list', { entity: 'user' });
    expect(JSON.stringify(audit)).not.toMatch(/password"|scrypt\$/i);
  });

  it('changes the own password only with the current one', async () => {
    const wrong = await admin.call('auth.changePassword', {
      currentPassword: 'nope-nope',
      newPassword: 'brand-new-pass',
    });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.details?.fields?.[0]?.path).toBe('currentPassword');
    await admin.ok('auth.changePassword', { currentPassword: ADMIN.password, newPassword: 'brand-new-pass' });
    expect(
      (await app.connect().call('auth.signIn', { username: 'admin', password: ADMIN.password })).ok,
    ).toBe(false);
    expect(
      (await app.connect().call('auth.signIn', { username: 'ADMIN', password: 'brand-new-pass' })).ok,
    ).toBe(true);
  });
});

describe('sign-in and lockout', () => {
  it('refuses wrong passwords and unknown users alike', async () => {
    for (const input of [
      { username: 'admin', password: 'wrong-one' },
      { username: 'ghost', password: 'whatever' },
    ]) {
      const result = await app.connect().call('auth.signIn', input);
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error).toEqual({
          code: 'UNAUTHENTICATED',
          reason: 'wrongCredentials',
          params: {},
          message: 'wrong username or password',
        });
    }
  });

  it('locks an account for five minutes after five wrong passwords, then lets it in', async () => {
    const clerk = await signedInAs(app, admin, 'clerk', 'xiaoli');
    const password = 'clerk-password-1';
    const door = app.connect();
    const wrong = {
      ok: false,
      error: {
        code: 'UNAUTHENTICATED',
        reason: 'wrongCredentials',
        params: {},
        message: 'wrong username or password',
      },
    };
    for (let i = 1; i <= 5; i++) {
      expect(await door.raw('auth.signIn', { username: 'xiaoli', password: `wrong-${i}` })).toEqual(wrong);
    }
    // The lock shows in the admin's user list, not in the answer: a stranger cannot tell it from a miss.
    const row = (await admin.ok('users.list', {})).find((u) => u.username === 'xiaoli');
    expect(row).toMatchObject({ lockedUntil: app.clock.ms + LOCKOUT_MS, locked: true });
    // The server's clock decides when the lock has run out, not the screen's.
    app.clock.advance(LOCKOUT_MS);
    expect((await admin.ok('users.list', {})).find((u) => u.username === 'xiaoli')?.locked).toBe(false);
    app.clock.advance(-LOCKOUT_MS);
    // Even the right password is refused while locked, and the open session is ended.
    expect(await door.raw('auth.signIn', { username: 'xiaoli', password })).toEqual(wrong);
    expect((await clerk.ok('auth.state', {})).user).toBeNull();

    app.clock.advance(LOCKOUT_MS - 1);
    expect((await door.call('auth.signIn', { username: 'xiaoli', password })).ok).toBe(false);
    app.clock.advance(1);
    expect((await door.call('auth.signIn', { username: 'xiaoli', password })).ok).toBe(true);

    const actions = (await admin.ok('audit.list', { entity: 'user' })).rows
      .filter((r) => r.entityId === row?.id)
      .map((r) => r.action);
    expect(actions.filter((a) => a === 'signInFailed')).toHaveLength(4);
    expect(actions).toContain('lockout');
  });

  it('resets the failure count after a good sign-in', async () => {
    for (let i = 0; i < 4; i++)
      await app.connect().call('auth.signIn', { username: 'admin', password: 'bad-password' });
    await app.connect().ok('auth.signIn', { username: 'admin', password: ADMIN.password });
    for (let i = 0; i < 4; i++)
      await app.connect().call('auth.signIn', { username: 'admin', password: 'bad-password' });
    expect(
      (await app.connect().call('auth.signIn', { username: 'admin', password: ADMIN.password })).ok,
    ).toBe(true);
  });

  it('lets an admin unlock a locked-out user by resetting the password', async () => {
    const clerk = await signedInAs(app, admin, 'clerk', 'xiaozhang');
    for (let i = 0; i < 5; i++)
      await app.connect().call('auth.signIn', { username: 'xiaozhang', password: 'bad-password' });
    expect((await clerk.ok('auth.state', {})).user).toBeNull();
    const id = (await admin.ok('users.list', {})).find((u) => u.username === 'xiaozhang')?.id ?? '';
    expect((await admin.ok('users.list', {})).find((u) => u.id === id)?.lockedUntil).toBeGreaterThan(
      app.clock.ms,
    );
    const row = await admin.ok('users.resetPassword', { id, newPassword: 'fresh-start-9' });
    expect(row.lockedUntil).toBeNull();
    expect(
      (await app.connect().call('auth.signIn', { username: 'xiaozhang', password: 'fresh-start-9' })).ok,
    ).toBe(true);
  });

  it('counts wrong passwords at the lock screen too', async () => {
    await admin.ok('auth.lock', {});
    for (let i = 0; i < 4; i++) {
      const r = await admin.call('auth.unlock', { password: 'guess-guess' });
      expect(!r.ok && r.error.code).toBe('VALIDATION');
    }
    const last = await admin.call('auth.unlock', { password: 'guess-guess' });
    expect(!last.ok && last.error.code).toBe('ACCOUNT_LOCKED');
    expect((await admin.ok('auth.state', {})).user).toBeNull();
  });

  it('signs out and ends the session', async () => {
    await admin.ok('auth.signOut', {});
    expect(admin.conn.sessionId).toBeNull();
    expect((await admin.ok('auth.state', {})).user).toBeNull();
  });
});

describe('users', () => {
  it('refuses a duplicate username regardless of case', async () => {
    await admin.ok('users.create', {
      username: 'Wang',
      displayName: '王',
      role: 'technician',
      password: 'password-123',
    });
    const before = snapshot(app.core);
    const dup = await admin.call('users.create', {
      username: 'wang',
      displayName: '王二',
      role: 'clerk',
      password: 'password-123',
    });
    expect(!dup.ok && dup.error.code).toBe('CONFLICT');
    expect(snapshot(app.core)).toBe(before);
  });

  it('keeps at least one active admin and never disables oneself', async () => {
    const self = (await admin.ok('auth.state', {})).user?.id ?? '';
    const before = snapshot(app.core);
    for (const change of [{ role: 'clerk' as const }, { disabled: true }]) {
      const r = await admin.call('users.update', { id: self, ...change });
      expect(!r.ok && r.error.code).toBe('CONFLICT');
    }
    expect(snapshot(app.core)).toBe(before);
  });

  it('signs a disabled user out at once and refuses their sign-in', async () => {
    const tech = await signedInAs(app, admin, 'technician', 'zhao');
    const id = (await admin.ok('users.list', {})).find((u) => u.username === 'zhao')?.id ?? '';
    await admin.ok('users.update', { id, disabled: true });
    expect(
      !(await tech.call('auth.changePassword', { currentPassword: 'x', newPassword: 'yyyyyyyy' })).ok,
    ).toBe(true);
    expect((await tech.ok('auth.state', {})).user).toBeNull();
    const again = await app
      .connect()
      .call('auth.signIn', { username: 'zhao', password: 'technician-password-1' });
    expect(!again.ok && again.error.code).toBe('UNAUTHENTICATED');
  });

  it('applies a role change on the next call', async () => {
    const clerk = await signedInAs(app, admin, 'clerk', 'qian');
    expect((await clerk.call('audit.list', {})).ok).toBe(false);
    const id = (await admin.ok('users.list', {})).find((u) => u.username === 'qian')?.id ?? '';
    await admin.ok('users.update', { id, role: 'manager' });
    expect((await clerk.call('audit.list', {})).ok).toBe(true);
  });
});
