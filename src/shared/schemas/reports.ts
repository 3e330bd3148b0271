import { z } from 'zod';
import { isIsoDate, warrantyEndFrom } from '../dates';
import { DEFAULT_LANGUAGE, LANGUAGES } from '../languages';
import { WORK_ORDER_STATUSES } from '../workOrderStatus';
import { COMPLAINT_SEVERITIES, COMPLAINT_STATUSES } from './complaintKinds';
import { epochMs, id } from './common';
import { CHANNELS, SERVICE_TYPES } from './workOrders';
import { PAYMENT_METHODS } from './settlements';

const day = z.string().refine(isIsoDate, 'YYYY-MM-DD');

/** The longest period a report covers: a shop's history of several years, at month or year points. */
export const MAX_PERIOD_YEARS = 10;

/** The sizes of a chart's points, smallest first. */
export const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Bucket = (typeof BUCKETS)[number];

/**
 * The point size that suits a period's length when the user has not chosen one: days up to two
 * months, months up to two years, quarters up to five years, years beyond (a dozen or so points).
 */
export function bucketFor(from: string, to: string): Bucket {
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days <= 62) return 'day';
  if (days <= 731) return 'month';
  if (days <= 1827) return 'quarter';
  return 'year';
}

/**
 * A report's period: whole local calendar days, `from` and `to` both included, and the size of
 * the points on a chart over time. At most ten years: `to` no later than the day before the same
 * date ten years on (2016-03-01 → 2026-02-28), as a warranty term of 120 months ends.
 */
export const periodInput = z
  .object({
    from: day,
    to: day,
    bucket: z.enum(BUCKETS).default('day'),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'from after to', path: ['to'] })
  .refine((p) => !isIsoDate(p.from) || p.to <= warrantyEndFrom(p.from, MAX_PERIOD_YEARS * 12), {
    message: `a period is at most ${MAX_PERIOD_YEARS} years`,
    path: ['to'],
  });
export type PeriodInput = z.infer<typeof periodInput>;

const count = z.int().nonnegative();
/** Money in fen; may be negative (refunds). */
const fen = z.int();
/** A share 0–1, null when there is nothing to divide by. */
const rate = z.number().min(0).max(1).nullable();
/** Hours, null when no order qualifies. */
const hours = z.number().nonnegative().nullable();

const byChannel = z.object(
  Object.fromEntries(CHANNELS.map((c) => [c, count])) as Record<(typeof CHANNELS)[number], typeof count>,
);
const byServiceType = z.object(
  Object.fromEntries(SERVICE_TYPES.map((s) => [s, count])) as Record<
    (typeof SERVICE_TYPES)[number],
    typeof count
  >,
);

/** Orders received (by intake time), per chart point: by channel and by service type. */
export const volumeReport = z.object({
  /** Every point of the period, empty ones included; `key` is the point's first day. */
  points: z.array(z.object({ key: day, total: count, byChannel, byServiceType })),
  totals: z.object({ total: count, byChannel, byServiceType }),
});
export type VolumeReport = z.infer<typeof volumeReport>;

/** Intake → ready and intake → delivered, for orders that reached that state in the period. */
export const turnaroundFigures = z.object({
  delivered: count,
  avgToDeliveredHours: hours,
  medianToDeliveredHours: hours,
  readied: count,
  avgToReadyHours: hours,
  medianToReadyHours: hours,
  /** Of the orders readied in the period: ready on or before the promised time. */
  onTime: count,
  onTimeRate: rate,
});
export const turnaroundReport = z.object({
  overall: turnaroundFigures,
  byServiceType: z.array(turnaroundFigures.extend({ serviceType: z.enum(SERVICE_TYPES) })),
  byTechnician: z.array(
    turnaroundFigures.extend({ technicianId: id.nullable(), technicianName: z.string().nullable() }),
  ),
});
export type TurnaroundReport = z.infer<typeof turnaroundReport>;

/**
 * Orders received in the period by how they ended (维修结果); `open` have no outcome yet (still at
 * the bench, on hold, or waiting for pickup of a repair not yet passed).
 */
export const outcomeSplit = z.object({
  repaired: count,
  unrepairable: count,
  declined: count,
  cancelled: count,
  open: count,
});
export type OutcomeSplit = z.infer<typeof outcomeSplit>;

/**
 * Quality of the work. `received` orders came in during the period; `completed` of them were
 * repaired (outcome 已修复: an unrepaired return, a refusal or a cancellation is not a completion),
 * `outcomes` splits them all by outcome; `reworks` are orders received in the period that return a
 * repair inside the repair-warranty window; first-time fix is the share of the repaired orders
 * delivered in the period that did not come back inside that window (up to today).
 */
