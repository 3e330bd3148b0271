import { and, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { Valuation } from '@shared/schemas/stock';
import { parts, stockDocuments, stockMovements } from '../../db/schema';
import type { Queryable } from '../context';
import { partSearch } from './catalog';

/**
 * Stock on hand valued at the moving-average cost, by part code. Parts with nothing on hand are
 * left out unless `includeZero`; an archived part still appears while it has stock, because its
 * value is still on the shelf (an archived part with none is never listed).
 */
export function stockValuation(q: Queryable, input: ParsedInputOf<'stock.valuation'>): Valuation {
  const filters: SQL[] = [];
  filters.push(
    input.includeZero ? (or(isNull(parts.archivedAt), ne(parts.onHand, 0)) as SQL) : ne(parts.onHand, 0),
  );
  if (input.search) filters.push(partSearch(input.search));
  if (input.category !== undefined) filters.push(eq(parts.category, input.category));
  // Rows straight from SQLite in the contract's shape, the value computed there: the whole list is
  // thousands of rows, and mapping each through drizzle's column mapper and a copy cost twice the query.
  const rows = q.all<Valuation['rows'][number]>(sql`
    SELECT ${parts.id} AS partId, ${parts.code} AS code, ${parts.name} AS name, ${parts.spec} AS spec,
      ${parts.category} AS category, ${parts.unit} AS unit, ${parts.location} AS location,
      ${parts.onHand} AS onHand, ${parts.minStock} AS minStock, ${parts.costPrice} AS costPrice,
      ${parts.salePrice} AS salePrice, ${parts.onHand} * ${parts.costPrice} AS value
    FROM ${parts} WHERE ${and(...filters)} ORDER BY ${parts.code}`);
  let totalQty = 0;
  let totalValue = 0;
  for (const r of rows) {
    totalQty += r.onHand;
    totalValue += r.value;
  }
  return { rows, totalQty, totalValue };
}

/**
 * Most-used parts in [from, to): quantities issued to work orders minus those returned from them,
 * per part, with the orders that kept some (net above zero) and the net value at the cost of each
 * movement. Read from the documents' (kind, posted_at) index, then each document's movements; a
 * movement's time is its document's posting time.
 */
export function stockUsage(q: Queryable, input: ParsedInputOf<'stock.usage'>): OutputOf<'stock.usage'> {
  if (input.from > input.to) {
    throw fieldError('to', 'endBeforeStart', {}, 'end before start');
  }
  const perOrder = sql`SELECT ${stockMovements.partId} AS part_id,
      -sum(${stockMovements.qty}) AS qty,
      -sum(${stockMovements.qty} * ${stockMovements.unitCost}) AS cost
    FROM ${stockDocuments}
    JOIN ${stockMovements} ON ${stockMovements.documentId} = ${stockDocuments.id}
    WHERE ${stockDocuments.kind} IN ('orderIssue', 'orderReturn')
      AND ${stockDocuments.postedAt} >= ${input.from} AND ${stockDocuments.postedAt} < ${input.to}
    GROUP BY ${stockMovements.partId}, ${stockDocuments.workOrderId}`;
  return q.all<OutputOf<'stock.usage'>[number]>(sql`
    SELECT p.id AS partId, p.code AS code, p.name AS name, p.unit AS unit,
      sum(u.qty) AS qty, count(CASE WHEN u.qty > 0 THEN 1 END) AS orders, sum(u.cost) AS costValue
    FROM (${perOrder}) u JOIN ${parts} p ON p.id = u.part_id
    GROUP BY p.id
    HAVING sum(u.qty) > 0
    ORDER BY qty DESC, p.code
    LIMIT ${input.limit}`);
}
