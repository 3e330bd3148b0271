import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LAN_PORT } from '@shared/schemas/lan';
import { DATABASE_FILE } from '../../src/main/core';
import { startLanHost, type LanHost } from '../../src/main/lan/host';
import { TOUCH_EVERY_MS } from '../../src/main/services/terminals';
import { setUpShop, snapshot, type Client } from './harness';
import { backUpInto, startBackupApp } from './backupHelpers';
import {
  envelopeOf,
  LAN_ADDRESS,
  openEvents,
  pairNew,
  postPair,
  terminalClient,
  type TestLan,
} from './lanHelpers';

let app: ReturnType<typeof startBackupApp>;
let host: LanHost;
let admin: Client;

beforeEach(async () => {
  app = startBackupApp();
  admin = await setUpShop(app);
  host = await startLanHost(app.core, null);
});
afterEach(async () => {
  await host.close();
  app.cleanup();
});

/** A port nothing listens on at 127.0.0.2 right now (the settings need a real one, not 0). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, LAN_ADDRESS, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function occupy(port: number): Promise<Server> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(port, LAN_ADDRESS, resolve));
  return blocker;
}

/** The running listener as the test helpers' TestLan, to pair and call through it. */
async function asTestLan(): Promise<TestLan> {
  const status = await admin.ok('lan.status', {});
  return { ...lanOn(status.settings.port), fingerprint: status.fingerprint };
}

function lanOn(port: number): TestLan {
  return {
    server: { address: LAN_ADDRESS, port, close: async () => undefined },
    pairing: host.pairing,
    fingerprint: '',
    host: `${LAN_ADDRESS}:${port}`,
    close: async () => undefined,
  };
}

async function enable(port: number) {
  return admin.ok('lan.configure', { enabled: true, address: LAN_ADDRESS, port });
}

