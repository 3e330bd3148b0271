import { fieldError } from '@shared/errors';
import type { DiscountInput } from '@shared/schemas/settlements';
import type { Queryable } from '../context';
import { readBilling } from '../settings';
import { readCharges, readOrderParts } from '../workOrders/read';
import { contractCoverage } from '../maintenance/coverage';
import { computeTotals, toOrderLines, type OrderLines, type Totals } from './totals';

/** The order's part, labor and fee lines in use, as the totals take them. */
function orderLines(q: Queryable, workOrderId: string): OrderLines {
  const lines = toOrderLines(readOrderParts(q, workOrderId), readCharges(q, workOrderId));
  return contractCoverage(q, workOrderId, lines);
}

/** The most a settlement can carry (the contract's fen limit): ¥10,000,000. */
const MAX_FEN = 1_000_000_000;

/** What a settlement of the order would come to now, with the shop's billing rules. */
export function orderTotals(q: Queryable, workOrderId: string, discount: DiscountInput): Totals {
  const totals = computeTotals(orderLines(q, workOrderId), discount, readBilling(q));
  const over = totals.subtotal > MAX_FEN || totals.warrantyValue > MAX_FEN;
  if (over || totals.lines.some((l) => l.listAmount > MAX_FEN)) {
    const message = 'the lines come to more than a settlement can carry (¥10,000,000)';
    throw fieldError('id', 'settlementTooLarge', { max: MAX_FEN }, message);
  }
  return totals;
}
