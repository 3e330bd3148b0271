import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import {
  HANDOVER_OTHER,
  MAX_SIGNATURE_BYTES,
  type HandoverSettings,
  type SignatureKind,
} from '@shared/schemas/handover';
import { ACCESSORIES, type WorkOrderDetail } from '@shared/schemas/workOrders';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { orderHandovers, orderSignatures, type WorkOrderRecord } from '../../db/schema';
import { callTerminal } from '../callScope';
import type { CallContext, Queryable, Tx } from '../context';
import { readHandover as readHandoverSettings } from '../settings';
import { recordUpdate } from './events';
import { loadOrder, normalizeAccessories, requireOpen } from './lookups';
import { readDetail } from './read';
import { touchOrder } from './update';

const PNG_MAGIC = Buffer.from('89504e470d0a1a0a', 'hex');
/** A signature wider or taller than this is not one drawn on a screen. */
const MAX_SIDE = 4096;
const MAX_KB = MAX_SIGNATURE_BYTES / 1024;

export interface DecodedSignature {
  png: Buffer;
  width: number;
  height: number;
}

/**
 * A signature PNG out of its data URL: refused when it is not a PNG data URL, when it is larger than
 * MAX_SIGNATURE_BYTES (judged from the base64 length before decoding) or when its bytes are not a
 * PNG with a sane header (magic, IHDR, width and height).
 */
export function decodeSignature(dataUrl: string, path: string): DecodedSignature {
  const refuse = (problem: 'type' | 'tooLarge' | 'content', why: string) =>
    fieldError(path, 'signatureRefused', { problem, maxKb: MAX_KB }, why);
  const head = 'data:image/png;base64,';
  if (!dataUrl.startsWith(head)) throw refuse('type', 'a signature is a PNG data URL');
  const base64 = dataUrl.slice(head.length);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw refuse('content', 'not base64');
  if (Math.floor((base64.replace(/=+$/, '').length * 3) / 4) > MAX_SIGNATURE_BYTES) {
    throw refuse('tooLarge', `signature larger than ${MAX_KB} KB`);
  }
  const png = Buffer.from(base64, 'base64');
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR') {
    throw refuse('content', 'not a PNG image');
  }
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
    throw refuse('content', `a ${width}×${height} image is not a signature`);
  }
  return { png, width, height };
}

/** Store one signature; a second of the same kind for the order is refused (never replaced). */
export function storeSignature(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  kind: SignatureKind,
  signature: DecodedSignature,
  at: number,
): { id: string; audit: Record<string, unknown> } {
  const taken = tx
    .select({ id: orderSignatures.id })
    .from(orderSignatures)
    .where(and(eq(orderSignatures.workOrderId, order.id), eq(orderSignatures.kind, kind)))
    .get();
  if (taken) {
    throw new AppError(
      'signatureExists',
      { orderNo: order.orderNo, kind },
      `work order ${order.orderNo} already has its ${kind} signature`,
    );
  }
  const id = uuidv7();
  tx.insert(orderSignatures)
    .values({
      id,
      workOrderId: order.id,
      kind,
      png: signature.png,
      width: signature.width,
      height: signature.height,
      recordedBy: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      recordedAt: at,
      terminalName: callTerminal()?.name ?? null,
    })
    .run();
  const sha256 = createHash('sha256').update(signature.png).digest('hex');
  // The audit names the image by its size and checksum, never its bytes.
  return {
    id,
    audit: {
      signatureId: id,
      kind,
      bytes: signature.png.length,
      width: signature.width,
      height: signature.height,
      sha256,
    },
  };
}

/** The intake signature taken with the order, in its creation's transaction. */
export function storeIntakeSignature(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  signature: DecodedSignature,
  at: number,
): Record<string, unknown> {
  const stored = storeSignature(tx, ctx, order, 'intake', signature, at);
  recordUpdate(
    tx,
    {
      workOrderId: order.id,
      at,
      actor: ctx.user,
      kind: 'signature',
      data: { signatureId: stored.id, kind: 'intake' },
    },
    { after: { signature: stored.audit } },
  );
  return stored.audit;
}

/**
 * The intake signature given after the order was taken (the customer signs later, or on the LAN
 * tablet): only while the order is open, and only once.
 */
