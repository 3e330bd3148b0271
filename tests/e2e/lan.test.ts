import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Route } from 'playwright-core';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { ARTIFACTS, RENDERER, rpc, startDesk, type Desk } from './fixture';
import { setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'lan-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const TERMINAL = { id: '0190aaaa-0000-7000-8000-00000000beef', name: '维修台2' };

let desk: Desk;

beforeAll(async () => {
  desk = await startDesk();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
});

/** Answer a contract call the way the host answers a browser it does not know (or revoked). */
function refuse(route: Route, reason: 'terminalNotPaired' | 'terminalRevoked') {
  return route.fulfill({
    contentType: 'application/json',
    body: JSON.stringify({
      ok: false,
      error: { code: 'UNAUTHENTICATED', reason, params: {}, message: reason },
    }),
  });
}

describe('the shop LAN, on the host and on a terminal', () => {
  it('shows 设置 → 局域网共享 to the admin at the host: host mode off by default, the terminals list', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-lan').click();
    await page.getByTestId('lan-page').waitFor();
    expect(await page.getByTestId('lan-state').getAttribute('data-state')).toBe('off');
    expect(await page.getByTestId('lan-enabled').getAttribute('aria-checked')).toBe('false');
    expect(await page.getByTestId('lan-address').inputValue()).toBe('0.0.0.0');
    expect(await page.getByTestId('lan-port').inputValue()).toBe('8443');
    await page.getByTestId('lan-terminals').waitFor();

    // A port out of range is refused on the field, and nothing is sent.
    await page.getByTestId('lan-port').fill('80');
    await page.getByTestId('lan-settings-save').click();
    await expect
      .poll(() => page.getByTestId('lan-settings-form').innerText())
      .toContain('请输入 1,024 到 65,535 之间的整数');
    expect((await rpc(page, 'lan.status', {})).settings.port).toBe(8443);
    await desk.stillShot(page, 'lan-01-host-page');

    // A clerk has no such page.
    const clerk = await desk.signedIn(CLERK);
    expect(await clerk.getByTestId('nav-lan').count()).toBe(0);
    await clerk.context().close();
    await page.context().close();
  });

  it('names the terminal of every write in the audit log (the host itself as 主机)', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-audit').click();
    const table = page.getByTestId('audit-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const headers = await table.locator('thead th').allInnerTexts();
    const column = headers.indexOf('终端');
    expect(column).toBeGreaterThan(0);
    const cells = await table.locator(`tbody tr.ant-table-row td:nth-child(${column + 1})`).allInnerTexts();
    expect(new Set(cells)).toEqual(new Set(['主机']));
    await page.context().close();
  });

  it('pairs a browser the host does not know: code from the QR link, a wrong code, then sign-in', async () => {
    const page = await desk.open();
    const origin = new URL(page.url()).origin;
    let paired = false;
    const sent: unknown[] = [];
    await page.route('**/rpc/**', (route) =>
      paired ? route.fallback() : refuse(route, 'terminalNotPaired'),
    );
    await page.route('**/pair', async (route) => {
      const body: unknown = route.request().postDataJSON();
      sent.push(body);
      const right = typeof body === 'object' && body !== null && 'code' in body && body.code === '048213';
      paired = right;
      await route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify(
          right
            ? { ok: true, data: { terminal: TERMINAL, fingerprint: 'AB:CD' } }
            : {
                ok: false,
                error: {
                  code: 'VALIDATION',
                  reason: 'pairingCodeWrong',
                  params: { triesLeft: 4 },
                  message: 'wrong',
                },
              },
        ),
      });
    });

    // The host's QR code opens its address with ?pair=: the code is there already.
    await page.goto(`${origin}/?pair=048213`);
    await page.getByTestId('pair-form').waitFor();
    expect(await page.getByTestId('pair-code').inputValue()).toBe('048213');
    expect(await page.getByTestId('pair-hint').innerText()).toContain('SHA-256');

    // A name is needed; a wrong code says how many tries are left, and what was typed stays.
    await page.getByTestId('pair-code').fill('111111');
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-form').innerText()).toContain('请填写此项');
    expect(sent).toEqual([]);
    await page.getByTestId('pair-name').fill(TERMINAL.name);
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-error').innerText()).toBe('配对码不正确，还可再试 4 次');
    expect(await page.getByTestId('pair-code').inputValue()).toBe('111111');
    await page.getByTestId('pair-code').fill('12345');
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-form').innerText()).toContain('请输入 6 位数字');
    expect(sent).toHaveLength(1);
    await page.getByTestId('pair-code').fill('048213');
    await page.mouse.move(0, 0);
    await desk.stillShot(page, 'lan-02-pairing');

    await page.getByTestId('pair-submit').click();
    await page.getByTestId('signin-form').waitFor();
    expect(sent).toEqual([
      { code: '111111', name: '维修台2' },
      { code: '048213', name: '维修台2' },
    ]);
    // The spent code is gone from the address.
    expect(new URL(page.url()).search).toBe('');
    await page.context().close();
  });

  it('tells a revoked terminal so on its pairing screen', async () => {
    const page = await desk.open();
    await page.route('**/rpc/**', (route) => refuse(route, 'terminalRevoked'));
    await page.reload();
    await expect
      .poll(() => page.getByTestId('pair-revoked').innerText())
      .toBe('此终端已被管理员停用，请联系管理员重新配对');
    await page.context().close();
  });

  it('on a terminal: its name in the header, no backup or LAN pages', async () => {
    const page = await desk.signedIn(ADMIN);
    // The host's answer as a terminal gets it: the same state, naming the terminal.
    await page.route('**/rpc/auth.state', async (route) => {
      const response = await route.fetch();
      const envelope = (await response.json()) as { ok: boolean; data?: Record<string, unknown> };
      if (envelope.data) envelope.data.terminal = TERMINAL;
      await route.fulfill({ response, body: JSON.stringify(envelope) });
    });
    await page.reload();
    await expect.poll(() => page.getByTestId('header-terminal').innerText()).toBe('终端：维修台2');
    expect(await page.getByTestId('nav-backup').count()).toBe(0);
    expect(await page.getByTestId('nav-lan').count()).toBe(0);
    expect(await page.getByTestId('nav-audit').count()).toBe(1);
    await page.goto(`${new URL(page.url()).origin}/#/backup`);
    await page.getByTestId('forbidden').waitFor();
    expect(await page.getByTestId('backup-page').count()).toBe(0);
    await page.context().close();
  });

  it('shows the host-away banner while the server is down, keeps the screen, refuses saves, and resumes', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-security-form').waitFor();
    const shopName = await page.getByTestId('shop-name').innerText();
    const port = Number(new URL(desk.server.origin).port);

    let server: WebServer | null = null;
    try {
      await desk.server.close();
      // The next call gets no answer: the banner, and the page stays as it was.
      await page.getByTestId('nav-users').click();
      await page.getByTestId('host-away').waitFor();
      expect(await page.getByTestId('host-away').innerText()).toContain('无法连接主机，正在重试…');
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-security-form').waitFor();
      expect(await page.getByTestId('shop-name').innerText()).toBe(shopName);

      // A save fails with its words; nothing pretends it worked.
      await page.getByTestId('settings-security-submit').click();
      await expect
        .poll(() => page.locator('.ant-message-notice').allInnerTexts())
        .toContainEqual(expect.stringContaining('无法连接主机，此操作没有完成'));
      // The banner stays at the top of the window: a shot of the window, not the whole page.
      await page.screenshot({ path: join(ARTIFACTS, 'lan-03-host-away.png') });
      expect(await page.getByTestId('host-away').count()).toBe(1);

      // The server is back on the same port (a new run: its token cookie is set again); within a
      // few seconds the page finds it by itself and the banner goes.
      server = await startWebServer(desk.core, RENDERER, port);
      const other = await page.context().newPage();
      await other.goto(server.url);
      await other.close();
      await expect.poll(() => page.getByTestId('host-away').count(), { timeout: 15_000 }).toBe(0);
      await page.getByTestId('nav-users').click();
      await expect
        .poll(() => page.locator('[data-testid="users-table"] tbody tr.ant-table-row').count())
        .toBe(3);
    } finally {
      await page.context().close();
      await server?.close();
    }
  });
});
