import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '@shared/contract';
import { addDays, localDate } from '@shared/dates';
import { needsApproval, needsReason, type WorkOrderStatus } from '@shared/workOrderStatus';
import { snapshot, type Client, type TestApp } from './harness';
import { insertCustomer, insertDevice } from './counterFixtures';
import { startStockShop } from './stockFixtures';

type Detail = OutputOf<'workOrders.get'>;
type Part = OutputOf<'parts.get'>;

let app: TestApp;
let admin: Client;
let clerk: Client;
let tech: Client;
let manager: Client;
let supplierId: string;
let screen: Part;
let battery: Part;
let customerId: string;
let deviceId: string;

beforeEach(async () => {
  ({ app, admin, clerk, tech, manager, supplierId } = await startStockShop());
  screen = await clerk.ok('parts.create', {
    code: 'SCR-IP13',
    name: 'iPhone 13 屏幕总成',
    spec: 'OLED',
    unit: '块',
    salePrice: 45000,
    location: 'A-01',
  });
  battery = await clerk.ok('parts.create', { code: 'BAT-IP13', name: 'iPhone 13 电池', salePrice: 15000 });
  customerId = insertCustomer(app, { name: '张三' });
  deviceId = insertDevice(app, customerId);
});
afterEach(() => app.cleanup());

function receive(partId: string, qty: number, unitCost: number) {
  return clerk.ok('stock.post', { kind: 'receipt', supplierId, lines: [{ partId, qty, unitCost }] });
}

function intake(device = deviceId): Promise<Detail> {
  return clerk.ok('workOrders.create', { customerId, deviceId: device, reportedFault: '屏幕碎裂' });
}

function onHand(id: string): Promise<Part> {
  return tech.ok('parts.get', { id });
}

/** Moves along the main path; each move carries what the machine asks for. */
async function moveTo(
  order: Detail,
  path: WorkOrderStatus[],
  extra: Partial<InputOf<'workOrders.transition'>> = {},
) {
  let current = order;
  for (const to of path) {
    current = await admin.ok('workOrders.transition', {
      id: current.id,
      to,
      note: needsReason(to) ? '客户不修了' : to === 'awaitingParts' && !extra.waitingFor ? '等料' : '',
      ...(needsApproval(current.status, to) ? { approval: { by: '张三', method: 'phone' as const } } : {}),
      ...(to === 'awaitingParts' ? extra : {}),
    });
  }
  return current;
}

/** Run a refused call and prove every table is unchanged; returns the error. */
async function refused(run: () => Promise<{ ok: boolean; error?: unknown }>) {
  const before = snapshot(app.core);
  const result = await run();
  expect(result.ok).toBe(false);
  expect(snapshot(app.core)).toBe(before);
  return result.error as { code: string; message: string; details?: { fields?: { path: string }[] } };
}

async function ledgerBalanced() {
  expect((await manager.ok('stock.check', {})).mismatches).toEqual([]);
}

