import { and, asc, eq, isNull } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { fieldError } from '@shared/errors';
import type { ParsedInputOf } from '@shared/contract';
import { PART_EVENT_FIELDS, type EventData, type WorkOrderDetail } from '@shared/schemas/workOrders';
import { isOpen } from '@shared/workOrderStatus';
import { parts, workOrderParts, type WorkOrderPartRecord, type WorkOrderRecord } from '../../db/schema';
import { changedFields } from '../audit';
import type { CallContext, Queryable, Tx } from '../context';
import { post, PREFIX } from '../stock/post';
import { requireNoActiveSettlement } from '../settlements/records';
import { recordUpdate } from './events';
import { preparedInsert, preparedRowById } from '../preparedQuery';
import { touchOrder } from './update';
import { loadOrder } from './lookups';
import { readDetail } from './read';

/**
 * Parts on a work order. Adding a line takes the stock off the shelf with an orderIssue document
 * (领料) at the current moving-average cost; removing it, or cancelling the order, puts it back with
 * an orderReturn document (退料) at the cost it left at. Line, stock document, timeline and audit
 * always change in one transaction.
 *
 * Cost of a return: the returned units are averaged back in at their issue cost, like a receipt at
 * that cost. If no receipt has moved the average since the issue, this leaves the average exactly
 * as it is; if one has, the shelf's value (on hand × average) stays equal to what it would be had
 * the part never left, instead of silently revaluing the returned units at the newer price.
 */

/**
 * Parts change only on an open order (a delivered or cancelled order's parts are history) with no
 * active settlement (its lines are what the customer was billed; void it first).
 */
function requireOpenForParts(q: Queryable, order: WorkOrderRecord): void {
  if (!isOpen(order.status)) {
    const message = `work order ${order.orderNo} is ${order.status}; its parts can no longer change`;
    throw fieldError('id', 'orderClosedForParts', { orderNo: order.orderNo, status: order.status }, message);
  }
  requireNoActiveSettlement(q, order.id, 'parts');
}

/** An active (not removed) line and its order, which must be open. */
function loadActiveLine(tx: Tx, lineId: string): { line: WorkOrderPartRecord; order: WorkOrderRecord } {
  const line = tx.select().from(workOrderParts).where(eq(workOrderParts.id, lineId)).get();
  if (!line) {
    throw fieldError('lineId', 'partLineNotFound', {}, 'part line not found');
  }
  if (line.removedAt !== null) {
    throw fieldError('lineId', 'lineRemoved', { line: 'part' }, 'the part line has been removed');
  }
  const order = loadOrder(tx, line.workOrderId);
  requireOpenForParts(tx, order);
  return { line, order };
}

function partLabel(tx: Tx, partId: string): { partCode: string; partName: string } {
  const p = partById(tx, partId);
  return { partCode: p?.code ?? partId, partName: p?.name ?? '' };
}

const insertLine = preparedInsert(workOrderParts);
const partById = preparedRowById(parts);

