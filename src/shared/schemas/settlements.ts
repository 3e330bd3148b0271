import { z } from 'zod';
import { epochMs, id, page, pageSize, paged } from './common';
import { fen, MONEY_MAX_FEN } from './stock';

const signedFen = z.int().min(-MONEY_MAX_FEN).max(MONEY_MAX_FEN);
const reason = z.string().trim().min(2).max(200);
/** A calendar day of the shop, YYYY-MM-DD. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/**
 * A manager's approval given on the spot: their user name and password, checked in the main
 * process. Not needed when the caller holds `settlements.approve` themselves.
 */
export const managerApproval = z
  .object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) })
  .strict();

// ── Settlement (结算单) ─────────────────────────────────────────────────────────────────
export const SETTLEMENT_LINE_KINDS = ['labor', 'part', 'fee'] as const;
export const DISCOUNT_TYPES = ['none', 'amount', 'percent'] as const;
export const PAYMENT_METHODS = ['cash', 'wechat', 'alipay', 'card', 'transfer', 'onAccount'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = ['unpaid', 'partlyPaid', 'paid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
export const SETTLEMENT_STATUSES = ['active', 'void'] as const;
export const DAY_CLOSE_ACTIONS = ['close', 'reopen'] as const;

export const settlementLine = z.object({
  lineNo: z.int(),
  kind: z.enum(SETTLEMENT_LINE_KINDS),
  code: z.string(),
  name: z.string(),
  /** Parts: the spec; labor: technician and hours. */
  detail: z.string(),
  qty: z.int(),
  unitPrice: fen,
  /** What the customer pays for the line: 0 when covered by warranty. */
  amount: fen,
  coveredByWarranty: z.boolean(),
  /** The line's value before warranty (qty × unit price), kept for the warranty claim. */
  listAmount: fen,
  /** Parts: cost at issue × qty (fen); 0 for labor and fees. */
  cost: fen,
});
export type SettlementLine = z.infer<typeof settlementLine>;

/**
 * Who pays for a free line: the maker's warranty (保修), the order's service contract (合同: billed at
 * ¥0 without a warranty flag, settlements/totals.ts), or nobody (null, the customer pays it).
 */
export function lineCover(line: SettlementLine): 'warranty' | 'contract' | null {
  if (line.coveredByWarranty) return 'warranty';
  return line.amount === 0 && line.listAmount > 0 ? 'contract' : null;
}

/** Percent off the amount due, to one decimal (9.5 = 9.5 %). */
export const discountPercent = z.number().min(0).max(100).multipleOf(0.1);
export const discountInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }).strict(),
  z.object({ type: z.literal('amount'), value: fen }).strict(),
  z.object({ type: z.literal('percent'), value: discountPercent }).strict(),
]);
export type DiscountInput = z.infer<typeof discountInput>;

/** The figures of a settlement, computed the same way for the preview and the saved document. */
export const settlementTotals = z.object({
  lines: z.array(settlementLine),
  /** Sum of the line amounts (warranty lines at zero). */
  subtotal: fen,
  /** Sum of the warranty lines' list amounts: what the shop may claim back. */
  warrantyValue: fen,
  discountType: z.enum(DISCOUNT_TYPES),
  discountValue: z.number(),
  discountAmount: fen,
  /** True when the discount is above the limit in settings and needs a manager. */
  discountNeedsApproval: z.boolean(),
  /** Rounding adjustment in fen (negative when rounding down). */
  rounding: signedFen,
  total: fen,
  /** 大写金额 of the total. */
  totalInWords: z.string(),
});
export type SettlementTotals = z.infer<typeof settlementTotals>;

export const previewSettlementInput = z
  .object({ id, discount: discountInput.default({ type: 'none' }) })
  .strict();

export const createSettlementInput = z
  .object({
    /** The work order. */
    id,
    discount: discountInput.default({ type: 'none' }),
    approval: managerApproval.optional(),
    note: z.string().trim().max(200).default(''),
  })
  .strict();

export const payment = z.object({
  id,
  method: z.enum(PAYMENT_METHODS),
  /** Signed: a refund or a void's reversing entry is negative. */
  amount: signedFen,
  /** Cash: what the customer handed over, and the change given back. */
  tendered: fen.nullable(),
  change: fen.nullable(),
  reference: z.string(),
  reason: z.string(),
  /** The shop's calendar day the payment counts on (日结). */
  businessDate: isoDay,
  at: epochMs,
  userName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  /** Set on a void's reversing entry: the payment it reverses. */
  reversesId: id.nullable(),
});
export type Payment = z.infer<typeof payment>;