export const qualityReport = z.object({
  received: count,
  completed: count,
  cancelled: count,
  completionRate: rate,
  outcomes: outcomeSplit,
  reworks: count,
  reworkRate: rate,
  /** Repaired orders delivered in the period (an unrepaired return is not a fix to count). */
  delivered: count,
  fixedFirstTime: count,
  firstTimeFixRate: rate,
  /**
   * 预约 that started in the period and were settled by the customer: came (arrived) or did not
   * (noShow); the no-show rate is of those two (cancelled and still booked ones are neither).
   */
  appointments: z.object({ arrived: count, noShow: count, noShowRate: rate }),
  byServiceType: z.array(
    z.object({
      serviceType: z.enum(SERVICE_TYPES),
      received: count,
      completed: count,
      reworks: count,
      completionRate: rate,
      reworkRate: rate,
      outcomes: outcomeSplit,
    }),
  ),
});
export type QualityReport = z.infer<typeof qualityReport>;

/**
 * Revenue. Billing: settlements made in the period that are not void (whenever voided); labor,
 * parts and fees are the lines' customer amounts (a warranty-covered line is 0 to the customer).
 * Money: payments by their business date (the day close's day) in the period, every method
 * including on account, as the day close counts them. A refund and a void's reversing entries are
 * negative payments and count as refunds on the day they were made: a settlement paid and voided
 * inside the period nets to 0 collected; one voided in a later period shows its money going back
 * then (so `collected` may be negative for a day).
 */
export const revenueReport = z.object({
  /** By the settlements' day; `total` is what was billed (after discount and rounding). */
  points: z.array(z.object({ key: day, labor: fen, parts: fen, fees: fen, total: fen })),
  totals: z.object({
    labor: fen,
    parts: fen,
    fees: fen,
    discount: fen,
    /** Billed to customers: lines − discount ± rounding. */
    billed: fen,
    /** Payments taken in the period, refunds subtracted: Σ byMethod.net. */
    collected: fen,
    /** Money given back in the period (refunds and void reversals), as a positive amount. */
    refunds: fen,
    settlements: count,
  }),
  byMethod: z.array(
    /** Methods with any payment in the period: taken (positive payments), given back, net = taken − back, count of positive payments. */
    z.object({ method: z.enum(PAYMENT_METHODS), amount: fen, refunds: fen, net: fen, count }),
  ),
  /** Covered lines' list value: what the shop can claim back from makers (三包), as in warrantyClaims. */
  warrantyByBrand: z.array(z.object({ brand: z.string(), orders: count, lines: count, amount: fen })),
});
export type RevenueReport = z.infer<typeof revenueReport>;

/**
 * 三包 claim list: every warranty-covered line, at list value, on a settlement made in the period
 * (not void) of an order under the maker's warranty (status 'in' when settled). Lines covered under
 * our own repair warranty or as goodwill are the shop's cost, not a maker's, and are left out.
 * `rows` holds the first 1,000 lines by settlement time (the export has them all); `rowCount` is
 * how many there are.
 */
export const warrantyClaimsReport = z.object({
  rowCount: count,
  rows: z.array(
    z.object({
      settlementNo: z.string(),
      settledAt: epochMs,
      orderNo: z.string(),
      customerName: z.string(),
      brand: z.string(),
      model: z.string(),
      serialNo: z.string(),
      kind: z.enum(['labor', 'part', 'fee']),
      name: z.string(),
      quantity: z.number(),
      amount: fen,
    }),
  ),
  byBrand: z.array(z.object({ brand: z.string(), orders: count, lines: count, amount: fen })),
  total: fen,
});
export type WarrantyClaimsReport = z.infer<typeof warrantyClaimsReport>;

export const technicianReport = z.object({
  rows: z.array(
    z.object({
      technicianId: id.nullable(),
      technicianName: z.string().nullable(),
      /** Orders of theirs readied in the period and repaired (an unrepaired return is not a completion). */
      completed: count,
      /**
       * Labor on settlements made in the period (voided excluded), customer amounts as in revenue,
       * credited to the order's technician when it was settled; hours are the labor lines' hours.
       */
      laborAmount: fen,
      laborHours: z.number().nonnegative(),
      /** Mean intake → ready of the orders they completed in the period. */
      avgRepairHours: hours,
      /** Reworks received in the period of orders they had repaired. */
      reworks: count,
    }),
  ),
});
export type TechnicianReport = z.infer<typeof technicianReport>;

