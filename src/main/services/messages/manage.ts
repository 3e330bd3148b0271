import { and, eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { renderTemplate } from '@shared/messageTemplates';
import type { OutboxState } from '@shared/schemas/messageKinds';
import type { OutboxRow } from '@shared/schemas/messages';
import { customers, outboxMessages, type OutboxMessageRecord } from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Tx } from '../context';
import { actorOf } from '../users';
import { loadOrder } from '../workOrders/lookups';
import { idempotencyKey } from './enqueue';
import { listOutbox, orderMessages, readOutboxRow } from './rows';
import { readMessageSettings } from './settings';
import { messageOnTimeline } from './timeline';
import { valuesFor } from './values';

type Action = 'retry' | 'cancel' | 'send' | 'copied' | 'skip';

function load(tx: Tx, id: string): OutboxMessageRecord {
  const row = tx.select().from(outboxMessages).where(eq(outboxMessages.id, id)).get();
  if (!row)
    throw new AppError('outboxMessageNotFound', {}, 'no such outbox message', { fields: [{ path: 'id' }] });
  return row;
}

function requireState(row: OutboxMessageRecord, action: Action, allowed: readonly OutboxState[]): void {
  if (!allowed.includes(row.state)) {
    throw new AppError(
      'outboxMessageState',
      { state: row.state, action },
      `cannot ${action} a message that is ${row.state}`,
    );
  }
}

function requireContact(tx: Tx, customerId: string): void {
  const c = tx
    .select({ noContact: customers.noContact })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  if (c?.noContact) throw new AppError('customerNoContact', {}, 'the customer asked not to be contacted');
}

/** Move a row by a person's action: the row, its timeline entry and the audit row, together. */
function change(
  tx: Tx,
  ctx: CallContext,
  row: OutboxMessageRecord,
  patch: Partial<OutboxMessageRecord> & { state: OutboxState },
  at: number,
): OutboxRow {
  tx.update(outboxMessages)
    .set({ ...patch, updatedAt: at })
    .where(and(eq(outboxMessages.id, row.id), eq(outboxMessages.state, row.state)))
    .run();
  messageOnTimeline(
    tx,
    { ...row, channel: patch.channel ?? row.channel },
    {
      state: patch.state,
      at,
      actor: ctx.user,
      reason: patch.reason ?? null,
    },
  );
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'update',
    entity: 'outboxMessage',
    entityId: row.id,
    before: { state: row.state },
    after: { state: patch.state, ...(patch.channel ? { channel: patch.channel } : {}) },
  });
  const out = readOutboxRow(tx, row.id);
  if (!out) throw new Error('outbox row vanished');
  return out;
}

export function listMessages(ctx: CallContext, input: ParsedInputOf<'messages.list'>) {
  if (input.from !== undefined && input.to !== undefined && input.to <= input.from) {
    throw new AppError('endBeforeStart', {}, 'the period ends before it starts', {
      fields: [{ path: 'to' }],
    });
  }
  return listOutbox(ctx.deps.db, input);
}

/** A failed or cancelled message goes again now, with its tries counted afresh (same idempotency key). */
export function retryMessage(ctx: CallContext, id: string): OutboxRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const row = load(tx, id);
    requireState(row, 'retry', ['failed', 'cancelled']);
    requireContact(tx, row.customerId);
    if (row.channel === 'wechat') requireState(row, 'retry', []);
    const at = now();
    return change(
      tx,
      ctx,
      row,
      { state: 'queued', attempts: 0, nextAttemptAt: at, reason: null, providerReason: null },
      at,
    );
  });
}

/** A message that has not gone yet (queued, or waiting for the clerk) is cancelled: it never goes. */
export function cancelMessage(ctx: CallContext, id: string): OutboxRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const row = load(tx, id);
    requireState(row, 'cancel', ['queued', 'ask']);
    return change(tx, ctx, row, { state: 'cancelled', nextAttemptAt: null }, now());
  });
}

