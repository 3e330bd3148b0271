import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../src/main/core';
import { openDatabase } from '../../src/main/db/open';
import { insertCustomer, insertDevice } from './counterFixtures';
import { MIGRATIONS, setUpShop, signedInAs, startApp, type TestApp } from './harness';
import { bundleChild } from './childBundle';

/**
 * The kill test: a child process writes work orders through the real core until it is killed
 * with SIGKILL at a random moment, 20 times over one data folder. After every kill the app opens
 * the database (WAL recovery, migrations), `integrity_check` says ok, and every order the child
 * acknowledged before the kill is there.
 */
const ROUNDS = 20;
const ROOT = resolve(import.meta.dirname, '../..');
const WRITER = join(import.meta.dirname, 'crash', 'writer.ts');
/**
 * The writer bundled once into one plain JS file (only the native better-sqlite3 stays outside,
 * resolved from node_modules: hence the bundle's place). Loading the core's few hundred modules
 * through a TypeScript loader costs ~2.5 s a start on a busy machine against ~1 s for the bundle,
 * and the test starts the writer 20 times.
 */
const BUNDLE = join(ROOT, 'node_modules', '.cache', 'crash-writer', `writer-${process.pid}.mjs`);
const TECH = { username: 'technician1', password: 'technician-password-1' };

let app: TestApp;
let args: string[] = [];

beforeAll(async () => {
  await bundleChild(WRITER, BUNDLE);
  app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  // A technician may take in work orders; the child signs in as one.
  await signedInAs(app, admin, 'technician');
  const techId = (await admin.ok('users.list', {})).find((u) => u.username === TECH.username)?.id ?? '';
  const customerId = insertCustomer(app, { name: '死机测试客户' });
  const deviceId = insertDevice(app, customerId, { brand: 'Apple', model: 'iPhone 13' });
  // The children own the file from here on; the folder is removed in afterAll.
  app.core.close();
  args = [app.core.dataDir, MIGRATIONS, TECH.username, TECH.password, customerId, deviceId, techId];
});

afterAll(() => {
  app.cleanup();
  rmSync(BUNDLE, { force: true });
});

interface Round {
  acked: string[];
  /** From spawn to the first acknowledgement: node, the core, migrations, sign-in, one write. */
  startMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One child: wait for its first acknowledgement, let it write for 50–600 ms more, SIGKILL it. */
async function round(): Promise<Round> {
  const spawnedAt = Date.now();
  const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = once(child, 'exit');
  const drained = once(child.stdout, 'close');
  const acked: string[] = [];
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let firstAck: () => void = () => undefined;
  const first = new Promise<void>((r) => (firstAck = r));
  // readline hands over whole lines only: a line cut by the kill is not an acknowledgement.
  createInterface({ input: child.stdout }).on('line', (line) => {
    acked.push(line.split(' ')[0] ?? '');
    firstAck();
  });
  const startFailed = exited.then(([code]) => {
    if (acked.length === 0)
      throw new Error(`the writer exited (${String(code)}) before its first write: ${stderr}`);
  });
  await Promise.race([first, startFailed]);
  const startMs = Date.now() - spawnedAt;
  const killedAfterMs = 50 + Math.floor(Math.random() * 551);
  await sleep(killedAfterMs);
  child.kill('SIGKILL');
  const [code, signal] = await exited;
  expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
  // Lines already in the pipe when the kill landed are acknowledgements too: read to the end.
  await drained;
  return { acked, startMs };
}

describe('crash safety', () => {
  it(`loses nothing acknowledged when the writer is killed ${ROUNDS} times`, async () => {
    const started = Date.now();
    const perRound: number[] = [];
    const starts: number[] = [];
    const walBytes: number[] = [];
    const allAcked = new Set<string>();
    let rows = 0;
    for (let i = 0; i < ROUNDS; i += 1) {
      const { acked, startMs } = await round();
      perRound.push(acked.length);
      starts.push(startMs);
      for (const id of acked) allAcked.add(id);

      // What the killed writer left in the write-ahead log for the next open to recover.
      const file = join(args[0] ?? '', DATABASE_FILE);
      walBytes.push(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0);

      // As the app starts: open (recovering the WAL), migrate, then check the whole file.
      const opened = openDatabase(file, MIGRATIONS);
      try {
        const { sqlite } = opened;
        // The pragmas every connection of the app gets (the writer opened the file the same way).
        expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
        expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
        expect(sqlite.pragma('integrity_check', { simple: true }), `round ${i + 1}`).toBe('ok');
        expect(sqlite.pragma('foreign_key_check')).toEqual([]);
        const has = sqlite.prepare('SELECT 1 FROM work_orders WHERE id = ?').pluck();
        const missing = [...allAcked].filter((id) => has.get(id) === undefined);
        expect(missing, `round ${i + 1}: acknowledged orders missing`).toEqual([]);
        rows = sqlite.prepare('SELECT count(*) FROM work_orders').pluck().get() as number;
        // Every order row has its timeline: the transaction is all or nothing.
        const orphans = sqlite
          .prepare(
            'SELECT count(*) FROM work_orders o WHERE NOT EXISTS (SELECT 1 FROM work_order_events e WHERE e.work_order_id = o.id)',
          )
          .pluck()
          .get();
        expect(orphans).toBe(0);
        // At most the one write in flight at the kill can be in the file without its acknowledgement.
        expect(rows - allAcked.size).toBeGreaterThanOrEqual(0);
        expect(rows - allAcked.size).toBeLessThanOrEqual(i + 1);
      } finally {
        opened.sqlite.close();
      }
    }
    const figures = {
      rounds: ROUNDS,
      ackedWrites: allAcked.size,
      perRoundMin: Math.min(...perRound),
      perRoundMax: Math.max(...perRound),
      rowsAfter: rows,
      committedUnacked: rows - allAcked.size,
      lost: 0,
      walKbAtKillMax: Math.round(Math.max(...walBytes) / 1024),
      childStartMsAvg: Math.round(starts.reduce((a, b) => a + b, 0) / starts.length),
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
    console.info(`[crash-safety] ${JSON.stringify(figures)}`);
    expect(allAcked.size).toBeGreaterThanOrEqual(ROUNDS);
  }, 120_000);
});