describe('host mode settings', () => {
  it('is off by default: nothing listens, a single-PC shop sees nothing new', async () => {
    const status = await admin.ok('lan.status', {});
    expect(status).toMatchObject({
      settings: { enabled: false, address: '0.0.0.0', port: DEFAULT_LAN_PORT },
      running: false,
      listenError: null,
      pairing: null,
    });
    expect(status.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(status.addresses.length).toBeGreaterThan(0);
    for (const a of status.addresses) expect(a.url).toBe(`https://${a.address}:${DEFAULT_LAN_PORT}/`);
  });

  it('turns on at the chosen address and port, keeps the settings beside the database, and audits the change', async () => {
    const port = await freePort();
    const status = await enable(port);
    expect(status).toMatchObject({
      settings: { enabled: true, address: LAN_ADDRESS, port },
      running: true,
      listenError: null,
      addresses: [{ address: LAN_ADDRESS, url: `https://${LAN_ADDRESS}:${port}/` }],
    });
    const file = JSON.parse(readFileSync(join(app.core.dataDir, 'lan', 'settings.json'), 'utf8')) as unknown;
    expect(file).toEqual({ enabled: true, address: LAN_ADDRESS, port });
    const audit = await admin.ok('audit.list', { entity: 'settings' });
    expect(audit.rows.find((r) => r.entityId === 'lan')).toMatchObject({
      action: 'update',
      before: { enabled: false, address: '0.0.0.0', port: DEFAULT_LAN_PORT },
      after: { enabled: true, address: LAN_ADDRESS, port },
    });
    const terminal = await pairNew(await asTestLan(), '平板');
    expect(await terminal.ok('auth.state', {})).toMatchObject({ terminal: { name: '平板' } });

    // Off again: the terminal no longer reaches anything.
    expect(await admin.ok('lan.configure', { enabled: false, address: LAN_ADDRESS, port })).toMatchObject({
      running: false,
    });
    await expect(terminal.call('auth.state', {})).rejects.toThrow(/ECONNREFUSED/);
  });

  it('refuses a port that cannot be opened, keeping the old settings and the old listener running', async () => {
    const port = await freePort();
    await enable(port);
    const taken = await freePort();
    const blocker = await occupy(taken);
    try {
      const before = snapshot(app.core);
      const refused = await admin.call('lan.configure', { enabled: true, address: LAN_ADDRESS, port: taken });
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'CONFLICT',
          reason: 'lanListenFailed',
          params: {
            address: LAN_ADDRESS,
            port: taken,
            detail: expect.stringMatching(/EADDRINUSE/) as unknown,
          },
        },
      });
      expect(snapshot(app.core)).toBe(before);
      expect(await admin.ok('lan.status', {})).toMatchObject({
        settings: { enabled: true, address: LAN_ADDRESS, port },
        running: true,
      });
      const terminal = await pairNew(await asTestLan(), '平板');
      expect(await terminal.ok('auth.state', {})).toMatchObject({ terminal: { name: '平板' } });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('at start-up, a port taken by something else shows as not running with the reason', async () => {
    const port = await freePort();
    await enable(port);
    await host.close();
    const blocker = await occupy(port);
    try {
      host = await startLanHost(app.core, null);
      expect(await admin.ok('lan.status', {})).toMatchObject({
        settings: { enabled: true, port },
        running: false,
        listenError: expect.stringMatching(/EADDRINUSE/) as unknown,
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
    // The port is free again: saving the same settings retries.
    expect(await enable(port)).toMatchObject({ running: true, listenError: null });
  });

  it('refuses bad settings at the dispatch boundary, changing nothing', async () => {
    const before = snapshot(app.core);
    for (const input of [
      { enabled: true, address: 'shop-pc.local', port: 8443 },
      { enabled: true, address: LAN_ADDRESS, port: 80 },
      { enabled: true, address: LAN_ADDRESS, port: 70000 },
      { enabled: 'yes', address: LAN_ADDRESS, port: 8443 },
      { enabled: true, address: LAN_ADDRESS, port: 8443, tls: false },
    ]) {
      expect(await admin.raw('lan.configure', input), JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', reason: 'invalidInput' },
      });
    }
    expect(snapshot(app.core)).toBe(before);
    expect(await admin.ok('lan.status', {})).toMatchObject({ settings: { enabled: false }, running: false });
  });

  it('after a restart: listening again from its settings, with the same certificate', async () => {
    const port = await freePort();
    const first = await enable(port);
    await host.close();
    host = await startLanHost(app.core, null);
    const again = await admin.ok('lan.status', {});
    expect(again).toMatchObject({ running: true, settings: { port }, fingerprint: first.fingerprint });
  });

  it('shows the open pairing code, which is used once by a terminal', async () => {
    await enable(await freePort());
    const opened = await admin.ok('lan.newPairingCode', {});
    expect(opened.pairing).toMatchObject({ expiresAt: app.clock.ms + 600_000, triesLeft: 5 });
    const lan = await asTestLan();
    const paired = envelopeOf(await postPair(lan, { code: opened.pairing?.code ?? '', name: '平板' }));
    expect(paired).toMatchObject({ ok: true, data: { fingerprint: opened.fingerprint } });
    expect((await admin.ok('lan.status', {})).pairing).toBeNull();
    expect((await admin.ok('lan.newPairingCode', {})).pairing).not.toBeNull();
    expect((await admin.ok('lan.cancelPairingCode', {})).pairing).toBeNull();
  });

  it('only an admin manages it: a manager is refused', async () => {
    await admin.ok('users.create', {
      username: 'boss',
      displayName: '经理',
      role: 'manager',
      password: 'manager-pass-1',
    });
    const manager = app.connect();
    await manager.ok('auth.signIn', { username: 'boss', password: 'manager-pass-1' });
    for (const method of ['lan.status', 'lan.newPairingCode', 'lan.terminals'] as const)
      expect(await manager.call(method, {}), method).toMatchObject({
        ok: false,
        error: { reason: 'forbidden' },
      });
  });
});

describe('last seen', () => {
  it('is written at most once per 30 s per terminal while its address and user stay the same', async () => {
    await enable(await freePort());
    const terminal = await pairNew(await asTestLan(), '平板');
    await terminal.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
    const seen = async () => (await admin.ok('lan.terminals', {}))[0]?.lastSeenAt;
    const first = app.clock.ms;
    expect(await seen()).toBe(first);
    app.clock.advance(TOUCH_EVERY_MS - 1);
    await terminal.ok('auth.state', {});
    expect(await seen()).toBe(first);
    app.clock.advance(1);
    await terminal.ok('auth.state', {});
    expect(await seen()).toBe(app.clock.ms);
  });
});

/** Backups into the test's folder, so the restore and reset below can make their safety copies. */
const setBackupFolder = () => backUpInto(admin, app.backupDir);

describe('a restore on the host', () => {
  it('signs every session out, tells every screen, and does not change the LAN settings', async () => {
    await setBackupFolder();
    const port = await freePort();
    await enable(port);
    const lan = await asTestLan();
    const terminal = await pairNew(lan, '维修台');
    await terminal.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
    const run = await admin.ok('backup.now', {});
    const events = await openEvents(lan, { 'x-desk-terminal': terminal.key });
    const hostScreen: unknown[] = [];
    const stop = app.core.notices.subscribe((n) => hostScreen.push(n));

    const inspection = await admin.ok('backup.inspect', { file: run.file ?? '' });
    await admin.ok('backup.restore', {
      file: run.file ?? '',
      expectCreatedAt: inspection.manifest.createdAt,
    });

    expect(await events.next((n) => n.kind === 'signedOut')).toEqual({
      kind: 'signedOut',
      reason: 'restored',
    });
    stop();
    expect(hostScreen).toContainEqual({ kind: 'signedOut', reason: 'restored' });
    // Everyone: the terminal's session and the host's own.
    expect((await terminal.ok('auth.state', {})).user).toBeNull();
    expect((await admin.ok('auth.state', {})).user).toBeNull();
    expect(await terminal.call('customers.list', {})).toMatchObject({
      ok: false,
      error: { reason: 'signedOut' },
    });
    // The terminal paired before the backup stays paired; host mode stays as this PC set it.
    expect(await admin.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' })).toBeTruthy();
    expect(await admin.ok('lan.status', {})).toMatchObject({
      settings: { enabled: true, port },
      running: true,
    });
    events.close();
  });

  it('a reset signs everyone out too but keeps the paired terminals', async () => {
    await setBackupFolder();
    await enable(await freePort());
    const lan = await asTestLan();
    const terminal = await pairNew(lan, '维修台');
    await terminal.ok('auth.signIn', { username: 'admin', password: 'counter-admin-1' });
    const events = await openEvents(lan, { 'x-desk-terminal': terminal.key });
    await admin.ok('backup.reset', { confirm: '城东维修中心' });
    expect(await events.next((n) => n.kind === 'signedOut')).toEqual({
      kind: 'signedOut',
      reason: 'restored',
    });
    const again = terminalClient(lan, terminal.key, terminal);
    expect(await again.ok('auth.state', {})).toMatchObject({ user: null, terminal: { id: terminal.id } });
    events.close();
  });
});

describe('a damaged database on the host', () => {
  it('answers a terminal that it is damaged, not that the terminal is unknown', async () => {
    const port = await freePort();
    await enable(port);
    const terminal = await pairNew(await asTestLan(), '维修台');
    await host.close();
    const file = join(app.core.dataDir, DATABASE_FILE);
    app.core.close();
    writeFileSync(file, Buffer.alloc(64 * 1024, 'garbage!'));
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    app.reopen();
    host = await startLanHost(app.core, null);
    expect(await terminal.call('auth.state', {})).toMatchObject({
      ok: false,
      error: { reason: 'databaseDamaged' },
    });
    const paired = envelopeOf(await postPair(lanOn(port), { code: host.pairing.create().code, name: 'x' }));
    expect(paired).toMatchObject({ ok: false, error: { reason: 'databaseDamaged' } });
  });
});
