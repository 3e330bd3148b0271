import { expect } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import type { RpcError } from '@shared/errors';
import { needsApproval, needsReason, type WorkOrderStatus } from '@shared/workOrderStatus';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';

/**
 * A shop for the settlement tests: admin, manager, clerk and technician signed in; three parts on
 * the shelf (screen ¥450, battery ¥150, film ¥20); one customer with a device out of warranty and
 * one in warranty. The billing settings are the defaults (JC 检测费 ¥30 / 0.5 h, WX 维修工时 ¥80 /
 * 1 h, SM 上门费 ¥50, JJ 加急费 ¥30; no rounding; discounts above 10 % need a manager).
 */
export type Detail = OutputOf<'workOrders.get'>;
export type Part = OutputOf<'parts.get'>;

export const MANAGER = { username: 'manager1', password: 'manager-password-1' };

export interface Shop {
  app: TestApp;
  admin: Client;
  manager: Client;
  clerk: Client;
  tech: Client;
  techId: string;
  screen: Part;
  battery: Part;
  film: Part;
  customerId: string;
  deviceId: string;
  warrantyDeviceId: string;
}

export async function openShop(): Promise<Shop> {
  const app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  const manager = await signedInAs(app, admin, 'manager');
  const clerk = await signedInAs(app, admin, 'clerk');
  const tech = await signedInAs(app, admin, 'technician');
  const techId = (await admin.ok('users.list', {})).find((u) => u.username === 'technician1')?.id ?? '';
  const supplierId = (await clerk.ok('suppliers.create', { name: '华强北配件行' })).id;
  const screen = await clerk.ok('parts.create', {
    code: 'SCR-IP13',
    name: 'iPhone 13 屏幕总成',
    spec: 'OLED',
    salePrice: 45000,
  });
  const battery = await clerk.ok('parts.create', {
    code: 'BAT-IP13',
    name: 'iPhone 13 电池',
    salePrice: 15000,
  });
  const film = await clerk.ok('parts.create', { code: 'FILM-01', name: '钢化膜', salePrice: 2000 });
  await clerk.ok('stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: screen.id, qty: 10, unitCost: 30000 },
      { partId: battery.id, qty: 10, unitCost: 8000 },
      { partId: film.id, qty: 50, unitCost: 300 },
    ],
  });
  const customerId = insertCustomer(app, { name: '张三' });
  const deviceId = insertDevice(app, customerId, { brand: 'Apple', model: 'iPhone 13' });
  const warrantyDeviceId = insertDevice(app, customerId, { warrantyEnd: '2099-12-31' });
  return {
    app,
    admin,
    manager,
    clerk,
    tech,
    techId,
    screen,
    battery,
    film,
    customerId,
    deviceId,
    warrantyDeviceId,
  };
}

/** Moves along the state machine; each move carries what it asks for. */
export async function moveTo(shop: Shop, order: Detail, path: WorkOrderStatus[]): Promise<Detail> {
  let current = order;
  for (const to of path) {
    current = await shop.admin.ok('workOrders.transition', {
      id: current.id,
      to,
      note: needsReason(to) ? '客户不修了' : '',
      ...(needsApproval(current.status, to) ? { approval: { by: '张三', method: 'phone' as const } } : {}),
    });
  }
  return current;
}

/** A new order given to the technician and moved to the bench (in repair). */
export async function orderInRepair(shop: Shop, deviceId = shop.deviceId): Promise<Detail> {
  const order = await shop.clerk.ok('workOrders.create', {
    customerId: shop.customerId,
    deviceId,
    reportedFault: '屏幕碎裂',
    technicianId: shop.techId,
  });
  return moveTo(shop, order, ['diagnosing', 'inRepair']);
}

/** The order's charge and part lines, added by the technician. */
export async function addLines(
  shop: Shop,
  orderId: string,
  lines: {
    charges?: Omit<InputOf<'workOrders.addCharge'>, 'id'>[];
    parts?: Omit<InputOf<'workOrders.addPart'>, 'id'>[];
  },
): Promise<Detail> {
  let detail = await shop.tech.ok('workOrders.get', { id: orderId });
  for (const c of lines.charges ?? [])
    detail = await shop.tech.ok('workOrders.addCharge', { id: orderId, ...c });
  for (const p of lines.parts ?? []) detail = await shop.tech.ok('workOrders.addPart', { id: orderId, ...p });
  return detail;
}

/** Run a call that must be refused, prove every table is unchanged, and return its error. */
/**
 * Runs a call that must be refused and changes nothing. `except` names tables a refusal may
 * touch: a wrong manager password counts toward that manager's lockout (users, audit_log).
 */
export async function refused(
  app: TestApp,
  run: () => Promise<{ ok: true } | { ok: false; error: RpcError }>,
  except: string[] = [],
): Promise<RpcError> {
  const tablesOf = () =>
    (JSON.parse(snapshot(app.core)) as [string, unknown][]).filter(([name]) => !except.includes(name));
  const before = tablesOf();
  const result = await run();
  if (result.ok) expect.fail('the call was expected to be refused');
  expect(tablesOf()).toEqual(before);
  return result.error;
}

/** Tables a wrong manager password may write: the manager's failed-attempt count and its audit row. */
export const LOCKOUT_TABLES = ['users', 'audit_log'];
