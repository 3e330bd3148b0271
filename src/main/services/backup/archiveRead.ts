import { createHash } from 'node:crypto';
import { closeSync, createReadStream, fstatSync, mkdirSync, openSync, readSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createZstdDecompress } from 'node:zlib';
import { Parser, type ReadEntry } from 'tar';

/*
 * Reading a backup archive: its members through tar's parser, each to a reader that hashes,
 * extracts or compares it. A restore runs this in a worker thread (archiveReadWorker.ts), loaded by
 * Node itself in tests: node: modules, tar and type imports only.
 */

export const MANIFEST_MEMBER = 'manifest.json';
export const DATABASE_MEMBER = 'after-sales.db';
export const ATTACHMENTS_MEMBER = 'attachments';

/**
 * Chunks of 1 MB: zstd through node:zlib (Node ≥ 22.15, so in Electron 45's Node 24) runs on libuv's
 * threads, and 1 MB chunks instead of 16 KB halve its time.
 */
export const CHUNK = 1 << 20;

export interface MemberChecksum {
  sha256: string;
  bytes: number;
}

type Decompressor = ReturnType<typeof createGunzip> | ReturnType<typeof createZstdDecompress>;

/** Which decompressor an archive needs, from its magic bytes. */
function decompressorFor(file: string): Decompressor {
  const head = Buffer.alloc(4);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (head.readUInt32LE(0) === 0xfd2fb528) return createZstdDecompress({ chunkSize: CHUNK });
  if (head[0] === 0x1f && head[1] === 0x8b) return createGunzip({ chunkSize: CHUNK });
  throw new Error('neither a zstd nor a gzip archive');
}

function memberPath(entry: ReadEntry): string {
  return entry.path.replace(/^\.\//, '').replace(/\/$/, '');
}

/** The only paths a backup holds: anything else (links, ../, absolute, nested folders) is refused. */
function allowedPath(path: string): boolean {
  if (path === MANIFEST_MEMBER || path === DATABASE_MEMBER) return true;
  const name = path.startsWith(`${ATTACHMENTS_MEMBER}/`) ? path.slice(ATTACHMENTS_MEMBER.length + 1) : null;
  return name !== null && name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name);
}

/** What is done with one member's bytes as they are decoded, and what is kept of it. */
interface MemberReader<T> {
  data(chunk: Buffer): void;
  end(): T;
  /** The archive stopped before the member's end. */
  close(): void;
}

/** SHA-256 and size of a member, written to `extractTo` too when given; a failed write is reported once and writing stops. */
function hashMember(
  extractTo: string | undefined,
  writeFailed: (error: unknown) => void,
): MemberReader<MemberChecksum> {
  const hash = createHash('sha256');
  let bytes = 0;
  let fd = extractTo ? openSync(extractTo, 'w') : null;
  const close = () => {
    if (fd !== null) closeSync(fd);
    fd = null;
  };
  return {
    data(chunk) {
      hash.update(chunk);
      bytes += chunk.length;
      if (fd === null) return;
      try {
        writeSync(fd, chunk);
      } catch (error) {
        writeFailed(error);
        close();
      }
    },
    end() {
      close();
      return { sha256: hash.digest('hex'), bytes };
    },
    close,
  };
}

/** A member read back as it was written: its size, and whether it equals the staged file it was packed from. */
export interface StagedMatch {
  bytes: number;
  sameAsStaged: boolean;
}

/**
 * Whether a member holds exactly the bytes of the staged file it was packed from, read at the same
 * offsets into one buffer: comparing costs a fraction of hashing the member again.
 */
export function stagedComparer(stagingDir: string): (path: string) => MemberReader<StagedMatch> {
  let scratch = Buffer.alloc(0);
  return (path) => {
    let fd: number | null = null;
    try {
      fd = openSync(join(stagingDir, path), 'r');
    } catch {
      // Not staged: not the same.
    }
    let same = fd !== null;
    let bytes = 0;
    const close = () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    };
    return {
      data(chunk) {
        if (same && fd !== null) {
          if (scratch.length < chunk.length) scratch = Buffer.allocUnsafe(Math.max(chunk.length, CHUNK));
          const n = readSync(fd, scratch, 0, chunk.length, bytes);
          same = n === chunk.length && scratch.subarray(0, n).equals(chunk);
        }
        bytes += chunk.length;
      },
      end() {
        // Nothing left over in the staged file either.
        if (same && fd !== null) same = fstatSync(fd).size === bytes;
        close();
        return { bytes, sameAsStaged: same };
      },
      close,
    };
  };
}

