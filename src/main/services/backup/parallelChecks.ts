import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import checkWorkerPath from './checkWorker?modulePath';
import { openForChecks, planJobs, type CheckJob, type CheckResult, type CheckWanted } from './checks';

/**
 * quick_check, integrity_check and the table figures of a database file, shared out between worker
 * threads (one per core, at least two, unless told fewer): each is a full read of the file in SQLite
 * or in JS, and side by side they take about half the time (issue 18). Each worker takes the next
 * job, costliest first, as it finishes one; the main thread stays free meanwhile.
 */
export async function checkInParallel(
  file: string,
  want: CheckWanted,
  /** The share of the jobs done (0–1), after each one, for a progress bar. */
  onProgress: (done: number) => void = () => undefined,
  /** Fewer workers than cores, for checks that must leave the counter a core. */
  maxWorkers = Infinity,
): Promise<CheckResult> {
  const planner = openForChecks(file);
  let jobs: CheckJob[];
  try {
    jobs = planJobs(planner, want);
  } finally {
    planner.close();
  }
  const merged: CheckResult = { problems: [], rowCounts: {}, tableChecksums: {} };
  const total = jobs.length;
  const workers = Math.max(1, Math.min(total, maxWorkers, Math.max(2, availableParallelism())));
  let done = 0;
  const finished = () => onProgress(++done / total);
  await Promise.all(Array.from({ length: workers }, () => work(file, jobs, merged, finished)));
  // In table order, as the figures were always listed.
  const sorted = <T>(record: Record<string, T>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    ...merged,
    rowCounts: sorted(merged.rowCounts),
    tableChecksums: sorted(merged.tableChecksums),
  };
}

type JobMessage = { ok: true; result: CheckResult } | { ok: false; message: string };

/** One worker taking jobs off the shared list until it is empty; the first failure stops it. */
function work(file: string, jobs: CheckJob[], merged: CheckResult, finished: () => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(checkWorkerPath, { workerData: { file } });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      if (error) {
        // The others stop after the job in hand: the answer is already no.
        jobs.length = 0;
        void worker.terminate();
        reject(error);
      } else resolve();
    };
    const next = () => worker.postMessage(jobs.shift() ?? null);
    worker.on('message', (message: JobMessage) => {
      if (!message.ok) {
        settle(new Error(message.message));
        return;
      }
      merged.problems.push(...message.result.problems);
      Object.assign(merged.rowCounts, message.result.rowCounts);
      Object.assign(merged.tableChecksums, message.result.tableChecksums);
      if (message.result.file) merged.file = message.result.file;
      next();
      finished();
    });
    worker.once('error', (error) => settle(error));
    worker.once('exit', (code) =>
      settle(code === 0 ? undefined : new Error(`the check worker stopped (exit code ${code})`)),
    );
    next();
  });
}
