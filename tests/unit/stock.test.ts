import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputOf } from '@shared/contract';
import { averageCost } from '../../src/main/services/stock';
import { startApp, setUpShop, signedInAs, snapshot, type Client, type TestApp } from './harness';

let app: TestApp;
let admin: Client;
let clerk: Client;
let tech: Client;
let manager: Client;
let supplierId: string;
let screen: OutputOf<'parts.get'>;
let battery: OutputOf<'parts.get'>;

beforeEach(async () => {
  app = startApp();
  admin = await setUpShop(app);
  await admin.ok('settings.update', { security: { idleLockMinutes: 0 } });
  clerk = await signedInAs(app, admin, 'clerk');
  tech = await signedInAs(app, admin, 'technician');
  manager = await signedInAs(app, admin, 'manager');
  supplierId = (await clerk.ok('suppliers.create', { name: '华强北配件行', phone: '0755-1234' })).id;
  screen = await clerk.ok('parts.create', {
    code: 'scr-ip13',
    name: 'iPhone 13 屏幕总成',
    barcode: '6901234567890',
    salePrice: 45000,
    minStock: 2,
    location: 'A-01',
    defaultSupplierId: supplierId,
  });
  battery = await clerk.ok('parts.create', { code: 'BAT-IP13', name: 'iPhone 13 电池', salePrice: 15000 });
});
afterEach(() => app.cleanup());

function receive(partId: string, qty: number, unitCost: number, client: Client = clerk) {
  return client.ok('stock.post', { kind: 'receipt', supplierId, lines: [{ partId, qty, unitCost }] });
}

describe('moving-average cost', () => {
  it('rounds half up to a whole fen', () => {
    expect(averageCost(0, 0, 3, 1000)).toBe(1000);
    // (2 × 1000 + 1 × 1001) / 3 = 1000.33… → 1000
    expect(averageCost(2, 1000, 1, 1001)).toBe(1000);
    // (1 × 1000 + 1 × 1001) / 2 = 1000.5 → 1001
    expect(averageCost(1, 1000, 1, 1001)).toBe(1001);
    // (3 × 999 + 3 × 1000) / 6 = 999.5 → 1000
    expect(averageCost(3, 999, 3, 1000)).toBe(1000);
  });

  it('receipts move the cost and the on-hand figure', async () => {
    const doc = await receive(screen.id, 2, 30000);
    expect(doc.docNo).toBe('RK-BJ01-20261123-0001');
    expect(doc.lines[0]).toMatchObject({ qty: 2, unitCost: 30000, costBefore: 0, costAfter: 30000 });
    await receive(screen.id, 1, 30001);
    const part = await tech.ok('parts.get', { id: screen.id });
    expect(part).toMatchObject({ onHand: 3, costPrice: 30000 });
    await receive(screen.id, 1, 30003);
    // (3 × 30000 + 30003) / 4 = 30000.75 → 30001
    expect(await tech.ok('parts.get', { id: screen.id })).toMatchObject({ onHand: 4, costPrice: 30001 });
  });
});

