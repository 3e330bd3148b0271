import { eq } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { OnsiteOfOrder } from '@shared/schemas/onsite';
import { onsiteJobs } from '../../db/schema';
import type { CallContext } from '../context';
import { recordUpdate } from '../workOrders/events';
import { decodeSignature, storeSignature } from '../workOrders/handover';
import { loadVisit, requireOnsiteOrder } from './lookups';
import { visitorIds } from './read';
import { onsiteOfOrder } from './views';
import { touchOrder } from '../workOrders/update';

/**
 * 到达 / 完工 from the technician's terminal: the server's clock, once each, arrival first. Only a
 * visiting technician records them, or a manager for them (a phone call from the road).
 */

type Step = 'arrive' | 'finish';

function record(ctx: CallContext, id: string, step: Step): OnsiteOfOrder {
  return ctx.deps.db.transaction((tx) => {
    const order = requireOnsiteOrder(tx, id);
    const job = loadVisit(tx, order);
    const user = ctx.user;
    const manager = user?.role === 'manager' || user?.role === 'admin';
    if (!user || (!manager && !visitorIds(job).includes(user.id))) {
      throw new AppError('onsiteNotVisitor', {}, 'only a visiting technician records the visit');
    }
    const refuse = (problem: 'arrivedAlready' | 'notArrived' | 'finishedAlready') =>
      new AppError('onsiteVisitOrder', { problem }, `cannot ${step}: ${problem}`);
    if (step === 'arrive' && job.arrivedAt !== null) throw refuse('arrivedAlready');
    if (step === 'finish' && job.arrivedAt === null) throw refuse('notArrived');
    if (step === 'finish' && job.finishedAt !== null) throw refuse('finishedAlready');
    const at = ctx.deps.now();
    const set =
      step === 'arrive' ? { arrivedAt: at, arrivedBy: user.id } : { finishedAt: at, finishedBy: user.id };
    tx.update(onsiteJobs)
      .set({ ...set, updatedAt: at })
      .where(eq(onsiteJobs.workOrderId, order.id))
      .run();
    touchOrder(tx, order.id, at);
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: user, kind: 'onsite', data: { action: step } },
      { after: { onsite: { [step === 'arrive' ? 'arrivedAt' : 'finishedAt']: at } } },
    );
    return onsiteOfOrder(tx, order.id);
  });
}

export function arriveOnsite(ctx: CallContext, input: ParsedInputOf<'onsite.arrive'>): OnsiteOfOrder {
  return record(ctx, input.id, 'arrive');
}

export function finishOnsite(ctx: CallContext, input: ParsedInputOf<'onsite.finish'>): OnsiteOfOrder {
  return record(ctx, input.id, 'finish');
}

/** The customer signs the 服务确认单 on the spot (a tablet terminal): once, kept like every signature. */
export function signOnsite(ctx: CallContext, input: ParsedInputOf<'onsite.sign'>): OnsiteOfOrder {
  const signature = decodeSignature(input.signature, 'signature');
  return ctx.deps.db.transaction((tx) => {
    const order = requireOnsiteOrder(tx, input.id);
    loadVisit(tx, order);
    const at = ctx.deps.now();
    const stored = storeSignature(tx, ctx, order, 'onsite', signature, at);
    touchOrder(tx, order.id, at);
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'signature',
        data: { signatureId: stored.id, kind: 'onsite' },
      },
      { after: { signature: stored.audit } },
    );
    return onsiteOfOrder(tx, order.id);
  });
}
