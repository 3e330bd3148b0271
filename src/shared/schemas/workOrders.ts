import { z } from 'zod';
import { OUTCOMES, UNREPAIRABLE_REASONS, WORK_ORDER_STATUSES } from '../workOrderStatus';
import { COMPLAINT_STATUSES } from './complaintKinds';
import { MESSAGE_CHANNELS, MESSAGE_EVENTS, OUTBOX_REASONS, OUTBOX_STATES } from './messageKinds';
import {
  CALL_RESULTS,
  FOLLOW_UP_STATES,
  SATISFACTION_DIMENSIONS,
  score,
  type SatisfactionDimension,
} from './followUps';
import { WARRANTY_STATUSES } from '../warranty';
import { epochMs, id, page, pageSize, paged, recordVersion } from './common';
import { PRIORITIES } from './settings';
import { orderPartLine, waitingForInput, waitingPart } from './orderParts';
import { chargeLine } from './charges';
import { fen } from './stock';
import { PAYMENT_METHODS, PAYMENT_STATUSES, settlementSummary } from './settlements';
import { SERVICE_ITEM_KINDS } from './billing';
import { depositAtIntake, depositSummary } from './deposits';
import { CHANNELS, SERVICE_TYPES } from './orderKinds';
import { READING_MAX } from './readings';
import {
  handoverEventData,
  handoverInput,
  handoverView,
  signatureEventData,
  signatureImage,
  signatureView,
} from './handover';
import { onsiteEventData, visitAtIntake } from './onsite';

export { CHANNELS, SERVICE_TYPES };
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
  /** 回访: the follow-up made at delivery, each call, an opt-out. */
  'followUp',
  /** 投诉 about this order: taken, and each step. */
  'complaint',
  /** 客户签名 for intake, at intake or later. */
  'signature',
  /** 交机: the checklist, the claim ticket or the ID seen, the pickup signature. */
  'handover',
  /** A message to the customer (发件箱): queued or offered to the clerk, then sent, failed or not sent. */
  'message',
  /** 订金 taken or given back. */
  'deposit',
  /** 上门: the visit scheduled or changed, the technician's arrival and finish. */
  'onsite',
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

/** The longest fault description an order keeps, at the counter and from an imported history. */
export const FAULT_MAX_LENGTH = 1000;

export const createWorkOrderInput = z
  .object({
    customerId: id,
    deviceId: id,
    channel: z.enum(CHANNELS).default('walkIn'),
    serviceType: z.enum(SERVICE_TYPES).default('repair'),
    priority: z.enum(PRIORITIES).default('normal'),
    reportedFault: z.string().trim().min(1).max(FAULT_MAX_LENGTH),
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
    /** The customer's intake signature (PNG data URL), optional. */
    signature: signatureImage.nullable().default(null),
    /** 订金 taken at intake, in the same transaction as the order. */
    deposit: depositAtIntake.optional(),
    /** The odometer (km) at intake: required for a vehicle; below the last reading needs the reason. */
    mileageKm: z.int().min(0).max(READING_MAX).nullable().default(null),
    mileageReason: z.string().trim().max(200).default(''),
    /** 预约到店: the booked appointment this intake turns into an order (marked arrived with it). */
    appointmentId: id.nullable().default(null),
    /** 上门: the visit (address, window, technicians, travel fee), only with channel onsite. */
    onsite: visitAtIntake.optional(),
    /** 维保合同 the order comes under: its covered lines bill at ¥0, and it uses one visit. */
    contractId: id.nullable().default(null),
  })
  .strict();

