import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/main/core';
import { readStartRecord } from '../../src/main/db/startCheck';
import { hashPassword } from '../../src/main/services/passwords';
import { nameInitials } from '../../src/main/services/pinyin';
import { ADMIN, setUpShop, startApp, type TestApp } from '../unit/harness';
import { recordFigures } from './figures';
import { seedBranch } from './seedBranch';

/**
 * Cold start on the benchmark branch of issue 3 (100,000 customers, 150,000 devices, 300,000 work
 * orders): browser mode's real server process (`node out/main/web.js`, as `npm run web` starts it),
 * from spawn to a signed-in first screen: the sign-in page's `auth.state`, the sign-in, then what the
 * home screen loads (`auth.state`, `dashboard.get`, `backup.status`, `stock.alerts`).
 * `startup.cold_ms` is the app's own wait (spawn → sign-in page, plus signed in → home figures); the
 * password check between them is scrypt's deliberate constant cost, reported as `startup.signIn_ms`
 * and included in `startup.coldWithSignIn_ms`. "Cold" is a new process; the OS file cache stays warm
 * (dropping it needs root).
 */
const SIZE = { customers: 100_000, devices: 150_000, workOrders: 300_000 };
const ROOT = resolve(import.meta.dirname, '../..');
const WEB = join(ROOT, 'out', 'main', 'web.js');
const RUNS = 5;
/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const CLOCK_TICKS = 100;
const BUDGET_MS = 2000;

let app: TestApp;
let dataDir = '';
const figures: Record<string, number> = {};

beforeAll(async () => {
  // The bundle the bench starts is built from the sources under test.
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed: ${built.stderr}`);
  app = startApp();
  const admin = await setUpShop(app);
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  seedBranch(app.core.database.sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: [adminId],
    initials: nameInitials,
  });
  // The harness hashes with a cheap scrypt; a shop's password costs what the real one costs.
  app.core.database.sqlite
    .prepare('UPDATE users SET password_hash = ? WHERE id = ?')
    .run(await hashPassword(ADMIN.password), adminId);
  app.core.database.sqlite.pragma('optimize');
  dataDir = app.core.dataDir;
  // The shop closes the app in the evening: the clean close the next morning's start relies on.
  app.core.close();
  const file = join(dataDir, DATABASE_FILE);
  const sqlite = new Database(file, { readonly: true });
  figures['startup.db_mb'] = Math.round(
    ((sqlite.pragma('page_count', { simple: true }) as number) *
      (sqlite.pragma('page_size', { simple: true }) as number)) /
      1048576,
  );
  // What the full check alone costs on this file (every start paid it before issue 18).
  const start = performance.now();
  expect(sqlite.pragma('quick_check', { simple: true })).toBe('ok');
  figures['startup.quickCheck_ms'] = Math.round(performance.now() - start);
  sqlite.close();
}, 900_000);

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

interface Start {
  child: ChildProcess;
  exited: Promise<unknown>;
  listenMs: number;
  /** Spawn → the sign-in page's `auth.state` answered. */
  signInPageMs: number;
  /** The password check (scrypt at the shop's real cost: constant, whatever the database's size). */
  signInMs: number;
  /** Signed in → `auth.state` and the home screen's figures answered. */
  homeMs: number;
  totalMs: number;
  /** CPU the server spent on the same two waits (the machine's other load does not count). */
  cpuMs: number;
}

/** CPU time (user + system) a process has used so far, from /proc (the bench runs on Linux). */
function cpuOf(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * (1000 / CLOCK_TICKS);
}

/** Spawn browser mode and walk to the home screen as a browser would; returns the timings. */
async function coldStart(): Promise<Start> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [WEB, '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit');
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = await new Promise<string>((found, failed) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const open = /^Open: (\S+)/.exec(line);
      if (open?.[1]) found(open[1]);
    });
    void exited.then(() => failed(new Error(`browser mode exited before listening: ${stderr}`)));
  });
  const listenMs = performance.now() - spawnedAt;
  const origin = new URL(url).origin;
  const entry = await fetch(url, { redirect: 'manual' });
  const cookies = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (pair && at > 0) cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  keep(entry);
  const rpc = async (method: string, input: unknown) => {
    const res = await fetch(`${origin}/rpc/${method}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: JSON.stringify(input),
    });
    keep(res);
    const envelope = (await res.json()) as { ok: boolean; data?: unknown; error?: unknown };
    if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
    return envelope.data as Record<string, unknown>;
  };
  // The sign-in page.
  const first = await rpc('auth.state', {});
  expect(first.user).toBeNull();
  const signInAt = performance.now();
  const signInPageMs = signInAt - spawnedAt;
  const cpuAtSignInPage = cpuOf(child.pid);
  await rpc('auth.signIn', { username: ADMIN.username, password: ADMIN.password });
  const homeAt = performance.now();
  const cpuAtSignedIn = cpuOf(child.pid);
  const state = await rpc('auth.state', {});
  expect((state.user as { username: string }).username).toBe(ADMIN.username);
  const [dashboard] = await Promise.all([
    rpc('dashboard.get', {}),
    rpc('backup.status', {}),
    rpc('stock.alerts', {}),
  ]);
  expect(dashboard).toHaveProperty('counter');
  const doneAt = performance.now();
  const cpuMs = cpuAtSignInPage + cpuOf(child.pid) - cpuAtSignedIn;
  return {
    cpuMs,
    child,
    exited,
    listenMs,
    signInPageMs,
    signInMs: homeAt - signInAt,
    homeMs: doneAt - homeAt,
    totalMs: doneAt - spawnedAt,
  };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? 0;

it('starts to a signed-in home screen within 2 s on the benchmark branch', async () => {
  const runs: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await coldStart();
    // The evening's clean close (Ctrl+C / a service stop).
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual([0, null]);
    expect(readStartRecord(join(dataDir, DATABASE_FILE))?.open).toBe(false);
    runs.push(run);
  }
  // What the app makes the shop wait for: to the sign-in page, and from the password to the home screen.
  const waits = runs.map((r) => r.signInPageMs + r.homeMs);
  figures['startup.cold_ms'] = Math.round(median(waits));
  figures['startup.cold.max_ms'] = Math.round(Math.max(...waits));
  figures['startup.coldWithSignIn_ms'] = Math.round(median(runs.map((r) => r.totalMs)));
  figures['startup.cold.cpu_ms'] = Math.round(median(runs.map((r) => r.cpuMs)));
  figures['startup.listen_ms'] = Math.round(median(runs.map((r) => r.listenMs)));
  figures['startup.signInPage_ms'] = Math.round(median(runs.map((r) => r.signInPageMs)));
  figures['startup.signIn_ms'] = Math.round(median(runs.map((r) => r.signInMs)));
  figures['startup.home_ms'] = Math.round(median(runs.map((r) => r.homeMs)));

  // A power cut: the next start runs the full check first.
  const killed = await coldStart();
  killed.child.kill('SIGKILL');
  await killed.exited;
  expect(readStartRecord(join(dataDir, DATABASE_FILE))?.open).toBe(true);
  const afterCrash = await coldStart();
  afterCrash.child.kill('SIGTERM');
  expect(await afterCrash.exited).toEqual([0, null]);
  figures['startup.afterCrash_ms'] = Math.round(afterCrash.signInPageMs + afterCrash.homeMs);
  figures['startup.afterCrash.cpu_ms'] = Math.round(afterCrash.cpuMs);

  expect(figures['startup.cold_ms']).toBeLessThanOrEqual(BUDGET_MS);
}, 300_000);
