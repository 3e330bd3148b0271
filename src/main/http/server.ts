import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { rpcError, type Envelope } from '@shared/errors';
import type { Core } from '../core';
import type { Connection } from '../services/context';
import { bodyLimitOf } from './bodyLimit';
import { cookie, parseCookies } from './cookies';
import { decodePath, readStatic } from './static';

const TOKEN_COOKIE = 'desk_token';
const SESSION_COOKIE = 'desk_session';
/**
 * After a 413 the rest of the body is still read and dropped, so the client finishes sending and
 * reads the answer instead of meeting a reset connection; a body that goes on past this is cut off.
 */
const DRAIN_BYTES = 64 * 1024 * 1024;

export interface WebServer {
  /** Open this once: it carries the per-run token and sets the cookie. */
  url: string;
  origin: string;
  close(): Promise<void>;
}

type Body = { kind: 'text'; text: string } | { kind: 'tooLarge' } | { kind: 'notUtf8' };

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Strict UTF-8: a broken byte is refused, not turned into U+FFFD and stored. */
function decodeUtf8(bytes: Buffer): Body {
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { kind: 'notUtf8' };
  }
}

/** The body up to `limit` bytes; past it, `tooLarge` at once while the rest is drained. */
function readBody(req: IncomingMessage, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const overflow = () => {
      tooLarge = true;
      chunks.length = 0;
      resolve({ kind: 'tooLarge' });
    };
    if (Number(req.headers['content-length']) > limit) overflow();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        if (size > limit + DRAIN_BYTES) req.destroy();
      } else if (size > limit) overflow();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!tooLarge) resolve(decodeUtf8(Buffer.concat(chunks)));
    });
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

function sendJson(
  res: ServerResponse,
  status: number,
  envelope: unknown,
  headers: Record<string, string | string[]> = {},
) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(envelope), {
    'cache-control': 'no-store',
    ...headers,
  });
}

function refusal(problem: 'tooLarge' | 'notUtf8' | 'notJson', message: string): Envelope<never> {
  return { ok: false, error: rpcError('badRequest', { problem }, message) };
}

/** The addresses this server answers to (`Host`), for a server on 127.0.0.1:port. */
function hostsFor(port: number): Set<string> {
  const names = ['127.0.0.1', 'localhost'];
  // Browsers leave the default port out of Host.
  return new Set(port === 80 ? [...names, ...names.map((n) => `${n}:80`)] : names.map((n) => `${n}:${port}`));
}

/**
 * Browser mode: the built renderer and `POST /rpc/:method` on 127.0.0.1, both behind a random
 * per-run token, calling the same dispatch as Electron's IPC. Bad input from the network never gets
 * a 500: a foreign Host or Origin 403, a broken path 400, a bad body 400, too large a body 413.
 */
export async function startWebServer(core: Core, rendererDir: string, port = 0): Promise<WebServer> {
  const token = randomBytes(24).toString('base64url');
  let origin = '';
  let hosts = new Set<string>();

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
    const body = await readBody(req, bodyLimitOf(method));
    if (body.kind === 'tooLarge') return sendJson(res, 413, refusal('tooLarge', 'request too large'));
    if (body.kind === 'notUtf8') return sendJson(res, 400, refusal('notUtf8', 'body is not UTF-8'));
    let input: unknown;
    try {
      input = body.text.trim() === '' ? {} : (JSON.parse(body.text) as unknown);
    } catch {
      return sendJson(res, 400, refusal('notJson', 'body is not JSON'));
    }
    const envelope = await core.dispatch(method, input, conn);
    sendJson(res, 200, envelope, setCookies.length ? { 'set-cookie': setCookies } : {});
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    // DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 still says so in Host.
    const host = req.headers.host?.toLowerCase();
    if (!host || !hosts.has(host)) return send(res, 403, 'text/plain', 'wrong host');
    const url = URL.parse(req.url ?? '/', origin);
    const path = url && decodePath(url.pathname);
    if (!url || path === null) return send(res, 400, 'text/plain', 'bad request');
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
    if (req.headers.origin !== undefined && req.headers.origin.toLowerCase() !== `http://${host}`)
      return send(res, 403, 'text/plain', 'cross-origin');

    const rpc = /^\/rpc\/([A-Za-z.]+)$/.exec(url.pathname);
    if (rpc?.[1] && req.method === 'POST') return handleRpc(req, res, rpc[1], cookies);
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');

    const file = await readStatic(rendererDir, path);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, file.type, file.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      core.deps.log.error('http request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain', 'internal error');
    });
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${listening}`;
  hosts = hostsFor(listening);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