export const updateWorkOrderInput = z
  .object({
    id,
    version: recordVersion,
    priority: z.enum(PRIORITIES).optional(),
    reportedFault: z.string().trim().min(1).max(FAULT_MAX_LENGTH).optional(),
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
    /** Required giving up (→ unrepairable): why. Not taken on any other move. */
    unrepairableReason: z.enum(UNREPAIRABLE_REASONS).optional(),
    /** Required parking (→ onHold): when to call the customer back, not before now. Not taken otherwise. */
    recallAt: epochMs.optional(),
    /** Required delivering an order with accessories (or as the 交机 settings ask): the hand-over. */
    handover: handoverInput.optional(),
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

// ── Timeline events ─────────────────────────────────────────────────────────────────────────
// What each kind of event records in its `data`, as every version of the app has stored it: a
// field added later is optional, so the orders taken before it still read. Money is plain integer
// fen here, without the input limit (MONEY_MAX_FEN came after the first events were written).
const storedFen = z.int().nonnegative();
/** The manager who approved something on the spot. */
const approver = z.object({ id, username: z.string() });

/** The fields `workOrders.update` changes, in the order an edit event lists them. */
export const EDIT_FIELDS = [
  'priority',
  'reportedFault',
  'accessories',
  'accessoriesNote',
  'condition',
  'devicePassword',
  'promisedAt',
  'diagnosis',
  'estimate',
  'resolution',
] as const;
/** Before and after of an edit: only what changed, never the device password. */
const editValues = z
  .object({
    priority: z.enum(PRIORITIES),
    reportedFault: z.string(),
    accessories: z.array(z.enum(ACCESSORIES)),
    accessoriesNote: z.string(),
    condition: z.string(),
    promisedAt: epochMs,
    diagnosis: z.string(),
    estimate: storedFen.nullable(),
    resolution: z.string(),
  })
  .partial();

const createdEventData = z.object({
  orderNo: z.string(),
  warrantyComputed: warrantyStatus,
  technicianId: id.nullable(),
  reworkOfId: id.nullable(),
  promisedAt: epochMs,
  /** The intake estimate; recorded since 0010_prints_and_quotes. */
  estimate: storedFen.nullable().optional(),
  devicePasswordChanged: z.literal(true).optional(),
  /** The odometer at intake (vehicles, since issue 16) and why it is below the last reading, if it is. */
  mileageKm: z.int().optional(),
  mileageReason: z.string().optional(),
});

/** A part an order waits for, as the move to awaiting parts found it. */
const waitedPart = z.object({ partId: id, partCode: z.string(), qty: z.int(), arrived: z.boolean() });
/** Null when the move took no approval and waits for no catalog part. */
const statusEventData = z
  .object({
    /** The customer's yes when leaving the quote; `amount` (the quote approved) since 0010. */
    approval: z
      .object({ by: z.string(), method: z.enum(APPROVAL_METHODS), amount: storedFen.nullable().optional() })
      .optional(),
    waitingFor: z.array(waitedPart).optional(),
    /** Giving up (→ unrepairable): why. */
    unrepairableReason: z.enum(UNREPAIRABLE_REASONS).optional(),
    /** Parking (→ onHold): when to call the customer back. */
    recallAt: epochMs.optional(),
    /** Resuming from hold: the promise moved on by the time parked. */
    promisedAt: epochMs.optional(),
  })
  .nullable();

const scores = z.object(
  Object.fromEntries(SATISFACTION_DIMENSIONS.map((d) => [d, score])) as Record<
    SatisfactionDimension,
    typeof score
  >,
);
/** 回访 on the order's timeline. */
export const followUpEventData = z.discriminatedUnion('action', [
  z.object({ action: z.literal('created'), followUpId: id, dueAt: epochMs }),
  z.object({
    action: z.literal('call'),
    followUpId: id,
    result: z.enum(CALL_RESULTS),
    /** The follow-up's state after the call (pending: another try is due at `dueAt`). */
    state: z.enum(FOLLOW_UP_STATES),
    dueAt: epochMs.optional(),
    scores: scores.optional(),
    problemUnsolved: z.boolean().optional(),
    complaintNo: z.string().optional(),
    reworkOrderNo: z.string().optional(),
  }),
  z.object({ action: z.literal('optedOut'), followUpId: id }),
]);
/** 投诉 on the order's timeline. */
/** A message to the customer: the state it reached (the outbox row has its text). */
export const messageEventData = z.object({
  state: z.enum(OUTBOX_STATES),
  messageId: id,
  event: z.enum(MESSAGE_EVENTS),
  channel: z.enum(MESSAGE_CHANNELS),
  reason: z.enum(OUTBOX_REASONS).optional(),
  providerReason: z.string().optional(),
});

const complaintRef = { complaintId: id, complaintNo: z.string() };
export const complaintEventData = z.discriminatedUnion('action', [
  z.object({ ...complaintRef, action: z.literal('created'), to: z.literal('received').optional() }),
  /** A step of the complaint: the state it moved to. */
  z.object({ ...complaintRef, action: z.literal('status'), to: z.enum(COMPLAINT_STATUSES) }),
]);

const technicianRef = z.object({ id, name: z.string() });
const assignEventData = z.object({
  /** The name is null when the earlier technician could not be found. */
  from: technicianRef.extend({ name: z.string().nullable() }).nullable(),
  to: technicianRef.nullable(),
});

const editEventData = z.object({
  fields: z.array(z.enum(EDIT_FIELDS)),
  before: editValues,
  after: editValues,
  devicePasswordChanged: z.literal(true).optional(),
});

const warrantyEventData = z.object({
  from: warrantyStatus,
  to: warrantyStatus,
  computed: warrantyStatus,
});

/** A renewed approval: the new amount, the one approved before, who said yes and how. */
const approvalEventData = z.object({
  approval: z.object({ by: z.string(), method: z.enum(APPROVAL_METHODS) }),
  amount: storedFen,
  previous: storedFen,
});

const attachmentEventData = z.object({
  attachmentId: id,
  fileName: z.string(),
  mime: z.string(),
  size: z.int(),
});

export const PART_EVENT_FIELDS = ['unitPrice', 'coveredByWarranty', 'oldPartSerial', 'oldPartRma'] as const;
const partValues = z
  .object({
    unitPrice: storedFen,
    coveredByWarranty: z.boolean(),
    oldPartSerial: z.string(),
    oldPartRma: z.boolean(),
  })
  .partial();
const partRef = { lineId: id, partCode: z.string(), partName: z.string() };
/** A part line added (its issue document), edited, removed (its return document), or all returned. */
const partsEventData = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add'),
    ...partRef,
    partId: id,
    qty: z.int(),
    unitPrice: storedFen,
    unitCost: storedFen,
    coveredByWarranty: z.boolean(),
    oldPartSerial: z.string(),
    oldPartRma: z.boolean(),
    docNo: z.string(),
  }),
  z.object({
    action: z.literal('update'),
    ...partRef,
    fields: z.array(z.enum(PART_EVENT_FIELDS)),
    before: partValues,
    after: partValues,
  }),
  z.object({ action: z.literal('remove'), ...partRef, qty: z.int(), docNo: z.string() }),
  /** Cancelling the order put every line back in one return document. */
  z.object({
    action: z.literal('returnAll'),
    docNo: z.string(),
    lines: z.array(z.object({ partCode: z.string(), qty: z.int() })),
  }),
]);

