import { v7 as uuidv7 } from 'uuid';
import type { EVENT_KINDS } from '@shared/schemas/workOrders';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { workOrderEvents, type UserRecord } from '../../db/schema';
import type { Queryable, Tx } from '../context';
import { writeAudit } from '../audit';
import { actorOf } from '../users';

export interface TimelineWrite {
  workOrderId: string;
  at: number;
  actor: UserRecord | null;
  kind: (typeof EVENT_KINDS)[number];
  fromStatus?: WorkOrderStatus | null;
  toStatus?: WorkOrderStatus | null;
  note?: string;
  /** Details of the move or edit. Never a device password: record `devicePasswordChanged: true`. */
  data?: Record<string, unknown> | null;
}

/** Append one entry to an order's timeline; call inside the transaction that makes the change. */
export function addEvent(q: Queryable, e: TimelineWrite): void {
  if (e.data && 'devicePassword' in e.data) throw new Error('a device password must not reach the timeline');
  q.insert(workOrderEvents)
    .values({
      id: uuidv7(),
      workOrderId: e.workOrderId,
      at: e.at,
      userId: e.actor?.id ?? null,
      username: e.actor?.username ?? null,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      note: e.note ?? '',
      data: e.data ? JSON.stringify(e.data) : null,
    })
    .run();
}

/** An update to an order: its timeline entry and its audit row, in the caller's transaction. */
export function recordUpdate(
  tx: Tx,
  e: TimelineWrite,
  audit: { before?: Record<string, unknown> | null; after: Record<string, unknown> },
): void {
  addEvent(tx, e);
  writeAudit(tx, {
    at: e.at,
    actor: actorOf(e.actor),
    action: 'update',
    entity: 'workOrder',
    entityId: e.workOrderId,
    ...audit,
  });
}
