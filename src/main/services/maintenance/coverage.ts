import { eq, sql } from 'drizzle-orm';
import type { ContractCovers } from '@shared/schemas/maintenance';
import { contractVisits, serviceContracts } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedQuery } from '../preparedQuery';
import type { OrderLines } from '../settlements/totals';

const coversQuery = preparedQuery((q) =>
  q
    .select({ covers: serviceContracts.covers })
    .from(contractVisits)
    .innerJoin(serviceContracts, eq(serviceContracts.id, contractVisits.contractId))
    .where(eq(contractVisits.workOrderId, sql.placeholder('id')))
    .prepare(),
);

/** What the order's service contract covers, or null for an order not under a contract. */
export function contractCoversOf(q: Queryable, workOrderId: string): ContractCovers | null {
  return coversQuery(q).get({ id: workOrderId })?.covers ?? null;
}

/**
 * An order under a contract bills its covered lines at ¥0, as warranty lines are: labor lines for
 * `labor`, part lines for `parts`, both for `both`. Fees (travel, disposal…) are never covered. They
 * are not warranty lines, so the maker's warranty-claims report does not count them.
 */
export function contractCoverage(q: Queryable, workOrderId: string, lines: OrderLines): OrderLines {
  const covers = contractCoversOf(q, workOrderId);
  if (covers === null) return lines;
  const labor = covers !== 'parts';
  const parts = covers !== 'labor';
  return {
    parts: lines.parts.map((p) => ({ ...p, coveredByContract: parts })),
    charges: lines.charges.map((c) => ({ ...c, coveredByContract: labor && c.kind === 'labor' })),
  };
}
