import { parentPort, workerData } from 'node:worker_threads';
import { failureOf } from './archiveRead.ts';
import { writeArchive } from './archiveWrite.ts';

/**
 * One archive being written (see startArchive in archive.ts), off the main thread for the same
 * reason as archiveReadWorker.ts: members come as `{ add }` messages, then `{ finish: true }`;
 * the answer is `written` (or `failed`), then `readBack`.
 */
const { stagingDir, dest } = workerData as { stagingDir: string; dest: string };
const archive = writeArchive(stagingDir, dest);
const post = (message: unknown) => parentPort?.postMessage(message);

parentPort?.on('message', (message: { add: string } | { finish: true }) => {
  if ('add' in message) {
    archive.add(message.add);
    return;
  }
  archive.finish().then(
    ({ sha256, fileSha256, readBack }) => {
      post({ kind: 'written', sha256, fileSha256 });
      readBack
        .then(
          (parsed) => post({ kind: 'readBack', ok: true, parsed }),
          (error: unknown) => post({ kind: 'readBack', ok: false, ...failureOf(error) }),
        )
        .finally(() => parentPort?.close());
    },
    (error: unknown) => {
      post({ kind: 'failed', ...failureOf(error) });
      parentPort?.close();
    },
  );
});