export const settlement = settlementTotals.omit({ discountNeedsApproval: true }).extend({
  id,
  settlementNo: z.string(),
  workOrderId: id,
  orderNo: z.string(),
  customerName: z.string(),
  deviceLabel: z.string(),
  status: z.enum(SETTLEMENT_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  discountApprovedBy: z.string().nullable(),
  /** 订金 credited at settling (counted in paid; an active settlement only). */
  depositCredited: fen,
  /** 订金 the order holds beyond the credit, owed back (an active settlement only; refunded on the order). */
  depositRefundDue: fen,
  /** Net of all payments, refunds and reversals, and the deposit credited. */
  paid: signedFen,
  /** total − paid. */
  balance: signedFen,
  payments: z.array(payment),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: epochMs,
  voidedAt: epochMs.nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
});
export type Settlement = z.infer<typeof settlement>;

/** What an order's detail shows of its settlement. */
export const settlementSummary = settlement.pick({
  id: true,
  settlementNo: true,
  status: true,
  paymentStatus: true,
  total: true,
  paid: true,
  balance: true,
});

export const addPaymentInput = z
  .object({
    settlementId: id,
    method: z.enum(PAYMENT_METHODS),
    /** Applied to the balance; never more than it. */
    amount: fen.refine((v) => v > 0, 'more than zero'),
    /** Cash only: what the customer handed over (≥ amount); the change is computed. */
    tendered: fen.optional(),
    reference: z.string().trim().max(60).default(''),
    /** On account (挂账) needs a manager. */
    approval: managerApproval.optional(),
  })
  .strict();

export const refundInput = z
  .object({
    settlementId: id,
    method: z.enum(PAYMENT_METHODS).exclude(['onAccount']),
    amount: fen.refine((v) => v > 0, 'more than zero'),
    reason,
    reference: z.string().trim().max(60).default(''),
    approval: managerApproval.optional(),
  })
  .strict();

export const voidSettlementInput = z.object({ id, reason, approval: managerApproval.optional() }).strict();

export const listSettlementsInput = z
  .object({
    from: epochMs.optional(),
    to: epochMs.optional(),
    paymentStatus: z.enum(PAYMENT_STATUSES).optional(),
    includeVoid: z.boolean().default(false),
    /** Settlement number, order number or customer name. */
    search: z.string().trim().max(40).default(''),
    page,
    pageSize,
  })
  .strict();
export const settlementRow = settlement.omit({ lines: true, payments: true });
export const settlementList = paged(settlementRow);

// ── Day close (日结) ─────────────────────────────────────────────────────────────────────
export const dayInput = z.object({ date: isoDay }).strict();
export const reopenDayInput = z
  .object({ date: isoDay, reason, approval: managerApproval.optional() })
  .strict();

const dayPayment = payment.extend({ settlementNo: z.string(), orderNo: z.string() });
export const dayReport = z.object({
  date: isoDay,
  closed: z.boolean(),
  /** Every close and reopen of the day, oldest first. */
  history: z.array(
    z.object({
      action: z.enum(DAY_CLOSE_ACTIONS),
      at: epochMs,
      by: z.string().nullable(),
      reason: z.string(),
    }),
  ),
  byMethod: z.array(z.object({ method: z.enum(PAYMENT_METHODS), count: z.int(), amount: signedFen })),
  byUser: z.array(z.object({ userName: z.string().nullable(), count: z.int(), amount: signedFen })),
  payments: z.array(dayPayment),
  /** Negative payments of the day (refunds and void reversals). */
  refunds: z.array(dayPayment),
  /** 订金 taken (positive) and given back (negative) on the day; in byMethod, byUser and total. */
  deposits: z.array(
    z.object({
      id,
      orderNo: z.string(),
      method: z.enum(PAYMENT_METHODS),
      amount: signedFen,
      reason: z.string(),
      at: epochMs,
      userName: z.string().nullable(),
      approvedByName: z.string().nullable(),
    }),
  ),
  voids: z.array(
    z.object({
      settlementNo: z.string(),
      orderNo: z.string(),
      total: fen,
      reason: z.string(),
      by: z.string().nullable(),
      at: epochMs,
    }),
  ),
  /** Net takings of the day. */
  total: signedFen,
});
export type DayReport = z.infer<typeof dayReport>;
