/**
 * The child of the outbox kill test (outboxKill.test.ts): opens the shop's core and runs one outbox
 * pass whose provider hands the message to the parent's double over HTTP and then dies (SIGKILL)
 * before the answer can be recorded: between "sending" and "sent".
 *
 * The test bundles it with esbuild before running it.
 * argv: dataDir migrationsDir doubleUrl nowMs
 */
import { createCore } from '../../../src/main/core';
import { runOutbox } from '../../../src/main/services/messages';

const [dataDir, migrationsDir, doubleUrl, nowMs] = process.argv.slice(2);
if (!dataDir || !migrationsDir || !doubleUrl || !nowMs) {
  process.stderr.write('usage: outboxSender.ts dataDir migrationsDir doubleUrl nowMs\n');
  process.exit(2);
}

const core = createCore({
  dataDir,
  migrationsDir,
  scheduler: false,
  now: () => Number(nowMs),
  log: { error: (m, e) => process.stderr.write(`${m} ${String(e)}\n`), info: () => undefined },
});
core.deps.messageProviders = (channel) => ({
  channel,
  async send(message) {
    await fetch(doubleUrl, { method: 'POST', body: JSON.stringify(message) });
    // The provider took it; the process dies before the outbox records the answer.
    process.kill(process.pid, 'SIGKILL');
    return { ok: true, providerMessageId: 'never-recorded' };
  },
});
await runOutbox(core.deps);
process.stderr.write('the outbox pass finished: the child was meant to die inside it\n');
process.exit(3);
