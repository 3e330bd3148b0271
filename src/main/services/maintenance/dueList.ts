import { and, asc, count, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import { addDays, localDate } from '@shared/dates';
import type { DueList, DueRow, DueTab } from '@shared/schemas/maintenance';
import { customerPhones, customers, devices, maintenancePlans, type MaintenancePlanRecord } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { deviceLabel } from '../workOrders/rows';
import { MONTH_DAYS, WEEK_DAYS } from './due';
import { toPlan } from './plans';

const p = maintenancePlans;
/** The partial index maintenance_plans_reading_due holds exactly these rows. */
const reached = sql`${p.active} = 1 AND ${p.nextDueReading} IS NOT NULL AND ${p.currentReading} >= ${p.nextDueReading}`;
const notReached = sql`NOT (${p.nextDueReading} IS NOT NULL AND ${p.currentReading} IS NOT NULL AND ${p.currentReading} >= ${p.nextDueReading})`;

/** Plans by their stored due day in [from, to) (index maintenance_plans_due_on), not reached by reading. */
function byDay(from: string | null, to: string): SQL {
  const range = from === null ? lt(p.nextDueOn, to) : and(gte(p.nextDueOn, from), lt(p.nextDueOn, to));
  return and(eq(p.active, true), range, notReached) as SQL;
}

function countOf(q: Queryable, where: SQL): number {
  return q.select({ n: count() }).from(p).where(where).get()?.n ?? 0;
}

/**
 * 保养到期 on the server's day: overdue (day passed, or meter reached the due reading), due within 7
 * days, within 30. Each tab is an index range (or the partial index of reached plans), never a pass
 * over every plan; rows come oldest due first.
 */
export function dueList(ctx: CallContext, input: ParsedInputOf<'maintenance.due'>): DueList {
  const q = ctx.deps.db;
  const today = localDate(ctx.deps.now());
  const week = addDays(today, WEEK_DAYS);
  const month = addDays(today, MONTH_DAYS);
  const byReading = sql`${reached}` as SQL;
  // A reached plan also dated overdue is counted once, with the reached ones.
  const overdueDay = byDay(null, today);
  const tabs: Record<DueTab, SQL[]> = {
    overdue: [overdueDay, byReading],
    week: [byDay(today, week)],
    month: [byDay(week, month)],
  };
  const counts = {
    overdue: countOf(q, overdueDay) + countOf(q, byReading),
    week: countOf(q, byDay(today, week)),
    month: countOf(q, byDay(week, month)),
  };
  const found: MaintenancePlanRecord[] = [];
  for (const where of tabs[input.tab]) {
    found.push(...q.select().from(p).where(where).orderBy(asc(p.nextDueOn)).limit(input.limit).all());
  }
  const plans = found
    .sort((a, b) => (a.nextDueOn ?? '').localeCompare(b.nextDueOn ?? ''))
    .slice(0, input.limit);
  return { today, counts, rows: withParties(q, plans, today) };
}

/** Each plan's device, its customer and the customer's first phone, read for the page's rows only. */
function withParties(q: Queryable, plans: MaintenancePlanRecord[], today: string): DueRow[] {
  if (plans.length === 0) return [];
  const deviceRows = q
    .select({
      id: devices.id,
      category: devices.category,
      brand: devices.brand,
      model: devices.model,
      customerId: customers.id,
      customerName: customers.name,
      noContact: customers.noContact,
    })
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(inArray(devices.id, [...new Set(plans.map((x) => x.deviceId))]))
    .all();
  const byDevice = new Map(deviceRows.map((d) => [d.id, d]));
  const phones = firstPhones(q, deviceRows.map((d) => d.customerId));
  return plans.flatMap((plan) => {
    const d = byDevice.get(plan.deviceId);
    if (!d) return [];
    return [
      {
        ...toPlan(plan, today),
        customerId: d.customerId,
        customerName: d.customerName,
        phone: phones.get(d.customerId) ?? '',
        noContact: d.noContact,
        deviceLabel: deviceLabel(d),
      },
    ];
  });
}

export function firstPhones(q: Queryable, customerIds: string[]): Map<string, string> {
  const out = new Map<string, string>();
  if (customerIds.length === 0) return out;
  const rows = q
    .select({ customerId: customerPhones.customerId, phone: customerPhones.phone })
    .from(customerPhones)
    .where(inArray(customerPhones.customerId, [...new Set(customerIds)]))
    .orderBy(asc(customerPhones.customerId), asc(customerPhones.position))
    .all();
  for (const r of rows) if (!out.has(r.customerId)) out.set(r.customerId, r.phone);
  return out;
}
