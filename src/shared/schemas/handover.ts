import { z } from 'zod';
import { epochMs, id } from './common';

/**
 * 客户签名: signed at intake (接机), at hand-over (取机) or on the 上门 service report (服务确认单).
 * One of each per order, never replaced.
 */
export const SIGNATURE_KINDS = ['intake', 'pickup', 'onsite'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

/**
 * A signature is a PNG as a data URL. 200 KB holds a full-width tablet signature many times over
 * (a typical one is 10–30 KB); the service checks the size before decoding and the bytes after.
 */
export const MAX_SIGNATURE_BYTES = 200 * 1024;
/**
 * Text far beyond any signature (twice the limit, in base64) is refused by zod unread; anything up
 * to it reaches the service, which refuses an oversize image in words of its own (signatureRefused).
 */
const MAX_SIGNATURE_CHARS = Math.ceil((2 * MAX_SIGNATURE_BYTES) / 3) * 4 + 64;
export const signatureImage = z.string().min(1).max(MAX_SIGNATURE_CHARS);

/** A stored signature as the order's page and the printed forms get it. */
export const signatureView = z.object({
  id,
  kind: z.enum(SIGNATURE_KINDS),
  dataUrl: z.string(),
  width: z.int(),
  height: z.int(),
  recordedBy: z.string(),
  recordedAt: epochMs,
});
export type SignatureView = z.infer<typeof signatureView>;

/** The free-text "other items" of the intake (accessoriesNote) is one checklist line of its own. */
export const HANDOVER_OTHER = 'other';

/** One checklist line: an accessory key (or `other`), whether it went back, and why not. */
export const handoverItemInput = z
  .object({
    item: z.string().min(1).max(20),
    returned: z.boolean(),
    note: z.string().trim().max(200).default(''),
  })
  .strict();

export const ID_NOTE_MAX = 60;

/**
 * 交机 at delivery: each accessory and item recorded at intake ticked as returned or explained, whether
 * the customer brought the claim ticket (a scan fills it in) and, without it, the ID seen, and the
 * customer's pickup signature.
 */
export const handoverInput = z
  .object({
    items: z.array(handoverItemInput).max(20).default([]),
    withoutTicket: z.boolean().default(false),
    /** Without the ticket: the ID seen (e.g. the ID card's last digits). Not taken with the ticket. */
    idNote: z.string().trim().max(ID_NOTE_MAX).default(''),
    signature: signatureImage.nullable().default(null),
  })
  .strict()
  .refine((h) => h.withoutTicket || h.idNote === '', {
    path: ['idNote'],
    message: 'an ID note is taken only for a pickup without the claim ticket',
  });
export type HandoverInput = z.input<typeof handoverInput>;

/** The intake signature given after the order was taken (the customer signs on the tablet later). */
export const signIntakeInput = z.object({ id, signature: signatureImage }).strict();

/** A stored hand-over as the order's page and the settlement form get it. */
export const handoverView = z.object({
  items: z.array(z.object({ item: z.string(), returned: z.boolean(), note: z.string() })),
  withoutTicket: z.boolean(),
  idNote: z.string(),
  recordedBy: z.string(),
  recordedAt: epochMs,
});
export type HandoverView = z.infer<typeof handoverView>;

export const PICKUP_SIGNATURE_MODES = ['off', 'ask', 'required'] as const;

/** 交机设置: whether the customer signs at pickup, and whether a pickup without the ticket needs an ID note. */
export const handoverSettings = z
  .object({
    /** off: no pad at delivery; ask: offered, may be skipped; required: delivery refused without it. */
    pickupSignature: z.enum(PICKUP_SIGNATURE_MODES).default('off'),
    /** A pickup without the claim ticket needs the ID seen (e.g. the ID card's last digits). */
    idNoteWithoutTicket: z.boolean().default(false),
  })
  .strict();
export type HandoverSettings = z.infer<typeof handoverSettings>;

// ── Timeline events ──
/** 客户签名 taken for intake (at intake or later): which stored signature. */
export const signatureEventData = z.object({ signatureId: id, kind: z.enum(SIGNATURE_KINDS) });
/** 交机: the checklist as ticked, the ticket, the ID seen, and the pickup signature if given. */
export const handoverEventData = z.object({
  items: z.array(z.object({ item: z.string(), returned: z.boolean(), note: z.string() })),
  withoutTicket: z.boolean(),
  idNote: z.string(),
  signatureId: id.nullable(),
});
