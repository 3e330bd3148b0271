/**
 * Customer list import. A row meets a customer already on file by its code (客户编号, as the export
 * writes it) or else by any of its phones; what then happens is the import's choice: refuse (the
 * row is an error: the rule before updates existed), skip the row, or update the customer from it.
 * Same rules as the customer form, all or nothing, and a dry run lists every matched row with the
 * fields it would change (old → new).
 */
import { and, inArray, isNull } from 'drizzle-orm';
import type { ParsedInputOf } from '@shared/contract';
import type { ImportExisting, ImportResult, ImportRowChange } from '@shared/schemas/excel';
import { createCustomerInput } from '@shared/schemas/customers';
import { customers, type CustomerRecord } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { createCustomer, updateCustomer } from '../customers';
import { phoneMatches } from '../customers/records';
import { readCounter } from '../settings';
import { CUSTOMER_IMPORT_COLUMNS, type CustomerColumnKey } from './columns';
import { customerUpdate, setCreatedAt, type CustomerUpdate, type ReadCustomer } from './customerUpdate';
import { CUSTOMER_TYPE_WORDS } from './labels';
import {
  ErrorList,
  issueCode,
  mapSheet,
  parseDateTime,
  splitList,
  type FieldKind,
  type MappedSheet,
} from './importSheet';
import { readFirstSheet, type ReadSheet, type SheetRow } from './workbook';

type Sheet = MappedSheet<CustomerColumnKey>;

const KIND_OF: Partial<Record<CustomerColumnKey, FieldKind>> = {
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
  now: number;
}

/** A checked row: the customer as the form would take it, and what the file actually gave. */
/** The 建档时间 cell: a past date (or date and time), refused when malformed or after now. */
function readCreatedAt({ sheet, errors, now }: RowContext, row: SheetRow): number | undefined | null {
  const text = sheet.text(row, 'createdAt') ?? '';
  if (text === '') return undefined;
  const at = parseDateTime(text);
  if (at === null) errors.add(row.row, sheet.header('createdAt'), 'badDate', text);
  else if (at > now) errors.add(row.row, sheet.header('createdAt'), 'futureDate', text);
  else return at;
  return null;
}

/** One row → the checked customer, or null with its errors recorded. */
function readRow(rc: RowContext, row: SheetRow): ReadCustomer | null {
  const { sheet, errors, levels } = rc;
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
  }
  const createdAt = readCreatedAt(rc, row);
  if (!parsed.success || !clean || createdAt === null) return null;
  // The same number twice in one cell is one number.
  const unique = parsed.data.phones.filter((p, i, all) => all.findIndex((o) => o.phone === p.phone) === i);
  const given = new Set(CUSTOMER_IMPORT_COLUMNS.map((c) => c.key).filter((key) => cell(key) !== ''));
  return { row: row.row, input: { ...parsed.data, phones: unique }, given, createdAt, code: cell('code') };
}

/** In slices: SQLite limits the number of bound parameters. */
function sliced<T>(list: string[], each: (slice: string[]) => T[]): T[] {
  const out: T[] = [];
  for (let i = 0; i < list.length; i += 500) out.push(...each(list.slice(i, i + 500)));
  return out;
}

/** Who already holds what the rows name: customers (not merged) by code, and by phone. */
function onFile(q: Queryable, codes: string[], phones: string[]) {
  const byCode = new Map(
    sliced(codes, (slice) =>
      q
        .select()
        .from(customers)
        .where(and(inArray(customers.code, slice), isNull(customers.mergedIntoId)))
        .all(),
    ).map((c) => [c.code, c]),
  );
  const byPhone = new Map<string, { id: string; code: string }>();
  for (const m of sliced(phones, (slice) => phoneMatches(q, slice))) {
    if (!byPhone.has(m.phone)) byPhone.set(m.phone, m);
  }
  const records = new Map<string, CustomerRecord>();
  const ids = [...new Set([...byPhone.values()].map((m) => m.id))];
  for (const c of sliced(ids, (slice) =>
    q.select().from(customers).where(inArray(customers.id, slice)).all(),
  )) {
    records.set(c.id, c);
  }
  for (const c of byCode.values()) records.set(c.id, c);
  return { byCode, byPhone, records };
}

interface Plan {
  creates: ReadCustomer[];
  updates: CustomerUpdate[];
  changes: ImportRowChange[];
  skipped: number;
}

