import { z } from 'zod';

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
