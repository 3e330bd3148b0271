import { createHash, X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core';
import { hostCertificate } from '../../src/main/lan/certificate';
import { startWebServer, type WebServer } from '../../src/main/http/server';
import { ADMIN, setUpShop, snapshot, startApp, tempDir, type Client, type TestApp } from './harness';
import {
  cookieNamed,
  envelopeOf,
  lanRequest,
  LAN_ADDRESS,
  openEvents,
  pairNew,
  postPair,
  startTestLan,
  TERMINAL_ADDRESS,
  type LanTerminal,
  type TestLan,
} from './lanHelpers';

let app: TestApp;
let lan: TestLan;
let admin: Client;
let renderer: { dir: string; cleanup: () => void };

beforeEach(async () => {
  app = startApp();
  renderer = tempDir();
  writeFileSync(join(renderer.dir, 'index.html'), '<!doctype html><title>desk</title>');
  lan = await startTestLan(app, renderer.dir);
  admin = await setUpShop(app);
});
afterEach(async () => {
  await lan.close();
  app.cleanup();
  renderer.cleanup();
});

async function signIn(terminal: LanTerminal, username = ADMIN.username, password = ADMIN.password) {
  await terminal.ok('auth.signIn', { username, password });
}

describe('the host certificate', () => {
  it('is made once, kept in <data>/lan with its key readable by this user only, and shown by the listener', async () => {
    const first = await hostCertificate(app.core.dataDir, app.clock.now());
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(first.fingerprint).toBe(lan.fingerprint);
    expect(first.fingerprint).toBe(new X509Certificate(first.cert).fingerprint256);
    expect(statSync(join(app.core.dataDir, 'lan', 'host-key.pem')).mode & 0o777).toBe(0o600);
    const names = new X509Certificate(first.cert).subjectAltName ?? '';
    expect(names).toContain('IP Address:127.0.0.1');
    expect(names).toContain('DNS:localhost');

    // A restart: same files, same fingerprint, and that is what a terminal sees in the handshake.
    await lan.close();
    lan = await startTestLan(app, renderer.dir);
    expect(lan.fingerprint).toBe(first.fingerprint);
    expect((await lanRequest(lan, '/')).fingerprint).toBe(first.fingerprint);
  });
});

describe('plain HTTP is never served off loopback', () => {
  it('an http:// request to the LAN port fails the TLS handshake, and the loopback server is not on 127.0.0.2', async () => {
    const plain = (port: number) =>
      new Promise<string>((resolve) => {
        const req = httpGet({ host: LAN_ADDRESS, port, path: '/', headers: { host: lan.host } }, (res) =>
          resolve(`answered ${res.statusCode}`),
        );
        req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
      });
    expect(await plain(lan.server.port)).not.toMatch(/^answered/);
    const web: WebServer = await startWebServer(app.core, renderer.dir);
    try {
      const port = Number(new URL(web.origin).port);
      expect(await plain(port)).toBe('ECONNREFUSED');
    } finally {
      await web.close();
    }
  });
});

describe('pairing over the LAN', () => {
  it('serves the renderer to anyone, but no call and no events without a key', async () => {
    const page = await lanRequest(lan, '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>desk</title>');
    const call = await lanRequest(lan, '/rpc/auth.state', { method: 'POST', body: '{}' });
    expect(call.status).toBe(200);
    expect(envelopeOf(call)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', reason: 'terminalNotPaired' },
    });
    const guessed = await lanRequest(lan, '/rpc/auth.state', {
      method: 'POST',
      headers: { 'x-desk-terminal': 'a-guessed-key', cookie: 'desk_terminal=another-guess' },
      body: '{}',
    });
    expect(envelopeOf(guessed)).toMatchObject({ ok: false, error: { reason: 'terminalNotPaired' } });
    const events = await lanRequest(lan, '/events');
    expect(events.status).toBe(401);
    expect(JSON.parse(events.text)).toMatchObject({ ok: false, error: { reason: 'terminalNotPaired' } });
  });

  it('five wrong codes void it: the right code is refused after, and no terminal is made', async () => {
    const { code } = lan.pairing.create();
    const wrong = code === '000000' ? '000001' : '000000';
    const before = snapshot(app.core);
    const answers = [];
    for (let i = 0; i < 6; i++)
      answers.push(envelopeOf(await postPair(lan, { code: wrong, name: '前台平板' })));
    expect(answers.slice(0, 5).map((a) => !a.ok && a.error.params)).toEqual(
      [4, 3, 2, 1, 0].map((triesLeft) => ({ triesLeft })),
    );
    expect(answers[0]).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'pairingCodeWrong' },
    });
    expect(answers[5]).toMatchObject({ ok: false, error: { code: 'CONFLICT', reason: 'pairingCodeVoid' } });
    expect(envelopeOf(await postPair(lan, { code, name: '前台平板' }))).toMatchObject({
      ok: false,
      error: { reason: 'pairingCodeVoid' },
    });
    expect(snapshot(app.core)).toBe(before);
  });

  it('refuses bad bodies like a call does, changing nothing and using up no try', async () => {
    const { code } = lan.pairing.create();
    const before = snapshot(app.core);
    const bad = (body: string) =>
      lanRequest(lan, '/pair', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const notJson = await bad('{not json');
    expect(notJson.status).toBe(400);
    expect(envelopeOf(notJson)).toMatchObject({
      ok: false,
      error: { reason: 'badRequest', params: { problem: 'notJson' } },
    });
    expect((await bad('x'.repeat(64 * 1024))).status).toBe(413);
    expect(envelopeOf(await bad(JSON.stringify({ code: '12345', name: '平板' })))).toMatchObject({
      ok: false,
      error: { reason: 'invalidInput', details: { fields: [{ path: 'code' }] } },
    });
    expect(envelopeOf(await bad(JSON.stringify({ code, name: '  ' })))).toMatchObject({
      ok: false,
      error: { reason: 'invalidInput', details: { fields: [{ path: 'name' }] } },
    });
    expect(envelopeOf(await bad(JSON.stringify({ code, name: 'x\uD800y' })))).toMatchObject({
      ok: false,
      error: { reason: 'invalidInput' },
    });
    expect(snapshot(app.core)).toBe(before);
    expect(lan.pairing.current()?.triesLeft).toBe(5);
  });

  it('a browser gets its key as a Secure HttpOnly cookie only; the desktop terminal gets it in the body too', async () => {
    const { code } = lan.pairing.create();
    const browser = await postPair(lan, { code, name: '维修台平板' }, false);
    const paired = envelopeOf(browser);
    expect(paired).toMatchObject({
      ok: true,
      data: { terminal: { name: '维修台平板' }, fingerprint: lan.fingerprint },
    });
    expect(paired.ok && 'key' in (paired.data as object)).toBe(false);
    const setCookie = (browser.headers['set-cookie'] ?? [])[0] ?? '';
    expect(setCookie).toMatch(
      /^desk_terminal=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/; Secure; Max-Age=315360000$/,
    );
    // The code was used: a second pairing with it is refused.
    expect(envelopeOf(await postPair(lan, { code, name: '另一台' }))).toMatchObject({
      ok: false,
      error: { reason: 'pairingCodeVoid' },
    });

    // The cookie works as the key.
    const cookie = cookieNamed(browser.headers, 'desk_terminal') ?? '';
    const state = await lanRequest(lan, '/rpc/auth.state', {
      method: 'POST',
      headers: { cookie },
      body: '{}',
    });
    expect(envelopeOf(state)).toMatchObject({ ok: true, data: { terminal: { name: '维修台平板' } } });

    const desktop = await pairNew(lan, '二号电脑');
    expect(desktop.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await desktop.ok('auth.state', {})).toMatchObject({
      terminal: { id: desktop.id, name: '二号电脑' },
    });
  });

  it('keeps terminal keys hashed: the raw key is nowhere in the database files', async () => {
    const terminal = await pairNew(lan, '前台平板');
    const row = app.core.database.sqlite
      .prepare('SELECT key_hash FROM terminals WHERE id = ?')
      .get(terminal.id) as {
      key_hash: string;
    };
    expect(row.key_hash).toBe(createHash('sha256').update(terminal.key).digest('hex'));
    const file = join(app.core.dataDir, DATABASE_FILE);
    const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1'));
    expect(bytes.join('').length).toBeGreaterThan(0);
    expect(bytes.some((b) => b.includes(terminal.key))).toBe(false);
    expect(bytes.some((b) => b.includes(row.key_hash))).toBe(true);
    // The pairing's audit row names the new terminal and holds no key.
    const audit = app.core.database.sqlite
      .prepare("SELECT action, terminal_name AS terminalName, after FROM audit_log WHERE entity = 'terminal'")
      .all();
    expect(audit).toEqual([
      { action: 'create', terminalName: '前台平板', after: JSON.stringify({ name: '前台平板' }) },
    ]);
  });
});

