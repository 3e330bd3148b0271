import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { startApp, tempDir, ADMIN, type TestApp } from './harness';

let app: TestApp;
let server: WebServer;
let cleanupRenderer: () => void;

beforeEach(async () => {
  app = startApp();
  const root = tempDir();
  cleanupRenderer = root.cleanup;
  const renderer = join(root.dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>desk</title>');
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
  // Beside the renderer folder, so a path that climbs out could reach it.
  writeFileSync(join(root.dir, 'secret.txt'), 'outside');
  server = await startWebServer(app.core, renderer);
});
afterEach(async () => {
  await server.close();
  app.cleanup();
  cleanupRenderer();
});

/** Open the printed URL like a browser and keep the cookie it sets. */
async function handshake(): Promise<string> {
  const res = await fetch(server.url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

function rpc(method: string, body: unknown, cookie: string, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser-mode transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves nothing without the per-run token', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect((await rpc('auth.state', {}, '')).status).toBe(403);
    expect((await rpc('auth.state', {}, 'desk_token=guess')).status).toBe(403);
    expect((await fetch(`${server.origin}/?token=guess`, { redirect: 'manual' })).status).toBe(403);
  });

  it('serves the renderer and dispatches RPC with the token cookie', async () => {
    const token = await handshake();
    expect(await (await fetch(`${server.origin}/`, { headers: { cookie: token } })).text()).toContain(
      '<title>desk</title>',
    );
    expect(
      (await fetch(`${server.origin}/assets/app.js`, { headers: { cookie: token } })).headers.get(
        'content-type',
      ),
    ).toMatch(/javascript/);
    expect(
      (await fetch(`${server.origin}/assets/..%2f..%2fsecret.txt`, { headers: { cookie: token } })).status,
    ).toBe(404);
    const state = (await (await rpc('auth.state', {}, token)).json()) as {
      ok: boolean;
      data: { setupNeeded: boolean };
    };
    expect(state).toMatchObject({ ok: true, data: { setupNeeded: true } });
  });

  it('keeps the session in an HttpOnly cookie', async () => {
    const token = await handshake();
    const setup = await rpc('auth.setup', { shopName: '店', branchCode: 'AB', admin: ADMIN }, token);
    const session = setup.headers.get('set-cookie') ?? '';
    expect(session).toMatch(/^desk_session=[^;]+; HttpOnly; SameSite=Strict/);
    const cookies = `${token}; ${session.split(';')[0]}`;
    const state = (await (await rpc('auth.state', {}, cookies)).json()) as {
      data: { user: { username: string } };
    };
    expect(state.data.user.username).toBe('admin');
    const out = await rpc('auth.signOut', {}, cookies);
    expect(out.headers.get('set-cookie')).toMatch(/^desk_session=; .*Max-Age=0/);
  });

  it('refuses cross-origin calls and answers bad bodies with VALIDATION', async () => {
    const token = await handshake();
    expect((await rpc('auth.state', {}, token, { origin: 'http://evil.example' })).status).toBe(403);
    expect(await (await rpc('auth.state', '{not json', token)).json()).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await (await rpc('nope.nothing', {}, token)).json()).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_METHOD' },
    });
  });
});
