/**
 * Customer list import: new customers only (a customer is known by phone, and a phone that
 * already belongs to someone is reported, not merged). Same rules as the customer form, all or
 * nothing.
 */
import type { z } from 'zod';
import type { ParsedInputOf } from '@shared/contract';
import type { ImportResult } from '@shared/schemas/excel';
import { createCustomerInput } from '@shared/schemas/customers';
import type { CallContext, Queryable } from '../context';
import { createCustomer } from '../customers';
import { phoneMatches } from '../customers/records';
import { readCounter } from '../settings';
import { CUSTOMER_COLUMNS, type CustomerColumnKey } from './columns';
import { CUSTOMER_TYPE_WORDS } from './labels';
import { ErrorList, issueCode, mapSheet, splitList, type FieldKind, type MappedSheet } from './importSheet';
import { readFirstSheet, type ReadSheet, type SheetRow } from './workbook';

type CustomerInput = z.output<typeof createCustomerInput>;
type Sheet = MappedSheet<CustomerColumnKey>;

const KIND_OF: Record<CustomerColumnKey, FieldKind> = {
  name: 'text',
  phones: 'phone',
  type: 'choice',
  level: 'choice',
  email: 'email',
  address: 'text',
  company: 'text',
  tags: 'text',
  notes: 'text',
};

/**
 * The numbers in one cell, split at / , ; 、 and line breaks. Spaces split too, but only when every
 * piece is a whole number on its own (7+ digits): "138 0013 8000" is one number.
 */
function splitPhones(text: string): string[] {
  return splitList(text).flatMap((piece) => {
    const words = piece.split(/\s+/);
    return words.length > 1 && words.every((w) => w.replace(/[-()+]/g, '').length >= 7) ? words : [piece];
  });
}

function splitTags(text: string): string[] {
  return [...new Set(splitList(text).flatMap((t) => t.split(/\s+/)))];
}

interface RowContext {
  sheet: Sheet;
  errors: ErrorList;
  levels: string[];
}

/** One row → the checked customer input, or null with its errors recorded. */
function readRow({ sheet, errors, levels }: RowContext, row: SheetRow): CustomerInput | null {
  const cell = (key: CustomerColumnKey) => sheet.text(row, key) ?? '';
  const report = (key: CustomerColumnKey, code: Parameters<ErrorList['add']>[2], value: string) =>
    errors.add(row.row, sheet.header(key), code, value);
  const phones = splitPhones(cell('phones'));
  const tags = splitTags(cell('tags'));
  const draft: Record<string, unknown> = { phones: phones.map((phone) => ({ phone, label: '' })), tags };
  for (const key of ['name', 'email', 'address', 'company', 'notes'] as const) {
    if (cell(key) !== '') draft[key] = cell(key);
  }
  let clean = true;
  const type = cell('type');
  if (type !== '') {
    draft.type = CUSTOMER_TYPE_WORDS[type.toLowerCase()];
    if (!draft.type) {
      report('type', 'notAllowed', type);
      clean = false;
    }
  }
  // Levels are the shop's own list (settings); "vip" finds "VIP". Blank: the first level.
  const level = cell('level');
  draft.level = level === '' ? levels[0] : levels.find((l) => l.toLowerCase() === level.toLowerCase());
  if (!draft.level) {
    report('level', 'notAllowed', level);
    clean = false;
  }

  const parsed = createCustomerInput.safeParse(draft, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      const key = (field ?? 'name') as CustomerColumnKey;
      const listed = key === 'phones' ? phones : key === 'tags' ? tags : null;
      const value = listed && typeof index === 'number' ? (listed[index] ?? '') : cell(key);
      report(key, issueCode(issue, KIND_OF[key] ?? 'text'), value);
    }
    return null;
  }
  if (!clean) return null;
  // The same number twice in one cell is one number.
  const unique = parsed.data.phones.filter((p, i, all) => all.findIndex((o) => o.phone === p.phone) === i);
  return { ...parsed.data, phones: unique };
}

/** Customers already holding any of these numbers: phone → customer code. */
function takenPhones(q: Queryable, phones: string[]): Map<string, string> {
  const taken = new Map<string, string>();
  // In slices: SQLite limits the number of bound parameters.
  for (let i = 0; i < phones.length; i += 500) {
    for (const m of phoneMatches(q, phones.slice(i, i + 500))) {
      if (!taken.has(m.phone)) taken.set(m.phone, m.code);
    }
  }
  return taken;
}

/** Check every row; the customers to create when there is no error. */
function planCustomerImport(q: Queryable, read: ReadSheet, errors: ErrorList): CustomerInput[] {
  const sheet = mapSheet(read, CUSTOMER_COLUMNS, errors);
  if (!sheet) return [];
  const rc: RowContext = { sheet, errors, levels: readCounter(q).customerLevels };
  const checked: { row: number; input: CustomerInput }[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const input = readRow(rc, row);
    if (!input) continue;
    let clean = true;
    for (const { phone } of input.phones) {
      const first = firstRowOf.get(phone);
      if (first === undefined) {
        firstRowOf.set(phone, row.row);
      } else {
        errors.add(row.row, sheet.header('phones'), 'duplicateInFile', String(first));
        clean = false;
      }
    }
    if (clean) checked.push({ row: row.row, input });
  }
  const taken = takenPhones(q, [...firstRowOf.keys()]);
  for (const { row, input } of checked) {
    for (const { phone } of input.phones) {
      const code = taken.get(phone);
      if (code !== undefined) errors.add(row, sheet.header('phones'), 'phoneTaken', code);
    }
  }
  errors.sortByRow();
  return checked.map((c) => c.input);
}

export async function importCustomers(
  ctx: CallContext,
  input: ParsedInputOf<'customers.import'>,
): Promise<ImportResult> {
  const read = await readFirstSheet(input.file.base64);
  // Synchronous from here, in one transaction; createCustomer's own nests inside as a savepoint.
  return ctx.deps.db.transaction((tx) => {
    const errors = new ErrorList();
    const creates = planCustomerImport(tx, read, errors);
    const result = { rows: read.rows.length, created: creates.length, updated: 0, errors: errors.list };
    if (errors.list.length > 0) return { ...result, created: 0, committed: false };
    // A clean dry run says what the import would do.
    if (input.dryRun) return { ...result, committed: false };
    for (const c of creates) createCustomer(ctx, { ...c, allowDuplicatePhone: false });
    return { ...result, committed: true };
  });
}