export function addOrderPart(ctx: CallContext, input: ParsedInputOf<'workOrders.addPart'>): WorkOrderDetail {
  return ctx.deps.db.transaction((tx) => {
    const order = loadOrder(tx, input.id);
    requireOpenForParts(tx, order);
    const part = partById(tx, input.partId);
    if (!part) {
      throw fieldError('partId', 'partNotFound', {}, 'no such part');
    }
    if (part.archivedAt !== null) {
      throw fieldError('partId', 'partArchived', { partCode: part.code }, `part ${part.code} is archived`);
    }
    const issued = post(tx, ctx, {
      kind: 'orderIssue',
      prefix: PREFIX.orderIssue,
      supplierId: null,
      reason: '',
      reversesId: null,
      workOrderId: order.id,
      lines: [
        {
          partId: part.id,
          qty: -input.qty,
          countedQty: null,
          unitCost: null,
          movesAverage: false,
          path: '',
        },
      ],
    });
    const at = issued.at;
    const line: WorkOrderPartRecord = {
      id: uuidv7(),
      workOrderId: order.id,
      partId: part.id,
      qty: input.qty,
      unitPrice: input.unitPrice ?? part.salePrice,
      unitCost: issued.lines[0]?.unitCost ?? part.costPrice,
      coveredByWarranty:
        input.coveredByWarranty ?? (order.warrantyStatus === 'in' || order.warrantyStatus === 'repair'),
      oldPartSerial: input.oldPartSerial,
      oldPartRma: input.oldPartRma,
      issueDocumentId: issued.id,
      returnDocumentId: null,
      addedBy: ctx.user?.id ?? null,
      addedAt: at,
      removedBy: null,
      removedAt: null,
      updatedAt: at,
    };
    insertLine(tx, line);
    touchOrder(tx, order.id, at);
    const data = {
      action: 'add',
      lineId: line.id,
      partId: part.id,
      partCode: part.code,
      partName: part.name,
      qty: line.qty,
      unitPrice: line.unitPrice,
      unitCost: line.unitCost,
      coveredByWarranty: line.coveredByWarranty,
      oldPartSerial: line.oldPartSerial,
      oldPartRma: line.oldPartRma,
      docNo: issued.docNo,
    } satisfies EventData<'parts'>;
    recordUpdate(
      tx,
      { workOrderId: order.id, at, actor: ctx.user, kind: 'parts', data },
      { after: { part: data } },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/** Price, warranty flag and old-part details of a line; an unchanged form is no event. */
export function updateOrderPart(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.updatePart'>,
): WorkOrderDetail {
  return ctx.deps.db.transaction((tx) => {
    const { line, order } = loadActiveLine(tx, input.lineId);
    const at = ctx.deps.now();
    const before = {
      unitPrice: line.unitPrice,
      coveredByWarranty: line.coveredByWarranty,
      oldPartSerial: line.oldPartSerial,
      oldPartRma: line.oldPartRma,
    } satisfies Record<(typeof PART_EVENT_FIELDS)[number], unknown>;
    const after = {
      unitPrice: input.unitPrice ?? before.unitPrice,
      coveredByWarranty: input.coveredByWarranty ?? before.coveredByWarranty,
      oldPartSerial: input.oldPartSerial ?? before.oldPartSerial,
      oldPartRma: input.oldPartRma ?? before.oldPartRma,
    };
    const diff = changedFields(before, after);
    if (!diff) return readDetail(tx, order.id, ctx.user, at);
    tx.update(workOrderParts)
      .set({ ...after, updatedAt: at })
      .where(eq(workOrderParts.id, line.id))
      .run();
    touchOrder(tx, order.id, at);
    const label = partLabel(tx, line.partId);
    recordUpdate(
      tx,
      {
        workOrderId: order.id,
        at,
        actor: ctx.user,
        kind: 'parts',
        data: {
          action: 'update',
          lineId: line.id,
          ...label,
          fields: PART_EVENT_FIELDS.filter((f) => Object.hasOwn(diff.after, f)),
          ...diff,
        },
      },
      { before: { lineId: line.id, ...diff.before }, after: { lineId: line.id, ...diff.after } },
    );
    return readDetail(tx, order.id, ctx.user, at);
  });
}

/** Puts every unit of one line back on the shelf; the line stays, marked removed, for the history. */
export function removeOrderPart(
  ctx: CallContext,
  input: ParsedInputOf<'workOrders.removePart'>,
): WorkOrderDetail {
  return ctx.deps.db.transaction((tx) => {
    const { line, order } = loadActiveLine(tx, input.lineId);
    const returned = returnLines(tx, ctx, order, [line], input.reason);
    const label = partLabel(tx, line.partId);
    const data = {
      action: 'remove',
      lineId: line.id,
      ...label,
      qty: line.qty,
      docNo: returned.docNo,
    } satisfies EventData<'parts'>;
    recordUpdate(
      tx,
      { workOrderId: order.id, at: returned.at, actor: ctx.user, kind: 'parts', note: input.reason, data },
      { before: { part: { lineId: line.id, qty: line.qty } }, after: { part: data, reason: input.reason } },
    );
    return readDetail(tx, order.id, ctx.user, returned.at);
  });
}

/** One orderReturn document for these lines, each back at its issue cost; the lines marked removed. */
function returnLines(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  lines: readonly WorkOrderPartRecord[],
  reason: string,
): { id: string; docNo: string; at: number } {
  const returned = post(tx, ctx, {
    kind: 'orderReturn',
    prefix: PREFIX.orderReturn,
    supplierId: null,
    reason,
    reversesId: null,
    workOrderId: order.id,
    lines: lines.map((l) => ({
      partId: l.partId,
      qty: l.qty,
      countedQty: null,
      unitCost: l.unitCost,
      movesAverage: true,
      path: '',
    })),
  });
  for (const l of lines) {
    tx.update(workOrderParts)
      .set({
        removedAt: returned.at,
        removedBy: ctx.user?.id ?? null,
        returnDocumentId: returned.id,
        updatedAt: returned.at,
      })
      .where(eq(workOrderParts.id, l.id))
      .run();
  }
  touchOrder(tx, order.id, returned.at);
  return returned;
}

/**
 * Cancelling an order: every active line goes back in one orderReturn document, inside the
 * cancellation's transaction. Returns what was returned for the timeline, or null with no parts.
 */
export function returnAllParts(
  tx: Tx,
  ctx: CallContext,
  order: WorkOrderRecord,
  reason: string,
): { docNo: string; lines: { partCode: string; qty: number }[] } | null {
  const lines = activeLines(tx, order.id);
  if (lines.length === 0) return null;
  const returned = returnLines(tx, ctx, order, lines, reason);
  return {
    docNo: returned.docNo,
    lines: lines.map((l) => ({ partCode: partLabel(tx, l.partId).partCode, qty: l.qty })),
  };
}

function activeLines(q: Queryable, workOrderId: string): WorkOrderPartRecord[] {
  return q
    .select()
    .from(workOrderParts)
    .where(and(eq(workOrderParts.workOrderId, workOrderId), isNull(workOrderParts.removedAt)))
    .orderBy(asc(workOrderParts.addedAt), asc(workOrderParts.id))
    .all();
}
