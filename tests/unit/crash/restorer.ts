/**
 * The child of the restore kill test (backupKill.test.ts): signs in as admin and restores one
 * archive through the real core and dispatch, killing itself with SIGKILL at the named point of the
 * restore (a verification step, the journal, the safety move, the renames, the reopened database).
 * With no point given it restores to the end and prints `restored <safety copy>`.
 *
 * It restores as the manager does: it inspects the archive, then restores the files the inspection
 * verified and kept. Given the archive's creation time (as confirmed earlier), it restores at once,
 * and the restore verifies the archive itself.
 *
 * The test bundles it with esbuild before running it.
 * argv: dataDir migrationsDir username password archive killAt|- [createdAt]
 */
import { writeSync } from 'node:fs';
import { createCore } from '../../../src/main/core';
import type { Connection } from '../../../src/main/services/context';

const [dataDir, migrationsDir, username, password, archive, killAt, confirmed] = process.argv.slice(2);
if (!dataDir || !migrationsDir || !username || !password || !archive || !killAt) {
  process.stderr.write(
    'usage: restorer.ts dataDir migrationsDir username password archive killAt|- [createdAt]\n',
  );
  process.exit(2);
}

const core = createCore({
  dataDir,
  migrationsDir,
  scheduler: false,
  log: { error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`), info: () => undefined },
  backupCheckpoint: (point) => {
    if (point === killAt) process.kill(process.pid, 'SIGKILL');
  },
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
async function inspectedAt(): Promise<number> {
  const inspected = await core.dispatch('backup.inspect', { file: archive }, conn);
  if (!inspected.ok) fail('backup.inspect', inspected.error);
  return (inspected.data as { manifest: { createdAt: number } }).manifest.createdAt;
}

const expectCreatedAt = confirmed ? Number(confirmed) : await inspectedAt();
const restored = await core.dispatch('backup.restore', { file: archive, expectCreatedAt }, conn);
if (!restored.ok) fail('backup.restore', restored.error);
writeSync(1, `restored ${(restored.data as { safetyBackup: string }).safetyBackup}\n`);
core.close();
