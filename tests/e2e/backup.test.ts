import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DATABASE_FILE, type Core } from '../../src/main/core';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { ARTIFACTS, RENDERER, rpc, startDesk, type Desk } from './fixture';
import { customerWithDevice, setUpShop } from './seed';

const ADMIN = { username: 'admin', displayName: '王店长', password: 'backup-admin-1' };
const CLERK = { username: 'xiaoli', displayName: '小李', password: 'clerk-pass-2026' };
const TECH = { username: 'ligong', displayName: '李工', password: 'tech-pass-2026' };
const PHONE = '13812345678';

let desk: Desk;
/** The backup folder, as a manager would type it in browser mode (an external drive in real life). */
let folder = '';
let customerId = '';

/** The names in the customers list, as the counter sees them. */
async function customerNames(page: Page): Promise<string[]> {
  await page.goto(`${new URL(page.url()).origin}/#/customers`);
  await page.getByTestId('customers-table').waitFor();
  await expect.poll(() => page.locator('[data-testid^="customer-row-"]').count()).toBeGreaterThan(0);
  return page.locator('[data-testid^="customer-row-"] td:nth-child(2)').allInnerTexts();
}

async function openBackupPage(page: Page): Promise<void> {
  await page.getByTestId('nav-backup').click();
  await page.getByTestId('backup-page').waitFor();
}

beforeAll(async () => {
  desk = await startDesk();
  folder = mkdtempSync(join(tmpdir(), 'desk-backups-'));
  const page = await desk.open();
  await setUpShop(page, { admin: ADMIN, clerk: CLERK, tech: TECH });
  ({ customerId } = await customerWithDevice(
    page,
    { name: '王小明', phones: [{ phone: PHONE, label: '手机' }] },
    { category: '手机', brand: '华为', model: 'Mate 60', serialNo: 'SN-BACKUP-1' },
  ));
  await customerWithDevice(
    page,
    { name: '张三', phones: [{ phone: '13800138000', label: '手机' }] },
    { category: '平板', brand: 'Apple', model: 'iPad Air', serialNo: 'SN-BACKUP-2' },
  );
  await page.context().close();
});

