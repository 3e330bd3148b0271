import { X509Certificate } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';
import { rpcError } from '@shared/errors';

/** A self-signed certificate like the host's, with its SHA-256 fingerprint. */
export interface TestCert {
  cert: string;
  key: string;
  fingerprint: string;
}

export async function makeCert(): Promise<TestCert> {
  // EC keys: quick to make, and the handshake's signature still proves the key.
  const pems = await generate([{ name: 'commonName', value: 'After-Sales Desk host' }], {
    keyType: 'ec',
    algorithm: 'sha256',
  });
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export const PAIRING_CODE = '246810';
export const TERMINAL_KEY = 'key-for-the-bench-pc';

/**
 * A stand-in for the host's HTTPS listener, on 127.0.0.1: `/pair`, `/rpc/<method>` (sign-in sets
 * `desk_session`, every other method echoes what it got) and `/events`. It records every request.
 */
export class FakeHost {
  readonly requests: SeenRequest[] = [];
  /** TLS connections it accepted (a keep-alive client opens few). */
  connections = 0;
  /** What /pair claims the fingerprint is (a lying host, or a box rewriting the connection). */
  claimedFingerprint: string | null = null;
  readonly #streams = new Set<ServerResponse>();
  readonly #sockets = new Set<Socket>();
  #sessions = 0;

  private constructor(
    readonly server: Server,
    readonly cert: TestCert,
    readonly port: number,
  ) {}

  static async start(cert: TestCert, port = 0): Promise<FakeHost> {
    const server = createHttpsServer({ cert: cert.cert, key: cert.key });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const host = new FakeHost(server, cert, (server.address() as AddressInfo).port);
    server.on('secureConnection', (socket: TLSSocket) => {
      host.connections++;
      host.#sockets.add(socket);
      socket.once('close', () => host.#sockets.delete(socket));
    });
    server.on('request', (req, res) => host.#handle(req, res));
    return host;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /** One server-sent event to every open stream, `data` as written. */
  push(data: string): void {
    for (const res of this.#streams) res.write(`data: ${data}\n\n`);
  }

  get streams(): number {
    return this.#streams.size;
  }

  /** Gone at once, as when the host PC is switched off: open connections are cut. */
  async stop(): Promise<void> {
    for (const res of this.#streams) res.destroy();
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(seen);
      this.#route(seen, res);
    });
  }

  #route(seen: SeenRequest, res: ServerResponse): void {
    const json = (envelope: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(envelope));
    };
    if (seen.method === 'GET' && seen.url === '/events') {
      if (seen.headers['x-desk-terminal'] !== TERMINAL_KEY) return json({ ok: false });
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': hello\n\n');
      this.#streams.add(res);
      res.once('close', () => this.#streams.delete(res));
      return;
    }
    if (seen.method === 'POST' && seen.url === '/pair') {
      const input = JSON.parse(seen.body) as { code: string; name: string };
      if (input.code !== PAIRING_CODE)
        return json({ ok: false, error: rpcError('pairingCodeWrong', { triesLeft: 4 }, 'wrong code') });
      return json({
        ok: true,
        data: {
          terminal: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: input.name },
          key: TERMINAL_KEY,
          fingerprint: this.claimedFingerprint ?? this.cert.fingerprint,
        },
      });
    }
    const rpc = /^\/rpc\/([A-Za-z.]+)$/.exec(seen.url);
    if (seen.method === 'POST' && rpc) {
      if (seen.headers['x-desk-terminal'] !== TERMINAL_KEY)
        return json({ ok: false, error: rpcError('terminalNotPaired', {}, 'no key') });
      if (rpc[1] === 'auth.signIn') {
        this.#sessions++;
        return json(
          { ok: true, data: { signedIn: true } },
          { 'set-cookie': `desk_session=s${this.#sessions}%2Bx; HttpOnly; SameSite=Strict; Path=/` },
        );
      }
      if (rpc[1] === 'auth.signOut') {
        return json(
          { ok: true, data: {} },
          { 'set-cookie': 'desk_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0' },
        );
      }
      return json({ ok: true, data: { method: rpc[1], input: JSON.parse(seen.body) as unknown } });
    }
    res.writeHead(404);
    res.end();
  }
}

/**
 * Something else on the host's address with another certificate: a bare TLS server that counts
 * handshakes and every byte it is sent after one (no HTTP parser that could drop any).
 */
export async function startImpostor(
  cert: TestCert,
  port: number,
): Promise<{
  handshakes: () => number;
  bytes: () => number;
  closed: () => number;
  stop: () => Promise<void>;
}> {
  let handshakes = 0;
  let bytes = 0;
  let closed = 0;
  const sockets = new Set<TLSSocket>();
  const server = createTlsServer({ cert: cert.cert, key: cert.key }, (socket) => {
    handshakes++;
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    socket.on('error', () => undefined);
    socket.once('close', () => {
      closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    handshakes: () => handshakes,
    bytes: () => bytes,
    closed: () => closed,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