export const partsReport = z.object({
  /** Issued to work orders minus returned from them in the period (top 50); amount at cost. */
  mostUsed: z.array(
    z.object({
      partId: id,
      code: z.string(),
      name: z.string(),
      quantity: z.int(),
      amount: fen,
      orders: count,
    }),
  ),
  /** On hand now × moving-average cost (the stock valuation), by category. */
  stockValue: z.object({
    total: fen,
    byCategory: z.array(z.object({ category: z.string(), parts: count, quantity: z.int(), value: fen })),
  }),
  /**
   * Parts on hand now with no movement out (any negative movement) in the `slowDays` days before
   * the period's end; the 200 of most value. `lastOutAt`: their latest one before that end.
   */
  slowMovers: z.array(
    z.object({
      partId: id,
      code: z.string(),
      name: z.string(),
      onHand: z.int(),
      value: fen,
      lastOutAt: epochMs.nullable(),
    }),
  ),
  slowDays: count,
});
export type PartsReport = z.infer<typeof partsReport>;

/** A mean over `n` items (null when n is 0). */
const meanOf = z.object({ n: count, mean: z.number().nullable() });

/**
 * 服务质量 (GB/T 27922's indicators) for one group of orders: the whole shop, one technician or one
 * service type. Orders: those received (created_at) in the period, read from one covering index.
 */
export const serviceQualityFigures = z.object({
  /** Orders received in the period. */
  received: count,
  /** First response: of those, the ones diagnosed (diagnosed_at set); mean hours intake → diagnosis. */
  firstResponse: count,
  firstResponseHours: hours,
  /** Turnaround: of those, the ones that reached ready (ready_at set); mean hours intake → ready. */
  readied: count,
  turnaroundHours: hours,
  /** Of the readied ones: ready on or before the promised time; rate = onTime / readied. */
  onTime: count,
  onTimeRate: rate,
  /** Of the orders received, by outcome (open = none yet). */
  outcomes: outcomeSplit,
  /** Fix rate: repaired / orders with an outcome (repaired + unrepairable + declined + cancelled). */
  fixRate: rate,
  /**
   * Reworks: orders received in the period that return an earlier repair inside the repair-warranty
   * window (warranty_computed 'repair'); rate = reworks / received. Per technician, a rework counts
   * for the technician of the order that came back (whose work it was).
   */
  reworks: count,
  reworkRate: rate,
  /**
   * Follow-ups due: follow_ups with due_at in the period, except those the customer opted out of;
   * done = of those, the ones settled by a call (reached, unreachable, wrong number).
   * followUpRate = done / due; reachRate = reached / done. By the order's technician / service type.
   */
  followUpsDue: count,
  followUpsDone: count,
  followUpsReached: count,
  followUpRate: rate,
  reachRate: rate,
  /**
   * Satisfaction: follow-ups reached with done_at in the period; per dimension the mean score (1–5)
   * and the share of 4 or 5 among the scores given; `overall` pools the four dimensions' scores.
   */
  satisfaction: z.object({
    attitude: meanOf.extend({ good: rate }),
    quality: meanOf.extend({ good: rate }),
    timeliness: meanOf.extend({ good: rate }),
    price: meanOf.extend({ good: rate }),
    overall: meanOf.extend({ good: rate }),
  }),
  /**
   * Complaints received (created_at) in the period; per 100 orders = complaints × 100 / received.
   * Per technician and service type, a complaint counts through the order it names (one without an
   * order counts in the shop's figures only).
   */
  complaints: count,
  complaintsPer100: z.number().nonnegative().nullable(),
  /** Of those complaints: mean hours created → first response (first_responded_at set). */
  complaintFirstResponseHours: hours,
  /** Of those complaints: mean hours created → resolution given (resolved_at set). */
  complaintResolutionHours: hours,
  /**
   * Resolved in time: resolved_at ≤ resolution_due, over the complaints received in the period that
   * were not withdrawn (one still unresolved counts as not in time).
   */
  complaintsResolvedInTime: count,
  resolvedInTimeRate: rate,
});
export type ServiceQualityFigures = z.infer<typeof serviceQualityFigures>;

export const serviceQualityReport = z.object({
  overall: serviceQualityFigures,
  /** Every technician with an order received in the period; unassigned as technicianId null. */
  byTechnician: z.array(
    serviceQualityFigures.extend({ technicianId: id.nullable(), technicianName: z.string().nullable() }),
  ),
  /** Every service type, empty ones too. */
  byServiceType: z.array(serviceQualityFigures.extend({ serviceType: z.enum(SERVICE_TYPES) })),
});
export type ServiceQualityReport = z.infer<typeof serviceQualityReport>;

