import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { expect } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import type { ChangeNotice, PairResult } from '@shared/schemas/lan';
import { hostCertificate } from '../../src/main/lan/certificate';
import { PairingCodes } from '../../src/main/lan/pairing';
import { startLanServer, type LanServer } from '../../src/main/http/lanServer';
import type { TestApp } from './harness';

/** A second "machine" on this one: terminals' traffic never leaves loopback. */
export const LAN_ADDRESS = '127.0.0.2';
/** The address the terminals call from (a third "machine"). */
export const TERMINAL_ADDRESS = '127.0.0.3';

export interface TestLan {
  server: LanServer;
  pairing: PairingCodes;
  fingerprint: string;
  host: string;
  close(): Promise<void>;
}

/** The host's LAN listener on 127.0.0.2 and a free port, with its certificate in the app's data folder. */
export async function startTestLan(app: TestApp, rendererDir: string | null = null): Promise<TestLan> {
  const certificate = await hostCertificate(app.core.dataDir, app.clock.now());
  const pairing = new PairingCodes(app.clock.now);
  const server = await startLanServer(app.core, {
    address: LAN_ADDRESS,
    port: 0,
    certificate,
    rendererDir,
    pairing,
  });
  return {
    server,
    pairing,
    fingerprint: certificate.fingerprint,
    host: `${LAN_ADDRESS}:${server.port}`,
    close: () => server.close(),
  };
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The certificate the host showed (what a terminal pins). */
  fingerprint: string;
}

/** One HTTPS request to the LAN listener; the self-signed certificate is checked by fingerprint by the caller. */
export function lanRequest(
  lan: TestLan,
  path: string,
  options: { method?: string; headers?: OutgoingHttpHeaders; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: LAN_ADDRESS,
        port: lan.server.port,
        path,
        method: options.method ?? 'GET',
        headers: { host: lan.host, ...options.headers },
        localAddress: TERMINAL_ADDRESS,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            fingerprint,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function envelopeOf(answer: Answer): Envelope<unknown> {
  return JSON.parse(answer.text) as Envelope<unknown>;
}

/** The first cookie of a Set-Cookie header as `name=value`. */
export function cookieNamed(headers: IncomingHttpHeaders, name: string): string | null {
  const all: string[] = headers['set-cookie'] ?? [];
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found ? (found.split(';')[0] ?? null) : null;
}

export function postPair(lan: TestLan, body: unknown, desktop = true): Promise<Answer> {
  return lanRequest(lan, '/pair', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(desktop ? { 'x-desk-client': 'desktop' } : {}) },
    body: JSON.stringify(body),
  });
}

/** A paired terminal as the desktop forwarder talks: its key in a header, the session in a cookie. */
export interface LanTerminal {
  id: string;
  name: string;
  key: string;
  session: string | null;
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>>;
  ok<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  raw(method: string, input: unknown, headers?: OutgoingHttpHeaders): Promise<Answer>;
}

export function terminalClient(
  lan: TestLan,
  key: string,
  terminal: { id: string; name: string },
): LanTerminal {
  const client: LanTerminal = {
    ...terminal,
    key,
    session: null,
    async raw(method, input, headers = {}) {
      const answer = await lanRequest(lan, `/rpc/${method}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-desk-terminal': client.key,
          ...(client.session ? { cookie: `desk_session=${client.session}` } : {}),
          ...headers,
        },
        body: JSON.stringify(input),
      });
      const set = cookieNamed(answer.headers, 'desk_session');
      if (set !== null) client.session = set.slice('desk_session='.length) || null;
      return answer;
    },
    async call(method, input) {
      return envelopeOf(await client.raw(method, input)) as Envelope<OutputOf<typeof method>>;
    },
    async ok(method, input) {
      const result = await client.call(method, input);
      if (!result.ok) expect.fail(`${method} failed over the LAN: ${JSON.stringify(result.error)}`);
      return result.data;
    },
  };
  return client;
}

/** Open a code on the host and pair a terminal with it. */
export async function pairNew(lan: TestLan, name: string): Promise<LanTerminal> {
  const { code } = lan.pairing.create();
  const answer = await postPair(lan, { code, name });
  const envelope = envelopeOf(answer) as Envelope<PairResult>;
  if (!envelope.ok) expect.fail(`pairing failed: ${JSON.stringify(envelope.error)}`);
  return terminalClient(lan, envelope.data.key ?? '', envelope.data.terminal);
}

export interface EventStream {
  status: number;
  notices: ChangeNotice[];
  /** Resolves with the first notice (already heard or still to come) that matches. */
  next(match: (n: ChangeNotice) => boolean, timeoutMs?: number): Promise<ChangeNotice>;
  /** Resolves when the host ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** `GET /events` over HTTPS with a terminal key; resolves once the stream is open (or refused). */
export function openEvents(lan: TestLan, headers: OutgoingHttpHeaders): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const notices: ChangeNotice[] = [];
    const waiters = new Set<() => void>();
    let buffer = '';
    const req = request(
      {
        host: LAN_ADDRESS,
        port: lan.server.port,
        path: '/events',
        headers: { host: lan.host, ...headers },
        localAddress: TERMINAL_ADDRESS,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const ended = new Promise<void>((done) => res.on('close', () => done()));
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let at: number;
          while ((at = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, at);
            buffer = buffer.slice(at + 2);
            if (message.startsWith('data: ')) notices.push(JSON.parse(message.slice(6)) as ChangeNotice);
          }
          for (const wake of [...waiters]) wake();
        });
        resolve({
          status: res.statusCode ?? 0,
          notices,
          ended,
          next: (match, timeoutMs = 5_000) =>
            new Promise((found, fail) => {
              const check = () => {
                const hit = notices.find(match);
                if (!hit) return;
                waiters.delete(check);
                clearTimeout(timer);
                found(hit);
              };
              const timer = setTimeout(() => {
                waiters.delete(check);
                fail(new Error(`no matching notice within ${timeoutMs} ms: ${JSON.stringify(notices)}`));
              }, timeoutMs);
              waiters.add(check);
              check();
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', (error) => {
      if (!req.destroyed) reject(error);
    });
    req.end();
  });
}
