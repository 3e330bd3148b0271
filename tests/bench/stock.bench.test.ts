import { performance } from 'node:perf_hooks';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameInitials } from '../../src/main/services/pinyin';
import type { EventData, WorkOrderDetail } from '../../src/shared/schemas/workOrders';
import { startApp, setUpShop, signedInAs, type Client, type TestApp } from '../unit/harness';
import { contract } from '@shared/contract';
import { writeAudit } from '../../src/main/services/audit';
import { post, PREFIX } from '../../src/main/services/stock/post';
import { stockValuation } from '../../src/main/services/stock/reports';
import { actorOf } from '../../src/main/services/users';
import { addEvent } from '../../src/main/services/workOrders/events';
import { addOrderPart } from '../../src/main/services/workOrders/parts';
import { readDetail } from '../../src/main/services/workOrders/read';
import { measurePair, recordFigures } from './figures';
import { callContext, checkInput, measureInTransaction, measureSync } from './steps';
import { rawOrderEnd } from './rawOrder';
import { seedBranch } from './seedBranch';
import { seedStock, type SeededStock } from './seedStock';

/** The stock benchmark of issue 4: 5,000 parts and 1,000,000 movements. */
const SIZE = { parts: 5_000, movements: 1_000_000 };
/** A small branch, for the orders the ledger's 领料 and the addPart samples belong to. */
const BRANCH = { customers: 2_000, devices: 3_000, workOrders: 6_000 };
const BUDGET_MS = 30;
const VALUATION_BUDGET_MS = 200;

let app: TestApp;
let clerk: Client;
let tech: Client;
let stock: SeededStock;
const figures: Record<string, number> = {};

function ids(query: string, ...params: unknown[]): string[] {
  return (app.core.database.sqlite.prepare(query).all(...params) as { id: string }[]).map((r) => r.id);
}

beforeAll(async () => {
  app = startApp();
  const admin = await setUpShop(app);
  clerk = await signedInAs(app, admin, 'clerk', 'counter');
  tech = await signedInAs(app, admin, 'technician', 'bench-tech');
  const manager = await signedInAs(app, admin, 'manager', 'bench-manager');
  const adminId = (await admin.ok('auth.state', {})).user?.id ?? '';
  const techId = (await tech.ok('auth.state', {})).user?.id ?? '';
  const sqlite = app.core.database.sqlite;
  const start = performance.now();
  seedBranch(sqlite, BRANCH, { now: app.clock.ms, adminId, technicianIds: [techId], initials: nameInitials });
  stock = seedStock(sqlite, SIZE, {
    now: app.clock.ms,
    userId: adminId,
    workOrderIds: ids("SELECT id FROM work_orders WHERE status = 'delivered' LIMIT 2000"),
  });
  sqlite.pragma('optimize');
  // The seed is one large transaction: fold its WAL into the database now, not in the first sample.
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  figures['seed.parts'] = SIZE.parts;
  figures['seed.movements'] = (
    sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }
  ).n;
  figures['seed.stockDocuments'] = stock.documents;
  figures['seed.stock.ms'] = Math.round(performance.now() - start);
  expect(figures['seed.movements']).toBe(SIZE.movements);
  // The seeded cache must equal the ledger, or every figure below measures a broken store.
  const check = await manager.ok('stock.check', {});
  expect(check).toEqual({ parts: SIZE.parts, mismatches: [] });
}, 600_000);

afterAll(() => {
  recordFigures(figures);
  app.cleanup();
});

