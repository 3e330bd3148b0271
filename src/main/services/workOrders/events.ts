import { v7 as uuidv7 } from 'uuid';
import { timelineEntry, type TimelineEntry } from '@shared/schemas/workOrders';
import type { WorkOrderStatus } from '@shared/workOrderStatus';
import { workOrderEvents, type UserRecord } from '../../db/schema';
import type { Tx } from '../context';
import { writeAudit } from '../audit';
import { actorOf } from '../users';
import { callTerminal } from '../callScope';
import { preparedInsert } from '../preparedQuery';

/**
 * One timeline entry: its kind with that kind's data (`TimelineEntry`). Never a device password:
 * an edit records `devicePasswordChanged: true`.
 */
export type TimelineWrite = {
  workOrderId: string;
  at: number;
  actor: UserRecord | null;
  fromStatus?: WorkOrderStatus | null;
  toStatus?: WorkOrderStatus | null;
  note?: string;
} & TimelineEntry;

const insertEvent = preparedInsert(workOrderEvents);

/**
 * Append one entry to an order's timeline, inside the transaction that makes the change (a `Tx`,
 * so the compiler refuses the bare connection). The data is checked against the schema every read
 * decodes it with: an entry the timeline could not read is never stored.
 */
export function addEvent(tx: Tx, e: TimelineWrite): void {
  if (e.data && 'devicePassword' in e.data) throw new Error('a device password must not reach the timeline');
  timelineEntry.parse({ kind: e.kind, data: e.data });
  insertEvent(tx, {
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
    terminalName: callTerminal()?.name ?? null,
  });
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
