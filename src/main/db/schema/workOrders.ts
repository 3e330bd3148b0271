import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { Outcome, UnrepairableReason, WorkOrderStatus } from '@shared/workOrderStatus';
import type { WarrantyStatus } from '@shared/warranty';
import type { Priority } from '@shared/schemas/settings';
import type { CHANNELS, SERVICE_TYPES, APPROVAL_METHODS, EVENT_KINDS } from '@shared/schemas/workOrders';
import { customers } from './customers';
import { devices } from './devices';
import { users } from './users';

export const workOrders = sqliteTable(
  'work_orders',
  {
    id: text('id').primaryKey(),
    orderNo: text('order_no').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    status: text('status').$type<WorkOrderStatus>().notNull(),
    channel: text('channel').$type<(typeof CHANNELS)[number]>().notNull(),
    serviceType: text('service_type').$type<(typeof SERVICE_TYPES)[number]>().notNull(),
    priority: text('priority').$type<Priority>().notNull(),
    reportedFault: text('reported_fault').notNull(),
    /** JSON array of accessory keys. */
    accessories: text('accessories').notNull().default('[]'),
    accessoriesNote: text('accessories_note').notNull().default(''),
    condition: text('condition').notNull().default(''),
    devicePassword: text('device_password').notNull().default(''),
    warrantyStatus: text('warranty_status').$type<WarrantyStatus>().notNull(),
    warrantyComputed: text('warranty_computed').$type<WarrantyStatus>().notNull(),
    warrantyOverrideReason: text('warranty_override_reason'),
    reworkOfId: text('rework_of_id'),
    promisedAt: integer('promised_at').notNull(),
    technicianId: text('technician_id').references(() => users.id),
    diagnosis: text('diagnosis').notNull().default(''),
    /** Fen: the current quote. Technicians revise it after diagnosis. */
    estimate: integer('estimate'),
    /** Fen: the estimate as given at intake, never changed afterwards; the intake forms print it. */
    intakeEstimate: integer('intake_estimate'),
    /**
     * Fen: the amount the customer approved — the estimate when they said yes, or a later renewed
     * approval. Null when no quote was approved (e.g. a warranty job that skipped the quote).
     */
    approvedAmount: integer('approved_amount'),
    approvalBy: text('approval_by'),
    approvalMethod: text('approval_method').$type<(typeof APPROVAL_METHODS)[number]>(),
    approvalAt: integer('approval_at'),
    approvalRecordedBy: text('approval_recorded_by'),
    resolution: text('resolution').notNull().default(''),
    cancelReason: text('cancel_reason'),
    readyAt: integer('ready_at'),
    deliveredAt: integer('delivered_at'),
    /** 维修结果, set by the move that decides it (`outcomeOfMove`); null while the work goes on. */
    outcome: text('outcome').$type<Outcome>(),
    unrepairableReason: text('unrepairable_reason').$type<UnrepairableReason>(),
    /** First move out of diagnosing: the end of the first response (intake → diagnosis). */
    diagnosedAt: integer('diagnosed_at'),
    /** On hold (待客户): the status it was parked from and resumes to, why, since when, and when to call back. */
    heldFrom: text('held_from').$type<WorkOrderStatus>(),
    holdReason: text('hold_reason'),
    heldAt: integer('held_at'),
    recallAt: integer('recall_at'),
    /**
     * The device's category and brand, kept by triggers (drizzle/0015: at intake, when the order's
     * device changes, when the device is edited): the by-category report reads a year from one index.
     */
    deviceCategory: text('device_category'),
    deviceBrand: text('device_brand'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    /** Bumped by a trigger on every change (drizzle/0013): an edit names the version it started from. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('work_orders_no_unique').on(t.orderNo),
    index('work_orders_status_created').on(t.status, t.createdAt),
    // No index on created_at alone: the report indexes below lead with it (drizzle/0027).
    index('work_orders_customer').on(t.customerId, t.createdAt),
    index('work_orders_device').on(t.deviceId, t.createdAt),
    index('work_orders_technician_status').on(t.technicianId, t.status),
    index('work_orders_status_promised').on(t.status, t.promisedAt),
    index('work_orders_rework_of').on(t.reworkOfId),
    // Status counts under a list filter read these instead of the whole table.
    index('work_orders_channel_status').on(t.channel, t.status),
    index('work_orders_warranty_status').on(t.warrantyStatus, t.status),
    index('work_orders_service_status').on(t.serviceType, t.status),
    index('work_orders_status_updated').on(t.status, t.updatedAt),
    // Reports read a year of orders from these alone (covering): no table lookups, see services/reports.
    index('work_orders_intake_report').on(
      t.createdAt,
      t.channel,
      t.serviceType,
      t.status,
      t.warrantyComputed,
      t.reworkOfId,
      t.readyAt,
      t.deliveredAt,
    ),
    index('work_orders_ready_report').on(t.readyAt, t.createdAt, t.promisedAt, t.serviceType, t.technicianId),
    index('work_orders_delivered_report').on(
      t.deliveredAt,
      t.createdAt,
      t.promisedAt,
      t.serviceType,
      t.technicianId,
    ),
    // The quality reports: one technician × service type's orders of a period as one index range,
    // summed in SQL (services/reports/groupSums.ts).
    index('work_orders_group_report').on(
      t.technicianId,
      t.serviceType,
      t.createdAt,
      t.outcome,
      t.diagnosedAt,
      t.readyAt,
      t.promisedAt,
      t.reworkOfId,
      t.warrantyComputed,
    ),
    // Repaired orders by when they were readied or delivered (a technician's completions, first-time
    // fix): the outcome first, so the range reads only repaired ones, with no table lookups.
    index('work_orders_repaired_ready').on(
      t.outcome,
      t.readyAt,
      t.createdAt,
      t.promisedAt,
      t.serviceType,
      t.technicianId,
    ),
    index('work_orders_repaired_delivered').on(t.outcome, t.deliveredAt),
    index('work_orders_recall').on(t.status, t.recallAt),
    index('work_orders_category_report').on(
      t.createdAt,
      t.deviceCategory,
      t.deviceBrand,
      t.outcome,
      t.readyAt,
    ),
  ],
);

export const workOrderEvents = sqliteTable(
  'work_order_events',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    at: integer('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    kind: text('kind').$type<(typeof EVENT_KINDS)[number]>().notNull(),
    fromStatus: text('from_status').$type<WorkOrderStatus>(),
    toStatus: text('to_status').$type<WorkOrderStatus>(),
    note: text('note').notNull().default(''),
    /** JSON object with the details of an edit or an assignment. */
    data: text('data'),
    /** The LAN terminal it was done at (null: the host's own screen). */
    terminalName: text('terminal_name'),
  },
  (t) => [index('work_order_events_order').on(t.workOrderId, t.at)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    fileName: text('file_name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    /** File name inside the data folder's attachments/ directory. */
    storedName: text('stored_name').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('attachments_order').on(t.workOrderId)],
);

export type WorkOrderRecord = typeof workOrders.$inferSelect;
