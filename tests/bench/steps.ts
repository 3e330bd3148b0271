import { eq, TransactionRollbackError } from 'drizzle-orm';
import { performance } from 'node:perf_hooks';
import { contract, type Method } from '@shared/contract';
import { users } from '../../src/main/db/schema';
import { illFormedText } from '../../src/main/rpc/wellFormed';
import type { CallContext, Tx } from '../../src/main/services/context';
import type { Sqlite } from '../../src/main/db/open';
import type { Client, TestApp } from '../unit/harness';
import { p95 } from './figures';

/**
 * The breakdown of one dispatch figure into its steps (issue 18): each step is the real function the
 * call runs, measured on its own, p95 over 200 samples after 20 warm-ups like every other figure.
 * Steps that write inside the call's transaction are measured inside one open transaction, so each
 * sample is the step's own work and not a commit (the commit is its own step: `commit`).
 */
const SAMPLES = 200;
const WARMUP = 20;

export function measureSync(run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const start = performance.now();
    run();
    if (i >= WARMUP) samples.push(performance.now() - start);
  }
  return p95(samples);
}

/** Measure a step that writes, inside one transaction that is rolled back afterwards. */
export function measureInTransaction(app: TestApp, run: (tx: Tx) => unknown): number {
  let figure = 0;
  try {
    app.core.deps.db.transaction((tx) => {
      figure = measureSync(() => run(tx));
      // Leaves the data as it was: the samples were for the clock only.
      tx.rollback();
    });
  } catch (error) {
    if (!(error instanceof TransactionRollbackError)) throw error;
  }
  return figure;
}

/** What dispatch hands a handler for this client's session. */
export function callContext(app: TestApp, client: Client): CallContext {
  const deps = app.core.deps;
  const session = deps.sessions.get(client.conn.sessionId) ?? null;
  const user = session
    ? (deps.db.select().from(users).where(eq(users.id, session.userId)).get() ?? null)
    : null;
  return { deps, conn: client.conn, session, user };
}

/** Dispatch's own checks on the input: well-formed text, then the contract's schema. */
export function checkInput<M extends Method>(method: M, input: unknown): unknown {
  if (illFormedText(input).length > 0) throw new Error(`${method}: ill-formed input`);
  return contract[method].input.parse(input);
}

/**
 * The pages one write adds to the WAL, the mean over `runs` calls: what it asks of the disk, and how
 * often it sets off the checkpoint SQLite runs once the log passes 1,000 pages. Checkpoints wait
 * meanwhile, so every page the calls wrote is still in the log to be counted.
 */
export async function walPages(sqlite: Sqlite, run: () => unknown, runs = 20): Promise<number> {
  const threshold = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    for (let i = 0; i < runs; i++) await run();
    const [state] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    return Number(((state?.log ?? 0) / runs).toFixed(1));
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${threshold}`);
  }
}
