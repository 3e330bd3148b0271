import type { ParsedInputOf } from '@shared/contract';
import type { ComplaintDetail } from '@shared/schemas/complaints';
import type { CallContext } from '../context';
import { requireComplainant, requireCustomersOrder, requireStaff } from './links';
import { openComplaint } from './open';
import { readComplaint } from './read';

/** 登记投诉: the customer, the order (theirs), the staff member and the owner checked, then taken. */
export function createComplaint(
  ctx: CallContext,
  input: ParsedInputOf<'complaints.create'>,
): ComplaintDetail {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    requireComplainant(tx, input.customerId);
    if (input.workOrderId) requireCustomersOrder(tx, input.customerId, input.workOrderId);
    if (input.staffUserId) requireStaff(tx, input.staffUserId, 'staffUserId');
    if (input.ownerId) requireStaff(tx, input.ownerId, 'ownerId');
    const record = openComplaint(tx, ctx, { ...input, followUpId: null });
    return readComplaint(tx, record.id, now());
  });
}
