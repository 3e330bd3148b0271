import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/shared/dates';
import { nameInitials } from '../../src/main/services/pinyin';
import { startApp, setUpShop, signedInAs, type Client, type TestApp } from '../unit/harness';
import { measure, recordFigures } from './figures';
import { seedAppointments } from './seedAppointments';
import { seedBranch } from './seedBranch';

/**
 * 预约 on the benchmark branch of issue 3 (100,000 customers, 150,000 devices, 300,000 orders) with a
 * year of appointments (80 a day, and a month ahead): the day view through dispatch ≤ 30 ms p95, and
 * its query reads one range of the start index.
 */
const SIZE = { customers: 100_000, devices: 150_000, workOrders: 300_000 };
const PER_DAY = 80;
const BUDGET_MS = 30;

let app: TestApp;
let clerk: Client;
const figures: Record<string, number> = {};

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk', 'counter');
  const technicians: string[] = [];
  for (let i = 1; i <= 6; i++) {
    const t = await admin.ok('users.create', {
      username: `tech${i}`,
      displayName: `技师${i}`,
      role: 'technician',
      password: 'technician-pw',
    });
    technicians.push(t.id);
  }
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const sqlite = app.core.database.sqlite;
  const start = performance.now();
  seedBranch(sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: technicians,
    initials: nameInitials,
  });
  figures['seed.appointments'] = seedAppointments(sqlite, {
    now: app.clock.ms,
    perDay: PER_DAY,
    technicianIds: technicians,
    userId: adminId,
  });
  sqlite.pragma('optimize');
  figures['seed.appointments.ms'] = Math.round(performance.now() - start);
}, 600_000);

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

describe('appointments', () => {
  it('the day view reads one range of the start index', () => {
    const plan = app.core.database.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM appointments a JOIN customers c ON c.id = a.customer_id
          JOIN devices d ON d.id = a.device_id WHERE a.start_at >= ? AND a.start_at < ? ORDER BY a.start_at, a.id`,
      )
      .all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' | ')).toMatch(/SEARCH a USING INDEX appointments_start/);
  });

  it(`appointments.day p95 ≤ ${BUDGET_MS} ms through dispatch (a day of the year, then a week)`, async () => {
    const today = localDate(app.clock.ms);
    let i = 0;
    const days = Array.from({ length: 60 }, (_, k) => addDays(today, -300 + k * 5));
    const sample = await clerk.ok('appointments.list', { day: days[0] ?? today });
    expect(sample.rows).toHaveLength(PER_DAY);
    figures['appointments.day.p95_ms'] = await measure(() =>
      clerk.ok('appointments.list', { day: days[i++ % days.length] ?? today }),
    );
    figures['appointments.week.p95_ms'] = await measure(() =>
      clerk.ok('appointments.list', { day: days[i++ % days.length] ?? today, days: 7 }),
    );
    expect(figures['appointments.day.p95_ms']).toBeLessThanOrEqual(BUDGET_MS);
  });
});
