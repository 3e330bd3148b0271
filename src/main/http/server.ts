import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import type { Connection } from '../services/context';
import { cookie, parseCookies } from './cookies';
import { readStatic } from './static';

const TOKEN_COOKIE = 'desk_token';
const SESSION_COOKIE = 'desk_session';
/** Large enough for a 256 KB logo as base64 inside JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebServer {
  /** Open this once: it carries the per-run token and sets the cookie. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string | string[]> = {},
) {
  res.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

/**
 * Browser mode: the built renderer and `POST /rpc/:method` on 127.0.0.1, both behind a random
 * per-run token, calling the same dispatch as Electron's IPC.
 */
export async function startWebServer(core: Core, rendererDir: string, port = 0): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';

  async function handleRpc(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    cookies: Map<string, string>,
  ) {
    const setCookies: string[] = [];
    const conn: Connection = {
      sessionId: cookies.get(SESSION_COOKIE) ?? null,
      setSessionId(id) {
        this.sessionId = id;
        setCookies.push(cookie(SESSION_COOKIE, id));
      },
    };
    const body = await readBody(req);
    let input: unknown;
    try {
      input = body === null ? undefined : body.trim() === '' ? {} : (JSON.parse(body) as unknown);
    } catch {
      input = undefined;
    }
    const envelope =
      input === undefined
        ? {
            ok: false,
            error: { code: 'VALIDATION', message: body === null ? 'request too large' : 'body is not JSON' },
          }
        : await core.dispatch(method, input, conn);
    send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope), {
      'cache-control': 'no-store',
      ...(setCookies.length ? { 'set-cookie': setCookies } : {}),
    });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      const cookies = parseCookies(req.headers.cookie);

      if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
        if (!sameSecret(url.searchParams.get('token') ?? undefined, token))
          return send(res, 403, 'text/plain', 'wrong token');
        res.writeHead(302, { location: '/', 'set-cookie': cookie(TOKEN_COOKIE, token) });
        return res.end();
      }
      if (!sameSecret(cookies.get(TOKEN_COOKIE), token)) {
        return send(
          res,
          403,
          'text/plain; charset=utf-8',
          '请打开 npm run web 打印的地址 / Open the URL printed by npm run web.',
        );
      }
      // A page from another origin must never drive the API, even with the cookie.
      if (req.headers.origin && req.headers.origin !== origin)
        return send(res, 403, 'text/plain', 'cross-origin');

      const rpc = /^\/rpc\/([A-Za-z.]+)$/.exec(url.pathname);
      if (rpc?.[1] && req.method === 'POST') return handleRpc(req, res, rpc[1], cookies);
      if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');

      const file = await readStatic(rendererDir, url.pathname);
      if (!file) return send(res, 404, 'text/plain', 'not found');
      send(res, 200, file.type, file.body);
    })().catch((error: unknown) => {
      core.deps.log.error('http request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
