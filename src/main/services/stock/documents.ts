import { and, asc, count, desc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { StockDocument, StockDocumentKind } from '@shared/schemas/stock';
import {
  parts,
  stockDocumentLines,
  stockDocuments,
  stockMovements,
  type StockDocumentRecord,
} from '../../db/schema';
import { writeAudit } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { nextSequence } from '../sequences';
import { readShop } from '../settings';
import { actorOf } from '../users';
import { partRecord, supplierRecord } from './catalog';

/** 入库 RK, 退货 TH, 报损 BS, 盘点 PD, 调整 TZ; a reversing document (冲销) is CX whatever it reverses. */
const PREFIX: Record<StockDocumentKind, string> = {
  receipt: 'RK',
  supplierReturn: 'TH',
  scrap: 'BS',
  count: 'PD',
  adjustment: 'TZ',
};
const REVERSAL_PREFIX = 'CX';

/** RK-BJ01-20261123-0001: kind prefix, branch code, local date, the day's sequence for that prefix. */
function nextDocNo(q: Queryable, prefix: string, at: number): string {
  const branch = readShop(q)?.branchCode ?? 'XX';
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const seq = nextSequence(q, `stockDocument:${prefix}:${branch}:${day}`);
    const docNo = `${prefix}-${branch}-${day}-${String(seq).padStart(4, '0')}`;
    const taken = q
      .select({ id: stockDocuments.id })
      .from(stockDocuments)
      .where(eq(stockDocuments.docNo, docNo))
      .get();
    if (!taken) return docNo;
  }
}

/**
 * round(num / den), halves rounded up, exactly (BigInt, so a large stock value cannot lose
 * precision). Used for the moving-average cost in fen: both arguments are non-negative here.
 */
export function divideHalfUp(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}

/**
 * Moving-average cost after receiving `qty` at `unitCost` onto `onHand` at `cost` (all fen, integers):
 * (onHand × cost + qty × unitCost) / (onHand + qty), rounded half up to a whole fen. With nothing
 * on hand, the receipt's own unit cost becomes the cost.
 */
export function averageCost(onHand: number, cost: number, qty: number, unitCost: number): number {
  if (onHand <= 0) return unitCost;
  return divideHalfUp(BigInt(onHand) * BigInt(cost) + BigInt(qty) * BigInt(unitCost), BigInt(onHand + qty));
}

interface LineSpec {
  partId: string;
  /** Signed change; null for count lines, whose change is counted minus on hand. */
  qty: number | null;
  countedQty: number | null;
  /** Receipts: the purchase cost, which moves the average. Others: the movement's cost (null = current). */
  unitCost: number | null;
  movesAverage: boolean;
  /** Reversals: the average cost to put back exactly (null = recompute or keep, see reverse). */
  restoreCost: number | null;
  /** Where an error about this line points, e.g. "lines.2". */
  path: string;
}

interface DocSpec {
  kind: StockDocumentKind;
  prefix: string;
  supplierId: string | null;
  reason: string;
  reversesId: string | null;
  lines: LineSpec[];
}

/** Posts one document inside the caller's transaction; any refusal throws and rolls everything back. */
function post(tx: Tx, ctx: CallContext, spec: DocSpec): string {
  const at = ctx.deps.now();
  const doc: StockDocumentRecord = {
    id: uuidv7(),
    docNo: nextDocNo(tx, spec.prefix, at),
    kind: spec.kind,
    status: 'posted',
    supplierId: spec.supplierId,
    reason: spec.reason,
    reversesId: spec.reversesId,
    createdBy: ctx.user?.id ?? null,
    postedAt: at,
  };
  tx.insert(stockDocuments).values(doc).run();
  const audited: { partId: string; qty: number; unitCost: number; costAfter: number }[] = [];
  spec.lines.forEach((line, i) => {
    const part = tx.select().from(parts).where(eq(parts.id, line.partId)).get();
    if (!part) {
      throw new AppError('NOT_FOUND', 'part not found', {
        fields: [{ path: `${line.path}.partId`, message: 'no such part' }],
      });
    }
    if (part.archivedAt !== null && spec.reversesId === null) {
      throw new AppError('CONFLICT', 'the part is archived', {
        fields: [{ path: `${line.path}.partId`, message: 'archived' }],
      });
    }
    const qty = line.qty ?? (line.countedQty ?? 0) - part.onHand;
    const onHand = part.onHand + qty;
    if (onHand < 0) {
      throw new AppError('INSUFFICIENT_STOCK', `only ${part.onHand} of ${part.code} on hand`, {
        fields: [
          {
            path: `${line.path}.${line.qty === null ? 'countedQty' : 'qty'}`,
            message: `only ${part.onHand} on hand`,
          },
        ],
      });
    }
    const unitCost = line.unitCost ?? part.costPrice;
    const costAfter =
      line.restoreCost ??
      (line.movesAverage ? averageCost(part.onHand, part.costPrice, qty, unitCost) : part.costPrice);
    tx.update(parts).set({ onHand, costPrice: costAfter }).where(eq(parts.id, part.id)).run();
    tx.insert(stockDocumentLines)
      .values({
        id: uuidv7(),
        documentId: doc.id,
        lineNo: i + 1,
        partId: part.id,
        qty,
        countedQty: line.countedQty,
        unitCost,
        costBefore: part.costPrice,
        costAfter,
      })
      .run();
    if (qty !== 0) {
      tx.insert(stockMovements)
        .values({
          id: uuidv7(),
          partId: part.id,
          documentId: doc.id,
          qty,
          unitCost,
          at,
          userId: doc.createdBy,
        })
        .run();
    }
    audited.push({ partId: part.id, qty, unitCost, costAfter });
  });
  writeAudit(tx, {
    at,
    actor: actorOf(ctx.user),
    action: 'create',
    entity: 'stockDocument',
    entityId: doc.id,
    after: {
      docNo: doc.docNo,
      kind: doc.kind,
      supplierId: doc.supplierId,
      reason: doc.reason,
      reversesId: doc.reversesId,
      lines: audited,
    },
  });
  return doc.id;
}

