/**
 * One file row → a checked history row, or its errors with row and column. Pure: no database.
 * Dates are the shop's local time (the machine's zone), as the counter shows them.
 */
import { isIsoDate } from '@shared/dates';
import { LABELS } from '@shared/labels';
import { LANGUAGES } from '@shared/languages';
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/schemas/settlements';
import type { HistoryErrorCode, HistoryField, HistoryMapping } from '@shared/schemas/history';
import { FAULT_MAX_LENGTH } from '@shared/schemas/workOrders';
import { OUTCOMES, type Outcome } from '@shared/workOrderStatus';
import { parseFen } from '../excel/importSheet';
import type { SheetRow } from '../excel/workbook';

export interface HistoryRow {
  row: number;
  sourceNo: string;
  customerName: string;
  /** Digits only; '' when none. */
  phone: string;
  category: string;
  brand: string;
  model: string;
  serialNo: string;
  warrantyEnd: string | null;
  receivedAt: number;
  deliveredAt: number | null;
  outcome: Outcome;
  technician: string;
  reportedFault: string;
  diagnosis: string;
  labor: number;
  parts: number;
  paid: number;
  method: PaymentMethod | null;
  paidAt: number | null;
}

export interface RowError {
  row: number;
  field: HistoryField;
  code: HistoryErrorCode;
  value: string;
}

/** Longest text kept per field (the forms' limits). */
const MAX_LEN: Partial<Record<HistoryField, number>> = {
  sourceNo: 40,
  customerName: 60,
  category: 40,
  brand: 60,
  model: 100,
  serialNo: 60,
  technician: 60,
  reportedFault: FAULT_MAX_LENGTH,
  diagnosis: 2000,
};

const lower = (s: string) => s.trim().toLowerCase();

/** Each language's word for an outcome, and a few words old systems and sheets use. */
const OUTCOME_WORDS = new Map<string, Outcome>();
for (const o of OUTCOMES) {
  OUTCOME_WORDS.set(o, o);
  for (const lang of LANGUAGES) OUTCOME_WORDS.set(lower(LABELS.outcomes[lang][o]), o);
}
for (const [word, o] of [
  ['修好', 'repaired'],
  ['已修好', 'repaired'],
  ['修复', 'repaired'],
  ['维修完成', 'repaired'],
  ['fixed', 'repaired'],
  ['修不好', 'unrepairable'],
  ['无法维修', 'unrepairable'],
  ['放弃维修', 'declined'],
  ['拒修', 'declined'],
  ['取消', 'cancelled'],
  ['canceled', 'cancelled'],
] as const)
  OUTCOME_WORDS.set(word, o);

const METHOD_WORDS = new Map<string, PaymentMethod>();
for (const m of PAYMENT_METHODS) {
  METHOD_WORDS.set(lower(m), m);
  for (const lang of LANGUAGES) METHOD_WORDS.set(lower(LABELS.paymentMethods[lang][m]), m);
}
for (const [word, m] of [
  ['微信支付', 'wechat'],
  ['刷卡', 'card'],
  ['银联', 'card'],
  ['银行转账', 'transfer'],
] as const)
  METHOD_WORDS.set(word, m);

const DATE_TIME = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** "2019-03-05", "2019/3/5 14:30", "2019-03-05T14:30:00" → local epoch ms; null when not a date. */
export function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(iso) || (h ?? 0) > 23 || (mi ?? 0) > 59 || (s ?? 0) > 59) return null;
  return new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, s).getTime();
}

/** A calendar date (warranty end): the date part only, as YYYY-MM-DD. */
function parseDay(text: string): string | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m || m[4] !== undefined) return null;
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export interface RowReader {
  /** The cell's text for a field ('' when blank or not mapped). */
  cell(row: SheetRow, field: HistoryField): string;
}