describe('parts on a work order', () => {
  it('addPart takes the stock out and writes the line, timeline and audit together', async () => {
    await receive(screen.id, 3, 30000);
    const order = await intake();
    app.clock.advance(60_000);
    const detail = await tech.ok('workOrders.addPart', {
      id: order.id,
      partId: screen.id,
      qty: 2,
      oldPartSerial: 'OLD-123',
      oldPartRma: true,
    });
    expect(detail.parts).toHaveLength(1);
    const line = detail.parts[0];
    expect(line).toMatchObject({
      partId: screen.id,
      partCode: 'SCR-IP13',
      partName: 'iPhone 13 屏幕总成',
      partSpec: 'OLED',
      unit: '块',
      qty: 2,
      unitPrice: 45000,
      unitCost: 30000,
      coveredByWarranty: false,
      oldPartSerial: 'OLD-123',
      oldPartRma: true,
      addedBy: 'technician 员工',
      addedAt: app.clock.ms,
    });
    expect(line?.issueDocNo).toBe('LL-BJ01-20261123-0001');
    expect(detail.updatedAt).toBe(app.clock.ms);
    expect(await onHand(screen.id)).toMatchObject({ onHand: 1, costPrice: 30000 });

    const event = detail.events.at(-1);
    expect(event).toMatchObject({ kind: 'parts', username: 'technician1' });
    expect(event?.data).toMatchObject({
      action: 'add',
      partCode: 'SCR-IP13',
      qty: 2,
      docNo: line?.issueDocNo,
    });

    const docs = await clerk.ok('stock.list', { kind: 'orderIssue' });
    expect(docs.rows).toHaveLength(1);
    const doc = await clerk.ok('stock.get', { id: docs.rows[0]?.id ?? '' });
    expect(doc).toMatchObject({
      kind: 'orderIssue',
      workOrderId: order.id,
      orderNo: order.orderNo,
      totalQty: -2,
      totalCost: -60000,
      createdByName: 'technician 员工',
    });
    expect(doc.lines[0]).toMatchObject({
      qty: -2,
      unitCost: 30000,
      partSpec: 'OLED',
      unit: '块',
      location: 'A-01',
    });

    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'update' });
    expect(audit.rows[0]).toMatchObject({ entityId: order.id, username: 'technician1' });
    expect(audit.rows[0]?.after).toMatchObject({ part: { partCode: 'SCR-IP13', qty: 2 } });
    const docAudit = await admin.ok('audit.list', { entity: 'stockDocument' });
    expect(docAudit.rows[0]?.after).toMatchObject({ kind: 'orderIssue', workOrderId: order.id });
    await ledgerBalanced();
  });

  it('refuses more than is on hand with nothing changed, pointing at the quantity', async () => {
    await receive(screen.id, 1, 30000);
    const order = await intake();
    const error = await refused(() =>
      tech.call('workOrders.addPart', { id: order.id, partId: screen.id, qty: 2 }),
    );
    expect(error.code).toBe('INSUFFICIENT_STOCK');
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['qty']);
    const none = await refused(() =>
      tech.call('workOrders.addPart', { id: order.id, partId: battery.id, qty: 1 }),
    );
    expect(none.code).toBe('INSUFFICIENT_STOCK');
    const unknownPart = await refused(() =>
      tech.call('workOrders.addPart', { id: order.id, partId: order.id, qty: 1 }),
    );
    expect(unknownPart).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ path: 'partId' }] } });
    const badQty = await refused(() =>
      tech.raw('workOrders.addPart', { id: order.id, partId: screen.id, qty: 0 }),
    );
    expect(badQty.code).toBe('VALIDATION');
    const tooMany = await refused(() =>
      manager.call('workOrders.addPart', { id: order.id, partId: screen.id, qty: 5 }),
    );
    expect(tooMany.code).toBe('INSUFFICIENT_STOCK');
  });

  it('defaults the price to the sale price and the warranty flag to the order warranty', async () => {
    await receive(screen.id, 5, 30000);
    const inWarranty = insertDevice(app, customerId, { warrantyEnd: addDays(localDate(app.clock.ms), 30) });
    const covered = await intake(inWarranty);
    expect(covered.warrantyStatus).toBe('in');
    const a = await tech.ok('workOrders.addPart', { id: covered.id, partId: screen.id, qty: 1 });
    expect(a.parts[0]).toMatchObject({ unitPrice: 45000, coveredByWarranty: true });

    const repairWarranty = await intake();
    await admin.ok('workOrders.overrideWarranty', {
      id: repairWarranty.id,
      status: 'repair',
      reason: '上次维修保修',
    });
    const b = await tech.ok('workOrders.addPart', { id: repairWarranty.id, partId: screen.id, qty: 1 });
    expect(b.parts[0]?.coveredByWarranty).toBe(true);

    const paid = await intake();
    const c = await tech.ok('workOrders.addPart', { id: paid.id, partId: screen.id, qty: 1 });
    expect(c.parts[0]).toMatchObject({ unitPrice: 45000, coveredByWarranty: false });
    const d = await tech.ok('workOrders.addPart', {
      id: paid.id,
      partId: screen.id,
      qty: 1,
      unitPrice: 40000,
      coveredByWarranty: true,
    });
    expect(d.parts.map((l) => [l.unitPrice, l.coveredByWarranty])).toEqual([
      [45000, false],
      [40000, true],
    ]);
  });

  it('updatePart changes price, warranty and the old part, audited field by field', async () => {
    await receive(screen.id, 2, 30000);
    const order = await intake();
    const added = await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 });
    const lineId = added.parts[0]?.id ?? '';
    const before = snapshot(app.core);
    const same = await tech.ok('workOrders.updatePart', { lineId, unitPrice: 45000 });
    expect(same.events).toHaveLength(added.events.length);
    expect(snapshot(app.core)).toBe(before);

    const updated = await tech.ok('workOrders.updatePart', {
      lineId,
      unitPrice: 42000,
      oldPartSerial: 'F2LX-9',
      oldPartRma: true,
    });
    expect(updated.parts[0]).toMatchObject({
      unitPrice: 42000,
      oldPartSerial: 'F2LX-9',
      oldPartRma: true,
      qty: 1,
    });
    expect(updated.events.at(-1)?.data).toMatchObject({
      action: 'update',
      fields: ['unitPrice', 'oldPartSerial', 'oldPartRma'],
      before: { unitPrice: 45000, oldPartSerial: '', oldPartRma: false },
      after: { unitPrice: 42000, oldPartSerial: 'F2LX-9', oldPartRma: true },
    });
    const audit = await admin.ok('audit.list', { entity: 'workOrder', action: 'update' });
    expect(audit.rows[0]).toMatchObject({
      before: { lineId, unitPrice: 45000, oldPartSerial: '', oldPartRma: false },
      after: { lineId, unitPrice: 42000, oldPartSerial: 'F2LX-9', oldPartRma: true },
    });
    expect(await onHand(screen.id)).toMatchObject({ onHand: 1 });
    const missing = await refused(() =>
      tech.call('workOrders.updatePart', { lineId: order.id, unitPrice: 1 }),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND', details: { fields: [{ path: 'lineId' }] } });
  });

  it('removePart puts the stock back exactly, at the cost it left at', async () => {
    await receive(screen.id, 3, 30000);
    const before = await onHand(screen.id);
    const order = await intake();
    const added = await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 2 });
    const lineId = added.parts[0]?.id ?? '';
    const removed = await tech.ok('workOrders.removePart', { lineId, reason: '装错型号' });
    expect(removed.parts).toEqual([]);
    expect(await onHand(screen.id)).toEqual(before);
    expect(removed.events.at(-1)).toMatchObject({
      kind: 'parts',
      note: '装错型号',
      data: { action: 'remove', lineId, qty: 2 },
    });
    const ret = (await clerk.ok('stock.list', { kind: 'orderReturn' })).rows[0];
    expect(ret).toMatchObject({
      workOrderId: order.id,
      orderNo: order.orderNo,
      reason: '装错型号',
      totalQty: 2,
    });
    expect(ret?.docNo).toMatch(/^TL-BJ01-/);
    const line = app.core.database.sqlite
      .prepare('SELECT removed_at, removed_by, return_document_id FROM work_order_parts WHERE id = ?')
      .get(lineId) as { removed_at: number; removed_by: string; return_document_id: string };
    expect(line).toMatchObject({ removed_at: app.clock.ms, return_document_id: ret?.id });
    expect(line.removed_by).toBeTruthy();

    const again = await refused(() => tech.call('workOrders.removePart', { lineId }));
    expect(again).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'lineId' }] } });
    await ledgerBalanced();
  });

  it('a part returned after a dearer receipt is averaged back in at its issue cost', async () => {
    await receive(screen.id, 2, 30000);
    const order = await intake();
    const added = await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 });
    await receive(screen.id, 1, 36000);
    // (1 × 30000 + 1 × 36000) / 2 = 33000
    expect(await onHand(screen.id)).toMatchObject({ onHand: 2, costPrice: 33000 });
    await tech.ok('workOrders.removePart', { lineId: added.parts[0]?.id ?? '' });
    // (2 × 33000 + 1 × 30000) / 3 = 32000: the shelf is worth what it held before the issue plus the receipt.
    expect(await onHand(screen.id)).toMatchObject({ onHand: 3, costPrice: 32000 });
    const valuation = await clerk.ok('stock.valuation', {});
    expect(valuation.totalValue).toBe(2 * 30000 + 36000);
  });

  it('cancelling an order returns every part in one document', async () => {
    await receive(screen.id, 2, 30000);
    await receive(battery.id, 4, 8000);
    const order = await intake();
    await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 });
    await tech.ok('workOrders.addPart', { id: order.id, partId: battery.id, qty: 2 });
    const kept = await tech.ok('workOrders.addPart', { id: order.id, partId: battery.id, qty: 1 });
    await tech.ok('workOrders.removePart', { lineId: kept.parts[2]?.id ?? '' });
    expect((await onHand(battery.id)).onHand).toBe(2);

    const cancelled = await moveTo(await tech.ok('workOrders.get', { id: order.id }), ['cancelled']);
    expect(cancelled.parts).toEqual([]);
    expect((await onHand(screen.id)).onHand).toBe(2);
    expect((await onHand(battery.id)).onHand).toBe(4);
    const returns = await clerk.ok('stock.list', { kind: 'orderReturn' });
    expect(returns.total).toBe(2);
    const all = await clerk.ok('stock.get', { id: returns.rows[0]?.id ?? '' });
    expect(all.reason).toBe('客户不修了');
    expect(all.lines.map((l) => [l.partCode, l.qty, l.unitCost])).toEqual([
      ['SCR-IP13', 1, 30000],
      ['BAT-IP13', 2, 8000],
    ]);
    expect(cancelled.events.map((e) => e.kind).slice(-2)).toEqual(['status', 'parts']);
    expect(cancelled.events.at(-1)?.data).toMatchObject({ action: 'returnAll', docNo: all.docNo });
    await ledgerBalanced();
  });

  it('cancelling an order without parts posts no document', async () => {
    const order = await intake();
    await moveTo(order, ['cancelled']);
    expect((await clerk.ok('stock.list', {})).total).toBe(0);
  });

  it('refuses parts changes on delivered and cancelled orders, and archived parts', async () => {
    await receive(screen.id, 5, 30000);
    const order = await intake();
    // Covered by warranty: nothing is owed, so the order may be delivered without a settlement.
    const added = await tech.ok('workOrders.addPart', {
      id: order.id,
      partId: screen.id,
      qty: 1,
      coveredByWarranty: true,
    });
    const lineId = added.parts[0]?.id ?? '';
    const delivered = await moveTo(added, ['diagnosing', 'inRepair', 'qc', 'ready', 'delivered']);
    expect(delivered.parts).toHaveLength(1);
    for (const call of [
      () => tech.call('workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 }),
      () => tech.call('workOrders.updatePart', { lineId, unitPrice: 1 }),
      () => tech.call('workOrders.removePart', { lineId }),
    ]) {
      const error = await refused(call);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        reason: 'orderClosedForParts',
        params: { orderNo: order.orderNo, status: 'delivered' },
      });
    }
    const cancelled = await moveTo(await intake(), ['cancelled']);
    const onCancelled = await refused(() =>
      tech.call('workOrders.addPart', { id: cancelled.id, partId: screen.id, qty: 1 }),
    );
    expect(onCancelled).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'id' }] } });

    await clerk.ok('parts.archive', { id: battery.id });
    const open = await intake();
    const archived = await refused(() =>
      tech.call('workOrders.addPart', { id: open.id, partId: battery.id, qty: 1 }),
    );
    expect(archived).toMatchObject({ code: 'CONFLICT', details: { fields: [{ path: 'partId' }] } });
  });

  it('a work order document is not reversed; the line is removed instead', async () => {
    await receive(screen.id, 2, 30000);
    const order = await intake();
    const added = await tech.ok('workOrders.addPart', { id: order.id, partId: screen.id, qty: 1 });
    const issue = (await clerk.ok('stock.list', { kind: 'orderIssue' })).rows[0];
    const error = await refused(() => manager.call('stock.reverse', { id: issue?.id ?? '', reason: '冲' }));
    expect(error).toMatchObject({
      code: 'CONFLICT',
      reason: 'orderDocumentNotReversible',
      params: { orderNo: order.orderNo },
    });
    expect(error.details?.fields?.map((f) => f.path)).toEqual(['id']);
    await tech.ok('workOrders.removePart', { lineId: added.parts[0]?.id ?? '' });
    const ret = (await clerk.ok('stock.list', { kind: 'orderReturn' })).rows[0];
    const again = await refused(() => manager.call('stock.reverse', { id: ret?.id ?? '', reason: '冲' }));
    expect(again.code).toBe('CONFLICT');
  });
});

