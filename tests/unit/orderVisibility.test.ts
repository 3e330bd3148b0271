import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLines, openShop, orderInRepair, moveTo, type Shop } from './settlementsFixtures';

let shop: Shop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(() => shop.app.cleanup());

describe('workOrders.get by permission', () => {
  it("shows a technician that the order is settled, but none of the settlement's money", async () => {
    const order = await orderInRepair(shop);
    await addLines(shop, order.id, {
      charges: [{ itemCode: 'WX' }],
      parts: [{ partId: shop.film.id, qty: 1 }],
    });
    await moveTo(shop, await shop.clerk.ok('workOrders.get', { id: order.id }), ['qc', 'ready']);
    const settlement = await shop.clerk.ok('settlements.create', { id: order.id });
    await shop.clerk.ok('settlements.pay', {
      settlementId: settlement.id,
      method: 'cash',
      amount: 5000,
      tendered: 10000,
    });

    // The clerk (who reads settlements) sees the money on the order and on its timeline.
    const forClerk = await shop.clerk.ok('workOrders.get', { id: order.id });
    expect(forClerk.settlement).toEqual({
      id: settlement.id,
      settlementNo: settlement.settlementNo,
      status: 'active',
      paymentStatus: 'partlyPaid',
      total: 10000,
      paid: 5000,
      balance: 5000,
    });
    const clerkEvents = forClerk.events.filter((e) => e.kind === 'settlement').map((e) => e.data);
    expect(clerkEvents).toEqual([
      expect.objectContaining({ action: 'create', total: 10000 }),
      expect.objectContaining({ action: 'pay', amount: 5000, tendered: 10000, change: 5000 }),
    ]);

    // The technician sees that a settlement stands (it locks the lines), and no amount anywhere.
    const forTech = await shop.tech.ok('workOrders.get', { id: order.id });
    expect(forTech.settlement).toEqual({
      id: settlement.id,
      settlementNo: settlement.settlementNo,
      status: 'active',
    });
    const techEvents = forTech.events.filter((e) => e.kind === 'settlement').map((e) => e.data);
    expect(techEvents).toEqual([
      { action: 'create', settlementId: settlement.id, settlementNo: settlement.settlementNo },
      { action: 'pay', settlementId: settlement.id, settlementNo: settlement.settlementNo },
    ]);
    // The same order through a write answers alike (every detail goes through one reader).
    const noted = await shop.tech.ok('workOrders.addNote', { id: order.id, note: '已通知取机' });
    expect(noted.settlement).toEqual(forTech.settlement);
    expect(JSON.stringify(noted.events)).not.toContain('"total"');
  });
});

describe('workOrders.technicians', () => {
  it('gives each technician the pinyin initials of the name, so the picker finds 陈工 by "cg"', async () => {
    await shop.admin.ok('users.create', {
      username: 'chengong',
      displayName: '陈工',
      role: 'technician',
      password: 'tech-password-2',
    });
    const list = await shop.clerk.ok('workOrders.technicians', {});
    expect(list).toContainEqual({
      id: expect.any(String) as string,
      displayName: '陈工',
      username: 'chengong',
      initials: 'cg',
      role: 'technician',
    });
  });
});
