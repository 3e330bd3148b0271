import { and, asc, count, eq, gte, inArray, lt, type SQL } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import { addDays, localDate } from '@shared/dates';
import type { DueList, DueRow, DueTab } from '@shared/schemas/maintenance';
import {
  customerPhones,
  customers,
  devices,
  maintenancePlans,
  type MaintenancePlanRecord,
} from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { deviceLabel } from '../workOrders/rows';
import { MONTH_DAYS, WEEK_DAYS } from './due';
import { toPlan } from './plans';

const p = maintenancePlans;

/** Plans not made due by their meter whose due day is in [from, to): one range of maintenance_plans_due. */
function byDay(from: string | null, to: string): SQL {
  const range = from === null ? lt(p.nextDueOn, to) : and(gte(p.nextDueOn, from), lt(p.nextDueOn, to));
  return and(eq(p.active, true), eq(p.readingReached, false), range) as SQL;
}

/** Plans whose meter reached the due reading, whatever their day says: another range of the same index. */
const byReading = and(eq(p.active, true), eq(p.readingReached, true)) as SQL;

function countOf(q: Queryable, where: SQL): number {
  return q.select({ n: count() }).from(p).where(where).get()?.n ?? 0;
}

/**
 * 保养到期 on the server's day: overdue (day passed, or meter reached the due reading — whichever came
 * first), due within 7 days, within 30. Each tab is a range of one index, never a pass over every
 * plan; rows come oldest due first.
 */
export function dueList(ctx: CallContext, input: ParsedInputOf<'maintenance.due'>): DueList {
  const q = ctx.deps.db;
  const today = localDate(ctx.deps.now());
  const week = addDays(today, WEEK_DAYS);
  const month = addDays(today, MONTH_DAYS);
  const tabs: Record<DueTab, SQL[]> = {
    overdue: [byDay(null, today), byReading],
    week: [byDay(today, week)],
    month: [byDay(week, month)],
  };
  const counts = {
    overdue: countOf(q, byDay(null, today)) + countOf(q, byReading),
    week: countOf(q, byDay(today, week)),
    month: countOf(q, byDay(week, month)),
  };
  const found: MaintenancePlanRecord[] = [];
  for (const where of tabs[input.tab]) {
    found.push(...q.select().from(p).where(where).orderBy(asc(p.nextDueOn)).limit(input.limit).all());
  }
  // A usage-only plan has no day: it sorts first among the reached ones (it is due now).
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
  const phones = firstPhones(
    q,
    deviceRows.map((d) => d.customerId),
  );
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
