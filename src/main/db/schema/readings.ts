import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { ReadingSource, ReadingUnit } from '@shared/schemas/readings';
import { devices } from './devices';
import { users } from './users';
import { workOrders } from './workOrders';

/**
 * Usage readings of a device (mileage, hours, counts), oldest to newest. Append-only: a wrong reading
 * is followed by a correction with its reason, never edited, so the history stays a log.
 */
export const deviceReadings = sqliteTable(
  'device_readings',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    unit: text('unit').$type<ReadingUnit>().notNull(),
    value: integer('value').notNull(),
    /** When the meter showed this value (an intake's time, or the date the customer reported). */
    readAt: integer('read_at').notNull(),
    source: text('source').$type<ReadingSource>().notNull(),
    /** The intake that took it, if any. */
    workOrderId: text('work_order_id').references(() => workOrders.id),
    /** Required when the value is below the last reading (meter replaced, typo corrected…). */
    reason: text('reason').notNull().default(''),
    recordedBy: text('recorded_by').references(() => users.id),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    index('device_readings_device').on(t.deviceId, t.unit, t.readAt),
    // An order's page shows the reading its intake took: found by the order, not by scanning.
    index('device_readings_order').on(t.workOrderId),
  ],
);

export type DeviceReadingRecord = typeof deviceReadings.$inferSelect;
