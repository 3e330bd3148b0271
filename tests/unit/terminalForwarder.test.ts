import { X509Certificate } from 'node:crypto';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '@shared/schemas/lan';
import { HostLink, type HostState } from '../../src/main/terminal/forwarder';
import { FakeHost, makeCert, PAIRING_CODE, startImpostor, TERMINAL_KEY, type TestCert } from './fakeHost';

let hostCert: TestCert;
let otherCert: TestCert;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  [hostCert, otherCert] = await Promise.all([makeCert(), makeCert()]);
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startHost(cert = hostCert, port = 0): Promise<FakeHost> {
  const host = await FakeHost.start(cert, port);
  cleanups.push(() => host.stop());
  return host;
}

function linkTo(host: { url: string }, options: Partial<ConstructorParameters<typeof HostLink>[0]> = {}) {
  const link = new HostLink({
    url: host.url,
    fingerprint: hostCert.fingerprint,
    certPem: hostCert.cert,
    key: TERMINAL_KEY,
    timeoutMs: 2_000,
    backoff: { firstMs: 50, maxMs: 200 },
    ...options,
  });
  cleanups.push(() => link.close());
  return link;
}

/** Resolves when `check` holds, polling; fails the test after `ms`. */
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('pairing', () => {
  it('returns the key and pins the certificate the host presented', async () => {
    const host = await startHost();
    const paired = await HostLink.pair({ url: host.url, code: PAIRING_CODE, name: '维修台 2' });
    expect(paired).toEqual({
      ok: true,
      data: {
        url: host.url,
        terminal: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: '维修台 2' },
        key: TERMINAL_KEY,
        fingerprint: hostCert.fingerprint,
        certPem: expect.stringContaining('BEGIN CERTIFICATE') as string,
      },
    });
    if (!paired.ok) return;
    expect(new X509Certificate(paired.data.certPem).fingerprint256).toBe(hostCert.fingerprint);
    expect(host.requests).toHaveLength(1);
    expect(host.requests[0]?.headers['x-desk-client']).toBe('desktop');
    expect(JSON.parse(host.requests[0]?.body ?? '')).toEqual({ code: PAIRING_CODE, name: '维修台 2' });
    // The pin works at once: a link made from the pairing reaches the host.
    const link = linkTo(host, paired.data);
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({ ok: true });
  });

  it('accepts the host address as typed, without https:// (lower-case fingerprint too)', async () => {
    const host = await startHost();
    const paired = await HostLink.pair({
      url: `127.0.0.1:${host.port}`,
      code: PAIRING_CODE,
      name: '前台',
      fingerprint: hostCert.fingerprint.toLowerCase(),
    });
    expect(paired).toMatchObject({ ok: true, data: { url: host.url, fingerprint: hostCert.fingerprint } });
  });

  it("passes the host's refusal of a wrong code through unchanged", async () => {
    const host = await startHost();
    const paired = await HostLink.pair({ url: host.url, code: '000000', name: '前台' });
    expect(paired).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        reason: 'pairingCodeWrong',
        params: { triesLeft: 4 },
        message: 'wrong code',
      },
    });
  });

  it('refuses a host whose answer names another fingerprint than the one on the wire', async () => {
    const host = await startHost();
    host.claimedFingerprint = otherCert.fingerprint;
    const paired = await HostLink.pair({ url: host.url, code: PAIRING_CODE, name: '前台' });
    expect(paired).toMatchObject({
      ok: false,
      error: { reason: 'hostFingerprintMismatch', params: { host: `127.0.0.1:${host.port}` } },
    });
  });

  it('sends no code to a host that shows another certificate than the one given', async () => {
    const host = await startHost();
    const paired = await HostLink.pair({
      url: host.url,
      code: PAIRING_CODE,
      name: '前台',
      fingerprint: otherCert.fingerprint,
    });
    expect(paired).toMatchObject({ ok: false, error: { reason: 'hostFingerprintMismatch' } });
    await until(() => host.connections === 1);
    expect(host.requests).toEqual([]);
  });

  it('refuses an address that is not https', async () => {
    const paired = await HostLink.pair({ url: 'http://127.0.0.1:8443', code: PAIRING_CODE, name: '前台' });
    expect(paired).toMatchObject({ ok: false, error: { reason: 'invalidInput' } });
  });
});

