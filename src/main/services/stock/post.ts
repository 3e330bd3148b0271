import { eq, sql } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { AppError, fieldError } from '@shared/errors';
import { localDate } from '@shared/dates';
import type { StockDocumentKind } from '@shared/schemas/stock';
import {
  parts,
  stockDocumentLines,
  stockDocuments,
  stockMovements,
  type PartRecord,
  type StockDocumentRecord,
} from '../../db/schema';
import { writeAudit } from '../audit';
import { divideHalfUp } from '../divideHalfUp';
import type { CallContext, Tx } from '../context';
import { preparedInsert, preparedQuery, preparedRowById, preparedUpdateById } from '../preparedQuery';
import { nextSequence } from '../sequences';
import { readShop } from '../settings';
import { actorOf } from '../users';

/**
 * 入库 RK, 退货 TH, 报损 BS, 盘点 PD, 调整 TZ, 领料 LL, 退料 TL, 成本调整 CB; a reversing document
 * (冲销) is CX whatever it reverses.
 */
export const PREFIX: Record<StockDocumentKind, string> = {
  receipt: 'RK',
  supplierReturn: 'TH',
  scrap: 'BS',
  count: 'PD',
  adjustment: 'TZ',
  orderIssue: 'LL',
  orderReturn: 'TL',
  costAdjustment: 'CB',
};
export const REVERSAL_PREFIX = 'CX';

/** Kinds a work order makes; they are undone on the order (remove the line), never by a reversal. */
export const ORDER_KINDS: readonly StockDocumentKind[] = ['orderIssue', 'orderReturn'];

const docNoTaken = preparedQuery((q) =>
  q
    .select({ id: stockDocuments.id })
    .from(stockDocuments)
    .where(eq(stockDocuments.docNo, sql.placeholder('docNo')))
    .prepare(),
);

const insertDocument = preparedInsert(stockDocuments);
const insertLine = preparedInsert(stockDocumentLines);
const insertMovement = preparedInsert(stockMovements);
const partById = preparedRowById(parts);
const updatePart = preparedUpdateById(parts);

