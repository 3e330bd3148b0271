import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, setUpShop, signedInAs, type Client, type TestApp } from './harness';
import { redact } from '../../src/main/services/audit';

let app: TestApp;
let admin: Client;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
});
afterEach(() => app.cleanup());

describe('audit log', () => {
  it('records who changed what, before and after', async () => {
    const created = await admin.ok('users.create', {
      username: 'sun',
      displayName: '孙',
      role: 'clerk',
      password: 'password-sun',
    });
    app.clock.advance(1000);
    await admin.ok('users.update', { id: created.id, role: 'technician', displayName: '孙师傅' });
    const { rows } = await admin.ok('audit.list', { entity: 'user', action: 'update' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      username: 'admin',
      entityId: created.id,
      before: { role: 'clerk', displayName: '孙' },
      after: { role: 'technician', displayName: '孙师傅' },
    });
  });

  it('writes nothing for an update that changes nothing', async () => {
    const created = await admin.ok('users.create', {
      username: 'zhou',
      displayName: '周',
      role: 'clerk',
      password: 'password-zhou',
    });
    const before = (await admin.ok('audit.list', {})).total;
    await admin.ok('users.update', { id: created.id, role: 'clerk' });
    expect((await admin.ok('audit.list', {})).total).toBe(before);
  });

  it('filters by user, entity, action and time, newest first, paged', async () => {
    const manager = await signedInAs(app, admin, 'manager', 'wu');
    const start = app.clock.ms;
    app.clock.advance(60_000);
    await admin.ok('settings.update', { security: { idleLockMinutes: 15 } });
    app.clock.advance(60_000);
    await admin.ok('settings.update', {
      shop: {
        name: '城东维修中心',
        branchCode: 'BJ02',
        address: '东大街 1 号',
        phone: '010-1234',
        logo: null,
      },
    });

    const settingsRows = await manager.ok('audit.list', { entity: 'settings', from: start + 1 });
    expect(settingsRows.rows.map((r) => r.entityId)).toEqual(['shop', 'security']);
    expect(settingsRows.rows[0]?.after).toEqual({
      branchCode: 'BJ02',
      address: '东大街 1 号',
      phone: '010-1234',
    });

    const wuId = (await admin.ok('users.list', {})).find((u) => u.username === 'wu')?.id;
    const byWu = await manager.ok('audit.list', { userId: wuId });
    expect(byWu.rows.map((r) => r.action)).toEqual(['signIn']);

    const window = await manager.ok('audit.list', { from: start + 30_000, to: start + 90_000 });
    expect(window.rows.map((r) => r.entityId)).toEqual(['security']);

    const page1 = await manager.ok('audit.list', { pageSize: 2, page: 1 });
    const page2 = await manager.ok('audit.list', { pageSize: 2, page: 2 });
    expect(page1.total).toBe(page2.total);
    expect(page1.rows.map((r) => r.id)).not.toEqual(expect.arrayContaining(page2.rows.map((r) => r.id)));

    const facets = await manager.ok('audit.facets', {});
    expect(facets.entities).toEqual(['session', 'settings', 'user']);
    expect(facets.users.map((u) => u.username)).toEqual(['admin', 'wu']);
  });

  it('refuses a period that ends before it starts', async () => {
    const r = await admin.call('audit.list', { from: 10, to: 5 });
    expect(!r.ok && r.error.details?.fields?.[0]?.path).toBe('to');
  });

  it('drops secrets from before and after', () => {
    expect(redact({ username: 'a', password: 'p', passwordHash: 'h', devicePassword: '1234' })).toEqual({
      username: 'a',
    });
  });

  it('records a logo change without storing the image', async () => {
    const logo = `data:image/png;base64,${Buffer.alloc(600, 7).toString('base64')}`;
    const shop = (await admin.ok('settings.get', {})).shop;
    await admin.ok('settings.update', { shop: { ...shop, logo } });
    expect((await admin.ok('settings.get', {})).shop.logo).toBe(logo);
    const row = (await admin.ok('audit.list', { entity: 'settings' })).rows[0];
    expect(row?.after).toEqual({ logo: '(image)' });
  });

  it('refuses a logo that is not a small image', async () => {
    const shop = (await admin.ok('settings.get', {})).shop;
    for (const logo of [
      'data:text/html;base64,PHNjcmlwdD4=',
      `data:image/png;base64,${'A'.repeat(400_000)}`,
    ]) {
      const r = await admin.call('settings.update', { shop: { ...shop, logo } });
      expect(!r.ok && r.error.details?.fields?.[0]?.path).toBe('shop.logo');
    }
  });
});
