import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import type { ReadingUnit } from '@shared/schemas/readings';
import type { ContractCovers } from '@shared/schemas/maintenance';
import { customers } from './customers';
import { devices } from './devices';
import { workOrders } from './workOrders';

/**
 * 保养计划: one per device and kind of service. `next_due_on` / `next_due_reading` are stored when
 * the plan is saved or serviced, and `current_reading` is kept by a trigger on device_readings
 * (drizzle/0021); `reading_reached` follows from them, so every tab of the due list is one index range.
 */
export const maintenancePlans = sqliteTable(
  'maintenance_plans',
  {
    id: text('id').primaryKey(),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
    name: text('name').notNull(),
    intervalDays: integer('interval_days'),
    intervalUsage: integer('interval_usage'),
    unit: text('unit').$type<ReadingUnit>(),
    /** YYYY-MM-DD. */
    lastServiceOn: text('last_service_on').notNull(),
    lastServiceReading: integer('last_service_reading'),
    /** last service + interval days (YYYY-MM-DD), null for a plan by usage only. */
    nextDueOn: text('next_due_on'),
    /** last reading + interval usage, null for a plan by days only. */
    nextDueReading: integer('next_due_reading'),
    currentReading: integer('current_reading'),
    /**
     * current_reading >= next_due_reading, kept by the services and the readings trigger. A plain
     * column, not a generated one: SQLite reads an index on a generated column only with the table
     * row, and the due list's counts must come from the index alone.
     */
    readingReached: integer('reading_reached', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('maintenance_plans_device').on(t.deviceId, t.unit),
    // The due list's tabs: overdue / this week / this month by day, and the plans the meter made due.
    index('maintenance_plans_due').on(t.active, t.readingReached, t.nextDueOn),
  ],
);
export type MaintenancePlanRecord = typeof maintenancePlans.$inferSelect;

/** 维保合同: a period, a number of included visits, and what it covers. */
export const serviceContracts = sqliteTable(
  'service_contracts',
  {
    id: text('id').primaryKey(),
    contractNo: text('contract_no').notNull().unique(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** YYYY-MM-DD, both inclusive. */
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    visits: integer('visits').notNull(),
    covers: text('covers').$type<ContractCovers>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('service_contracts_customer').on(t.customerId, t.createdAt)],
);
export type ServiceContractRecord = typeof serviceContracts.$inferSelect;

export const serviceContractDevices = sqliteTable(
  'service_contract_devices',
  {
    contractId: text('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    deviceId: text('device_id')
      .notNull()
      .references(() => devices.id),
  },
  (t) => [
    primaryKey({ columns: [t.contractId, t.deviceId] }),
    index('service_contract_devices_device').on(t.deviceId),
  ],
);

/** A work order under a contract: one visit, counted while the order is not cancelled. */
export const contractVisits = sqliteTable(
  'contract_visits',
  {
    workOrderId: text('work_order_id')
      .primaryKey()
      .references(() => workOrders.id),
    contractId: text('contract_id')
      .notNull()
      .references(() => serviceContracts.id),
    at: integer('at').notNull(),
  },
  (t) => [index('contract_visits_contract').on(t.contractId)],
);