/** Cycle through sample inputs so caches do not flatter the figures. */
function cycle<T>(list: T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

/** A dispatch figure and its raw twin (better-sqlite3 straight), with the issue's budget. */
async function pair(
  name: string,
  viaDispatch: () => Promise<unknown>,
  raw: () => unknown,
  budget = BUDGET_MS,
) {
  Object.assign(figures, await measurePair(name, viaDispatch, raw));
  expect(figures[`${name}.p95_ms`], name).toBeLessThanOrEqual(budget);
}

describe('stock benchmarks at 5,000 parts / 1,000,000 movements', () => {
  it('parts.search', async () => {
    const terms = cycle([
      '屏幕',
      'Mate 60',
      'iphone',
      'P012',
      'P04',
      '电池',
      stock.parts[1234]?.barcode ?? '69',
      'k70',
    ]);
    const sqlite = app.core.database.sqlite;
    const where = `archived_at IS NULL AND (instr(code, ?) > 0 OR instr(lower(name), ?) > 0 OR barcode = ?
      OR instr(lower(compatible_models), ?) > 0)`;
    const total = sqlite.prepare(`SELECT count(*) FROM parts WHERE ${where}`);
    const page = sqlite.prepare(`SELECT * FROM parts WHERE ${where} ORDER BY code LIMIT 20`);
    await pair(
      'parts.search',
      () => clerk.ok('parts.list', { search: terms(), pageSize: 20 }),
      () => {
        const t = terms();
        const args = [t.toUpperCase(), t.toLowerCase(), t, t.toLowerCase()];
        return [total.get(...args), page.all(...args)];
      },
    );
  });

  it('stock.onHand (one part)', async () => {
    const part = cycle(stock.parts.filter((_, i) => i % 37 === 0).map((p) => p.id));
    const ledger = app.core.database.sqlite.prepare(
      'SELECT coalesce(sum(qty), 0) AS onHand FROM stock_movements WHERE part_id = ?',
    );
    await pair(
      'stock.onHand',
      () => tech.ok('parts.get', { id: part() }),
      () => ledger.get(part()),
    );
  });

  it('stock.valuation (the full valued list)', async () => {
    const rows = app.core.database.sqlite.prepare(
      `SELECT id, code, name, spec, category, unit, location, on_hand, min_stock, cost_price, sale_price,
         on_hand * cost_price AS value FROM parts WHERE on_hand != 0 ORDER BY code`,
    );
    // Where the dispatch figure's time goes: the service's query, then the contract's output check.
    const input = contract['stock.valuation'].input.parse({});
    const valued = stockValuation(app.core.deps.db, input);
    figures['stock.valuation.step.service_ms'] = measureSync(() => stockValuation(app.core.deps.db, input));
    figures['stock.valuation.step.output_ms'] = measureSync(() =>
      contract['stock.valuation'].output.parse(valued),
    );
    let listed = 0;
    await pair(
      'stock.valuation',
      async () => {
        listed = (await clerk.ok('stock.valuation', {})).rows.length;
      },
      () => {
        const all = rows.all() as { on_hand: number; value: number }[];
        let qty = 0;
        let value = 0;
        for (const r of all) {
          qty += r.on_hand;
          value += r.value;
        }
        return { rows: all, qty, value };
      },
      VALUATION_BUDGET_MS,
    );
    expect(listed).toBeGreaterThan(4_000);
  });

  it('stock.movements (a month of every part, with in/out totals)', async () => {
    const month = 30 * 24 * 3600_000;
    const starts = cycle(
      [0.1, 0.3, 0.5, 0.7, 0.9].map((f) => stock.from + Math.floor(f * (stock.to - stock.from))),
    );
    const sqlite = app.core.database.sqlite;
    const totals = sqlite.prepare(
      `SELECT count(*), sum(CASE WHEN qty > 0 THEN qty END), sum(CASE WHEN qty < 0 THEN qty END)
       FROM stock_movements WHERE at >= ? AND at < ?`,
    );
    const page = sqlite.prepare(
      `SELECT m.*, p.code, p.name, d.doc_no, d.kind
       FROM (SELECT * FROM stock_movements WHERE at >= ? AND at < ? ORDER BY at DESC, id DESC LIMIT 50) m
       JOIN parts p ON p.id = m.part_id JOIN stock_documents d ON d.id = m.document_id`,
    );
    await pair(
      'stock.movements',
      () => {
        const from = starts();
        return clerk.ok('stock.movements', { from, to: from + month, pageSize: 50 });
      },
      () => {
        const from = starts();
        return [totals.get(from, from + month), page.all(from, from + month)];
      },
    );
  });

  it('workOrders.addPart', async () => {
    const open = ids(
      "SELECT id FROM work_orders WHERE status IN ('diagnosing', 'inRepair', 'awaitingParts', 'qc') LIMIT 100",
    );
    expect(open.length).toBeGreaterThan(20);
    const stocked = ids('SELECT id FROM parts WHERE on_hand >= 50 ORDER BY code LIMIT 200');
    const order = cycle(open);
    const part = cycle(stocked);
    const sqlite = app.core.database.sqlite;
    const partRow = sqlite.prepare(
      'SELECT code, name, on_hand, cost_price, sale_price FROM parts WHERE id = ?',
    );
    const insertDoc = sqlite.prepare(
      `INSERT INTO stock_documents (id, doc_no, kind, status, work_order_id, posted_at)
       VALUES (?, ?, 'orderIssue', 'posted', ?, ?)`,
    );
    const insertLine = sqlite.prepare(
      `INSERT INTO stock_document_lines (id, document_id, line_no, part_id, qty, unit_cost, cost_before, cost_after)
       VALUES (?, ?, 1, ?, -1, ?, ?, ?)`,
    );
    const insertMovement = sqlite.prepare(
      'INSERT INTO stock_movements (id, part_id, document_id, qty, unit_cost, at) VALUES (?, ?, ?, -1, ?, ?)',
    );
    const setOnHand = sqlite.prepare('UPDATE parts SET on_hand = on_hand - 1 WHERE id = ?');
    const insertOrderLine = sqlite.prepare(
      `INSERT INTO work_order_parts (id, work_order_id, part_id, qty, unit_price, unit_cost, covered_by_warranty,
         issue_document_id, added_at, updated_at) VALUES (?, ?, ?, 1, ?, ?, 0, ?, ?, ?)`,
    );
    const insertEvent = sqlite.prepare(
      "INSERT INTO work_order_events (id, work_order_id, at, kind, note, data) VALUES (?, ?, ?, 'parts', '', ?)",
    );
    const touch = sqlite.prepare('UPDATE work_orders SET updated_at = ? WHERE id = ?');
    // The issue document is numbered (the day's sequence, then a check that the number is free) and
    // audited, as post() does.
    const sequence = sqlite.prepare(
      `INSERT INTO sequences (name, value) VALUES ('raw-issues', 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
    );
    const docNoTaken = sqlite.prepare('SELECT id FROM stock_documents WHERE doc_no = ?');
    const auditDoc = sqlite.prepare(
      `INSERT INTO audit_log (id, at, user_id, username, action, entity, entity_id, after)
       VALUES (?, ?, ?, 'tech', 'create', 'stockDocument', ?, ?)`,
    );
    // The twin writes as the call does, then audits and reads the order back as the call returns it.
    const end = rawOrderEnd(sqlite);
    const techId = (await tech.ok('auth.state', {})).user?.id ?? '';
    await pair(
      'workOrders.addPart',
      () => tech.ok('workOrders.addPart', { id: order(), partId: part(), qty: 1 }),
      () => {
        const orderId = order();
        const partId = part();
        const at = Date.now();
        sqlite.transaction(() => {
          const p = partRow.get(partId) as {
            code: string;
            name: string;
            on_hand: number;
            cost_price: number;
            sale_price: number;
          };
          if (p.on_hand < 1) throw new Error('out of stock');
          const docId = uuidv7();
          const { value } = sequence.get() as { value: number };
          const docNo = `RAW-${value}-${docId}`;
          docNoTaken.get(docNo);
          insertDoc.run(docId, docNo, orderId, at);
          insertLine.run(uuidv7(), docId, partId, p.cost_price, p.cost_price, p.cost_price);
          insertMovement.run(uuidv7(), partId, docId, p.cost_price, at);
          setOnHand.run(partId);
          const posted = [{ partId, qty: -1, unitCost: p.cost_price, costAfter: p.cost_price }];
          auditDoc.run(
            uuidv7(),
            at,
            techId,
            docId,
            JSON.stringify({ docNo, kind: 'orderIssue', lines: posted }),
          );
          const lineId = uuidv7();
          insertOrderLine.run(lineId, orderId, partId, p.sale_price, p.cost_price, docId, at, at);
          const data = {
            action: 'add',
            lineId,
            partId,
            partCode: p.code,
            partName: p.name,
            qty: 1,
            unitPrice: p.sale_price,
            unitCost: p.cost_price,
            coveredByWarranty: false,
            oldPartSerial: '',
            oldPartRma: false,
            docNo,
          } satisfies EventData<'parts'>;
          insertEvent.run(uuidv7(), orderId, at, JSON.stringify(data));
          touch.run(at, orderId);
          return end(orderId, techId, 'update', at);
        })();
      },
    );
  });

  it('workOrders.addPart, step by step', async () => {
    const open = ids(
      "SELECT id FROM work_orders WHERE status IN ('diagnosing', 'inRepair', 'awaitingParts', 'qc') LIMIT 100",
    );
    const stocked = ids('SELECT id FROM parts WHERE on_hand >= 50 ORDER BY code LIMIT 200');
    const order = cycle(open);
    const part = cycle(stocked);
    const ctx = callContext(app, tech);
    const parse = (input: unknown) => contract['workOrders.addPart'].input.parse(input);
    const name = 'workOrders.addPart.step';
    figures[`${name}.input_ms`] = measureSync(() =>
      checkInput('workOrders.addPart', { id: order(), partId: part(), qty: 1 }),
    );
    // The service on its own: checks, the issue document (stock), the line, timeline, audit, read-back, commit.
    const made: WorkOrderDetail[] = [];
    figures[`${name}.service_ms`] = measureSync(() =>
      made.push(addOrderPart(ctx, parse({ id: order(), partId: part(), qty: 1 }))),
    );
    figures[`${name}.stockIssue_ms`] = measureInTransaction(app, (tx) =>
      post(tx, ctx, {
        kind: 'orderIssue',
        prefix: PREFIX.orderIssue,
        supplierId: null,
        reason: '',
        reversesId: null,
        workOrderId: order(),
        lines: [{ partId: part(), qty: -1, countedQty: null, unitCost: null, movesAverage: false, path: '' }],
      }),
    );
    const detail = cycle(made);
    figures[`${name}.readBack_ms`] = measureSync(() =>
      readDetail(ctx.deps.db, detail().id, ctx.user, app.clock.ms),
    );
    figures[`${name}.output_ms`] = measureSync(() => contract['workOrders.addPart'].output.parse(detail()));
    const line = (d: WorkOrderDetail) => {
      const p = d.parts[0];
      if (!p) throw new Error('no part line');
      return {
        action: 'add' as const,
        lineId: p.id,
        partId: p.partId,
        partCode: p.partCode,
        partName: p.partName,
        qty: 1,
        unitPrice: p.unitPrice,
        unitCost: p.unitCost,
        coveredByWarranty: false,
        oldPartSerial: '',
        oldPartRma: false,
        docNo: 'CK-BENCH',
      };
    };
    figures[`${name}.timeline_ms`] = measureInTransaction(app, (tx) => {
      const d = detail();
      addEvent(tx, { workOrderId: d.id, at: app.clock.ms, actor: ctx.user, kind: 'parts', data: line(d) });
    });
    figures[`${name}.audit_ms`] = measureInTransaction(app, (tx) => {
      const d = detail();
      writeAudit(tx, {
        at: app.clock.ms,
        actor: actorOf(ctx.user),
        action: 'update',
        entity: 'workOrder',
        entityId: d.id,
        after: { part: line(d) },
      });
    });
    const touch = app.core.database.sqlite.prepare(
      'UPDATE work_orders SET updated_at = updated_at WHERE id = ?',
    );
    figures[`${name}.commit_ms`] = measureSync(() => touch.run(detail().id));
  });

  it('stock.receipt50 (a 50-line purchase receipt)', async () => {
    const lines = stock.parts.map((p) => p.id);
    let offset = 0;
    const nextLines = () => {
      const chosen = Array.from({ length: 50 }, (_, i) => lines[(offset + i * 97) % lines.length] ?? '');
      offset += 1;
      return chosen;
    };
    const supplierId = stock.supplierIds[0] ?? '';
    const sqlite = app.core.database.sqlite;
    const partRow = sqlite.prepare('SELECT on_hand, cost_price FROM parts WHERE id = ?');
    const insertDoc = sqlite.prepare(
      `INSERT INTO stock_documents (id, doc_no, kind, status, supplier_id, posted_at)
       VALUES (?, 'RAW-' || lower(hex(randomblob(8))), 'receipt', 'posted', ?, ?)`,
    );
    const insertLine = sqlite.prepare(
      `INSERT INTO stock_document_lines (id, document_id, line_no, part_id, qty, unit_cost, cost_before, cost_after)
       VALUES (?, ?, ?, ?, 2, 1000, ?, ?)`,
    );
    const insertMovement = sqlite.prepare(
      'INSERT INTO stock_movements (id, part_id, document_id, qty, unit_cost, at) VALUES (?, ?, ?, 2, 1000, ?)',
    );
    const setStock = sqlite.prepare('UPDATE parts SET on_hand = on_hand + 2, cost_price = ? WHERE id = ?');
    await pair(
      'stock.receipt50',
      () =>
        clerk.ok('stock.post', {
          kind: 'receipt',
          supplierId,
          lines: nextLines().map((partId) => ({ partId, qty: 2, unitCost: 1000 })),
        }),
      () => {
        const chosen = nextLines();
        const at = Date.now();
        sqlite.transaction(() => {
          const docId = uuidv7();
          insertDoc.run(docId, supplierId, at);
          chosen.forEach((partId, i) => {
            const p = partRow.get(partId) as { on_hand: number; cost_price: number };
            const after = Math.round((p.on_hand * p.cost_price + 2000) / (p.on_hand + 2));
            insertLine.run(uuidv7(), docId, i + 1, partId, p.cost_price, after);
            insertMovement.run(uuidv7(), partId, docId, at);
            setStock.run(after, partId);
          });
        })();
      },
    );
  });

  it('leaves the ledger balanced after the samples', async () => {
    expect(
      (
        app.core.database.sqlite
          .prepare(
            `SELECT count(*) AS n FROM parts p
             WHERE p.on_hand != (SELECT coalesce(sum(qty), 0) FROM stock_movements m WHERE m.part_id = p.id)`,
          )
          .get() as { n: number }
      ).n,
    ).toBe(0);
  });
});
