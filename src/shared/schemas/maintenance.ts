import { z } from 'zod';
import { id, isoDate } from './common';
import { READING_MAX, READING_UNITS } from './readings';

/**
 * 保养计划 and 维保合同. A plan is due by days, by usage (the device's reading in its unit), or both:
 * a mixed plan is due at whichever comes first. The server's clock cuts the due list.
 */
export const DUE_TABS = ['overdue', 'week', 'month'] as const;
export type DueTab = (typeof DUE_TABS)[number];
/** What a service contract pays for: its labor lines, its part lines, or both. */
export const CONTRACT_COVERS = ['labor', 'parts', 'both'] as const;
export type ContractCovers = (typeof CONTRACT_COVERS)[number];

const planName = z.string().trim().min(1).max(60);
const intervalDays = z.int().min(1).max(3650);
const intervalUsage = z.int().min(1).max(READING_MAX);
const readingValue = z.int().min(0).max(READING_MAX);

const planFields = {
  name: planName,
  intervalDays: intervalDays.nullable().default(null),
  intervalUsage: intervalUsage.nullable().default(null),
  unit: z.enum(READING_UNITS).nullable().default(null),
  /** The last service: its day and the reading then (null: none known). */
  lastServiceOn: isoDate,
  lastServiceReading: readingValue.nullable().default(null),
};

/** Days, usage or both; usage names its unit, and a reading is taken only with a unit. */
function checkInterval(
  v: {
    intervalDays: number | null;
    intervalUsage: number | null;
    unit: string | null;
    lastServiceReading: number | null;
  },
  ctx: z.RefinementCtx,
) {
  if (v.intervalDays === null && v.intervalUsage === null) {
    ctx.addIssue({ code: 'custom', path: ['intervalDays'], message: 'an interval in days or in usage' });
  }
  if (v.intervalUsage !== null && v.unit === null) {
    ctx.addIssue({ code: 'custom', path: ['unit'], message: 'usage needs its unit' });
  }
  if (v.intervalUsage === null && v.lastServiceReading !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['lastServiceReading'],
      message: 'a reading needs a usage interval',
    });
  }
}

export const createPlanInput = z
  .object({ deviceId: id, ...planFields })
  .strict()
  .superRefine(checkInterval);

export const updatePlanInput = z
  .object({ id, ...planFields, active: z.boolean() })
  .strict()
  .superRefine(checkInterval);

export const maintenancePlan = z.object({
  id,
  deviceId: id,
  name: z.string(),
  intervalDays: z.int().nullable(),
  intervalUsage: z.int().nullable(),
  unit: z.enum(READING_UNITS).nullable(),
  lastServiceOn: z.string(),
  lastServiceReading: z.int().nullable(),
  nextDueOn: z.string().nullable(),
  nextDueReading: z.int().nullable(),
  /** The device's latest reading in the plan's unit (device_readings). */
  currentReading: z.int().nullable(),
  active: z.boolean(),
  /** On the server's clock: null when not due within 30 days. */
  due: z.enum(DUE_TABS).nullable(),
  /** Whether the due comes from the reading (reached) rather than from the date. */
  dueByReading: z.boolean(),
});
export type MaintenancePlan = z.infer<typeof maintenancePlan>;

export const devicePlansInput = z.object({ deviceId: id }).strict();

/** A reading the customer reports (source `reported`), through the one readings service. */
export const reportReadingInput = z
  .object({
    deviceId: id,
    unit: z.enum(READING_UNITS),
    value: readingValue,
    /** Needed only when the value is below the last reading. */
    reason: z.string().trim().max(200).default(''),
  })
  .strict();

export const dueListInput = z
  .object({ tab: z.enum(DUE_TABS).default('overdue'), limit: z.int().min(1).max(500).default(100) })
  .strict();

export const dueRow = maintenancePlan.extend({
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
  noContact: z.boolean(),
  deviceLabel: z.string(),
});
export type DueRow = z.infer<typeof dueRow>;

export const dueList = z.object({
  today: z.string(),
  counts: z.object({ overdue: z.int(), week: z.int(), month: z.int() }),
  rows: z.array(dueRow),
});
export type DueList = z.infer<typeof dueList>;

// ── 维保合同 service contracts ──
export const createContractInput = z
  .object({
    customerId: id,
    deviceIds: z.array(id).min(1).max(200),
    startsOn: isoDate,
    endsOn: isoDate,
    visits: z.int().min(1).max(1000),
    covers: z.enum(CONTRACT_COVERS),
    note: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((v) => v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'ends before it starts' });

export const serviceContract = z.object({
  id,
  contractNo: z.string(),
  customerId: id,
  customerName: z.string(),
  devices: z.array(z.object({ id, label: z.string() })),
  startsOn: z.string(),
  endsOn: z.string(),
  visits: z.int(),
  /** Orders under the contract that were not cancelled (a cancelled order gives its visit back). */
  visitsUsed: z.int(),
  covers: z.enum(CONTRACT_COVERS),
  note: z.string(),
  /** On the server's clock: not started yet, in force, or ended. */
  state: z.enum(['pending', 'active', 'expired']),
  createdAt: z.int(),
});
export type ServiceContract = z.infer<typeof serviceContract>;

export const listContractsInput = z.object({ customerId: id.optional(), deviceId: id.optional() }).strict();

// ── 保修到期提醒 warranty-expiry call list ──
export const warrantyExpiringInput = z.object({ days: z.int().min(1).max(365).optional() }).strict();
export const warrantyExpiringRow = z.object({
  deviceId: id,
  deviceLabel: z.string(),
  warrantyEnd: z.string(),
  customerId: id,
  customerName: z.string(),
  phone: z.string(),
});
export const warrantyExpiringList = z.object({
  today: z.string(),
  days: z.int(),
  rows: z.array(warrantyExpiringRow),
});
