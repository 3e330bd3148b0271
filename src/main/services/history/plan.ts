/**
 * The plan of an import: the file's columns resolved through the mapping, every row checked
 * (`rows.ts`), then matched against the shop — customer by phone (else one new customer per phone,
 * or per name for rows without a phone), device by serial/IMEI (else created), technician by name
 * (else kept as text) — and refused where it would touch a closed day or name an unknown category.
 * Matching runs inside the writing transaction, so what the dry run showed is what gets written.
 */
import { localDate } from '@shared/dates';
import { repairWarrantyOn, makerWarrantyOn, type WarrantyStatus } from '@shared/warranty';
import {
  HISTORY_FIELDS,
  MAX_HISTORY_ROWS,
  REQUIRED_HISTORY_FIELDS,
  type HistoryField,
  type HistoryMapping,
} from '@shared/schemas/history';
import type { Db } from '../../db/open';
import type { Queryable } from '../context';
import { readCounter } from '../settings';
import { headerKey, type ReadSheet, type SheetRow } from '../excel/workbook';
import { HISTORY_COLUMNS, suggestColumns } from './columns';
import { readHistoryRow, type HistoryRow, type RowError } from './rows';

type Sqlite = Db['$client'];

export interface Columns {
  /** Field → column number in the file. */
  col: Partial<Record<HistoryField, number>>;
  /** Field → the header shown in errors (the file's, or the template's when unmapped). */
  header: (field: HistoryField) => string;
}