/**
 * By what was repaired (设备品类 / 品牌), orders received in the period: volume, outcome split, fix
 * rate (repaired / orders with an outcome), mean hours intake → ready of those readied, and revenue
 * billed on settlements made in the period (not void) for orders of that category / brand, as in
 * the revenue report. Brands and categories as entered on the devices; most orders first.
 */
export const categoryFigures = z.object({
  received: count,
  outcomes: outcomeSplit,
  fixRate: rate,
  readied: count,
  turnaroundHours: hours,
  /** Billed, in fen. */
  revenue: fen,
});
export const byCategoryReport = z.object({
  byCategory: z.array(categoryFigures.extend({ category: z.string() })),
  byBrand: z.array(categoryFigures.extend({ brand: z.string() })),
  byBrandCategory: z.array(categoryFigures.extend({ brand: z.string(), category: z.string() })),
});
export type ByCategoryReport = z.infer<typeof byCategoryReport>;

export const REPORT_NAMES = [
  'volume',
  'turnaround',
  'quality',
  'revenue',
  'warrantyClaims',
  'technicians',
  'parts',
  'serviceQuality',
  'byCategory',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const reportExportInput = z
  .object({
    report: z.enum(REPORT_NAMES),
    period: periodInput,
    lang: z.enum(LANGUAGES).default(DEFAULT_LANGUAGE),
  })
  .strict();

const orderBrief = z.object({
  id,
  orderNo: z.string(),
  status: z.enum(WORK_ORDER_STATUSES),
  customerName: z.string(),
  device: z.string(),
  promisedAt: epochMs,
  readyAt: epochMs.nullable(),
  createdAt: epochMs,
  /** Open and past its promised time on the server's clock. */
  overdue: z.boolean(),
});

/** A complaint past one of its deadlines, for the manager's home. */
const complaintBrief = z.object({
  id,
  complaintNo: z.string(),
  customerName: z.string(),
  severity: z.enum(COMPLAINT_SEVERITIES),
  status: z.enum(COMPLAINT_STATUSES),
  /** The deadline it missed: no first response yet, or no answer given yet. */
  late: z.enum(['firstResponse', 'resolution']),
  dueAt: epochMs,
});

/**
 * The home screen. Sections a role does not see are null: a clerk gets the counter, a technician
 * their queue, a manager (and admin) the shop and the counter.
 */
export const dashboard = z.object({
  counter: z
    .object({
      receivedToday: count,
      deliveredToday: count,
      /** Net of refunds, in fen. */
      takingsToday: fen,
      /** Payments taken today (positive ones; refunds are in the net takings). */
      paymentsToday: count,
      readyWaiting: count,
      /** Ready for pickup longer than `pickupWaitDays` days, oldest first (at most 100). */
      pickupOverdue: z.array(orderBrief),
      pickupWaitDays: count,
    })
    .nullable(),
  shop: z
    .object({
      openByStatus: z.object(
        Object.fromEntries(WORK_ORDER_STATUSES.map((s) => [s, count])) as Record<
          (typeof WORK_ORDER_STATUSES)[number],
          typeof count
        >,
      ),
      open: count,
      overdue: count,
      lowStock: count,
      /** The last 7 days' takings (net), oldest first, for a small chart. */
      takingsWeek: z.array(z.object({ key: day, amount: fen })),
    })
    .nullable(),
  queue: z
    .object({
      /** The signed-in user's open orders, overdue first then by promised time (at most 100). */
      orders: z.array(orderBrief),
      /** All of them (the list stops at 100). */
      open: count,
      overdue: count,
    })
    .nullable(),
  /**
   * The clerk's after-sales work (clerk, manager, admin), on the server's clock: follow-ups still
   * pending due today (local day) and due before today; orders on hold whose recall date has come
   * (status onHold, recall_at ≤ now), longest waiting first (at most 100).
   */
  afterSales: z
    .object({
      followUpsToday: count,
      followUpsOverdue: count,
      recallDue: z.array(orderBrief.extend({ recallAt: epochMs })),
      recallDueCount: count,
    })
    .nullable(),
  /**
   * The manager's quality (manager, admin). Overdue complaints on the server's clock: still 已受理
   * past first_response_due, or open and not answered (no resolved_at) past resolution_due; the
   * 10 most overdue. This month's figures as reports.serviceQuality gives them for the month so far.
   */
  quality: z
    .object({
      complaintsOverdue: count,
      overdueComplaints: z.array(complaintBrief),
      month: day,
      fixRate: rate,
      satisfaction: z.number().nullable(),
      satisfactionGood: rate,
      followUpRate: rate,
    })
    .nullable(),
});
export type Dashboard = z.infer<typeof dashboard>;
