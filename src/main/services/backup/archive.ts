import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { constants as zlib, createZstdCompress, createZstdDecompress } from 'node:zlib';
import { Header, Pack } from 'tar';
import { backupManifest, type BackupManifest } from '@shared/schemas/backup';
import {
  ATTACHMENTS_MEMBER,
  CHUNK,
  DATABASE_MEMBER,
  MANIFEST_MEMBER,
  parseArchive,
  readArchiveFile,
  stagedComparer,
  type MemberChecksum,
  type Parsed,
} from './archiveRead';
import archiveReadWorkerPath from './archiveReadWorker?modulePath';

export { ATTACHMENTS_MEMBER, DATABASE_MEMBER, MANIFEST_MEMBER, stagedComparer };
/** Archives are zstd'd tars; gzip'd ones (`.tar.gz`, written before issue 18) still restore. */
export const ARCHIVE_EXTENSION = '.tar.zst';
export const OLD_ARCHIVE_EXTENSION = '.tar.gz';

/*
 * Archives are compressed with zstd level 1 through node:zlib: it packs a shop's database at a few
 * hundred MB/s, about as small as gzip, on libuv's threads (tar's own compression runs inline).
 */

export interface WrittenArchive {
  /** SHA-256 of the bytes written, to compare with the file read back. */
  sha256: string;
  /** What the bytes written decode to, each member compared with the staged file it was packed from; rejects if they do not decode. */
  readBack: Promise<ReadBack>;
}

export interface ReadBack {
  manifest: BackupManifest;
  /** Member path → its size and whether it holds exactly the bytes of the staged file. */
  files: Map<string, { bytes: number; sameAsStaged: boolean }>;
}

/**
 * A zstd'd tar being written to `dest` from the staging folder: the database first, then members as
 * they are added (the manifest last, once the checks that fill it are done); `finish` waits for
 * the file. The compressed bytes are read back as they are written (decompressed and parsed as
 * `readArchive` does, on cores the checks leave free) and each member compared with its staged file,
 * whose checksum the manifest holds, instead of being hashed a second time.
 */
export function startArchive(
  stagingDir: string,
  dest: string,
): { add(member: string): void; finish(): Promise<WrittenArchive> } {
  // tar reads 16 MB at a time by default, which costs more than the compression; 1 MB does not.
  const pack = new Pack({ cwd: stagingDir, portable: true, maxReadSize: CHUNK });
  const zstd = createZstdCompress({ chunkSize: CHUNK, params: { [zlib.ZSTD_c_compressionLevel]: 1 } });
  const fail = (error: unknown) => zstd.destroy(error instanceof Error ? error : new Error(String(error)));
  pack.on('error', fail);
  // The other members follow the database (tar's Pack writes the end of the archive).
  packFile(zstd, stagingDir, DATABASE_MEMBER).then(() => pack.pipe(zstd), fail);
  const readBack = new PassThrough();
  const read = parseArchive(
    readBack,
    createZstdDecompress({ chunkSize: CHUNK }),
    stagedComparer(stagingDir),
  ).then((parsed) => ({ manifest: manifestOf(parsed), files: parsed.files }));
  // A stream that cannot be read back stops being fed; finish reports why.
  read.catch(() => readBack.destroy());
  const hash = createHash('sha256');
  const tee = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      if (readBack.destroyed || readBack.write(chunk)) done(null, chunk);
      else waitToWrite(readBack).then(() => done(null, chunk), done);
    },
    flush(done) {
      if (!readBack.destroyed) readBack.end();
      done();
    },
  });
  // Flushed to the disk before it is closed: a backup reported done must survive a power cut.
  const written = pipeline(zstd, tee, createWriteStream(dest, { flush: true }));
  // Awaited in finish; a failure before then must not be an unhandled rejection.
  written.catch(() => undefined);
  return {
    add: (member) => void pack.add(member),
    finish: async () => {
      pack.end();
      try {
        await written;
      } catch (error) {
        readBack.destroy();
        throw error;
      }
      return { sha256: hash.digest('hex'), readBack: read };
    },
  };
}

