import { v7 as uuidv7 } from 'uuid';
import type { Sqlite } from '../../src/main/db/open';
import { localDate } from '../../src/shared/dates';
import { rng } from './seedBranch';

const METHODS = ['cash', 'wechat', 'wechat', 'wechat', 'alipay', 'alipay', 'card', 'transfer', 'onAccount'];
const LABOR: [string, string, number, number][] = [
  ['WX', '维修工时', 8000, 1],
  ['JC', '检测费', 3000, 0.5],
  ['WX2', '主板维修工时', 20000, 2.5],
];
const FEES: [string, string, number][] = [
  ['SM', '上门费', 5000],
  ['JJ', '加急费', 3000],
];
const PARTS: [string, string, number][] = [
  ['SCR', '屏幕总成', 45000],
  ['BAT', '电池', 15000],
  ['CAM', '后置摄像头', 22000],
  ['FAN', '散热风扇', 6000],
];

export interface SeededMoney {
  settlements: number;
  lines: number;
  payments: number;
  reworks: number;
}

/**
 * Money on a seeded branch, straight through SQL like seedBranch: every delivered order settled at
 * its delivery (labor, a part on 60 %, a fee on 20 %; covered by warranty when the order is 'in'),
 * paid in full by one method on that day. 2 % are voided two days later (with the reversing
 * payment), 1 % get a partial refund. 2 % of orders become reworks (inside the repair-warranty
 * window) of an earlier delivered order of the same technician.
 */
export function seedReports(sqlite: Sqlite, opts: { userId: string }): SeededMoney {
  const r = rng(20261125);
  const day = 86_400_000;
  const orders = sqlite
    .prepare(
      `SELECT id, technician_id AS tech, warranty_status AS warranty, status, created_at AS createdAt,
        delivered_at AS deliveredAt FROM work_orders ORDER BY created_at`,
    )
    .all() as {
    id: string;
    tech: string | null;
    warranty: string;
    status: string;
    createdAt: number;
    deliveredAt: number | null;
  }[];
  const insertSettlement = sqlite.prepare(
    `INSERT INTO settlements (id, settlement_no, work_order_id, status, subtotal, warranty_value, discount_type,
       discount_value, discount_amount, rounding, total, created_by, created_at, voided_at, voided_by, void_reason)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = sqlite.prepare(
    `INSERT INTO settlement_lines (id, settlement_id, line_no, kind, source_id, code, name, qty, unit_price, amount,
       covered_by_warranty, list_amount, cost) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCharge = sqlite.prepare(
    `INSERT INTO work_order_charges (id, work_order_id, kind, item_code, name, technician_id, hours, amount,
       covered_by_warranty, added_by, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = sqlite.prepare(
    `INSERT INTO payments (id, settlement_id, method, amount, reason, business_date, at, user_id, reverses_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const markRework = sqlite.prepare(
    "UPDATE work_orders SET rework_of_id = ?, warranty_status = 'repair', warranty_computed = 'repair' WHERE id = ?",
  );
  const seeded: SeededMoney = { settlements: 0, lines: 0, payments: 0, reworks: 0 };
  const recentDelivered: { id: string; deliveredAt: number }[] = [];

  sqlite.transaction(() => {
    for (const o of orders) {
      // A rework: back within 90 days of an earlier delivery.
      const earlier = recentDelivered[Math.floor(r() * recentDelivered.length)];
      if (
        earlier &&
        r() < 0.02 &&
        earlier.deliveredAt < o.createdAt &&
        o.createdAt - earlier.deliveredAt < 90 * day
      ) {
        markRework.run(earlier.id, o.id);
        seeded.reworks += 1;
      }
      if (o.deliveredAt === null) continue;
      recentDelivered.push({ id: o.id, deliveredAt: o.deliveredAt });
      if (recentDelivered.length > 2000) recentDelivered.shift();

      const at = o.deliveredAt;
      const covered = o.warranty === 'in' ? 1 : 0;
      const id = uuidv7();
      const lines: {
        kind: string;
        sourceId: string;
        code: string;
        name: string;
        qty: number;
        price: number;
      }[] = [];
      const [lcode, lname, lprice, lhours] = LABOR[Math.floor(r() * LABOR.length)] as (typeof LABOR)[number];
      const chargeId = uuidv7();
      insertCharge.run(
        chargeId,
        o.id,
        'labor',
        lcode,
        lname,
        o.tech,
        lhours,
        lprice,
        covered,
        opts.userId,
        at,
        at,
      );
      lines.push({ kind: 'labor', sourceId: chargeId, code: lcode, name: lname, qty: 1, price: lprice });
      if (r() < 0.6) {
        const [pcode, pname, pprice] = PARTS[Math.floor(r() * PARTS.length)] as (typeof PARTS)[number];
        lines.push({ kind: 'part', sourceId: uuidv7(), code: pcode, name: pname, qty: 1, price: pprice });
      }
      if (r() < 0.2) {
        const [fcode, fname, fprice] = FEES[Math.floor(r() * FEES.length)] as (typeof FEES)[number];
        const feeId = uuidv7();
        insertCharge.run(feeId, o.id, 'fee', fcode, fname, null, 0, fprice, 0, opts.userId, at, at);
        lines.push({ kind: 'fee', sourceId: feeId, code: fcode, name: fname, qty: 1, price: fprice });
      }
      let subtotal = 0;
      let warranty = 0;
      const amounts = lines.map((l) => {
        const list = l.qty * l.price;
        const isCovered = covered && l.kind !== 'fee';
        if (isCovered) warranty += list;
        else subtotal += list;
        return { list, amount: isCovered ? 0 : list, isCovered };
      });
      const discount = r() < 0.1 ? Math.min(subtotal, 1000) : 0;
      const total = subtotal - discount;
      const voided = r() < 0.02;
      const voidAt = at + 2 * day;
      insertSettlement.run(
        id,
        `JS-SEED-${String(seeded.settlements + 1).padStart(7, '0')}`,
        o.id,
        voided ? 'void' : 'active',
        subtotal,
        warranty,
        discount ? 'amount' : 'none',
        discount,
        discount,
        total,
        opts.userId,
        at,
        voided ? voidAt : null,
        voided ? opts.userId : null,
        voided ? '录错' : null,
      );
      seeded.settlements += 1;
      lines.forEach((l, i) => {
        const a = amounts[i] as (typeof amounts)[number];
        insertLine.run(
          uuidv7(),
          id,
          i + 1,
          l.kind,
          l.sourceId,
          l.code,
          l.name,
          l.qty,
          l.price,
          a.amount,
          a.isCovered ? 1 : 0,
          a.list,
          0,
        );
        seeded.lines += 1;
      });
      if (total > 0) {
        const method = METHODS[Math.floor(r() * METHODS.length)] as string;
        const payId = uuidv7();
        insertPayment.run(payId, id, method, total, '', localDate(at), at, opts.userId, null);
        seeded.payments += 1;
        if (voided) {
          insertPayment.run(
            uuidv7(),
            id,
            method,
            -total,
            '录错',
            localDate(voidAt),
            voidAt,
            opts.userId,
            payId,
          );
          seeded.payments += 1;
        } else if (r() < 0.01 && method !== 'onAccount') {
          const refundAt = at + day;
          const refund = Math.ceil(total / 2);
          insertPayment.run(
            uuidv7(),
            id,
            method,
            -refund,
            '部分退款',
            localDate(refundAt),
            refundAt,
            opts.userId,
            null,
          );
          seeded.payments += 1;
        }
      }
    }
  })();
  return seeded;
}
