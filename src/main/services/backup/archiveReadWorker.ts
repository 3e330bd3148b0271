import { parentPort, workerData } from 'node:worker_threads';
import { failureOf, readArchiveFile } from './archiveRead.ts';

/**
 * One archive read (see readArchive in archive.ts), off the main thread: the GB of buffers it
 * decompresses would count against the main thread's heap, whose every full collection they trigger
 * then marks the whole app (see archive.ts).
 */
const { file, extractTo } = workerData as { file: string; extractTo?: string };
readArchiveFile(file, extractTo).then(
  (result) => parentPort?.postMessage({ ok: true, result }),
  (error: unknown) => parentPort?.postMessage({ ok: false, ...failureOf(error) }),
);
