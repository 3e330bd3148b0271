import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startApp, type TestApp } from './harness';

let app: TestApp;
beforeEach(() => {
  app = startApp();
});
afterEach(() => app.cleanup());

describe('auth.state', () => {
  it("carries the server's clock, so every screen takes today from the host", async () => {
    const client = app.connect();
    expect((await client.ok('auth.state', {})).now).toBe(app.clock.ms);
    app.clock.advance(3 * 3_600_000);
    expect((await client.ok('auth.state', {})).now).toBe(app.clock.ms);
  });

  it('the admin made at first run is signed in: the user list shows the sign-in, not "never"', async () => {
    const admin = app.connect();
    await admin.ok('auth.setup', { shopName: '城东维修中心', branchCode: 'BJ01', admin: ADMIN });
    const at = app.clock.ms;
    app.clock.advance(60_000);
    const [user] = await admin.ok('users.list', {});
    expect(user).toMatchObject({ username: ADMIN.username, lastSignInAt: at });
  });
});
