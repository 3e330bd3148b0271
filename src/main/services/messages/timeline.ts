import type { OutboxReason, OutboxState } from '@shared/schemas/messageKinds';
import type { OutboxMessageRecord, UserRecord } from '../../db/schema';
import type { Tx } from '../context';
import { addEvent } from '../workOrders/events';

/** A message's step on its order's timeline (a complaint without an order has none). */
export function messageOnTimeline(
  tx: Tx,
  row: Pick<OutboxMessageRecord, 'id' | 'workOrderId' | 'event' | 'channel'>,
  step: {
    state: OutboxState;
    at: number;
    actor: UserRecord | null;
    reason?: OutboxReason | null;
    providerReason?: string | null;
  },
): void {
  if (!row.workOrderId) return;
  addEvent(tx, {
    workOrderId: row.workOrderId,
    at: step.at,
    actor: step.actor,
    kind: 'message',
    data: {
      state: step.state,
      messageId: row.id,
      event: row.event,
      channel: row.channel,
      ...(step.reason ? { reason: step.reason } : {}),
      ...(step.providerReason ? { providerReason: step.providerReason } : {}),
    },
  });
}