afterAll(async () => {
  await desk?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('backup and restore, as a shop manager does it', () => {
  it('backs up with the progress bar, changes data, restores from the history and the data is as it was', async () => {
    const page = await desk.signedIn(ADMIN);

    // No folder yet: the home screen warns, and its button opens the backup page.
    const warning = page.getByTestId('backup-warning');
    await expect.poll(() => warning.getAttribute('data-warning')).toBe('noFolder');
    await desk.stillShot(page, 'backup-00-home-warning');
    await page.getByTestId('backup-warning-open').click();
    await page.getByTestId('backup-page').waitFor();
    await expect.poll(() => warning.getAttribute('data-warning')).toBe('noFolder');

    // Browser mode has no folder chooser: the path is typed and saved under 自动备份.
    await page.getByTestId('backup-auto-folder').fill(folder);
    await page.getByTestId('backup-auto-save').click();
    await expect.poll(() => warning.getAttribute('data-warning')).toBe('never');
    await expect.poll(() => page.getByTestId('backup-now-folder').inputValue()).toBe(folder);

    // 立即备份: the bar shows while it runs and stays at 100 % beside the result. Every percent it
    // shows is recorded, to see it move (a small shop's backup takes a blink).
    await page.getByTestId('backup-now').click();
    const bar = page.getByTestId('backup-progress');
    const result = page.getByTestId('backup-now-result');
    await bar.waitFor();
    const seen: string[] = [];
    for (const started = Date.now(); Date.now() - started < 60_000;) {
      const percent = (await bar.getAttribute('data-percent')) ?? '';
      if (seen.at(-1) !== percent) seen.push(percent);
      if (await result.isVisible()) break;
    }
    console.info('backup progress seen:', seen.join(' → '));
    await result.waitFor();
    expect(await bar.getAttribute('data-percent')).toBe('100');
    const file = await page.getByTestId('backup-now-file').innerText();
    expect(readdirSync(folder).length).toBeGreaterThan(0);
    expect(file.startsWith(folder)).toBe(true);

    // The run is in the history, and the warning is gone.
    const rows = page.locator('[data-testid="backup-history-row"]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-ok')).toBe('true');
    await expect.poll(() => warning.count()).toBe(0);
    // The scheduler's next tick drills it: read back and checked in full as a restore would.
    await desk.core.backup.drillNewest();
    await page.reload();
    await page.getByTestId('backup-history-proven').waitFor();
    await page.getByTestId('backup-history-proven').hover();
    await expect
      .poll(() => page.locator('.ant-tooltip').innerText())
      .toMatch(/已按恢复的方式把这份备份读回并完整检查/);
    await desk.stillShot(page, 'backup-01-page');

    // The home screen has no warning either.
    await page.goto(`${new URL(page.url()).origin}/#/`);
    await page.getByTestId('home-welcome').waitFor();
    expect(await page.getByTestId('backup-warning').count()).toBe(0);

    // Change data after the backup: a customer renamed, another one added.
    const { version } = (await rpc(page, 'customers.get', { id: customerId })).customer;
    await rpc(page, 'customers.update', {
      id: customerId,
      version,
      name: '王大明',
      phones: [{ phone: PHONE, label: '手机' }],
    });
    await rpc(page, 'customers.create', { name: '赵六', phones: [{ phone: '13600136000', label: '手机' }] });
    const changed = await customerNames(page);
    expect(changed).toEqual(expect.arrayContaining(['王大明', '赵六', '张三']));

    // Restore from the history row: the check shows the backup, the confirm warns, then it runs.
    await openBackupPage(page);
    await page.getByTestId('backup-history-restore').first().click();
    await page.getByTestId('backup-inspection').waitFor();
    expect(await page.getByTestId('backup-rows-customers').innerText()).toBe('2');
    expect(await page.getByTestId('backup-rows-devices').innerText()).toBe('2');
    await page.getByTestId('restore-warning').waitFor();
    await desk.stillShot(page, 'backup-02-restore-page');
    // The modal is taller than the window: a taller window for its picture, then back.
    await page.setViewportSize({ width: 1366, height: 1300 });
    await page.locator('.ant-modal').screenshot({ path: join(ARTIFACTS, 'backup-02-restore-confirm.png') });
    await page.setViewportSize({ width: 1366, height: 820 });
    await page.getByTestId('restore-confirm').click();

    // Every session ended: the message stays over the sign-in screen.
    await page.getByTestId('backup-signed-out').waitFor({ timeout: 60_000 });
    await page.getByTestId('signin-form').waitFor();
    await desk.stillShot(page, 'backup-03-signed-out');
    await page.getByRole('button', { name: '重新登录' }).click();

    // Sign in again through the form; the data is as it was at the backup.
    await page.locator('#signIn_username').fill(ADMIN.username);
    await page.locator('#signIn_password').fill(ADMIN.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    const restored = await customerNames(page);
    expect(restored.sort()).toEqual(['张三', '王小明'].sort());

    // The safety backup of the replaced data is in the history too.
    await openBackupPage(page);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const history = await page.getByTestId('backup-history').innerText();
    expect(history).toContain('安全备份');
    await page.context().close();
  });

  it('refuses a file that is not a backup, with the reason, and changes nothing', async () => {
    const page = await desk.signedIn(ADMIN);
    await openBackupPage(page);
    await page.getByTestId('backup-restore-file').fill(join(folder, 'no-such-backup.tar.gz'));
    await page.getByTestId('backup-restore-check').click();
    const error = page.getByTestId('restore-inspect-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/找不到备份文件|未通过检查/);
    expect(await page.getByTestId('restore-confirm').count()).toBe(0);
    await page.getByTestId('restore-cancel').click();
    expect(await customerNames(page)).toEqual(expect.arrayContaining(['王小明', '张三']));
    await page.context().close();
  });

  it('shows a clerk the backup page without restore, settings or reset', async () => {
    const page = await desk.signedIn(CLERK);
    await openBackupPage(page);
    await page.getByTestId('backup-now').waitFor();
    expect(await page.getByTestId('backup-restore-card').count()).toBe(0);
    expect(await page.getByTestId('backup-reset-card').count()).toBe(0);
    expect(await page.getByTestId('backup-history-restore').count()).toBe(0);
    expect(await page.getByTestId('backup-auto-save').count()).toBe(0);
    // A clerk may export everything to Excel: one file, a sheet per area.
    await page.getByTestId('backup-export-all').click();
    const exported = page.getByTestId('backup-export-result');
    await exported.waitFor({ timeout: 60_000 });
    expect(await exported.innerText()).toContain('.xlsx');

    // In English too (the choice is kept per browser, so it ends with this page).
    await page.getByTestId('lang-en-US').click();
    await page.getByText('Back up now', { exact: true }).first().waitFor();
    await desk.stillShot(page, 'backup-05-clerk-en');
    await page.context().close();
  });

  it('clears all data after the shop name is typed, keeping users, with a backup first', async () => {
    const page = await desk.signedIn(ADMIN);
    await openBackupPage(page);
    const button = page.getByTestId('backup-reset');
    await page.getByTestId('backup-reset-confirm-name').fill('城东');
    expect(await button.isDisabled()).toBe(true);
    await page.getByTestId('backup-reset-confirm-name').fill('城东维修中心');
    expect(await button.isDisabled()).toBe(false);
    await button.click();
    await page.getByTestId('backup-signed-out').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: '重新登录' }).click();
    await page.locator('#signIn_username').fill(ADMIN.username);
    await page.locator('#signIn_password').fill(ADMIN.password);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('home-welcome').waitFor();
    await page.goto(`${new URL(page.url()).origin}/#/customers`);
    await page.getByTestId('customers-table').waitFor();
    await expect.poll(() => page.locator('[data-testid^="customer-row-"]').count()).toBe(0);
    await page.context().close();
  });

  it('has no console warnings or errors on the signed-in pages', () => {
    expect(desk.consoleProblems).toEqual([]);
  });
});

/** A core and browser-mode server on a data folder of the test's own, so it can be damaged between runs. */
async function serve(dataDir: string): Promise<{ core: Core; server: WebServer; stop(): Promise<void> }> {
  const core = desk.createCore({ dataDir });
  const server = await startWebServer(core, RENDERER);
  return {
    core,
    server,
    async stop() {
      await server.close();
      core.close();
    },
  };
}

function openAt(url: string): Promise<Page> {
  return desk.open(url);
}

describe('a damaged database at start', () => {
  it('shows the guided restore, restores the newest backup and opens the app again', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-recovery-'));
    const backups = mkdtempSync(join(tmpdir(), 'desk-recovery-backups-'));
    try {
      // A shop with a customer and one good backup.
      const first = await serve(dataDir);
      const setup = await openAt(first.server.url);
      await setUpShop(setup, { admin: ADMIN, clerk: CLERK, tech: TECH });
      await customerWithDevice(
        setup,
        { name: '孙七', phones: [{ phone: '13500135000', label: '手机' }] },
        { category: '手机', brand: '小米', model: '14', serialNo: 'SN-RECOVERY-1' },
      );
      const settings = await rpc(setup, 'backup.settings', {});
      await rpc(setup, 'backup.updateSettings', { ...settings, folder: backups });
      const run = await rpc(setup, 'backup.now', {});
      expect(run.ok).toBe(true);
      await setup.context().close();
      await first.stop();

      // Power cut, disk fault: the database file is garbage at the next start.
      const file = join(dataDir, DATABASE_FILE);
      writeFileSync(file, Buffer.alloc(64 * 1024, 'garbage!'));
      rmSync(`${file}-wal`, { force: true });
      rmSync(`${file}-shm`, { force: true });

      const second = await serve(dataDir);
      try {
        const page = await openAt(second.server.url);
        await page.getByTestId('recovery-page').waitFor();
        await page.getByTestId('recovery-problem').waitFor();
        const rows = page.locator('[data-testid="recovery-candidates-row"]');
        await expect.poll(() => rows.count()).toBe(1);
        await desk.stillShot(page, 'backup-04-recovery');

        await page.getByTestId('recovery-candidates-restore').click();
        await page.getByTestId('backup-inspection').waitFor();
        expect(await page.getByTestId('backup-rows-customers').innerText()).toBe('1');
        await page.getByTestId('restore-confirm').click();
        await page.getByTestId('backup-signed-out').waitFor({ timeout: 60_000 });
        await page.getByRole('button', { name: '进入系统' }).click();

        await page.locator('#signIn_username').fill(ADMIN.username);
        await page.locator('#signIn_password').fill(ADMIN.password);
        await page.getByTestId('signin-submit').click();
        await page.getByTestId('home-welcome').waitFor();
        expect(await customerNames(page)).toEqual(['孙七']);
        await page.context().close();
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(backups, { recursive: true, force: true });
    }
  });
});
