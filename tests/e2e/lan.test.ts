import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { ARTIFACTS, call, modalOpen, RENDERER, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop, type Person } from './seed';

/**
 * Issue 13: the shop on one host. The host is the desk's core with its LAN listener on 127.0.0.2
 * (another "machine" on this one), HTTPS with its own certificate; its admin works on the loopback
 * page as at the host PC. Every terminal is a browser context of its own reaching the host over
 * HTTPS: pairing, live screens, stale edits, revocation, the host going away and a restore.
 */
const ADMIN = { username: 'admin', displayName: '王店长', password: 'lan-admin-2026' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const MANAGER = { username: 'zhaojl', displayName: '赵经理', password: 'manager-pass-2026' };
const LAN_ADDRESS = '127.0.0.2';

let desk: Desk;
/** The host's own screen (loopback), the admin signed in. */
let host: Page;
/** `https://127.0.0.2:<port>`: where terminals reach the host. */
let origin = '';
let port = 0;
let customerId = '';
let deviceId = '';
/** The technician at 维修台2, paired from the QR link. */
let bench: Page;
/** 小李 at 柜台1. */
let counter: Page;
/** 赵经理 at 经理室. */
let office: Page;
let orderNo = '';
let orderId = '';
const latencies: Record<string, number> = {};

/** A port nobody listens on at the LAN address, for the admin to type in. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, LAN_ADDRESS, () => {
      const address = probe.address();
      const found = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(found));
    });
  });
}

async function signInAt(page: Page, user: Person): Promise<void> {
  await page.getByTestId('signin-form').waitFor();
  await page.locator('#signIn_username').fill(user.username);
  await page.locator('#signIn_password').fill(user.password);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('home-welcome').waitFor();
}

/** The host's admin opens a code; a new terminal opens the QR link, pairs as `name`, and `user` signs in. */
async function pairedTerminal(name: string, user: Person): Promise<Page> {
  const status = await rpc(host, 'lan.newPairingCode', {});
  const code = status.pairing?.code ?? '';
  const page = await desk.openTerminal(`${origin}/?pair=${code}`);
  await page.getByTestId('pair-name').fill(name);
  await page.getByTestId('pair-submit').click();
  await signInAt(page, user);
  await expect.poll(() => page.getByTestId('header-terminal').innerText()).toBe(`终端：${name}`);
  return page;
}

function terminalRow(page: Page, name: string) {
  return page.locator(`[data-testid="lan-terminal-row"][data-name="${name}"]`);
}

async function openLanPage(page: Page): Promise<void> {
  await page.getByTestId('nav-lan').click();
  await page.getByTestId('lan-page').waitFor();
}

/** Milliseconds until `check` holds, polled every 50 ms; fails after `limitMs`. */
async function timeUntil(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = Date.now();
  await expect.poll(check, { timeout: limitMs, interval: 50 }).toBe(true);
  return Date.now() - started;
}

/** The page has not been reloaded since `markUnreloaded`: what it shows came live. */
async function markUnreloaded(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as { deskMark?: boolean }).deskMark = true;
  });
}
async function unreloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (globalThis as { deskMark?: boolean }).deskMark === true);
}

beforeAll(async () => {
  desk = await startDesk();
  await desk.startLan();
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  await rpc(page, 'users.create', { ...MANAGER, role: 'manager' });
  ({ customerId, deviceId } = await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '13800138000', label: '手机' }], notes: '老客户' },
    { category: '手机', brand: 'Apple', model: 'iPhone 13', serialNo: 'F2LX1234ABCD' },
  ));
  await page.context().close();
  port = await freePort();
  origin = `https://${LAN_ADDRESS}:${port}`;
});

afterAll(async () => {
  console.info('LAN notice latencies (ms):', JSON.stringify(latencies));
  await desk?.close();
});

