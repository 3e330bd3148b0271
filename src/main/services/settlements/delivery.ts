import { fieldError } from '@shared/errors';
import type { WorkOrderRecord } from '../../db/schema';
import type { Queryable } from '../context';
import { orderTotals } from './lines';
import { activeSettlement, paidOn, paymentStatusOf, yuan } from './records';

/**
 * The device goes back to the customer only when the order is paid: its active settlement is paid
 * (on account counts, its approval was taken when it was recorded), or nothing is owed at all (no
 * lines, or every line covered by warranty or rounded away), in which case no settlement is needed.
 */
export function requireSettledForDelivery(q: Queryable, order: WorkOrderRecord): void {
  const s = activeSettlement(q, order.id);
  if (s) {
    const paid = paidOn(q, s);
    if (paymentStatusOf(s.total, paid) === 'paid') return;
    const balance = s.total - paid;
    throw fieldError(
      'settlement',
      'settlementUnpaid',
      { settlementNo: s.settlementNo, balance },
      `settlement ${s.settlementNo} still has ${yuan(balance)} to pay; take payment before delivery`,
    );
  }
  const { total } = orderTotals(q, order.id, { type: 'none' });
  if (total === 0) return;
  throw fieldError(
    'settlement',
    'orderOwes',
    { orderNo: order.orderNo, total },
    `work order ${order.orderNo} owes ${yuan(total)}; make its settlement and take payment before delivery`,
  );
}