/** The mapping applied to the file's header row; file-level errors when it cannot be. */
export function resolveColumns(
  read: ReadSheet,
  mapping: HistoryMapping | undefined,
  errors: RowError[],
): { columns: Columns; mapping: HistoryMapping } {
  const given = mapping ?? {
    columns: suggestColumns(read.headers.map((h) => h.text)),
    outcomes: {},
    categories: {},
    blankFault: '',
  };
  const byKey = new Map(read.headers.map((h) => [headerKey(h.text), h]));
  const col: Columns['col'] = {};
  const names: Partial<Record<HistoryField, string>> = {};
  for (const field of HISTORY_FIELDS) {
    const header = given.columns[field];
    if (header === undefined) {
      if (REQUIRED_HISTORY_FIELDS.includes(field))
        errors.push({ row: 1, field, code: 'missingColumn', value: '' });
      continue;
    }
    const found = byKey.get(headerKey(header));
    names[field] = header;
    if (!found) errors.push({ row: 1, field, code: 'missingColumn', value: header });
    else col[field] = found.col;
  }
  if (read.rows.length === 0) errors.push({ row: 0, field: 'receivedAt', code: 'noRows', value: '' });
  if (read.rows.length > MAX_HISTORY_ROWS) {
    errors.push({ row: 0, field: 'receivedAt', code: 'tooManyRows', value: String(read.rows.length) });
  }
  const template = (field: HistoryField) => HISTORY_COLUMNS.find((c) => c.key === field)?.zh ?? field;
  return { columns: { col, header: (f) => names[f] ?? template(f) }, mapping: given };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Check every row, yielding between slices so a progress poll is answered. */
export async function checkRows(
  read: ReadSheet,
  columns: Columns,
  mapping: HistoryMapping,
  shop: { now: number; categories: ReadonlySet<string> },
  errors: RowError[],
  progress: (done: number) => void,
): Promise<HistoryRow[]> {
  const reader = {
    cell: (row: SheetRow, field: HistoryField) => {
      const c = columns.col[field];
      return c === undefined ? '' : (row.cells.get(c) ?? '');
    },
  };
  const rows: HistoryRow[] = [];
  for (let i = 0; i < read.rows.length; i += 2000) {
    for (const row of read.rows.slice(i, i + 2000)) {
      const checked = readHistoryRow(reader, row, mapping, shop, errors);
      if (checked) rows.push(checked);
    }
    progress(Math.min(i + 2000, read.rows.length));
    await tick();
  }
  return rows;
}

export interface PlannedOrder {
  row: HistoryRow;
  /** An existing customer's id, or the key of a customer this import makes. */
  customer: { existing: string } | { key: string };
  device: { existing: string } | { key: string };
  /** The device's category and brand, copied onto the order for the reports (as at intake). */
  deviceCategory: string;
  deviceBrand: string;
  technicianId: string | null;
  warranty: WarrantyStatus;
  /** The earlier order (existing id or planned row number) this one comes back on. */
  reworkOf: { existing: string } | { row: number } | null;
}

export interface NewCustomer {
  key: string;
  name: string;
  phone: string;
  createdAt: number;
  row: number;
}
export interface NewDevice {
  key: string;
  customerKey: { existing: string } | { key: string };
  category: string;
  brand: string;
  model: string;
  serialNo: string;
  warrantyEnd: string | null;
  createdAt: number;
  row: number;
}

export interface Plan {
  orders: PlannedOrder[];
  customers: NewCustomer[];
  devices: NewDevice[];
  customersMatched: number;
  devicesMatched: number;
}

function inSlices<T>(values: T[], size: number, run: (slice: T[]) => void): void {
  for (let i = 0; i < values.length; i += size) run(values.slice(i, i + size));
}

/** Days whose latest close event is a close (日结). */
function closedDays(sqlite: Sqlite): Set<string> {
  const rows = sqlite
    .prepare<[], { date: string; action: string }>(
      `SELECT business_date AS date, action FROM day_close_events e
       WHERE at = (SELECT max(at) FROM day_close_events x WHERE x.business_date = e.business_date)`,
    )
    .all();
  return new Set(rows.filter((r) => r.action === 'close').map((r) => r.date));
}

interface Prior {
  id: { existing: string } | { row: number };
  deliveredAt: number;
  repaired: boolean;
  /** When the repair-warranty clock started: the first original's delivery. */
  clock: number;
}

/** Match the checked rows against the shop; refusals go into `errors`. */
export function matchRows(q: Queryable, sqlite: Sqlite, checked: HistoryRow[], errors: RowError[]): Plan {
  const counter = readCounter(q);
  const closed = closedDays(sqlite);
  const users = sqlite
    .prepare<[], { id: string; username: string; displayName: string }>(
      'SELECT id, username, display_name AS displayName FROM users',
    )
    .all();
  const userByName = new Map<string, string>();
  for (const u of users) {
    userByName.set(u.displayName.toLowerCase(), u.id);
    userByName.set(u.username.toLowerCase(), u.id);
  }

  const accepted: HistoryRow[] = [];
  for (const r of checked) {
    let ok = true;
    if (r.paidAt !== null && closed.has(localDate(r.paidAt))) {
      errors.push({ row: r.row, field: 'paidAt', code: 'dayClosed', value: localDate(r.paidAt) });
      ok = false;
    }
    if (ok) accepted.push(r);
  }

  // Existing customers by phone and devices by serial: one query per 500 values.
  const phoneOwner = new Map<string, string>();
  inSlices([...new Set(accepted.map((r) => r.phone).filter(Boolean))], 500, (slice) => {
    const found = sqlite
      .prepare<string[], { phone: string; id: string }>(
        `SELECT p.phone, c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id
         WHERE c.merged_into_id IS NULL AND p.phone IN (${slice.map(() => '?').join(',')})
         ORDER BY c.created_at`,
      )
      .all(...slice);
    for (const f of found) if (!phoneOwner.has(f.phone)) phoneOwner.set(f.phone, f.id);
  });
  const deviceBySerial = new Map<
    string,
    { id: string; warrantyEnd: string | null; category: string; brand: string }
  >();
  inSlices([...new Set(accepted.map((r) => r.serialNo).filter(Boolean))], 500, (slice) => {
    const found = sqlite
      .prepare<
        string[],
        { serialNo: string; id: string; warrantyEnd: string | null; category: string; brand: string }
      >(
        `SELECT serial_no AS serialNo, id, warranty_end AS warrantyEnd, category, brand FROM devices
         WHERE serial_no IN (${slice.map(() => '?').join(',')}) ORDER BY created_at`,
      )
      .all(...slice);
    for (const f of found) if (!deviceBySerial.has(f.serialNo)) deviceBySerial.set(f.serialNo, f);
  });

  const customers = new Map<string, NewCustomer>();
  const devices = new Map<string, NewDevice>();
  const matchedCustomers = new Set<string>();
  const matchedDevices = new Set<string>();
  const planned: PlannedOrder[] = [];
  // Oldest first: a customer or device is created on its first visit, and reworks follow deliveries.
  accepted.sort((a, b) => a.receivedAt - b.receivedAt || a.row - b.row);
  for (const r of accepted) {
    let customer: PlannedOrder['customer'];
    const owner = r.phone ? phoneOwner.get(r.phone) : undefined;
    if (owner) {
      customer = { existing: owner };
      matchedCustomers.add(owner);
    } else {
      // Same phone → same customer; without a phone, the same name within this file.
      const key = r.phone ? `p:${r.phone}` : `n:${r.customerName}`;
      if (!customers.has(key)) {
        customers.set(key, {
          key,
          name: r.customerName,
          phone: r.phone,
          createdAt: r.receivedAt,
          row: r.row,
        });
      }
      customer = { key };
    }
    let device: PlannedOrder['device'];
    let kind = { category: r.category, brand: r.brand };
    let warrantyEnd = r.warrantyEnd;
    const known = r.serialNo ? deviceBySerial.get(r.serialNo) : undefined;
    if (known) {
      device = { existing: known.id };
      matchedDevices.add(known.id);
      warrantyEnd = r.warrantyEnd ?? known.warrantyEnd;
      kind = known;
    } else {
      // Without a serial each row is its own device: nothing says two rows are the same one.
      const key = r.serialNo ? `s:${r.serialNo}` : `r:${r.row}`;
      if (!devices.has(key)) {
        devices.set(key, {
          key,
          customerKey: customer,
          category: r.category,
          brand: r.brand,
          model: r.model,
          serialNo: r.serialNo,
          warrantyEnd: r.warrantyEnd,
          createdAt: r.receivedAt,
          row: r.row,
        });
      }
      const made = devices.get(key);
      if (made) kind = made;
      device = { key };
    }
    planned.push({
      row: r,
      customer,
      device,
      deviceCategory: kind.category,
      deviceBrand: kind.brand,
      technicianId: r.technician ? (userByName.get(r.technician.toLowerCase()) ?? null) : null,
      warranty: makerWarrantyOn(warrantyEnd, localDate(r.receivedAt)) ? 'in' : 'out',
      reworkOf: null,
    });
  }
  detectReworks(sqlite, planned, counter.repairWarrantyDays);
  return {
    orders: planned,
    customers: [...customers.values()],
    devices: [...devices.values()],
    customersMatched: matchedCustomers.size,
    devicesMatched: matchedDevices.size,
  };
}

/**
 * 返修: an order received while an earlier repair of the same device is under our repair warranty
 * (counted from the first original's delivery, as at the counter) comes back on that repair.
 */
function detectReworks(sqlite: Sqlite, planned: PlannedOrder[], days: number): void {
  if (days <= 0) return;
  const priors = new Map<string, Prior[]>();
  const keyOf = (d: PlannedOrder['device']) => ('existing' in d ? d.existing : d.key);
  const existingIds = [
    ...new Set(planned.flatMap((p) => ('existing' in p.device ? [p.device.existing] : []))),
  ];
  inSlices(existingIds, 500, (slice) => {
    const rows = sqlite
      .prepare<string[], { id: string; deviceId: string; deliveredAt: number; outcome: string | null }>(
        `SELECT id, device_id AS deviceId, delivered_at AS deliveredAt, outcome FROM work_orders
         WHERE delivered_at IS NOT NULL AND device_id IN (${slice.map(() => '?').join(',')})
         ORDER BY delivered_at`,
      )
      .all(...slice);
    for (const o of rows) {
      const list = priors.get(o.deviceId) ?? [];
      list.push({
        id: { existing: o.id },
        deliveredAt: o.deliveredAt,
        repaired: o.outcome === 'repaired',
        clock: o.deliveredAt,
      });
      priors.set(o.deviceId, list);
    }
  });
  for (const p of planned) {
    const list = priors.get(keyOf(p.device)) ?? [];
    const day = localDate(p.row.receivedAt);
    const last = list.filter((o) => o.deliveredAt <= p.row.receivedAt).at(-1);
    let clock: number | null = null;
    if (last?.repaired && repairWarrantyOn(last.clock, days, day)) {
      p.reworkOf = last.id;
      p.warranty = 'repair';
      clock = last.clock;
    }
    if (p.row.deliveredAt !== null) {
      list.push({
        id: { row: p.row.row },
        deliveredAt: p.row.deliveredAt,
        repaired: p.row.outcome === 'repaired',
        clock: clock ?? p.row.deliveredAt,
      });
      list.sort((a, b) => a.deliveredAt - b.deliveredAt);
      priors.set(keyOf(p.device), list);
    }
  }
}
