import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import type { StockDocument, StockDocumentKind } from '@shared/schemas/stock';
import {
  parts,
  stockDocumentLines,
  stockDocuments,
  stockMovements,
  suppliers,
  users,
  workOrders,
} from '../../db/schema';
import type { Queryable } from '../context';
import { inIdOrder } from '../inIdOrder';

const reversed = alias(stockDocuments, 'reversed');

/**
 * A document's header with its names and totals. The reversal and the totals are correlated
 * lookups on indexed columns (reverses_id is unique; lines are indexed by document).
 */
const headerSelect = {
  id: stockDocuments.id,
  docNo: stockDocuments.docNo,
  kind: stockDocuments.kind,
  supplierId: stockDocuments.supplierId,
  supplierName: suppliers.name,
  workOrderId: stockDocuments.workOrderId,
  orderNo: workOrders.orderNo,
  reason: stockDocuments.reason,
  reversesId: stockDocuments.reversesId,
  reversesDocNo: reversed.docNo,
  reversedById: sql<
    string | null
  >`(SELECT r.id FROM ${stockDocuments} r WHERE r.reverses_id = ${stockDocuments.id})`,
  createdBy: stockDocuments.createdBy,
  createdByName: users.displayName,
  postedAt: stockDocuments.postedAt,
  totalQty: sql<number>`(SELECT coalesce(sum(l.qty), 0) FROM ${stockDocumentLines} l
    WHERE l.document_id = ${stockDocuments.id})`,
  totalCost: sql<number>`(SELECT coalesce(sum(l.qty * l.unit_cost), 0) FROM ${stockDocumentLines} l
    WHERE l.document_id = ${stockDocuments.id})`,
};

function headerQuery(q: Queryable) {
  return q
    .select(headerSelect)
    .from(stockDocuments)
    .leftJoin(suppliers, eq(suppliers.id, stockDocuments.supplierId))
    .leftJoin(workOrders, eq(workOrders.id, stockDocuments.workOrderId))
    .leftJoin(reversed, eq(reversed.id, stockDocuments.reversesId))
    .leftJoin(users, eq(users.id, stockDocuments.createdBy));
}

type HeaderRow = ReturnType<ReturnType<typeof headerQuery>['all']>[number];

function toHeader(r: HeaderRow): Omit<StockDocument, 'lines'> {
  return {
    ...r,
    kind: r.kind as StockDocumentKind,
    status: 'posted',
    supplierName: r.supplierName ?? null,
    orderNo: r.orderNo ?? null,
    reversesDocNo: r.reversesDocNo ?? null,
    createdByName: r.createdByName ?? null,
  };
}

