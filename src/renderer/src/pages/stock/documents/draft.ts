import type { InputOf } from '@shared/contract';
import { adjustQty, countedQty, fen, stockQty, type Part } from '@shared/schemas/stock';
import { numberProblem, type Problem } from '../../../components/fieldChecks';
import { fenToYuan, yuanToFen } from '../../../lib/money';
import { numberOf } from '../../../lib/numberText';
import type { stockZhCN } from '../../../i18n/stock.zh-CN';

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

/** A line's figures as typed: never rounded or clamped, checked by lineProblem before posting. */
export interface DraftLine {
  part: DraftPart;
  /** Receipt, return, scrap: how many (≥ 1). Adjustment: the signed change (≠ 0). */
  qty: string;
  /** Receipt: the purchase price in 元, defaulting to the part's cost. */
  unitCost: string;
  /** Count: what is on the shelf. */
  countedQty: string;
}

export function newLine(part: DraftPart, qty: number | null = 1): DraftLine {
  return { part, qty: qty === null ? '' : String(qty), unitCost: fenToYuan(part.costPrice), countedQty: '' };
}

/** A whole number as typed on a line (null while empty or not a whole number). */
export function wholeOf(text: string): number | null {
  const value = numberOf(text, 0);
  return value !== null && Number.isInteger(value) ? value : null;
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
    case 'count': {
      const counted = wholeOf(line.countedQty);
      return counted === null ? null : counted - line.part.onHand;
    }
    case 'receipt':
    case 'adjustment':
      return wholeOf(line.qty);
    case 'supplierReturn':
    case 'scrap': {
      const qty = wholeOf(line.qty);
      return qty === null ? null : -qty;
    }
  }
}

/** What a line can lack before posting; Pick refuses a problem that has no words in stock.lines. */
export type LineProblem = keyof Pick<
  (typeof stockZhCN)['lines'],
  'needCounted' | 'needQty' | 'notZero' | 'needCost' | 'tooMany'
>;

/**
 * What is wrong with a line before it goes to the server, or null: a stock.lines message, or a
 * field problem from the contract's own schema for that figure (quantity range, amount).
 */
export function lineProblem(
  kind: ManualKind,
  line: DraftLine,
): (({ line: LineProblem } | { field: Problem }) & { on: 'qty' | 'unitCost' }) | null {
  const field = (problem: Problem | null, on: 'qty' | 'unitCost' = 'qty') =>
    problem ? { field: problem, on } : null;
  if (kind === 'count') {
    if (!line.countedQty.trim()) return { line: 'needCounted', on: 'qty' };
    return field(numberProblem(countedQty, { kind: 'whole' }, line.countedQty, true));
  }
  if (!line.qty.trim()) return { line: 'needQty', on: 'qty' };
  const qtySchema = kind === 'adjustment' ? adjustQty : stockQty;
  const qtyProblem = field(numberProblem(qtySchema, { kind: 'whole' }, line.qty, true));
  if (qtyProblem) return qtyProblem;
  const qty = wholeOf(line.qty) ?? 0;
  if (kind === 'adjustment') return qty === 0 ? { line: 'notZero', on: 'qty' } : null;
  if (kind === 'receipt') {
    if (!line.unitCost.trim()) return { line: 'needCost', on: 'unitCost' };
    return field(numberProblem(fen, { kind: 'money' }, line.unitCost, true), 'unitCost');
  }
  // Taking out more than is there: said at once, the server would refuse it anyway.
  if ((kind === 'supplierReturn' || kind === 'scrap') && qty > line.part.onHand) {
    return { line: 'tooMany', on: 'qty' };
  }
  return null;
}

export interface DraftHeader {
  supplierId?: string | null;
  reason?: string;
}

type DraftInput =
  | { method: 'stock.post'; input: InputOf<'stock.post'> }
  | { method: 'stock.adjust'; input: InputOf<'stock.adjust'> };

/** The draft as the contract's input; call only once no line has a problem. */
export function toInput(kind: ManualKind, header: DraftHeader, lines: DraftLine[]): DraftInput {
  const reason = header.reason?.trim() ?? '';
  const supplierId = header.supplierId ?? '';
  const qtyLines = lines.map((l) => ({ partId: l.part.id, qty: wholeOf(l.qty) ?? 0 }));
  switch (kind) {
    case 'receipt':
      return {
        method: 'stock.post',
        input: {
          kind,
          supplierId,
          lines: lines.map((l) => ({
            partId: l.part.id,
            qty: wholeOf(l.qty) ?? 0,
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
          lines: lines.map((l) => ({ partId: l.part.id, countedQty: wholeOf(l.countedQty) ?? 0 })),
        },
      };
    case 'adjustment':
      return { method: 'stock.adjust', input: { reason, lines: qtyLines } };
  }
}
