import { sql } from 'drizzle-orm';
import type { PeriodInput, WarrantyClaimsReport } from '@shared/schemas/reports';
import type { Db } from '../../db/open';
import { periodOf } from './period';

/** The claim lines a report shows; the export has them all. */
const MAX_CLAIM_ROWS = 1000;

/**
 * 三包 claims: warranty-covered lines on settlements made in the period (not void) of orders under
 * the maker's warranty (warranty status 'in' when settled), at list value — what the shop bills
 * the maker. A line covered under our own repair warranty (a rework) or as a goodwill gesture on an
 * order out of warranty is the shop's cost, not a claim, and is left out. By brand from
 * settlement_facts (its claim columns, kept by triggers); the lines themselves from the settlements.
 */
export function warrantyByBrand(db: Db, start: number, end: number): WarrantyClaimsReport['byBrand'] {
  return db.all<WarrantyClaimsReport['byBrand'][number]>(sql`
    SELECT brand, count(*) AS orders, sum(claim_lines) AS lines, sum(claim_amount) AS amount
    FROM settlement_facts INDEXED BY settlement_facts_claims
    WHERE claim_lines > 0 AND created_at >= ${start} AND created_at < ${end} AND status = 'active'
    GROUP BY brand ORDER BY amount DESC, brand`);
}

function claimRows(db: Db, start: number, end: number, limit: number): WarrantyClaimsReport['rows'] {
  return db.all<WarrantyClaimsReport['rows'][number]>(sql`
    SELECT s.settlement_no AS settlementNo, s.created_at AS settledAt, o.order_no AS orderNo,
      c.name AS customerName, f.brand AS brand, d.model AS model, d.serial_no AS serialNo,
      l.kind AS kind, l.name AS name, l.qty AS quantity, l.list_amount AS amount
    FROM settlement_facts f INDEXED BY settlement_facts_created
    JOIN settlements s ON s.id = f.settlement_id
    JOIN settlement_lines l ON l.settlement_id = f.settlement_id AND l.covered_by_warranty = 1
    JOIN work_orders o ON o.id = f.work_order_id
    JOIN devices d ON d.id = o.device_id
    JOIN customers c ON c.id = o.customer_id
    WHERE f.created_at >= ${start} AND f.created_at < ${end} AND f.status = 'active' AND f.claim_lines > 0
    ORDER BY f.created_at, s.settlement_no, l.line_no
    LIMIT ${limit}`);
}

export function warrantyClaimsReport(
  db: Db,
  input: PeriodInput,
  limit = MAX_CLAIM_ROWS,
): WarrantyClaimsReport {
  const { start, end } = periodOf(input);
  const byBrand = warrantyByBrand(db, start, end);
  return {
    rows: claimRows(db, start, end, limit),
    rowCount: byBrand.reduce((s, b) => s + b.lines, 0),
    byBrand,
    total: byBrand.reduce((s, b) => s + b.amount, 0),
  };
}
