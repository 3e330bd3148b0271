import { and, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { fieldError } from '@shared/errors';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@shared/workOrderStatus';
import { workOrders } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { orderRowidsFor } from '../search';
import { partsArrivedWhere } from './waits';
import {
  listWorkOrderRows,
  notOverdueWhere,
  overdueWhere,
  statusIsOpen,
  workOrderOrderBy,
  workOrderRowsByIds,
} from './rows';

type ListInput = ParsedInputOf<'workOrders.list'>;

/**
 * Every filter of the list but the status tab, so the tab counts can share it. `matched`: the orders
 * the text filter names (search/orders.ts), as work_orders rowids.
 */
function filtersBesideStatus(
  input: ListInput,
  ctx: CallContext,
  now: number,
  matched: number[] | null,
): SQL[] {
  const filters: SQL[] = [];
  if (input.openOnly) filters.push(statusIsOpen());
  if (input.technicianId) filters.push(eq(workOrders.technicianId, input.technicianId));
  if (input.mine) filters.push(eq(workOrders.technicianId, ctx.user?.id ?? ''));
  if (input.customerId) filters.push(eq(workOrders.customerId, input.customerId));
  if (input.deviceId) filters.push(eq(workOrders.deviceId, input.deviceId));
  if (input.from !== undefined) filters.push(gte(workOrders.createdAt, input.from));
  if (input.to !== undefined) filters.push(lte(workOrders.createdAt, input.to));
  if (input.overdue === true) filters.push(overdueWhere(now));
  if (input.overdue === false) filters.push(notOverdueWhere(now));
  if (input.warrantyStatus) filters.push(eq(workOrders.warrantyStatus, input.warrantyStatus));
  if (input.channel) filters.push(eq(workOrders.channel, input.channel));
  if (input.serviceType) filters.push(eq(workOrders.serviceType, input.serviceType));
  if (input.partsArrived !== undefined) filters.push(partsArrivedWhere(input.partsArrived));
  if (input.outcome) filters.push(eq(workOrders.outcome, input.outcome));
  if (matched) {
    filters.push(sql`"work_orders".rowid IN (SELECT value FROM json_each(${JSON.stringify(matched)}))`);
  }
  return filters;
}

/**
 * Orders per status under the filters, from one GROUP BY. With a (filter column, status) index this
 * reads only that index; see the report on issue 3 for the indexes the filters want.
 */
function statusCounts(q: Queryable, filters: SQL[]): Record<WorkOrderStatus, number> {
  const counts = Object.fromEntries(WORK_ORDER_STATUSES.map((s) => [s, 0])) as Record<
    WorkOrderStatus,
    number
  >;
  const rows = q
    .select({ status: workOrders.status, n: count() })
    .from(workOrders)
    .where(filters.length ? and(...filters) : undefined)
    .groupBy(workOrders.status)
    .all();
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Sorts with a (status, key) index, so one status's orders can be read already in order. */
const STATUS_SORT_INDEX = {
  createdAt: { index: 'work_orders_status_created', column: workOrders.createdAt },
  promisedAt: { index: 'work_orders_status_promised', column: workOrders.promisedAt },
  updatedAt: { index: 'work_orders_status_updated', column: workOrders.updatedAt },
} as const;
function hasStatusIndex(sort: string): sort is keyof typeof STATUS_SORT_INDEX {
  return Object.hasOwn(STATUS_SORT_INDEX, sort);
}
/** A status with at most this many matches is sorted in memory; above it, its index is walked in order. */
const SMALL = 2000;
/** Deeper pages than this use the plain query: the merge would read too many rows per status. */
const MERGE_DEPTH = 500;

interface Candidate {
  id: string;
  key: number;
  createdAt: number;
}

/**
 * The page of ids for a createdAt, promisedAt or updatedAt sort, as a merge of per-status top lists: each
 * status's first `offset + pageSize` ids come from its own (status, key) index in order, and stop as
 * soon as they are found. A single sorted query would have to fetch and sort every matching row
 * (20,000 open orders in a large branch) or scan the sort index past every closed one.
 */
function mergedPage(
  q: Queryable,
  input: ListInput,
  sort: keyof typeof STATUS_SORT_INDEX,
  counts: Record<WorkOrderStatus, number>,
  others: SQL[],
): string[] {
  const { index, column } = STATUS_SORT_INDEX[sort];
  const depth = input.page * input.pageSize;
  const statuses = (input.status ? [input.status] : WORK_ORDER_STATUSES).filter((s) => counts[s] > 0);
  const orderBy = sql.join([...workOrderOrderBy(sort, input.order), desc(workOrders.id)], sql`, `);
  const candidates = statuses.flatMap((status) => {
    const where = and(eq(workOrders.status, status), ...others);
    // A big status is read in index order; a small one is left to the planner's best filter index.
    const from =
      counts[status] > SMALL ? sql`${workOrders} INDEXED BY ${sql.identifier(index)}` : sql`${workOrders}`;
    return q.all<Candidate>(
      sql`SELECT ${workOrders.id} AS id, ${column} AS key, ${workOrders.createdAt} AS createdAt
          FROM ${from} WHERE ${where} ORDER BY ${orderBy} LIMIT ${depth}`,
    );
  });
  const dir = input.order === 'asc' ? 1 : -1;
  candidates.sort(
    (a, b) => dir * (a.key - b.key) || b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
  );
  return candidates.slice(depth - input.pageSize, depth).map((c) => c.id);
}

/**
 * One page of orders plus the count of every status tab under the same filters. The total is the
 * tab's count (or their sum), so no separate count query runs.
 */
export function listWorkOrders(ctx: CallContext, input: ListInput): OutputOf<'workOrders.list'> {
  if (input.from !== undefined && input.to !== undefined && input.from > input.to) {
    throw fieldError('to', 'endBeforeStart', {}, 'end before start');
  }
  const q = ctx.deps.db;
  const now = ctx.deps.now();
  const matched = input.q ? orderRowidsFor(q, input.q) : null;
  const others = filtersBesideStatus(input, ctx, now, matched);
  const counts = statusCounts(q, others);
  const total = input.status ? counts[input.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  const offset = (input.page - 1) * input.pageSize;
  if (offset >= total) return { total, rows: [], counts };

  const sort = input.sort;
  // The merge walks each status's sort index; a text filter's matches are found by their own indexes.
  if (!input.q && hasStatusIndex(sort) && total > SMALL && offset + input.pageSize <= MERGE_DEPTH) {
    return { total, rows: workOrderRowsByIds(q, mergedPage(q, input, sort, counts, others), now), counts };
  }
  const filters = input.status ? [eq(workOrders.status, input.status), ...others] : others;
  const rows = listWorkOrderRows(
    q,
    filters.length ? and(...filters) : undefined,
    workOrderOrderBy(sort, input.order),
    input.pageSize,
    offset,
    now,
  );
  return { total, rows, counts };
}