/** Check one row; `now` refuses dates in the future. */
export function readHistoryRow(
  r: RowReader,
  row: SheetRow,
  mapping: HistoryMapping,
  shop: { now: number; categories: ReadonlySet<string> },
  errors: RowError[],
): HistoryRow | null {
  const { now } = shop;
  const before = errors.length;
  const fail = (field: HistoryField, code: HistoryErrorCode, value: string) =>
    errors.push({ row: row.row, field, code, value });
  const text = (field: HistoryField, required = false): string => {
    const v = r.cell(row, field);
    if (required && v === '') fail(field, 'required', '');
    const max = MAX_LEN[field];
    if (max !== undefined && v.length > max) fail(field, 'tooLong', v);
    return v;
  };
  const moment = (field: HistoryField, required: boolean): number | null => {
    const v = r.cell(row, field);
    if (v === '') {
      if (required) fail(field, 'required', '');
      return null;
    }
    const at = parseDateTime(v);
    if (at === null) fail(field, 'notDate', v);
    else if (at > now) fail(field, 'badOrder', v);
    return at;
  };
  const money = (field: HistoryField): number | null => {
    const v = r.cell(row, field);
    if (v === '') return 0;
    const fen = parseFen(v);
    if (fen === null) fail(field, 'notMoney', v);
    return fen;
  };

  const customerName = text('customerName', true);
  const phoneText = r.cell(row, 'customerPhone');
  const phone = phoneText.replace(/[\s\-()+]/g, '');
  if (phoneText !== '' && !/^\d{3,20}$/.test(phone)) fail('customerPhone', 'badPhone', phoneText);
  const categoryText = text('category', true);
  const category = mapping.categories[categoryText] ?? categoryText;
  // The shop's own categories (settings): a new one is added there first, as at the counter.
  if (category !== '' && !shop.categories.has(category)) fail('category', 'notAllowed', categoryText);
  const warrantyText = r.cell(row, 'warrantyEnd');
  const warrantyEnd = warrantyText === '' ? null : parseDay(warrantyText);
  if (warrantyText !== '' && warrantyEnd === null) fail('warrantyEnd', 'notDate', warrantyText);

  const receivedAt = moment('receivedAt', true);
  const outcomeText = text('outcome', true);
  const custom = Object.entries(mapping.outcomes).find(([word]) => lower(word) === lower(outcomeText));
  const outcome = custom?.[1] ?? OUTCOME_WORDS.get(lower(outcomeText)) ?? null;
  if (outcomeText !== '' && outcome === null) fail('outcome', 'notAllowed', outcomeText);
  // A cancelled order was never handed back through the counter; every other one was delivered.
  const deliveredAt = moment('deliveredAt', outcome !== null && outcome !== 'cancelled');
  if (outcome === 'cancelled' && deliveredAt !== null)
    fail('deliveredAt', 'badOrder', r.cell(row, 'deliveredAt'));
  if (receivedAt !== null && deliveredAt !== null && deliveredAt < receivedAt) {
    fail('deliveredAt', 'badOrder', r.cell(row, 'deliveredAt'));
  }

  const laborFen = money('laborAmount');
  const partsFen = money('partsAmount');
  const paidFen = money('paidAmount');
  const [labor, parts, paid] = [laborFen ?? 0, partsFen ?? 0, paidFen ?? 0];
  const methodText = r.cell(row, 'paymentMethod');
  const method = methodText === '' ? null : (METHOD_WORDS.get(lower(methodText)) ?? null);
  if (methodText !== '' && method === null) fail('paymentMethod', 'notAllowed', methodText);
  const paidAt = moment('paidAt', paid > 0);
  if (paid > 0 && methodText === '') fail('paymentMethod', 'required', '');
  if (laborFen !== null && partsFen !== null && paid > labor + parts)
    fail('paidAmount', 'paidOverTotal', r.cell(row, 'paidAmount'));
  if (paidAt !== null && receivedAt !== null && paidAt < receivedAt) {
    fail('paidAt', 'badOrder', r.cell(row, 'paidAt'));
  }
  if (outcome === 'cancelled' && labor + parts > 0) fail('outcome', 'notAllowed', outcomeText);

  const result = {
    row: row.row,
    sourceNo: text('sourceNo'),
    customerName,
    phone,
    category,
    brand: text('brand'),
    model: text('model'),
    serialNo: text('serialNo'),
    warrantyEnd,
    technician: text('technician'),
    // A blank fault takes the words the importer chose for it, if any; else the row is refused.
    reportedFault:
      r.cell(row, 'reportedFault') === '' && mapping.blankFault !== ''
        ? mapping.blankFault
        : text('reportedFault', true),
    diagnosis: text('diagnosis'),
    labor,
    parts,
    paid,
    method,
  };
  if (errors.length > before || receivedAt === null || outcome === null) return null;
  return { ...result, receivedAt, deliveredAt, outcome, paidAt: paid > 0 ? paidAt : null };
}
