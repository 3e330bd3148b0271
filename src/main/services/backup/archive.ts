import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readSync,
  writeSync,
} from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlib, createGunzip, createZstdCompress, createZstdDecompress } from 'node:zlib';
import { Pack, Parser, type ReadEntry } from 'tar';
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
  /** What the bytes written decode to, read as a restore reads them; rejects if they do not. */
  readBack: Promise<ArchiveContents>;
}

/**
 * A zstd'd tar being written to `dest` from members of the staging folder: members are added as
 * they are ready (the manifest last, once the checks that fill it are done), then `finish` waits
 * for the file. The compressed bytes are read back as they are written (decompressed, parsed and
 * hashed as `readArchive` does, on cores the checks leave free) instead of from the file afterwards.
 */
export function startArchive(
  stagingDir: string,
  dest: string,
): { add(member: string): void; finish(): Promise<WrittenArchive> } {
  // tar reads 16 MB at a time by default, which costs more than the compression; 1 MB does not.
  const pack = new Pack({ cwd: stagingDir, portable: true, maxReadSize: CHUNK });
  const zstd = createZstdCompress({ chunkSize: CHUNK, params: { [zlib.ZSTD_c_compressionLevel]: 1 } });
  pack.on('error', (error: unknown) =>
    zstd.destroy(error instanceof Error ? error : new Error(String(error))),
  );
  pack.pipe(zstd);
  const readBack = new PassThrough();
  const read = parseArchive(readBack, createZstdDecompress({ chunkSize: CHUNK }));
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

/**
 * Read the whole archive once (gzip or zstd, told apart by their magic bytes), hashing each member;
 * strict, so a damaged stream rejects. With `extractTo`, the members are written there in the same
 * pass, so a restore reads the archive once: the checksums are of exactly the bytes written.
 */
export async function readArchive(file: string, extractTo?: string): Promise<ArchiveContents> {
  const decompressor = decompressorFor(file);
  return parseArchive(createReadStream(file, { highWaterMark: CHUNK }), decompressor, extractTo);
}

/** The compressed bytes of an archive, from a file or as they are written, read as readArchive says. */
async function parseArchive(
  source: Readable,
  decompressor: Decompressor,
  extractTo?: string,
): Promise<ArchiveContents> {
  const files = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | null = null;
  const strange: string[] = [];
  const open = new Set<number>();
  let writeError: unknown = null;
  if (extractTo) mkdirSync(join(extractTo, ATTACHMENTS_MEMBER), { recursive: true });
  try {
    const read = (entry: ReadEntry) => {
      const path = memberPath(entry);
      if (entry.type === 'Directory' && (path === ATTACHMENTS_MEMBER || path === '')) return;
      if ((entry.type !== 'File' && entry.type !== 'OldFile') || !allowedPath(path)) {
        strange.push(path);
        return;
      }
      const hash = createHash('sha256');
      const chunks: Buffer[] = [];
      let bytes = 0;
      let fd: number | null = null;
      if (extractTo && path !== MANIFEST_MEMBER) {
        fd = openSync(join(extractTo, path), 'w');
        open.add(fd);
      }
      entry.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        bytes += chunk.length;
        if (path === MANIFEST_MEMBER) chunks.push(chunk);
        else if (fd !== null && writeError === null) {
          try {
            writeSync(fd, chunk);
          } catch (error) {
            writeError = error;
          }
        }
      });
      entry.on('end', () => {
        if (fd !== null) {
          closeSync(fd);
          open.delete(fd);
        }
        if (path === MANIFEST_MEMBER) manifestText = Buffer.concat(chunks).toString('utf8');
        else files.set(path, { sha256: hash.digest('hex'), bytes });
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
    for (const fd of open) closeSync(fd);
  }
  // A full disk while extracting is the disk's fault, not the archive's: the caller says so.
  if (writeError) throw new ExtractWriteError(writeError);
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
  return { manifest: parsed.data, files };
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
