import { z } from 'zod';
import { fen } from './stock';

/** 工时费 labor is charged per hour of a technician; 其他费用 fees (上门费, 加急费 …) are flat. */
export const SERVICE_ITEM_KINDS = ['labor', 'fee'] as const;
export type ServiceItemKind = (typeof SERVICE_ITEM_KINDS)[number];

export const serviceItem = z
  .object({
    code: z.string().trim().toUpperCase().min(1).max(20),
    name: z.string().trim().min(1).max(40),
    kind: z.enum(SERVICE_ITEM_KINDS),
    /** Default amount in fen: the whole labor line at the standard hours, or the flat fee. */
    price: fen,
    /** Standard hours for labor (0 for fees), to one decimal. */
    hours: z.number().min(0).max(100).multipleOf(0.1),
    active: z.boolean().default(true),
  })
  .strict();
export type ServiceItem = z.infer<typeof serviceItem>;

/** 抹零: none, to the 角 or to the 元; down is in the customer's favour, halfUp is 四舍五入. */
export const ROUNDING_UNITS = ['none', 'jiao', 'yuan'] as const;
export const ROUNDING_METHODS = ['down', 'halfUp'] as const;

export const billingSettings = z
  .object({
    serviceItems: z
      .array(serviceItem)
      .max(200)
      .refine((l) => new Set(l.map((i) => i.code)).size === l.length, { message: 'a code is used twice' })
      .default([
        { code: 'JC', name: '检测费', kind: 'labor', price: 3000, hours: 0.5, active: true },
        { code: 'WX', name: '维修工时', kind: 'labor', price: 8000, hours: 1, active: true },
        { code: 'SM', name: '上门费', kind: 'fee', price: 5000, hours: 0, active: true },
        { code: 'JJ', name: '加急费', kind: 'fee', price: 3000, hours: 0, active: true },
      ]),
    roundingUnit: z.enum(ROUNDING_UNITS).default('none'),
    roundingMethod: z.enum(ROUNDING_METHODS).default('down'),
    /** A discount above this share of the amount due needs a manager's approval. */
    discountLimitPercent: z.int().min(0).max(100).default(10),
    /** A labor line below its item's price needs a manager's approval (a role's limit). */
    laborBelowPriceNeedsApproval: z.boolean().default(true),
    /**
     * Fen the lines (before discount, warranty lines at ¥0) may come to above the quote the customer
     * approved before settling needs their renewed approval; 0 = any excess needs it.
     */
    quoteTolerance: fen.default(0),
  })
  .strict();
export type BillingSettings = z.infer<typeof billingSettings>;