export function messagesForOrder(ctx: CallContext, workOrderId: string): OutboxRow[] {
  loadOrder(ctx.deps.db, workOrderId);
  return orderMessages(ctx.deps.db, workOrderId);
}

/**
 * The clerk's answer to a prompt: `send` queues it on its channel (one without a number fails
 * with that reason), `copied` records that the clerk sent the text by WeChat, `skip` cancels it.
 */
export function answerMessage(ctx: CallContext, input: ParsedInputOf<'messages.answer'>): OutboxRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const row = load(tx, input.id);
    requireState(row, input.action, ['ask']);
    const at = now();
    if (input.action === 'skip') return change(tx, ctx, row, { state: 'cancelled' }, at);
    requireContact(tx, row.customerId);
    if (input.action === 'copied') {
      return change(
        tx,
        ctx,
        row,
        {
          state: 'sent',
          channel: 'wechat',
          recipient: '',
          sentAt: at,
          sentBy: ctx.user?.id ?? null,
          sentByName: ctx.user?.displayName ?? null,
        },
        at,
      );
    }
    // Nothing to send it with: the prompt offers only WeChat then.
    if (row.channel === 'wechat') requireState(row, 'send', []);
    if (!row.recipient) return change(tx, ctx, row, { state: 'failed', reason: 'noRecipient' }, at);
    return change(tx, ctx, row, { state: 'queued', nextAttemptAt: at }, at);
  });
}

/** The event's template rendered for the order, as it would go now (Copy for WeChat). */
export function composeMessage(ctx: CallContext, input: ParsedInputOf<'messages.compose'>) {
  const { db, now } = ctx.deps;
  const order = loadOrder(db, input.workOrderId);
  const settings = readMessageSettings(db);
  const values = valuesFor(db, {
    customerId: order.customerId,
    workOrderId: order.id,
    now: now(),
    language: settings.language,
  });
  return renderTemplate(settings.templates[input.event].text, values);
}

/** The clerk sent the composed text by WeChat: a `sent` row in the clerk's name, on the timeline. */
export function copiedForWechat(
  ctx: CallContext,
  input: ParsedInputOf<'messages.copiedForWechat'>,
): OutboxRow {
  const { db, now } = ctx.deps;
  return db.transaction((tx) => {
    const order = loadOrder(tx, input.workOrderId);
    requireContact(tx, order.customerId);
    const at = now();
    const settings = readMessageSettings(tx);
    const values = valuesFor(tx, {
      customerId: order.customerId,
      workOrderId: order.id,
      now: at,
      language: settings.language,
    });
    const { text } = renderTemplate(settings.templates[input.event].text, values);
    const id = uuidv7();
    tx.insert(outboxMessages)
      .values({
        id,
        idempotencyKey: idempotencyKey(input.event, `${order.id}:${id}`, 'wechat'),
        workOrderId: order.id,
        customerId: order.customerId,
        event: input.event,
        channel: 'wechat',
        text,
        params: JSON.stringify(values),
        state: 'sent',
        createdBy: ctx.user?.id ?? null,
        sentBy: ctx.user?.id ?? null,
        sentByName: ctx.user?.displayName ?? null,
        createdAt: at,
        updatedAt: at,
        sentAt: at,
      })
      .run();
    messageOnTimeline(
      tx,
      { id, workOrderId: order.id, event: input.event, channel: 'wechat' },
      {
        state: 'sent',
        at,
        actor: ctx.user,
      },
    );
    writeAudit(tx, {
      at,
      actor: actorOf(ctx.user),
      action: 'create',
      entity: 'outboxMessage',
      entityId: id,
      after: { event: input.event, channel: 'wechat', state: 'sent' },
    });
    const out = readOutboxRow(tx, id);
    if (!out) throw new Error('outbox row vanished');
    return out;
  });
}