function assertActiveSupplier(q: Queryable, supplierId: string): void {
  if (supplierRecord(q, supplierId).archivedAt !== null) {
    throw new AppError('CONFLICT', 'the supplier is archived', {
      fields: [{ path: 'supplierId', message: 'archived' }],
    });
  }
}

export function postStock(ctx: CallContext, input: ParsedInputOf<'stock.post'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const base = { kind: input.kind, prefix: PREFIX[input.kind], reversesId: null, restoreCost: null };
    let id: string;
    switch (input.kind) {
      case 'receipt':
        assertActiveSupplier(tx, input.supplierId);
        id = post(tx, ctx, {
          ...base,
          supplierId: input.supplierId,
          reason: '',
          lines: input.lines.map((l, i) => ({
            partId: l.partId,
            qty: l.qty,
            countedQty: null,
            unitCost: l.unitCost,
            movesAverage: true,
            restoreCost: null,
            path: `lines.${i}`,
          })),
        });
        break;
      case 'supplierReturn':
      case 'scrap':
        if (input.kind === 'supplierReturn') supplierRecord(tx, input.supplierId);
        id = post(tx, ctx, {
          ...base,
          supplierId: input.kind === 'supplierReturn' ? input.supplierId : null,
          reason: input.reason,
          lines: input.lines.map((l, i) => ({
            partId: l.partId,
            qty: -l.qty,
            countedQty: null,
            unitCost: null,
            movesAverage: false,
            restoreCost: null,
            path: `lines.${i}`,
          })),
        });
        break;
      case 'count': {
        const seen = new Set<string>();
        input.lines.forEach((l, i) => {
          if (seen.has(l.partId)) {
            throw new AppError('VALIDATION', 'a part is counted twice', {
              fields: [{ path: `lines.${i}.partId`, message: 'counted twice' }],
            });
          }
          seen.add(l.partId);
        });
        id = post(tx, ctx, {
          ...base,
          supplierId: null,
          reason: input.reason,
          lines: input.lines.map((l, i) => ({
            partId: l.partId,
            qty: null,
            countedQty: l.countedQty,
            unitCost: null,
            movesAverage: false,
            restoreCost: null,
            path: `lines.${i}`,
          })),
        });
        break;
      }
    }
    return readDocument(tx, id);
  });
}