const partArrivedEventData = z.object({
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  docNo: z.string(),
  qty: z.int(),
});

export const CHARGE_EVENT_FIELDS = ['technicianId', 'hours', 'amount', 'coveredByWarranty'] as const;
const chargeValues = z
  .object({
    technicianId: id.nullable(),
    hours: z.number(),
    amount: storedFen,
    coveredByWarranty: z.boolean(),
  })
  .partial();
const chargeRef = { lineId: id, itemCode: z.string(), name: z.string() };
/** A labor or fee line added, edited or removed; a price below the list names its approver. */
const chargesEventData = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('add'),
    ...chargeRef,
    kind: z.enum(SERVICE_ITEM_KINDS),
    technicianId: id.nullable(),
    hours: z.number(),
    amount: storedFen,
    listPrice: storedFen,
    coveredByWarranty: z.boolean(),
    approvedBy: approver.optional(),
  }),
  z.object({
    action: z.literal('update'),
    ...chargeRef,
    fields: z.array(z.enum(CHARGE_EVENT_FIELDS)),
    before: chargeValues,
    after: chargeValues,
    approvedBy: approver.optional(),
  }),
  z.object({ action: z.literal('remove'), ...chargeRef, amount: storedFen }),
]);

const SETTLEMENT_EVENT_ACTIONS = ['create', 'pay', 'refund', 'void'] as const;
const settlementRef = { settlementId: id, settlementNo: z.string() };
/** A payment (amount > 0) or a refund (amount < 0) on a settlement, and where it leaves the bill. */
const paymentFields = {
  ...settlementRef,
  paymentId: id,
  method: z.enum(PAYMENT_METHODS),
  amount: z.int(),
  /** Cash handed over and the change given, when there was change. */
  tendered: z.int().optional(),
  change: z.int().optional(),
  reason: z.string().optional(),
  approvedBy: approver.optional(),
  paid: z.int(),
  paymentStatus: z.enum(PAYMENT_STATUSES),
};
/** A settlement made or voided, a payment or refund taken on it: everything, money included. */
export const settlementEventData = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('create'),
    ...settlementRef,
    subtotal: z.int(),
    discountAmount: z.int(),
    rounding: z.int(),
    total: z.int(),
    /** 订金 credited to it. */
    deposit: z.int().optional(),
    approvedBy: approver.optional(),
  }),
  z.object({ action: z.literal('pay'), ...paymentFields }),
  z.object({ action: z.literal('refund'), ...paymentFields }),
  z.object({
    action: z.literal('void'),
    ...settlementRef,
    total: z.int(),
    reversals: z.array(z.object({ paymentId: id, method: z.enum(PAYMENT_METHODS), amount: z.int() })),
    approvedBy: approver,
  }),
]);
/**
 * A settlement event as a role that may not read settlements (a technician) sees it: which
 * settlement and what happened, none of its money. Strict, so a full event never passes for one.
 */
