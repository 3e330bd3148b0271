import { z } from 'zod';
import { epochMs, id } from './common';
import { fen } from './stock';

/** How many of a part a work order uses or waits for; the forms check against this same schema. */
export const orderQty = z.int().min(1).max(10_000);
const qty = orderQty;
const oldPartSerial = z.string().trim().max(80);

/** A part used on a work order. Its stock left the shelf through an orderIssue document. */
export const orderPartLine = z.object({
  id,
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  partSpec: z.string(),
  unit: z.string(),
  qty: z.int(),
  /** What the customer is charged per unit (fen); defaults to the part's sale price. */
  unitPrice: fen,
  /** The moving-average cost when the part was issued (fen), for warranty-claim reporting. */
  unitCost: fen,
  /** Covered by warranty: charged at zero to the customer, the cost kept for the claim. */
  coveredByWarranty: z.boolean(),
  /** The removed old part (旧件): its serial, and whether it goes back to the vendor (RMA). */
  oldPartSerial: z.string(),
  oldPartRma: z.boolean(),
  issueDocNo: z.string(),
  addedBy: z.string().nullable(),
  addedAt: epochMs,
});
export type OrderPartLine = z.infer<typeof orderPartLine>;

export const addOrderPartInput = z
  .object({
    /** The work order. */
    id,
    partId: id,
    qty,
    /** Defaults to the part's sale price. */
    unitPrice: fen.optional(),
    /** Defaults to whether the order is in warranty (in / repair warranty). */
    coveredByWarranty: z.boolean().optional(),
    oldPartSerial: oldPartSerial.default(''),
    oldPartRma: z.boolean().default(false),
  })
  .strict();

/** Price, warranty and old-part details; a different quantity is a removal and a new line. */
export const updateOrderPartInput = z
  .object({
    lineId: id,
    unitPrice: fen.optional(),
    coveredByWarranty: z.boolean().optional(),
    oldPartSerial: oldPartSerial.optional(),
    oldPartRma: z.boolean().optional(),
  })
  .strict();

/** Puts the line's parts back on the shelf through an orderReturn document. */
export const removeOrderPartInput = z
  .object({ lineId: id, reason: z.string().trim().max(200).default('') })
  .strict();

/** What an order in 待料 waits for; given when it moves to awaiting parts. */
export const waitingForInput = z
  .array(z.object({ partId: id, qty }).strict())
  .max(20)
  .refine((l) => new Set(l.map((w) => w.partId)).size === l.length, { message: 'a part is listed twice' });

export const waitingPart = z.object({
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  qty: z.int(),
  since: epochMs,
  /** Set when a purchase receipt brought the part in (first come, first served among waiting orders). */
  arrivedAt: epochMs.nullable(),
  arrivedDocNo: z.string().nullable(),
});
export type WaitingPart = z.infer<typeof waitingPart>;