/** Check every row and match it to the customers on file; the plan holds what to write. */
function planCustomerImport(
  q: Queryable,
  read: ReadSheet,
  errors: ErrorList,
  existing: ImportExisting,
  now: number,
): Plan {
  const plan: Plan = { creates: [], updates: [], changes: [], skipped: 0 };
  const sheet = mapSheet(read, CUSTOMER_IMPORT_COLUMNS, errors);
  if (!sheet) return plan;
  const rc: RowContext = { sheet, errors, levels: readCounter(q).customerLevels, now };
  const checked: ReadCustomer[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const read = readRow(rc, row);
    if (!read) continue;
    let clean = true;
    for (const { phone } of read.input.phones) {
      const first = firstRowOf.get(phone);
      if (first === undefined) {
        firstRowOf.set(phone, row.row);
      } else {
        errors.add(row.row, sheet.header('phones'), 'duplicateInFile', String(first));
        clean = false;
      }
    }
    if (clean) checked.push(read);
  }
  const codes = [...new Set(checked.map((c) => c.code.toUpperCase()).filter(Boolean))];
  const { byCode, byPhone, records } = onFile(q, codes, [...firstRowOf.keys()]);
  const rowOfCustomer = new Map<string, number>();

  for (const c of checked) {
    const phoneHolders = c.input.phones.flatMap(({ phone }) => {
      const m = byPhone.get(phone);
      return m ? [m] : [];
    });
    const byItsCode = c.code === '' ? undefined : byCode.get(c.code.toUpperCase());
    if (existing === 'refuse') {
      if (byItsCode) errors.add(c.row, sheet.header('code'), 'codeTaken', byItsCode.code);
      for (const m of phoneHolders) errors.add(c.row, sheet.header('phones'), 'phoneTaken', m.code);
      if (!byItsCode && phoneHolders.length === 0) plan.creates.push(c);
      continue;
    }
    // The code decides when it is known; otherwise the phones, which must all be one customer's.
    const holders = [...new Set(phoneHolders.map((m) => m.id))];
    const matchId = byItsCode?.id ?? (holders.length === 1 ? holders[0] : undefined);
    const others = phoneHolders.filter((m) => m.id !== matchId);
    if (others.length > 0) {
      const codesNamed = [...new Set([...(byItsCode ? [byItsCode.code] : []), ...others.map((m) => m.code)])];
      const column = sheet.header('phones');
      if (byItsCode) for (const m of others) errors.add(c.row, column, 'phoneTaken', m.code);
      else errors.add(c.row, column, 'ambiguousMatch', codesNamed.join(' / '));
      continue;
    }
    const before = matchId === undefined ? undefined : records.get(matchId);
    if (!before) {
      plan.creates.push(c);
      continue;
    }
    const first = rowOfCustomer.get(before.id);
    if (first !== undefined) {
      errors.add(c.row, sheet.header(c.code ? 'code' : 'phones'), 'duplicateInFile', String(first));
      continue;
    }
    rowOfCustomer.set(before.id, c.row);
    if (existing === 'skip') {
      plan.skipped += 1;
      plan.changes.push({ row: c.row, code: before.code, name: before.name, action: 'skip', fields: [] });
      continue;
    }
    const update = customerUpdate(q, sheet, errors, c, before);
    if (!update) continue; // too many phones together: reported on the row
    plan.changes.push(update.change);
    if (update.change.action === 'update') plan.updates.push(update);
  }
  errors.sortByRow();
  plan.changes.sort((a, b) => a.row - b.row);
  return plan;
}

export async function importCustomers(
  ctx: CallContext,
  input: ParsedInputOf<'customers.import'>,
): Promise<ImportResult> {
  const read = await readFirstSheet(input.file.base64);
  const existing = input.existing ?? 'refuse';
  // Synchronous from here, in one transaction; the customer functions' own nest inside as savepoints.
  return ctx.deps.db.transaction((tx) => {
    const errors = new ErrorList();
    const plan = planCustomerImport(tx, read, errors, existing, ctx.deps.now());
    const result = {
      rows: read.rows.length,
      created: plan.creates.length,
      updated: plan.updates.length,
      skipped: plan.skipped,
      changes: plan.changes,
      errors: errors.list,
    };
    if (errors.list.length > 0) {
      return { ...result, created: 0, updated: 0, skipped: 0, changes: [], committed: false };
    }
    // A clean dry run says what the import would do.
    if (input.dryRun) return { ...result, committed: false };
    for (const c of plan.creates) {
      createCustomer(ctx, { ...c.input, allowDuplicatePhone: false }, c.createdAt);
    }
    for (const u of plan.updates) {
      if (u.input) updateCustomer(ctx, u.input);
      if (u.createdAt !== undefined) setCreatedAt(ctx, tx, u.id, u.createdAt);
    }
    return { ...result, committed: true };
  });
}
