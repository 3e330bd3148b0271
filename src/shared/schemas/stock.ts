import { z } from 'zod';
import { epochMs, id, page, pageSize, paged, recordVersion } from './common';
import { optionalPhone } from './customers';

/** The most any amount may be, in fen: ¥10,000,000.00 (forms read it from `fen` too). */
export const MONEY_MAX_FEN = 1_000_000_000;
/** Money in fen (1/100 yuan), never floats. */
export const fen = z.int().nonnegative().max(MONEY_MAX_FEN);
/** A line's quantity in a stock document; the document forms check against this same schema. */
export const stockQty = z.int().min(1).max(1_000_000);
const qty = stockQty;
/** What a count line found on the shelf. */
export const countedQty = z.int().nonnegative().max(1_000_000);
/** An adjustment line's signed change. */
export const adjustQty = z.int().min(-1_000_000).max(1_000_000);

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
export const updatePartInput = z.object({ id, version: recordVersion, ...partFields }).strict();

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
  version: recordVersion,
});
export type Part = z.infer<typeof part>;

export const listPartsInput = z
  .object({
    /** Matches code, name, barcode or compatible models. */
    search: z.string().trim().max(60).default(''),
    category: z.string().trim().max(40).optional(),
    includeArchived: z.boolean().default(false),
    page,
    pageSize,
  })
  .strict();
export const partList = paged(part);

const supplierFields = {
  name: z.string().trim().min(1).max(80),
  contact: z.string().trim().max(40).default(''),
  phone: optionalPhone.default(''),
  notes: z.string().trim().max(1000).default(''),
};
export const createSupplierInput = z.object(supplierFields).strict();
export const updateSupplierInput = z.object({ id, version: recordVersion, ...supplierFields }).strict();
export const listSuppliersInput = z.object({ includeArchived: z.boolean().default(false) }).strict();
export const supplier = z.object({
  id,
  ...{ name: z.string(), contact: z.string(), phone: z.string(), notes: z.string() },
  archivedAt: epochMs.nullable(),
  createdAt: epochMs,
  updatedAt: epochMs,
  version: recordVersion,
});
export type Supplier = z.infer<typeof supplier>;

export const STOCK_DOCUMENT_KINDS = [
  'receipt',
  'supplierReturn',
  'scrap',
  'count',
  'adjustment',
  /** Made by a work order when a part line is added (领料). */
  'orderIssue',
  /** Made by a work order when a line is removed or the order cancelled (退料). */
  'orderReturn',
  /** A manager's correction of a part's moving-average cost (成本调整); moves no stock. */
  'costAdjustment',
] as const;
export type StockDocumentKind = (typeof STOCK_DOCUMENT_KINDS)[number];
const stockDocumentKind = z.enum(STOCK_DOCUMENT_KINDS);

const lines = <T extends z.ZodType>(line: T) => z.array(line).min(1).max(500);
/** Why a document was posted: required on scraps, adjustments and reversals, optional otherwise. */
export const stockReason = z.string().trim().min(1).max(200);
const reason = stockReason;
export const optionalStockReason = z.string().trim().max(200).default('');

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
      reason: optionalStockReason,
      lines: lines(z.object({ partId: id, qty }).strict()),
    })
    .strict(),
  z
    .object({ kind: z.literal('scrap'), reason, lines: lines(z.object({ partId: id, qty }).strict()) })
    .strict(),
  z
    .object({
      kind: z.literal('count'),
      reason: optionalStockReason,
      lines: lines(z.object({ partId: id, countedQty }).strict()),
    })
    .strict(),
]);

export const adjustStockInput = z
  .object({
    reason,
    lines: lines(
      z
        .object({ partId: id, qty: adjustQty })
        .strict()
        .refine((l) => l.qty !== 0, { path: ['qty'], message: 'not zero' }),
    ),
  })
  .strict();

export const reverseStockInput = z.object({ id, reason }).strict();

/** A manager corrects a part's cost: the new moving-average cost per unit, and why. */
export const adjustCostInput = z.object({ id, unitCost: fen, reason }).strict();

