import { v7 as uuidv7 } from 'uuid';
import { addDays, localDate, localMidnight } from '../../src/shared/dates';
import type { Sqlite } from '../../src/main/db/open';
import { rng } from './seedBranch';

const MINUTE = 60_000;
const SERVICE_TYPES = ['repair', 'repair', 'repair', 'maintenance', 'installation', 'inspection'] as const;
const CHANNELS = ['phone', 'phone', 'counter', 'online'] as const;

/**
 * A year of appointments before the clock's day and a month after, straight through SQL: `perDay`
 * a day in one-hour slots 09:00–18:00, spread over the technicians and 4 bays (some without). Past
 * ones are settled like a shop's (82 % arrived, 10 % no-show, 8 % cancelled); today's and later are
 * booked. Customers and devices are the seeded branch's own pairs.
 */
export function seedAppointments(
  sqlite: Sqlite,
  opts: { now: number; perDay: number; technicianIds: string[]; userId: string },
): number {
  const r = rng(20261204);
  const pairs = sqlite
    .prepare('SELECT id, customer_id AS customerId FROM devices ORDER BY id LIMIT 20000')
    .all() as { id: string; customerId: string }[];
  const insert = sqlite.prepare(
    `INSERT INTO appointments (id, customer_id, device_id, service_type, fault, start_at, end_at, channel,
       technician_id, bay, note, state, cancel_reason, closed_at, closed_by, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)`,
  );
  const today = localDate(opts.now);
  let n = 0;
  sqlite.transaction(() => {
    for (let d = -365; d <= 30; d++) {
      const midnight = localMidnight(addDays(today, d));
      for (let i = 0; i < opts.perDay; i++) {
        const pair = pairs[Math.floor(r() * pairs.length)];
        if (!pair) throw new Error('seed the branch first');
        const startAt = midnight + (9 * 60 + Math.floor(r() * 9) * 60) * MINUTE;
        const past = startAt < opts.now;
        const x = r();
        const state = !past ? 'booked' : x < 0.82 ? 'arrived' : x < 0.92 ? 'noShow' : 'cancelled';
        const technician = r() < 0.8 ? opts.technicianIds[Math.floor(r() * opts.technicianIds.length)] : null;
        const bay = r() < 0.6 ? `${1 + Math.floor(r() * 4)}号工位` : null;
        insert.run(
          uuidv7(),
          pair.customerId,
          pair.id,
          SERVICE_TYPES[Math.floor(r() * SERVICE_TYPES.length)],
          '预约检修',
          startAt,
          startAt + 60 * MINUTE,
          CHANNELS[Math.floor(r() * CHANNELS.length)],
          technician ?? null,
          bay,
          state,
          state === 'cancelled' ? '客户改期' : null,
          past && state !== 'booked' ? startAt + 30 * MINUTE : null,
          past && state !== 'booked' ? opts.userId : null,
          startAt - Math.floor(r() * 7 + 1) * 24 * 60 * MINUTE,
          opts.userId,
        );
        n += 1;
      }
    }
  })();
  return n;
}
