import { sql, type SQL } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import type { SearchResult } from '@shared/schemas/search';
import { OPEN_STATUSES, type WorkOrderStatus } from '@shared/workOrderStatus';
import type { Queryable } from './context';
import { deviceLabel } from './workOrders/rows';
import { looksLikeInitials } from './pinyin';

/** Above every character, so `x >= p AND x < p + PREFIX_END` is "starts with p" on an index. */
export const PREFIX_END = '\u{10FFFF}';

/** Length in characters (code points), which is what the trigram tokenizer counts. */
export function charLength(s: string): number {
  return [...s].length;
}

/** `%s%` for LIKE … ESCAPE '\'. */
export function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

/** The query as one FTS5 phrase: a substring match on the trigram index. */
export function ftsPhrase(s: string): string {
  return `"${s.replaceAll('"', '""')}"`;
}

/** "138 0013-8000" → "13800138000"; null when the query is not a phone number. */
export function phoneDigits(q: string): string | null {
  const digits = q.replace(/[\s\-()+]/g, '');
  return /^\d+$/.test(digits) ? digits : null;
}

const openList = sql.join(
  OPEN_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

interface CustomerHit {
  id: string;
  code: string;
  name: string;
  phone: string;
  level: string;
  archivedAt: number | null;
}

interface DeviceHit {
  id: string;
  customerId: string;
  customerName: string;
  brand: string;
  model: string;
  category: string;
  serialNo: string;
  archivedAt: number | null;
}

interface OrderHit {
  id: string;
  orderNo: string;
  status: WorkOrderStatus;
  customerName: string;
  brand: string;
  model: string;
  category: string;
}

/**
 * Collects hits tier by tier (exact before prefix before substring), each tier an index lookup
 * with a LIMIT, and stops as soon as the group is full, so a common query never scans.
 * Within a tier, records in use come before archived ones.
 */
class Tiers<T extends { id: string }> {
  readonly hits: T[] = [];
  private readonly seen = new Set<string>();
  constructor(
    private readonly limit: number,
    private readonly archived: (hit: T) => boolean = () => false,
  ) {}
  get full(): boolean {
    return this.hits.length >= this.limit;
  }
  /** Rows to ask a tier for: the room left plus what is already found, which it may return again. */
  get want(): number {
    return this.limit;
  }
  add(rows: T[]): T[] {
    const added: T[] = [];
    const ordered = [...rows].sort((a, b) => Number(this.archived(a)) - Number(this.archived(b)));
    for (const hit of ordered) {
      if (this.full) break;
      if (this.seen.has(hit.id)) continue;
      this.seen.add(hit.id);
      this.hits.push(hit);
      added.push(hit);
    }
    return added;
  }
}

const primaryPhone = sql`coalesce((SELECT p0.phone FROM customer_phones p0 WHERE p0.customer_id = c.id
  ORDER BY p0.position LIMIT 1), '')`;

function customersWhere(q: Queryable, where: SQL, n: number, order: SQL = sql``): CustomerHit[] {
  return q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
    c.archived_at AS archivedAt FROM customers c
    WHERE c.merged_into_id IS NULL AND ${where} ${order} LIMIT ${n}`);
}

/** Matches on a phone number show that number, not the primary one. */
function customersByPhone(q: Queryable, where: SQL, n: number, order: SQL = sql``): CustomerHit[] {
  return q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, p.phone, c.level, c.archived_at AS archivedAt
    FROM customer_phones p JOIN customers c ON c.id = p.customer_id
    WHERE c.merged_into_id IS NULL AND ${where} ${order} LIMIT ${n}`);
}

function range(column: SQL, prefix: string): SQL {
  return sql`(${column} >= ${prefix} AND ${column} < ${prefix + PREFIX_END})`;
}

/** Tiers after which a customer counts as "the one meant": their orders join the results. */
const STRONG_CUSTOMER_TIER = 4;