export interface Parsed<T> {
  files: Map<string, T>;
  manifestText: string | null;
  /** Members no backup holds. */
  strange: string[];
}

/**
 * The compressed bytes of an archive, from a file or as they are written, through tar's parser:
 * each regular member (but the manifest, kept as text) goes to its own reader. Only a damaged
 * stream rejects here; what the members are is judged by manifestOf.
 */
export async function parseArchive<T>(
  source: Readable,
  decompressor: Decompressor,
  readMember: (path: string) => MemberReader<T>,
): Promise<Parsed<T>> {
  const parsed: Parsed<T> = { files: new Map(), manifestText: null, strange: [] };
  const open = new Set<MemberReader<T>>();
  try {
    const read = (entry: ReadEntry) => {
      const path = memberPath(entry);
      if (entry.type === 'Directory' && (path === ATTACHMENTS_MEMBER || path === '')) return;
      if ((entry.type !== 'File' && entry.type !== 'OldFile') || !allowedPath(path)) {
        parsed.strange.push(path);
        return;
      }
      if (path === MANIFEST_MEMBER) {
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => {
          parsed.manifestText = Buffer.concat(chunks).toString('utf8');
        });
        return;
      }
      const reader = readMember(path);
      open.add(reader);
      entry.on('data', (chunk: Buffer) => reader.data(chunk));
      entry.on('end', () => {
        open.delete(reader);
        parsed.files.set(path, reader.end());
      });
    };
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry: ReadEntry) => {
        read(entry);
        entry.resume();
      },
    });
    await feed(source, decompressor, parser);
  } finally {
    for (const reader of open) reader.close();
  }
  return parsed;
}

/** The archive's bytes through its decompressor into tar's parser, which rejects a damaged stream. */
async function feed(source: Readable, decompressor: Decompressor, parser: Parser): Promise<void> {
  let failure: unknown = null;
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('error', (error: unknown) => {
      failure ??= error;
      reject(error);
    });
    parser.on('end', () => resolve());
  });
  parsed.catch(() => undefined);
  await pipeline(source, decompressor, async (decompressed: AsyncIterable<Buffer>) => {
    for await (const chunk of decompressed) {
      if (failure) throw failure;
      if (!parser.write(chunk)) await Promise.race([once(parser, 'drain'), parsed]);
    }
    parser.end();
  });
  await parsed;
}

/** A failure as plain data: an Error sent from a worker loses its code (ENOSPC, EACCES…) on the way. */
export interface FailureData {
  message: string;
  code: string | null;
}

export function failureOf(error: unknown): FailureData {
  return {
    message: error instanceof Error ? error.message : String(error),
    code: error && typeof error === 'object' && 'code' in error ? String(error.code) : null,
  };
}

/**
 * Read the whole archive once (gzip or zstd, told apart by their magic bytes), hashing each member;
 * strict, so a damaged stream rejects. With `extractTo`, the members are written there in the same
 * pass, so a restore reads the archive once: the checksums are of exactly the bytes written. A full
 * disk while extracting is the disk's fault, not the archive's: it is returned, not thrown.
 */
export async function readArchiveFile(
  file: string,
  extractTo?: string,
): Promise<{ parsed: Parsed<MemberChecksum>; writeFailure: FailureData | null }> {
  const decompressor = decompressorFor(file);
  let writeFailure: FailureData | null = null;
  if (extractTo) mkdirSync(join(extractTo, ATTACHMENTS_MEMBER), { recursive: true });
  const parsed = await parseArchive(createReadStream(file, { highWaterMark: CHUNK }), decompressor, (path) =>
    hashMember(extractTo && join(extractTo, path), (error) => (writeFailure ??= failureOf(error))),
  );
  return { parsed, writeFailure };
}