/** RK-BJ01-20261123-0001: kind prefix, branch code, local date, the day's sequence for that prefix. */
function nextDocNo(tx: Tx, prefix: string, at: number): string {
  const branch = readShop(tx)?.branchCode ?? 'XX';
  const day = localDate(at).replaceAll('-', '');
  for (;;) {
    const seq = nextSequence(tx, `stockDocument:${prefix}:${branch}:${day}`);
    const docNo = `${prefix}-${branch}-${day}-${String(seq).padStart(4, '0')}`;
    const taken = docNoTaken(tx).get({ docNo });
    if (!taken) return docNo;
  }
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

/** A part's stock as a line finds it: after the document's earlier lines. */
export interface PartState {
  onHand: number;
  costPrice: number;
}

export interface LineSpec {
  partId: string;
  /** Signed change; null for count lines, whose change is counted minus on hand. */
  qty: number | null;
  countedQty: number | null;
  /** Receipts: the purchase cost, which moves the average. Others: the movement's cost (null = current). */
  unitCost: number | null;
  movesAverage: boolean;
  /** Reversals: the average cost to put back, from the part as this line finds it (null = keep). */
  restoreCost?: (current: PartState) => number | null;
  /** Cost adjustments: the part's new average cost, set whatever it was. */
  setCost?: number;
  /** Where an error about this line points, e.g. "lines.2"; '' when the input has no lines (a work-order part). */
  path: string;
}

export interface DocSpec {
  kind: StockDocumentKind;
  prefix: string;
  supplierId: string | null;
  reason: string;
  reversesId: string | null;
  /** orderIssue / orderReturn: the work order that made the document. */
  workOrderId?: string | null;
  lines: LineSpec[];
}

interface PostedLine {
  partId: string;
  qty: number;
  unitCost: number;
  costAfter: number;
}

export interface Posted {
  id: string;
  docNo: string;
  at: number;
  lines: PostedLine[];
}

function fieldPath(prefix: string, field: string): string {
  return prefix ? `${prefix}.${field}` : field;
}

/**
 * Posts one document inside the caller's transaction; any refusal throws and rolls everything back.
 * The parts are read once and worked on in memory line by line (a part may sit on several lines),
 * then written once each. Every statement is prepared once and run per row: a part issued to an order
 * and a 50-line receipt run the same few statements, none built again on the call (issue 18).
 */
export function post(tx: Tx, ctx: CallContext, spec: DocSpec): Posted {
  const at = ctx.deps.now();
  const doc: StockDocumentRecord = {
    id: uuidv7(),
    docNo: nextDocNo(tx, spec.prefix, at),
    kind: spec.kind,
    status: 'posted',
    supplierId: spec.supplierId,
    reason: spec.reason,
    reversesId: spec.reversesId,
    workOrderId: spec.workOrderId ?? null,
    createdBy: ctx.user?.id ?? null,
    postedAt: at,
  };
  insertDocument(tx, doc);
  const found = new Map<string, PartRecord>();
  for (const id of new Set(spec.lines.map((l) => l.partId))) {
    const part = partById(tx, id);
    if (part) found.set(id, part);
  }
  const state = new Map<string, PartState>();
  const lineRows: (typeof stockDocumentLines.$inferSelect)[] = [];
  const movementRows: (typeof stockMovements.$inferSelect)[] = [];
  const posted: PostedLine[] = [];
  spec.lines.forEach((line, i) => {
    const part = found.get(line.partId);
    if (!part) {
      throw fieldError(fieldPath(line.path, 'partId'), 'partNotFound', {}, 'no such part');
    }
    // Putting stock back (a reversal, a part returned from an order) is allowed on an archived part.
    if (part.archivedAt !== null && spec.reversesId === null && spec.kind !== 'orderReturn') {
      const path = fieldPath(line.path, 'partId');
      throw fieldError(path, 'partArchived', { partCode: part.code }, `part ${part.code} is archived`);
    }
    const current = state.get(part.id) ?? { onHand: part.onHand, costPrice: part.costPrice };
    const qty = line.qty ?? (line.countedQty ?? 0) - current.onHand;
    const onHand = current.onHand + qty;
    if (onHand < 0) {
      const params = { partCode: part.code, onHand: current.onHand };
      throw new AppError('insufficientStock', params, `only ${current.onHand} of ${part.code} on hand`, {
        fields: [
          {
            path: fieldPath(line.path, line.qty === null ? 'countedQty' : 'qty'),
            message: `only ${current.onHand} on hand`,
          },
        ],
      });
    }
    const unitCost = line.unitCost ?? current.costPrice;
    const costAfter =
      line.setCost ??
      line.restoreCost?.(current) ??
      (line.movesAverage ? averageCost(current.onHand, current.costPrice, qty, unitCost) : current.costPrice);
    state.set(part.id, { onHand, costPrice: costAfter });
    lineRows.push({
      id: uuidv7(),
      documentId: doc.id,
      lineNo: i + 1,
      partId: part.id,
      qty,
      countedQty: line.countedQty,
      unitCost,
      costBefore: current.costPrice,
      costAfter,
    });
    // A cost adjustment moves no stock but stays in the part's ledger: people see when its cost
    // changed, and a later reversal of an older receipt sees that the cost has moved since.
    if (qty !== 0 || spec.kind === 'costAdjustment') {
      movementRows.push({
        id: uuidv7(),
        partId: part.id,
        documentId: doc.id,
        qty,
        unitCost,
        at,
        userId: doc.createdBy,
      });
    }
    posted.push({ partId: part.id, qty, unitCost, costAfter });
  });
  for (const [id, { onHand, costPrice }] of state) updatePart(tx, id, { onHand, costPrice });
  for (const row of lineRows) insertLine(tx, row);
  for (const row of movementRows) insertMovement(tx, row);
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
      workOrderId: doc.workOrderId,
      reason: doc.reason,
      reversesId: doc.reversesId,
      lines: posted,
    },
  });
  return { id: doc.id, docNo: doc.docNo, at, lines: posted };
}