export function adjustStock(ctx: CallContext, input: ParsedInputOf<'stock.adjust'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const id = post(tx, ctx, {
      kind: 'adjustment',
      prefix: PREFIX.adjustment,
      supplierId: null,
      reason: input.reason,
      reversesId: null,
      lines: input.lines.map((l, i) => ({
        partId: l.partId,
        qty: l.qty,
        countedQty: null,
        unitCost: null,
        movesAverage: false,
        restoreCost: null,
        path: `lines.${i}`,
      })),
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
 */
export function reverseStock(ctx: CallContext, input: ParsedInputOf<'stock.reverse'>): StockDocument {
  return ctx.deps.db.transaction((tx) => {
    const original = tx.select().from(stockDocuments).where(eq(stockDocuments.id, input.id)).get();
    if (!original) throw new AppError('NOT_FOUND', 'stock document not found');
    if (original.reversesId !== null) {
      throw new AppError('CONFLICT', 'a reversing document cannot itself be reversed', {
        fields: [{ path: 'id', message: 'is a reversal' }],
      });
    }
    const already = tx
      .select({ id: stockDocuments.id })
      .from(stockDocuments)
      .where(eq(stockDocuments.reversesId, original.id))
      .get();
    if (already) {
      throw new AppError('CONFLICT', 'the document has already been reversed', {
        fields: [{ path: 'id', message: 'already reversed' }],
      });
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
    const restoreCostOf = (l: (typeof lines)[number]): number | null => {
      if (untouched.has(l.partId)) return l.costBefore;
      if (original.kind !== 'receipt') return null;
      const part = partRecord(tx, l.partId);
      const remaining = part.onHand - l.qty;
      if (remaining <= 0) return part.costPrice;
      const value = BigInt(part.onHand) * BigInt(part.costPrice) - BigInt(l.qty) * BigInt(l.unitCost);
      return value <= 0n ? 0 : divideHalfUp(value, BigInt(remaining));
    };
    const reversalId = post(tx, ctx, {
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
        get restoreCost() {
          // Read when the line is posted, after the lines before it have been undone.
          return restoreCostOf(l);
        },
        path: `lines.${l.lineNo - 1}`,
      })),
    });
    return readDocument(tx, reversalId);
  });
}

export function readDocument(q: Queryable, id: string): StockDocument {
  const doc = q.select().from(stockDocuments).where(eq(stockDocuments.id, id)).get();
  if (!doc) throw new AppError('NOT_FOUND', 'stock document not found');
  const lines = q
    .select({
      lineNo: stockDocumentLines.lineNo,
      partId: stockDocumentLines.partId,
      partCode: parts.code,
      partName: parts.name,
      qty: stockDocumentLines.qty,
      countedQty: stockDocumentLines.countedQty,
      unitCost: stockDocumentLines.unitCost,
      costBefore: stockDocumentLines.costBefore,
      costAfter: stockDocumentLines.costAfter,
    })
    .from(stockDocumentLines)
    .innerJoin(parts, eq(parts.id, stockDocumentLines.partId))
    .where(eq(stockDocumentLines.documentId, id))
    .orderBy(asc(stockDocumentLines.lineNo))
    .all();
  return { ...toHeader(doc, reversedBy(q, [id]).get(id) ?? null), lines };
}

function reversedBy(q: Queryable, ids: string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = q
    .select({ id: stockDocuments.id, reversesId: stockDocuments.reversesId })
    .from(stockDocuments)
    .where(inArray(stockDocuments.reversesId, ids))
    .all();
  return new Map(rows.map((r) => [r.reversesId ?? '', r.id]));
}

function toHeader(doc: StockDocumentRecord, reversedById: string | null) {
  return {
    ...doc,
    kind: doc.kind as StockDocumentKind,
    status: 'posted' as const,
    reversedById,
  };
}

export function listDocuments(q: Queryable, input: ParsedInputOf<'stock.list'>): OutputOf<'stock.list'> {
  const where = input.kind ? eq(stockDocuments.kind, input.kind) : undefined;
  const total = q.select({ n: count() }).from(stockDocuments).where(where).get()?.n ?? 0;
  const docs = q
    .select()
    .from(stockDocuments)
    .where(where)
    .orderBy(desc(stockDocuments.postedAt), desc(stockDocuments.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  const reversals = reversedBy(
    q,
    docs.map((d) => d.id),
  );
  return { total, rows: docs.map((d) => toHeader(d, reversals.get(d.id) ?? null)) };
}

export function listMovements(
  q: Queryable,
  input: ParsedInputOf<'stock.movements'>,
): OutputOf<'stock.movements'> {
  partRecord(q, input.partId);
  const where = eq(stockMovements.partId, input.partId);
  const total = q.select({ n: count() }).from(stockMovements).where(where).get()?.n ?? 0;
  const rows = q
    .select({
      id: stockMovements.id,
      partId: stockMovements.partId,
      documentId: stockMovements.documentId,
      docNo: stockDocuments.docNo,
      kind: stockDocuments.kind,
      qty: stockMovements.qty,
      unitCost: stockMovements.unitCost,
      at: stockMovements.at,
      userId: stockMovements.userId,
    })
    .from(stockMovements)
    .innerJoin(stockDocuments, eq(stockDocuments.id, stockMovements.documentId))
    .where(where)
    .orderBy(desc(stockMovements.at), desc(stockMovements.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all();
  return { total, rows: rows.map((r) => ({ ...r, kind: r.kind as StockDocumentKind })) };
}

/** Every part's cached on-hand against the sum of its movements; `mismatches` must be empty. */
export function checkStock(q: Queryable): OutputOf<'stock.check'> {
  const rows = q
    .select({
      partId: parts.id,
      code: parts.code,
      onHand: parts.onHand,
      ledger: sql<number>`coalesce(sum(${stockMovements.qty}), 0)`,
    })
    .from(parts)
    .leftJoin(stockMovements, eq(stockMovements.partId, parts.id))
    .groupBy(parts.id)
    .all();
  return { parts: rows.length, mismatches: rows.filter((r) => r.onHand !== r.ledger) };
}
