import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStockShop, type StockShop } from './stockFixtures';
import { snapshot } from './harness';

/**
 * 成本调整: a manager corrects a part's moving-average cost through parts.adjustCost. The part was
 * created at the wrong cost; receipts had no way to put it right, and parts.update does not take it.
 */
let shop: StockShop;
let partId: string;
beforeEach(async () => {
  shop = await startStockShop();
  // Typed as ¥500.00 instead of ¥50.00 at creation; 10 then come in at that cost.
  partId = (await shop.clerk.ok('parts.create', { code: 'BAT-01', name: '电池', costPrice: 50000 })).id;
  await shop.clerk.ok('stock.post', {
    kind: 'receipt',
    supplierId: shop.supplierId,
    lines: [{ partId, qty: 10, unitCost: 50000 }],
  });
});
afterEach(() => shop.app.cleanup());

async function refusedWith(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(shop.app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(shop.app.core)).toBe(before);
  return result.error as { code: string; details?: { fields?: { path: string }[] } };
}

const correction = () => ({ id: partId, unitCost: 5000, reason: '建档时成本录错' });

describe('parts.adjustCost', () => {
  it('is refused to a clerk and a technician, with nothing changed', async () => {
    for (const who of [shop.clerk, shop.tech]) {
      const error = await refusedWith(() => who.call('parts.adjustCost', correction()));
      expect(error.code).toBe('FORBIDDEN');
    }
    expect((await shop.clerk.ok('parts.get', { id: partId })).costPrice).toBe(50000);
  });

  it('lets a manager correct the cost: one document, a ledger line, an audit row, the new valuation', async () => {
    shop.app.clock.advance(60_000);
    const doc = await shop.manager.ok('parts.adjustCost', correction());
    expect(doc).toMatchObject({
      kind: 'costAdjustment',
      reason: '建档时成本录错',
      createdByName: 'manager 员工',
      postedAt: shop.app.clock.ms,
      totalQty: 0,
      totalCost: 0,
    });
    expect(doc.docNo).toMatch(/^CB-BJ01-\d{8}-0001$/);
    expect(doc.lines).toEqual([
      expect.objectContaining({ partId, qty: 0, unitCost: 5000, costBefore: 50000, costAfter: 5000 }),
    ]);

    const part = await shop.clerk.ok('parts.get', { id: partId });
    expect(part).toMatchObject({ costPrice: 5000, onHand: 10 });

    // The part's ledger shows the correction at its new cost, moving nothing.
    const ledger = await shop.clerk.ok('stock.movements', { partId });
    expect(ledger.rows[0]).toMatchObject({
      kind: 'costAdjustment',
      qty: 0,
      unitCost: 5000,
      docNo: doc.docNo,
    });
    expect(ledger).toMatchObject({ total: 2, qtyIn: 10, qtyOut: 0 });

    const audit = await shop.admin.ok('audit.list', { entity: 'part' });
    const row = audit.rows.find((r) => r.entityId === partId && r.action === 'update');
    expect(row).toMatchObject({
      username: 'manager1',
      at: shop.app.clock.ms,
      before: { costPrice: 50000 },
      after: { costPrice: 5000, reason: '建档时成本录错', docNo: doc.docNo },
    });

    const valuation = await shop.clerk.ok('stock.valuation', {});
    expect(valuation.rows.find((r) => r.partId === partId)).toMatchObject({ costPrice: 5000, value: 50000 });
    expect(valuation.totalValue).toBe(50000);
    expect(await shop.manager.ok('stock.check', {})).toEqual({ parts: 1, mismatches: [] });
  });

  it('is what later movements use: a scrap goes out, a receipt averages in, at the new cost', async () => {
    await shop.manager.ok('parts.adjustCost', correction());
    const scrap = await shop.clerk.ok('stock.post', {
      kind: 'scrap',
      reason: '摔坏',
      lines: [{ partId, qty: 1 }],
    });
    expect(scrap.lines[0]).toMatchObject({ unitCost: 5000, costAfter: 5000 });
    const receipt = await shop.clerk.ok('stock.post', {
      kind: 'receipt',
      supplierId: shop.supplierId,
      lines: [{ partId, qty: 9, unitCost: 6000 }],
    });
    // (9 × 5000 + 9 × 6000) / 18 = 5500
    expect(receipt.lines[0]).toMatchObject({ costBefore: 5000, costAfter: 5500 });
    expect(await shop.manager.ok('stock.check', {})).toEqual({ parts: 1, mismatches: [] });
  });

  it('stands when an older receipt is reversed afterwards', async () => {
    const receipts = await shop.clerk.ok('stock.list', { kind: 'receipt' });
    await shop.manager.ok('parts.adjustCost', correction());
    const receiptId = receipts.rows[0]?.id ?? '';
    await shop.manager.ok('stock.reverse', { id: receiptId, reason: '退回整批' });
    // Without the adjustment in the ledger the reversal would restore the cost before the receipt
    // (¥500.00, the wrong one); with nothing left on hand, the corrected cost stays.
    expect(await shop.clerk.ok('parts.get', { id: partId })).toMatchObject({ onHand: 0, costPrice: 5000 });
  });

  it('refuses bad input with the field named and nothing changed', async () => {
    const cases: [unknown, string][] = [
      [{ ...correction(), unitCost: -5000 }, 'unitCost'],
      [{ ...correction(), unitCost: 'abc' }, 'unitCost'],
      [{ ...correction(), unitCost: 50.5 }, 'unitCost'],
      [{ ...correction(), unitCost: 1_000_000_001 }, 'unitCost'],
      [{ ...correction(), reason: '  ' }, 'reason'],
      [{ ...correction(), reason: '错'.repeat(201) }, 'reason'],
      [{ ...correction(), unitCost: 50000 }, 'unitCost'],
    ];
    for (const [input, path] of cases) {
      const error = await refusedWith(() => shop.manager.raw('parts.adjustCost', input));
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION');
      expect(error.details?.fields?.map((f) => f.path)).toEqual([path]);
    }
    await shop.clerk.ok('parts.archive', { id: partId });
    const archived = await refusedWith(() => shop.manager.call('parts.adjustCost', correction()));
    expect(archived).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'id' }] } });
  });

  it('is not reversed: another adjustment corrects it', async () => {
    const doc = await shop.manager.ok('parts.adjustCost', correction());
    const error = await refusedWith(() =>
      shop.manager.call('stock.reverse', { id: doc.id, reason: '调错了' }),
    );
    expect(error).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'id' }] } });
    const again = await shop.manager.ok('parts.adjustCost', { ...correction(), unitCost: 4800 });
    expect(again.lines[0]).toMatchObject({ costBefore: 5000, costAfter: 4800 });
    expect(again.docNo).toMatch(/-0002$/);
  });
});
