import { z } from 'zod';
import { OUTCOMES, UNREPAIRABLE_REASONS } from '../workOrderStatus';
import { epochMs, id, page, pageSize, paged } from './common';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES } from './complaintKinds';
import { SERVICE_TYPES } from './orderKinds';

/**
 * 回访: a call to the customer some days after delivery. `pending` until a call settles it:
 * `reached` (with the satisfaction scores), `unreachable` (not reached on the last allowed try),
 * `wrongNumber`, or `optedOut` (the customer asked not to be contacted before it was made).
 */
export const FOLLOW_UP_STATES = ['pending', 'reached', 'unreachable', 'wrongNumber', 'optedOut'] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];

/** What one call found. `notReached` leaves the follow-up pending for a later try while tries remain. */
export const CALL_RESULTS = ['reached', 'notReached', 'wrongNumber'] as const;
export type CallResult = (typeof CALL_RESULTS)[number];

/** 满意度 dimensions, each scored 1–5: 服务态度, 维修质量, 及时性, 价格. */
export const SATISFACTION_DIMENSIONS = ['attitude', 'quality', 'timeliness', 'price'] as const;
export type SatisfactionDimension = (typeof SATISFACTION_DIMENSIONS)[number];

export const score = z.int().min(1).max(5);

// ── The queue and the call (followUps.list, followUps.record) ──

/** The queue's tabs, decided on the server's clock by local day: due today, due before today, pending (any day), settled. */
export const FOLLOW_UP_TABS = ['today', 'overdue', 'pending', 'done'] as const;
export type FollowUpTab = (typeof FOLLOW_UP_TABS)[number];

export const satisfactionScores = z
  .object(
    Object.fromEntries(SATISFACTION_DIMENSIONS.map((d) => [d, score])) as Record<
      SatisfactionDimension,
      typeof score
    >,
  )
  .strict();
export type SatisfactionScores = z.infer<typeof satisfactionScores>;

export const listFollowUpsInput = z
  .object({ tab: z.enum(FOLLOW_UP_TABS).default('today'), page, pageSize })
  .strict();
export type ListFollowUpsInput = z.input<typeof listFollowUpsInput>;

const lastCall = z.object({ at: epochMs, result: z.enum(CALL_RESULTS), note: z.string(), by: z.string() });

export const followUpRow = z.object({
  id,
  state: z.enum(FOLLOW_UP_STATES),
  dueAt: epochMs,
  /** Pending and due before the server's today. */
  overdue: z.boolean(),
  attempts: z.int().nonnegative(),
  workOrderId: id,
  orderNo: z.string(),
  serviceType: z.enum(SERVICE_TYPES),
  deliveredAt: epochMs.nullable(),
  /** What was done: the outcome, the diagnosis and the resolution. */
  outcome: z.enum(OUTCOMES).nullable(),
  unrepairableReason: z.enum(UNREPAIRABLE_REASONS).nullable(),
  diagnosis: z.string(),
  resolution: z.string(),
  customerId: id,
  customerName: z.string(),
  phones: z.array(z.object({ phone: z.string(), label: z.string() })),
  deviceLabel: z.string(),
  scores: satisfactionScores.nullable(),
  comment: z.string(),
  problemUnsolved: z.boolean(),
  complaintId: id.nullable(),
  complaintNo: z.string().nullable(),
  reworkOrderId: id.nullable(),
  reworkOrderNo: z.string().nullable(),
  doneAt: epochMs.nullable(),
  lastCall: lastCall.nullable(),
});
export type FollowUpRow = z.infer<typeof followUpRow>;

export const followUpList = paged(followUpRow).extend({
  counts: z.object(
    Object.fromEntries(FOLLOW_UP_TABS.map((t) => [t, z.int().nonnegative()])) as Record<
      FollowUpTab,
      z.ZodInt
    >,
  ),
  /** The server's local date the tabs were decided on. */
  today: z.string(),
});
export type FollowUpList = z.infer<typeof followUpList>;

/** What 问题未解决 opens in the same step: a complaint, or a rework order for the same device. */
export const unsolvedAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('complaint'),
      category: z.enum(COMPLAINT_CATEGORIES),
      severity: z.enum(COMPLAINT_SEVERITIES),
      description: z.string().trim().min(1).max(1000),
    })
    .strict(),
  z.object({ kind: z.literal('rework'), reportedFault: z.string().trim().min(1).max(1000) }).strict(),
]);
export type UnsolvedAction = z.infer<typeof unsolvedAction>;

/**
 * One call. A reached customer gives the four scores (the service refuses without them:
 * `scoresRequired`); another result takes no scores, comment nor 问题未解决 (`scoresNotTaken`).
 */
export const recordCallInput = z
  .object({
    id,
    result: z.enum(CALL_RESULTS),
    note: z.string().trim().max(500).default(''),
    scores: satisfactionScores.optional(),
    comment: z.string().trim().max(1000).default(''),
    problemUnsolved: z.boolean().default(false),
    open: unsolvedAction.optional(),
  })
  .strict()
  .refine((v) => v.open === undefined || v.problemUnsolved, {
    path: ['open'],
    message: 'a complaint or a rework is opened only for a problem not solved',
  });
export type RecordCallInput = z.input<typeof recordCallInput>;
