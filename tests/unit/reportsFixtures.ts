import type { InputOf, OutputOf } from '@shared/contract';
import { needsApproval, needsReason, type WorkOrderStatus } from '@shared/workOrderStatus';
import { insertCustomer, insertDevice } from './counterFixtures';
import { setUpShop, signedInAs, startApp, type Client, type TestApp } from './harness';

/**
 * A month of a small shop, built through the real services with the fake clock set to local
 * times (new Date(y, m, d, h)), so the calendar is the same whatever the machine's time zone. The
 * reports are read for November 2026; "now" is 2026-11-20 10:00. Repair warranty: 30 days.
 *
 *   Z  09-30 10:00 in, delivered 10-01 10:00 (no lines)              — before the period
 *   A  10-31 22:00 in (Apple), ready 11-01 10:00, settled + paid ¥530 cash and delivered 11-02 10:00;
 *      WX labor ¥80 1 h + screen ¥450 (cost ¥300); refund ¥100 cash 11-16 09:00
 *   B  11-01 12:00 in (华为, in maker warranty, maintenance, promised +24 h), ready 11-03 12:00,
 *      WX + battery both covered (list ¥80 + ¥150), settled ¥0 and delivered 11-03 12:00
 *   C  11-05 09:00 in, ready 15:00: JC ¥30 0.5 h + film ¥20 (cost ¥3) + SM fee ¥50 − ¥10 discount
 *      = ¥90 paid by WeChat; the settlement voided 11-06 10:00 (reversal −¥90); still ready
 *   D  11-10 09:00 in, rework of A inside the window (A delivered 8 days before); in repair
 *   E  11-12 09:00 in by phone, "rework" of Z 42 days after its delivery: outside the window
 *   F  11-15 09:00 in, cancelled
 *   G  11-20 09:00 in, unassigned
 * Everything but G is the technician's. A part 键盘膜 (category 配件, 5 × ¥10) never leaves the shelf.
 */
export const at = (month: number, day: number, hour: number, minute = 0): number =>
  new Date(2026, month - 1, day, hour, minute).getTime();

type Detail = OutputOf<'workOrders.get'>;

export interface ReportShop {
  app: TestApp;
  admin: Client;
  manager: Client;
  clerk: Client;
  tech: Client;
  techId: string;
  orders: Record<'Z' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', Detail>;
  parts: Record<'screen' | 'battery' | 'film' | 'keyboardFilm', string>;
}

/**
 * The outcome of each order the way the transitions decide it (outcomeOfMove: qc → ready is
 * repaired; cancelled and declined are theirs), for orders whose outcome no move has written yet
 * (the rule of migration 0014's backfill); a no-op once every transition writes its outcome.
 */
function settleOutcomes(app: TestApp): void {
  app.core.database.sqlite.exec(`UPDATE work_orders SET outcome = CASE
      WHEN status IN ('cancelled', 'declined') THEN status
      WHEN EXISTS (SELECT 1 FROM work_order_events e WHERE e.work_order_id = work_orders.id AND e.to_status = 'declined') THEN 'declined'
      ELSE 'repaired' END
    WHERE outcome IS NULL AND status IN ('cancelled', 'declined', 'ready', 'delivered')`);
}

export const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

