/**
 * Parts catalog import. Every row is checked against the same zod schema as the part form; a new
 * code creates a part; an existing code, as the import chooses, updates that part (never its cost
 * price: only receipts move it; the default), is skipped, or is an error. All or nothing: one
 * error anywhere and nothing is written. A dry run lists every existing code with the fields it
 * would change (old → new).
 */
import type { z } from 'zod';
import type { ParsedInputOf } from '@shared/contract';
import type { ImportExisting, ImportResult, ImportRowChange } from '@shared/schemas/excel';
import { createPartInput } from '@shared/schemas/stock';
import { parts, suppliers, type PartRecord, type SupplierRecord } from '../../db/schema';
import type { CallContext, Queryable } from '../context';
import { createPart, updatePart } from '../stock';
import { PART_COLUMNS, type PartColumnKey } from './columns';
import {
  ErrorList,
  issueCode,
  mapSheet,
  parseCount,
  parseFen,
  yuanText,
  type FieldKind,
  type MappedSheet,
} from './importSheet';
import { readFirstSheet, type ReadSheet, type SheetRow } from './workbook';

type PartInput = z.output<typeof createPartInput>;
type PartField = keyof PartInput;
type Sheet = MappedSheet<PartColumnKey>;

const TEXT_FIELDS = [
  'code',
  'name',
  'spec',
  'compatibleModels',
  'category',
  'unit',
  'barcode',
  'location',
] as const;
const FIELDS: readonly PartField[] = [
  ...TEXT_FIELDS,
  'costPrice',
  'salePrice',
  'minStock',
  'defaultSupplierId',
];
/** What an import may change on an existing part: everything but the code and the cost. */
const UPDATABLE: readonly PartField[] = FIELDS.filter((f) => f !== 'code' && f !== 'costPrice');

const COLUMN_OF: Record<PartField, PartColumnKey> = {
  code: 'code',
  name: 'name',
  spec: 'spec',
  compatibleModels: 'compatibleModels',
  category: 'category',
  unit: 'unit',
  barcode: 'barcode',
  location: 'location',
  costPrice: 'costPrice',
  salePrice: 'salePrice',
  minStock: 'minStock',
  defaultSupplierId: 'supplier',
};
const KIND_OF: Partial<Record<PartField, FieldKind>> = {
  costPrice: 'money',
  salePrice: 'money',
  minStock: 'int',
};

type Op = { create: PartInput } | { update: ParsedInputOf<'parts.update'> };

/** Suppliers by name, case-insensitive; an archived one only counts for a part that already has it. */
function supplierFinder(q: Queryable): (name: string, current: string | null) => string | null {
  const byName = new Map<string, SupplierRecord[]>();
  for (const s of q.select().from(suppliers).all()) {
    const key = s.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  return (name, current) => {
    const named = byName.get(name.toLowerCase()) ?? [];
    return (named.find((s) => s.id === current) ?? named.find((s) => s.archivedAt === null))?.id ?? null;
  };
}

interface RowContext {
  sheet: Sheet;
  errors: ErrorList;
  existing: Map<string, PartRecord>;
  findSupplier: ReturnType<typeof supplierFinder>;
}

/** One row → the checked part input, or null with its errors recorded. */
function readRow({ sheet, errors, existing, findSupplier }: RowContext, row: SheetRow): PartInput | null {
  const cell = (key: PartColumnKey) => sheet.text(row, key);
  const report = (key: PartColumnKey, code: Parameters<ErrorList['add']>[2], value: string) =>
    errors.add(row.row, sheet.header(key), code, value);
  const before = existing.get((cell('code') ?? '').toUpperCase());
  // Start from the part as it is, so a column the file leaves out keeps its value.
  const draft: Record<string, unknown> = before ? Object.fromEntries(FIELDS.map((f) => [f, before[f]])) : {};
  let clean = true;

  for (const field of TEXT_FIELDS) {
    const text = cell(field);
    if (text !== undefined) draft[field] = text === '' ? undefined : text;
  }
  for (const field of ['costPrice', 'salePrice', 'minStock'] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    // Blank: not given, so the schema's default applies.
    const value = text === '' ? undefined : field === 'minStock' ? parseCount(text) : parseFen(text);
    if (value === null) {
      report(field, field === 'minStock' ? 'notInteger' : 'notMoney', text);
      clean = false;
    }
    draft[field] = value ?? undefined;
  }
  const supplier = cell('supplier');
  if (supplier !== undefined) {
    const id = supplier === '' ? null : findSupplier(supplier, before?.defaultSupplierId ?? null);
    if (supplier !== '' && id === null) {
      report('supplier', 'unknownSupplier', supplier);
      clean = false;
    }
    draft.defaultSupplierId = id;
  }

  const parsed = createPartInput.safeParse(draft, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as PartField;
      const key = COLUMN_OF[field] ?? 'code';
      report(key, issueCode(issue, KIND_OF[field] ?? 'text'), cell(key) ?? '');
    }
    return null;
  }
  return clean ? parsed.data : null;
}

