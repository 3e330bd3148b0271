/**
 * The child of the kill test (crashSafety.test.ts): signs in and creates work orders through the
 * real core and dispatch until it is killed. One stdout line per order, written only after the
 * call returned ok, i.e. after its transaction committed: that line is the acknowledgement.
 *
 * The test bundles it with esbuild before running it.
 * argv: dataDir migrationsDir username password customerId deviceId technicianId
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import type { Connection } from '../../../src/main/services/context';

const [dataDir, migrationsDir, username, password, customerId, deviceId, technicianId] =
  process.argv.slice(2);
if (!dataDir || !migrationsDir || !username || !password || !customerId || !deviceId || !technicianId) {
  process.stderr.write(
    'usage: writer.ts dataDir migrationsDir username password customerId deviceId technicianId\n',
  );
  process.exit(2);
}

const core = createCore({
  dataDir,
  migrationsDir,
  log: { error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`), info: () => undefined },
});
const conn: Connection = {
  sessionId: null,
  setSessionId(id) {
    this.sessionId = id;
  },
};

function fail(step: string, detail: unknown): never {
  process.stderr.write(`${step} failed: ${JSON.stringify(detail)}\n`);
  process.exit(1);
}

const signIn = await core.dispatch('auth.signIn', { username, password }, conn);
if (!signIn.ok) fail('auth.signIn', signIn.error);

for (let n = 1; ; n += 1) {
  const made = await core.dispatch(
    'workOrders.create',
    { customerId, deviceId, technicianId, reportedFault: `死机测试 ${n}`, accessories: ['charger'] },
    conn,
  );
  if (!made.ok) fail('workOrders.create', made.error);
  const { id, orderNo } = made.data as { id: string; orderNo: string };
  // Synchronous, so the line is in the pipe before the next write can start.
  writeSync(1, `${id} ${orderNo}\n`);
}
