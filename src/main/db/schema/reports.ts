import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { settlements } from './settlements';

/**
 * One row per settlement with what the reports add up, kept by triggers (migration
 * 0009_report_facts): labor, parts and fees (customer amounts), labor hours, the 三包 claim (covered
 * lines' list value when the order was under the maker's warranty), the order's technician and the
 * device's brand when it was settled, and the settlement's status (a void flips it). A year of
 * revenue is then one range scan of one covering index instead of a join over every line.
 * Nothing in the app writes it; a settlement and its lines are append-only, so it cannot drift.
 */
export const settlementFacts = sqliteTable(
  'settlement_facts',
  {
    settlementId: text('settlement_id')
      .notNull()
      .references(() => settlements.id),
    workOrderId: text('work_order_id').notNull(),
    createdAt: integer('created_at').notNull(),
    status: text('status').$type<'active' | 'void'>().notNull(),
    technicianId: text('technician_id'),
    brand: text('brand').notNull(),
    /** The device's category when it was settled (drizzle/0015), for revenue by category. */
    category: text('category').notNull().default(''),
    /** The order was under the maker's warranty (status 'in') when settled. */
    makerWarranty: integer('maker_warranty', { mode: 'boolean' }).notNull(),
    total: integer('total').notNull(),
    discountAmount: integer('discount_amount').notNull(),
    labor: integer('labor').notNull().default(0),
    parts: integer('parts').notNull().default(0),
    fees: integer('fees').notNull().default(0),
    laborHours: real('labor_hours').notNull().default(0),
    claimLines: integer('claim_lines').notNull().default(0),
    claimAmount: integer('claim_amount').notNull().default(0),
  },
  (t) => [
    uniqueIndex('settlement_facts_settlement').on(t.settlementId),
    index('settlement_facts_created').on(
      t.createdAt,
      t.status,
      t.total,
      t.discountAmount,
      t.labor,
      t.parts,
      t.fees,
      t.laborHours,
      t.technicianId,
      t.claimAmount,
      t.claimLines,
      t.brand,
    ),
    index('settlement_facts_category').on(t.createdAt, t.status, t.category, t.brand, t.total),
    // Per technician, one range each: no sort of a year's rows for a GROUP BY.
    index('settlement_facts_technician').on(t.technicianId, t.createdAt, t.status, t.labor, t.laborHours),
    // The 三包 claims by brand, in brand order: only settlements with a claim.
    index('settlement_facts_claims')
      .on(t.brand, t.createdAt, t.status, t.claimLines, t.claimAmount)
      .where(sql`claim_lines > 0`),
  ],
);
