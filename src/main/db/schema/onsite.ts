import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { workOrders } from './workOrders';
import { workOrderCharges } from './settlements';

/**
 * 上门服务: the visit of an order whose channel is 上门, one per order. The window is a local date
 * and two HH:MM times (a shop's day, whatever the zone). The travel fee is not kept here: it is the
 * fee line `travelFeeLineId` on the order (so the settlement bills it like any other fee); the
 * visiting technicians are a JSON array of user ids, the first the lead.
 */
export const onsiteJobs = sqliteTable(
  'onsite_jobs',
  {
    workOrderId: text('work_order_id')
      .primaryKey()
      .references(() => workOrders.id),
    address: text('address').notNull(),
    day: text('day').notNull(),
    fromTime: text('from_time').notNull(),
    toTime: text('to_time').notNull(),
    technicianIds: text('technician_ids').notNull().default('[]'),
    travelFeeLineId: text('travel_fee_line_id').references(() => workOrderCharges.id),
    arrivedAt: integer('arrived_at'),
    arrivedBy: text('arrived_by').references(() => users.id),
    finishedAt: integer('finished_at'),
    finishedBy: text('finished_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('onsite_jobs_day').on(t.day, t.fromTime)],
);

export type OnsiteJobRecord = typeof onsiteJobs.$inferSelect;