describe('the shop LAN: a host and its terminals over HTTPS', () => {
  it('shows 设置 → 局域网共享 to the admin at the host: host mode off by default, the terminals list', async () => {
    const page = await desk.signedIn(ADMIN);
    await openLanPage(page);
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
    await desk.stillShot(page, 'lan-01-host-page-off');

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

  it('1. pairs 维修台2 from the QR link of a code made on the host; the host lists it with its address and user', async () => {
    host = await desk.signedIn(ADMIN);
    await openLanPage(host);

    // The admin turns host mode on, on this PC's LAN address and a port of its own.
    await host.getByTestId('lan-address').fill(LAN_ADDRESS);
    await host.getByTestId('lan-port').fill(String(port));
    await host.getByTestId('lan-enabled').click();
    await host.getByTestId('lan-settings-save').click();
    await expect.poll(() => host.getByTestId('lan-state').getAttribute('data-state')).toBe('running');
    expect(await host.getByTestId('lan-address-url').innerText()).toBe(`${origin}/`);
    expect(await host.getByTestId('lan-fingerprint').innerText()).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    // 生成配对码: six digits, ten minutes, five tries, and the QR code of the address with the code.
    await host.getByTestId('lan-code-new').click();
    await host.getByTestId('lan-code').waitFor();
    const code = await host.getByTestId('lan-code').innerText();
    expect(code).toMatch(/^\d{6}$/);
    expect(await host.getByTestId('lan-code-tries').innerText()).toBe('还可输错 5 次');
    expect(await host.getByTestId('lan-code-expires').innerText()).toMatch(/^(10:00|9:5\d) 后失效$/);
    const link = (await host.getByTestId('lan-code-qr').getAttribute('data-url')) ?? '';
    expect(link).toBe(`${origin}/?pair=${code}`);
    const qr = host.locator('[data-testid="lan-code-qr"] img');
    await qr.waitFor();
    expect(await qr.getAttribute('alt')).toBe(link);
    expect(
      await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);

    // The tablet at the bench scans it: the pairing screen over HTTPS, the code already there.
    bench = await desk.openTerminal(link);
    await bench.getByTestId('pair-form').waitFor();
    expect(await bench.getByTestId('pair-code').inputValue()).toBe(code);
    await bench.getByTestId('pair-name').fill('维修台2');
    await bench.getByTestId('pair-submit').click();
    await bench.getByTestId('signin-form').waitFor();
    // The spent code is gone from the address, and from the host's screen.
    expect(new URL(bench.url()).search).toBe('');
    await expect.poll(() => host.getByTestId('lan-code').count()).toBe(0);

    // The technician signs in with their own account; the header names the terminal.
    await signInAt(bench, TECH);
    await expect.poll(() => bench.getByTestId('header-terminal').innerText()).toBe('终端：维修台2');

    // The host's table shows it live: name, the address it calls from, who is signed in there.
    const row = terminalRow(host, '维修台2');
    await expect.poll(() => row.innerText(), { timeout: 5_000 }).toContain(TECH.displayName);
    const cells = await row.locator('td').allInnerTexts();
    expect(cells[0]).toBe('维修台2');
    expect(cells[1]).toMatch(/^127\.0\.0\.\d+$/);
    expect(cells[3]).toBe(TECH.displayName);
    expect(cells[5]).toBe('正常');

    // A new code for the next terminal, for the picture of the page with a code, its QR and the table.
    await host.getByTestId('lan-code-new').click();
    await host.getByTestId('lan-code').waitFor();
    await host.mouse.move(0, 0);
    await desk.stillShot(host, 'lan-02-host-running');
  });

  it('2. a wrong code five times voids it: tries left count down 4..0, then even the right code is refused', async () => {
    const code = (await rpc(host, 'lan.newPairingCode', {})).pairing?.code ?? '';
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    // A browser the host does not know opens its address: the pairing screen, not the sign-in.
    const page = await desk.openTerminal(`${origin}/`);
    await page.getByTestId('pair-form').waitFor();
    expect(await page.getByTestId('pair-code').inputValue()).toBe('');
    expect(await page.getByTestId('pair-hint').innerText()).toContain('SHA-256');

    // A name is needed before anything is sent.
    await page.getByTestId('pair-code').fill(wrong);
    await page.getByTestId('pair-submit').click();
    await expect.poll(() => page.getByTestId('pair-form').innerText()).toContain('请填写此项');
    expect((await rpc(host, 'lan.status', {})).pairing?.triesLeft).toBe(5);
    await page.getByTestId('pair-name').fill('前台平板');

    for (const left of [4, 3, 2, 1, 0]) {
      await page.getByTestId('pair-submit').click();
      await expect
        .poll(() => page.getByTestId('pair-error').innerText())
        .toBe(`配对码不正确，还可再试 ${left} 次`);
      // What was typed stays.
      expect(await page.getByTestId('pair-code').inputValue()).toBe(wrong);
      if (left === 2) {
        await page.mouse.move(0, 0);
        await desk.stillShot(page, 'lan-03-pairing-tries-left');
      }
    }
    // The code is void on the host; the right one is refused now.
    expect((await rpc(host, 'lan.status', {})).pairing).toBeNull();
    await page.getByTestId('pair-code').fill(code);
    await page.getByTestId('pair-submit').click();
    await expect
      .poll(() => page.getByTestId('pair-error').innerText())
      .toBe('配对码已失效（过期、已使用或错误次数过多），请在主机上生成新的配对码');
    await page.getByTestId('pair-form').waitFor();
    expect((await rpc(host, 'lan.terminals', {})).map((t) => t.name)).toEqual(['维修台2']);
    await page.context().close();
  });

  it('3. live: an order assigned at 柜台1 shows in 维修台2 queue without reload; 待取机 shows at the counter', async () => {
    counter = await pairedTerminal('柜台1', CLERK);
    const order = await rpc(counter, 'workOrders.create', {
      customerId,
      deviceId,
      reportedFault: '屏幕摔裂，触摸失灵',
    });
    orderId = order.id;
    orderNo = order.orderNo;

    // The technician sits on 我的工单: empty.
    await bench.getByTestId('nav-workOrders').click();
    await bench.getByTestId('wo-table').waitFor();
    expect(await bench.getByTestId('wo-view').locator('.ant-segmented-item-selected').innerText()).toContain(
      '我的工单',
    );
    await expect.poll(() => bench.locator('[data-testid^="wo-row-"]').count()).toBe(0);
    await markUnreloaded(bench);

    // The clerk assigns it to 李工 on the order's page at the counter.
    await counter.goto(`${origin}/#/work-orders/${orderId}`);
    await counter.getByTestId('wo-assign').click();
    const option = counter.locator(`.ant-select-item-option[title="${TECH.displayName}"]`);
    await option.waitFor();
    await option.click();
    latencies.assignToQueue = await timeUntil(
      () => bench.getByTestId(`wo-row-${orderNo}`).isVisible(),
      2_000,
    );
    expect(await unreloaded(bench)).toBe(true);
    expect(await bench.locator('[data-testid^="wo-row-"]').count()).toBe(1);
    await bench.mouse.move(0, 0);
    await desk.stillShot(bench, 'lan-04-technician-live-queue');

    // The bench works it to 待质检 (over the LAN, as the bench's own calls).
    for (const to of ['diagnosing', 'inRepair', 'qc'] as const)
      await rpc(bench, 'workOrders.transition', { id: orderId, to });

    // The counter watches the list; the technician moves the order to 待取机 on the bench's screen.
    await counter.getByTestId('nav-workOrders').click();
    const counterRow = counter.getByTestId(`wo-row-${orderNo}`);
    await counterRow.getByTestId('status-qc').waitFor();
    await markUnreloaded(counter);
    await bench.getByTestId(`wo-row-${orderNo}`).click();
    await bench.locator('[data-testid="wo-detail"][data-status="qc"]').waitFor();
    await bench.getByTestId('wo-move-ready').click();
    latencies.readyAtCounter = await timeUntil(
      () => counterRow.getByTestId('status-ready').isVisible(),
      2_000,
    );
    expect(await unreloaded(counter)).toBe(true);
    expect(await counterRow.getByTestId('status-ready').innerText()).toBe('待取机');
    await desk.stillShot(counter, 'lan-05-counter-ready-live');
  });

  it('4. a stale edit over the LAN is refused naming the other person and their terminal', async () => {
    office = await pairedTerminal('经理室', MANAGER);
    const openEdit = async (page: Page) => {
      await page.goto(`${origin}/#/customers/${customerId}`);
      await page.getByTestId('customer-edit').click();
      await modalOpen(page, 'customer-form');
    };
    // 赵经理 opens the customer's form and types.
    await openEdit(office);
    await office.getByTestId('customer-notes').fill('赵经理：大客户，优先处理');
    // 小李 at the counter saves a change to the same customer first.
    await openEdit(counter);
    await counter.getByTestId('customer-company').fill('华强电子');
    await counter.getByTestId('customer-notes').fill('小李：客户换了新地址');
    await counter.getByTestId('customer-submit').click();
    await counter.getByTestId('customer-form').waitFor({ state: 'detached' });

    // 赵经理 saves: refused, naming 小李 and 柜台1; the form shows 小李's values.
    await office.getByTestId('customer-submit').click();
    const error = office.getByTestId('customer-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(
      /^小李（柜台1）已于 .+ 修改了此记录，已显示最新内容，请核对后再保存$/,
    );
    await expect.poll(() => office.getByTestId('customer-notes').inputValue()).toBe('小李：客户换了新地址');
    expect(await office.getByTestId('customer-company').inputValue()).toBe('华强电子');
    expect((await rpc(office, 'customers.get', { id: customerId })).customer).toMatchObject({
      company: '华强电子',
      notes: '小李：客户换了新地址',
      version: 2,
    });
    await office.mouse.move(0, 0);
    await desk.stillShot(office, 'lan-06-stale-edit-refused');
    await office.locator('.ant-modal-close').click();
    await office.getByTestId('customer-form').waitFor({ state: 'detached' });
  });

  it('the host audit log names the terminal of each write made there', async () => {
    await host.getByTestId('nav-audit').click();
    const table = host.getByTestId('audit-table');
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const headers = await table.locator('thead th').allInnerTexts();
    const user = headers.indexOf('操作人') + 1;
    const terminal = headers.indexOf('终端') + 1;
    const pairs = async () => {
      const rows = table.locator('tbody tr.ant-table-row');
      const users = await rows.locator(`td:nth-child(${user})`).allInnerTexts();
      const terminals = await rows.locator(`td:nth-child(${terminal})`).allInnerTexts();
      return users.map((u, i) => `${u}@${terminals[i] ?? ''}`);
    };
    // The customer edits: 小李's from 柜台1; the customer was created at the host.
    await host.getByTestId('audit-filter-entity').click();
    await host.locator('.ant-select-item-option[title="客户"]').click();
    await expect.poll(async () => new Set(await pairs())).toEqual(new Set(['xiaoli@柜台1', 'admin@主机']));
    // The order: created and assigned at 柜台1, worked at 维修台2; none of it at the host.
    await host.getByTestId('audit-filter-entity').click();
    await host.locator('.ant-select-item-option[title="工单"]').click();
    await expect
      .poll(async () => new Set(await pairs()))
      .toEqual(new Set(['xiaoli@柜台1', 'ligong@维修台2']));
    expect((await pairs()).filter((p) => p === 'ligong@维修台2')).toHaveLength(4);
    await host.mouse.move(0, 0);
    await desk.stillShot(host, 'lan-07-audit-terminals');
  });

  it('5. a revoked terminal falls back to pairing, told why, and its next call is refused', async () => {
    await openLanPage(host);
    await terminalRow(host, '维修台2').getByTestId('lan-terminal-revoke').click();
    await host.locator('.ant-modal-confirm').waitFor();
    await expect.poll(() => host.locator('.ant-modal[class*="ant-zoom-"]').count()).toBe(0);
    await host.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    await terminalRow(host, '维修台2').getByTestId('lan-terminal-revoked').waitFor();

    // The bench hears it at once: the words in a modal, the pairing screen underneath.
    const notice = bench.getByTestId('signed-out-notice');
    await notice.waitFor({ timeout: 5_000 });
    expect(await notice.innerText()).toBe('此终端已被管理员停用，请联系管理员重新配对');
    await bench.getByTestId('pair-form').waitFor();
    await expect
      .poll(() => bench.getByTestId('pair-revoked').innerText())
      .toBe('此终端已被管理员停用，请联系管理员重新配对');
    expect(await bench.getByTestId('pair-intro').innerText()).toContain('重新配对');
    await desk.stillShot(bench, 'lan-08-revoked');

    // Its next calls are refused, a write too.
    for (const [method, input] of [
      ['auth.state', {}],
      ['workOrders.addNote', { id: orderId, note: '还能写吗' }],
    ] as const) {
      const refused = await call(bench, method, input);
      expect(refused).toMatchObject({ ok: false, error: { reason: 'terminalRevoked' } });
    }
    const notes = (await rpc(counter, 'workOrders.get', { id: orderId })).events.filter(
      (e) => e.kind === 'note',
    );
    expect(notes).toEqual([]);
    // The other terminals work on.
    expect((await rpc(counter, 'auth.state', {})).user?.username).toBe(CLERK.username);
    await bench.context().close();
  });

  it('6. the host restarts: the terminals show 无法连接主机, keep their screens and resume by themselves', async () => {
    await counter.goto(`${origin}/#/work-orders/${orderId}`);
    await counter.locator('[data-testid="wo-detail"][data-status="ready"]').waitFor();
    await markUnreloaded(counter);

    // The listener stops (host mode restarting): the idle counter shows the banner by itself.
    const lan = desk.lan;
    if (!lan) throw new Error('the LAN host runs');
    await lan.close();
    latencies.awayBanner = await timeUntil(() => counter.getByTestId('host-away').isVisible(), 10_000);
    expect(await counter.getByTestId('host-away').innerText()).toContain('无法连接主机，正在重试…');
    // The screen stays; a save fails with its words, and what was typed stays to send again.
    expect(await counter.getByTestId('wo-order-no').innerText()).toBe(orderNo);
    const note = '客户来电：下午来取';
    await counter.getByTestId('wo-note-input').fill(note);
    await counter.getByTestId('wo-note-add').click();
    await expect
      .poll(() => counter.locator('.ant-message-notice').allInnerTexts())
      .toContainEqual(expect.stringContaining('无法连接主机，此操作没有完成'));
    // The banner stays at the top of the window, under the header, clear of the message.
    await counter.screenshot({ path: join(ARTIFACTS, 'lan-09-host-away.png'), animations: 'disabled' });
    expect(await counter.getByTestId('wo-note-input').inputValue()).toBe(note);

    // The listener is back on the same port with the same certificate: the banner goes by itself.
    await lan.start();
    expect((await lan.status()).running).toBe(true);
    latencies.awayCleared = await timeUntil(
      async () => (await counter.getByTestId('host-away').count()) === 0,
      10_000,
    );
    expect(await unreloaded(counter)).toBe(true);
    await counter.getByTestId('wo-note-add').click();
    await expect.poll(() => counter.getByTestId('wo-timeline').innerText()).toContain(note);

    // A full restart of the host PC: sessions live in memory, so people sign in again; the
    // terminals stay paired (they are in the database, the certificate in the data folder).
    await desk.restart();
    host = await desk.signedIn(ADMIN);
    expect((await rpc(host, 'lan.status', {})).addresses[0]?.url).toBe(`${origin}/`);
    for (const [page, user, name] of [
      [counter, CLERK, '柜台1'],
      [office, MANAGER, '经理室'],
    ] as const) {
      await page.getByTestId('signin-form').waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('pair-form').count()).toBe(0);
      await expect.poll(() => page.getByTestId('host-away').count(), { timeout: 10_000 }).toBe(0);
      await signInAt(page, user);
      await expect.poll(() => page.getByTestId('header-terminal').innerText()).toBe(`终端：${name}`);
    }
    expect(await unreloaded(counter)).toBe(true);
  });

  it('7. a restore on the host signs every terminal out with 主机已恢复数据，请重新登录', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'desk-lan-backups-'));
    try {
      const settings = await rpc(host, 'backup.settings', {});
      await rpc(host, 'backup.updateSettings', { ...settings, folder });
      await host.getByTestId('nav-backup').click();
      await host.getByTestId('backup-page').waitFor();
      await host.getByTestId('backup-now').click();
      await host.getByTestId('backup-now-result').waitFor({ timeout: 60_000 });
      await host.getByTestId('backup-history-restore').first().click();
      await host.getByTestId('backup-inspection').waitFor();
      await host.getByTestId('restore-confirm').click();
      await host.getByTestId('backup-signed-out').waitFor({ timeout: 60_000 });

      for (const page of [counter, office]) {
        const notice = page.getByTestId('signed-out-notice');
        await notice.waitFor({ timeout: 5_000 });
        expect(await notice.innerText()).toBe('主机已恢复数据，请重新登录');
        await page.getByTestId('signin-form').waitFor();
      }
      await desk.stillShot(counter, 'lan-10-restore-signed-out');

      // Still paired: the admin signs in at the counter, and the host-only pages are not there.
      await counter.locator('.ant-modal-confirm .ant-btn-primary').click();
      await signInAt(counter, ADMIN);
      await expect.poll(() => counter.getByTestId('header-terminal').innerText()).toBe('终端：柜台1');
      expect(await counter.getByTestId('nav-backup').count()).toBe(0);
      expect(await counter.getByTestId('nav-lan').count()).toBe(0);
      expect(await counter.getByTestId('nav-audit').count()).toBe(1);
      await counter.goto(`${origin}/#/backup`);
      await counter.getByTestId('forbidden').waitFor();
      const hostOnly = await call(counter, 'backup.now', { folder });
      expect(hostOnly).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    await counter.context().close();
    await office.context().close();
    await host.context().close();
  });

  it('on one PC: the host-away banner while the service is down, the screen kept, saves refused, resumed', async () => {
    const page = await desk.signedIn(ADMIN);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-security-form').waitFor();
    const shopName = await page.getByTestId('shop-name').innerText();
    const loopbackPort = Number(new URL(desk.server.origin).port);

    let server: WebServer | null = null;
    try {
      await desk.server.close();
      // The screen hears its change feed drop: the banner, and the page stays as it was.
      await page.getByTestId('host-away').waitFor();
      expect(await page.getByTestId('host-away').innerText()).toContain('无法连接主机，正在重试…');
      await page.getByTestId('nav-users').click();
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('settings-security-form').waitFor();
      expect(await page.getByTestId('shop-name').innerText()).toBe(shopName);

      // A save fails with its words; nothing pretends it worked.
      await page.getByTestId('settings-security-submit').click();
      await expect
        .poll(() => page.locator('.ant-message-notice').allInnerTexts())
        .toContainEqual(expect.stringContaining('无法连接主机，此操作没有完成'));
      expect(await page.getByTestId('host-away').count()).toBe(1);

      // The service is back on the same port (a new run: its token cookie is set again); within a
      // few seconds the page finds it by itself and the banner goes.
      server = await startWebServer(desk.core, RENDERER, loopbackPort);
      const other = await page.context().newPage();
      await other.goto(server.url);
      await other.close();
      await expect.poll(() => page.getByTestId('host-away').count(), { timeout: 15_000 }).toBe(0);
      await page.getByTestId('nav-users').click();
      await expect
        .poll(() => page.locator('[data-testid="users-table"] tbody tr.ant-table-row').count())
        .toBe(4);
    } finally {
      await page.context().close();
      await server?.close();
    }
  });
});
