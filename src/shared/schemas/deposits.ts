import { z } from 'zod';
import { epochMs, id } from './common';
import { isoDay, managerApproval, PAYMENT_METHODS } from './settlements';
import { fen, MONEY_MAX_FEN } from './stock';

/**
 * 订金: money taken on an order before it is settled, credited at settlement, given back when the
 * order ends without one. On account (挂账) is not money taken, so it cannot be a deposit.
 */
export const DEPOSIT_METHODS = PAYMENT_METHODS.filter(
  (m): m is Exclude<(typeof PAYMENT_METHODS)[number], 'onAccount'> => m !== 'onAccount',
);
export const depositMethod = z.enum(PAYMENT_METHODS).exclude(['onAccount']);
export type DepositMethod = z.infer<typeof depositMethod>;

const positiveFen = fen.refine((v) => v > 0, 'more than zero');

/** A deposit as taken at intake, inside workOrders.create. */
export const depositAtIntake = z
  .object({
    method: depositMethod,
    amount: positiveFen,
    reference: z.string().trim().max(60).default(''),
  })
  .strict();

export const takeDepositInput = depositAtIntake.extend({ id }).strict();

export const refundDepositInput = z
  .object({
    id,
    method: depositMethod,
    amount: positiveFen,
    reason: z.string().trim().min(2).max(200),
    reference: z.string().trim().max(60).default(''),
    approval: managerApproval.optional(),
  })
  .strict();

const signedFen = z.int().min(-MONEY_MAX_FEN).max(MONEY_MAX_FEN);

export const depositEntry = z.object({
  id,
  method: depositMethod,
  /** A refund is negative. */
  amount: signedFen,
  reference: z.string(),
  reason: z.string(),
  businessDate: isoDay,
  at: epochMs,
  userName: z.string().nullable(),
  approvedByName: z.string().nullable(),
});
export type DepositEntry = z.infer<typeof depositEntry>;

/** What the order holds in deposits and where that stands against its settlement. */
export const depositSummary = z.object({
  /** Taken less given back (fen). */
  held: fen,
  /** Credited to the active settlement (0 without one). */
  credited: fen,
  /** Held beyond what the settlement took: owed back to the customer. */
  refundDue: fen,
  /** Held by each method, what a refund by that method may give back. */
  byMethod: z.array(z.object({ method: depositMethod, amount: fen })),
  entries: z.array(depositEntry),
});
export type DepositSummary = z.infer<typeof depositSummary>;