describe('Host and Origin on the LAN listener', () => {
  it('answers its own address with the port only, and refuses another site', async () => {
    const terminal = await pairNew(lan, '平板');
    expect((await lanRequest(lan, '/', { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await lanRequest(lan, '/', { headers: { host: LAN_ADDRESS } })).status).toBe(403);
    const cross = await terminal.raw('auth.state', {}, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const plainOrigin = await terminal.raw('auth.state', {}, { origin: `http://${lan.host}` });
    expect(plainOrigin.status).toBe(403);
    const same = await terminal.raw('auth.state', {}, { origin: `https://${lan.host}` });
    expect(envelopeOf(same)).toMatchObject({ ok: true });
  });
});

describe('terminals at work', () => {
  it('a host-only method from a terminal is refused and changes nothing', async () => {
    const terminal = await pairNew(lan, '后台电脑');
    await signIn(terminal);
    const before = snapshot(app.core);
    for (const [method, input] of [
      [
        'backup.updateSettings',
        { folder: null, dailyAt: null, onQuit: false, keepDaily: 7, keepWeekly: 4, warnAfterDays: 2 },
      ],
      ['lan.configure', { enabled: true, address: '0.0.0.0', port: 9443 }],
      ['lan.newPairingCode', {}],
      ['backup.reset', { confirm: '城东维修中心' }],
    ] as const) {
      expect(envelopeOf(await terminal.raw(method, input)), method).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', reason: 'hostOnly' },
      });
    }
    expect(snapshot(app.core)).toBe(before);
    expect(lan.pairing.current()).toBeNull();
  });

  it('names the terminal in the audit row of every write and in the order timeline; the host writes null', async () => {
    const terminal = await pairNew(lan, '维修台');
    await signIn(terminal);
    const atTerminal = await terminal.ok('customers.create', {
      name: '张三',
      phones: [{ phone: '13800138000', label: '手机' }],
    });
    const device = await terminal.ok('devices.create', {
      customerId: atTerminal.id,
      category: '手机',
      brand: '华为',
      model: 'P40',
    });
    const order = await terminal.ok('workOrders.create', {
      customerId: atTerminal.id,
      deviceId: device.id,
      reportedFault: '屏幕碎裂',
    });
    await terminal.ok('workOrders.transition', { id: order.id, to: 'diagnosing', note: '' });
    const atHost = await admin.ok('customers.create', {
      name: '李四',
      phones: [{ phone: '13900139000', label: '手机' }],
    });
    await admin.ok('workOrders.transition', { id: order.id, to: 'inRepair', note: '' });

    const rows = app.core.database.sqlite
      .prepare(
        'SELECT entity, entity_id AS id, action, terminal_id AS tid, terminal_name AS tname FROM audit_log ORDER BY rowid',
      )
      .all() as {
      entity: string;
      id: string | null;
      action: string;
      tid: string | null;
      tname: string | null;
    }[];
    const fromTerminal = rows.filter((r) => r.tid !== null);
    expect(fromTerminal.length).toBeGreaterThanOrEqual(5);
    expect(new Set(fromTerminal.map((r) => `${r.tid} ${r.tname}`))).toEqual(
      new Set([`${terminal.id} 维修台`]),
    );
    const customerRows = rows.filter((r) => r.entity === 'customer' && r.action === 'create');
    expect(customerRows.map((r) => [r.id, r.tname])).toEqual([
      [atTerminal.id, '维修台'],
      [atHost.id, null],
    ]);
    const orderRows = rows.filter((r) => r.entity === 'workOrder' && r.id === order.id);
    expect(orderRows.map((r) => r.tname)).toEqual(['维修台', '维修台', null]);

    const detail = await admin.ok('workOrders.get', { id: order.id });
    expect(detail.events.map((e) => [e.kind, e.toStatus, e.terminalName])).toEqual([
      ['created', 'received', '维修台'],
      ['status', 'diagnosing', '维修台'],
      ['status', 'inRepair', null],
    ]);
  });

  it('a session opened on terminal A is refused on terminal B and on the host', async () => {
    const a = await pairNew(lan, 'A');
    const b = await pairNew(lan, 'B');
    await signIn(a);
    expect((await a.ok('auth.state', {})).user?.username).toBe('admin');
    b.session = a.session;
    expect(await b.call('customers.list', {})).toMatchObject({ ok: false, error: { reason: 'signedOut' } });
    expect((await b.ok('auth.state', {})).user).toBeNull();
    // The same cookie at the host's own screen.
    const host = app.connect();
    host.conn.sessionId = a.session;
    expect((await host.ok('auth.state', {})).user).toBeNull();
    // And the other way round: the host's session is nothing at a terminal.
    b.session = admin.conn.sessionId;
    expect((await b.ok('auth.state', {})).user).toBeNull();
    // A still works.
    expect((await a.ok('auth.state', {})).user?.username).toBe('admin');
  });

  it('lists terminals with where and when they were last seen and who is signed in; an admin renames one', async () => {
    const terminal = await pairNew(lan, '前台平板');
    await signIn(terminal);
    await terminal.ok('auth.state', {});
    const [row] = await admin.ok('lan.terminals', {});
    expect(row).toMatchObject({
      id: terminal.id,
      name: '前台平板',
      address: TERMINAL_ADDRESS,
      lastSeenAt: app.clock.ms,
      signedInAs: ADMIN.displayName,
      revokedAt: null,
    });
    expect(await admin.ok('lan.renameTerminal', { id: terminal.id, name: '收银台平板' })).toMatchObject({
      name: '收银台平板',
    });
    expect(await terminal.ok('auth.state', {})).toMatchObject({ terminal: { name: '收银台平板' } });
    expect(
      await admin.call('lan.renameTerminal', { id: '01900000-0000-7000-8000-000000000000', name: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { reason: 'terminalNotFound' },
    });
    await terminal.ok('auth.signOut', {});
    expect((await admin.ok('lan.terminals', {}))[0]?.signedInAs).toBeNull();
  });
});

describe('revoking a terminal', () => {
  it('refuses it at its next call, signs it out, ends its event stream after telling it, and leaves the others alone', async () => {
    const stolen = await pairNew(lan, '丢失的平板');
    const other = await pairNew(lan, '维修台');
    await signIn(stolen);
    await signIn(other);
    const stolenEvents = await openEvents(lan, { 'x-desk-terminal': stolen.key });
    const otherEvents = await openEvents(lan, { 'x-desk-terminal': other.key });

    const revoked = await admin.ok('lan.revokeTerminal', { id: stolen.id });
    expect(revoked.revokedAt).toBe(app.clock.ms);
    expect(await stolenEvents.next((n) => n.kind === 'signedOut')).toEqual({
      kind: 'signedOut',
      reason: 'revoked',
    });
    await stolenEvents.ended;

    expect(await stolen.call('auth.state', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', reason: 'terminalRevoked' },
    });
    const reopen = await lanRequest(lan, '/events', { headers: { 'x-desk-terminal': stolen.key } });
    expect(reopen.status).toBe(401);
    expect(JSON.parse(reopen.text)).toMatchObject({ error: { reason: 'terminalRevoked' } });
    // Its session is gone too, even if the key were somehow accepted again.
    expect(app.core.deps.sessions.onTerminal(stolen.id)).toEqual([]);

    // The other terminal heard the change of the terminals list, not the sign-out, and works on.
    await otherEvents.next((n) => n.kind === 'change' && n.entity === 'terminal' && n.action === 'void');
    expect(otherEvents.notices.some((n) => n.kind === 'signedOut')).toBe(false);
    expect((await other.ok('auth.state', {})).user?.username).toBe('admin');
    otherEvents.close();

    const audit = await admin.ok('audit.list', { entity: 'terminal' });
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['create', 'create', 'void']);
  });
});

describe('change notices', () => {
  it('reach another terminal within a second of a write', async () => {
    const writer = await pairNew(lan, '前台');
    const reader = await pairNew(lan, '维修台');
    await signIn(writer);
    const events = await openEvents(lan, { 'x-desk-terminal': reader.key });
    expect(events.status).toBe(200);
    const figures: number[] = [];
    for (let i = 0; i < 5; i++) {
      const heard = events.notices.length;
      const started = performance.now();
      const created = writer.ok('customers.create', {
        name: `客户${i}`,
        phones: [{ phone: `1380013800${i}`, label: '手机' }],
      });
      const notice = await events.next(
        (n) => events.notices.indexOf(n) >= heard && n.kind === 'change' && n.entity === 'customer',
        1_000,
      );
      figures.push(performance.now() - started);
      const customer = await created;
      expect(notice).toEqual({ kind: 'change', entity: 'customer', id: customer.id, action: 'create' });
    }
    console.info(
      `LAN change notice, write on one terminal → event on another: ${figures.map((f) => f.toFixed(1)).join(', ')} ms`,
    );
    expect(Math.max(...figures)).toBeLessThan(1_000);
    events.close();
  });

  it('one notice per distinct change of a call', async () => {
    const reader = await pairNew(lan, '维修台');
    const events = await openEvents(lan, { 'x-desk-terminal': reader.key });
    await admin.ok('settings.update', { security: { idleLockMinutes: 15 } });
    await events.next((n) => n.kind === 'change' && n.entity === 'settings');
    const settingsNotices = events.notices.filter((n) => n.kind === 'change' && n.entity === 'settings');
    expect(settingsNotices).toEqual([
      { kind: 'change', entity: 'settings', id: 'security', action: 'update' },
    ]);
    events.close();
  });

  it('the host’s browser tab hears them on the loopback server, behind its token', async () => {
    const web = await startWebServer(app.core, renderer.dir);
    try {
      const refused = await fetch(`${web.origin}/events`);
      expect(refused.status).toBe(403);
      const open = await fetch(web.url, { redirect: 'manual' });
      const token = (open.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const stream = await fetch(`${web.origin}/events`, { headers: { cookie: token } });
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(stream.headers.get('cache-control')).toBe('no-store');
      const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
      const terminal = await pairNew(lan, '平板');
      await signIn(terminal);
      const created = await terminal.ok('customers.create', {
        name: '王五',
        phones: [{ phone: '13700137000', label: '手机' }],
      });
      let text = '';
      while (!text.includes(created.id)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      expect(text).toContain(
        `data: ${JSON.stringify({ kind: 'change', entity: 'customer', id: created.id, action: 'create' })}\n\n`,
      );
      await reader.cancel();
    } finally {
      await web.close();
    }
  });
});
