/**
 * Writing a planned import, inside the caller's transaction: customers and devices created on
 * their first visit's date, orders with their historic received / delivered times and timeline,
 * labor and parts as charge lines (parts without any stock document or movement), a settlement on
 * the delivery date and the payment on its own historic business day. Raw prepared statements:
 * 20,000 orders must write in seconds.
 */
import { v7 as uuidv7 } from 'uuid';
import { localDate } from '@shared/dates';
import { LABELS } from '@shared/labels';
import type { Db } from '../../db/open';
import type { UserRecord } from '../../db/schema';
import type { Tx } from '../context';
import { initialsFor } from '../customers/records';
import { readCounter, readShop } from '../settings';
import type { Plan } from './plan';

type Sqlite = Db['$client'];
const HOUR = 3600_000;

/** Rows added per table: an undo removes exactly these. */
export type Added = Record<string, number>;

export const LABOR_CODE = 'HIST-LABOR';
export const PARTS_CODE = 'HIST-PARTS';

function statements(sqlite: Sqlite) {
  return {
    customer: sqlite.prepare(
      `INSERT INTO customers (id, code, name, initials, type, level, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'individual', ?, ?, ?)`,
    ),
    codeTaken: sqlite.prepare('SELECT 1 FROM customers WHERE code = ?').pluck(),
    sequence: sqlite
      .prepare<[string], number>(
        `INSERT INTO sequences (name, value) VALUES (?, 1)
         ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
      )
      .pluck(),
    orderNoTaken: sqlite.prepare('SELECT 1 FROM work_orders WHERE order_no = ?').pluck(),
    settlementNoTaken: sqlite.prepare('SELECT 1 FROM settlements WHERE settlement_no = ?').pluck(),
    phone: sqlite.prepare(
      `INSERT INTO customer_phones (id, customer_id, phone, phone_reversed, label, position) VALUES (?, ?, ?, ?, '', 0)`,
    ),
    device: sqlite.prepare(
      `INSERT INTO devices (id, customer_id, category, brand, model, serial_no, warranty_end, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    order: sqlite.prepare(
      `INSERT INTO work_orders (id, order_no, customer_id, device_id, status, channel, service_type, priority,
         reported_fault, warranty_status, warranty_computed, rework_of_id, promised_at, technician_id, diagnosis,
         ready_at, delivered_at, outcome, cancel_reason, created_by, created_at, updated_at, device_category, device_brand)
       VALUES (?, ?, ?, ?, ?, 'walkIn', 'repair', 'normal', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: sqlite.prepare(
      `INSERT INTO work_order_events (id, work_order_id, at, user_id, username, kind, from_status, to_status, note, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    charge: sqlite.prepare(
      `INSERT INTO work_order_charges (id, work_order_id, kind, item_code, name, technician_id, hours, amount,
         covered_by_warranty, added_by, added_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?)`,
    ),
    settlement: sqlite.prepare(
      `INSERT INTO settlements (id, settlement_no, work_order_id, status, subtotal, warranty_value, discount_type,
         discount_value, discount_amount, rounding, total, deposit_credited, created_by, created_at)
       VALUES (?, ?, ?, 'active', ?, 0, 'none', 0, 0, 0, ?, 0, ?, ?)`,
    ),
    line: sqlite.prepare(
      `INSERT INTO settlement_lines (id, settlement_id, line_no, kind, source_id, code, name, qty, unit_price, amount,
         covered_by_warranty, list_amount, cost)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, 0)`,
    ),
    payment: sqlite.prepare(
      `INSERT INTO payments (id, settlement_id, method, amount, business_date, at, user_id)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    item: sqlite.prepare(
      `INSERT INTO history_import_items (import_id, entity, entity_id, row, source_no, technician_name)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
  };
}

type Statements = ReturnType<typeof statements>;

/**
 * The next free number from a named counter, as services/sequences.ts and the order, settlement and
 * customer numbers do it (never reused, a taken one skipped), on prepared statements for speed.
 */
function nextFree(
  s: Statements,
  counter: string,
  format: (seq: number) => string,
  taken: (no: string) => unknown,
) {
  for (;;) {
    const no = format(s.sequence.get(counter) ?? 1);
    if (!taken(no)) return no;
  }
}

export interface WriteInput {
  importId: string;
  fileName: string;
  user: UserRecord;
  plan: Plan;
  now: number;
  onProgress: (done: number) => void;
}

export function writePlan(tx: Tx, sqlite: Sqlite, w: WriteInput): Added {
  const s = statements(sqlite);
  const counter = readCounter(tx);
  const branch = readShop(tx)?.branchCode ?? 'XX';
  const level = counter.customerLevels[0] ?? '普通';
  const words = LABELS.outcomes['zh-CN'];
  const added: Added = {
    customers: 0,
    customer_phones: 0,
    devices: 0,
    work_orders: 0,
    work_order_events: 0,
    work_order_charges: 0,
    settlements: 0,
    settlement_lines: 0,
    payments: 0,
  };
  const bump = (table: string) => (added[table] = (added[table] ?? 0) + 1);
  const user = w.user;

  const customerId = new Map<string, string>();
  for (const c of w.plan.customers) {
    const id = uuidv7();
    customerId.set(c.key, id);
    const code = nextFree(
      s,
      'customer',
      (n) => `KH${String(n).padStart(6, '0')}`,
      (no) => s.codeTaken.get(no),
    );
    s.customer.run(id, code, c.name, initialsFor(c.name, 'individual'), level, c.createdAt, w.now);
    bump('customers');
    if (c.phone) {
      s.phone.run(uuidv7(), id, c.phone, [...c.phone].reverse().join(''));
      bump('customer_phones');
    }
    s.item.run(w.importId, 'customer', id, c.row, '', '');
  }
  const ownerOf = (k: { existing: string } | { key: string }) =>
    'existing' in k ? k.existing : (customerId.get(k.key) ?? '');
  const deviceId = new Map<string, string>();
  for (const d of w.plan.devices) {
    const id = uuidv7();
    deviceId.set(d.key, id);
    s.device.run(
      id,
      ownerOf(d.customerKey),
      d.category,
      d.brand,
      d.model,
      d.serialNo,
      d.warrantyEnd,
      d.createdAt,
      w.now,
    );
    bump('devices');
    s.item.run(w.importId, 'device', id, d.row, '', '');
  }

  const orderIdOfRow = new Map<number, string>();
  let done = 0;
  for (const p of w.plan.orders) {
    const r = p.row;
    const id = uuidv7();
    orderIdOfRow.set(r.row, id);
    const cancelled = r.outcome === 'cancelled';
    const closedAt = r.deliveredAt ?? r.receivedAt;
    const day = localDate(r.receivedAt).replaceAll('-', '');
    // As workOrders/numbers.ts: BJ01-20210305-0001, the day of intake.
    const orderNo = nextFree(
      s,
      `workOrder:${branch}:${day}`,
      (n) => `${branch}-${day}-${String(n).padStart(4, '0')}`,
      (no) => s.orderNoTaken.get(no),
    );
    const reworkOf =
      p.reworkOf === null
        ? null
        : 'existing' in p.reworkOf
          ? p.reworkOf.existing
          : (orderIdOfRow.get(p.reworkOf.row) ?? null);
    const promisedAt = r.receivedAt + counter.slaHours.normal * HOUR;
    s.order.run(
      id,
      orderNo,
      ownerOf(p.customer),
      'existing' in p.device ? p.device.existing : (deviceId.get(p.device.key) ?? ''),
      cancelled ? 'cancelled' : 'delivered',
      r.reportedFault,
      p.warranty,
      p.warranty,
      reworkOf,
      promisedAt,
      p.technicianId,
      r.diagnosis,
      cancelled ? null : r.deliveredAt,
      cancelled ? null : r.deliveredAt,
      r.outcome,
      cancelled ? words.cancelled : null,
      user.id,
      r.receivedAt,
      closedAt,
      p.deviceCategory,
      p.deviceBrand,
    );
    bump('work_orders');
    s.item.run(w.importId, 'workOrder', id, r.row, r.sourceNo, p.technicianId === null ? r.technician : '');
    // The timeline as it happened: received, then delivered (or cancelled), at the file's times.
    const note = `${w.fileName} #${r.row}${r.sourceNo ? ` (${r.sourceNo})` : ''}`;
    const created = {
      orderNo,
      warrantyComputed: p.warranty,
      technicianId: p.technicianId,
      reworkOfId: reworkOf,
      promisedAt,
      estimate: null,
    };
    s.event.run(
      uuidv7(),
      id,
      r.receivedAt,
      user.id,
      user.username,
      'created',
      null,
      'received',
      note,
      JSON.stringify(created),
    );
    s.event.run(
      uuidv7(),
      id,
      closedAt,
      user.id,
      user.username,
      'status',
      'received',
      cancelled ? 'cancelled' : 'delivered',
      '',
      null,
    );
    added.work_order_events = (added.work_order_events ?? 0) + 2;

    const total = r.labor + r.parts;
    if (total > 0) {
      const lines: {
        kind: 'labor' | 'part';
        code: string;
        name: string;
        amount: number;
        chargeKind: string;
      }[] = [];
      if (r.labor > 0)
        lines.push({ kind: 'labor', code: LABOR_CODE, name: '工时费', amount: r.labor, chargeKind: 'labor' });
      // Historic parts: a fee line on the order and a part line on the bill; no stock is touched.
      if (r.parts > 0)
        lines.push({ kind: 'part', code: PARTS_CODE, name: '配件费', amount: r.parts, chargeKind: 'fee' });
      const settlementId = uuidv7();
      const settleDay = localDate(closedAt).replaceAll('-', '');
      // As settlements/numbers.ts: JS-BJ01-20210307-0001, the day it was settled.
      const settlementNo = nextFree(
        s,
        `settlement:JS:${branch}:${settleDay}`,
        (n) => `JS-${branch}-${settleDay}-${String(n).padStart(4, '0')}`,
        (no) => s.settlementNoTaken.get(no),
      );
      s.settlement.run(settlementId, settlementNo, id, total, total, user.id, closedAt);
      bump('settlements');
      lines.forEach((l, i) => {
        const chargeId = uuidv7();
        s.charge.run(
          chargeId,
          id,
          l.chargeKind,
          l.code,
          l.name,
          p.technicianId,
          l.amount,
          user.id,
          closedAt,
          closedAt,
        );
        bump('work_order_charges');
        s.line.run(
          uuidv7(),
          settlementId,
          i + 1,
          l.kind,
          chargeId,
          l.code,
          l.name,
          l.amount,
          l.amount,
          l.amount,
        );
        bump('settlement_lines');
      });
      const createdEvent = {
        action: 'create',
        settlementId,
        settlementNo,
        subtotal: total,
        discountAmount: 0,
        rounding: 0,
        total,
      };
      s.event.run(
        uuidv7(),
        id,
        closedAt,
        user.id,
        user.username,
        'settlement',
        null,
        null,
        '',
        JSON.stringify(createdEvent),
      );
      bump('work_order_events');
      if (r.paid > 0 && r.method !== null && r.paidAt !== null) {
        const paymentId = uuidv7();
        s.payment.run(paymentId, settlementId, r.method, r.paid, localDate(r.paidAt), r.paidAt, user.id);
        bump('payments');
        const pay = {
          action: 'pay',
          settlementId,
          settlementNo,
          paymentId,
          method: r.method,
          amount: r.paid,
          paid: r.paid,
          paymentStatus: r.paid >= total ? 'paid' : 'partlyPaid',
        };
        s.event.run(
          uuidv7(),
          id,
          r.paidAt,
          user.id,
          user.username,
          'settlement',
          null,
          null,
          '',
          JSON.stringify(pay),
        );
        bump('work_order_events');
      }
    }
    done += 1;
    if (done % 1000 === 0) w.onProgress(done);
  }
  return added;
}
