import type { InputOf, OutputOf } from '@shared/contract';
import type { Client, TestApp } from './harness';

/**
 * A counter's records made through dispatch, as the clerk makes them, so the search tables are
 * filled by their triggers exactly as in the shop. Each call moves the fake clock a second on.
 */
export class Counter {
  private phones = 0;
  constructor(
    private readonly app: TestApp,
    private readonly clerk: Client,
  ) {}

  async customer(name: string, phone?: string): Promise<OutputOf<'customers.create'>> {
    this.app.clock.advance(1000);
    this.phones += 1;
    return this.clerk.ok('customers.create', {
      name,
      phones: [{ phone: phone ?? `1390000${String(this.phones).padStart(4, '0')}`, label: '' }],
      allowDuplicatePhone: true,
    });
  }

  async device(
    customerId: string,
    fields: Omit<InputOf<'devices.create'>, 'customerId'>,
  ): Promise<OutputOf<'devices.create'>> {
    this.app.clock.advance(1000);
    return this.clerk.ok('devices.create', { customerId, ...fields });
  }

  async order(
    customerId: string,
    deviceId: string,
    reportedFault: string,
  ): Promise<OutputOf<'workOrders.create'>> {
    this.app.clock.advance(1000);
    return this.clerk.ok('workOrders.create', { customerId, deviceId, reportedFault });
  }
}

/** Adds device categories to the shop's list (the admin's 店铺设置). */
export async function allowCategories(admin: Client, categories: string[]): Promise<void> {
  const settings = await admin.ok('settings.get', {});
  const deviceCategories = [...new Set([...settings.counter.deviceCategories, ...categories])];
  await admin.ok('settings.update', { counter: { ...settings.counter, deviceCategories } });
}
