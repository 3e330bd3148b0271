import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import type { DepositMethod } from '@shared/schemas/deposits';
import { users } from './users';
import { workOrders } from './workOrders';

/**
 * 订金: money taken on an order before it is settled (positive) and given back (negative). Kept
 * apart from payments, which belong to a settlement: a deposit is taken before any settlement
 * exists. Append-only by trigger, like payments; counted in the day close on its business date.
 */
export const deposits = sqliteTable(
  'deposits',
  {
    id: text('id').primaryKey(),
    workOrderId: text('work_order_id')
      .notNull()
      .references(() => workOrders.id),
    method: text('method').$type<DepositMethod>().notNull(),
    /** Fen; a refund is negative. */
    amount: integer('amount').notNull(),
    reference: text('reference').notNull().default(''),
    reason: text('reason').notNull().default(''),
    /** The shop's calendar day, YYYY-MM-DD, that the day close counts it on. */
    businessDate: text('business_date').notNull(),
    at: integer('at').notNull(),
    userId: text('user_id').references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
  },
  (t) => [
    index('deposits_order').on(t.workOrderId),
    index('deposits_date_amount').on(t.businessDate, t.method, t.amount),
  ],
);

export type DepositRecord = typeof deposits.$inferSelect;
