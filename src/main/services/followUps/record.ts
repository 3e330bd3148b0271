import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { FollowUpRow, FollowUpState } from '@shared/schemas/followUps';
import { createWorkOrderInput } from '@shared/schemas/workOrders';
import { customers, followUpCalls, followUps, workOrders, type FollowUpRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import { openComplaint } from '../complaints/open';
import type { CallContext, Tx } from '../context';
import { readAfterSales } from '../settings';
import { actorOf } from '../users';
import { addEvent } from '../workOrders/events';
import { enqueueMessages } from '../messages/enqueue';
import { createWorkOrder } from '../workOrders/create';
import { dueDayAfter, todayWindow } from './due';
import { followUpRow } from './rows';

type CallInput = ParsedInputOf<'followUps.record'>;

/** A reached customer's call carries the scores; any other carries none of what a reached one records. */
function checkShape(input: CallInput): void {
  if (input.result === 'reached') {
    if (!input.scores)
      throw fieldError('scores', 'scoresRequired', {}, 'a reached customer gives the four scores');
    return;
  }
  if (input.scores || input.comment !== '' || input.problemUnsolved || input.open) {
    throw fieldError('scores', 'scoresNotTaken', {}, `a ${input.result} call records no scores or comment`);
  }
}

/** What 问题未解决 opens, in the call's transaction: a complaint (channel followUp) or a rework order. */
function openForUnsolved(
  tx: Tx,
  ctx: CallContext,
  f: FollowUpRecord,
  order: typeof workOrders.$inferSelect,
  open: NonNullable<CallInput['open']>,
): { complaintId: string; complaintNo: string } | { reworkOrderId: string; reworkOrderNo: string } {
  if (open.kind === 'complaint') {
    const complaint = openComplaint(tx, ctx, {
      customerId: order.customerId,
      workOrderId: order.id,
      staffUserId: null,
      followUpId: f.id,
      channel: 'followUp',
      category: open.category,
      severity: open.severity,
      description: open.description,
      ownerId: null,
    });
    return { complaintId: complaint.id, complaintNo: complaint.complaintNo };
  }
  // The work-order service itself (its checks, number, warranty clock); its transaction nests here.
  const created = createWorkOrder(
    ctx,
    createWorkOrderInput.parse({
      customerId: order.customerId,
      deviceId: order.deviceId,
      channel: 'phone',
      serviceType: 'repair',
      reportedFault: open.reportedFault,
      reworkOfId: order.id,
    }),
  );
  return { reworkOrderId: created.id, reworkOrderNo: created.orderNo };
}

/**
 * Record one 回访 call. notReached: another try is due `followUpRetryDays` after today, until the
 * `followUpMaxAttempts`-th call, which leaves it unreachable; wrongNumber ends it; reached ends it with
 * the four scores, the comment and 问题未解决 — which may open a complaint or a rework order in the
 * same transaction. A settled follow-up takes no more calls (`followUpDone`: the second of two clerks
 * recording at once gets it), nor does a customer who asked not to be contacted.
 */
export function recordFollowUpCall(ctx: CallContext, input: CallInput): FollowUpRow {
  const { db, now } = ctx.deps;
  checkShape(input);
  return db.transaction((tx) => {
    const f = tx.select().from(followUps).where(eq(followUps.id, input.id)).get();
    if (!f) throw new AppError('followUpNotFound', {}, 'follow-up not found');
    const order = tx.select().from(workOrders).where(eq(workOrders.id, f.workOrderId)).get();
    if (!order) throw new Error(`follow-up ${f.id} has no order`);
    const customer = tx.select().from(customers).where(eq(customers.id, order.customerId)).get();
    if (customer?.noContact)
      throw new AppError('customerNoContact', {}, 'the customer asked not to be contacted');
    if (f.state !== 'pending') {
      throw new AppError('followUpDone', { state: f.state }, `follow-up already ${f.state}`);
    }

    const at = now();
    const settings = readAfterSales(tx);
    const attempts = f.attempts + 1;
    let state: FollowUpState;
    let dueAt = f.dueAt;
    const patch: Partial<FollowUpRecord> = { attempts };
    let opened: ReturnType<typeof openForUnsolved> | null = null;
    switch (input.result) {
      case 'notReached':
        state = attempts >= settings.followUpMaxAttempts ? 'unreachable' : 'pending';
        if (state === 'pending') dueAt = dueDayAfter(at, settings.followUpRetryDays);
        break;
      case 'wrongNumber':
        state = 'wrongNumber';
        break;
      case 'reached': {
        state = 'reached';
        const scores = input.scores;
        if (!scores) throw new Error('scores checked above');
        Object.assign(patch, scores, { comment: input.comment, problemUnsolved: input.problemUnsolved });
        if (input.open) opened = openForUnsolved(tx, ctx, f, order, input.open);
        break;
      }
    }
    patch.state = state;
    patch.dueAt = dueAt;
    if (state !== 'pending') {
      patch.doneAt = at;
      patch.doneBy = ctx.user?.id ?? null;
    }
    if (opened && 'reworkOrderId' in opened) patch.reworkOrderId = opened.reworkOrderId;
    if (opened && 'complaintId' in opened) patch.complaintId = opened.complaintId;
    tx.update(followUps).set(patch).where(eq(followUps.id, f.id)).run();
    tx.insert(followUpCalls)
      .values({
        id: uuidv7(),
        followUpId: f.id,
        at,
        userId: ctx.user?.id ?? null,
        username: ctx.user?.username ?? null,
        result: input.result,
        note: input.note,
      })
      .run();
    addEvent(tx, {
      workOrderId: order.id,
      at,
      actor: ctx.user,
      kind: 'followUp',
      note: [input.note, input.comment].filter(Boolean).join(' · '),
      data: {
        action: 'call',
        followUpId: f.id,
        result: input.result,
        state,
        ...(state === 'pending' ? { dueAt } : {}),
        ...(input.scores ? { scores: input.scores } : {}),
        ...(input.result === 'reached' ? { problemUnsolved: input.problemUnsolved } : {}),
        ...(opened && 'complaintNo' in opened ? { complaintNo: opened.complaintNo } : {}),
        ...(opened && 'reworkOrderNo' in opened ? { reworkOrderNo: opened.reworkOrderNo } : {}),
      },
    });
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'update',
      entity: 'followUp',
      entityId: f.id,
      before: { state: f.state, attempts: f.attempts, dueAt: f.dueAt },
      after: {
        result: input.result,
        ...patch,
        ...(input.note ? { note: input.note } : {}),
        ...(opened ?? {}),
      },
    });
    // Thanks for a call that reached the customer and left nothing unsolved (else a complaint or rework follows).
    if (state === 'reached' && !input.problemUnsolved) {
      enqueueMessages(tx, {
        event: 'followUpThanks',
        customerId: order.customerId,
        workOrderId: order.id,
        occurrence: f.id,
        at,
        actor: ctx.user,
      });
    }
    const row = followUpRow(tx, f.id, todayWindow(at).start);
    if (!row) throw new Error(`follow-up ${f.id} vanished`);
    return row;
  });
}
