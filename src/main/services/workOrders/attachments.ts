import { createHash } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { MAX_ATTACHMENT_BYTES, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { attachments } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Deps } from '../context';
import { actorOf } from '../users';
import { addEvent } from './events';
import { loadOrder } from './lookups';
import { readDetail } from './read';
import { touchOrder } from './update';

const IMAGE_TYPES = {
  'image/png': {
    ext: 'png',
    magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')),
  },
  'image/jpeg': { ext: 'jpg', magic: (b: Buffer) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  'image/webp': {
    ext: 'webp',
    magic: (b: Buffer) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP',
  },
} as const;
type ImageMime = keyof typeof IMAGE_TYPES;

function attachmentsDir(deps: Deps): string {
  if (!deps.dataDir) throw new Error('no data folder for attachments');
  return join(deps.dataDir, 'attachments');
}

/** The image inside a data URL, refused when too large or when its bytes are not the type it claims. */
function decodeImage(dataUrl: string): { mime: ImageMime; bytes: Buffer } {
  const head = /^data:(image\/(?:png|jpeg|webp));base64,/.exec(dataUrl);
  if (!head) throw fieldError('dataUrl', 'imageRefused', { problem: 'type' }, 'PNG, JPEG or WebP image');
  const mime = head[1] as ImageMime;
  const base64 = dataUrl.slice(head[0].length);
  // Refuse an oversized upload before decoding it.
  if (Math.floor((base64.replace(/=+$/, '').length * 3) / 4) > MAX_ATTACHMENT_BYTES) {
    throw fieldError('dataUrl', 'imageRefused', { problem: 'tooLarge' }, 'image larger than 8 MB');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw fieldError('dataUrl', 'imageRefused', { problem: 'tooLarge' }, 'image larger than 8 MB');
  }
  if (!IMAGE_TYPES[mime].magic(bytes)) {
    throw fieldError('dataUrl', 'imageRefused', { problem: 'content' }, `not a ${mime} image`);
  }
  return { mime, bytes };
}

/** Write under a temporary name, sync, then rename: a crash never leaves half a photo under the real name. */
function writeFileAtomic(path: string, bytes: Buffer): void {
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
}

/**
 * Keep a photo with the order: the file goes to `<dataDir>/attachments/<uuid>.<ext>`, then its row,
 * timeline entry and audit are written in one transaction; if that fails the file is removed again.
 * Closed orders take photos too (a picture of the signed hand-over, a damage claim after delivery).
 */
export function addAttachment(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.addAttachment'>,
): WorkOrderDetail {
  const { db, now } = ctx.deps;
  loadOrder(db, input.id);
  const { mime, bytes } = decodeImage(input.dataUrl);
  const dir = attachmentsDir(ctx.deps);
  mkdirSync(dir, { recursive: true });
  const id = uuidv7();
  const storedName = `${id}.${IMAGE_TYPES[mime].ext}`;
  const path = join(dir, storedName);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  writeFileAtomic(path, bytes);
  try {
    return db.transaction((tx) => {
      const order = loadOrder(tx, input.id);
      const at = now();
      const row = {
        id,
        workOrderId: order.id,
        fileName: input.fileName,
        mime,
        size: bytes.length,
        storedName,
        sha256,
        createdBy: ctx.user?.id ?? '',
        createdAt: at,
      };
      tx.insert(attachments).values(row).run();
      touchOrder(tx, order.id, at);
      addEvent(tx, {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'attachment',
        note: input.fileName,
        data: { attachmentId: id, fileName: input.fileName, mime, size: bytes.length },
      });
      writeAudit(tx, {
        at,
        actor: actorOf(ctx.user),
        action: 'create',
        entity: 'workOrderAttachment',
        entityId: id,
        after: { workOrderId: order.id, fileName: input.fileName, mime, size: bytes.length, sha256 },
      });
      return readDetail(tx, order.id, ctx.user, at);
    });
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/** A stored photo back as a data URL; its checksum is verified so a damaged file is reported, not shown. */
export function readAttachment(ctx: CallContext, id: string): OutputOf<'workOrders.attachment'> {
  const row = ctx.deps.db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row) {
    throw fieldError('id', 'attachmentNotFound', {}, 'attachment not found');
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(attachmentsDir(ctx.deps), basename(row.storedName)));
  } catch (error) {
    ctx.deps.log.error(`attachment file ${row.storedName} cannot be read`, error);
    throw new AppError('attachmentFileMissing', {}, 'attachment file is missing from the data folder');
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    ctx.deps.log.error(`attachment file ${row.storedName} does not match its checksum`);
    throw new AppError('attachmentDamaged', {}, 'attachment file is damaged');
  }
  return { fileName: row.fileName, dataUrl: `data:${row.mime};base64,${bytes.toString('base64')}` };
}
