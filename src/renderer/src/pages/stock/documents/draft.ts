import type { InputOf } from '@shared/contract';
import type { Part } from '@shared/schemas/stock';
import { yuanToFen } from '../../../components/money';

/** The documents a person writes; work orders make the other two (领料 / 退料) themselves. */
export const MANUAL_KINDS = ['receipt', 'supplierReturn', 'scrap', 'count', 'adjustment'] as const;
export type ManualKind = (typeof MANUAL_KINDS)[number];

export function isManualKind(value: string | undefined): value is ManualKind {
  return value !== undefined && (MANUAL_KINDS as readonly string[]).includes(value);
}

/** What a line needs to know about its part (from the catalog or the valued stock list). */
export interface DraftPart {
  id: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  location: string;
  onHand: number;
  costPrice: number;
}

export function draftPart(p: Part): DraftPart {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    spec: p.spec,
    unit: p.unit,
    location: p.location,
    onHand: p.onHand,
    costPrice: p.costPrice,
  };
}

export interface DraftLine {
  part: DraftPart;
  /** Receipt, return, scrap: how many (≥ 1). Adjustment: the signed change (≠ 0). */
  qty: number | null;
  /** Receipt: the purchase price in 元, defaulting to the part's cost. */
  unitCost: number | null;
  /** Count: what is on the shelf. */
  countedQty: number | null;
}

export function newLine(part: DraftPart, qty: number | null = 1): DraftLine {
  return { part, qty, unitCost: part.costPrice / 100, countedQty: null };
}

/** Receipt, return and scrap take a positive quantity, an adjustment a signed one, a count none. */
export function takesQty(kind: ManualKind): boolean {
  return kind !== 'count';
}

export function takesSupplier(kind: ManualKind): kind is 'receipt' | 'supplierReturn' {
  return kind === 'receipt' || kind === 'supplierReturn';
}

/** Scraps and adjustments must say why; returns and counts may. */
export function reasonRequired(kind: ManualKind): boolean {
  return kind === 'scrap' || kind === 'adjustment';
}

/** The stock change a line makes once posted (null while its figures are missing). */
export function lineChange(kind: ManualKind, line: DraftLine): number | null {
  switch (kind) {
    case 'count':
      return line.countedQty === null ? null : line.countedQty - line.part.onHand;
    case 'receipt':
    case 'adjustment':
      return line.qty;
    case 'supplierReturn':
    case 'scrap':
      return line.qty === null ? null : -line.qty;
  }
}

export type LineProblem = 'needCounted' | 'needQty' | 'notZero' | 'needCost' | 'tooMany';

/** What is wrong with a line before it goes to the server (a stock.lines message key), or null. */
export function lineProblem(kind: ManualKind, line: DraftLine): LineProblem | null {
  if (kind === 'count') return line.countedQty === null ? 'needCounted' : null;
  if (line.qty === null) return 'needQty';
  if (kind === 'adjustment') return line.qty === 0 ? 'notZero' : null;
  if (line.qty < 1) return 'needQty';
  if (kind === 'receipt' && line.unitCost === null) return 'needCost';
  // Taking out more than is there: said at once, the server would refuse it anyway.
  if ((kind === 'supplierReturn' || kind === 'scrap') && line.qty > line.part.onHand) return 'tooMany';
  return null;
}

export interface DraftHeader {
  supplierId?: string | null;
  reason?: string;
}

export type DraftInput =
  | { method: 'stock.post'; input: InputOf<'stock.post'> }
  | { method: 'stock.adjust'; input: InputOf<'stock.adjust'> };

/** The draft as the contract's input; call only once no line has a problem. */
export function toInput(kind: ManualKind, header: DraftHeader, lines: DraftLine[]): DraftInput {
  const reason = header.reason?.trim() ?? '';
  const supplierId = header.supplierId ?? '';
  const qtyLines = lines.map((l) => ({ partId: l.part.id, qty: l.qty ?? 0 }));
  switch (kind) {
    case 'receipt':
      return {
        method: 'stock.post',
        input: {
          kind,
          supplierId,
          lines: lines.map((l) => ({
            partId: l.part.id,
            qty: l.qty ?? 0,
            unitCost: yuanToFen(l.unitCost) ?? 0,
          })),
        },
      };
    case 'supplierReturn':
      return { method: 'stock.post', input: { kind, supplierId, reason, lines: qtyLines } };
    case 'scrap':
      return { method: 'stock.post', input: { kind, reason, lines: qtyLines } };
    case 'count':
      return {
        method: 'stock.post',
        input: {
          kind,
          reason,
          lines: lines.map((l) => ({ partId: l.part.id, countedQty: l.countedQty ?? 0 })),
        },
      };
    case 'adjustment':
      return { method: 'stock.adjust', input: { reason, lines: qtyLines } };
  }
}
