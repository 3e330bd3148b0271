import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS, contract } from '@shared/contract';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
});
afterEach(() => app.cleanup());

/** Run a bad call and prove it left every table exactly as it was. */
async function refusedWithoutChange(run: () => Promise<{ ok: boolean; error?: { code: string } }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error?.code;
}

describe('dispatch boundary', () => {
  it('refuses an unknown method', async () => {
    expect(await refusedWithoutChange(() => admin.raw('users.dropAll', {}))).toBe('UNKNOWN_METHOD');
    expect(await refusedWithoutChange(() => admin.raw('__proto__', {}))).toBe('UNKNOWN_METHOD');
    expect(await refusedWithoutChange(() => admin.raw('toString', {}))).toBe('UNKNOWN_METHOD');
  });

  it('refuses malformed input with VALIDATION and the field paths', async () => {
    const result = await admin.raw('users.create', {
      username: 'x y',
      displayName: '',
      role: 'boss',
      password: 'short',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    const paths = result.error.details?.fields?.map((f) => f.path).sort();
    expect(paths).toEqual(['displayName', 'password', 'role', 'username']);
    expect(await refusedWithoutChange(() => admin.raw('users.create', { username: 'ok', extra: 1 }))).toBe(
      'VALIDATION',
    );
    expect(await refusedWithoutChange(() => admin.raw('users.create', 'not an object'))).toBe('VALIDATION');
    expect(await refusedWithoutChange(() => admin.raw('users.create', null))).toBe('VALIDATION');
  });

  it('reports nested field paths', async () => {
    const fresh = startApp();
    try {
      const result = await fresh.connect().raw('auth.setup', {
        shopName: '店',
        branchCode: 'B',
        admin: { username: 'a', displayName: 'A', password: '1' },
      });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.details?.fields?.map((f) => f.path).sort()).toEqual([
        'admin.password',
        'admin.username',
        'branchCode',
      ]);
    } finally {
      fresh.cleanup();
    }
  });

  it('refuses every non-public method without a session', async () => {
    const stranger = app.connect();
    for (const method of METHODS.filter((m) => contract[m].access !== 'public')) {
      expect(await refusedWithoutChange(() => stranger.raw(method, {})), method).toBe('UNAUTHENTICATED');
    }
    expect(
      await refusedWithoutChange(() =>
        stranger.raw('users.create', {
          username: 'evil',
          displayName: 'E',
          role: 'admin',
          password: '12345678',
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('refuses a role without the permission with FORBIDDEN', async () => {
    const clerk = await signedInAs(app, admin, 'clerk');
    const technician = await signedInAs(app, admin, 'technician');
    const manager = await signedInAs(app, admin, 'manager');
    const newUser = { username: 'intruder', displayName: 'X', role: 'admin', password: 'long-enough-1' };
    for (const client of [clerk, technician, manager]) {
      expect(await refusedWithoutChange(() => client.raw('users.create', newUser))).toBe('FORBIDDEN');
      expect(
        await refusedWithoutChange(() => client.raw('settings.update', { security: { idleLockMinutes: 0 } })),
      ).toBe('FORBIDDEN');
    }
    for (const client of [clerk, technician]) {
      expect(await refusedWithoutChange(() => client.raw('users.list', {}))).toBe('FORBIDDEN');
      expect(await refusedWithoutChange(() => client.raw('audit.list', {}))).toBe('FORBIDDEN');
    }
    // The permission is checked before the input: a forbidden caller learns nothing from validation.
    expect(await refusedWithoutChange(() => clerk.raw('users.create', { nonsense: true }))).toBe('FORBIDDEN');
    expect((await manager.call('users.list', {})).ok).toBe(true);
    expect((await manager.call('audit.list', {})).ok).toBe(true);
  });

  it('turns an unexpected failure into INTERNAL with a log line and no stack', async () => {
    app.core.database.sqlite.exec('DROP TABLE settings');
    const result = await admin.raw('settings.get', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', reason: 'internal', params: {}, message: 'internal error' },
    });
    expect(app.logs.some((line) => line.includes('settings.get failed'))).toBe(true);
  });

  it('never returns fields the contract does not name', async () => {
    const users = await admin.ok('users.list', {});
    expect(users).toHaveLength(1);
    expect(Object.keys(users[0] ?? {})).not.toContain('passwordHash');
    expect(JSON.stringify(users)).not.toContain('scrypt$');
  });

  it('refuses all but unlock and sign-out while the screen is locked', async () => {
    await admin.ok('auth.lock', {});
    expect(await refusedWithoutChange(() => admin.raw('users.list', {}))).toBe('SESSION_LOCKED');
    expect((await admin.ok('auth.state', {})).locked).toBe(true);
    await admin.ok('auth.unlock', { password: 'counter-admin-1' });
    expect((await admin.call('users.list', {})).ok).toBe(true);
  });

  it('locks a session left idle longer than the setting', async () => {
    await admin.ok('settings.update', { security: { idleLockMinutes: 5 } });
    app.clock.advance(4 * 60_000);
    expect((await admin.call('users.list', {})).ok).toBe(true);
    app.clock.advance(5 * 60_000 + 1);
    expect(await refusedWithoutChange(() => admin.raw('users.list', {}))).toBe('SESSION_LOCKED');
  });
});
