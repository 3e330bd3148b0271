import { z } from 'zod';
import { WORK_ORDER_STATUSES } from '../workOrderStatus';
import { WARRANTY_STATUSES } from '../warranty';
import { epochMs, id, page, pageSize, paged } from './common';
import { PRIORITIES } from './settings';
import { orderPartLine, waitingForInput, waitingPart } from './orderParts';
import { chargeLine } from './charges';
import { fen } from './stock';
import { settlementSummary } from './settlements';

export const CHANNELS = ['walkIn', 'phone', 'onsite', 'online'] as const;
export const SERVICE_TYPES = [
  'repair',
  'maintenance',
  'installation',
  'inspection',
  'returnExchange',
] as const;
export const APPROVAL_METHODS = ['inPerson', 'phone', 'message', 'written'] as const;
/** The checklist at intake; anything else goes in the free-text note. */
export const ACCESSORIES = [
  'charger',
  'cable',
  'battery',
  'case',
  'simTray',
  'memoryCard',
  'box',
  'manual',
  'remote',
] as const;
export const EVENT_KINDS = [
  'created',
  'status',
  'assign',
  'edit',
  'note',
  'warranty',
  'approval',
  'attachment',
  /** A part line added, edited or removed. */
  'parts',
  /** A part the order waits for has been received. */
  'partArrived',
  /** A labor or fee line added, edited or removed. */
  'charges',
  /** A settlement made or voided, a payment or refund taken. */
  'settlement',
] as const;

export const status = z.enum(WORK_ORDER_STATUSES);
export const warrantyStatus = z.enum(WARRANTY_STATUSES);
/** Fen, up to the one money limit (MONEY_MAX_FEN). */
export const money = fen;

/** Who said yes to the quote, and how (the time and the recorder are the server's). */
export const approvalInput = z
  .object({ by: z.string().trim().min(1).max(40), method: z.enum(APPROVAL_METHODS) })
  .strict();

/** A typed PIN, or an Android pattern as the dot sequence "1-5-9-6". Kept apart from everything else. */
export const devicePassword = z.string().max(60).default('');