/** A part's fields as the file writes them, for the change list. */
function fieldText(
  field: PartField,
  value: PartInput[PartField] | null,
  supplierName: (id: string) => string,
) {
  if (value === null || value === undefined) return '';
  if (field === 'costPrice' || field === 'salePrice') return yuanText(Number(value));
  if (field === 'defaultSupplierId') return supplierName(String(value));
  return String(value);
}

interface Plan {
  ops: Op[];
  changes: ImportRowChange[];
  skipped: number;
}

/** Check every row; the ops to run when there is no error. Synchronous: nothing moves under it. */
function planPartImport(q: Queryable, read: ReadSheet, errors: ErrorList, existing: ImportExisting): Plan {
  const plan: Plan = { ops: [], changes: [], skipped: 0 };
  const { ops } = plan;
  const sheet = mapSheet(read, PART_COLUMNS, errors);
  if (!sheet) return plan;
  const names = new Map(
    q
      .select({ id: suppliers.id, name: suppliers.name })
      .from(suppliers)
      .all()
      .map((s) => [s.id, s.name]),
  );
  const supplierName = (id: string) => names.get(id) ?? id;
  const onFile = new Map(
    q
      .select()
      .from(parts)
      .all()
      .map((p) => [p.code, p]),
  );
  const rc: RowContext = { sheet, errors, existing: onFile, findSupplier: supplierFinder(q) };
  const firstRowOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const input = readRow(rc, row);
    if (!input) continue;
    const first = firstRowOf.get(input.code);
    if (first !== undefined) {
      errors.add(row.row, sheet.header('code'), 'duplicateInFile', String(first));
      continue;
    }
    firstRowOf.set(input.code, row.row);
    const before = onFile.get(input.code);
    if (!before) {
      ops.push({ create: input });
      continue;
    }
    const met = { row: row.row, code: before.code, name: before.name };
    if (existing === 'refuse') {
      errors.add(row.row, sheet.header('code'), 'codeTaken', before.code);
    } else if (existing === 'skip') {
      plan.skipped += 1;
      plan.changes.push({ ...met, action: 'skip', fields: [] });
    } else {
      const fields = UPDATABLE.filter((f) => input[f] !== before[f]).map((f) => ({
        column: sheet.header(COLUMN_OF[f]),
        before: fieldText(f, before[f], supplierName),
        after: fieldText(f, input[f], supplierName),
      }));
      plan.changes.push({ ...met, action: fields.length > 0 ? 'update' : 'unchanged', fields });
      const { costPrice: _cost, ...values } = input;
      // The version read here, in the import's own transaction: nothing can change the part between.
      if (fields.length > 0) ops.push({ update: { ...values, id: before.id, version: before.version } });
    }
  }
  return plan;
}

export async function importParts(
  ctx: CallContext,
  input: ParsedInputOf<'parts.import'>,
): Promise<ImportResult> {
  const read = await readFirstSheet(input.file.base64);
  // From here on synchronous, in one transaction: the rows are checked against the catalog as it
  // is written. The catalog functions' own transactions nest inside as savepoints.
  return ctx.deps.db.transaction((tx) => {
    const errors = new ErrorList();
    const { ops, changes, skipped } = planPartImport(tx, read, errors, input.existing ?? 'update');
    const created = ops.filter((op) => 'create' in op).length;
    const result = {
      rows: read.rows.length,
      created,
      updated: ops.length - created,
      skipped,
      changes,
      errors: errors.list,
    };
    if (errors.list.length > 0) {
      return { ...result, created: 0, updated: 0, skipped: 0, changes: [], committed: false };
    }
    // A clean dry run says what the import would do.
    if (input.dryRun) return { ...result, committed: false };
    for (const op of ops) {
      if ('create' in op) createPart(ctx, op.create);
      else updatePart(ctx, op.update);
    }
    return { ...result, committed: true };
  });
}
