import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { auditLog } from '../../src/main/db/schema';
import { listAudit } from '../../src/main/services/audit';
import { hashPassword, verifyPassword } from '../../src/main/services/passwords';
import { startApp, setUpShop, type Client, type TestApp } from '../unit/harness';
import { measure, measurePair, recordFigures } from './figures';

/** Named figures; `npm run bench` prints them as one JSON object. */
const figures: Record<string, number> = {};
const AUDIT_ROWS = 200_000;

let app: TestApp;
let admin: Client;

beforeAll(async () => {
  app = startApp();
  admin = await setUpShop(app);
  const { db } = app.core.deps;
  const entities = ['user', 'settings', 'session', 'customer', 'workOrder'];
  const start = performance.now();
  db.transaction((tx) => {
    for (let i = 0; i < AUDIT_ROWS; i++) {
      tx.insert(auditLog)
        .values({
          id: uuidv7(),
          at: app.clock.ms - (AUDIT_ROWS - i) * 30_000,
          userId: null,
          username: 'seed',
          action: 'update',
          entity: entities[i % entities.length] ?? 'user',
          entityId: uuidv7(),
          before: '{"status":"received"}',
          after: '{"status":"diagnosing"}',
        })
        .run();
    }
  });
  figures['seed.audit_rows'] = AUDIT_ROWS;
  figures['seed.ms'] = Math.round(performance.now() - start);
});

afterAll(() => {
  app.cleanup();
  recordFigures(figures);
});

describe('foundation benchmarks', () => {
  it('dispatch overhead: auth.state ≤ 5 ms p95', async () => {
    figures['dispatch.authState.p95_ms'] = await measure(() => admin.ok('auth.state', {}));
    expect(figures['dispatch.authState.p95_ms']).toBeLessThanOrEqual(5);
  });

  it('audit.list, one filtered page of 50 over 200,000 rows ≤ 30 ms p95', async () => {
    const day = 24 * 3600_000;
    const input = {
      entity: 'workOrder',
      from: app.clock.ms - 30 * day,
      to: app.clock.ms,
      page: 3,
      pageSize: 50,
    };
    Object.assign(
      figures,
      await measurePair(
        'audit.list',
        () => admin.ok('audit.list', input),
        () => listAudit(app.core.deps.db, input),
      ),
    );
    expect(figures['audit.list.p95_ms']).toBeLessThanOrEqual(30);
  });

  it('sign-in password check at production scrypt cost stays under a second', async () => {
    const hash = await hashPassword('bench-password');
    const start = performance.now();
    await verifyPassword('bench-password', hash);
    figures['auth.scrypt_verify.ms'] = Math.round(performance.now() - start);
    expect(figures['auth.scrypt_verify.ms']).toBeLessThan(1000);
  });
});
