import { and, eq } from 'drizzle-orm';
import { followUps } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Tx } from '../context';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';

/**
 * The customer asked not to be contacted (拒绝回访): their pending follow-ups close as `optedOut`, each
 * on its order's timeline and in the audit log, in the transaction that set the flag.
 */
export function optOutFollowUps(tx: Tx, ctx: CallContext, customerId: string, at: number): number {
  const pending = tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.customerId, customerId), eq(followUps.state, 'pending')))
    .all();
  for (const f of pending) {
    tx.update(followUps)
      .set({ state: 'optedOut', doneAt: at, doneBy: ctx.user?.id ?? null })
      .where(eq(followUps.id, f.id))
      .run();
    addEvent(tx, {
      workOrderId: f.workOrderId,
      at,
      actor: ctx.user,
      kind: 'followUp',
      data: { action: 'optedOut', followUpId: f.id },
    });
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'followUp',
      entityId: f.id,
      before: { state: 'pending' },
      after: { state: 'optedOut' },
    });
  }
  return pending.length;
}
