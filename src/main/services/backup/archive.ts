import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { backupManifest, type BackupManifest } from '@shared/schemas/backup';
import {
  ATTACHMENTS_MEMBER,
  DATABASE_MEMBER,
  MANIFEST_MEMBER,
  stagedComparer,
  type FailureData,
  type MemberChecksum,
  type Parsed,
  type StagedMatch,
  type readArchiveFile,
} from './archiveRead';
import type { Written } from './archiveWrite';
import archiveReadWorkerPath from './archiveReadWorker?modulePath';
import archiveWriteWorkerPath from './archiveWriteWorker?modulePath';

export { ATTACHMENTS_MEMBER, DATABASE_MEMBER, MANIFEST_MEMBER, stagedComparer };
/** Archives are zstd'd tars; gzip'd ones (`.tar.gz`, written before issue 18) still restore. */
export const ARCHIVE_EXTENSION = '.tar.zst';
export const OLD_ARCHIVE_EXTENSION = '.tar.gz';

/*
 * Archives are written and read in worker threads (archiveWriteWorker.ts, archiveReadWorker.ts):
 * the GB of buffers they compress and decompress would count against the main thread's heap, whose
 * every full collection they set off then marks the whole app. On the bench branch, beside a 577 MB
 * heap, that took a restore's read from 1.7 s to 5.6–6.1 s and a backup's packing from 0.3 to 1.9 s.
 */

/** The worker's Written, with the manifest read back parsed and checked. */
export type WrittenArchive = Omit<Written, 'readBack'> & { readBack: Promise<ReadBack> };

export interface ReadBack {
  manifest: BackupManifest;
  /** Member path → its size and whether it holds exactly the bytes of the staged file. */
  files: Map<string, StagedMatch>;
}

type WriteMessage =
  | { kind: 'written'; sha256: string; fileSha256: string }
  | ({ kind: 'failed' } & FailureData)
  | { kind: 'readBack'; ok: true; parsed: Parsed<StagedMatch> }
  | ({ kind: 'readBack'; ok: false } & FailureData);

/** A failure from a worker, with the code (ENOSPC, EACCES…) the caller's message depends on. */
function failureError({ message, code }: FailureData): Error {
  return Object.assign(new Error(message), { code });
}

/** Settle `reject` if the worker fails or ends before the answer came (no-op once it came). */
function onStop(worker: Worker, reject: (error: Error) => void): void {
  worker.once('error', reject);
  worker.once('exit', (code) => reject(new Error(`the archive worker stopped (exit code ${code})`)));
}

/**
 * A zstd'd tar being written to `dest` from the staging folder, in a worker thread (see
 * writeArchive): the database first, then members as they are added (the manifest last, once the
 * checks that fill it are done); `finish` (once, however often it is called) waits for the file.
 */
export function startArchive(
  stagingDir: string,
  dest: string,
): { add(member: string): void; finish(): Promise<WrittenArchive> } {
  const worker = new Worker(archiveWriteWorkerPath, { workerData: { stagingDir, dest } });
  const written = new Promise<{ sha256: string; fileSha256: string }>((resolve, reject) => {
    worker.on('message', (message: WriteMessage) => {
      if (message.kind === 'written') resolve(message);
      else if (message.kind === 'failed') reject(failureError(message));
    });
    onStop(worker, reject);
  });
  const readBack = new Promise<Parsed<StagedMatch>>((resolve, reject) => {
    worker.on('message', (message: WriteMessage) => {
      if (message.kind !== 'readBack') return;
      if (message.ok) resolve(message.parsed);
      else reject(failureError(message));
    });
    onStop(worker, reject);
  }).then((parsed): ReadBack => ({ manifest: manifestOf(parsed), files: parsed.files }));
  // Awaited in finish and by the caller; a failure before then must not be an unhandled rejection.
  written.catch(() => undefined);
  readBack.catch(() => undefined);
  let finished: Promise<WrittenArchive> | null = null;
  return {
    add: (member) => worker.postMessage({ add: member }),
    finish: () =>
      (finished ??= (async () => {
        worker.postMessage({ finish: true });
        const { sha256, fileSha256 } = await written;
        return { sha256, fileSha256, readBack };
      })()),
  };
}

export interface ArchiveContents {
  manifest: BackupManifest;
  /** SHA-256 of manifest.json as read (null for a safety copy, whose manifest is made from its files). */
  manifestSha256: string | null;
  /** Member path → SHA-256 and size, for every regular file except the manifest. */
  files: Map<string, MemberChecksum>;
}

class ArchiveError extends Error {}

/** Writing an extracted member failed (a full disk, say): not a fault of the archive. */
export class ExtractWriteError extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

type ReadMessage =
  { ok: true; result: Awaited<ReturnType<typeof readArchiveFile>> } | ({ ok: false } & FailureData);

/**
 * readArchiveFile (one strict read, hashing and extracting each member) in a worker thread
 * (archiveReadWorker.ts), and the manifest it found, parsed and checked.
 */
export async function readArchive(file: string, extractTo?: string): Promise<ArchiveContents> {
  const { parsed, writeFailure } = await new Promise<Awaited<ReturnType<typeof readArchiveFile>>>(
    (resolve, reject) => {
      const worker = new Worker(archiveReadWorkerPath, { workerData: { file, extractTo } });
      worker.once('message', (message: ReadMessage) =>
        message.ok ? resolve(message.result) : reject(failureError(message)),
      );
      onStop(worker, reject);
    },
  );
  // A full disk while extracting is the disk's fault, not the archive's: the caller says so.
  if (writeFailure) throw new ExtractWriteError(failureError(writeFailure));
  return {
    manifest: manifestOf(parsed),
    manifestSha256: createHash('sha256')
      .update(parsed.manifestText ?? '')
      .digest('hex'),
    files: parsed.files,
  };
}

/** The archive's manifest, once its members are known to be only those a backup holds. */
function manifestOf({ manifestText, strange }: Parsed<unknown>): BackupManifest {
  if (strange.length > 0) throw new ArchiveError(`unexpected members: ${strange.join(', ')}`);
  if (manifestText === null) throw new ArchiveError('manifest.json is missing');
  let json: unknown;
  try {
    json = JSON.parse(manifestText);
  } catch {
    throw new ArchiveError('manifest.json is not valid JSON');
  }
  const parsed = backupManifest.safeParse(json);
  if (!parsed.success)
    throw new ArchiveError(`manifest.json is not a valid manifest: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** A member read from an archive holds what the manifest lists for it: its checksum and size. */
export const sameChecksum = (expected: MemberChecksum, actual: MemberChecksum): boolean =>
  actual.sha256 === expected.sha256 && actual.bytes === expected.bytes;

/**
 * Every member listed in the manifest is present and matches it (`matches`: by its checksum when
 * read from a file, or equal to the staged file the manifest was made from when read back as it was
 * written), and nothing else is.
 */
export function compareMembers<T>(
  manifest: BackupManifest,
  files: Map<string, T>,
  matches: (expected: MemberChecksum, actual: T) => boolean,
): string | null {
  for (const [path, expected] of Object.entries(manifest.files)) {
    const actual = files.get(path);
    if (!actual) return `missing member ${path}`;
    if (!matches(expected, actual)) return `checksum mismatch in ${path}`;
  }
  for (const path of files.keys()) if (!(path in manifest.files)) return `unlisted member ${path}`;
  if (!(DATABASE_MEMBER in manifest.files)) return 'no database in the archive';
  return null;
}
