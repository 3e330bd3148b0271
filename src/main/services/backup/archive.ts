import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { constants as zlib, type ZstdOptions } from 'node:zlib';
import { create, list, type ReadEntry, type TarOptionsWithAliases } from 'tar';
import { backupManifest, type BackupManifest } from '@shared/schemas/backup';

export const MANIFEST_MEMBER = 'manifest.json';
export const DATABASE_MEMBER = 'after-sales.db';
export const ATTACHMENTS_MEMBER = 'attachments';
/** Archives are zstd'd tars; gzip'd ones (`.tar.gz`, written before issue 18) still restore. */
export const ARCHIVE_EXTENSION = '.tar.zst';
export const OLD_ARCHIVE_EXTENSION = '.tar.gz';

/**
 * zstd level 1: on a shop's database it packs at several hundred MB/s (gzip level 1 managed about
 * 30), about as small as gzip; it ships in node:zlib (Node ≥ 22.15, so in Electron 45's Node 24).
 */
const ZSTD: Exclude<TarOptionsWithAliases['zstd'], boolean | undefined> & ZstdOptions = {
  params: { [zlib.ZSTD_c_compressionLevel]: 1 },
};

/** Pack the staging folder's members into one zstd'd tar. `onEntry` fires per member (for progress). */
export async function writeArchive(
  stagingDir: string,
  members: string[],
  dest: string,
  onEntry: () => void,
): Promise<void> {
  await create(
    {
      zstd: ZSTD,
      file: dest,
      cwd: stagingDir,
      portable: true,
      onWriteEntry: onEntry,
    },
    members,
  );
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
  const files = new Map<string, { sha256: string; bytes: number }>();
  let manifestText: string | null = null;
  const strange: string[] = [];
  const open = new Set<number>();
  let writeError: unknown = null;
  if (extractTo) mkdirSync(join(extractTo, ATTACHMENTS_MEMBER), { recursive: true });
  try {
    await list({
      file,
      strict: true,
      onReadEntry: (entry) => {
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
      },
    });
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
