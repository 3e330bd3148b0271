import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MANAGER,
  addLines,
  moveTo,
  openShop,
  orderInRepair,
  LOCKOUT_TABLES,
  refused,
  type Shop,
} from './settlementsFixtures';

/** Labor (工时) and fee lines on a work order, from the service items in the billing settings. */
let shop: Shop;
beforeEach(async () => {
  shop = await openShop();
});
afterEach(() => shop.app.cleanup());

async function auditOf(entityId: string) {
  return (await shop.admin.ok('audit.list', { entity: 'workOrder', pageSize: 200 })).rows.filter(
    (r) => r.entityId === entityId,
  );
}

describe('adding a charge', () => {
  it('takes name, price and hours from the item, the technician from the order, warranty from the order', async () => {
    const order = await orderInRepair(shop);
    shop.app.clock.advance(60_000);
    const detail = await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'wx' });
    expect(detail.charges).toHaveLength(1);
    expect(detail.charges[0]).toMatchObject({
      kind: 'labor',
      itemCode: 'WX',
      name: '维修工时',
      technicianId: shop.techId,
      technicianName: 'technician 员工',
      hours: 1,
      amount: 8000,
      coveredByWarranty: false,
      addedBy: 'technician 员工',
      addedAt: shop.app.clock.ms,
    });
    expect(detail.updatedAt).toBe(shop.app.clock.ms);
    expect(detail.events.at(-1)).toMatchObject({
      kind: 'charges',
      username: 'technician1',
      data: { action: 'add', itemCode: 'WX', amount: 8000, listPrice: 8000 },
    });
    const audit = await auditOf(order.id);
    expect(audit[0]).toMatchObject({ action: 'update', username: 'technician1' });
    expect(audit[0]?.after).toMatchObject({ charge: { action: 'add', itemCode: 'WX', amount: 8000 } });

    const fee = await shop.clerk.ok('workOrders.addCharge', { id: order.id, itemCode: 'SM' });
    expect(fee.charges[1]).toMatchObject({
      kind: 'fee',
      name: '上门费',
      technicianId: null,
      hours: 0,
      amount: 5000,
    });

    const inWarranty = await orderInRepair(shop, shop.warrantyDeviceId);
    expect(inWarranty.warrantyStatus).toBe('in');
    const covered = await shop.tech.ok('workOrders.addCharge', { id: inWarranty.id, itemCode: 'JC' });
    expect(covered.charges[0]).toMatchObject({ coveredByWarranty: true, hours: 0.5, amount: 3000 });
    const charged = await shop.tech.ok('workOrders.addCharge', {
      id: inWarranty.id,
      itemCode: 'SM',
      coveredByWarranty: false,
    });
    expect(charged.charges[1]?.coveredByWarranty).toBe(false);
  });

  it('takes a named technician, hours and a price at or above the list without approval', async () => {
    const order = await orderInRepair(shop);
    const managerId =
      (await shop.admin.ok('users.list', {})).find((u) => u.username === 'manager1')?.id ?? '';
    const detail = await shop.clerk.ok('workOrders.addCharge', {
      id: order.id,
      itemCode: 'WX',
      technicianId: managerId,
      hours: 2.5,
      amount: 16000,
    });
    expect(detail.charges[0]).toMatchObject({ technicianId: managerId, hours: 2.5, amount: 16000 });
    const none = await shop.clerk.ok('workOrders.addCharge', {
      id: order.id,
      itemCode: 'WX',
      technicianId: null,
    });
    expect(none.charges[1]).toMatchObject({ technicianId: null, technicianName: null });
  });

  it('refuses unknown and retired items, and a technician or hours on a fee, changing nothing', async () => {
    const order = await orderInRepair(shop);
    const unknown = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'NOPE' }),
    );
    expect(unknown).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'itemCode' }] } });

    const billing = (await shop.admin.ok('settings.get', {})).billing;
    await shop.admin.ok('settings.update', {
      billing: {
        ...billing,
        serviceItems: billing.serviceItems.map((i) => (i.code === 'JJ' ? { ...i, active: false } : i)),
      },
    });
    const retired = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'JJ' }),
    );
    expect(retired).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'itemCode' }] } });

    const withTech = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'SM', technicianId: shop.techId }),
    );
    expect(withTech).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'technicianId' }] } });
    const withHours = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'SM', hours: 1 }),
    );
    expect(withHours).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'hours' }] } });
    const clerkId = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'clerk1')?.id ?? '';
    const notATech = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'WX', technicianId: clerkId }),
    );
    expect(notATech).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'technicianId' }] } });
    const halfHours = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'WX', hours: 1.25 }),
    );
    expect(halfHours).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'hours' }] } });
    const negative = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'WX', amount: -1 }),
    );
    expect(negative).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'amount' }] } });
    const noOrder = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: '01900000-0000-7000-8000-000000000000', itemCode: 'WX' }),
    );
    expect(noOrder.code).toBe('NOT_FOUND');
  });
});

