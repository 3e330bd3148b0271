import { mkdirSync, writeFileSync } from 'node:fs';
import { request, type OutgoingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_XLSX_BYTES } from '@shared/schemas/excel';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { DEFAULT_BODY_BYTES, bodyLimitOf } from '../../src/main/http/bodyLimit';
import { startApp, tempDir, ADMIN, snapshot, type TestApp } from './harness';

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

interface RawAnswer {
  status: number;
  type: string;
  body: string;
}

/**
 * One request through node:http, which (unlike fetch) lets a test set Host, send broken bytes or
 * stream a body in chunks without a Content-Length.
 */
function raw(
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: Buffer | string; chunks?: Buffer[] } = {},
): Promise<RawAnswer> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.chunks) {
      for (const chunk of options.chunks) req.write(chunk);
      req.end();
    } else req.end(options.body);
  });
}

const TOO_LARGE = {
  ok: false,
  error: {
    code: 'VALIDATION',
    reason: 'badRequest',
    params: { problem: 'tooLarge' },
    message: 'request too large',
  },
};

describe('bad input to the transport gets a clear answer, never a 500, and changes nothing', () => {
  let token: string;
  let session: string;
  let before: string;
  beforeEach(async () => {
    token = await handshake();
    const setup = await rpc('auth.setup', { shopName: '店', branchCode: 'AB', admin: ADMIN }, token);
    session = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    before = snapshot(app.core);
  });
  afterEach(() => {
    expect(snapshot(app.core)).toBe(before);
    expect(app.logs.filter((line) => line.startsWith('http request failed'))).toEqual([]);
  });

  it('ignores a cookie with a broken encoding and keeps the good ones', async () => {
    const cookies = `${token}; x=%E0%A4%A; ${session}; y=%`;
    const state = await rpc('auth.state', {}, cookies);
    expect(state.status).toBe(200);
    expect(await state.json()).toMatchObject({ ok: true, data: { user: { username: 'admin' } } });
    expect((await fetch(`${server.origin}/`, { headers: { cookie: cookies } })).status).toBe(200);
    // A session cookie that does not decode is no session: the call asks to sign in.
    const broken = await rpc('users.list', {}, `${token}; desk_session=%E0%A4%A`);
    expect(broken.status).toBe(200);
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('answers 400 to a path that does not decode', async () => {
    for (const path of ['/%E0%A4%A', '/assets/%', '/%00', '/rpc/%E0%A4%A']) {
      const answer = await raw(path, { headers: { cookie: token } });
      expect(answer, path).toEqual({ status: 400, type: 'text/plain', body: 'bad request' });
    }
    // A path that decodes to something missing is still only a 404.
    expect((await raw('/%E4%B8%AD.js', { headers: { cookie: token } })).status).toBe(404);
  });

  it('refuses a Host that is not the address it listens on, even with the token (DNS rebinding)', async () => {
    const { port } = new URL(server.origin);
    const cookie = `${token}; ${session}`;
    for (const host of [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1:${Number(port) + 1}`,
      `127.0.0.2:${port}`,
    ]) {
      const answer = await raw('/rpc/users.list', { method: 'POST', headers: { host, cookie }, body: '{}' });
      expect(answer, host).toEqual({ status: 403, type: 'text/plain', body: 'wrong host' });
      const opened = await raw(`/?token=${new URL(server.url).searchParams.get('token')}`, {
        headers: { host },
      });
      expect(opened.status, host).toBe(403);
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const answer = await raw('/rpc/auth.state', { method: 'POST', headers: { host, cookie }, body: '{}' });
      expect(answer.status, host).toBe(200);
    }
    // The Origin must be this very host: a page on localhost cannot drive 127.0.0.1, nor the reverse.
    const cross = await raw('/rpc/auth.state', {
      method: 'POST',
      headers: { host: `localhost:${port}`, origin: server.origin, cookie },
      body: '{}',
    });
    expect(cross.status).toBe(403);
    const same = await raw('/rpc/auth.state', {
      method: 'POST',
      headers: { host: `localhost:${port}`, origin: `http://localhost:${port}`, cookie },
      body: '{}',
    });
    expect(same.status).toBe(200);
    expect((await rpc('auth.state', {}, cookie, { origin: 'null' })).status).toBe(403);
  });

  it('answers a body over the limit with 413 and a JSON envelope, and the connection still works', async () => {
    const cookie = `${token}; ${session}`;
    const big = JSON.stringify({ name: 'x'.repeat(DEFAULT_BODY_BYTES) });
    const answer = await rpc('suppliers.create', big, cookie);
    expect(answer.status).toBe(413);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await answer.json()).toEqual(TOO_LARGE);
    // Streamed in chunks without a Content-Length, and far over the limit.
    const chunk = Buffer.alloc(256 * 1024, 'x');
    const streamed = await raw('/rpc/suppliers.create', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      chunks: Array.from({ length: 40 }, () => chunk),
    });
    expect(streamed.status).toBe(413);
    expect(JSON.parse(streamed.body)).toEqual(TOO_LARGE);
    expect((await rpc('auth.state', {}, cookie)).status).toBe(200);
  });

  it('lets an .xlsx import send the largest workbook its contract allows, and no more', async () => {
    const cookie = `${token}; ${session}`;
    expect(bodyLimitOf('customers.import')).toBeGreaterThan((MAX_XLSX_BYTES / 3) * 4);
    expect(bodyLimitOf('parts.import')).toBe(bodyLimitOf('customers.import'));
    expect(bodyLimitOf('customers.create')).toBe(DEFAULT_BODY_BYTES);
    expect(bodyLimitOf('no.such')).toBe(DEFAULT_BODY_BYTES);
    // 3 MB of base64 that is not a workbook: through the transport, refused by the import itself.
    const notAWorkbook = { file: { fileName: 'a.xlsx', base64: 'QUJD'.repeat(768 * 1024) }, dryRun: true };
    const read = await rpc('customers.import', notAWorkbook, cookie);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // One byte past the largest file the schema allows, plus its JSON, is too large.
    const over = {
      file: { fileName: 'a.xlsx', base64: 'A'.repeat(bodyLimitOf('parts.import')) },
      dryRun: true,
    };
    const refused = await rpc('parts.import', over, cookie);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual(TOO_LARGE);
  });

  it('answers a body that is not UTF-8 or not JSON with 400 and an envelope', async () => {
    const cookie = `${token}; ${session}`;
    const notUtf8 = await raw('/rpc/suppliers.create', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"name":"x'), Buffer.from([0xe0, 0xa4]), Buffer.from('y"}')]),
    });
    expect(notUtf8.status).toBe(400);
    expect(JSON.parse(notUtf8.body)).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'badRequest',
        params: { problem: 'notUtf8' },
        message: 'body is not UTF-8',
      },
    });
    const notJson = await rpc('suppliers.create', '{"name":', cookie);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'badRequest',
        params: { problem: 'notJson' },
        message: 'body is not JSON',
      },
    });
  });

  it('refuses a lone surrogate sent as a JSON escape, naming the field', async () => {
    const cookie = `${token}; ${session}`;
    const answer = await rpc('suppliers.create', '{"name":"x\\ud800y","phone":"010"}', cookie);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'invalidInput',
        params: {},
        message: 'invalid input',
        details: {
          fields: [{ reason: 'invalidInput', params: {}, path: 'name', message: 'malformed text' }],
        },
      },
    });
  });
});
