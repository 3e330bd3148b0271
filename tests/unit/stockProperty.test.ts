import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';

/**
 * Random sequences of stock documents and work-order part moves (lines added, removed, orders
 * cancelled) against one shop. After every step: stock is never negative, on-hand equals the ledger
 * sum, and the parts on orders equal what the order documents took off the shelf; a refused step
 * changes nothing; reversing the latest document puts on-hand and cost back exactly as they were
 * before it.
 */
let app: TestApp;
let manager: Client;
let supplierId: string;
let customerId: string;
let deviceId: string;
const partIds: string[] = [];
/** Two open orders to take parts; a cancelled one is replaced by a fresh one. */
const orderIds: string[] = [];
let serial = 0;

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  manager = await signedInAs(app, admin, 'manager');
  supplierId = (await manager.ok('suppliers.create', { name: '供应商' })).id;
  customerId = insertCustomer(app);
  deviceId = insertDevice(app, customerId);
});
afterAll(() => app.cleanup());

const part = fc.integer({ min: 0, max: 2 });
const qty = fc.integer({ min: 1, max: 6 });
const step = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    part,
    qty,
    unitCost: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({ kind: fc.constant('supplierReturn' as const), part, qty }),
  fc.record({ kind: fc.constant('scrap' as const), part, qty }),
  fc.record({ kind: fc.constant('count' as const), part, counted: fc.integer({ min: 0, max: 8 }) }),
  fc.record({
    kind: fc.constant('adjustment' as const),
    part,
    delta: fc.integer({ min: -5, max: 5 }).filter((d) => d !== 0),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('addPart' as const),
    part,
    qty: fc.integer({ min: 1, max: 3 }),
    order: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({ kind: fc.constant('removePart' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('cancel' as const), order: fc.integer({ min: 0, max: 1 }) }),
);
const ORDER_STEPS = new Set<Step['kind']>(['addPart', 'removePart', 'cancel']);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

async function state(): Promise<string> {
  const rows = await Promise.all(partIds.map((id) => manager.ok('parts.get', { id })));
  return JSON.stringify(rows.map((p) => [p.onHand, p.costPrice]));
}

function newOrder(): Promise<string> {
  return manager.ok('workOrders.create', { customerId, deviceId, reportedFault: '坏了' }).then((o) => o.id);
}

/** The lines in use on the test's orders, from the store. */
function activeLines(): string[] {
  return (
    app.core.database.sqlite
      .prepare('SELECT id FROM work_order_parts WHERE removed_at IS NULL ORDER BY rowid')
      .all() as { id: string }[]
  ).map((r) => r.id);
}

/** Per part: quantity on active order lines, and what order documents took off the shelf net. */
function orderBalance(): { onOrders: number; issuedNet: number }[] {
  return app.core.database.sqlite
    .prepare(
      `SELECT p.id,
         (SELECT coalesce(sum(l.qty), 0) FROM work_order_parts l WHERE l.part_id = p.id AND l.removed_at IS NULL) AS onOrders,
         (SELECT coalesce(-sum(m.qty), 0) FROM stock_movements m JOIN stock_documents d ON d.id = m.document_id
           WHERE m.part_id = p.id AND d.kind IN ('orderIssue', 'orderReturn')) AS issuedNet
       FROM parts p`,
    )
    .all() as { onOrders: number; issuedNet: number }[];
}

async function run(s: Step, docs: string[]) {
  const partId = 'part' in s ? (partIds[s.part] ?? '') : '';
  switch (s.kind) {
    case 'receipt':
      return manager.call('stock.post', {
        kind: 'receipt',
        supplierId,
        lines: [{ partId, qty: s.qty, unitCost: s.unitCost }],
      });
    case 'supplierReturn':
      return manager.call('stock.post', {
        kind: 'supplierReturn',
        supplierId,
        lines: [{ partId, qty: s.qty }],
      });
    case 'scrap':
      return manager.call('stock.post', { kind: 'scrap', reason: '坏', lines: [{ partId, qty: s.qty }] });
    case 'count':
      return manager.call('stock.post', { kind: 'count', lines: [{ partId, countedQty: s.counted }] });
    case 'adjustment':
      return manager.call('stock.adjust', { reason: '调', lines: [{ partId, qty: s.delta }] });
    case 'reverse':
      return manager.call('stock.reverse', {
        id: docs[s.pick % Math.max(docs.length, 1)] ?? docs[0] ?? '00000000-0000-7000-8000-000000000000',
        reason: '冲',
      });
    case 'addPart':
      return manager.call('workOrders.addPart', { id: orderIds[s.order] ?? '', partId, qty: s.qty });
    case 'removePart': {
      const lines = activeLines();
      return manager.call('workOrders.removePart', {
        lineId: lines[s.pick % Math.max(lines.length, 1)] ?? '00000000-0000-7000-8000-000000000000',
      });
    }
    case 'cancel': {
      const result = await manager.call('workOrders.transition', {
        id: orderIds[s.order] ?? '',
        to: 'cancelled',
        note: '客户取消',
      });
      if (result.ok) orderIds[s.order] = await newOrder();
      return result;
    }
  }
}

it('keeps the ledger balanced and never negative', { timeout: 60_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 16 }), async (steps) => {
      partIds.length = 0;
      for (let i = 0; i < 3; i += 1) {
        partIds.push(
          (
            await manager.ok('parts.create', {
              code: `P${(serial += 1)}`,
              name: `件${i}`,
            })
          ).id,
        );
      }
      // Some stock to start with, so that orders can take parts from the first step.
      await manager.ok('stock.post', {
        kind: 'receipt',
        supplierId,
        lines: partIds.map((partId) => ({ partId, qty: 4, unitCost: 1000 })),
      });
      orderIds.length = 0;
      orderIds.push(await newOrder(), await newOrder());
      const docs: string[] = [];
      let lastDoc = null as { id: string; stateBefore: string } | null;
      for (const s of steps) {
        const before = snapshot(app.core);
        const stateBefore = await state();
        // Reversing the latest document must restore on-hand and cost exactly.
        const latest: { id: string; stateBefore: string } | null =
          s.kind === 'reverse' && s.pick % 2 === 0 ? lastDoc : null;
        const result: Awaited<ReturnType<typeof run>> = latest
          ? await manager.call('stock.reverse', { id: latest.id, reason: '冲' })
          : await run(s, docs);
        if (result.ok) {
          if (latest) {
            expect(await state()).toBe(latest.stateBefore);
            lastDoc = null;
          } else if (ORDER_STEPS.has(s.kind)) {
            lastDoc = null;
          } else if (s.kind !== 'reverse') {
            docs.push(result.data.id);
            lastDoc = { id: result.data.id, stateBefore };
          } else {
            lastDoc = null;
          }
        } else {
          expect(['INSUFFICIENT_STOCK', 'CONFLICT', 'NOT_FOUND']).toContain(result.error.code);
          expect(snapshot(app.core)).toBe(before);
        }
        for (const id of partIds)
          expect((await manager.ok('parts.get', { id })).onHand).toBeGreaterThanOrEqual(0);
        expect((await manager.ok('stock.check', {})).mismatches).toEqual([]);
        for (const b of orderBalance()) expect(b.onOrders).toBe(b.issuedNet);
      }
    }),
    { numRuns: 60 },
  );
});