function searchCustomers(
  q: Queryable,
  text: string,
  limit: number,
): { hits: CustomerHit[]; strong: string[] } {
  const t = new Tiers<CustomerHit>(limit, (c) => c.archivedAt !== null);
  const upper = text.toUpperCase();
  const lower = text.toLowerCase();
  const digits = phoneDigits(text);
  const initials = looksLikeInitials(text);
  const len = charLength(text);
  const steps: [number, () => CustomerHit[]][] = [];
  // Exact tiers are small: sort them so a customer in use comes before an archived one.
  const inUseFirst = sql`ORDER BY c.archived_at IS NOT NULL`;
  const byPhoneOrder = sql`ORDER BY c.archived_at IS NOT NULL, c.code`;
  if (digits) steps.push([1, () => customersByPhone(q, sql`p.phone = ${digits}`, t.want, byPhoneOrder)]);
  steps.push([2, () => customersWhere(q, sql`c.code = ${upper}`, t.want)]);
  steps.push([3, () => customersWhere(q, sql`c.name = ${text}`, t.want, inUseFirst)]);
  if (digits && digits.length >= 4) {
    const rev = [...digits].reverse().join('');
    steps.push([4, () => customersByPhone(q, range(sql`p.phone_reversed`, rev), t.want, byPhoneOrder)]);
  }
  if (initials) steps.push([5, () => customersWhere(q, sql`c.initials = ${lower}`, t.want, inUseFirst)]);
  steps.push([6, () => customersWhere(q, range(sql`c.name`, text), t.want)]);
  if (initials) steps.push([7, () => customersWhere(q, range(sql`c.initials`, lower), t.want)]);
  if (digits && digits.length >= 3) {
    steps.push([8, () => customersByPhone(q, range(sql`p.phone`, digits), t.want)]);
  }
  steps.push([9, () => customersWhere(q, range(sql`c.code`, upper), t.want)]);
  if (len >= 3) {
    steps.push([
      10,
      () =>
        q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
          c.archived_at AS archivedAt
          FROM customer_search_fts f JOIN customer_search s ON s.doc = f.rowid
          JOIN customers c ON c.id = s.customer_id
          WHERE customer_search_fts MATCH ${ftsPhrase(text)} AND c.merged_into_id IS NULL
          ORDER BY f.rowid DESC LIMIT ${t.want}`),
    ]);
  } else if (/[^\x20-\x7e]/.test(text)) {
    // One or two Chinese characters: too short for trigrams, so a LIKE scan of the narrow search
    // table, newest first (a backwards scan, no sort), that stops at the limit.
    const like = likeContains(text);
    steps.push([
      10,
      () =>
        q.all<CustomerHit>(sql`SELECT c.id, c.code, c.name, ${primaryPhone} AS phone, c.level,
          c.archived_at AS archivedAt
          FROM customer_search s JOIN customers c ON c.id = s.customer_id
          WHERE (s.name LIKE ${like} ESCAPE ${'\\'} OR s.company LIKE ${like} ESCAPE ${'\\'})
            AND c.merged_into_id IS NULL
          ORDER BY s.doc DESC LIMIT ${t.want}`),
    ]);
  }
  const strong: string[] = [];
  for (const [tier, run] of steps) {
    if (t.full) break;
    const added = t.add(run());
    if (tier <= STRONG_CUSTOMER_TIER) strong.push(...added.map((c) => c.id));
  }
  return { hits: t.hits, strong };
}

function devicesWhere(q: Queryable, from: SQL, where: SQL, order: SQL, n: number): DeviceHit[] {
  return q.all<DeviceHit>(sql`SELECT d.id, d.customer_id AS customerId, c.name AS customerName, d.brand,
    d.model, d.category, d.serial_no AS serialNo, d.archived_at AS archivedAt
    FROM ${from} JOIN customers c ON c.id = d.customer_id
    WHERE c.merged_into_id IS NULL AND ${where} ORDER BY ${order} LIMIT ${n}`);
}

function searchDevices(q: Queryable, text: string, limit: number): { hits: DeviceHit[]; strong: string[] } {
  const t = new Tiers<DeviceHit>(limit, (d) => d.archivedAt !== null);
  const serial = text.toUpperCase();
  const plain = sql`devices d`;
  const strong: string[] = [];
  const exact = t.add(devicesWhere(q, plain, sql`d.serial_no = ${serial}`, sql`d.created_at DESC`, t.want));
  strong.push(...exact.map((d) => d.id));
  if (!t.full && charLength(serial) >= 2) {
    const prefix = devicesWhere(q, plain, range(sql`d.serial_no`, serial), sql`d.serial_no`, t.want);
    strong.push(...t.add(prefix).map((d) => d.id));
  }
  if (!t.full && charLength(text) >= 3) {
    // Serial / IMEI / VIN anywhere inside (the last digits of an IMEI), brand or model.
    const from = sql`device_search_fts f JOIN device_search s ON s.doc = f.rowid JOIN devices d ON d.id = s.device_id`;
    const where = sql`device_search_fts MATCH ${ftsPhrase(text)}`;
    const hits = t.add(devicesWhere(q, from, where, sql`f.rowid DESC`, t.want));
    strong.push(...hits.filter((d) => d.serialNo.includes(serial)).map((d) => d.id));
  }
  return { hits: t.hits, strong };
}

function ordersWhere(q: Queryable, where: SQL, order: SQL, n: number): OrderHit[] {
  return q.all<OrderHit>(sql`SELECT w.id, w.order_no AS orderNo, w.status, c.name AS customerName,
    d.brand, d.model, d.category
    FROM work_orders w JOIN customers c ON c.id = w.customer_id JOIN devices d ON d.id = w.device_id
    WHERE ${where} ORDER BY ${order} LIMIT ${n}`);
}

function inList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

function searchOrders(
  q: Queryable,
  text: string,
  limit: number,
  related: { customerIds: string[]; deviceIds: string[] },
): { hits: OrderHit[]; exactOrderId: string | null } {
  const t = new Tiers<OrderHit>(limit);
  const upper = text.toUpperCase();
  const exact = t.add(ordersWhere(q, sql`w.order_no IN (${upper}, ${text})`, sql`w.order_no`, 2));
  const exactOrderId = exact.length === 1 && exact[0] ? exact[0].id : null;
  if (!t.full && charLength(upper) >= 2) {
    t.add(ordersWhere(q, range(sql`w.order_no`, upper), sql`w.order_no DESC`, t.want));
  }
  // The orders of the customer or device the query pins down: open ones first, then the newest.
  const owners: SQL[] = [];
  if (related.customerIds.length) owners.push(sql`w.customer_id IN (${inList(related.customerIds)})`);
  if (related.deviceIds.length) owners.push(sql`w.device_id IN (${inList(related.deviceIds)})`);
  if (!t.full && owners.length) {
    t.add(
      ordersWhere(
        q,
        sql`(${sql.join(owners, sql` OR `)})`,
        sql`w.status IN (${openList}) DESC, w.created_at DESC`,
        t.want,
      ),
    );
  }
  return { hits: t.hits, exactOrderId };
}

/**
 * The counter's one search box. Grouped customers / devices / work orders, exact matches first:
 * phone (whole, last 4+ digits, or leading digits), name (any Chinese substring; 3+ characters on
 * the trigram index), pinyin initials (zs → 张三), customer code, serial / IMEI / VIN and order
 * number. A query that is exactly one order number (a scanner's input) sets exactOrderId.
 * Archived customers show, marked; merged ones never.
 */
export function searchGlobal(q: Queryable, input: ParsedInputOf<'search.global'>): SearchResult {
  const text = input.q;
  const customers = searchCustomers(q, text, input.limit);
  const devices = searchDevices(q, text, input.limit);
  const orders = searchOrders(q, text, input.limit, {
    customerIds: customers.strong.slice(0, 3),
    deviceIds: devices.strong.slice(0, 3),
  });
  return {
    customers: customers.hits.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      phone: c.phone,
      level: c.level,
      archived: c.archivedAt !== null,
    })),
    devices: devices.hits.map((d) => ({
      id: d.id,
      customerId: d.customerId,
      customerName: d.customerName,
      label: deviceLabel(d),
      serialNo: d.serialNo,
    })),
    workOrders: orders.hits.map((w) => ({
      id: w.id,
      orderNo: w.orderNo,
      status: w.status,
      customerName: w.customerName,
      deviceLabel: deviceLabel(w),
    })),
    exactOrderId: orders.exactOrderId,
  };
}
