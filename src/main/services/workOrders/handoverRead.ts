import { asc, eq, sql } from 'drizzle-orm';
import type { HandoverView, SignatureView } from '@shared/schemas/handover';
import { orderHandovers, orderSignatures, users } from '../../db/schema';
import type { Queryable } from '../context';
import { preparedQuery } from '../preparedQuery';

const signaturesQuery = preparedQuery((q) =>
  q
    .select({
      id: orderSignatures.id,
      kind: orderSignatures.kind,
      png: orderSignatures.png,
      width: orderSignatures.width,
      height: orderSignatures.height,
      displayName: users.displayName,
      username: orderSignatures.username,
      recordedAt: orderSignatures.recordedAt,
    })
    .from(orderSignatures)
    .leftJoin(users, eq(users.id, orderSignatures.recordedBy))
    .where(eq(orderSignatures.workOrderId, sql.placeholder('id')))
    .orderBy(asc(orderSignatures.recordedAt), asc(orderSignatures.id))
    .prepare(),
);

/** The order's signatures for its page and its printed forms, oldest first. */
export function readSignatures(q: Queryable, workOrderId: string): SignatureView[] {
  return signaturesQuery(q)
    .all({ id: workOrderId })
    .map((s) => ({
      id: s.id,
      kind: s.kind,
      dataUrl: `data:image/png;base64,${s.png.toString('base64')}`,
      width: s.width,
      height: s.height,
      recordedBy: s.displayName ?? s.username ?? '',
      recordedAt: s.recordedAt,
    }));
}

const handoverQuery = preparedQuery((q) =>
  q
    .select({
      items: orderHandovers.items,
      withoutTicket: orderHandovers.withoutTicket,
      idNote: orderHandovers.idNote,
      displayName: users.displayName,
      username: orderHandovers.username,
      recordedAt: orderHandovers.recordedAt,
    })
    .from(orderHandovers)
    .leftJoin(users, eq(users.id, orderHandovers.recordedBy))
    .where(eq(orderHandovers.workOrderId, sql.placeholder('id')))
    .prepare(),
);

/** The order's hand-over as recorded at delivery, or null. */
export function readHandover(q: Queryable, workOrderId: string): HandoverView | null {
  const row = handoverQuery(q).get({ id: workOrderId });
  if (!row) return null;
  return {
    items: JSON.parse(row.items) as HandoverView['items'],
    withoutTicket: row.withoutTicket,
    idNote: row.idNote,
    recordedBy: row.displayName ?? row.username ?? '',
    recordedAt: row.recordedAt,
  };
}
