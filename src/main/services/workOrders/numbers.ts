import { eq, sql } from 'drizzle-orm';
import { localDate } from '@shared/dates';
import { workOrders } from '../../db/schema';
import type { Tx } from '../context';
import { preparedQuery } from '../preparedQuery';
import { nextSequence } from '../sequences';

/** BJ01-20261122-0007: branch code, the local date of intake, the day's sequence (4 digits or more). */
function formatOrderNo(branchCode: string, at: number, seq: number): string {
  return `${branchCode}-${localDate(at).replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

const orderNoTaken = preparedQuery((q) =>
  q
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(eq(workOrders.orderNo, sql.placeholder('orderNo')))
    .prepare(),
);

/**
 * The next order number for the branch and day. The counter lives in `sequences`, so a number is
 * never handed out twice even when its order is later rolled back; a number already taken (an
 * imported order, a branch code used before) is skipped rather than reused.
 */
export function nextOrderNo(tx: Tx, branchCode: string, at: number): string {
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const orderNo = formatOrderNo(branchCode, at, nextSequence(tx, `workOrder:${branchCode}:${day}`));
    const taken = orderNoTaken(tx).get({ orderNo });
    if (!taken) return orderNo;
  }
}