describe('a price below the list (a role limit)', () => {
  it('needs a manager: refused without, refused with a wrong password, taken with the right one', async () => {
    const order = await orderInRepair(shop);
    const missing = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'WX', amount: 5000 }),
    );
    expect(missing).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
    const wrong = await refused(
      shop.app,
      () =>
        shop.tech.call('workOrders.addCharge', {
          id: order.id,
          itemCode: 'WX',
          amount: 5000,
          approval: { ...MANAGER, password: 'not-it' },
        }),
      LOCKOUT_TABLES,
    );
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval.password' }] } });
    // A clerk's password does not approve anything, however right it is.
    const clerkApproves = await refused(shop.app, () =>
      shop.tech.call('workOrders.addCharge', {
        id: order.id,
        itemCode: 'WX',
        amount: 5000,
        approval: { username: 'clerk1', password: 'clerk-password-1' },
      }),
    );
    expect(clerkApproves).toMatchObject({
      code: 'FORBIDDEN',
      details: { fields: [{ path: 'approval.username' }] },
    });

    const approved = await shop.tech.ok('workOrders.addCharge', {
      id: order.id,
      itemCode: 'WX',
      amount: 5000,
      approval: MANAGER,
    });
    expect(approved.charges[0]?.amount).toBe(5000);
    const managerId = (await shop.admin.ok('users.list', {})).find((u) => u.username === 'manager1')?.id;
    expect(approved.events.at(-1)?.data).toMatchObject({
      approvedBy: { id: managerId, username: 'manager1' },
    });
    const row = shop.app.core.database.sqlite
      .prepare('SELECT approved_by AS approvedBy FROM work_order_charges WHERE id = ?')
      .get(approved.charges[0]?.id) as { approvedBy: string };
    expect(row.approvedBy).toBe(managerId);
    expect((await auditOf(order.id)).at(0)?.after).toMatchObject({
      charge: { approvedBy: { id: managerId } },
    });

    // A manager lowers a price on their own authority.
    const own = await shop.manager.ok('workOrders.addCharge', { id: order.id, itemCode: 'SM', amount: 0 });
    expect(own.charges[1]?.amount).toBe(0);
  });

  it('needs no one when the settings allow it', async () => {
    const order = await orderInRepair(shop);
    const billing = (await shop.admin.ok('settings.get', {})).billing;
    await shop.admin.ok('settings.update', { billing: { ...billing, laborBelowPriceNeedsApproval: false } });
    const detail = await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'WX', amount: 100 });
    expect(detail.charges[0]?.amount).toBe(100);
  });

  it('applies to an edit that lowers the amount; other edits of an approved line need no one', async () => {
    const order = await orderInRepair(shop);
    const added = await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    const lineId = added.charges[0]?.id ?? '';
    const lower = await refused(shop.app, () =>
      shop.tech.call('workOrders.updateCharge', { lineId, amount: 7000 }),
    );
    expect(lower).toMatchObject({ code: 'FORBIDDEN', details: { fields: [{ path: 'approval' }] } });
    const approved = await shop.tech.ok('workOrders.updateCharge', {
      lineId,
      amount: 7000,
      approval: MANAGER,
    });
    expect(approved.charges[0]?.amount).toBe(7000);
    const hours = await shop.tech.ok('workOrders.updateCharge', { lineId, hours: 2 });
    expect(hours.charges[0]).toMatchObject({ amount: 7000, hours: 2 });
    const raised = await shop.tech.ok('workOrders.updateCharge', { lineId, amount: 9000 });
    expect(raised.charges[0]?.amount).toBe(9000);
  });
});

