import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  fstatSync,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlib, createGunzip, createZstdCompress, createZstdDecompress } from 'node:zlib';
import { Header, Pack, Parser, type ReadEntry } from 'tar';
import { backupManifest, type BackupManifest } from '@shared/schemas/backup';

export const MANIFEST_MEMBER = 'manifest.json';
export const DATABASE_MEMBER = 'after-sales.db';
export const ATTACHMENTS_MEMBER = 'attachments';
/** Archives are zstd'd tars; gzip'd ones (`.tar.gz`, written before issue 18) still restore. */
export const ARCHIVE_EXTENSION = '.tar.zst';
export const OLD_ARCHIVE_EXTENSION = '.tar.gz';

/**
 * zstd level 1 through node:zlib (Node ≥ 22.15, so in Electron 45's Node 24): it packs a shop's
 * database at a few hundred MB/s, about as small as gzip. node:zlib runs it on libuv's threads, off
 * the main thread (tar's own compression runs inline); 1 MB chunks instead of 16 KB halve its time.
 */
const CHUNK = 1 << 20;

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
  throw new ArchiveError('neither a zstd nor a gzip archive');
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

export interface ArchiveContents {
  manifest: BackupManifest;
  /** Member path → SHA-256 and size, for every regular file except the manifest. */
  files: Map<string, { sha256: string; bytes: number }>;
}

class ArchiveError extends Error {}

/** Writing an extracted member failed (a full disk, say): not a fault of the archive. */
export class ExtractWriteError extends Error {
  constructor(readonly failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** What is done with one member's bytes as they are decoded, and what is kept of it. */
interface MemberReader<T> {
  data(chunk: Buffer): void;
  end(): T;
  /** The archive stopped before the member's end. */
  close(): void;
}

/**
 * Read the whole archive once (gzip or zstd, told apart by their magic bytes), hashing each member;
 * strict, so a damaged stream rejects. With `extractTo`, the members are written there in the same
 * pass, so a restore reads the archive once: the checksums are of exactly the bytes written.
 */
export async function readArchive(file: string, extractTo?: string): Promise<ArchiveContents> {
  const decompressor = decompressorFor(file);
  let writeError: unknown = null;
  if (extractTo) mkdirSync(join(extractTo, ATTACHMENTS_MEMBER), { recursive: true });
  const parsed = await parseArchive(createReadStream(file, { highWaterMark: CHUNK }), decompressor, (path) =>
    hashMember(extractTo && join(extractTo, path), (error) => (writeError ??= error)),
  );
  // A full disk while extracting is the disk's fault, not the archive's: the caller says so.
  if (writeError) throw new ExtractWriteError(writeError);
  return { manifest: manifestOf(parsed), files: parsed.files };
}

/** SHA-256 and size of a member, written to `extractTo` too when given; a failed write is reported once and writing stops. */
function hashMember(
  extractTo: string | undefined,
  writeFailed: (error: unknown) => void,
): MemberReader<{ sha256: string; bytes: number }> {
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

/**
 * Whether a member holds exactly the bytes of the staged file it was packed from, read at the same
 * offsets into one buffer: comparing costs a fraction of hashing the member again.
 */
export function stagedComparer(stagingDir: string): (path: string) => MemberReader<{ bytes: number; sameAsStaged: boolean }> {
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

interface Parsed<T> {
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
async function parseArchive<T>(
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

/** Every member listed in the manifest is present with its checksum, and nothing else is. */
export function compareMembers(
  manifest: BackupManifest,
  files: Map<string, { sha256: string; bytes: number }>,
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
