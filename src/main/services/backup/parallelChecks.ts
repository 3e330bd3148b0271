import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import checkWorkerPath from './checkWorker?modulePath';
import { openForChecks, planLanes, type CheckResult } from './checks';

/**
 * quick_check, integrity_check and the table figures of a database file, shared out between worker
 * threads (one per core, at least two): each is a full read of the file in SQLite or in JS, and
 * side by side they take about half the time (issue 18). The main thread stays free meanwhile.
 */
export async function checkInParallel(
  file: string,
  want: { quickCheck: boolean; integrity: boolean },
): Promise<CheckResult> {
  const planner = openForChecks(file);
  let lanes;
  try {
    lanes = planLanes(planner, want, Math.max(2, availableParallelism()));
  } finally {
    planner.close();
  }
  const results = await Promise.all(lanes.map((jobs) => runLane(file, jobs)));
  const merged: CheckResult = { problems: [], rowCounts: {}, tableChecksums: {} };
  for (const result of results) {
    merged.problems.push(...result.problems);
    Object.assign(merged.rowCounts, result.rowCounts);
    Object.assign(merged.tableChecksums, result.tableChecksums);
  }
  // In table order, as the figures were always listed.
  const sorted = (record: Record<string, number | string>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return {
    problems: merged.problems,
    rowCounts: sorted(merged.rowCounts) as Record<string, number>,
    tableChecksums: sorted(merged.tableChecksums) as Record<string, string>,
  };
}

type LaneMessage = { ok: true; result: CheckResult } | { ok: false; message: string };

function runLane(file: string, jobs: unknown[]): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(checkWorkerPath, { workerData: { file, jobs } });
    let settled = false;
    worker.once('message', (message: LaneMessage) => {
      settled = true;
      if (message.ok) resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the check worker stopped (exit code ${code})`));
    });
  });
}
