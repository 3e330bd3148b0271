import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { createCore, type Core } from '../../src/main/core';
import type { Connection, Logger } from '../../src/main/services/context';

export const MIGRATIONS = resolve(import.meta.dirname, '../../drizzle');

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export class FakeClock {
  constructor(public ms = Date.UTC(2026, 10, 23, 2, 0, 0)) {}
  now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface TestApp {
  core: Core;
  clock: FakeClock;
  logs: string[];
  /** A fresh caller, like a new window or browser tab. */
  connect(): Client;
  cleanup(): void;
}

export interface Client {
  conn: Connection;
  call<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>>;
  /** Call and expect success. */
  ok<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>>;
  /** Call with anything at all (bad methods, bad shapes), as a hostile renderer could. */
  raw(method: string, input: unknown): Promise<Envelope<unknown>>;
}

/** A real core on a temp folder with real migrations; scrypt is cheapened so the suite stays quick. */
export function startApp(): TestApp {
  const { dir, cleanup } = tempDir();
  const clock = new FakeClock();
  const logs: string[] = [];
  const log: Logger = {
    error: (message, error) => logs.push(`${message} ${String(error)}`),
    info: (message) => logs.push(message),
  };
  const core = createCore({ dataDir: dir, migrationsDir: MIGRATIONS, now: clock.now, log, scryptN: 2 ** 10 });
  const connect = (): Client => {
    const conn: Connection = {
      sessionId: null,
      setSessionId(id) {
        this.sessionId = id;
      },
    };
    const raw = (method: string, input: unknown) => core.dispatch(method, input, conn);
    const call = <M extends Method>(method: M, input: InputOf<M>) =>
      raw(method, input) as Promise<Envelope<OutputOf<M>>>;
    const ok = async <M extends Method>(method: M, input: InputOf<M>) => {
      const result = await call(method, input);
      if (!result.ok) expect.fail(`${method} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    };
    return { conn, call, ok, raw };
  };
  return {
    core,
    clock,
    logs,
    connect,
    cleanup: () => {
      core.close();
      cleanup();
    },
  };
}

export const ADMIN = { username: 'admin', displayName: '店长老王', password: 'counter-admin-1' };

/** First-run setup; returns the admin's signed-in client. */
export async function setUpShop(app: TestApp): Promise<Client> {
  const admin = app.connect();
  await admin.ok('auth.setup', { shopName: '城东维修中心', branchCode: 'bj01', admin: ADMIN });
  return admin;
}

/** Create a user as admin and return a client signed in as them. */
export async function signedInAs(
  app: TestApp,
  admin: Client,
  role: 'admin' | 'manager' | 'clerk' | 'technician',
  username = `${role}1`,
): Promise<Client> {
  const password = `${role}-password-1`;
  await admin.ok('users.create', { username, displayName: `${role} 员工`, role, password });
  const client = app.connect();
  await client.ok('auth.signIn', { username, password });
  return client;
}

/** Every row of every table, as text: equal snapshots mean nothing changed. */
export function snapshot(core: Core): string {
  const sqlite = core.database.sqlite;
  const tables = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string; sql: string | null }[];
  // FTS5 keeps some shadow tables WITHOUT ROWID; those scan in primary-key order anyway.
  const order = (sql: string | null) => (/without\s+rowid\s*$/i.test(sql ?? '') ? '' : ' ORDER BY rowid');
  return JSON.stringify(
    tables.map(({ name, sql }) => [name, sqlite.prepare(`SELECT * FROM "${name}"${order(sql)}`).all()]),
  );
}
