import { z } from 'zod';
import { epochMs, id, page, pageSize, paged } from './common';

/** Money in fen (1/100 yuan), never floats. */
export const fen = z.int().nonnegative().max(1_000_000_000);
const qty = z.int().min(1).max(1_000_000);

const partFields = {
  code: z.string().trim().toUpperCase().min(1).max(40),
  name: z.string().trim().min(1).max(80),
  spec: z.string().trim().max(120).default(''),
  compatibleModels: z.string().trim().max(500).default(''),
  category: z.string().trim().max(40).default(''),
  unit: z.string().trim().min(1).max(10).default('个'),
  barcode: z.string().trim().max(40).default(''),
  salePrice: fen.default(0),
  minStock: z.int().nonnegative().max(1_000_000).default(0),
  location: z.string().trim().max(40).default(''),
  defaultSupplierId: id.nullable().default(null),
};

/** The cost price is set once at creation; afterwards receipts move it (moving average). */
export const createPartInput = z.object({ ...partFields, costPrice: fen.default(0) }).strict();
export const updatePartInput = z.object({ id, ...partFields }).strict();

export const part = z.object({
  id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  compatibleModels: z.string(),
  category: z.string(),
  unit: z.string(),
  barcode: z.string(),
  costPrice: fen,
  salePrice: fen,
  minStock: z.int(),
  location: z.string(),
  defaultSupplierId: id.nullable(),
  onHand: z.int(),
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Part = z.infer<typeof part>;

export const listPartsInput = z
  .object({
    /** Matches code, name or barcode. */
    search: z.string().trim().max(60).default(''),
    includeArchived: z.boolean().default(false),
    page,
    pageSize,
  })
  .strict();
export const partList = paged(part);

const supplierFields = {
  name: z.string().trim().min(1).max(80),
  contact: z.string().trim().max(40).default(''),
  phone: z.string().trim().max(40).default(''),
  notes: z.string().trim().max(1000).default(''),
};
export const createSupplierInput = z.object(supplierFields).strict();
export const updateSupplierInput = z.object({ id, ...supplierFields }).strict();
export const listSuppliersInput = z.object({ includeArchived: z.boolean().default(false) }).strict();
export const supplier = z.object({
  id,
  ...{ name: z.string(), contact: z.string(), phone: z.string(), notes: z.string() },
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
});
export type Supplier = z.infer<typeof supplier>;

export const STOCK_DOCUMENT_KINDS = ['receipt', 'supplierReturn', 'scrap', 'count', 'adjustment'] as const;
export type StockDocumentKind = (typeof STOCK_DOCUMENT_KINDS)[number];

const lines = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(500);
const reason = z.string().trim().min(1).max(200);

/** The documents a clerk posts; adjustments have their own method (manager). */
export const postStockInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('receipt'),
      supplierId: id,
      lines: lines(z.object({ partId: id, qty, unitCost: fen }).strict()),
    })
    .strict(),
  z
    .object({
      kind: z.literal('supplierReturn'),
      supplierId: id,
      reason: z.string().trim().max(200).default(''),
      lines: lines(z.object({ partId: id, qty }).strict()),
    })
    .strict(),
  z
    .object({ kind: z.literal('scrap'), reason, lines: lines(z.object({ partId: id, qty }).strict()) })
    .strict(),
  z
    .object({
      kind: z.literal('count'),
      reason: z.string().trim().max(200).default(''),
      lines: lines(z.object({ partId: id, countedQty: z.int().nonnegative().max(1_000_000) }).strict()),
    })
    .strict(),
]);
export type PostStockInput = z.input<typeof postStockInput>;

export const adjustStockInput = z
  .object({
    reason,
    lines: lines(
      z
        .object({ partId: id, qty: z.int().min(-1_000_000).max(1_000_000) })
        .strict()
        .refine((l) => l.qty !== 0, { path: ['qty'], message: 'not zero' }),
    ),
  })
  .strict();

export const reverseStockInput = z.object({ id, reason }).strict();

export const stockDocumentLine = z.object({
  lineNo: z.int(),
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  qty: z.int(),
  countedQty: z.int().nullable(),
  unitCost: fen,
  costBefore: fen,
  costAfter: fen,
});
export const stockDocument = z.object({
  id,
  docNo: z.string(),
  kind: z.enum(STOCK_DOCUMENT_KINDS),
  status: z.literal('posted'),
  supplierId: id.nullable(),
  reason: z.string(),
  reversesId: id.nullable(),
  reversedById: id.nullable(),
  createdBy: id.nullable(),
  postedAt: epochMs,
  lines: z.array(stockDocumentLine),
});
export type StockDocument = z.infer<typeof stockDocument>;

export const listStockDocumentsInput = z
  .object({ kind: z.enum(STOCK_DOCUMENT_KINDS).optional(), page, pageSize })
  .strict();
export const stockDocumentList = paged(stockDocument.omit({ lines: true }));

export const movementsInput = z.object({ partId: id, page, pageSize }).strict();
export const stockMovement = z.object({
  id,
  partId: id,
  documentId: id,
  docNo: z.string(),
  kind: z.enum(STOCK_DOCUMENT_KINDS),
  qty: z.int(),
  unitCost: fen,
  at: epochMs,
  userId: id.nullable(),
});
export const movementList = paged(stockMovement);

export const stockCheck = z.object({
  parts: z.int().nonnegative(),
  mismatches: z.array(z.object({ partId: id, code: z.string(), onHand: z.int(), ledger: z.int() })),
});