/** `stream.write` as a promise: settled once the stream has consumed the chunk, which may then be reused. */
function writeChunk(stream: Writable, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

/**
 * One staged file as a tar member (a header as tar's Pack writes it, the bytes, the padding to a
 * 512-byte block), read into two buffers used in turn. tar's Pack reads each MB into a fresh buffer,
 * and on the bench machine the page faults of those 800 fresh MB cost a third of the packing (issue 18).
 */
async function packFile(to: Writable, stagingDir: string, member: string): Promise<void> {
  const fd = openSync(join(stagingDir, member), 'r');
  try {
    const stat = fstatSync(fd);
    const header = new Header({ path: member, mode: 0o644, size: stat.size, mtime: stat.mtime, type: 'File' });
    const block = Buffer.alloc(512);
    // True when the header needs a pax extension: never for this name and a file under 8 GB.
    if (header.encode(block, 0)) throw new Error(`${member} is too large for a plain tar header`);
    await writeChunk(to, block);
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    // When the compressor has consumed each buffer's last chunk: one is read into as the other is packed.
    const consumed: Promise<void>[] = [Promise.resolve(), Promise.resolve()];
    let position = 0;
    for (let turn = 0; position < stat.size; turn ^= 1) {
      const buffer = buffers[turn] as Buffer;
      await consumed[turn];
      const n = readSync(fd, buffer, 0, Math.min(CHUNK, stat.size - position), position);
      if (n <= 0) throw new Error(`${member} ended early`);
      position += n;
      consumed[turn] = writeChunk(to, buffer.subarray(0, n));
    }
    await Promise.all(consumed);
    const padding = (512 - (stat.size % 512)) % 512;
    if (padding > 0) await writeChunk(to, Buffer.alloc(padding));
  } finally {
    closeSync(fd);
  }
}

/** Until `stream` drains, or is destroyed (then nothing more is written to it). */
function waitToWrite(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const go = () => {
      stream.off('drain', go);
      stream.off('close', go);
      resolve();
    };
    stream.on('drain', go);
    stream.on('close', go);
  });
}

export interface ArchiveContents {
  manifest: BackupManifest;
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
  | { ok: true; result: Awaited<ReturnType<typeof readArchiveFile>> }
  | { ok: false; message: string };

/**
 * Read the whole archive once (gzip or zstd, told apart by their magic bytes), hashing each member,
 * in a worker thread (archiveReadWorker.ts); strict, so a damaged stream rejects. With `extractTo`,
 * the members are written there in the same pass, so a restore reads the archive once: the
 * checksums are of exactly the bytes written.
 */
export async function readArchive(file: string, extractTo?: string): Promise<ArchiveContents> {
  const { parsed, writeFailure } = await new Promise<Extract<ReadMessage, { ok: true }>['result']>(
    (resolve, reject) => {
      const worker = new Worker(archiveReadWorkerPath, { workerData: { file, extractTo } });
      let settled = false;
      const settle = (error: Error | null, result?: Extract<ReadMessage, { ok: true }>['result']) => {
        if (settled) return;
        settled = true;
        if (result) resolve(result);
        else reject(error ?? new Error('the archive reader gave no answer'));
      };
      worker.once('message', (message: ReadMessage) =>
        message.ok ? settle(null, message.result) : settle(new Error(message.message)),
      );
      worker.once('error', (error) => settle(error));
      worker.once('exit', (code) => settle(new Error(`the archive reader stopped (exit code ${code})`)));
    },
  );
  // A full disk while extracting is the disk's fault, not the archive's: the caller says so.
  if (writeFailure) {
    throw new ExtractWriteError(Object.assign(new Error(writeFailure.message), { code: writeFailure.code }));
  }
  return { manifest: manifestOf(parsed), files: parsed.files };
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

/** Every member listed in the manifest is present with its checksum, and nothing else is. */
export function compareMembers(
  manifest: BackupManifest,
  files: Map<string, MemberChecksum>,
): string | null {
  for (const [path, expected] of Object.entries(manifest.files)) {
    const actual = files.get(path);
    if (!actual) return `missing member ${path}`;
    if (actual.sha256 !== expected.sha256 || actual.bytes !== expected.bytes)
      return `checksum mismatch in ${path}`;
  }
  for (const path of files.keys()) if (!(path in manifest.files)) return `unlisted member ${path}`;
  if (!(DATABASE_MEMBER in manifest.files)) return 'no database in the archive';
  return null;
}
