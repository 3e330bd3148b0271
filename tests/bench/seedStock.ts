import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../../src/main/db/open';
import { averageCost } from '../../src/main/services/stock/post';
import { rng } from './seedBranch';

const CATEGORIES: [string, string, number][] = [
  // category, part name, typical cost in fen
  ['屏幕', '屏幕总成', 28000],
  ['电池', '电池', 6000],
  ['主板', '主板', 90000],
  ['摄像头', '后置摄像头', 15000],
  ['接口', '尾插排线', 1500],
  ['外壳', '后盖', 4000],
  ['按键', '音量排线', 800],
  ['散热', '散热风扇', 3500],
  ['键盘', '键盘', 9000],
  ['压缩机', '压缩机', 60000],
];
const MODELS = [
  '华为 Mate 60',
  '华为 P60',
  '华为 nova 12',
  '小米 14 Pro',
  'Redmi K70',
  'iPhone 13',
  'iPhone 14 Pro',
  'iPhone 15',
  'OPPO Find X7',
  'OPPO Reno 11',
  'ThinkPad X1',
  '小新 Pro 14',
  '拯救者 Y9000P',
  'XPS 13',
  'iPad Air',
  '美的 KFR-35',
  '海尔 BCD-470',
];
const SUPPLIERS = ['华强北配件行', '深圳鑫源电子', '广州天河数码', '义乌通达配件', '上海徐汇维修供应'];

export interface StockSize {
  parts: number;
  movements: number;
}

