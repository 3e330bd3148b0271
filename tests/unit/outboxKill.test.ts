import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../../src/main/services/channels/provider';
import { createCore } from '../../src/main/core';
import { runOutbox } from '../../src/main/services/messages';
import { insertCustomer, insertDevice } from './counterFixtures';
import { MIGRATIONS, setUpShop, signedInAs, startApp, type TestApp } from './harness';
import { bundleChild } from './childBundle';

/**
 * The kill test of the outbox: a child process claims a queued SMS, hands it to the provider double
 * (an HTTP server in this process, so it outlives the child) and is SIGKILLed before it can mark the
 * row sent. The next start of the app finds the row `sending` under a dead process's lease: it is
 * failed as `interrupted` and not sent again, so the double holds exactly one message.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SENDER = join(import.meta.dirname, 'crash', 'outboxSender.ts');
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'crash-writer', `outbox-sender-${process.pid}.mjs`);

let app: TestApp;
let server: Server;
const received: OutgoingMessage[] = [];

beforeAll(async () => {
  await bundleChild(SENDER, BUNDLE);
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body) as OutgoingMessage);
      res.end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
});

afterAll(() => {
  server.close();
  app.cleanup();
  rmSync(BUNDLE, { force: true });
});

describe('no double send across a crash', () => {
  it('the process dies between sending and marking sent: the double gets exactly one message', async () => {
    app = startApp();
    app.clock.ms = new Date(2026, 10, 23, 12, 0).getTime();
    const admin = await setUpShop(app);
    const manager = await signedInAs(app, admin, 'manager');
    const settings = await manager.ok('messages.settings', {});
    await manager.ok('messages.updateSettings', {
      ...settings,
      templates: {
        ...settings.templates,
        readyForPickup: { ...settings.templates.readyForPickup, mode: 'auto' },
      },
    });
    const customerId = insertCustomer(app, { name: '王五', phone: '13900139000' });
    const deviceId = insertDevice(app, customerId);
    const order = await admin.ok('workOrders.create', { customerId, deviceId, reportedFault: '不开机' });
    for (const to of ['diagnosing', 'inRepair', 'qc', 'ready'] as const) {
      await admin.ok('workOrders.transition', { id: order.id, to, note: '' });
    }
    const dataDir = app.core.dataDir;
    app.core.close();

    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
    const child = spawn(process.execPath, [BUNDLE, dataDir, MIGRATIONS, url, String(app.clock.ms)], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code, signal] = await once(child, 'exit');
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    expect(received).toHaveLength(1);
    const key = received[0]?.idempotencyKey;
    expect(received[0]).toMatchObject({ to: '13900139000', event: 'readyForPickup' });

    // The app starts again (its own lease): the row the dead process left sending is reconciled.
    const restarted = createCore({
      dataDir,
      migrationsDir: MIGRATIONS,
      now: app.clock.now,
      scheduler: false,
    });
    try {
      const sqlite = restarted.database.sqlite;
      const row = () => sqlite.prepare('SELECT state, reason, attempts, lease FROM outbox_messages').get();
      expect(row()).toMatchObject({ state: 'sending', attempts: 1 });
      let resent = 0;
      restarted.deps.messageProviders = (channel) => ({
        channel,
        send: () => ((resent += 1), Promise.resolve({ ok: true, providerMessageId: 'x' })),
      });
      expect(await runOutbox(restarted.deps)).toMatchObject({ reconciled: 1, sent: 0 });
      app.clock.advance(24 * 3600_000);
      expect(await runOutbox(restarted.deps)).toMatchObject({ reconciled: 0, sent: 0 });
      expect(resent).toBe(0);
      expect(received.map((m) => m.idempotencyKey)).toEqual([key]);
      expect(row()).toEqual({ state: 'failed', reason: 'interrupted', attempts: 1, lease: null });
    } finally {
      restarted.close();
    }
  });
});
