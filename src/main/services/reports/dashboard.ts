import { sql } from 'drizzle-orm';
import { addDays, dayBounds, localDate } from '@shared/dates';
import type { Dashboard } from '@shared/schemas/reports';
import { WORK_ORDER_STATUSES, type WorkOrderStatus } from '@shared/workOrderStatus';
import type { UserRecord } from '../../db/schema';
import type { Db } from '../../db/open';
import { readCounter } from '../settings';
import { stockAlerts } from '../stock/alerts';
import { deviceLabel, isOverdue, statusIsOpen, statusOnTheClock } from '../workOrders/rows';
import { DAY_MS } from './period';
import { afterSalesSection, qualitySection } from './dashboardAfterSales';

/** Longest lists the home screen shows; the work-order list has the rest. */
const LIST_LIMIT = 100;

type Brief = NonNullable<Dashboard['queue']>['orders'][number];

/** Short rows for the home screen; `overdue` is decided here, on the server's clock. */
function briefs(q: Db, now: number, where: ReturnType<typeof sql>): Brief[] {
  return q
    .all<Omit<Brief, 'device' | 'overdue'> & { category: string; brand: string; model: string }>(
      sql`SELECT o.id AS id, o.order_no AS orderNo, o.status AS status, c.name AS customerName,
          d.category AS category, d.brand AS brand, d.model AS model,
          o.promised_at AS promisedAt, o.ready_at AS readyAt, o.created_at AS createdAt
        FROM work_orders o JOIN customers c ON c.id = o.customer_id JOIN devices d ON d.id = o.device_id
        ${where} LIMIT ${LIST_LIMIT}`,
    )
    .map(({ category, brand, model, ...o }) => ({
      ...o,
      device: deviceLabel({ category, brand, model }),
      overdue: isOverdue(o, now),
    }));
}

function count(q: Db, query: ReturnType<typeof sql>): number {
  return q.get<{ n: number }>(query)?.n ?? 0;
}

function counterSection(q: Db, now: number): NonNullable<Dashboard['counter']> {
  const today = localDate(now);
  const [start, end] = dayBounds(today);
  const { pickupWaitDays } = readCounter(q);
  const money = q.get<{ net: number; n: number }>(sql`
    SELECT coalesce(sum(amount), 0) AS net, count(CASE WHEN amount > 0 THEN 1 END) AS n
    FROM (SELECT amount FROM payments WHERE business_date = ${today}
      UNION ALL SELECT amount FROM deposits WHERE business_date = ${today})`);
  return {
    receivedToday: count(
      q,
      sql`SELECT count(*) AS n FROM work_orders WHERE created_at >= ${start} AND created_at < ${end}`,
    ),
    deliveredToday: count(
      q,
      sql`SELECT count(*) AS n FROM work_orders WHERE delivered_at >= ${start} AND delivered_at < ${end}`,
    ),
    takingsToday: money?.net ?? 0,
    paymentsToday: money?.n ?? 0,
    readyWaiting: count(q, sql`SELECT count(*) AS n FROM work_orders WHERE status = 'ready'`),
    pickupOverdue: briefs(
      q,
      now,
      sql`WHERE o.status = 'ready' AND o.ready_at < ${now - pickupWaitDays * DAY_MS} ORDER BY o.ready_at, o.order_no`,
    ),
    pickupWaitDays,
  };
}

function shopSection(q: Db, now: number): NonNullable<Dashboard['shop']> {
  const openByStatus = Object.fromEntries(WORK_ORDER_STATUSES.map((s) => [s, 0])) as Record<
    WorkOrderStatus,
    number
  >;
  const counts = q.all<{ status: WorkOrderStatus; n: number }>(
    sql`SELECT status, count(*) AS n FROM work_orders WHERE ${statusIsOpen()} GROUP BY status`,
  );
  for (const c of counts) openByStatus[c.status] = c.n;
  const today = localDate(now);
  const first = addDays(today, -6);
  const takings = new Map(
    q
      .all<{ day: string; amount: number }>(
        sql`SELECT business_date AS day, sum(amount) AS amount FROM (
            SELECT business_date, amount FROM payments
            WHERE business_date >= ${first} AND business_date <= ${today}
            UNION ALL SELECT business_date, amount FROM deposits
            WHERE business_date >= ${first} AND business_date <= ${today})
          GROUP BY business_date`,
      )
      .map((t) => [t.day, t.amount]),
  );
  return {
    openByStatus,
    open: counts.reduce((s, c) => s + c.n, 0),
    overdue: count(
      q,
      sql`SELECT count(*) AS n FROM work_orders WHERE ${statusOnTheClock()} AND promised_at < ${now}`,
    ),
    // The same count as the stock-alert badge in the side menu.
    lowStock: stockAlerts(q).length,
    takingsWeek: Array.from({ length: 7 }, (_, i) => {
      const key = addDays(first, i);
      return { key, amount: takings.get(key) ?? 0 };
    }),
  };
}

function queueSection(q: Db, userId: string, now: number): NonNullable<Dashboard['queue']> {
  const mine = sql`WHERE o.technician_id = ${userId} AND ${statusIsOpen(sql`o.status`)}`;
  // Overdue: on the promise's clock (an order on hold is not) and past its promise.
  const late = sql`(${statusOnTheClock(sql`o.status`)} AND o.promised_at < ${now})`;
  return {
    orders: briefs(q, now, sql`${mine} ORDER BY ${late} DESC, o.promised_at, o.order_no`),
    open: count(q, sql`SELECT count(*) AS n FROM work_orders o ${mine}`),
    overdue: count(q, sql`SELECT count(*) AS n FROM work_orders o ${mine} AND ${late}`),
  };
}

/**
 * The home screen by role: a clerk gets the counter; a technician their queue; a manager or an
 * admin the shop and the counter, and their queue too when orders are assigned to them.
 */
export function dashboard(q: Db, user: UserRecord, now: number): Dashboard {
  const staff = user.role === 'manager' || user.role === 'admin';
  const counter = staff || user.role === 'clerk' ? counterSection(q, now) : null;
  const shop = staff ? shopSection(q, now) : null;
  let queue: Dashboard['queue'] = null;
  if (user.role === 'technician') queue = queueSection(q, user.id, now);
  else if (staff) {
    const assigned = count(
      q,
      sql`SELECT count(*) AS n FROM work_orders o WHERE o.technician_id = ${user.id} AND ${statusIsOpen(sql`o.status`)}`,
    );
    if (assigned > 0) queue = queueSection(q, user.id, now);
  }
  const afterSales = staff || user.role === 'clerk' ? afterSalesSection(q, now, briefs) : null;
  const quality = staff ? qualitySection(q, now) : null;
  return { counter, shop, queue, afterSales, quality };
}