describe('catalog', () => {
  it('searches by code, name and barcode, and hides archived parts', async () => {
    expect((await tech.ok('parts.list', { search: 'ip13' })).total).toBe(2);
    expect((await tech.ok('parts.list', { search: '屏幕' })).rows.map((p) => p.code)).toEqual(['SCR-IP13']);
    expect((await tech.ok('parts.list', { search: '6901234567890' })).rows[0]?.id).toBe(screen.id);
    expect((await tech.ok('parts.list', { search: '%' })).total).toBe(0);
    await clerk.ok('parts.archive', { id: battery.id });
    expect((await tech.ok('parts.list', {})).total).toBe(1);
    expect((await tech.ok('parts.list', { includeArchived: true })).total).toBe(2);
    await clerk.ok('parts.restore', { id: battery.id });
    expect((await tech.ok('parts.list', {})).total).toBe(2);
  });

  it('refuses a duplicate code and lets technicians only read', async () => {
    const dup = await clerk.call('parts.create', { code: 'SCR-IP13', name: 'x' });
    expect(dup.ok || dup.error.code).toBe('CONFLICT');
    const denied = await tech.call('parts.create', { code: 'X1', name: 'x' });
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    const updated = await clerk.ok('parts.update', {
      id: battery.id,
      version: battery.version,
      code: 'BAT-IP13',
      name: '电池',
      minStock: 5,
    });
    expect(updated).toMatchObject({ name: '电池', minStock: 5, onHand: 0 });
  });

  it('updates and archives suppliers', async () => {
    const [supplier] = await clerk.ok('suppliers.list', {});
    await clerk.ok('suppliers.update', {
      id: supplierId,
      version: supplier?.version ?? 0,
      name: '华强北配件行',
      contact: '李四',
    });
    await clerk.ok('suppliers.archive', { id: supplierId });
    expect(await tech.ok('suppliers.list', {})).toEqual([]);
    expect((await tech.ok('suppliers.list', { includeArchived: true }))[0]?.contact).toBe('李四');
    const refused = await clerk.call('stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [{ partId: screen.id, qty: 1, unitCost: 1 }],
    });
    expect(refused.ok || refused.error.code).toBe('CONFLICT');
  });
});

