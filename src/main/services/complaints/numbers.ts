import { eq } from 'drizzle-orm';
import { localDate } from '@shared/dates';
import { complaints } from '../../db/schema';
import type { Tx } from '../context';
import { nextSequence } from '../sequences';
import { readShop } from '../settings';

/** TS-BJ01-20261203-0001: 投诉 prefix, branch code, the local date, the day's sequence (as settlements). */
export function nextComplaintNo(tx: Tx, at: number): string {
  const branch = readShop(tx)?.branchCode ?? 'XX';
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const seq = nextSequence(tx, `complaint:TS:${branch}:${day}`);
    const complaintNo = `TS-${branch}-${day}-${String(seq).padStart(4, '0')}`;
    const taken = tx
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.complaintNo, complaintNo))
      .get();
    if (!taken) return complaintNo;
  }
}
