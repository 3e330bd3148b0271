import { eq } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { LABELS } from '@shared/labels';
import { renderTemplate } from '@shared/messageTemplates';
import type { MessageChannel, MessageEvent, OutboxReason, OutboxState } from '@shared/schemas/messageKinds';
import type { MessageSettings } from '@shared/schemas/messages';
import { customers, outboxMessages, type UserRecord } from '../../db/schema';
import type { Tx } from '../context';
import { readMessageSettings } from './settings';
import { messageOnTimeline } from './timeline';
import { contactOf, valuesFor } from './values';

/** What happened that may message the customer, as the event's own transaction knows it. */
export interface MessageCause {
  event: MessageEvent;
  customerId: string;
  workOrderId: string | null;
  complaintId?: string | null;
  /** The appointment a reminder is about (its time and device fill the template). */
  appointmentId?: string | null;
  /**
   * Names this occurrence of the event (the order and the moment it moved, a follow-up's id…): with
   * the event and the channel it is the idempotency key, so one occurrence never queues twice.
   */
  occurrence: string;
  at: number;
  actor: UserRecord | null;
}

/** The channels a message goes out on: automatic ones on every channel set up; a prompt on the first. */
function channelsFor(settings: MessageSettings, ask: boolean): MessageChannel[] {
  const on: MessageChannel[] = [];
  if (settings.channels.sms) on.push('sms');
  if (settings.channels.email) on.push('email');
  if (ask) return [on[0] ?? 'wechat'];
  return on;
}

export function idempotencyKey(event: MessageEvent, occurrence: string, channel: MessageChannel): string {
  return `${event}:${occurrence}:${channel}`;
}

/**
 * Queue the messages an event calls for, in the event's transaction (a `Tx`): by the event's mode,
 * one row per channel (or one row waiting for the clerk), rendered now so the outbox shows exactly
 * what goes. An opted-out customer's row is recorded as skipped, one without a number as failed.
 * Returns the rows written (none when the event is off or already queued).
 */
export function enqueueMessages(tx: Tx, cause: MessageCause): string[] {
  const settings = readMessageSettings(tx);
  const template = settings.templates[cause.event];
  if (template.mode === 'off') return [];
  const ask = template.mode === 'ask';
  const customer = tx
    .select({ noContact: customers.noContact })
    .from(customers)
    .where(eq(customers.id, cause.customerId))
    .get();
  if (!customer) return [];
  const values = valuesFor(tx, {
    customerId: cause.customerId,
    workOrderId: cause.workOrderId,
    complaintId: cause.complaintId ?? null,
    appointmentId: cause.appointmentId ?? null,
    now: cause.at,
    language: settings.language,
  });
  const { text } = renderTemplate(template.text, values);
  const contact = contactOf(tx, cause.customerId);
  const written: string[] = [];
  for (const channel of channelsFor(settings, ask)) {
    const recipient = channel === 'sms' ? contact.phone : channel === 'email' ? contact.email : '';
    let state: OutboxState = ask ? 'ask' : 'queued';
    let reason: OutboxReason | null = null;
    if (customer.noContact) [state, reason] = ['skipped', 'optedOut'];
    else if (!ask && !recipient) [state, reason] = ['failed', 'noRecipient'];
    const id = uuidv7();
    const inserted = tx
      .insert(outboxMessages)
      .values({
        id,
        idempotencyKey: idempotencyKey(cause.event, cause.occurrence, channel),
        workOrderId: cause.workOrderId,
        customerId: cause.customerId,
        complaintId: cause.complaintId ?? null,
        event: cause.event,
        channel,
        recipient,
        subject: `${values.店名 ?? ''} · ${LABELS.messageEvents[settings.language][cause.event]}`,
        text,
        params: JSON.stringify(values),
        state,
        reason,
        nextAttemptAt: state === 'queued' ? cause.at : null,
        createdBy: cause.actor?.id ?? null,
        createdAt: cause.at,
        updatedAt: cause.at,
      })
      .onConflictDoNothing({ target: outboxMessages.idempotencyKey })
      .returning({ id: outboxMessages.id })
      .get();
    if (!inserted) continue;
    written.push(id);
    messageOnTimeline(
      tx,
      { id, workOrderId: cause.workOrderId, event: cause.event, channel },
      { state, at: cause.at, actor: cause.actor, reason },
    );
  }
  return written;
}