describe('stock documents', () => {
  it('returns, scraps and counts move stock; the ledger check agrees', async () => {
    await receive(screen.id, 5, 30000);
    const ret = await clerk.ok('stock.post', {
      kind: 'supplierReturn',
      supplierId,
      lines: [{ partId: screen.id, qty: 1 }],
    });
    expect(ret.docNo).toMatch(/^TH-BJ01-/);
    const scrap = await clerk.ok('stock.post', {
      kind: 'scrap',
      reason: '摔坏',
      lines: [{ partId: screen.id, qty: 1 }],
    });
    expect(scrap.lines[0]).toMatchObject({ qty: -1, unitCost: 30000 });
    const count = await clerk.ok('stock.post', {
      kind: 'count',
      lines: [
        { partId: screen.id, countedQty: 2 },
        { partId: battery.id, countedQty: 0 },
      ],
    });
    expect(count.lines.map((l) => l.qty)).toEqual([-1, 0]);
    expect(await tech.ok('parts.get', { id: screen.id })).toMatchObject({ onHand: 2, costPrice: 30000 });
    const moves = await tech.ok('stock.movements', { partId: screen.id });
    expect(moves.total).toBe(4);
    expect(moves.rows.reduce((s, m) => s + m.qty, 0)).toBe(2);
    expect(await manager.ok('stock.check', {})).toEqual({ parts: 2, mismatches: [] });
    expect((await tech.ok('stock.list', {})).total).toBe(4);
  });

  it('refuses a movement below zero with the line path, and changes nothing', async () => {
    await receive(screen.id, 1, 30000);
    const before = snapshot(app.core);
    const refused = await clerk.call('stock.post', {
      kind: 'scrap',
      reason: '进水',
      lines: [
        { partId: battery.id, qty: 0 + 1 },
        { partId: screen.id, qty: 1 },
      ],
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('INSUFFICIENT_STOCK');
    expect(refused.error.details?.fields?.[0]?.path).toBe('lines.0.qty');
    const twice = await clerk.call('stock.post', {
      kind: 'supplierReturn',
      supplierId,
      lines: [
        { partId: screen.id, qty: 1 },
        { partId: screen.id, qty: 1 },
      ],
    });
    expect(twice.ok || twice.error.details?.fields?.[0]?.path).toBe('lines.1.qty');
    expect(snapshot(app.core)).toBe(before);
  });

  it('adjustments need a manager', async () => {
    const input = { reason: '找到一个', lines: [{ partId: battery.id, qty: 1 }] };
    const denied = await clerk.call('stock.adjust', input);
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
    const doc = await manager.ok('stock.adjust', input);
    expect(doc.docNo).toBe('TZ-BJ01-20261123-0001');
    expect((await tech.ok('parts.get', { id: battery.id })).onHand).toBe(1);
  });

  it('a reversal restores on-hand and cost exactly, once', async () => {
    await receive(screen.id, 3, 10000);
    const before = await tech.ok('parts.get', { id: screen.id });
    const doc = await receive(screen.id, 1, 10003);
    expect((await tech.ok('parts.get', { id: screen.id })).costPrice).toBe(10001);
    const reversal = await manager.ok('stock.reverse', { id: doc.id, reason: '录错单价' });
    expect(reversal).toMatchObject({ reversesId: doc.id, kind: 'receipt' });
    expect(reversal.docNo).toMatch(/^CX-BJ01-/);
    expect(await tech.ok('parts.get', { id: screen.id })).toEqual(before);
    expect((await tech.ok('stock.get', { id: doc.id })).reversedById).toBe(reversal.id);
    const again = await manager.call('stock.reverse', { id: doc.id, reason: 'x' });
    expect(again.ok || again.error.code).toBe('CONFLICT');
    const ofReversal = await manager.call('stock.reverse', { id: reversal.id, reason: 'x' });
    expect(ofReversal.ok || ofReversal.error.code).toBe('CONFLICT');
    const denied = await clerk.call('stock.reverse', { id: doc.id, reason: 'x' });
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
  });

  it('works a part that sits on several lines line by line, and reverses it exactly', async () => {
    await receive(screen.id, 1, 10000);
    const before = await tech.ok('parts.get', { id: screen.id });
    const doc = await clerk.ok('stock.post', {
      kind: 'receipt',
      supplierId,
      lines: [
        { partId: screen.id, qty: 1, unitCost: 20000 },
        { partId: battery.id, qty: 2, unitCost: 5000 },
        { partId: screen.id, qty: 2, unitCost: 30001 },
      ],
    });
    // 10000 → (10000 + 20000) / 2 = 15000 → (2 × 15000 + 2 × 30001) / 4 = 22500.5 → 22501
    expect(doc.lines.map((l) => [l.qty, l.costBefore, l.costAfter])).toEqual([
      [1, 10000, 15000],
      [2, 0, 5000],
      [2, 15000, 22501],
    ]);
    expect(doc).toMatchObject({ totalQty: 5, totalCost: 20000 + 10000 + 60002 });
    expect(await tech.ok('parts.get', { id: screen.id })).toMatchObject({ onHand: 4, costPrice: 22501 });
    const reversal = await manager.ok('stock.reverse', { id: doc.id, reason: '整单录错' });
    expect(reversal.lines.map((l) => [l.partCode, l.qty])).toEqual([
      ['SCR-IP13', -2],
      ['BAT-IP13', -2],
      ['SCR-IP13', -1],
    ]);
    expect(await tech.ok('parts.get', { id: screen.id })).toEqual(before);
    expect(await tech.ok('parts.get', { id: battery.id })).toMatchObject({ onHand: 0, costPrice: 0 });
    expect(await manager.ok('stock.check', {})).toEqual({ parts: 2, mismatches: [] });
  });

  it('refuses to reverse a receipt whose stock has gone', async () => {
    const doc = await receive(screen.id, 2, 10000);
    await clerk.ok('stock.post', { kind: 'scrap', reason: '坏', lines: [{ partId: screen.id, qty: 1 }] });
    const before = snapshot(app.core);
    const refused = await manager.call('stock.reverse', { id: doc.id, reason: '退' });
    expect(refused.ok || refused.error.code).toBe('INSUFFICIENT_STOCK');
    expect(snapshot(app.core)).toBe(before);
  });

  it('keeps posted documents and the ledger immutable in the store itself', async () => {
    await receive(screen.id, 1, 100);
    const sqlite = app.core.database.sqlite;
    for (const table of ['stock_documents', 'stock_document_lines', 'stock_movements']) {
      expect(() => sqlite.prepare(`DELETE FROM ${table}`).run()).toThrow(/immutable/);
      expect(() => sqlite.prepare(`UPDATE ${table} SET id = id`).run()).toThrow(/immutable/);
    }
  });
});
