import { and, asc, eq, isNull } from 'drizzle-orm';
import { localDate } from '@shared/dates';
import type { ParsedInputOf } from '@shared/contract';
import type {
  OnsiteBoard,
  OnsiteOfOrder,
  OnsiteReport,
  RouteSheets,
  RouteStop,
} from '@shared/schemas/onsite';
import { ACCESSORIES } from '@shared/schemas/workOrders';
import { customers, parts, workOrderWaits, type WorkOrderRecord } from '../../db/schema';
import { fieldError } from '@shared/errors';
import type { CallContext, Queryable } from '../context';
import { orderTotals } from '../settlements/lines';
import { readSignatures } from '../workOrders/handoverRead';
import { listTechnicians, readOrderParts } from '../workOrders/read';
import { loadOrder, normalizeAccessories } from '../workOrders/lookups';
import { readJob, readJobs } from './read';
import { defaultTravelFee } from './travelFee';
import { loadVisit } from './lookups';

/** The order page's 上门 card. */
export function onsiteOfOrder(q: Queryable, workOrderId: string): OnsiteOfOrder {
  const order = loadOrder(q, workOrderId);
  const customer = q.select().from(customers).where(eq(customers.id, order.customerId)).get();
  return {
    channel: order.channel,
    customerAddress: customer?.address ?? '',
    job: readJob(q, workOrderId),
    defaultTravelFee: defaultTravelFee(q),
    signature: readSignatures(q, workOrderId).find((s) => s.kind === 'onsite') ?? null,
  };
}

/** 派工看板: a day's visits; the day defaults to the server's today. */
export function onsiteBoard(ctx: CallContext, input: ParsedInputOf<'onsite.board'>): OnsiteBoard {
  const q = ctx.deps.db;
  const today = localDate(ctx.deps.now());
  const day = input.day ?? today;
  const technicians = listTechnicians(q).map((t) => ({ id: t.id, name: t.displayName }));
  return { day, today, technicians, jobs: readJobs(q, { day }) };
}

/** Parts issued to the order (reserved for it) and the ones it still waits for. */
function whatToBring(q: Queryable, workOrderId: string): RouteStop['parts'] {
  const reserved = readOrderParts(q, workOrderId).map((p) => ({
    code: p.partCode,
    name: p.partName,
    qty: p.qty,
    state: 'reserved' as const,
  }));
  const waiting = q
    .select({ code: parts.code, name: parts.name, qty: workOrderWaits.qty })
    .from(workOrderWaits)
    .innerJoin(parts, eq(parts.id, workOrderWaits.partId))
    .where(
      and(
        eq(workOrderWaits.workOrderId, workOrderId),
        isNull(workOrderWaits.closedAt),
        isNull(workOrderWaits.arrivedAt),
      ),
    )
    .orderBy(asc(workOrderWaits.createdAt))
    .all()
    .map((w) => ({ ...w, state: 'waiting' as const }));
  return [...reserved, ...waiting];
}

/** 路线单: per technician with visits that day (or the one asked for), stops in window order. */
export function routeSheets(ctx: CallContext, input: ParsedInputOf<'onsite.routeSheets'>): RouteSheets {
  const q = ctx.deps.db;
  const jobs = readJobs(q, { day: input.day });
  const technicians = listTechnicians(q)
    .map((t) => ({ id: t.id, name: t.displayName }))
    .filter((t) => (input.technicianId ? t.id === input.technicianId : true));
  const sheets = technicians.flatMap((technician) => {
    const stops = jobs
      .filter((j) => j.technicians.some((t) => t.id === technician.id))
      .map((j): RouteStop => {
        const order = loadOrder(q, j.workOrderId);
        return {
          ...j,
          accessories: normalizeAccessories(JSON.parse(order.accessories) as string[], ACCESSORIES),
          accessoriesNote: order.accessoriesNote,
          parts: whatToBring(q, j.workOrderId),
        };
      });
    return stops.length > 0 || input.technicianId ? [{ technician, stops }] : [];
  });
  return { day: input.day, sheets };
}

/** 服务确认单: the visit, the work, the lines and fees as the settlement would bill them, the signature. */
export function onsiteReport(ctx: CallContext, input: ParsedInputOf<'onsite.report'>): OnsiteReport {
  const q = ctx.deps.db;
  const order = requireOnsiteOrderForRead(q, input.id);
  const job = readJob(q, order.id);
  if (!job) throw fieldError('id', 'onsiteNotScheduled', { orderNo: order.orderNo }, 'no visit');
  const totals = orderTotals(q, order.id, { type: 'none' });
  return {
    job,
    diagnosis: order.diagnosis,
    resolution: order.resolution,
    lines: totals.lines.map((l) => ({ name: l.name, detail: l.detail, qty: l.qty, amount: l.amount })),
    total: totals.total,
    signature: readSignatures(q, order.id).find((s) => s.kind === 'onsite') ?? null,
  };
}

/** A closed order's visit still prints its report: the channel and the visit are checked, not the status. */
function requireOnsiteOrderForRead(q: Queryable, id: string): WorkOrderRecord {
  const order = loadOrder(q, id);
  if (order.channel !== 'onsite') {
    throw fieldError(
      'id',
      'onsiteWrongChannel',
      { orderNo: order.orderNo },
      `${order.orderNo} is not on-site`,
    );
  }
  loadVisit(q, order);
  return order;
}
