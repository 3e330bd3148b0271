import { createHash } from 'node:crypto';
import { closeSync, createWriteStream, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants as zlib, createZstdCompress, createZstdDecompress } from 'node:zlib';
import { Header, Pack } from 'tar';
import {
  CHUNK,
  DATABASE_MEMBER,
  parseArchive,
  stagedComparer,
  type Parsed,
  type StagedMatch,
} from './archiveRead.ts';
import { sha256FileSync } from './sha256File.ts';

/*
 * Writing a backup archive: zstd level 1 through node:zlib packs a shop's database at a few hundred
 * MB/s, about as small as gzip. A backup runs this in a worker thread (archiveWriteWorker.ts),
 * loaded by Node itself in tests: node: modules, tar, type imports and the files above only.
 */

export interface Written {
  /** SHA-256 of the bytes written, and of the file read from the disk afterwards. */
  sha256: string;
  fileSha256: string;
  /** What the bytes written decode to, each member compared with its staged file; rejects if they do not decode. */
  readBack: Promise<Parsed<StagedMatch>>;
}

/**
 * A zstd'd tar being written to `dest` from the staging folder: the database first, then members as
 * they are added (the manifest last, once the checks that fill it are done); `finish` waits for
 * the file. The compressed bytes are read back as they are written (decompressed and parsed as
 * `readArchiveFile` does) and each member compared with its staged file, whose checksum the
 * manifest holds, instead of being hashed a second time.
 */
export function writeArchive(
  stagingDir: string,
  dest: string,
): { add(member: string): void; finish(): Promise<Written> } {
  // tar reads 16 MB at a time by default, which costs more than the compression; 1 MB does not.
  const pack = new Pack({ cwd: stagingDir, portable: true, maxReadSize: CHUNK });
  const zstd = createZstdCompress({ chunkSize: CHUNK, params: { [zlib.ZSTD_c_compressionLevel]: 1 } });
  const fail = (error: unknown) => zstd.destroy(error instanceof Error ? error : new Error(String(error)));
  pack.on('error', fail);
  // The other members follow the database (tar's Pack writes the end of the archive).
  packFile(zstd, stagingDir, DATABASE_MEMBER).then(() => pack.pipe(zstd), fail);
  const readBack = new PassThrough();
  const read = parseArchive(readBack, createZstdDecompress({ chunkSize: CHUNK }), stagedComparer(stagingDir));
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
      // The file as it lies on the disk, read once more: it must hold exactly the bytes written.
      return { sha256: hash.digest('hex'), fileSha256: sha256FileSync(dest).sha256, readBack: read };
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
    const header = new Header({
      path: member,
      mode: 0o644,
      size: stat.size,
      mtime: stat.mtime,
      type: 'File',
    });
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
