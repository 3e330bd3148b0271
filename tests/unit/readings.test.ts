import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@shared/errors';
import { latestReading, recordReading } from '../../src/main/services/readings';
import { setUpShop, signedInAs, startApp, type TestApp } from './harness';

let app: TestApp;
let deviceId: string;

beforeEach(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  const clerk = await signedInAs(app, admin, 'clerk');
  const customer = await clerk.ok('customers.create', {
    name: '李四',
    phones: [{ phone: '13900139000', label: '' }],
  });
  deviceId = (
    await clerk.ok('devices.create', { customerId: customer.id, category: '其他', brand: '比亚迪' })
  ).id;
});
afterEach(() => app.cleanup());

function record(value: number, readAt: number, reason = '') {
  return app.core.database.db.transaction((tx) =>
    recordReading(tx, {
      deviceId,
      unit: 'km',
      value,
      readAt,
      source: 'intake',
      reason,
      recordedBy: null,
      recordedAt: app.clock.now(),
      field: 'reading.value',
    }),
  );
}

describe('device readings', () => {
  it('keeps the newest reading per unit and refuses one that goes backwards without a reason', () => {
    expect(latestReading(app.core.database.db, deviceId, 'km')).toBeNull();
    record(12_000, 1_000);
    record(15_500, 2_000);
    expect(latestReading(app.core.database.db, deviceId, 'km')?.value).toBe(15_500);
    expect(latestReading(app.core.database.db, deviceId, 'hours')).toBeNull();

    let refusal: unknown;
    try {
      record(15_000, 3_000);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(AppError);
    const error = refusal as AppError;
    expect(error.reason).toBe('readingBackwards');
    expect(error.params).toEqual({ last: 15_500 });
    expect(latestReading(app.core.database.db, deviceId, 'km')?.value).toBe(15_500);

    // With a reason (the odometer was replaced) it is kept, and the reason with it.
    const corrected = record(300, 3_000, '更换仪表');
    expect(latestReading(app.core.database.db, deviceId, 'km')).toEqual(corrected);
    expect(corrected.reason).toBe('更换仪表');
  });

  it('is append-only: a reading cannot be edited or deleted', () => {
    record(100, 1_000);
    const sqlite = app.core.database.sqlite;
    expect(() => sqlite.prepare('UPDATE device_readings SET value = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('DELETE FROM device_readings').run()).toThrow(/append-only/);
  });
});