export const settlementEventBrief = z
  .object({ action: z.enum(SETTLEMENT_EVENT_ACTIONS), ...settlementRef })
  .strict();

/** 订金 taken (amount > 0) or given back (amount < 0), and what the order then holds. */
const depositFields = { depositId: id, method: z.enum(PAYMENT_METHODS), amount: z.int(), held: z.int() };
export const depositEventData = z.discriminatedUnion('action', [
  z.object({ action: z.literal('take'), ...depositFields }),
  z.object({ action: z.literal('refund'), ...depositFields, approvedBy: approver }),
]);
/** A deposit event as a role that may not read money sees it. */
export const depositEventBrief = z.object({ action: z.enum(['take', 'refund']) }).strict();

/** Each kind's data as written and stored; `satisfies` keeps it to exactly EVENT_KINDS. */
const EVENT_DATA = {
  created: createdEventData,
  status: statusEventData,
  assign: assignEventData,
  edit: editEventData,
  note: z.null(),
  warranty: warrantyEventData,
  approval: approvalEventData,
  attachment: attachmentEventData,
  parts: partsEventData,
  partArrived: partArrivedEventData,
  charges: chargesEventData,
  settlement: settlementEventData,
  followUp: followUpEventData,
  complaint: complaintEventData,
  signature: signatureEventData,
  handover: handoverEventData,
  message: messageEventData,
  deposit: depositEventData,
  onsite: onsiteEventData,
} satisfies Record<(typeof EVENT_KINDS)[number], z.ZodType>;

/** One kind with its data: what a writer passes and what a stored row decodes to. */
export const timelineEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), data: EVENT_DATA.created }),
  z.object({ kind: z.literal('status'), data: EVENT_DATA.status }),
  z.object({ kind: z.literal('assign'), data: EVENT_DATA.assign }),
  z.object({ kind: z.literal('edit'), data: EVENT_DATA.edit }),
  z.object({ kind: z.literal('note'), data: EVENT_DATA.note }),
  z.object({ kind: z.literal('warranty'), data: EVENT_DATA.warranty }),
  z.object({ kind: z.literal('approval'), data: EVENT_DATA.approval }),
  z.object({ kind: z.literal('attachment'), data: EVENT_DATA.attachment }),
  z.object({ kind: z.literal('parts'), data: EVENT_DATA.parts }),
  z.object({ kind: z.literal('partArrived'), data: EVENT_DATA.partArrived }),
  z.object({ kind: z.literal('charges'), data: EVENT_DATA.charges }),
  z.object({ kind: z.literal('settlement'), data: EVENT_DATA.settlement }),
  z.object({ kind: z.literal('followUp'), data: EVENT_DATA.followUp }),
  z.object({ kind: z.literal('complaint'), data: EVENT_DATA.complaint }),
  z.object({ kind: z.literal('signature'), data: EVENT_DATA.signature }),
  z.object({ kind: z.literal('handover'), data: EVENT_DATA.handover }),
  z.object({ kind: z.literal('message'), data: EVENT_DATA.message }),
  z.object({ kind: z.literal('deposit'), data: EVENT_DATA.deposit }),
  z.object({ kind: z.literal('onsite'), data: EVENT_DATA.onsite }),
]);
export type TimelineEntry = z.infer<typeof timelineEntry>;
/** The data one kind of event records. */
export type EventData<K extends TimelineEntry['kind']> = Extract<TimelineEntry, { kind: K }>['data'];

