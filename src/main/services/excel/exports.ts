/** Exports of the parts catalog, stock on hand, stock movements and customers. */
import { and, asc, count, eq, gte, isNull, lt } from 'drizzle-orm';
import { AppError } from '@shared/errors';
import type { Language } from '@shared/languages';
import type { ParsedInputOf } from '@shared/contract';
import type { XlsxFile } from '@shared/schemas/excel';
import { localDate } from '@shared/dates';
import { customerPhones, customers, parts, stockMovements, suppliers } from '../../db/schema';
import type { CallContext } from '../context';
import { parseTags } from '../customers/records';
import { selectMovements } from '../stock/read';
import { stockValuation } from '../stock/reports';
import {
  CUSTOMER_EXPORT_COLUMNS,
  MOVEMENT_COLUMNS,
  ON_HAND_COLUMNS,
  PART_EXPORT_COLUMNS,
  headerOf,
  type Column,
} from './columns';
import { LABELS, LIST_SEPARATOR, YES_NO, wordOf } from '@shared/labels';
import { NAMES, TOTAL } from './labels';
import { exportFileName, workbookFile, type CellOut, type SheetOut } from './workbook';

/** More movements than this do not fit a sensible workbook (nor the 10 MB file limit). */
const MAX_MOVEMENT_ROWS = 100_000;

type KeyOf<C extends readonly Column[]> = C[number]['key'];

/** A sheet whose cells are given by column key, so the column order lives only in columns.ts. */
function sheetOf<C extends readonly Column[]>(
  name: string,
  columns: C,
  lang: Language,
  rows: Record<KeyOf<C>, CellOut>[],
  footer?: Partial<Record<KeyOf<C>, CellOut>>,
): SheetOut {
  const keys = columns.map((c) => c.key as KeyOf<C>);
  return {
    name,
    columns: columns.map((c) => ({ header: headerOf(c, lang), width: c.width, kind: c.kind })),
    rows: rows.map((r) => keys.map((k) => r[k])),
    footer: footer && keys.map((k) => footer[k] ?? null),
  };
}

export function exportParts(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  const yesNo = YES_NO[lang];
  const rows = ctx.deps.db
    .select({ part: parts, supplier: suppliers.name })
    .from(parts)
    .leftJoin(suppliers, eq(suppliers.id, parts.defaultSupplierId))
    .orderBy(asc(parts.code))
    .all()
    .map(({ part: p, supplier }) => ({
      code: p.code,
      name: p.name,
      spec: p.spec,
      compatibleModels: p.compatibleModels,
      category: p.category,
      unit: p.unit,
      barcode: p.barcode,
      costPrice: p.costPrice,
      salePrice: p.salePrice,
      minStock: p.minStock,
      location: p.location,
      supplier: supplier ?? '',
      onHand: p.onHand,
      archived: p.archivedAt === null ? yesNo.no : yesNo.yes,
    }));
  return workbookFile(exportFileName(NAMES.parts[lang], ctx.deps.now()), [
    sheetOf(NAMES.parts.sheet[lang], PART_EXPORT_COLUMNS, lang, rows),
  ]);
}

/** Every part with stock, valued at its moving-average cost, and a total row. */
export function exportOnHand(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  // The same list as 库存与估值 shows with no filter.
  const valuation = stockValuation(ctx.deps.db, { search: '', includeZero: false });
  const rows = valuation.rows.map((p) => ({
    code: p.code,
    name: p.name,
    spec: p.spec,
    category: p.category,
    unit: p.unit,
    location: p.location,
    onHand: p.onHand,
    costPrice: p.costPrice,
    value: p.value,
  }));
  const footer = { code: TOTAL[lang], onHand: valuation.totalQty, value: valuation.totalValue };
  return workbookFile(exportFileName(NAMES.onHand[lang], ctx.deps.now()), [
    sheetOf(NAMES.onHand.sheet[lang], ON_HAND_COLUMNS, lang, rows, footer),
  ]);
}

/** The ledger for [from, to), oldest first. */
export function exportMovements(
  ctx: CallContext,
  input: ParsedInputOf<'stock.exportMovements'>,
): Promise<XlsxFile> {
  const { db } = ctx.deps;
  const { lang, from, to } = input;
  if (to <= from) {
    throw new AppError('endBeforeStart', {}, 'the period ends before it starts', {
      fields: [{ path: 'to', message: 'after from' }],
    });
  }
  const inPeriod = and(gte(stockMovements.at, from), lt(stockMovements.at, to));
  const total = db.select({ n: count() }).from(stockMovements).where(inPeriod).get()?.n ?? 0;
  if (total > MAX_MOVEMENT_ROWS) {
    throw new AppError(
      'tooManyMovements',
      { max: MAX_MOVEMENT_ROWS },
      `more than ${MAX_MOVEMENT_ROWS} movements in the period; choose a shorter one`,
      {
        fields: [{ path: 'to', message: 'period too long' }],
      },
    );
  }
  const kinds = LABELS.stockDocumentKinds[lang];
  const rows = selectMovements(db)
    .where(inPeriod)
    .orderBy(asc(stockMovements.at), asc(stockMovements.id))
    .all()
    .map((m) => ({
      at: m.at,
      docNo: m.docNo,
      kind: wordOf(kinds, m.kind),
      partCode: m.partCode,
      partName: m.partName,
      qty: m.qty,
      unitCost: m.unitCost,
      orderNo: m.orderNo ?? '',
      user: m.userName ?? '',
    }));
  // 库存流水-20261101-20261130.xlsx: the period's first and last day.
  const base = `${NAMES.movements[lang]}-${localDate(from).replaceAll('-', '')}`;
  return workbookFile(exportFileName(base, to - 1), [
    sheetOf(NAMES.movements.sheet[lang], MOVEMENT_COLUMNS, lang, rows),
  ]);
}

/** Customers on file (not the ones merged into others), with all their numbers. */
export function exportCustomers(ctx: CallContext, lang: Language): Promise<XlsxFile> {
  const { db } = ctx.deps;
  const phonesOf = new Map<string, string[]>();
  const phoneRows = db
    .select({ customerId: customerPhones.customerId, phone: customerPhones.phone })
    .from(customerPhones)
    .orderBy(asc(customerPhones.customerId), asc(customerPhones.position))
    .all();
  for (const p of phoneRows) phonesOf.set(p.customerId, [...(phonesOf.get(p.customerId) ?? []), p.phone]);
  const yesNo = YES_NO[lang];
  const rows = db
    .select()
    .from(customers)
    .where(isNull(customers.mergedIntoId))
    .orderBy(asc(customers.code))
    .all()
    .map((c) => ({
      code: c.code,
      name: c.name,
      phones: (phonesOf.get(c.id) ?? []).join(' / '),
      type: LABELS.customerTypes[lang][c.type],
      level: c.level,
      email: c.email,
      address: c.address,
      company: c.company,
      tags: parseTags(c.tags).join(LIST_SEPARATOR[lang]),
      notes: c.notes,
      archived: c.archivedAt === null ? yesNo.no : yesNo.yes,
      createdAt: c.createdAt,
    }));
  return workbookFile(exportFileName(NAMES.customers[lang], ctx.deps.now()), [
    sheetOf(NAMES.customers.sheet[lang], CUSTOMER_EXPORT_COLUMNS, lang, rows),
  ]);
}
