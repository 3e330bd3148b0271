import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { AppointmentChannel, AppointmentState } from '@shared/schemas/appointments';
import type { SERVICE_TYPES } from '@shared/schemas/orderKinds';
import { customers } from './customers';
import { devices } from './devices';
import { users } from './users';
import { workOrders } from './workOrders';

/**
 * 预约: a customer's device booked for a slot [start_at, end_at), with a technician and/or a bay.
 * Booked until it arrives (the intake's work order is linked here, in the order's transaction), is
 * recorded as a no-show, or is cancelled with its reason.
 */
export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    serviceType: text('service_type').$type<(typeof SERVICE_TYPES)[number]>().notNull(),
    fault: text('fault').notNull(),
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    channel: text('channel').$type<AppointmentChannel>().notNull(),
    technicianId: text('technician_id').references(() => users.id),
    bay: text('bay'),
    note: text('note').notNull().default(''),
    state: text('state').$type<AppointmentState>().notNull(),
    cancelReason: text('cancel_reason'),
    workOrderId: text('work_order_id').references(() => workOrders.id),
    /** When it left `booked` (arrived, no-show, cancelled) and by whom. */
    closedAt: integer('closed_at'),
    closedBy: text('closed_by'),
    /** When the day-before reminder was queued (once per appointment). */
    remindedAt: integer('reminded_at'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
  },
  (t) => [
    // The day and week views and the collision check: one range of start times.
    index('appointments_start').on(t.startAt, t.state),
    // The no-show rate in the quality report: closed ones by state over a period.
    index('appointments_state_start').on(t.state, t.startAt),
    index('appointments_customer').on(t.customerId, t.startAt),
    uniqueIndex('appointments_work_order').on(t.workOrderId),
  ],
);

export type AppointmentRecord = typeof appointments.$inferSelect;