export function signIntake(ctx: CallContext, input: ParsedInputOf<'workOrders.signIntake'>): WorkOrderDetail {
  const { db, now } = ctx.deps;
  const signature = decodeSignature(input.signature, 'signature');
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    requireOpen(order);
    const at = now();
    touchOrder(tx, order.id, at);
    storeIntakeSignature(tx, ctx, order, signature, at);
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/** What the customer takes back: the accessory keys recorded, then `other` for the free-text items. */
export function checklistOf(order: WorkOrderRecord): string[] {
  const keys = normalizeAccessories(
    JSON.parse(order.accessories) as (typeof ACCESSORIES)[number][],
    ACCESSORIES,
  );
  return order.accessoriesNote.trim() === '' ? keys : [...keys, HANDOVER_OTHER];
}

type HandoverIn = NonNullable<ParsedInputOf<'workOrders.transition'>['handover']>;

/** A hand-over checked and ready to store with the delivery. */
export interface PlannedHandover {
  items: { item: string; returned: boolean; note: string }[];
  withoutTicket: boolean;
  idNote: string;
  signature: DecodedSignature | null;
}

/**
 * The checks of a delivery's hand-over, before anything is written. Delivering an order with
 * accessories needs the checklist: every item recorded at intake, each returned or with a note why
 * not. The 交机 settings may also require the pickup signature and, without the claim ticket, the ID
 * seen. A hand-over is taken only at delivery.
 */
export function planHandover(
  q: Queryable,
  order: WorkOrderRecord,
  to: WorkOrderStatus,
  handover: HandoverIn | undefined,
): PlannedHandover | null {
  if (to !== 'delivered') {
    if (handover) {
      throw fieldError('handover', 'handoverOnlyAtDelivery', { to }, 'a hand-over is taken only at delivery');
    }
    return null;
  }
  const settings: HandoverSettings = readHandoverSettings(q);
  const expected = checklistOf(order);
  const orderNo = order.orderNo;
  if (!handover) {
    if (expected.length > 0 || settings.idNoteWithoutTicket) {
      throw fieldError('handover', 'handoverRequired', { orderNo }, `deliver ${orderNo} with its hand-over`);
    }
    if (settings.pickupSignature === 'required') {
      throw fieldError(
        'handover.signature',
        'pickupSignatureRequired',
        { orderNo },
        'the pickup signature is required',
      );
    }
    return null;
  }
  const given = handover.items.map((i) => i.item);
  const sameItems =
    given.length === expected.length &&
    new Set(given).size === given.length &&
    expected.every((key) => given.includes(key));
  if (!sameItems) {
    throw fieldError(
      'handover.items',
      'handoverItemsMismatch',
      { orderNo },
      `the checklist must list exactly ${expected.join(', ') || 'nothing'}`,
    );
  }
  handover.items.forEach((line, index) => {
    if (!line.returned && line.note === '') {
      throw fieldError(
        `handover.items.${index}.note`,
        'handoverNoteRequired',
        { item: line.item },
        `${line.item} was not returned: say why`,
      );
    }
  });
  if (settings.pickupSignature === 'required' && handover.signature === null) {
    throw fieldError(
      'handover.signature',
      'pickupSignatureRequired',
      { orderNo },
      'the pickup signature is required',
    );
  }
  if (settings.idNoteWithoutTicket && handover.withoutTicket && handover.idNote === '') {
    throw fieldError(
      'handover.idNote',
      'idNoteRequired',
      { orderNo },
      'no claim ticket: an ID note is required',
    );
  }
  const signature = handover.signature ? decodeSignature(handover.signature, 'handover.signature') : null;
  // In the checklist's order, whatever order the lines came in.
  const items = expected.map((key) => {
    const line = handover.items.find((i) => i.item === key);
    return { item: key, returned: line?.returned ?? false, note: line?.note ?? '' };
  });
  return { items, withoutTicket: handover.withoutTicket, idNote: handover.idNote, signature };
}

/** Store the hand-over (and its signature) in the delivery's transaction, with its timeline entry. */
export function recordHandover(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  plan: PlannedHandover,
  at: number,
): void {
  const signed = plan.signature ? storeSignature(tx, ctx, order, 'pickup', plan.signature, at) : null;
  tx.insert(orderHandovers)
    .values({
      id: uuidv7(),
      workOrderId: order.id,
      items: JSON.stringify(plan.items),
      withoutTicket: plan.withoutTicket,
      idNote: plan.idNote,
      signatureId: signed?.id ?? null,
      recordedBy: ctx.user?.id ?? null,
      username: ctx.user?.username ?? null,
      recordedAt: at,
    })
    .run();
  const data = {
    items: plan.items,
    withoutTicket: plan.withoutTicket,
    idNote: plan.idNote,
    signatureId: signed?.id ?? null,
  };
  recordUpdate(
    tx,
    { workOrderId: order.id, at, actor: ctx.user, kind: 'handover', data },
    { after: { handover: { ...data, ...(signed ? { signature: signed.audit } : {}) } } },
  );
}
