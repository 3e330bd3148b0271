import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';
import { allowCategories, Counter } from './searchFixtures';

/** Real records of the Open Repair Data (CC BY-SA 4.0); see openrepair/README.md. */
interface RepairRecord {
  id: string;
  product_category: string;
  brand: string;
  repair_status: string;
  problem: string;
}
const records = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'openrepair/sample.json'), 'utf8'),
) as RepairRecord[];

let app: TestApp;
let clerk: Client;

/** Every record as a clerk enters it: a customer per ten records, the device, the order; end of life cancelled. */
beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  await allowCategories(admin, [...new Set(records.map((r) => r.product_category))]);
  clerk = await signedInAs(app, admin, 'clerk');
  const counter = new Counter(app, clerk);
  let customerId = '';
  for (const [i, r] of records.entries()) {
    if (i % 10 === 0) customerId = (await counter.customer(`客户${i / 10 + 1}`)).id;
    const device = await counter.device(customerId, { category: r.product_category, brand: r.brand });
    const order = await counter.order(customerId, device.id, r.problem);
    if (r.repair_status === 'End of life') {
      await clerk.ok('workOrders.transition', { id: order.id, to: 'cancelled', note: 'End of life' });
    }
  }
}, 120_000);
afterAll(() => app.cleanup());

async function total(q: string, status?: 'cancelled') {
  return (await clerk.ok('workOrders.list', status ? { q, status } : { q })).total;
}

describe('search over 297 real Open Repair records, loaded through the services', () => {
  it('has them all', async () => {
    expect(records).toHaveLength(297);
    expect((await clerk.ok('workOrders.list', {})).total).toBe(297);
    expect((await clerk.ok('workOrders.list', { status: 'cancelled' })).total).toBe(33);
  });

  it('finds the HP and LG devices by their two letters, in any case', async () => {
    for (const q of ['HP', 'hp', 'Hp']) {
      const devices = (await clerk.ok('search.global', { q, limit: 50 })).devices;
      expect(devices, q).toHaveLength(20);
      expect(
        devices.every((d) => d.label.toUpperCase().startsWith('HP')),
        q,
      ).toBe(true);
      expect(await total(q)).toBe(20);
    }
    expect((await clerk.ok('search.global', { q: 'LG', limit: 50 })).devices).toHaveLength(1);
    expect(await total('lg')).toBe(1);
    expect(await total('HP', 'cancelled')).toBe(1);
  });

  it('finds words of the problems as the visitors wrote them', async () => {
    expect(await total('hinge')).toBe(2);
    expect((await clerk.ok('search.global', { q: 'hinge' })).workOrders).toHaveLength(2);
    expect(await total("won't charge")).toBe(1);
    expect(await total("doesn't")).toBe(7);
    expect(await total('doesn’t')).toBe(7);
  });

  it('finds a category, alone or with the problems and brands that name it', async () => {
    expect((await clerk.ok('search.global', { q: 'Tablet', limit: 50 })).devices).toHaveLength(31);
    expect(await total('screen')).toBe(48);
    expect(await total('screen', 'cancelled')).toBe(8);
    expect(await total('laptop')).toBe(120);
  });
});
