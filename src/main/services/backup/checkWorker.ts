import { parentPort, workerData } from 'node:worker_threads';
import { openForChecks, runJobs, type CheckJob } from './checks.ts';

/**
 * One check worker (see parallelChecks.ts): it opens the file once, then runs the jobs it is handed
 * one at a time, answering each, until it is told there are no more.
 */
const sqlite = openForChecks((workerData as { file: string }).file);
parentPort?.on('message', (job: CheckJob | null) => {
  if (job === null) {
    sqlite.close();
    parentPort?.close();
    return;
  }
  try {
    parentPort?.postMessage({ ok: true, result: runJobs(sqlite, [job]) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
