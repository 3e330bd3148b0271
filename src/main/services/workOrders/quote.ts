import { fieldError } from '@shared/errors';
import type { ChargeLine } from '@shared/schemas/charges';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import type { QuoteCheck } from '@shared/schemas/workOrders';
import type { WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { readBilling } from '../settings';
import { yuan } from '../settlements/records';
import { contractCoverage } from '../maintenance/coverage';
import { settlementLines, subtotalOf, toOrderLines } from '../settlements/totals';

/**
 * The bill against the quote the customer approved. The bill is the lines before any discount
 * (labor + parts + fees, warranty lines at ¥0): the order page shows an excess before a discount is
 * chosen, and a discount is the shop's concession at the counter, not a new price the customer
 * agreed to. An order without an approved quote (a warranty job that skipped the quote, a quote
 * approved with no amount) has nothing to exceed.
 */

function quoteCheckOf(approved: number | null, billed: number, tolerance: number): QuoteCheck {
  const over = approved === null ? 0 : billed - approved;
  return { approved, billed, excess: over > tolerance ? over : 0 };
}

/** The order's quote check from the lines its detail has read. */
export function readQuoteCheck(
  q: Queryable,
  order: WorkOrderRecord,
  parts: readonly OrderPartLine[],
  charges: readonly ChargeLine[],
): QuoteCheck {
  const billed = subtotalOf(settlementLines(contractCoverage(q, order.id, toOrderLines(parts, charges))));
  return quoteCheckOf(order.approvedAmount, billed, readBilling(q).quoteTolerance);
}

/**
 * Settling needs the bill within the approved quote (and the tolerance): otherwise CONFLICT until
 * the customer's renewed approval is recorded (workOrders.renewApproval).
 */
export function requireQuoteCovers(q: Queryable, order: WorkOrderRecord, billed: number): void {
  const check = quoteCheckOf(order.approvedAmount, billed, readBilling(q).quoteTolerance);
  if (check.excess === 0 || check.approved === null) return;
  const message =
    `the lines come to ${yuan(billed)}, ${yuan(check.excess)} above the approved quote of ` +
    `${yuan(check.approved)}; record the customer's approval of the new amount first`;
  const params = { billed, excess: check.excess, approved: check.approved };
  throw fieldError('id', 'quoteExceeded', params, message);
}
