import { and, asc, eq, gte, isNull, lte } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '@shared/contract';
import { addDays, localDate } from '@shared/dates';
import { customers, devices } from '../../db/schema';
import type { CallContext } from '../context';
import { readAfterSales } from '../settings';
import { deviceLabel } from '../workOrders/rows';
import { firstPhones } from './dueList';

/** The most rows the call list shows at once. */
const MAX_ROWS = 500;

/**
 * 保修到期提醒: devices whose maker's warranty ends between today and today + N days (N from the
 * settings unless the page asks for another), soonest first, one range of devices_warranty_end.
 * Customers who asked not to be contacted are left off the list to call.
 */
export function warrantyExpiring(
  ctx: CallContext,
  input: ParsedInputOf<'maintenance.warrantyExpiring'>,
): OutputOf<'maintenance.warrantyExpiring'> {
  const q = ctx.deps.db;
  const today = localDate(ctx.deps.now());
  const days = input.days ?? readAfterSales(q).warrantyReminderDays;
  const rows = q
    .select({
      id: devices.id,
      category: devices.category,
      brand: devices.brand,
      model: devices.model,
      warrantyEnd: devices.warrantyEnd,
      customerId: customers.id,
      customerName: customers.name,
    })
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(
      and(
        gte(devices.warrantyEnd, today),
        lte(devices.warrantyEnd, addDays(today, days)),
        isNull(devices.archivedAt),
        eq(customers.noContact, false),
        isNull(customers.mergedIntoId),
        isNull(customers.archivedAt),
      ),
    )
    .orderBy(asc(devices.warrantyEnd))
    .limit(MAX_ROWS)
    .all();
  const phones = firstPhones(
    q,
    rows.map((r) => r.customerId),
  );
  return {
    today,
    days,
    rows: rows.map((r) => ({
      deviceId: r.id,
      deviceLabel: deviceLabel(r),
      warrantyEnd: r.warrantyEnd ?? '',
      customerId: r.customerId,
      customerName: r.customerName,
      phone: phones.get(r.customerId) ?? '',
    })),
  };
}
