import { and, desc, eq, gt } from 'drizzle-orm';
import { localDate } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import { PAYMENT_METHODS, type Settlement } from '@shared/schemas/settlements';
import type { EventData } from '@shared/schemas/workOrders';
import { payments, settlements } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable } from '../context';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { approverFor, requireApprover } from './approval';
import { requireDayOpen } from './dayClose';
import { loadActiveSettlement, netByMethod, recordPayment } from './payments';
import { readSettlement } from './read';
import { paidOn } from './records';
import { touchOrder } from '../workOrders/update';

/**
 * A manager voids a settlement with a reason. Nothing is deleted or edited but the settlement's
 * status: for each method that has taken money net, one reversing negative payment is added today
 * (so the day it happens, which must be open, shows the money going back). Its reversesId names
 * that method's latest positive payment on the settlement, and its reason is the void's reason,
 * which tells a reversal apart from a refund (refunds have no reversesId). The voidedBy is the
 * manager who approved it; the caller is the audit row's actor and the reversals' user.
 * The order's lines are free again and a new settlement may be made.
 */

function plan(q: Queryable, input: ParsedInputOf<'settlements.void'>, at: number) {
  const s = loadActiveSettlement(q, input.id, 'id');
  const businessDate = localDate(at);
  requireDayOpen(q, businessDate);
  return { s, businessDate };
}

function latestPositive(q: Queryable, settlementId: string, method: (typeof PAYMENT_METHODS)[number]) {
  return q
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.settlementId, settlementId), eq(payments.method, method), gt(payments.amount, 0)))
    .orderBy(desc(payments.at), desc(payments.id))
    .limit(1)
    .get();
}

export async function voidSettlement(
  ctx: CallContext,
  input: ParsedInputOf<'settlements.void'>,
): Promise<Settlement> {
  const { db, now } = ctx.deps;
  plan(db, input, now());
  const manager = requireApprover(await approverFor(ctx, input.approval), 'void', 'voiding a settlement');
  return db.transaction((tx) => {
    const at = now();
    const { s, businessDate } = plan(tx, input, at);
    const paidBefore = paidOn(tx, s);
    // Its deposit credit goes back to the order: the reversals' figures say so.
    const voided = { ...s, status: 'void' as const };
    tx.update(settlements)
      .set({ status: 'void', voidedAt: at, voidedBy: manager.id, voidReason: input.reason })
      .where(eq(settlements.id, s.id))
      .run();
    touchOrder(tx, s.workOrderId, at);
    const reversals = PAYMENT_METHODS.flatMap((method) => {
      const net = netByMethod(tx, s.id, method);
      if (net <= 0) return [];
      const row = {
        method,
        amount: -net,
        tendered: null,
        change: null,
        reference: '',
        reason: input.reason,
        businessDate,
        at,
        reversesId: latestPositive(tx, s.id, method)?.id ?? null,
      };
      const reversal = recordPayment(tx, ctx, voided, row, 'voidReversal', manager);
      return [{ paymentId: reversal.id, method, amount: reversal.amount }];
    });
    const approvedBy = { id: manager.id, username: manager.username };
    const data = {
      action: 'void',
      settlementId: s.id,
      settlementNo: s.settlementNo,
      total: s.total,
      reversals,
      approvedBy,
    } satisfies EventData<'settlement'>;
    addEvent(tx, {
      workOrderId: s.workOrderId,
      at,
      actor: ctx.user,
      kind: 'settlement',
      note: input.reason,
      data,
    });
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'void',
      entity: 'settlement',
      entityId: s.id,
      before: { status: 'active', paid: paidBefore },
      after: { status: 'void', reason: input.reason, reversals, approvedBy },
    });
    return readSettlement(tx, s.id);
  });
}
