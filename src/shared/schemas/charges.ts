import { z } from 'zod';
import { epochMs, id } from './common';
import { fen } from './stock';
import { SERVICE_ITEM_KINDS } from './billing';
import { managerApproval } from './settlements';

const hours = z.number().min(0).max(100).multipleOf(0.1);

/** A labor (工时) or fee (其他费用) line on a work order, from a service item in settings. */
export const chargeLine = z.object({
  id,
  kind: z.enum(SERVICE_ITEM_KINDS),
  itemCode: z.string(),
  name: z.string(),
  technicianId: id.nullable(),
  technicianName: z.string().nullable(),
  hours: z.number(),
  amount: fen,
  /** Covered by warranty: zero to the customer, the amount kept for the claim. */
  coveredByWarranty: z.boolean(),
  addedBy: z.string().nullable(),
  addedAt: epochMs,
});
export type ChargeLine = z.infer<typeof chargeLine>;

export const addChargeInput = z
  .object({
    /** The work order. */
    id,
    itemCode: z.string().trim().toUpperCase().min(1).max(20),
    /** Labor: who did it; defaults to the order's technician. Fees: null. */
    technicianId: id.nullable().optional(),
    /** Defaults to the item's standard hours. */
    hours: hours.optional(),
    /** Defaults to the item's price. Below it needs a manager when settings say so. */
    amount: fen.optional(),
    /** Defaults to whether the order is in warranty. */
    coveredByWarranty: z.boolean().optional(),
    approval: managerApproval.optional(),
  })
  .strict();

export const updateChargeInput = z
  .object({
    lineId: id,
    technicianId: id.nullable().optional(),
    hours: hours.optional(),
    amount: fen.optional(),
    coveredByWarranty: z.boolean().optional(),
    approval: managerApproval.optional(),
  })
  .strict();

export const removeChargeInput = z.object({ lineId: id }).strict();
