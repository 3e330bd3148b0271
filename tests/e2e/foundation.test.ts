import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startDesk, type Desk } from './fixture';

const ADMIN = { username: 'admin', name: '王店长', password: 'counter-admin-1' };
const CLERK = { username: 'xiaoli', name: '小李', password: 'clerk-pass-2026' };

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
});
afterAll(async () => {
  await desk?.close();
});

async function signIn(page: Page, username: string, password: string) {
  const form = page.getByTestId('signin-form');
  await form.getByLabel('用户名').fill(username);
  await form.getByLabel('密码').fill(password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('menu-sign-out').click();
  await page.getByTestId('signin-form').waitFor();
}

function countUsers(): number {
  return (desk.core.database.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
}

describe('foundation, as a shop owner and a clerk would use it', () => {
  it('first run → sign out → sign in → create a clerk → clerk sees no admin pages → English and back', async () => {
    const page = await desk.open();

    // First run: the shop and its administrator.
    const setup = page.getByTestId('setup-form');
    await setup.waitFor();
    await desk.shot(page, '01-setup');
    await setup.getByLabel('店铺名称').fill('城东维修中心');
    await setup.getByLabel('网点编码').fill('bj01');
    await setup.getByLabel('管理员用户名').fill(ADMIN.username);
    await setup.getByLabel('显示名称').fill(ADMIN.name);
    await setup.getByLabel('密码', { exact: true }).fill(ADMIN.password);
    await setup.getByLabel('确认密码').fill(ADMIN.password);
    await page.getByTestId('setup-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await expect.poll(() => page.getByTestId('shop-name').textContent()).toContain('城东维修中心');
    await desk.shot(page, '02-shell');

    // Every area is built: none is greyed out, and the admin sees reports and backup.
    for (const area of ['reports', 'backup']) await page.getByTestId(`nav-${area}`).waitFor();
    await expect
      .poll(() => page.locator('[data-testid="side-menu"] li[aria-disabled="true"]').count())
      .toBe(0);

    await signOut(page);
    await desk.shot(page, '03-sign-in');

    // A wrong password is refused with a clear message.
    const form = page.getByTestId('signin-form');
    await form.getByLabel('用户名').fill(ADMIN.username);
    await form.getByLabel('密码').fill('not-the-password');
    await page.getByTestId('signin-submit').click();
    await expect.poll(() => page.getByTestId('signin-error').textContent()).toMatch(/用户名或密码/);

    await signIn(page, ADMIN.username, ADMIN.password);

    // The admin creates a clerk.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-create').click();
    const create = page.getByTestId('user-create-form');
    await create.getByLabel('用户名').fill(CLERK.username);
    await create.getByLabel('显示名称').fill(CLERK.name);
    await create.getByLabel('角色').click();
    await page.locator('.ant-select-item-option[title="前台"]').click();
    await create.getByLabel('初始密码').fill(CLERK.password);
    await page.getByTestId('user-create-submit').click();
    await page.getByTestId(`user-row-${CLERK.username}`).waitFor();
    expect(await page.getByTestId(`user-row-${CLERK.username}`).textContent()).toContain('前台');
    await desk.shot(page, '04-users');

    // The audit log shows who did it.
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor();
    await expect.poll(() => page.getByTestId('audit-table').textContent()).toContain('新建');
    expect(await page.getByTestId('audit-table').textContent()).toContain(ADMIN.username);
    await desk.shot(page, '05-audit');

    await signOut(page);
    await signIn(page, CLERK.username, CLERK.password);
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain(CLERK.name);

    // Admin pages are not offered to a clerk…
    expect(await page.getByTestId('nav-users').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await page.goto(`${desk.server.origin}/#/users`);
    await page.getByTestId('forbidden').waitFor();
    await desk.shot(page, '06-clerk-forbidden');

    // …and calling an admin method through the client's transport is refused in the main process.
    const before = countUsers();
    const refused = await page.evaluate(async () => {
      const response = await fetch('/rpc/users.create', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          username: 'mallory',
          displayName: 'M',
          role: 'admin',
          password: 'owned-the-shop',
        }),
      });
      return (await response.json()) as { ok: boolean; error?: { code: string } };
    });
    expect(refused).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(countUsers()).toBe(before);

    // English and back.
    await page.getByTestId('lang-en-US').click();
    await expect.poll(() => page.getByTestId('nav-home').textContent()).toBe('Home');
    await expect.poll(() => page.locator('.ant-segmented-item-selected').textContent()).toBe('English');
    await page.goto(`${desk.server.origin}/#/`);
    await page.getByTestId('home-welcome').waitFor();
    await desk.shot(page, '07-shell-en');
    await page.getByTestId('lang-zh-CN').click();
    await expect.poll(() => page.getByTestId('nav-home').textContent()).toBe('首页');
    await expect.poll(() => page.locator('.ant-segmented-item-selected').textContent()).toBe('中文');
    // The choice is remembered on this machine.
    await page.getByTestId('lang-en-US').click();
    await page.reload();
    await expect.poll(() => page.getByTestId('nav-home').textContent()).toBe('Home');
  });

  it('the admin fills in the shop profile with a logo, then locks and unlocks the screen', async () => {
    const page = await desk.open();
    await signIn(page, ADMIN.username, ADMIN.password);
    await page.getByTestId('nav-settings').click();
    const shop = page.getByTestId('settings-shop-form');
    await shop.waitFor();
    await shop.getByLabel('地址').fill('北京市朝阳区东大街 18 号');
    await shop.getByLabel('电话').fill('010-8888 6666');
    await page
      .locator('input[type=file]')
      .setInputFiles(join(import.meta.dirname, '../../resources/icon.png'));
    await page.getByTestId('settings-logo-preview').waitFor();
    await page.getByTestId('settings-shop-submit').click();
    await expect
      .poll(() => {
        const row = desk.core.database.sqlite
          .prepare("SELECT value FROM settings WHERE key = 'shop'")
          .get() as {
          value: string;
        };
        return JSON.parse(row.value) as { address: string; logo: string | null };
      })
      .toMatchObject({
        address: '北京市朝阳区东大街 18 号',
        logo: expect.stringMatching(/^data:image\/png;base64,/),
      });
    await desk.shot(page, '08-settings');

    // Leaving the counter: lock, a wrong password is refused, the right one unlocks.
    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-lock').click();
    const lock = page.getByTestId('lock-form');
    await lock.waitFor();
    await desk.shot(page, '09-lock-screen');
    await lock.getByLabel('密码').fill('someone-guessing');
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('lock-error').waitFor();
    await lock.getByLabel('密码').fill(ADMIN.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('settings-shop-form').waitFor();
  });
});
