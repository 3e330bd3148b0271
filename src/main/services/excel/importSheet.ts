/**
 * What both imports share: matching the header row to the column definitions, the row cap,
 * reading a row's text, turning cell text into numbers, and zod issues into import error codes.
 */
import type { z } from 'zod';
import { isIsoDate } from '@shared/dates';
import type { Language } from '@shared/languages';
import type { ImportError, ImportErrorCode } from '@shared/schemas/excel';
import type { Column } from './columns';
import { headerKey, type ReadSheet, type SheetRow } from './workbook';

/** More rows than this and the file is refused as a whole: split it. */
export const MAX_IMPORT_ROWS = 5000;

/** How a field's zod issues read as import error codes. */
export type FieldKind = 'text' | 'money' | 'int' | 'email' | 'phone' | 'choice';

export class ErrorList {
  readonly list: ImportError[] = [];
  add(row: number, column: string, code: ImportErrorCode, value: string): void {
    this.list.push({ row, column, code, value });
  }
  /** Row order, keeping each row's errors in the order they were found. */
  sortByRow(): void {
    this.list.sort((a, b) => a.row - b.row);
  }
}

export interface MappedSheet<K extends string> {
  rows: SheetRow[];
  /** The cell's trimmed text; undefined when the file has no such column ('' when blank). */
  text(row: SheetRow, key: K): string | undefined;
  /** The header as found in the file, or as expected in the file's language when missing. */
  header(key: K): string;
  /** The language most of the file's headers are in: values in a change list are worded in it. */
  lang: Language;
}

/** The forms a header is matched in: as written and without its "(元)" part. */
function keysOf(header: string): string[] {
  const key = headerKey(header);
  const bare = key.replace(/\(.*\)$/, '');
  return bare && bare !== key ? [key, bare] : [key];
}

/**
 * Map the header row onto the columns. File-level problems (a required column missing, a column
 * twice, no rows, too many rows) go into `errors` and leave `mapped` null: row checks would only
 * repeat them.
 */
export function mapSheet<K extends string>(
  sheet: ReadSheet,
  columns: readonly Column<K>[],
  errors: ErrorList,
): MappedSheet<K> | null {
  const byKey = new Map<string, Column<K>>();
  // A column is found by its Chinese or English header, or one of its aliases.
  for (const c of columns) {
    for (const header of [c.zh, c.en, ...(c.aliases ?? [])]) for (const k of keysOf(header)) byKey.set(k, c);
  }

  const found = new Map<K, { col: number; text: string }>();
  let english = 0;
  let chinese = 0;
  for (const h of sheet.headers) {
    const forms = keysOf(h.text);
    const column = forms.map((k) => byKey.get(k)).find(Boolean);
    if (!column) continue; // other columns (on hand, archived…) are the export's extras: ignored
    const first = found.get(column.key);
    if (first) {
      errors.add(1, h.text, 'duplicateInFile', first.text);
      continue;
    }
    found.set(column.key, h);
    if (keysOf(column.en).some((k) => forms.includes(k))) english++;
    else chinese++;
  }
  const expected = (c: Column<K>) => (english > chinese ? c.en : c.zh);
  const headerText = new Map(columns.map((c) => [c.key, found.get(c.key)?.text ?? expected(c)]));

  for (const c of columns) {
    if (c.required && !found.has(c.key)) errors.add(1, expected(c), 'missingColumn', '');
  }
  if (sheet.rows.length === 0) errors.add(0, '', 'noRows', '');
  if (sheet.rows.length > MAX_IMPORT_ROWS) errors.add(0, '', 'tooManyRows', String(sheet.rows.length));
  if (errors.list.length > 0) return null;

  return {
    rows: sheet.rows,
    text: (row, key) => {
      const at = found.get(key);
      return at ? (row.cells.get(at.col) ?? '') : undefined;
    },
    header: (key) => headerText.get(key) ?? key,
    lang: english > chinese ? 'en-US' : 'zh-CN',
  };
}

const MONEY = /^[¥￥]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

/** "12.3" → 1230 fen, parsed as text so no float ever rounds it; null when it is not 元 with ≤ 2 decimals. */
export function parseFen(text: string): number | null {
  const m = MONEY.exec(text.replace(/\s/g, ''));
  const yuan = m?.[1]?.replaceAll(',', '');
  if (!m || yuan === undefined || yuan.length > 13) return null;
  return Number(yuan) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Fen as the file writes 元: 45000 → "450.00". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const DATE_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * A date, or date and time, as a person writes it (2019-03-08, 2019/3/8, 2019年3月8日, 2019-03-08
 * 14:30, or a date cell, which the workbook layer reads as such text) → epoch ms of that local
 * wall-clock time; null when it is not a real calendar date and time.
 */
export function parseDateTime(text: string): number | null {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  const day = `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (!isIsoDate(day) || (h ?? 0) > 23 || (mi ?? 0) > 59 || (sec ?? 0) > 59) return null;
  return new Date(y ?? 0, (mo ?? 1) - 1, d, h, mi, sec).getTime();
}

/** Epoch ms as the file would show it: "2019-03-08 14:30" in local time, "2019-03-08" at midnight. */
export function dateTimeText(ms: number): string {
  const t = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  const time = `${pad(t.getHours())}:${pad(t.getMinutes())}`;
  return time === '00:00' ? day : `${day} ${time}`;
}

/** A whole, non-negative number; null otherwise. */
export function parseCount(text: string): number | null {
  const plain = text.replace(/,/g, '');
  return /^\d{1,15}$/.test(plain) ? Number(plain) : null;
}

/** Several values in one cell: "a / b, c；d、e". */
export function splitList(text: string): string[] {
  return text
    .split(/[/,;，；、|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The error code for a zod issue on a field. `required` for a missing value or an empty required
 * text; the field's own code otherwise (a price out of range is still `notMoney`).
 */
export function issueCode(issue: z.core.$ZodIssue, kind: FieldKind): ImportErrorCode {
  // `input` is there because rows are parsed with { reportInput: true }.
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'required';
  const isArray = issue.code === 'too_big' || issue.code === 'too_small' ? issue.origin === 'array' : false;
  if (isArray) return issue.code === 'too_big' ? 'tooLong' : 'required';
  switch (kind) {
    case 'money':
      return 'notMoney';
    case 'int':
      return 'notInteger';
    case 'email':
      return 'badEmail';
    case 'phone':
      return 'badPhone';
    case 'choice':
      return 'notAllowed';
    case 'text':
      if (issue.code === 'too_small') return 'required';
      if (issue.code === 'too_big') return 'tooLong';
      return 'notAllowed';
  }
}
