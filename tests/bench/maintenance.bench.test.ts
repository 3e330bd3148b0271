import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDate } from '@shared/dates';
import { nameInitials } from '../../src/main/services/pinyin';
import { startApp, setUpShop, signedInAs, type Client, type TestApp } from '../unit/harness';
import { measure, recordFigures } from './figures';
import { rng, seedBranch } from './seedBranch';

/** The benchmark branch of issue 3 with issue 16's 50,000 maintenance plans on its devices. */
const SIZE = { customers: 100_000, devices: 150_000, workOrders: 300_000 };
const PLANS = 50_000;
const BUDGET_MS = 30;

let app: TestApp;
let clerk: Client;
const figures: Record<string, number> = {};

/**
 * Plans straight through SQL: last services over the past year, intervals of 90–365 days, a third
 * of them also by km with a reading history, some of whose meters have passed the due reading.
 */
function seedPlans(deviceIds: string[], today: string): void {
  const sqlite = app.core.database.sqlite;
  const r = rng(20261203);
  const plan = sqlite.prepare(
    `INSERT INTO maintenance_plans (id, device_id, name, interval_days, interval_usage, unit, last_service_on,
       last_service_reading, next_due_on, next_due_reading, current_reading, active, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
  );
  const reading = sqlite.prepare(
    `INSERT INTO device_readings (id, device_id, unit, value, read_at, source, recorded_at)
     VALUES (?, ?, 'km', ?, ?, 'intake', ?)`,
  );
  const now = app.clock.ms;
  sqlite.transaction(() => {
    for (let i = 0; i < PLANS; i++) {
      const deviceId = deviceIds[i % deviceIds.length] as string;
      const days = [90, 180, 365][i % 3] as number;
      const last = addDays(today, -Math.floor(r() * 365));
      const byKm = i % 3 === 0;
      const lastKm = byKm ? Math.floor(r() * 100_000) : null;
      plan.run(
        uuidv7(),
        deviceId,
        byKm ? '机油' : '常规保养',
        days,
        byKm ? 5_000 : null,
        byKm ? 'km' : null,
        last,
        lastKm,
        addDays(last, days),
        lastKm === null ? null : lastKm + 5_000,
        i % 50 === 0 ? 0 : 1,
        now,
        now,
      );
      // The trigger keeps current_reading: the meter read since, past the due reading for about 1 in 8.
      if (lastKm !== null) reading.run(uuidv7(), deviceId, lastKm + Math.floor(r() * 5_700), now, now);
    }
  })();
}

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk', 'counter');
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const start = performance.now();
  seedBranch(app.core.database.sqlite, SIZE, {
    now: app.clock.ms,
    adminId,
    technicianIds: [adminId],
    initials: nameInitials,
  });
  const deviceIds = (
    app.core.database.sqlite.prepare('SELECT id FROM devices ORDER BY id LIMIT ?').all(PLANS) as {
      id: string;
    }[]
  ).map((d) => d.id);
  seedPlans(deviceIds, localDate(app.clock.ms));
  app.core.database.sqlite.pragma('optimize');
  figures['seed.maintenancePlans'] = PLANS;
  figures['seed.maintenance.ms'] = Math.round(performance.now() - start);
}, 900_000);

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

describe('maintenance benchmarks', () => {
  it('the due list reads index ranges, never every plan', () => {
    const plan = (query: string, ...params: string[]) =>
      (app.core.database.sqlite.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[])
        .map((p) => p.detail)
        .join(' | ');
    const byDay = plan(
      `SELECT * FROM maintenance_plans WHERE active = 1 AND reading_reached = 0 AND next_due_on < ?
         ORDER BY next_due_on LIMIT 100`,
      '2026-11-23',
    );
    expect(byDay).toMatch(/SEARCH maintenance_plans USING INDEX maintenance_plans_due/);
    expect(byDay).not.toMatch(/TEMP B-TREE|SCAN/);
    const reached = plan('SELECT count(*) FROM maintenance_plans WHERE active = 1 AND reading_reached = 1');
    // The tabs' counts come from the index alone.
    expect(reached).toMatch(/SEARCH maintenance_plans USING COVERING INDEX maintenance_plans_due/);
    const overdue = plan(
      'SELECT count(*) FROM maintenance_plans WHERE active = 1 AND reading_reached = 0 AND next_due_on < ?',
      '2026-11-23',
    );
    expect(overdue).toMatch(/SEARCH maintenance_plans USING COVERING INDEX maintenance_plans_due/);
  });

  it('maintenance.due, each tab with all three counts, over 50,000 plans ≤ 30 ms p95', async () => {
    const tabs = ['overdue', 'week', 'month'] as const;
    let i = 0;
    const first = await clerk.ok('maintenance.due', { tab: 'overdue' });
    figures['maintenance.due.overdue'] = first.counts.overdue;
    figures['maintenance.due.week'] = first.counts.week;
    figures['maintenance.due.month'] = first.counts.month;
    expect(first.rows).toHaveLength(100);
    figures['maintenance.due.p95_ms'] = await measure(() =>
      clerk.ok('maintenance.due', { tab: tabs[i++ % tabs.length] ?? 'overdue' }),
    );
    expect(figures['maintenance.due.p95_ms']).toBeLessThanOrEqual(BUDGET_MS);
  });

  it('maintenance.warrantyExpiring over 150,000 devices ≤ 30 ms p95', async () => {
    const list = await clerk.ok('maintenance.warrantyExpiring', {});
    figures['maintenance.warrantyExpiring.rows'] = list.rows.length;
    figures['maintenance.warrantyExpiring.p95_ms'] = await measure(() =>
      clerk.ok('maintenance.warrantyExpiring', {}),
    );
    expect(figures['maintenance.warrantyExpiring.p95_ms']).toBeLessThanOrEqual(BUDGET_MS);
  });
});
