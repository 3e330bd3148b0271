import { and, asc, eq, inArray } from 'drizzle-orm';
import type { OutputOf } from '@shared/contract';
import { can } from '@shared/roles';
import { ACCESSORIES, type WorkOrderDetail, type WorkOrderEvent } from '@shared/schemas/workOrders';
import { attachments, users, workOrderEvents, workOrders, type UserRecord } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { loadOrder, normalizeAccessories, TECHNICIAN_ROLES } from './lookups';
import { workOrderRowsByIds } from './rows';

/** The whole order for its page: row, intake details, approval, timeline (oldest first), photos. */
export function readDetail(
  q: Queryable,
  id: string,
  viewer: UserRecord | null,
  now: number,
): WorkOrderDetail {
  const order = loadOrder(q, id);
  const [row] = workOrderRowsByIds(q, [id], now);
  if (!row) throw new Error(`work order ${id} has no customer or device`);

  const people = new Map(
    q
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .where(inArray(users.id, [order.createdBy, order.approvalRecordedBy ?? order.createdBy]))
      .all()
      .map((u) => [u.id, u.displayName]),
  );
  const reworkOfNo = order.reworkOfId
    ? (q
        .select({ orderNo: workOrders.orderNo })
        .from(workOrders)
        .where(eq(workOrders.id, order.reworkOfId))
        .get()?.orderNo ?? null)
    : null;
  const events: WorkOrderEvent[] = q
    .select()
    .from(workOrderEvents)
    .where(eq(workOrderEvents.workOrderId, id))
    .orderBy(asc(workOrderEvents.at), asc(workOrderEvents.id))
    .all()
    .map((e) => ({
      id: e.id,
      at: e.at,
      username: e.username,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      data: e.data ? (JSON.parse(e.data) as Record<string, unknown>) : null,
    }));
  const photos = q
    .select({
      id: attachments.id,
      fileName: attachments.fileName,
      mime: attachments.mime,
      size: attachments.size,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .where(eq(attachments.workOrderId, id))
    .orderBy(asc(attachments.createdAt), asc(attachments.id))
    .all();

  const mayView = viewer !== null && can(viewer.role, 'workOrders.viewPassword');
  const approval =
    order.approvalBy !== null && order.approvalMethod !== null && order.approvalAt !== null
      ? {
          by: order.approvalBy,
          method: order.approvalMethod,
          at: order.approvalAt,
          recordedBy: people.get(order.approvalRecordedBy ?? '') ?? order.approvalRecordedBy ?? '',
        }
      : null;
  return {
    ...row,
    accessories: normalizeAccessories(
      JSON.parse(order.accessories) as (typeof ACCESSORIES)[number][],
      ACCESSORIES,
    ),
    accessoriesNote: order.accessoriesNote,
    condition: order.condition,
    devicePassword: mayView ? order.devicePassword : null,
    hasDevicePassword: order.devicePassword !== '',
    warrantyComputed: order.warrantyComputed,
    warrantyOverrideReason: order.warrantyOverrideReason,
    reworkOfId: order.reworkOfId,
    reworkOfNo,
    diagnosis: order.diagnosis,
    estimate: order.estimate,
    approval,
    resolution: order.resolution,
    cancelReason: order.cancelReason,
    readyAt: order.readyAt,
    deliveredAt: order.deliveredAt,
    createdBy: people.get(order.createdBy) ?? order.createdBy,
    events,
    attachments: photos,
  };
}

export function getWorkOrder(ctx: CallContext, id: string): WorkOrderDetail {
  return readDetail(ctx.deps.db, id, ctx.user, ctx.deps.now());
}

const ROLE_ORDER: Record<(typeof TECHNICIAN_ROLES)[number], number> = { technician: 0, manager: 1, admin: 2 };

/** Who can be given an order: technicians first, then managers and admins, each by name (then username). */
export function listTechnicians(q: Queryable): OutputOf<'workOrders.technicians'> {
  return q
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role })
    .from(users)
    .where(and(inArray(users.role, [...TECHNICIAN_ROLES]), eq(users.disabled, false)))
    .all()
    .flatMap((u) => (u.role === 'clerk' ? [] : [{ ...u, role: u.role }]))
    .sort(
      (a, b) =>
        ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
        a.displayName.localeCompare(b.displayName, 'zh-CN') ||
        a.username.localeCompare(b.username),
    )
    .map(({ id, displayName, role }) => ({ id, displayName, role }));
}
