import { z } from 'zod';
import { epochMs, id, isoDate } from './common';
import { fen } from './stock';
import { signatureImage, signatureView } from './handover';
import { WORK_ORDER_STATUSES } from '../workOrderStatus';

/** 上门服务: the visit of an order whose channel is 上门 (address, window, travel fee, technicians). */

/** The billing settings' service item a visit's 上门费 line is made from. */
export const TRAVEL_FEE_CODE = 'SM';

/** A local day, "2026-11-24" (devices.ts has the same, but importing it would close a circle). */
/** A time of day, "08:30". */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** Up to five technicians go on one visit; the first is the lead. */
export const MAX_VISITORS = 5;
const visitors = z
  .array(id)
  .max(MAX_VISITORS)
  .refine((l) => new Set(l).size === l.length, { message: 'a technician is listed twice' });

/** Set (first time) or change (reschedule, new address, new fee) the visit of an order. */
export const setOnsiteInput = z
  .object({
    /** The work order. */
    id,
    address: z.string().trim().min(1).max(200),
    day: isoDate,
    fromTime: clockTime,
    toTime: clockTime,
    /** Empty: the job waits in the board's unassigned lane. */
    technicianIds: visitors.default([]),
    /** 上门费 in fen, billed as a fee line on the order; 0 = none. */
    travelFee: fen.default(0),
  })
  .strict();
export type SetOnsiteInput = z.input<typeof setOnsiteInput>;
/** The same visit given with a new 上门 order at intake. */
export const visitAtIntake = setOnsiteInput.omit({ id: true });

/** The board's reassign (drag or menu): the visit's technicians, as a whole list. */
export const assignOnsiteInput = z.object({ id, technicianIds: visitors }).strict();
export const onsiteVisitInput = z.object({ id }).strict();
export const onsiteSignInput = z.object({ id, signature: signatureImage }).strict();
export const onsiteBoardInput = z.object({ day: isoDate.optional() }).strict();
export const onsiteRouteInput = z.object({ day: isoDate, technicianId: id.optional() }).strict();

const person = z.object({ id, name: z.string() });

/** One visit as the board, the order's page and the printed forms show it. */
export const onsiteJob = z.object({
  workOrderId: id,
  orderNo: z.string(),
  status: z.enum(WORK_ORDER_STATUSES),
  customerName: z.string(),
  phones: z.array(z.string()),
  customerAddress: z.string(),
  address: z.string(),
  day: isoDate,
  fromTime: clockTime,
  toTime: clockTime,
  technicians: z.array(person),
  /** The travel-fee line's amount (null: no line, or it was removed). */
  travelFee: fen.nullable(),
  device: z.string(),
  fault: z.string(),
  arrivedAt: epochMs.nullable(),
  finishedAt: epochMs.nullable(),
  /** Technicians of this visit with another visit overlapping its window the same day. */
  conflictWith: z.array(id),
});
export type OnsiteJob = z.infer<typeof onsiteJob>;

/** The order page's card: the visit (null: none yet) and what its form starts from. */
export const onsiteOfOrder = z.object({
  channel: z.string(),
  customerAddress: z.string(),
  job: onsiteJob.nullable(),
  /** The travel-fee default: the 上门费 service item's price (SM), else 0. */
  defaultTravelFee: fen,
  signature: signatureView.nullable(),
});
export type OnsiteOfOrder = z.infer<typeof onsiteOfOrder>;

/** A day of visits: by technician, with the unassigned lane; `today` is the server's. */
export const onsiteBoard = z.object({
  day: isoDate,
  today: isoDate,
  technicians: z.array(person),
  jobs: z.array(onsiteJob),
});
export type OnsiteBoard = z.infer<typeof onsiteBoard>;

/** What to bring for a stop: parts issued (reserved) to the order and those it still waits for. */
export const routePart = z.object({
  code: z.string(),
  name: z.string(),
  qty: z.int(),
  state: z.enum(['reserved', 'waiting']),
});
export const routeStop = onsiteJob.extend({
  accessories: z.array(z.string()),
  accessoriesNote: z.string(),
  parts: z.array(routePart),
});
export type RouteStop = z.infer<typeof routeStop>;
/** 路线单: one sheet per technician, stops in window order. */
export const routeSheets = z.object({
  day: isoDate,
  sheets: z.array(z.object({ technician: person, stops: z.array(routeStop) })),
});
export type RouteSheets = z.infer<typeof routeSheets>;

/** 服务确认单: one visit, what was done and billed, and the customer's signature if taken. */
export const onsiteReport = z.object({
  job: onsiteJob,
  diagnosis: z.string(),
  resolution: z.string(),
  lines: z.array(z.object({ name: z.string(), detail: z.string(), qty: z.int(), amount: z.int() })),
  total: z.int(),
  signature: signatureView.nullable(),
});
export type OnsiteReport = z.infer<typeof onsiteReport>;

/** The timeline's 上门 entries. */
const windowFields = {
  address: z.string(),
  day: isoDate,
  fromTime: clockTime,
  toTime: clockTime,
  technicians: z.array(z.string()),
  travelFee: z.int(),
};
export const onsiteEventData = z.discriminatedUnion('action', [
  z.object({ action: z.literal('schedule'), ...windowFields }),
  z.object({
    action: z.literal('change'),
    fields: z.array(z.enum(['address', 'day', 'fromTime', 'toTime', 'technicians', 'travelFee'])),
    before: z.object(windowFields).partial(),
    after: z.object(windowFields).partial(),
  }),
  z.object({ action: z.literal('arrive') }),
  z.object({ action: z.literal('finish') }),
]);
