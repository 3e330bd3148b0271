import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCore, type Core } from '../../src/main/core';
import { startWebServer, type WebServer } from '../../src/main/http/server';

const ROOT = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(ROOT, 'tests/e2e/artifacts');
const RENDERER = join(ROOT, 'out/renderer');

export interface Desk {
  core: Core;
  server: WebServer;
  browser: Browser;
  /** A new browser context (its own cookies) that has opened the token URL. */
  open(): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/** The real renderer against the real services in headless Chromium, through browser mode. */
export async function startDesk(): Promise<Desk> {
  if (!existsSync(join(RENDERER, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the end-to-end tests.');
  }
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executablePath))
    throw new Error(`Chromium not found at ${executablePath} (set CHROMIUM_PATH).`);
  mkdirSync(ARTIFACTS, { recursive: true });

  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const core = createCore({ dataDir, migrationsDir: join(ROOT, 'drizzle') });
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

  return {
    core,
    server,
    browser,
    async open() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 820 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.on('pageerror', (error) => console.error('[page error]', error));
      await page.goto(server.url);
      return page;
    },
    async shot(page, name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await browser.close();
      await server.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
