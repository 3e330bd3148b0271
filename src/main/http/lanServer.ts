import { createServer } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rpcError, type Envelope } from '@shared/errors';
import type { TerminalRef } from '@shared/schemas/lan';
import type { Core } from '../core';
import { acceptedHosts } from '../lan/addresses';
import type { HostCertificate } from '../lan/certificate';
import type { PairingCodes } from '../lan/pairing';
import { TerminalActivity, verifyTerminalKey } from '../services/terminals';
import { parseCookies } from './cookies';
import { Listener } from './listener';
import { servePair } from './pair';
import { send, sendJson } from './respond';
import { rpcMethodOf, serveRpc } from './rpc';
import { decodePath, readStatic } from './static';
import { LAN_WIRE } from '@shared/lanWire';

/** Not a method: the name the backup gate knows the key lookup by (it waits for a restore's swap). */
const KEY_CHECK = 'lan.terminalKey';
/** How long the accepted Host names are kept before the network interfaces are read again. */
const HOSTS_TTL_MS = 10_000;

export interface LanServerOptions {
  /** The address to bind (`0.0.0.0`: every address of this PC). */
  address: string;
  /** 0 picks a free port (tests). */
  port: number;
  certificate: HostCertificate;
  /** The built renderer; null serves no pages (tests of the API alone). */
  rendererDir: string | null;
  pairing: PairingCodes;
}

export interface LanServer {
  address: string;
  port: number;
  close(): Promise<void>;
}

/** The terminal a request comes from, by its key, or the envelope that refuses it. */
function terminalOf(
  core: Pick<Core, 'deps'>,
  req: IncomingMessage,
  cookies: Map<string, string>,
): { terminal: TerminalRef } | { refusal: Envelope<never> } {
  // While the database is damaged or being swapped, no key can be looked up: say why instead.
  const { backup } = core.deps;
  if (backup?.damaged())
    return { refusal: { ok: false, error: rpcError('databaseDamaged', {}, 'the database is damaged') } };
  if (backup?.blocks(KEY_CHECK))
    return {
      refusal: { ok: false, error: rpcError('restoreInProgress', {}, 'data is being restored or reset') },
    };
  const header = req.headers[LAN_WIRE.keyHeader];
  const key = typeof header === 'string' ? header : cookies.get(LAN_WIRE.terminalCookie);
  const check = verifyTerminalKey(core.deps.db, key);
  if (check.status === 'paired') return { terminal: { id: check.terminal.id, name: check.terminal.name } };
  return {
    refusal: {
      ok: false,
      error:
        check.status === 'revoked'
          ? rpcError('terminalRevoked', {}, 'this terminal has been revoked')
          : rpcError('terminalNotPaired', {}, 'this device is not paired with the host'),
    },
  };
}

function remoteAddress(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? '';
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/**
 * The host's LAN listener, HTTPS only: the same renderer (to anyone on the LAN: the pairing screen
 * is the renderer), `POST /pair`, and `POST /rpc/:method` and `GET /events` for paired terminals
 * only, authenticated by the terminal key instead of the loopback server's per-run token. A foreign
 * Host or Origin is refused (403) against DNS rebinding, as on the loopback server.
 */
export async function startLanServer(core: Core, options: LanServerOptions): Promise<LanServer> {
  const activity = new TerminalActivity();
  let port = options.port;
  let hosts = { names: new Set<string>(), at: -Infinity };

  function accepted(host: string): boolean {
    const now = performance.now();
    if (now - hosts.at > HOSTS_TTL_MS) hosts = { names: acceptedHosts(options.address, port), at: now };
    return hosts.names.has(host);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const host = req.headers.host?.toLowerCase();
    if (!host || !accepted(host)) return send(res, 403, 'text/plain', 'wrong host');
    const origin = `https://${host}`;
    if (req.headers.origin !== undefined && req.headers.origin.toLowerCase() !== origin)
      return send(res, 403, 'text/plain', 'cross-origin');
    const url = URL.parse(req.url ?? '/', origin);
    const path = url && decodePath(url.pathname);
    if (!url || path === null) return send(res, 400, 'text/plain', 'bad request');
    const cookies = parseCookies(req.headers.cookie);

    if (url.pathname === '/pair' && req.method === 'POST')
      return servePair(core, req, res, {
        pairing: options.pairing,
        fingerprint: options.certificate.fingerprint,
      });
    const method = rpcMethodOf(url.pathname);
    if (method && req.method === 'POST') {
      const caller = terminalOf(core, req, cookies);
      if ('refusal' in caller) return sendJson(res, 200, caller.refusal);
      const conn = await serveRpc(core, req, res, {
        method,
        cookies,
        secure: true,
        terminal: caller.terminal,
      });
      // Not while a restore swaps the files under the call (it may have started meanwhile).
      if (!core.deps.backup?.blocks(KEY_CHECK))
        activity.touch(core.deps, caller.terminal.id, remoteAddress(req), conn?.sessionId ?? null);
      return;
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    if (url.pathname === '/events') {
      const caller = terminalOf(core, req, cookies);
      if ('refusal' in caller) return sendJson(res, 401, caller.refusal);
      return listener.streams.serve(core.notices, req, res, caller.terminal.id);
    }
    const file = options.rendererDir === null ? null : await readStatic(options.rendererDir, path);
    if (!file) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, file.type, file.body);
  }

  const listener = new Listener(core.deps.log, handle);
  const server = createServer(
    { cert: options.certificate.cert, key: options.certificate.key },
    listener.onRequest,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  server.on('error', (error) => core.deps.log.error('lan listener failed', error));
  return {
    address: options.address,
    port,
    close: () => listener.close(server),
  };
}
