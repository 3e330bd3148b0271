import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { WaitingPart } from '@shared/schemas/orderParts';
import { parts, stockDocuments, workOrders, workOrderWaits, type PartRecord } from '../../db/schema';
import type { CallContext, Queryable, Tx } from '../context';
import { preparedQuery } from '../preparedQuery';
import type { Posted } from '../stock/post';
import { recordUpdate } from './events';
import { touchOrder } from './update';

/**
 * What an order in 待料 waits for (work_order_waits). A wait is "arrived" once enough of its part
 * is on the shelf for it, first come first served: the stock already promised to earlier arrived
 * waits that are still open is not available to later ones. Leaving awaiting parts closes the
 * order's waits.
 */

/** On hand, less what open waits already flagged as arrived are counting on. */
function available(q: Queryable, part: PartRecord): number {
  const promised =
    q
      .select({ qty: sql<number>`coalesce(sum(${workOrderWaits.qty}), 0)` })
      .from(workOrderWaits)
      .where(
        and(
          eq(workOrderWaits.partId, part.id),
          isNull(workOrderWaits.closedAt),
          isNotNull(workOrderWaits.arrivedAt),
        ),
      )
      .get()?.qty ?? 0;
  return part.onHand - promised;
}

export interface OpenedWait {
  partId: string;
  partCode: string;
  qty: number;
  arrived: boolean;
}

/**
 * The waits of an order moving to awaiting parts. A part already on the shelf in enough quantity
 * (after earlier arrived waits) is arrived at once, with no receipt behind it.
 */
export function openWaits(
  tx: Tx,
  ctx: CallContext,
  workOrderId: string,
  waitingFor: readonly { partId: string; qty: number }[],
  at: number,
): OpenedWait[] {
  return waitingFor.map((w, i) => {
    const path = `waitingFor.${i}.partId`;
    const part = tx.select().from(parts).where(eq(parts.id, w.partId)).get();
    if (!part) {
      throw fieldError(path, 'partNotFound', {}, 'no such part');
    }
    if (part.archivedAt !== null) {
      throw fieldError(path, 'partArchived', { partCode: part.code }, `part ${part.code} is archived`);
    }
    const arrived = w.qty <= available(tx, part);
    tx.insert(workOrderWaits)
      .values({
        id: uuidv7(),
        workOrderId,
        partId: part.id,
        qty: w.qty,
        createdBy: ctx.user?.id ?? null,
        createdAt: at,
        arrivedAt: arrived ? at : null,
        arrivedDocumentId: null,
      })
      .run();
    return { partId: part.id, partCode: part.code, qty: w.qty, arrived };
  });
}

/** The order leaves awaiting parts: its waits are over, arrived or not. */
export function closeWaits(tx: Tx, workOrderId: string, at: number): void {
  tx.update(workOrderWaits)
    .set({ closedAt: at })
    .where(and(eq(workOrderWaits.workOrderId, workOrderId), isNull(workOrderWaits.closedAt)))
    .run();
}

/**
 * A purchase receipt came in: for each part it brought, flag the open waits it now covers, oldest
 * first, stopping at the first that does not fit (a later, smaller wait does not jump the queue).
 * Each flagged order gets a 'partArrived' timeline entry. Runs inside the receipt's transaction.
 */
export function flagArrivals(tx: Tx, ctx: CallContext, receipt: Posted): void {
  const received = [...new Set(receipt.lines.filter((l) => l.qty > 0).map((l) => l.partId))];
  if (received.length === 0) return;
  // One probe of the (part_id, closed_at) index for the whole receipt; most receipts find no one waiting.
  const waiting = tx
    .select()
    .from(workOrderWaits)
    .where(
      and(
        inArray(workOrderWaits.partId, received),
        isNull(workOrderWaits.closedAt),
        isNull(workOrderWaits.arrivedAt),
      ),
    )
    .orderBy(asc(workOrderWaits.createdAt), asc(workOrderWaits.id))
    .all();
  for (const partId of new Set(waiting.map((w) => w.partId))) {
    const part = tx.select().from(parts).where(eq(parts.id, partId)).get();
    if (!part) continue;
    let left = available(tx, part);
    for (const w of waiting.filter((x) => x.partId === partId)) {
      if (w.qty > left) break;
      left -= w.qty;
      tx.update(workOrderWaits)
        .set({ arrivedAt: receipt.at, arrivedDocumentId: receipt.id })
        .where(eq(workOrderWaits.id, w.id))
        .run();
      touchOrder(tx, w.workOrderId, receipt.at);
      const data = { partId, partCode: part.code, partName: part.name, docNo: receipt.docNo, qty: w.qty };
      recordUpdate(
        tx,
        { workOrderId: w.workOrderId, at: receipt.at, actor: ctx.user, kind: 'partArrived', data },
        { after: { partArrived: data } },
      );
    }
  }
}

const waitsQuery = preparedQuery((q) =>
  q
    .select({
      partId: workOrderWaits.partId,
      partCode: parts.code,
      partName: parts.name,
      qty: workOrderWaits.qty,
      since: workOrderWaits.createdAt,
      arrivedAt: workOrderWaits.arrivedAt,
      arrivedDocNo: stockDocuments.docNo,
    })
    .from(workOrderWaits)
    .innerJoin(parts, eq(parts.id, workOrderWaits.partId))
    .leftJoin(stockDocuments, eq(stockDocuments.id, workOrderWaits.arrivedDocumentId))
    .where(and(eq(workOrderWaits.workOrderId, sql.placeholder('id')), isNull(workOrderWaits.closedAt)))
    .orderBy(asc(workOrderWaits.createdAt), asc(workOrderWaits.id))
    .prepare(),
);

/** The order's open waits, oldest first, with the receipt that brought each in. */
export function readWaits(q: Queryable, workOrderId: string): WaitingPart[] {
  return waitsQuery(q)
    .all({ id: workOrderId })
    .map((w) => ({ ...w, arrivedDocNo: w.arrivedDocNo ?? null }));
}

const openWait = sql`SELECT 1 FROM ${workOrderWaits} w
  WHERE w.work_order_id = ${workOrders.id} AND w.closed_at IS NULL`;

/**
 * Awaiting parts, with open waits, all of them arrived. Two EXISTS probes on the waits' order
 * index per order row, after the status has narrowed the orders.
 */
export const partsArrivedSql: SQL<number> = sql<number>`(${workOrders.status} = 'awaitingParts'
  AND EXISTS (${openWait}) AND NOT EXISTS (${openWait} AND w.arrived_at IS NULL))`;

/** The list filter: orders whose parts have all arrived, or (false) every other order. */
export function partsArrivedWhere(flag: boolean): SQL {
  return flag ? partsArrivedSql : sql`NOT ${partsArrivedSql}`;
}