describe('waiting for parts', () => {
  it('records the parts an order waits for; a note alone is enough, nothing at all is not', async () => {
    const order = await moveTo(await intake(), ['diagnosing']);
    const bare = await refused(() =>
      tech.call('workOrders.transition', { id: order.id, to: 'awaitingParts' }),
    );
    expect(bare).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'note' }] } });
    const elsewhere = await refused(() =>
      tech.call('workOrders.transition', {
        id: order.id,
        to: 'inRepair',
        waitingFor: [{ partId: screen.id, qty: 1 }],
      }),
    );
    expect(elsewhere).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'waitingFor' }] } });
    const twice = await refused(() =>
      tech.raw('workOrders.transition', {
        id: order.id,
        to: 'awaitingParts',
        waitingFor: [
          { partId: screen.id, qty: 1 },
          { partId: screen.id, qty: 2 },
        ],
      }),
    );
    expect(twice.code).toBe('VALIDATION');
    const unknown = await refused(() =>
      tech.call('workOrders.transition', {
        id: order.id,
        to: 'awaitingParts',
        waitingFor: [{ partId: order.id, qty: 1 }],
      }),
    );
    expect(unknown).toMatchObject({
      code: 'NOT_FOUND',
      details: { fields: [{ path: 'waitingFor.0.partId' }] },
    });

    const noted = await tech.ok('workOrders.transition', {
      id: order.id,
      to: 'awaitingParts',
      note: '等原厂屏',
    });
    expect(noted.waitingFor).toEqual([]);
    expect(noted.partsArrived).toBe(false);
  });

  it('flags waiting orders first come, first served when a receipt brings the part in', async () => {
    const first = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    app.clock.advance(1000);
    const second = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    expect(first.waitingFor).toEqual([
      {
        partId: screen.id,
        partCode: 'SCR-IP13',
        partName: 'iPhone 13 屏幕总成',
        qty: 1,
        since: first.updatedAt,
        arrivedAt: null,
        arrivedDocNo: null,
      },
    ]);
    expect(first.events.at(-1)?.data).toMatchObject({
      waitingFor: [{ partCode: 'SCR-IP13', qty: 1, arrived: false }],
    });

    app.clock.advance(60_000);
    const receipt = await receive(screen.id, 1, 30000);
    const a = await tech.ok('workOrders.get', { id: first.id });
    const b = await tech.ok('workOrders.get', { id: second.id });
    expect(a.waitingFor[0]).toMatchObject({ arrivedAt: app.clock.ms, arrivedDocNo: receipt.docNo });
    expect(a.partsArrived).toBe(true);
    expect(a.events.at(-1)).toMatchObject({
      kind: 'partArrived',
      data: { partCode: 'SCR-IP13', docNo: receipt.docNo, qty: 1 },
    });
    expect(b.waitingFor[0]?.arrivedAt).toBeNull();
    expect(b.partsArrived).toBe(false);
    expect(b.events.at(-1)?.kind).toBe('status');

    const arrived = await clerk.ok('workOrders.list', { partsArrived: true });
    expect(arrived.rows.map((r) => r.id)).toEqual([first.id]);
    expect(arrived.counts.awaitingParts).toBe(1);
    const notArrived = await clerk.ok('workOrders.list', { partsArrived: false });
    expect(notArrived.rows.map((r) => r.id)).toEqual([second.id]);
    const row = (await clerk.ok('workOrders.list', { status: 'awaitingParts' })).rows.find(
      (r) => r.id === first.id,
    );
    expect(row?.partsArrived).toBe(true);

    // A second receipt of one covers the next order in the queue.
    const next = await receive(screen.id, 1, 30000);
    expect((await tech.ok('workOrders.get', { id: second.id })).waitingFor[0]?.arrivedDocNo).toBe(next.docNo);
    expect((await clerk.ok('workOrders.list', { partsArrived: true })).total).toBe(2);
  });

  it('does not let a smaller, later wait jump the queue', async () => {
    const big = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 2 }],
    });
    app.clock.advance(1000);
    const small = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    await receive(screen.id, 1, 30000);
    expect((await tech.ok('workOrders.get', { id: big.id })).partsArrived).toBe(false);
    expect((await tech.ok('workOrders.get', { id: small.id })).partsArrived).toBe(false);
    await receive(screen.id, 2, 30000);
    expect((await tech.ok('workOrders.get', { id: big.id })).partsArrived).toBe(true);
    expect((await tech.ok('workOrders.get', { id: small.id })).partsArrived).toBe(true);
  });

  it('needs every awaited part before the order counts as arrived', async () => {
    const order = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [
        { partId: screen.id, qty: 1 },
        { partId: battery.id, qty: 1 },
      ],
    });
    await receive(screen.id, 1, 30000);
    expect((await tech.ok('workOrders.get', { id: order.id })).partsArrived).toBe(false);
    await receive(battery.id, 1, 8000);
    expect((await tech.ok('workOrders.get', { id: order.id })).partsArrived).toBe(true);
  });

  it('a part already on the shelf arrives at once; other open arrivals keep theirs', async () => {
    await receive(screen.id, 1, 30000);
    const first = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    expect(first.waitingFor[0]).toMatchObject({ arrivedAt: app.clock.ms, arrivedDocNo: null });
    expect(first.partsArrived).toBe(true);
    // The one on the shelf is the first order's; the second waits for the next receipt.
    const second = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    expect(second.partsArrived).toBe(false);
  });

  it('leaving awaiting parts closes the waits', async () => {
    const order = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: screen.id, qty: 1 }],
    });
    await receive(screen.id, 1, 30000);
    const repairing = await moveTo(await tech.ok('workOrders.get', { id: order.id }), ['inRepair']);
    expect(repairing.waitingFor).toEqual([]);
    expect(repairing.partsArrived).toBe(false);
    expect((await clerk.ok('workOrders.list', { partsArrived: true })).total).toBe(0);
    const closed = app.core.database.sqlite
      .prepare('SELECT closed_at FROM work_order_waits WHERE work_order_id = ?')
      .all(order.id) as { closed_at: number | null }[];
    expect(closed).toEqual([{ closed_at: app.clock.ms }]);
    // A later receipt flags nobody.
    const receipt = await receive(screen.id, 1, 30000);
    const after = await tech.ok('workOrders.get', { id: order.id });
    expect(after.events.some((e) => e.kind === 'partArrived' && e.data?.docNo === receipt.docNo)).toBe(false);

    // Cancelling an order that waits closes its waits too.
    const waiting = await moveTo(await intake(), ['diagnosing', 'awaitingParts'], {
      waitingFor: [{ partId: battery.id, qty: 1 }],
    });
    const cancelled = await moveTo(waiting, ['cancelled']);
    expect(cancelled.waitingFor).toEqual([]);
  });
});
