/**
 * Parts catalog import. Every row is checked against the same zod schema as the part form; an
 * existing code updates that part (never its cost price: only receipts move it), a new code
 * creates one. All or nothing: one error anywhere and nothing is written.
 */
import type { z } from 'zod';
import type { ParsedInputOf } from '@shared/contract';
import type { ImportResult } from '@shared/schemas/excel';
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

/** Check every row; the ops to run when there is no error. Synchronous: nothing moves under it. */
function planPartImport(q: Queryable, read: ReadSheet, errors: ErrorList): Op[] {
  const sheet = mapSheet(read, PART_COLUMNS, errors);
  if (!sheet) return [];
  const existing = new Map(
    q
      .select()
      .from(parts)
      .all()
      .map((p) => [p.code, p]),
  );
  const rc: RowContext = { sheet, errors, existing, findSupplier: supplierFinder(q) };
  const firstRowOf = new Map<string, number>();
  const ops: Op[] = [];
  for (const row of sheet.rows) {
    const input = readRow(rc, row);
    if (!input) continue;
    const first = firstRowOf.get(input.code);
    if (first !== undefined) {
      errors.add(row.row, sheet.header('code'), 'duplicateInFile', String(first));
      continue;
    }
    firstRowOf.set(input.code, row.row);
    const before = existing.get(input.code);
    if (!before) {
      ops.push({ create: input });
    } else if (UPDATABLE.some((f) => input[f] !== before[f])) {
      const { costPrice: _cost, ...fields } = input;
      // The version read here, in the import's own transaction: nothing can change the part between.
      ops.push({ update: { ...fields, id: before.id, version: before.version } });
    }
  }
  return ops;
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
    const ops = planPartImport(tx, read, errors);
    const created = ops.filter((op) => 'create' in op).length;
    const result = { rows: read.rows.length, created, updated: ops.length - created, errors: errors.list };
    if (errors.list.length > 0) return { ...result, created: 0, updated: 0, committed: false };
    // A clean dry run says what the import would do.
    if (input.dryRun) return { ...result, committed: false };
    for (const op of ops) {
      if ('create' in op) createPart(ctx, op.create);
      else updatePart(ctx, op.update);
    }
    return { ...result, committed: true };
  });
}