export interface SeededStock {
  supplierIds: string[];
  /** Every part with its stock on hand after seeding, in code order. */
  parts: { id: string; code: string; name: string; barcode: string }[];
  documents: number;
  /** The seeded ledger runs over this period (epoch ms). */
  from: number;
  to: number;
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/**
 * A parts catalog and a stock ledger of exactly `size.movements` movements, written straight
 * through SQL in one transaction (the services would take an hour). Documents, as the app posts
 * them: purchase receipts of 50 lines that move the moving-average cost, supplier returns and
 * scraps of several lines, counts, and 领料 of one to three lines on `workOrderIds` with their
 * work-order lines. Stock never goes below zero and each part's on_hand is its ledger sum.
 */
export function seedStock(
  sqlite: Sqlite,
  size: StockSize,
  opts: { now: number; userId: string; workOrderIds: string[] },
): SeededStock {
  const r = rng(20261124);
  const day = 24 * 3600_000;
  // Two days' margin keeps seeded numbers clear of today's sequences in any time zone.
  const from = opts.now - 730 * day;
  const to = opts.now - 2 * day;

  const insertSupplier = sqlite.prepare(
    'INSERT INTO suppliers (id, name, contact, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertPart = sqlite.prepare(
    `INSERT INTO parts (id, code, name, spec, compatible_models, category, unit, barcode, cost_price, sale_price,
       min_stock, location, default_supplier_id, on_hand, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, '个', ?, 0, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertDoc = sqlite.prepare(
    `INSERT INTO stock_documents (id, doc_no, kind, status, supplier_id, reason, work_order_id, created_by, posted_at)
     VALUES (?, ?, ?, 'posted', ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO stock_document_lines (id, document_id, line_no, part_id, qty, counted_qty, unit_cost, cost_before, cost_after)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMovement = sqlite.prepare(
    'INSERT INTO stock_movements (id, part_id, document_id, qty, unit_cost, at, user_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertOrderLine = sqlite.prepare(
    `INSERT INTO work_order_parts (id, work_order_id, part_id, qty, unit_price, unit_cost, covered_by_warranty,
       issue_document_id, added_by, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const setStock = sqlite.prepare('UPDATE parts SET on_hand = ?, cost_price = ? WHERE id = ?');

  const supplierIds: string[] = [];
  const parts: SeededStock['parts'] = [];
  const baseCost: number[] = [];
  const salePrice: number[] = [];
  const onHand: number[] = [];
  const cost: number[] = [];
  let documents = 0;

  sqlite.transaction(() => {
    for (const name of SUPPLIERS) {
      const id = uuidv7();
      insertSupplier.run(
        id,
        name,
        '王经理',
        `0755-${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        from,
        from,
      );
      supplierIds.push(id);
    }
    for (let i = 0; i < size.parts; i++) {
      const id = uuidv7();
      const [category, kind, typical] = pick(r, CATEGORIES);
      const model = pick(r, MODELS);
      const code = `P${String(i + 1).padStart(5, '0')}`;
      const name = `${model} ${kind}`;
      const barcode = `69${String(10_000_000_000 + i * 7919).slice(-11)}`;
      baseCost.push(Math.round(typical * (0.6 + r() * 0.8)));
      salePrice.push(Math.round(((baseCost[i] ?? 0) * 1.6) / 100) * 100);
      onHand.push(0);
      cost.push(0);
      insertPart.run(
        id,
        code,
        name,
        r() < 0.5 ? '原装' : '高仿',
        model,
        category,
        barcode,
        salePrice[i],
        Math.floor(r() * 6),
        `${String.fromCharCode(65 + Math.floor(r() * 8))}-${String(1 + Math.floor(r() * 40)).padStart(2, '0')}`,
        pick(r, supplierIds),
        from,
        from,
      );
      parts.push({ id, code, name, barcode });
    }

    const sequence = new Map<string, number>();
    const docNo = (prefix: string, at: number) => {
      const date = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
      const key = `${prefix}${date}`;
      const seq = (sequence.get(key) ?? 0) + 1;
      sequence.set(key, seq);
      return `${prefix}-BJ01-${date}-${String(seq).padStart(4, '0')}`;
    };
    /** Distinct random part indexes. */
    const someParts = (n: number, usable: (i: number) => boolean) => {
      const chosen = new Set<number>();
      for (let tries = 0; chosen.size < n && tries < n * 20; tries++) {
        const i = Math.floor(r() * size.parts);
        if (usable(i)) chosen.add(i);
      }
      return [...chosen];
    };

    let movements = 0;
    while (movements < size.movements) {
      const at = from + Math.floor((movements / size.movements) * (to - from));
      const left = size.movements - movements;
      const roll = r();
      const id = uuidv7();
      /** Part index, signed quantity, unit cost and counted quantity per line, checked against on hand. */
      let lines: { i: number; qty: number; unitCost: number; counted: number | null }[];
      let kind: string;
      let supplierId: string | null = null;
      let reason = '';
      let workOrderId: string | null = null;
      if (roll < 0.3 || movements < size.parts * 2) {
        kind = 'receipt';
        supplierId = pick(r, supplierIds);
        lines = someParts(Math.min(50, left), () => true).map((i) => ({
          i,
          qty: 1 + Math.floor(r() * 10),
          unitCost: Math.round((baseCost[i] ?? 0) * (0.9 + r() * 0.2)),
          counted: null,
        }));
      } else if (roll < 0.75) {
        kind = 'orderIssue';
        workOrderId = pick(r, opts.workOrderIds);
        lines = someParts(Math.min(1 + Math.floor(r() * 3), left), (i) => (onHand[i] ?? 0) >= 2).map((i) => ({
          i,
          qty: -(1 + Math.floor(r() * 2)),
          unitCost: cost[i] ?? 0,
          counted: null,
        }));
      } else if (roll < 0.9) {
        kind = r() < 0.5 ? 'scrap' : 'supplierReturn';
        supplierId = kind === 'supplierReturn' ? pick(r, supplierIds) : null;
        reason = kind === 'scrap' ? '损坏' : '质量问题';
        lines = someParts(Math.min(10, left), (i) => (onHand[i] ?? 0) >= 1).map((i) => ({
          i,
          qty: -1,
          unitCost: cost[i] ?? 0,
          counted: null,
        }));
      } else {
        kind = 'count';
        reason = '月度盘点';
        lines = someParts(Math.min(20, left), (i) => (onHand[i] ?? 0) >= 3).map((i) => {
          const qty = r() < 0.5 ? -1 - Math.floor(r() * 2) : 1 + Math.floor(r() * 2);
          return { i, qty, unitCost: cost[i] ?? 0, counted: (onHand[i] ?? 0) + qty };
        });
      }
      if (lines.length === 0) continue;
      const prefix =
        { receipt: 'RK', orderIssue: 'LL', scrap: 'BS', supplierReturn: 'TH', count: 'PD' }[kind] ?? 'XX';
      insertDoc.run(id, docNo(prefix, at), kind, supplierId, reason, workOrderId, opts.userId, at);
      documents += 1;
      lines.forEach((line, n) => {
        const part = parts[line.i];
        if (!part) return;
        const before = cost[line.i] ?? 0;
        const stock = onHand[line.i] ?? 0;
        const after = kind === 'receipt' ? averageCost(stock, before, line.qty, line.unitCost) : before;
        onHand[line.i] = stock + line.qty;
        cost[line.i] = after;
        insertLine.run(uuidv7(), id, n + 1, part.id, line.qty, line.counted, line.unitCost, before, after);
        insertMovement.run(uuidv7(), part.id, id, line.qty, line.unitCost, at, opts.userId);
        if (kind === 'orderIssue' && workOrderId) {
          insertOrderLine.run(
            uuidv7(),
            workOrderId,
            part.id,
            -line.qty,
            salePrice[line.i],
            line.unitCost,
            0,
            id,
            opts.userId,
            at,
            at,
          );
        }
      });
      movements += lines.length;
    }
    parts.forEach((p, i) => setStock.run(onHand[i], cost[i], p.id));
  })();
  return { supplierIds, parts, documents, from, to };
}
