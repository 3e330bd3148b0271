import { parentPort, workerData } from 'node:worker_threads';
import { runChecks, type CheckJob } from './checks.ts';

/** One lane of a file's checks (see parallelChecks.ts), off the main thread. */
const { file, jobs } = workerData as { file: string; jobs: CheckJob[] };
try {
  parentPort?.postMessage({ ok: true, result: runChecks(file, jobs) });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