export const createWorkOrderInput = z
  .object({
    customerId: id,
    deviceId: id,
    channel: z.enum(CHANNELS).default('walkIn'),
    serviceType: z.enum(SERVICE_TYPES).default('repair'),
    priority: z.enum(PRIORITIES).default('normal'),
    reportedFault: z.string().trim().min(1).max(1000),
    accessories: z.array(z.enum(ACCESSORIES)).max(ACCESSORIES.length).default([]),
    accessoriesNote: z.string().trim().max(200).default(''),
    condition: z.string().trim().max(500).default(''),
    devicePassword,
    /** Defaults to intake time + the priority's SLA hours. */
    promisedAt: epochMs.optional(),
    technicianId: id.nullable().default(null),
    estimate: money.nullable().default(null),
    /** A rework (返修) of this earlier order of the same device. */
    reworkOfId: id.nullable().default(null),
    /** Overrides the computed warranty; the reason is logged. */
    warrantyOverride: z
      .object({ status: warrantyStatus, reason: z.string().trim().min(2).max(200) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

export const updateWorkOrderInput = z
  .object({
    id,
    priority: z.enum(PRIORITIES).optional(),
    reportedFault: z.string().trim().min(1).max(1000).optional(),
    accessories: z.array(z.enum(ACCESSORIES)).optional(),
    accessoriesNote: z.string().trim().max(200).optional(),
    condition: z.string().trim().max(500).optional(),
    devicePassword: z.string().max(60).optional(),
    promisedAt: epochMs.optional(),
    diagnosis: z.string().trim().max(2000).optional(),
    estimate: money.nullable().optional(),
    resolution: z.string().trim().max(2000).optional(),
  })
  .strict();

export const transitionInput = z
  .object({
    id,
    to: status,
    /** Required for cancelled / declined: the reason. */
    note: z.string().trim().max(500).default(''),
    /** Required when leaving a quote for the bench: the customer's yes. */
    approval: approvalInput.optional(),
    /**
     * Moving to awaiting parts: the catalog parts the order waits for. Without any, the note must
     * say what it waits for. Not allowed on any other move.
     */
    waitingFor: waitingForInput.default([]),
  })
  .strict();

/**
 * The customer approves a new amount after the lines outgrew the approved quote: the amount becomes
 * the approved quote (and the current estimate).
 */
export const renewApprovalInput = z
  .object({ id, amount: money, approval: approvalInput, note: z.string().trim().max(500).default('') })
  .strict();

export const assignInput = z
  .object({ id, technicianId: id.nullable(), note: z.string().trim().max(200).default('') })
  .strict();
export const noteInput = z.object({ id, note: z.string().trim().min(1).max(1000) }).strict();
export const overrideWarrantyInput = z
  .object({ id, status: warrantyStatus, reason: z.string().trim().min(2).max(200) })
  .strict();

export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;
export const addAttachmentInput = z
  .object({
    id,
    fileName: z.string().trim().min(1).max(120),
    /** A photo as a data URL; stored as a file in the data folder. */
    dataUrl: z
      .string()
      .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'PNG, JPEG or WebP image'),
  })
  .strict();

export const workOrderEvent = z.object({
  id,
  at: epochMs,
  username: z.string().nullable(),
  kind: z.enum(EVENT_KINDS),
  fromStatus: status.nullable(),
  toStatus: status.nullable(),
  note: z.string(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type WorkOrderEvent = z.infer<typeof workOrderEvent>;

export const attachment = z.object({
  id,
  fileName: z.string(),
  mime: z.string(),
  size: z.int(),
  createdAt: epochMs,
});

export const workOrderRow = z.object({
  id,
  orderNo: z.string(),
  status,
  customerId: id,
  customerName: z.string(),
  customerPhone: z.string(),
  deviceId: id,
  deviceLabel: z.string(),
  serialNo: z.string(),
  channel: z.enum(CHANNELS),
  serviceType: z.enum(SERVICE_TYPES),
  priority: z.enum(PRIORITIES),
  warrantyStatus,
  reportedFault: z.string(),
  technicianId: id.nullable(),
  technicianName: z.string().nullable(),
  promisedAt: epochMs,
  overdue: z.boolean(),
  isRework: z.boolean(),
  /** Awaiting parts, and every part it waits for has been received. */
  partsArrived: z.boolean(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type WorkOrderRow = z.infer<typeof workOrderRow>;

/**
 * The lines against the approved quote, as the server sees them now. `billed` is labor + parts + fees
 * before any discount, warranty lines at ¥0; `excess` is billed − approved when that is above the
 * tolerance in 收费设置, else 0. An excess blocks settling until the customer approves again.
 */
export const quoteCheck = z.object({
  approved: money.nullable(),
  billed: z.int().nonnegative(),
  excess: z.int().nonnegative(),
});
export type QuoteCheck = z.infer<typeof quoteCheck>;

export const workOrderDetail = workOrderRow.extend({
  accessories: z.array(z.enum(ACCESSORIES)),
  accessoriesNote: z.string(),
  condition: z.string(),
  /** Null when the caller's role may not see it; '' when none was given. */
  devicePassword: z.string().nullable(),
  hasDevicePassword: z.boolean(),
  warrantyComputed: warrantyStatus,
  warrantyOverrideReason: z.string().nullable(),
  reworkOfId: id.nullable(),
  reworkOfNo: z.string().nullable(),
  diagnosis: z.string(),
  estimate: money.nullable(),
  /** The estimate given at intake: what the intake forms print, whatever the quote became. */
  intakeEstimate: money.nullable(),
  /** The approval in force: the first, or the latest renewed one; `amount` is what was approved. */
  approval: z
    .object({
      by: z.string(),
      method: z.enum(APPROVAL_METHODS),
      at: epochMs,
      recordedBy: z.string(),
      amount: money.nullable(),
    })
    .nullable(),
  quote: quoteCheck,
  resolution: z.string(),
  cancelReason: z.string().nullable(),
  readyAt: epochMs.nullable(),
  deliveredAt: epochMs.nullable(),
  createdBy: z.string(),
  events: z.array(workOrderEvent),
  attachments: z.array(attachment),
  /** Part lines in use (removed lines are on the timeline). */
  parts: z.array(orderPartLine),
  /** While awaiting parts: what it waits for and whether each has arrived. */
  waitingFor: z.array(waitingPart),
  /** Labor and fee lines in use. */
  charges: z.array(chargeLine),
  /**
   * The active settlement, if one has been made. A role that may not read settlements gets only
   * its number and status (it locks the order's lines), never its money.
   */
  settlement: z
    .union([settlementSummary, settlementSummary.pick({ id: true, settlementNo: true, status: true })])
    .nullable(),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetail>;

export const WORK_ORDER_SORTS = ['createdAt', 'promisedAt', 'priority', 'updatedAt', 'orderNo'] as const;

export const listWorkOrdersInput = z
  .object({
    status: status.optional(),
    /** Only open orders (every status but delivered and cancelled). */
    openOnly: z.boolean().default(false),
    technicianId: id.optional(),
    /** The caller's own queue (我的工单). */
    mine: z.boolean().default(false),
    customerId: id.optional(),
    deviceId: id.optional(),
    from: epochMs.optional(),
    to: epochMs.optional(),
    overdue: z.boolean().optional(),
    warrantyStatus: warrantyStatus.optional(),
    channel: z.enum(CHANNELS).optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    /** Awaiting parts whose parts have all arrived. */
    partsArrived: z.boolean().optional(),
    /** Text: order number, customer (name, phone, code), device (brand, model, serial), fault or diagnosis. */
    q: z.string().trim().min(1).max(60).optional(),
    sort: z.enum(WORK_ORDER_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    page,
    pageSize,
  })
  .strict();
export type ListWorkOrdersInput = z.input<typeof listWorkOrdersInput>;

export const workOrderList = paged(workOrderRow).extend({
  /** Orders per status under the same filters (the status tab itself aside). */
  counts: z.record(status, z.int()),
});

export const attachmentData = z.object({ fileName: z.string(), dataUrl: z.string() });
