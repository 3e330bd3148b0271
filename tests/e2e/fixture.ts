import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import dayjs from 'dayjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { startLanHost, type LanHost } from '../../src/main/lan/host';
import { processTimeZone, startTime, TestClock } from './clock';

const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
// DESK_RENDERER lets a second build (`electron-vite build --outDir X`) be tested beside out/.
export const RENDERER = process.env.DESK_RENDERER
  ? resolve(process.env.DESK_RENDERER)
  : join(ROOT, 'out/renderer');
export const MIGRATIONS = join(ROOT, 'drizzle');

export interface Credentials {
  username: string;
  password: string;
}

export interface Desk {
  core: Core;
  server: WebServer;
  browser: Browser;
  /** The one fake clock of the server and the browser pages. */
  clock: TestClock;
  /** A core on a data folder of the test's own, on the desk's clock (for tests that restart a shop). */
  createCore(options: Omit<CoreOptions, 'migrationsDir' | 'now'>): Core;
  /** Browser console warnings and errors of the signed-in pages (antd deprecations, React key warnings …). */
  consoleProblems: string[];
  /** A new browser context (its own cookies and the desk's clock) that has opened `url` (the token URL). */
  open(url?: string): Promise<Page>;
  /** A new page signed in as `user`, on the home screen; its console problems are collected. */
  signedIn(user: Credentials): Promise<Page>;
  /** The core's LAN host (设置 → 局域网共享) once `startLan` ran; it listens if its settings say so. */
  lan: LanHost | null;
  /** Start the core's LAN host, as browser mode and the Electron main do at start-up. */
  startLan(): Promise<LanHost>;
  /**
   * Another machine on the shop's LAN: a new browser context (own cookies, the desk's clock) that
   * accepts the host's self-signed certificate (a person checks its fingerprint) and opens `url`.
   */
  openTerminal(url: string): Promise<Page>;
  /**
   * The host PC restarts: the LAN host, the loopback server and the core close; a new core opens the
   * same data folder, the loopback server comes back on its port (a new token: open `server.url`
   * again) and the LAN host starts again if it ran.
   */
  restart(): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  /** A screenshot once the page is still: no spinner, no toast. */
  stillShot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

/** Call a contract method through the browser-mode transport, as the page's own client would. */
export async function call<M extends Method>(page: Page, method: M, input: InputOf<M>): Promise<Envelope> {
  return page.evaluate(
    async ([name, body]) => {
      const response = await fetch(`/rpc/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as Envelope;
    },
    [method, input] as const,
  );
}

/** `call` that expects success: a refusal fails the test with the error. */
export async function rpc<M extends Method>(page: Page, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await call(page, method, input);
  if (!envelope.ok) throw new Error(`${method} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.data as OutputOf<M>;
}

export interface DeskOptions {
  /**
   * A scenario that lives in one business day (payments, then that day's close) starts at this
   * hour of the suite's day rather than at the suite's time, which may be a minute to midnight.
   */
  hour?: number;
}

/**
 * Wait until the modal holding this form is open and still: a click while its zoom-in runs can
 * land beside its target on a loaded machine.
 */
export async function modalOpen(page: Page, formTestId: string): Promise<void> {
  await page.getByTestId(formTestId).waitFor();
  await expect.poll(() => page.locator('.ant-modal[class*="ant-zoom-"]').count()).toBe(0);
}

/** The real renderer against the real services in headless Chromium, through browser mode. */
export async function startDesk(options: DeskOptions = {}): Promise<Desk> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH).`);
  mkdirSync(ARTIFACTS, { recursive: true });

  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const start = startTime();
  const clock = new TestClock(
    options.hour === undefined ? start : dayjs(start).startOf('day').hour(options.hour).valueOf(),
  );
  const onClock = (options: Omit<CoreOptions, 'migrationsDir' | 'now'>) =>
    createCore({ scheduler: false, ...options, migrationsDir: MIGRATIONS, now: clock.now });
  const core = onClock({ dataDir });
  const server = await startWebServer(core, RENDERER);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

  async function newPage(url: string, ignoreHTTPSErrors = false): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 820 },
      locale: 'zh-CN',
      // The browser runs in the server's time zone and on its clock, as a shop's screens do.
      timezoneId: processTimeZone(),
      ignoreHTTPSErrors,
      // The app follows the system's reduce-motion setting: no modal is caught mid-zoom by a click.
      reducedMotion: 'reduce',
    });
    await clock.attach(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[page error]', error));
    await page.goto(url);
    return page;
  }

  const desk: Desk = {
    core,
    server,
    browser,
    clock,
    createCore: onClock,
    consoleProblems: [],
    lan: null,
    open(url = desk.server.url) {
      return newPage(url);
    },
    async signedIn(user) {
      const page = await desk.open();
      page.on('console', (message) => {
        if (message.type() === 'warning' || message.type() === 'error') {
          desk.consoleProblems.push(message.text());
        }
      });
      await rpc(page, 'auth.signIn', { username: user.username, password: user.password });
      await page.reload();
      await page.getByTestId('home-welcome').waitFor();
      return page;
    },
    async startLan() {
      desk.lan ??= await startLanHost(desk.core, RENDERER);
      return desk.lan;
    },
    openTerminal(url) {
      return newPage(url, true);
    },
    async restart() {
      const port = Number(new URL(desk.server.origin).port);
      const lan = desk.lan !== null;
      await desk.lan?.close();
      desk.lan = null;
      await desk.server.close();
      desk.core.close();
      desk.core = onClock({ dataDir });
      desk.server = await startWebServer(desk.core, RENDERER, port);
      if (lan) await desk.startLan();
    },
    async shot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async stillShot(page, name) {
      await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 10_000 }).toBe(0);
      await expect
        .poll(() => page.locator('.ant-message-notice').count(), { timeout: 10_000 })
        .toBe(0)
        .catch(() => undefined);
      await page.waitForTimeout(400);
      await desk.shot(page, name);
    },
    async close() {
      await browser.close();
      await desk.lan?.close();
      await desk.server.close();
      desk.core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return desk;
}
