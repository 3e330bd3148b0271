import { sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../context';
import { asciiLower, charLength, ftsPhrase, startsWith } from './text';
import { boxStep, DEVICE_TEXT, shortWordsWhere, textQuery, type TextQuery } from './textQuery';
import { Tiers } from './tiers';
import { normalizePlate } from '@shared/plate';

export interface DeviceHit {
  id: string;
  customerId: string;
  customerName: string;
  brand: string;
  model: string;
  category: string;
  serialNo: string;
  plateNo: string;
  vin: string;
  archivedAt: number | null;
}

function devicesWhere(q: Queryable, from: SQL, where: SQL, order: SQL, n: number): DeviceHit[] {
  return q.all<DeviceHit>(sql`SELECT d.id, d.customer_id AS customerId, c.name AS customerName, d.brand,
    d.model, d.category, d.serial_no AS serialNo, d.plate_no AS plateNo, d.vin, d.archived_at AS archivedAt
    FROM ${from} JOIN customers c ON c.id = d.customer_id
    WHERE c.merged_into_id IS NULL AND ${where} ORDER BY ${order} LIMIT ${n}`);
}

/** Brand, model and category, each on its `lower(x), created_at, id` index (devices_*_lower). */
const NAMED = [sql`lower(d.brand)`, sql`lower(d.model)`, sql`lower(d.category)`];

/** The device text index's columns on the search row, for words too short for it. */
const SEARCH_COLUMNS = [
  sql`s.serial_no`,
  sql`s.brand`,
  sql`s.model`,
  sql`s.category`,
  sql`s.plate_no`,
  sql`s.vin`,
];

/** The whole text as one phrase, then (for several words) every word somewhere in the device. */
function textSteps(q: Queryable, text: string): TextQuery[] {
  const words = text.split(/\s+/u).filter(Boolean);
  const steps: TextQuery[] = [];
  if (charLength(text) >= 3) steps.push({ match: ftsPhrase(text), short: [] });
  if (words.length > 1) {
    const found = textQuery(q, DEVICE_TEXT, words);
    if (found) steps.push(found);
  }
  return steps;
}

export function searchDevices(
  q: Queryable,
  text: string,
  limit: number,
): { hits: DeviceHit[]; strong: string[] } {
  const t = new Tiers<DeviceHit>(limit, (d) => d.archivedAt !== null);
  const serial = text.toUpperCase();
  const lower = asciiLower(text);
  const plain = sql`devices d`;
  const strong: string[] = [];
  const exact = t.add(devicesWhere(q, plain, sql`d.serial_no = ${serial}`, sql`d.created_at DESC`, t.want));
  strong.push(...exact.map((d) => d.id));
  // A whole plate (粤 A 12345 typed any way) or a whole VIN, on their own indexes.
  const plate = normalizePlate(text);
  if (!t.full && charLength(plate) >= 3) {
    strong.push(
      ...t
        .add(devicesWhere(q, plain, sql`d.plate_no = ${plate}`, sql`d.created_at DESC`, t.want))
        .map((d) => d.id),
    );
  }
  if (!t.full && charLength(serial) === 17) {
    strong.push(
      ...t
        .add(devicesWhere(q, plain, sql`d.vin = ${serial}`, sql`d.created_at DESC`, t.want))
        .map((d) => d.id),
    );
  }
  if (!t.full && charLength(serial) >= 2) {
    const prefix = devicesWhere(q, plain, startsWith(sql`d.serial_no`, serial), sql`d.serial_no`, t.want);
    strong.push(...t.add(prefix).map((d) => d.id));
  }
  // Brand, model or category: the whole name, then its start ("hp" finds HP), newest first.
  for (const named of NAMED) {
    if (t.full) break;
    // Equal on the index's first column: ordered by created_at alone, SQLite reads it backwards, no sort.
    t.add(devicesWhere(q, plain, sql`${named} = ${lower}`, sql`d.created_at DESC`, t.want));
  }
  for (const named of NAMED) {
    if (t.full) break;
    const where = startsWith(named, lower);
    t.add(devicesWhere(q, plain, where, sql`${named} DESC, d.created_at DESC`, t.want));
  }
  // Serial / IMEI / VIN anywhere inside (the last digits of an IMEI, a VIN's tail), brand, model,
  // category or plate (「A12」 finds 粤A12345).
  for (const found of textSteps(q, text)) {
    if (t.full) break;
    const step = boxStep(DEVICE_TEXT, found, 'device_search', SEARCH_COLUMNS);
    const from = sql`${step.from} JOIN devices d ON d.id = s.device_id`;
    const hits = t.add(devicesWhere(q, from, step.where, sql`m.doc DESC`, t.want));
    const named = (d: DeviceHit) =>
      d.serialNo.includes(serial) || d.vin.includes(serial) || (plate !== '' && d.plateNo.includes(plate));
    strong.push(...hits.filter(named).map((d) => d.id));
  }
  return { hits: t.hits, strong };
}

/**
 * The ids of every device the text names, for the work-order list's filter: serial from its start,
 * brand, model or category from their start (any case), and 3+ characters anywhere in them.
 */
export function deviceIdsMatching(q: Queryable, text: string): SQL {
  const lower = asciiLower(text);
  const parts: SQL[] = [
    sql`SELECT d.id FROM devices d WHERE ${startsWith(sql`d.serial_no`, text.toUpperCase())}`,
    ...NAMED.map((named) => sql`SELECT d.id FROM devices d WHERE ${startsWith(named, lower)}`),
  ];
  for (const found of textSteps(q, text)) {
    parts.push(sql`SELECT s.device_id FROM device_search_fts f JOIN device_search s ON s.doc = f.rowid
      WHERE device_search_fts MATCH ${found.match} AND ${shortWordsWhere(found.short, SEARCH_COLUMNS)}`);
  }
  return sql.join(parts, sql` UNION `);
}
