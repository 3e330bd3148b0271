import { z } from 'zod';
import { id } from './common';
import { WORK_ORDER_STATUSES } from '../workOrderStatus';

export const searchInput = z
  .object({ q: z.string().trim().min(1).max(60), limit: z.int().min(1).max(50).default(8) })
  .strict();

/** Where the words were found in an order, with their places in `text` as [start, end) offsets. */
export const orderSnippet = z.object({
  field: z.enum(['fault', 'diagnosis']),
  text: z.string(),
  highlights: z.array(z.tuple([z.int(), z.int()])),
});
export type OrderSnippet = z.infer<typeof orderSnippet>;

export const searchResult = z.object({
  customers: z.array(
    z.object({
      id,
      code: z.string(),
      name: z.string(),
      phone: z.string(),
      level: z.string(),
      archived: z.boolean(),
    }),
  ),
  devices: z.array(
    z.object({
      id,
      customerId: id,
      customerName: z.string(),
      label: z.string(),
      category: z.string(),
      serialNo: z.string(),
    }),
  ),
  workOrders: z.array(
    z.object({
      id,
      orderNo: z.string(),
      status: z.enum(WORK_ORDER_STATUSES),
      customerName: z.string(),
      deviceLabel: z.string(),
      /** The fault around the words typed (or the diagnosis, if they are there), else its start. */
      snippet: orderSnippet,
    }),
  ),
  /** Set when the query is exactly one order number (a scanner's input): open it directly. */
  exactOrderId: id.nullable(),
});
export type SearchResult = z.infer<typeof searchResult>;
