import { eq } from 'drizzle-orm';
import { localDate } from '@shared/dates';
import { settlements } from '../../db/schema';
import type { Tx } from '../context';
import { nextSequence } from '../sequences';
import { readShop } from '../settings';

/**
 * JS-BJ01-20261123-0001: 结算 prefix, branch code, the local date, the day's sequence. Like stock
 * documents, a number is never handed out twice, and one already taken is skipped.
 */
export function nextSettlementNo(tx: Tx, at: number): string {
  const branch = readShop(tx)?.branchCode ?? 'XX';
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const seq = nextSequence(tx, `settlement:JS:${branch}:${day}`);
    const settlementNo = `JS-${branch}-${day}-${String(seq).padStart(4, '0')}`;
    const taken = tx
      .select({ id: settlements.id })
      .from(settlements)
      .where(eq(settlements.settlementNo, settlementNo))
      .get();
    if (!taken) return settlementNo;
  }
}