export const stockDocumentLine = z.object({
  lineNo: z.int(),
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  partSpec: z.string(),
  unit: z.string(),
  location: z.string(),
  qty: z.int(),
  countedQty: z.int().nullable(),
  unitCost: fen,
  costBefore: fen,
  costAfter: fen,
});
export const stockDocument = z.object({
  id,
  docNo: z.string(),
  kind: stockDocumentKind,
  status: z.literal('posted'),
  supplierId: id.nullable(),
  supplierName: z.string().nullable(),
  /** orderIssue / orderReturn: the work order that made the document. */
  workOrderId: id.nullable(),
  orderNo: z.string().nullable(),
  reason: z.string(),
  reversesId: id.nullable(),
  reversesDocNo: z.string().nullable(),
  reversedById: id.nullable(),
  createdBy: id.nullable(),
  createdByName: z.string().nullable(),
  postedAt: epochMs,
  /** Sum of the lines' signed quantities and of qty × unit cost (fen). */
  totalQty: z.int(),
  totalCost: z.int(),
  lines: z.array(stockDocumentLine),
});
export type StockDocument = z.infer<typeof stockDocument>;

export const listStockDocumentsInput = z
  .object({
    kind: stockDocumentKind.optional(),
    /** Matches the document number. */
    search: z.string().trim().max(40).default(''),
    from: epochMs.optional(),
    to: epochMs.optional(),
    page,
    pageSize,
  })
  .strict();
export const stockDocumentList = paged(stockDocument.omit({ lines: true }));

/** The ledger: one part's movements, or every part's for a period (movements report). */
export const movementsInput = z
  .object({
    partId: id.optional(),
    kind: stockDocumentKind.optional(),
    /** Inclusive start, exclusive end (epoch ms). */
    from: epochMs.optional(),
    to: epochMs.optional(),
    page,
    pageSize,
  })
  .strict();
export const stockMovement = z.object({
  id,
  partId: id,
  partCode: z.string(),
  partName: z.string(),
  documentId: id,
  docNo: z.string(),
  kind: stockDocumentKind,
  orderNo: z.string().nullable(),
  qty: z.int(),
  unitCost: fen,
  at: epochMs,
  userId: id.nullable(),
  userName: z.string().nullable(),
});
export type StockMovement = z.infer<typeof stockMovement>;
/** qtyIn / qtyOut: totals of the positive and negative movements under the same filter. */
export const movementList = paged(stockMovement).extend({ qtyIn: z.int(), qtyOut: z.int() });

export const stockCheck = z.object({
  parts: z.int().nonnegative(),
  mismatches: z.array(z.object({ partId: id, code: z.string(), onHand: z.int(), ledger: z.int() })),
});

/**
 * Parts at or below their minimum stock, and parts open work orders wait for beyond what is on
 * hand. Waited-for parts come first. Suggested reorder: 2 × minimum + quantity waited for − on
 * hand, at least 1.
 */
export const stockAlert = z.object({
  partId: id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  unit: z.string(),
  location: z.string(),
  onHand: z.int(),
  minStock: z.int(),
  waitingQty: z.int(),
  waitingOrders: z.array(z.object({ id, orderNo: z.string() })),
  suggestedQty: z.int(),
  defaultSupplierId: id.nullable(),
  supplierName: z.string().nullable(),
});
export type StockAlert = z.infer<typeof stockAlert>;

/** Stock on hand with valuation at the moving-average cost. */
export const valuationInput = z
  .object({
    search: z.string().trim().max(60).default(''),
    category: z.string().trim().max(40).optional(),
    /** Parts with nothing on hand are left out unless asked for. */
    includeZero: z.boolean().default(false),
  })
  .strict();
export const valuationRow = z.object({
  partId: id,
  code: z.string(),
  name: z.string(),
  spec: z.string(),
  category: z.string(),
  unit: z.string(),
  location: z.string(),
  onHand: z.int(),
  minStock: z.int(),
  costPrice: fen,
  salePrice: fen,
  /** onHand × costPrice, fen. */
  value: z.int(),
});
export const valuation = z.object({
  rows: z.array(valuationRow),
  totalQty: z.int(),
  totalValue: z.int(),
});
export type Valuation = z.infer<typeof valuation>;

/** Most-used parts in a period: issued to work orders minus returned from them. */
export const usageInput = z
  .object({ from: epochMs, to: epochMs, limit: z.int().min(1).max(500).default(50) })
  .strict();
export const usageRow = z.object({
  partId: id,
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  qty: z.int(),
  /** Distinct work orders that used the part. */
  orders: z.int(),
  /** Net quantity × the cost at the time, fen. */
  costValue: z.int(),
});
