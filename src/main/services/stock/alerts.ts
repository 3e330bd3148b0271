import { and, asc, eq, gt, inArray, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { StockAlert } from '@shared/schemas/stock';
import { parts, suppliers, workOrders, workOrderWaits } from '../../db/schema';
import type { Queryable } from '../context';

/** Reorder enough for the waiting orders and to stand at twice the minimum again; at least one. */
function suggestedReorder(p: { onHand: number; minStock: number; waitingQty: number }): number {
  return Math.max(1, 2 * p.minStock + p.waitingQty - p.onHand);
}

/**
 * Parts to reorder: at or below their minimum stock, or waited for by open work orders beyond what
 * is on hand (waits not yet flagged as arrived). Archived parts are left out. Waited-for parts come
 * first, then the largest shortfall (minimum + waited for − on hand), then the code.
 */
export function stockAlerts(q: Queryable): StockAlert[] {
  const waits = q
    .select({
      partId: workOrderWaits.partId,
      qty: workOrderWaits.qty,
      workOrderId: workOrderWaits.workOrderId,
      orderNo: workOrders.orderNo,
    })
    .from(workOrderWaits)
    .innerJoin(workOrders, eq(workOrders.id, workOrderWaits.workOrderId))
    .where(and(isNull(workOrderWaits.closedAt), isNull(workOrderWaits.arrivedAt)))
    .orderBy(asc(workOrderWaits.createdAt), asc(workOrderWaits.id))
    .all();
  const waiting = new Map<string, { qty: number; orders: { id: string; orderNo: string }[] }>();
  for (const w of waits) {
    const entry = waiting.get(w.partId) ?? { qty: 0, orders: [] };
    entry.qty += w.qty;
    if (!entry.orders.some((o) => o.id === w.workOrderId)) {
      entry.orders.push({ id: w.workOrderId, orderNo: w.orderNo });
    }
    waiting.set(w.partId, entry);
  }

  const low = and(gt(parts.minStock, 0), lte(parts.onHand, parts.minStock)) as SQL;
  const candidates = q
    .select({
      partId: parts.id,
      code: parts.code,
      name: parts.name,
      spec: parts.spec,
      unit: parts.unit,
      location: parts.location,
      onHand: parts.onHand,
      minStock: parts.minStock,
      defaultSupplierId: parts.defaultSupplierId,
      supplierName: suppliers.name,
    })
    .from(parts)
    .leftJoin(suppliers, eq(suppliers.id, parts.defaultSupplierId))
    .where(
      and(isNull(parts.archivedAt), waiting.size ? or(low, inArray(parts.id, [...waiting.keys()])) : low),
    )
    .all();

  const alerts = candidates.flatMap((p): StockAlert[] => {
    const w = waiting.get(p.partId);
    const waitingQty = w?.qty ?? 0;
    const isLow = p.minStock > 0 && p.onHand <= p.minStock;
    if (!isLow && waitingQty <= p.onHand) return [];
    return [
      {
        ...p,
        supplierName: p.supplierName ?? null,
        waitingQty,
        waitingOrders: w?.orders ?? [],
        suggestedQty: suggestedReorder({ ...p, waitingQty }),
      },
    ];
  });
  const shortfall = (a: StockAlert) => a.minStock + a.waitingQty - a.onHand;
  return alerts.sort(
    (a, b) =>
      Number(b.waitingQty > 0) - Number(a.waitingQty > 0) ||
      shortfall(b) - shortfall(a) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