export async function monthOfShop(): Promise<ReportShop> {
  const app = startApp();
  const clock = (ms: number) => {
    if (ms < app.clock.ms) throw new Error('the fixture runs forward in time');
    app.clock.ms = ms;
  };
  app.clock.ms = at(9, 29, 9);
  const admin = await setUpShop(app);
  await admin.ok('settings.update', {
    security: { idleLockMinutes: 0 },
    counter: { repairWarrantyDays: 30 },
  });
  const manager = await signedInAs(app, admin, 'manager');
  const clerk = await signedInAs(app, admin, 'clerk');
  const tech = await signedInAs(app, admin, 'technician');
  const techId = (await admin.ok('users.list', {})).find((u) => u.username === 'technician1')?.id ?? '';
  const supplierId = (await clerk.ok('suppliers.create', { name: '华强北配件行' })).id;
  const part = async (code: string, name: string, salePrice: number, category = '') =>
    (await clerk.ok('parts.create', { code, name, salePrice, category })).id;
  const parts = {
    screen: await part('SCR-IP13', 'iPhone 13 屏幕总成', 45000),
    battery: await part('BAT-IP13', 'iPhone 13 电池', 15000),
    film: await part('FILM-01', '钢化膜', 2000),
    keyboardFilm: await part('KBF-01', '键盘膜', 1500, '配件'),
  };
  await clerk.ok('stock.post', {
    kind: 'receipt',
    supplierId,
    lines: [
      { partId: parts.screen, qty: 10, unitCost: 30000 },
      { partId: parts.battery, qty: 10, unitCost: 8000 },
      { partId: parts.film, qty: 50, unitCost: 300 },
      { partId: parts.keyboardFilm, qty: 5, unitCost: 1000 },
    ],
  });
  const customerId = insertCustomer(app, { name: '张三' });
  const apple = insertDevice(app, customerId, { brand: 'Apple', model: 'iPhone 13' });
  const huawei = insertDevice(app, customerId, { warrantyEnd: '2099-12-31' });

  const create = (fields: Partial<InputOf<'workOrders.create'>>) =>
    clerk.ok('workOrders.create', {
      customerId,
      deviceId: apple,
      reportedFault: '屏幕碎裂',
      technicianId: techId,
      ...fields,
    });
  const move = async (order: Detail, path: WorkOrderStatus[]): Promise<Detail> => {
    let current = order;
    for (const to of path) {
      current = await admin.ok('workOrders.transition', {
        id: current.id,
        to,
        note: needsReason(to) ? '客户不修了' : '',
        ...(needsApproval(current.status, to) ? { approval: { by: '张三', method: 'phone' as const } } : {}),
      });
    }
    return current;
  };

  clock(at(9, 30, 10));
  let Z = await create({});
  clock(at(10, 1, 10));
  Z = await move(Z, ['diagnosing', 'inRepair', 'qc', 'ready', 'delivered']);

  clock(at(10, 31, 22));
  let A = await create({});
  clock(at(11, 1, 10));
  A = await move(A, ['diagnosing', 'inRepair']);
  await tech.ok('workOrders.addCharge', { id: A.id, itemCode: 'WX' });
  await tech.ok('workOrders.addPart', { id: A.id, partId: parts.screen, qty: 1 });
  A = await move(A, ['qc', 'ready']);

  clock(at(11, 1, 12));
  let B = await create({ deviceId: huawei, serviceType: 'maintenance', promisedAt: at(11, 2, 12) });

  clock(at(11, 2, 10));
  const sA = await clerk.ok('settlements.create', { id: A.id });
  await clerk.ok('settlements.pay', { settlementId: sA.id, method: 'cash', amount: sA.total });
  A = await move(A, ['delivered']);

  clock(at(11, 3, 12));
  B = await move(B, ['diagnosing', 'inRepair']);
  await tech.ok('workOrders.addCharge', { id: B.id, itemCode: 'WX' });
  await tech.ok('workOrders.addPart', { id: B.id, partId: parts.battery, qty: 1 });
  B = await move(B, ['qc', 'ready']);
  await clerk.ok('settlements.create', { id: B.id });
  B = await move(B, ['delivered']);

  clock(at(11, 5, 9));
  let C = await create({});
  clock(at(11, 5, 15));
  C = await move(C, ['diagnosing', 'inRepair']);
  await tech.ok('workOrders.addCharge', { id: C.id, itemCode: 'JC' });
  await tech.ok('workOrders.addCharge', { id: C.id, itemCode: 'SM' });
  await tech.ok('workOrders.addPart', { id: C.id, partId: parts.film, qty: 1 });
  C = await move(C, ['qc', 'ready']);
  const sC = await clerk.ok('settlements.create', { id: C.id, discount: { type: 'amount', value: 1000 } });
  await clerk.ok('settlements.pay', { settlementId: sC.id, method: 'wechat', amount: sC.total });
  clock(at(11, 6, 10));
  await manager.ok('settlements.void', { id: sC.id, reason: '录错金额' });

  clock(at(11, 10, 9));
  let D = await create({ reworkOfId: A.id });
  D = await move(D, ['diagnosing', 'inRepair']);
  clock(at(11, 12, 9));
  const E = await create({ reworkOfId: Z.id, channel: 'phone' });
  clock(at(11, 15, 9));
  let F = await create({});
  F = await move(F, ['cancelled']);
  clock(at(11, 16, 9));
  await manager.ok('settlements.refund', {
    settlementId: sA.id,
    method: 'cash',
    amount: 10000,
    reason: '屏幕色差，退部分款',
  });
  clock(at(11, 20, 9));
  const G = await create({ technicianId: null });
  clock(at(11, 20, 10));
  settleOutcomes(app);

  return {
    app,
    admin,
    manager,
    clerk,
    tech,
    techId,
    orders: { Z, A, B, C, D, E, F, G },
    parts,
  };
}