describe('forwarded calls', () => {
  it('reach the host with the terminal key, and each window keeps its own session cookie', async () => {
    const host = await startHost();
    const link = linkTo(host);

    const echoed = await link.invoke('w1', 'workOrders.list', { page: 1 });
    expect(echoed).toEqual({ ok: true, data: { method: 'workOrders.list', input: { page: 1 } } });
    const first = host.requests[0];
    expect(first?.url).toBe('/rpc/workOrders.list');
    expect(first?.headers['x-desk-terminal']).toBe(TERMINAL_KEY);
    expect(first?.headers['x-desk-client']).toBe('desktop');
    expect(first?.headers.cookie).toBeUndefined();

    await link.invoke('w1', 'auth.signIn', { username: 'li', password: 'x' });
    await link.invoke('w1', 'auth.state', {});
    await link.invoke('w2', 'auth.state', {});
    await link.invoke('w2', 'auth.signIn', { username: 'wang', password: 'y' });
    await link.invoke('w2', 'auth.state', {});
    await link.invoke('w1', 'auth.state', {});
    const cookies = host.requests.slice(1).map((r) => `${r.url} ${r.headers.cookie ?? '-'}`);
    expect(cookies).toEqual([
      '/rpc/auth.signIn -',
      '/rpc/auth.state desk_session=s1%2Bx', // sent back exactly as the host wrote it
      '/rpc/auth.state -', // another window is not signed in by the first one
      '/rpc/auth.signIn -',
      '/rpc/auth.state desk_session=s2%2Bx',
      '/rpc/auth.state desk_session=s1%2Bx',
    ]);

    // Sign-out clears the cookie (Max-Age=0); a closed window is signed out at the host.
    await link.invoke('w1', 'auth.signOut', {});
    await link.invoke('w1', 'auth.state', {});
    link.forget('w2');
    await until(() => host.requests.length === 10);
    expect(host.requests.slice(7).map((r) => `${r.url} ${r.headers.cookie ?? '-'}`)).toEqual([
      '/rpc/auth.signOut desk_session=s1%2Bx',
      '/rpc/auth.state -',
      '/rpc/auth.signOut desk_session=s2%2Bx',
    ]);
    await link.invoke('w2', 'auth.state', {});
    expect(host.requests[10]?.headers.cookie).toBeUndefined();
  });

  it('refuses a method name the host could not route, sending nothing', async () => {
    const host = await startHost();
    const link = linkTo(host);
    expect(await link.invoke('w1', '../pair', {})).toMatchObject({
      ok: false,
      error: { reason: 'unknownMethod' },
    });
    expect(host.requests).toEqual([]);
  });

  it('keeps one connection alive: 200 calls in a row (latency figures printed)', async () => {
    const host = await startHost();
    const link = linkTo(host);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const start = performance.now();
      const answer = await link.invoke('w1', 'search.all', { q: `138${i}` });
      times.push(performance.now() - start);
      expect(answer).toEqual({ ok: true, data: { method: 'search.all', input: { q: `138${i}` } } });
    }
    expect(host.connections).toBe(1);
    times.sort((a, b) => a - b);
    const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
    console.log(`[forwarder] 200 calls: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  });
});

describe('certificate pinning', () => {
  it('refuses a host with a new certificate on the same address, before one byte is sent', async () => {
    const host = await startHost();
    const link = linkTo(host);
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({ ok: true });
    const { port } = host;
    await host.stop();

    const impostor = await startImpostor(otherCert, port);
    cleanups.push(() => impostor.stop());
    const answer = await link.invoke('w1', 'auth.signIn', { username: 'admin', password: 'secret' });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        reason: 'hostFingerprintMismatch',
        params: { host: `127.0.0.1:${port}` },
        message: expect.stringContaining(otherCert.fingerprint) as string,
      },
    });
    expect(link.state()).toMatchObject({ reachable: false, error: { reason: 'hostFingerprintMismatch' } });
    // The impostor finished its handshake (so the check is real) and was sent nothing after it: no
    // request line, no password. The terminal closed the connection (the impostor saw it end).
    await until(() => impostor.handshakes() === 1 && impostor.closed() === 1);
    expect(impostor.bytes()).toBe(0);
  });

  it('sends no request to an HTTPS host with another certificate, and none on the notice stream', async () => {
    const impostor = await startHost(otherCert);
    const link = linkTo(impostor);
    const states: HostState[] = [];
    link.subscribe({ notice: () => undefined, state: (s) => states.push(s) });
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({
      ok: false,
      error: { reason: 'hostFingerprintMismatch' },
    });
    await until(() => impostor.connections >= 3);
    expect(impostor.requests).toEqual([]);
    expect(states).toEqual([
      { reachable: false, error: expect.objectContaining({ reason: 'hostFingerprintMismatch' }) as unknown },
    ]);
  });

  it('will not make a link whose stored certificate and fingerprint disagree', () => {
    expect(() => linkTo({ url: 'https://127.0.0.1:8443' }, { certPem: otherCert.cert })).toThrow(
      /does not match/,
    );
  });
});

describe('a host that is away', () => {
  it('answers hostUnreachable when nothing listens', async () => {
    const host = await startHost();
    const { port } = host;
    await host.stop();
    const link = linkTo({ url: `https://127.0.0.1:${port}` });
    expect(await link.invoke('w1', 'auth.state', {})).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        reason: 'hostUnreachable',
        params: { host: `127.0.0.1:${port}` },
        message: expect.stringContaining('ECONNREFUSED') as string,
      },
    });
  });

  it('answers hostUnreachable when the host accepts but never answers (timeout)', async () => {
    const silent = createServer((socket: Socket) => socket.on('error', () => undefined));
    const sockets = new Set<Socket>();
    silent.on('connection', (socket: Socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          sockets.forEach((s) => s.destroy());
          silent.close(() => resolve());
        }),
    );
    const port = (silent.address() as AddressInfo).port;
    const link = linkTo({ url: `https://127.0.0.1:${port}` }, { timeoutMs: 300 });
    const start = performance.now();
    const answer = await link.invoke('w1', 'auth.state', {});
    expect(answer).toMatchObject({ ok: false, error: { reason: 'hostUnreachable' } });
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('resumes by itself: a reused connection to a restarted host is opened anew', async () => {
    const host = await startHost();
    const link = linkTo(host);
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({ ok: true });
    await host.stop();
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({
      ok: false,
      error: { reason: 'hostUnreachable' },
    });
    const again = await startHost(hostCert, host.port);
    expect(await link.invoke('w1', 'auth.state', {})).toMatchObject({ ok: true });
    expect(link.state()).toEqual({ reachable: true, error: null });
    expect(again.requests).toHaveLength(1);
  });
});