describe('editing and removing', () => {
  it('updates the fields that changed, audited before and after; an unchanged form is no event', async () => {
    const order = await orderInRepair(shop);
    const added = await shop.tech.ok('workOrders.addCharge', { id: order.id, itemCode: 'WX' });
    const lineId = added.charges[0]?.id ?? '';
    shop.app.clock.advance(1000);
    const updated = await shop.tech.ok('workOrders.updateCharge', {
      lineId,
      hours: 1.5,
      coveredByWarranty: true,
      technicianId: null,
    });
    expect(updated.charges[0]).toMatchObject({ hours: 1.5, coveredByWarranty: true, technicianId: null });
    expect(updated.events.at(-1)?.data).toMatchObject({
      action: 'update',
      fields: ['technicianId', 'hours', 'coveredByWarranty'],
      before: { hours: 1, coveredByWarranty: false, technicianId: shop.techId },
      after: { hours: 1.5, coveredByWarranty: true, technicianId: null },
    });
    const events = updated.events.length;
    const same = await shop.tech.ok('workOrders.updateCharge', { lineId, hours: 1.5 });
    expect(same.events).toHaveLength(events);

    const removed = await shop.tech.ok('workOrders.removeCharge', { lineId });
    expect(removed.charges).toEqual([]);
    expect(removed.events.at(-1)).toMatchObject({
      kind: 'charges',
      data: { action: 'remove', itemCode: 'WX' },
    });
    const again = await refused(shop.app, () => shop.tech.call('workOrders.removeCharge', { lineId }));
    expect(again).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'lineId' }] } });
    const gone = await refused(shop.app, () =>
      shop.tech.call('workOrders.updateCharge', { lineId: '01900000-0000-7000-8000-000000000000', hours: 1 }),
    );
    expect(gone).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ path: 'lineId' }] } });
  });

  it('refuses a closed order', async () => {
    const order = await orderInRepair(shop);
    const added = await shop.tech.ok('workOrders.addCharge', {
      id: order.id,
      itemCode: 'JC',
      coveredByWarranty: true,
    });
    const lineId = added.charges[0]?.id ?? '';
    await moveTo(shop, added, ['qc', 'ready', 'delivered']);
    for (const call of [
      () => shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'WX' }),
      () => shop.tech.call('workOrders.updateCharge', { lineId, hours: 2 }),
      () => shop.tech.call('workOrders.removeCharge', { lineId }),
    ]) {
      const error = await refused(shop.app, call);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        reason: 'orderClosedForCharges',
        params: { orderNo: order.orderNo, status: 'delivered' },
      });
    }
  });

  it('freezes charge and part lines while a settlement stands, and frees them when it is voided', async () => {
    const order = await orderInRepair(shop);
    const detail = await addLines(shop, order.id, {
      charges: [{ itemCode: 'WX' }],
      parts: [{ partId: shop.screen.id, qty: 1 }],
    });
    const chargeId = detail.charges[0]?.id ?? '';
    const partLineId = detail.parts[0]?.id ?? '';
    const settlement = await shop.clerk.ok('settlements.create', { id: order.id });
    for (const call of [
      () => shop.tech.call('workOrders.addCharge', { id: order.id, itemCode: 'SM' }),
      () => shop.tech.call('workOrders.updateCharge', { lineId: chargeId, hours: 2 }),
      () => shop.tech.call('workOrders.removeCharge', { lineId: chargeId }),
      () => shop.tech.call('workOrders.addPart', { id: order.id, partId: shop.film.id, qty: 1 }),
      () => shop.tech.call('workOrders.updatePart', { lineId: partLineId, unitPrice: 1 }),
      () => shop.tech.call('workOrders.removePart', { lineId: partLineId }),
    ]) {
      const error = await refused(shop.app, call);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        reason: 'settlementLocksOrder',
        params: { settlementNo: settlement.settlementNo },
        details: { fields: [{ path: 'settlement' }] },
      });
    }
    await shop.manager.ok('settlements.void', { id: settlement.id, reason: '客户要加装配件' });
    const after = await shop.tech.ok('workOrders.addPart', { id: order.id, partId: shop.film.id, qty: 1 });
    expect(after.parts).toHaveLength(2);
    expect(after.settlement).toBeNull();
  });
});
