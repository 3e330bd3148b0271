import type { BillingSettings, ServiceItemKind } from '@shared/schemas/billing';
import type { ChargeLine } from '@shared/schemas/charges';
import type { OrderPartLine } from '@shared/schemas/orderParts';
import type { DiscountInput, SettlementLine, SettlementTotals } from '@shared/schemas/settlements';
import { amountInWords } from '@shared/money/amountInWords';
import { divideHalfUp } from '../divideHalfUp';

/**
 * The figures of a settlement, from the order's lines, the discount and the billing settings.
 * Pure and integer-only: every amount is whole fen, a percentage is taken in tenths of a percent
 * and divided exactly (BigInt), so no float ever touches money. The preview, the saved settlement
 * and the delivery check all come through here.
 */

/** A part line in use on the order. */
export interface PartSource {
  id: string;
  code: string;
  name: string;
  spec: string;
  qty: number;
  unitPrice: number;
  unitCost: number;
  coveredByWarranty: boolean;
  /** Free under the order's service contract (maintenance/coverage.ts); not a maker's claim. */
  coveredByContract?: boolean;
}

/** A labor or fee line in use on the order. */
export interface ChargeSource {
  id: string;
  kind: ServiceItemKind;
  code: string;
  name: string;
  technicianName: string | null;
  hours: number;
  amount: number;
  coveredByWarranty: boolean;
  coveredByContract?: boolean;
}

export interface OrderLines {
  parts: readonly PartSource[];
  charges: readonly ChargeSource[];
}

/** An order's lines as its detail reads them, as the totals take them. */
export function toOrderLines(parts: readonly OrderPartLine[], charges: readonly ChargeLine[]): OrderLines {
  return {
    parts: parts.map((p) => ({
      id: p.id,
      code: p.partCode,
      name: p.partName,
      spec: p.partSpec,
      qty: p.qty,
      unitPrice: p.unitPrice,
      unitCost: p.unitCost,
      coveredByWarranty: p.coveredByWarranty,
    })),
    charges: charges.map((c) => ({
      id: c.id,
      kind: c.kind,
      code: c.itemCode,
      name: c.name,
      technicianName: c.technicianName,
      hours: c.hours,
      amount: c.amount,
      coveredByWarranty: c.coveredByWarranty,
    })),
  };
}

export type BillingRules = Pick<BillingSettings, 'roundingUnit' | 'roundingMethod' | 'discountLimitPercent'>;

/** A settlement line and the order line it was made from. */
export type SourcedLine = SettlementLine & { sourceId: string };

export type Totals = Omit<SettlementTotals, 'lines'> & { lines: SourcedLine[] };

const ROUNDING_FEN: Record<BillingRules['roundingUnit'], number> = { none: 1, jiao: 10, yuan: 100 };

/** "张师傅 · 1.5h": who did the labor and for how long; empty for a fee. */
function laborDetail(c: ChargeSource): string {
  if (c.kind !== 'labor') return '';
  const hours = c.hours > 0 ? `${c.hours}h` : '';
  return [c.technicianName ?? '', hours].filter(Boolean).join(' · ');
}

function line(
  sourceId: string,
  fields: Omit<SettlementLine, 'lineNo' | 'amount' | 'listAmount'>,
  byContract = false,
): Omit<SourcedLine, 'lineNo'> {
  const listAmount = fields.qty * fields.unitPrice;
  const free = fields.coveredByWarranty || byContract;
  return { ...fields, sourceId, listAmount, amount: free ? 0 : listAmount };
}

/** Labor first, then parts, then other fees, each in the order it was added (the 结算单's layout). */
export function settlementLines(source: OrderLines): SourcedLine[] {
  const charge = (c: ChargeSource) =>
    line(
      c.id,
      {
        kind: c.kind,
        code: c.code,
        name: c.name,
        detail: laborDetail(c),
        qty: 1,
        unitPrice: c.amount,
        coveredByWarranty: c.coveredByWarranty,
        cost: 0,
      },
      c.coveredByContract,
    );
  const part = (p: PartSource) =>
    line(
      p.id,
      {
        kind: 'part',
        code: p.code,
        name: p.name,
        detail: p.spec,
        qty: p.qty,
        unitPrice: p.unitPrice,
        coveredByWarranty: p.coveredByWarranty,
        cost: p.unitCost * p.qty,
      },
      p.coveredByContract,
    );
  return [
    ...source.charges.filter((c) => c.kind === 'labor').map(charge),
    ...source.parts.map(part),
    ...source.charges.filter((c) => c.kind === 'fee').map(charge),
  ].map((l, i) => ({ ...l, lineNo: i + 1 }));
}

/** The discount in fen: an amount, or a percent (to 0.1 %) of the subtotal half up; never above the subtotal. */
export function discountAmount(subtotal: number, discount: DiscountInput): number {
  switch (discount.type) {
    case 'none':
      return 0;
    case 'amount':
      return Math.min(discount.value, subtotal);
    case 'percent': {
      const tenths = BigInt(Math.round(discount.value * 10));
      return Math.min(divideHalfUp(BigInt(subtotal) * tenths, 1000n), subtotal);
    }
  }
}

/** 抹零: the amount due to the rounding unit, down (in the customer's favour) or half up. */
export function roundDue(due: number, rules: Pick<BillingRules, 'roundingUnit' | 'roundingMethod'>): number {
  const unit = ROUNDING_FEN[rules.roundingUnit];
  const lifted = rules.roundingMethod === 'halfUp' ? due + unit / 2 : due;
  return Math.floor(lifted / unit) * unit;
}

/** What the lines charge before any discount: warranty lines count at ¥0. */
export function subtotalOf(lines: readonly SettlementLine[]): number {
  return lines.reduce((sum, l) => sum + l.amount, 0);
}

export function computeTotals(source: OrderLines, discount: DiscountInput, rules: BillingRules): Totals {
  const lines = settlementLines(source);
  const subtotal = subtotalOf(lines);
  const warrantyValue = lines.filter((l) => l.coveredByWarranty).reduce((sum, l) => sum + l.listAmount, 0);
  const off = discountAmount(subtotal, discount);
  const due = subtotal - off;
  const total = roundDue(due, rules);
  return {
    lines,
    subtotal,
    warrantyValue,
    discountType: discount.type,
    discountValue: discount.type === 'none' ? 0 : discount.value,
    discountAmount: off,
    discountNeedsApproval: off * 100 > subtotal * rules.discountLimitPercent,
    rounding: total - due,
    total,
    totalInWords: amountInWords(total),
  };
}
