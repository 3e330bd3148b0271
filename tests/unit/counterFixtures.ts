import { v7 as uuidv7 } from 'uuid';
import { customerPhones, customers, devices } from '../../src/main/db/schema';
import type { TestApp } from './harness';

/**
 * Customers and devices written straight into the store, so the work-order tests do not depend on
 * the customer service. Each helper returns the new row's id.
 */
let serial = 0;

export function insertCustomer(
  app: TestApp,
  fields: { name?: string; phone?: string; archived?: boolean; mergedIntoId?: string } = {},
): string {
  const id = uuidv7();
  const at = app.clock.ms;
  serial += 1;
  const db = app.core.deps.db;
  db.insert(customers)
    .values({
      id,
      code: `T${String(serial).padStart(6, '0')}`,
      name: fields.name ?? `客户${serial}`,
      type: 'individual',
      level: '普通',
      mergedIntoId: fields.mergedIntoId ?? null,
      archivedAt: fields.archived ? at : null,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  const phone = fields.phone ?? `1380000${String(serial).padStart(4, '0')}`;
  db.insert(customerPhones)
    .values({
      id: uuidv7(),
      customerId: id,
      phone,
      phoneReversed: [...phone].reverse().join(''),
      label: '手机',
      position: 0,
    })
    .run();
  return id;
}

export function insertDevice(
  app: TestApp,
  customerId: string,
  fields: { warrantyEnd?: string | null; brand?: string; model?: string; archived?: boolean } = {},
): string {
  const id = uuidv7();
  const at = app.clock.ms;
  serial += 1;
  app.core.deps.db
    .insert(devices)
    .values({
      id,
      customerId,
      category: '手机',
      brand: fields.brand ?? '华为',
      model: fields.model ?? 'Mate 60',
      serialNo: `SN${String(serial).padStart(8, '0')}`,
      warrantyEnd: fields.warrantyEnd ?? null,
      archivedAt: fields.archived ? at : null,
      createdAt: at,
      updatedAt: at,
    })
    .run();
  return id;
}
