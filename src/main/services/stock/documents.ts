import { and, desc, eq, gt, max, sql } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import type { StockDocument, StockDocumentKind } from '@shared/schemas/stock';
import { stockDocumentLines, stockDocuments, stockMovements, workOrders } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { flagArrivals } from '../workOrders/waits';
import { supplierRecord } from './catalog';
import { divideHalfUp } from '../divideHalfUp';
import { ORDER_KINDS, post, PREFIX, REVERSAL_PREFIX, type LineSpec, type PartState } from './post';
import { readDocument } from './read';

function assertActiveSupplier(q: Queryable, supplierId: string): void {
  if (supplierRecord(q, supplierId).archivedAt !== null) {
    throw fieldError('supplierId', 'supplierArchived', {}, 'the supplier is archived');
  }
}

/** A line of a clerk's document: its quantity moves stock at the part's current cost. */
function plainLine(partId: string, qty: number | null, countedQty: number | null, i: number): LineSpec {
  return {
    partId,
    qty,
    countedQty,
    unitCost: null,
    movesAverage: false,
    path: `lines.${i}`,
  };
}

/**
 * Posts a clerk's document. A purchase receipt also flags the work orders waiting for its parts,
 * in the same transaction (see workOrders/waits.ts).
 */
export function postStock(ctx: CallContext, input: ParsedInputOf<'stock.post'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const base = { kind: input.kind, prefix: PREFIX[input.kind], reversesId: null };
    let id: string;
    switch (input.kind) {
      case 'receipt': {
        assertActiveSupplier(tx, input.supplierId);
        const posted = post(tx, ctx, {
          ...base,
          supplierId: input.supplierId,
          reason: '',
          lines: input.lines.map((l, i) => ({
            ...plainLine(l.partId, l.qty, null, i),
            unitCost: l.unitCost,
            movesAverage: true,
          })),
        });
        flagArrivals(tx, ctx, posted);
        id = posted.id;
        break;
      }
      case 'supplierReturn':
      case 'scrap':
        if (input.kind === 'supplierReturn') supplierRecord(tx, input.supplierId);
        id = post(tx, ctx, {
          ...base,
          supplierId: input.kind === 'supplierReturn' ? input.supplierId : null,
          reason: input.reason,
          lines: input.lines.map((l, i) => plainLine(l.partId, -l.qty, null, i)),
        }).id;
        break;
      case 'count': {
        const seen = new Set<string>();
        input.lines.forEach((l, i) => {
          if (seen.has(l.partId)) {
            throw fieldError(`lines.${i}.partId`, 'countedTwice', {}, 'a part is counted twice');
          }
          seen.add(l.partId);
        });
        id = post(tx, ctx, {
          ...base,
          supplierId: null,
          reason: input.reason,
          lines: input.lines.map((l, i) => plainLine(l.partId, null, l.countedQty, i)),
        }).id;
        break;
      }
    }
    return readDocument(tx, id);
  });
}

export function adjustStock(ctx: CallContext, input: ParsedInputOf<'stock.adjust'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const { id } = post(tx, ctx, {
      kind: 'adjustment',
      prefix: PREFIX.adjustment,
      supplierId: null,
      reason: input.reason,
      reversesId: null,
      lines: input.lines.map((l, i) => plainLine(l.partId, l.qty, null, i)),
    });
    return readDocument(tx, id);
  });
}

/**
 * Posts the opposite of a document: every line's quantity negated, lines undone last to first.
 *
 * Cost: only receipts move the average. If no other document has moved a part since the one being
 * reversed, the part's cost goes back to exactly what it was before (the line's costBefore). If
 * later documents have moved it, a receipt line's value is taken back out of the average instead,
 * (onHand × cost − qty × unitCost) / (onHand − qty), rounded half up; with nothing left on hand
 * the cost stays as it is. Other kinds never changed the cost, so their reversal leaves it alone.
 *
 * A work order's documents (领料 / 退料) are not reversed here: the order's part line would no
 * longer match the shelf. Removing the line (or cancelling the order) is the correction.
 * Work orders flagged by a reversed receipt stay flagged: the flag says the part came in.
 */
export function reverseStock(ctx: CallContext, input: ParsedInputOf<'stock.reverse'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const original = tx.select().from(stockDocuments).where(eq(stockDocuments.id, input.id)).get();
    if (!original) {
      throw fieldError('id', 'stockDocumentNotFound', {}, 'stock document not found');
    }
    if (ORDER_KINDS.includes(original.kind as StockDocumentKind)) {
      const orderNo = original.workOrderId
        ? (tx
            .select({ orderNo: workOrders.orderNo })
            .from(workOrders)
            .where(eq(workOrders.id, original.workOrderId))
            .get()?.orderNo ?? original.workOrderId)
        : '?';
      const message = `made by work order ${orderNo}; remove the part on the order instead`;
      throw fieldError('id', 'orderDocumentNotReversible', { orderNo }, message);
    }
    if (original.kind === 'costAdjustment') {
      const message = 'a cost adjustment is corrected by another cost adjustment';
      throw fieldError('id', 'costAdjustmentNotReversible', {}, message);
    }
    if (original.reversesId !== null) {
      throw fieldError('id', 'reversalNotReversible', {}, 'a reversing document cannot itself be reversed');
    }
    const already = tx
      .select({ id: stockDocuments.id })
      .from(stockDocuments)
      .where(eq(stockDocuments.reversesId, original.id))
      .get();
    if (already) {
      throw fieldError('id', 'alreadyReversed', {}, 'the document has already been reversed');
    }
    const lines = tx
      .select()
      .from(stockDocumentLines)
      .where(eq(stockDocumentLines.documentId, original.id))
      .orderBy(desc(stockDocumentLines.lineNo))
      .all();
    const untouched = new Set<string>();
    for (const partId of new Set(lines.map((l) => l.partId))) {
      const own = tx
        .select({ last: max(sql<number>`${stockMovements}.rowid`) })
        .from(stockMovements)
        .where(and(eq(stockMovements.partId, partId), eq(stockMovements.documentId, original.id)))
        .get()?.last;
      const later = tx
        .select({ id: stockMovements.id })
        .from(stockMovements)
        .where(and(eq(stockMovements.partId, partId), gt(sql`${stockMovements}.rowid`, own ?? 0)))
        .get();
      if (!later) untouched.add(partId);
    }
    /** The cost to put back, from the part as the reversal finds it after undoing the lines before. */
    const restoreCostOf = (l: (typeof lines)[number], part: PartState): number | null => {
      if (untouched.has(l.partId)) return l.costBefore;
      if (original.kind !== 'receipt') return null;
      const remaining = part.onHand - l.qty;
      if (remaining <= 0) return part.costPrice;
      const value = BigInt(part.onHand) * BigInt(part.costPrice) - BigInt(l.qty) * BigInt(l.unitCost);
      return value <= 0n ? 0 : divideHalfUp(value, BigInt(remaining));
    };
    const reversal = post(tx, ctx, {
      kind: original.kind as StockDocumentKind,
      prefix: REVERSAL_PREFIX,
      supplierId: original.supplierId,
      reason: input.reason,
      reversesId: original.id,
      lines: lines.map((l) => ({
        partId: l.partId,
        qty: -l.qty,
        countedQty: null,
        unitCost: l.unitCost,
        movesAverage: false,
        restoreCost: (current) => restoreCostOf(l, current),
        path: `lines.${l.lineNo - 1}`,
      })),
    });
    return readDocument(tx, reversal.id);
  });
}