describe('change notices', () => {
  const changed: ChangeNotice = { kind: 'change', entity: 'workOrder', id: 'wo-1', action: 'update' };

  it('arrive parsed; garbage is ignored; the stream comes back after the host restarts', async () => {
    const host = await startHost();
    const link = linkTo(host);
    const notices: ChangeNotice[] = [];
    const states: HostState[] = [];
    link.subscribe({ notice: (n) => notices.push(n), state: (s) => states.push(s) });
    await until(() => host.streams === 1);
    expect(host.requests[0]?.headers['x-desk-terminal']).toBe(TERMINAL_KEY);

    host.push('not json');
    host.push(JSON.stringify({ kind: 'change', entity: 'spaceship', id: null, action: 'update' }));
    host.push(JSON.stringify(changed));
    host.push(JSON.stringify({ kind: 'signedOut', reason: 'restored' }));
    await until(() => notices.length === 2);
    expect(notices).toEqual([changed, { kind: 'signedOut', reason: 'restored' }]);

    const { port } = host;
    await host.stop();
    await until(() => states.length === 1);
    expect(states[0]).toMatchObject({ reachable: false, error: { reason: 'hostUnreachable' } });

    const again = await startHost(hostCert, port);
    await until(() => again.streams === 1);
    await until(() => states.length === 2);
    expect(states[1]).toEqual({ reachable: true, error: null });
    again.push(JSON.stringify({ ...changed, id: 'wo-2' }));
    await until(() => notices.length === 3);
    expect(notices[2]).toEqual({ ...changed, id: 'wo-2' });
  });

  it('stops the stream when the last listener leaves', async () => {
    const host = await startHost();
    const link = linkTo(host);
    const stop = link.subscribe({ notice: () => undefined });
    await until(() => host.streams === 1);
    stop();
    await until(() => host.streams === 0);
  });
});
