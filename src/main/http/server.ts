import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { cookie, parseCookies } from './cookies';
import { Listener } from './listener';
import { send } from './respond';
import { rpcMethodOf, serveRpc } from './rpc';
import { decodePath, readStatic } from './static';

const TOKEN_COOKIE = 'desk_token';

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

    const method = rpcMethodOf(url.pathname);
    if (method && req.method === 'POST') {
      await serveRpc(core, req, res, { method, cookies, secure: false, terminal: null });
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    // The host's own browser tab hears every change, like the Electron window.
    if (url.pathname === '/events') return listener.streams.serve(core.notices, req, res, null);

    const file = await readStatic(rendererDir, path);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, file.type, file.body);
  }

  const listener = new Listener(core.deps.log, handle);
  const server = createServer(listener.onRequest);

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${listening}`;
  hosts = hostsFor(listening);
  return {
    url: `${origin}/?token=${token}`,
    origin,
    close: () => listener.close(server),
  };
}