const eventBase = {
  id,
  at: epochMs,
  username: z.string().nullable(),
  /** The LAN terminal it was done at; null on the host's own screen. */
  terminalName: z.string().nullable(),
  fromStatus: status.nullable(),
  toStatus: status.nullable(),
  note: z.string(),
};
/** A timeline entry as the order's page gets it: a settlement's may be the brief form. */
export const workOrderEvent = z.discriminatedUnion('kind', [
  z.object({ ...eventBase, kind: z.literal('created'), data: EVENT_DATA.created }),
  z.object({ ...eventBase, kind: z.literal('status'), data: EVENT_DATA.status }),
  z.object({ ...eventBase, kind: z.literal('assign'), data: EVENT_DATA.assign }),
  z.object({ ...eventBase, kind: z.literal('edit'), data: EVENT_DATA.edit }),
  z.object({ ...eventBase, kind: z.literal('note'), data: EVENT_DATA.note }),
  z.object({ ...eventBase, kind: z.literal('warranty'), data: EVENT_DATA.warranty }),
  z.object({ ...eventBase, kind: z.literal('approval'), data: EVENT_DATA.approval }),
  z.object({ ...eventBase, kind: z.literal('attachment'), data: EVENT_DATA.attachment }),
  z.object({ ...eventBase, kind: z.literal('parts'), data: EVENT_DATA.parts }),
  z.object({ ...eventBase, kind: z.literal('partArrived'), data: EVENT_DATA.partArrived }),
  z.object({ ...eventBase, kind: z.literal('charges'), data: EVENT_DATA.charges }),
  z.object({
    ...eventBase,
    kind: z.literal('settlement'),
    data: z.union([EVENT_DATA.settlement, settlementEventBrief]),
  }),
  z.object({ ...eventBase, kind: z.literal('followUp'), data: EVENT_DATA.followUp }),
  z.object({ ...eventBase, kind: z.literal('complaint'), data: EVENT_DATA.complaint }),
  z.object({ ...eventBase, kind: z.literal('signature'), data: EVENT_DATA.signature }),
  z.object({ ...eventBase, kind: z.literal('handover'), data: EVENT_DATA.handover }),
  z.object({ ...eventBase, kind: z.literal('message'), data: EVENT_DATA.message }),
  z.object({
    ...eventBase,
    kind: z.literal('deposit'),
    data: z.union([EVENT_DATA.deposit, depositEventBrief]),
  }),
  z.object({ ...eventBase, kind: z.literal('onsite'), data: EVENT_DATA.onsite }),
]);
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
  /** 维修结果: null while the work goes on. */
  outcome: z.enum(OUTCOMES).nullable(),
  /** On hold: when to call the customer back. */
  recallAt: epochMs.nullable(),
  /** On hold and its recall date has come (回访到期), on the server's clock. */
  recallDue: z.boolean(),
  /** Brought in by a history import (历史导入), not taken in at this counter. */
  imported: z.boolean(),
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
  unrepairableReason: z.enum(UNREPAIRABLE_REASONS).nullable(),
  /** The first move out of diagnosing. */
  diagnosedAt: epochMs.nullable(),
  /** On hold: the status it was parked from (and resumes to), why, and since when. */
  heldFrom: status.nullable(),
  holdReason: z.string().nullable(),
  heldAt: epochMs.nullable(),
  createdBy: z.string(),
  version: recordVersion,
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
  /** 客户签名 taken (intake, pickup), oldest first. */
  signatures: z.array(signatureView),
  /** 交机 as recorded at delivery; null before. */
  handover: handoverView.nullable(),
  /** 订金 on the order; null to a role that may not read money. */
  deposit: depositSummary.nullable(),
  /** The odometer reading taken at intake (device_readings), with its reason when it went backwards. */
  intakeMileage: z.object({ km: z.int(), reason: z.string() }).nullable(),
  /**
   * 历史导入: the file and row the order came from, the old system's number and the technician's
   * name as written there when no user matched it; null for an order taken in here.
   */
  importedFrom: z
    .object({
      fileName: z.string(),
      row: z.int(),
      sourceNo: z.string(),
      technicianName: z.string(),
      at: epochMs,
    })
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
    /** 维修结果 of the order (closed or on its way back). */
    outcome: z.enum(OUTCOMES).optional(),
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