export function readDocument(q: Queryable, id: string): StockDocument {
  const header = headerQuery(q).where(eq(stockDocuments.id, id)).get();
  if (!header) {
    throw fieldError('id', 'stockDocumentNotFound', {}, 'stock document not found');
  }
  const lines = q
    .select({
      lineNo: stockDocumentLines.lineNo,
      partId: stockDocumentLines.partId,
      partCode: parts.code,
      partName: parts.name,
      partSpec: parts.spec,
      unit: parts.unit,
      location: parts.location,
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
  return { ...toHeader(header), lines };
}

function assertPeriod(from: number | undefined, to: number | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw fieldError('to', 'endBeforeStart', {}, 'end before start');
  }
}

/** Newest first. `from` is inclusive and `to` exclusive, on the posting time. */
export function listDocuments(q: Queryable, input: ParsedInputOf<'stock.list'>): OutputOf<'stock.list'> {
  assertPeriod(input.from, input.to);
  const filters: SQL[] = [];
  if (input.kind) filters.push(eq(stockDocuments.kind, input.kind));
  // instr, not LIKE: a % or _ typed in the box is matched literally.
  if (input.search) filters.push(sql`instr(${stockDocuments.docNo}, ${input.search.toUpperCase()}) > 0`);
  if (input.from !== undefined) filters.push(gte(stockDocuments.postedAt, input.from));
  if (input.to !== undefined) filters.push(lt(stockDocuments.postedAt, input.to));
  const where = filters.length ? and(...filters) : undefined;
  const total = q.select({ n: count() }).from(stockDocuments).where(where).get()?.n ?? 0;
  const ids = q
    .select({ id: stockDocuments.id })
    .from(stockDocuments)
    .where(where)
    .orderBy(desc(stockDocuments.postedAt), desc(stockDocuments.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return { total, rows: [] };
  const headers = headerQuery(q).where(inArray(stockDocuments.id, ids)).all().map(toHeader);
  return { total, rows: inIdOrder(ids, headers) };
}

/**
 * The ledger, newest first: one part's movements, or every part's for a period. The page of ids
 * comes from stock_movements by its (part_id, at) or (at) index; with a kind it is walked from the
 * documents' (kind, posted_at) index instead (a movement's time is its document's posting time, so
 * the period narrows both). Names are joined for the page only. qtyIn / qtyOut are the sums of the
 * positive and of the negative quantities under the same filter, so qtyIn + qtyOut is the net change.
 */
export function listMovements(
  q: Queryable,
  input: ParsedInputOf<'stock.movements'>,
): OutputOf<'stock.movements'> {
  assertPeriod(input.from, input.to);
  const filters: SQL[] = [];
  if (input.partId !== undefined) {
    const known = q.select({ id: parts.id }).from(parts).where(eq(parts.id, input.partId)).get();
    if (!known) {
      throw fieldError('partId', 'partNotFound', {}, 'part not found');
    }
    filters.push(eq(stockMovements.partId, input.partId));
  }
  if (input.from !== undefined) filters.push(gte(stockMovements.at, input.from));
  if (input.to !== undefined) filters.push(lt(stockMovements.at, input.to));
  const kind = input.kind;
  if (kind) {
    filters.push(eq(stockDocuments.kind, kind));
    if (input.from !== undefined) filters.push(gte(stockDocuments.postedAt, input.from));
    if (input.to !== undefined) filters.push(lt(stockDocuments.postedAt, input.to));
  }
  const where = filters.length ? and(...filters) : undefined;
  const totalsQuery = q
    .select({
      n: count(),
      qtyIn: sql<number>`coalesce(sum(CASE WHEN ${stockMovements.qty} > 0 THEN ${stockMovements.qty} END), 0)`,
      qtyOut: sql<number>`coalesce(sum(CASE WHEN ${stockMovements.qty} < 0 THEN ${stockMovements.qty} END), 0)`,
    })
    .from(stockMovements)
    .$dynamic();
  const idsQuery = q.select({ id: stockMovements.id }).from(stockMovements).$dynamic();
  // The documents are joined only when the kind is asked for: a period total reads movements alone.
  if (kind) {
    for (const query of [totalsQuery, idsQuery]) {
      query.innerJoin(stockDocuments, eq(stockDocuments.id, stockMovements.documentId));
    }
  }
  const totals = totalsQuery.where(where).get();
  const total = totals?.n ?? 0;
  const qtyIn = totals?.qtyIn ?? 0;
  const qtyOut = totals?.qtyOut ?? 0;
  const offset = (input.page - 1) * input.pageSize;
  if (offset >= total) return { total, qtyIn, qtyOut, rows: [] };
  const ids = idsQuery
    .where(where)
    .orderBy(desc(kind ? stockDocuments.postedAt : stockMovements.at), desc(stockMovements.id))
    .limit(input.pageSize)
    .offset(offset)
    .all()
    .map((r) => r.id);
  const found = selectMovements(q).where(inArray(stockMovements.id, ids)).all();
  const rows = inIdOrder(ids, found).map((r) => ({
    ...r,
    kind: r.kind as StockDocumentKind,
    orderNo: r.orderNo ?? null,
    userName: r.userName ?? null,
  }));
  return { total, qtyIn, qtyOut, rows };
}

/**
 * Movements with their document, part, work order (of an issue or a return) and user, as the ledger
 * and its export show them; the caller adds the where and the order.
 */
export function selectMovements(q: Queryable) {
  return q
    .select({
      id: stockMovements.id,
      partId: stockMovements.partId,
      partCode: parts.code,
      partName: parts.name,
      documentId: stockMovements.documentId,
      docNo: stockDocuments.docNo,
      kind: stockDocuments.kind,
      orderNo: workOrders.orderNo,
      qty: stockMovements.qty,
      unitCost: stockMovements.unitCost,
      at: stockMovements.at,
      userId: stockMovements.userId,
      userName: users.displayName,
    })
    .from(stockMovements)
    .innerJoin(stockDocuments, eq(stockDocuments.id, stockMovements.documentId))
    .innerJoin(parts, eq(parts.id, stockMovements.partId))
    .leftJoin(workOrders, eq(workOrders.id, stockDocuments.workOrderId))
    .leftJoin(users, eq(users.id, stockMovements.userId))
    .$dynamic();
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
