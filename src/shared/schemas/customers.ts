import { z } from 'zod';
import { epochMs, id, page, pageSize, paged, recordVersion } from './common';

export const CUSTOMER_TYPES = ['individual', 'company'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

/** Digits only, 3–20 long: "138 0013 8000" and "138-0013-8000" are the same number. */
export const phoneNumber = z
  .string()
  .transform((s) => s.replace(/[\s\-()+]/g, ''))
  .pipe(z.string().regex(/^\d{3,20}$/, '3–20 digits'));

/** A phone that may be left empty (a supplier's); when given, the same rule as a customer's. */
export const optionalPhone = z
  .string()
  .trim()
  .pipe(z.union([z.literal(''), phoneNumber]));

export const customerPhone = z
  .object({ phone: phoneNumber, label: z.string().trim().max(10).default('') })
  .strict();

const customerFields = {
  name: z.string().trim().min(1).max(60),
  type: z.enum(CUSTOMER_TYPES).default('individual'),
  level: z.string().trim().min(1).max(20).default('普通'),
  phones: z.array(customerPhone).min(1).max(5),
  email: z.union([z.literal(''), z.email()]).default(''),
  address: z.string().trim().max(200).default(''),
  company: z.string().trim().max(100).default(''),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  notes: z.string().trim().max(1000).default(''),
};

export const createCustomerInput = z
  .object({
    ...customerFields,
    /** The clerk saw the duplicate-phone warning and goes on anyway. */
    allowDuplicatePhone: z.boolean().default(false),
    /** 拒绝回访/不联系: no follow-up calls. */
    noContact: z.boolean().default(false),
  })
  .strict();
export type CreateCustomerInput = z.input<typeof createCustomerInput>;

export const updateCustomerInput = z
  .object({
    id,
    version: recordVersion,
    ...customerFields,
    allowDuplicatePhone: z.boolean().default(false),
    /** Left out: unchanged. Turning it on closes the customer's pending follow-ups (optedOut). */
    noContact: z.boolean().optional(),
  })
  .strict();

export const customerRow = z.object({
  id,
  code: z.string(),
  name: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  level: z.string(),
  primaryPhone: z.string(),
  company: z.string(),
  tags: z.array(z.string()),
  openOrders: z.int(),
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  lastVisitAt: epochMs.nullable(),
});
export type CustomerRow = z.infer<typeof customerRow>;

export const customer = z.object({
  id,
  code: z.string(),
  name: z.string(),
  type: z.enum(CUSTOMER_TYPES),
  level: z.string(),
  phones: z.array(z.object({ phone: z.string(), label: z.string() })),
  email: z.string(),
  address: z.string(),
  company: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  /** 拒绝回访/不联系. */
  noContact: z.boolean(),
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  version: recordVersion,
});
export type Customer = z.infer<typeof customer>;

export const CUSTOMER_SORTS = ['createdAt', 'name', 'code', 'lastVisitAt'] as const;

export const listCustomersInput = z
  .object({
    q: z.string().trim().max(60).optional(),
    type: z.enum(CUSTOMER_TYPES).optional(),
    level: z.string().max(20).optional(),
    tag: z.string().max(20).optional(),
    archived: z.boolean().default(false),
    sort: z.enum(CUSTOMER_SORTS).default('createdAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
    page,
    pageSize,
  })
  .strict();
export const customerList = paged(customerRow);

export const phoneMatch = z.object({ id, code: z.string(), name: z.string(), phone: z.string() });
export const checkPhoneInput = z.object({ phone: phoneNumber, exceptId: id.optional() }).strict();

export const mergeCustomersInput = z
  .object({ keepId: id, mergeId: id })
  .strict()
  .refine((v) => v.keepId !== v.mergeId, { path: ['mergeId'], message: 'same customer' });
