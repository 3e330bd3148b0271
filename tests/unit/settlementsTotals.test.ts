import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiscountInput } from '@shared/schemas/settlements';
import { amountInWords } from '@shared/money/amountInWords';
import {
  computeTotals,
  discountAmount,
  roundDue,
  settlementLines,
  type BillingRules,
  type ChargeSource,
  type OrderLines,
  type PartSource,
} from '../../src/main/services/settlements/totals';

/** The settlement arithmetic alone: integer fen in, integer fen out, every case worked by hand. */

const RULES: BillingRules = { roundingUnit: 'none', roundingMethod: 'down', discountLimitPercent: 10 };

let n = 0;
function part(unitPrice: number, qty = 1, fields: Partial<PartSource> = {}): PartSource {
  n += 1;
  return {
    id: `p${n}`,
    code: `P${n}`,
    name: `配件${n}`,
    spec: '',
    qty,
    unitPrice,
    unitCost: 100,
    coveredByWarranty: false,
    ...fields,
  };
}
function labor(amount: number, fields: Partial<ChargeSource> = {}): ChargeSource {
  n += 1;
  return {
    id: `c${n}`,
    kind: 'labor',
    code: 'WX',
    name: '维修工时',
    technicianName: '李师傅',
    hours: 1,
    amount,
    coveredByWarranty: false,
    ...fields,
  };
}
function fee(amount: number, fields: Partial<ChargeSource> = {}): ChargeSource {
  return labor(amount, {
    kind: 'fee',
    code: 'SM',
    name: '上门费',
    technicianName: null,
    hours: 0,
    ...fields,
  });
}
/** One plain part line worth `fen`, for the discount and rounding cases. */
function worth(fen: number): OrderLines {
  return { parts: [part(fen)], charges: [] };
}

describe('lines', () => {
  it('lists labor, then parts, then fees, numbered; qty × price; labor and fees are one each', () => {
    const lines = settlementLines({
      parts: [part(45000, 1, { spec: 'OLED' }), part(2000, 3, { unitCost: 300 })],
      charges: [fee(5000), labor(8000, { hours: 1.5 }), labor(3000, { technicianName: null, hours: 0 })],
    });
    expect(lines.map((l) => [l.lineNo, l.kind, l.qty, l.unitPrice, l.amount, l.listAmount, l.cost])).toEqual([
      [1, 'labor', 1, 8000, 8000, 8000, 0],
      [2, 'labor', 1, 3000, 3000, 3000, 0],
      [3, 'part', 1, 45000, 45000, 45000, 100],
      [4, 'part', 3, 2000, 6000, 6000, 900],
      [5, 'fee', 1, 5000, 5000, 5000, 0],
    ]);
    expect(lines.map((l) => l.detail)).toEqual(['李师傅 · 1.5h', '', 'OLED', '', '']);
  });

  it('shows warranty lines at zero to the customer and keeps their value and cost for the claim', () => {
    const t = computeTotals(
      {
        parts: [part(15000, 2, { coveredByWarranty: true, unitCost: 8000 }), part(2000)],
        charges: [labor(8000, { coveredByWarranty: true }), fee(5000)],
      },
      { type: 'none' },
      RULES,
    );
    expect(t.lines.map((l) => [l.coveredByWarranty, l.amount, l.listAmount, l.cost])).toEqual([
      [true, 0, 8000, 0],
      [true, 0, 30000, 16000],
      [false, 2000, 2000, 100],
      [false, 5000, 5000, 0],
    ]);
    expect(t).toMatchObject({ subtotal: 7000, warrantyValue: 38000, total: 7000, totalInWords: '柒拾元整' });
  });

  it('an order that is all warranty comes to zero, 零元整', () => {
    const t = computeTotals(
      { parts: [part(45000, 1, { coveredByWarranty: true })], charges: [] },
      { type: 'none' },
      RULES,
    );
    expect(t).toMatchObject({
      subtotal: 0,
      warrantyValue: 45000,
      discountAmount: 0,
      total: 0,
      totalInWords: '零元整',
    });
    expect(computeTotals({ parts: [], charges: [] }, { type: 'percent', value: 50 }, RULES)).toMatchObject({
      lines: [],
      subtotal: 0,
      total: 0,
      discountNeedsApproval: false,
    });
  });
});

describe('discount', () => {
  const cases: [string, number, DiscountInput, number][] = [
    ['none', 12345, { type: 'none' }, 0],
    ['an amount', 12345, { type: 'amount', value: 1000 }, 1000],
    ['an amount above the subtotal is capped at it', 12345, { type: 'amount', value: 20000 }, 12345],
    ['zero percent', 12345, { type: 'percent', value: 0 }, 0],
    ['10 % of 123.45 = 12.345 → 12.35 (half up)', 12345, { type: 'percent', value: 10 }, 1235],
    ['10 % of 123.44 = 12.344 → 12.34', 12344, { type: 'percent', value: 10 }, 1234],
    ['9.5 % of 9.99 = 0.94905 → 0.95', 999, { type: 'percent', value: 9.5 }, 95],
    ['0.1 % of 4.99 = 0.00499 → 0', 499, { type: 'percent', value: 0.1 }, 0],
    ['0.1 % of 5.00 = 0.005 → 0.01 (half up)', 500, { type: 'percent', value: 0.1 }, 1],
    ['33.3 % of 0.01 → 0', 1, { type: 'percent', value: 33.3 }, 0],
    ['12.5 % of 80.00 = 10.00 exactly', 8000, { type: 'percent', value: 12.5 }, 1000],
    ['100 % is the whole subtotal', 12345, { type: 'percent', value: 100 }, 12345],
    ['0.3 % (a float 0.3 × 10 is not 3) of 1000.00 = 3.00', 100000, { type: 'percent', value: 0.3 }, 300],
    ['99.9 % of ¥10,000,000 stays exact', 1_000_000_000, { type: 'percent', value: 99.9 }, 999_000_000],
  ];
  it.each(cases)('%s', (_label, subtotal, discount, expected) => {
    expect(discountAmount(subtotal, discount)).toBe(expected);
    const t = computeTotals(worth(subtotal), discount, RULES);
    expect(t.discountAmount).toBe(expected);
    expect(t.total).toBe(subtotal - expected);
    expect(t.discountType).toBe(discount.type);
    expect(t.discountValue).toBe(discount.type === 'none' ? 0 : discount.value);
  });

  it('needs a manager strictly above the limit share of the subtotal', () => {
    const needs = (subtotal: number, discount: DiscountInput, limit: number) =>
      computeTotals(worth(subtotal), discount, { ...RULES, discountLimitPercent: limit })
        .discountNeedsApproval;
    expect(needs(10000, { type: 'amount', value: 1000 }, 10)).toBe(false);
    expect(needs(10000, { type: 'amount', value: 1001 }, 10)).toBe(true);
    expect(needs(10000, { type: 'percent', value: 10 }, 10)).toBe(false);
    expect(needs(10000, { type: 'percent', value: 10.1 }, 10)).toBe(true);
    // 10 % of 0.05 is half a fen, rounded up to 1 fen = 20 %: above the limit.
    expect(needs(5, { type: 'percent', value: 10 }, 10)).toBe(true);
    expect(needs(10000, { type: 'amount', value: 1 }, 0)).toBe(true);
    expect(needs(10000, { type: 'none' }, 0)).toBe(false);
    expect(needs(10000, { type: 'percent', value: 100 }, 100)).toBe(false);
    // Capped at a zero subtotal, a discount asked for is no discount and needs no one.
    expect(needs(0, { type: 'amount', value: 5000 }, 10)).toBe(false);
  });
});

describe('rounding (抹零)', () => {
  const cases: [number, BillingRules['roundingUnit'], BillingRules['roundingMethod'], number][] = [
    [12345, 'none', 'down', 12345],
    [12345, 'none', 'halfUp', 12345],
    [12345, 'jiao', 'down', 12340],
    [12349, 'jiao', 'down', 12340],
    [12340, 'jiao', 'down', 12340],
    [12344, 'jiao', 'halfUp', 12340],
    [12345, 'jiao', 'halfUp', 12350],
    [12345, 'yuan', 'down', 12300],
    [12399, 'yuan', 'down', 12300],
    [12349, 'yuan', 'halfUp', 12300],
    [12350, 'yuan', 'halfUp', 12400],
    [12300, 'yuan', 'halfUp', 12300],
    [99, 'yuan', 'down', 0],
    [50, 'yuan', 'halfUp', 100],
    [4, 'jiao', 'halfUp', 0],
    [0, 'yuan', 'halfUp', 0],
  ];
  it.each(cases)('%i fen to the %s, %s → %i', (due, roundingUnit, roundingMethod, expected) => {
    expect(roundDue(due, { roundingUnit, roundingMethod })).toBe(expected);
    const t = computeTotals(worth(due), { type: 'none' }, { ...RULES, roundingUnit, roundingMethod });
    expect(t.total).toBe(expected);
    expect(t.rounding).toBe(expected - due);
    expect(t.totalInWords).toBe(amountInWords(expected));
  });

  it('rounds what is due after the discount, not the subtotal', () => {
    // 1000.00 − 8.5 % (85.00) = 915.00; − 33.33 = 966.67 → to the 元 down 966.00, half up 967.00.
    const yuanDown: BillingRules = { ...RULES, roundingUnit: 'yuan', discountLimitPercent: 100 };
    expect(computeTotals(worth(100000), { type: 'percent', value: 8.5 }, yuanDown)).toMatchObject({
      discountAmount: 8500,
      rounding: 0,
      total: 91500,
    });
    expect(computeTotals(worth(100000), { type: 'amount', value: 3333 }, yuanDown)).toMatchObject({
      discountAmount: 3333,
      rounding: -67,
      total: 96600,
      totalInWords: '玖佰陆拾陆元整',
    });
    expect(
      computeTotals(
        worth(100000),
        { type: 'amount', value: 3333 },
        { ...yuanDown, roundingMethod: 'halfUp' },
      ),
    ).toMatchObject({ rounding: 33, total: 96700 });
  });
});

describe('a whole settlement', () => {
  it('two labor lines, three parts (one under warranty), a discount and 抹零 to the 角', () => {
    const t = computeTotals(
      {
        charges: [
          labor(3000, { code: 'JC', name: '检测费', hours: 0.5 }),
          labor(8000, { code: 'WX', name: '维修工时', hours: 1 }),
        ],
        parts: [
          part(45000, 1, { unitCost: 30000 }),
          part(15000, 1, { coveredByWarranty: true, unitCost: 8000 }),
          part(2000, 2, { unitCost: 300 }),
        ],
      },
      { type: 'amount', value: 3333 },
      { roundingUnit: 'jiao', roundingMethod: 'down', discountLimitPercent: 10 },
    );
    // 30 + 80 + 450 + 0 (warranty, worth 150) + 2 × 20 = 600.00; − 33.33 = 566.67; 抹零 → 566.60.
    expect(t).toMatchObject({
      subtotal: 60000,
      warrantyValue: 15000,
      discountAmount: 3333,
      discountNeedsApproval: false,
      rounding: -7,
      total: 56660,
      totalInWords: '伍佰陆拾陆元陆角整',
    });
    expect(t.lines.map((l) => l.cost)).toEqual([0, 0, 30000, 8000, 600]);
  });
});

describe('invariants over random orders', () => {
  const source = fc.record({
    parts: fc.array(
      fc.record({
        unitPrice: fc.integer({ min: 0, max: 200_000 }),
        qty: fc.integer({ min: 1, max: 20 }),
        covered: fc.boolean(),
      }),
      { maxLength: 6 },
    ),
    charges: fc.array(
      fc.record({ amount: fc.integer({ min: 0, max: 50_000 }), covered: fc.boolean(), isFee: fc.boolean() }),
      { maxLength: 6 },
    ),
  });
  const discount: fc.Arbitrary<DiscountInput> = fc.oneof(
    fc.constant({ type: 'none' as const }),
    fc.integer({ min: 0, max: 3_000_000 }).map((value) => ({ type: 'amount' as const, value })),
    fc.integer({ min: 0, max: 1000 }).map((tenths) => ({ type: 'percent' as const, value: tenths / 10 })),
  );
  const rules: fc.Arbitrary<BillingRules> = fc.record({
    roundingUnit: fc.constantFrom('none' as const, 'jiao' as const, 'yuan' as const),
    roundingMethod: fc.constantFrom('down' as const, 'halfUp' as const),
    discountLimitPercent: fc.integer({ min: 0, max: 100 }),
  });

  it('every figure is whole fen and they add up', () => {
    fc.assert(
      fc.property(source, discount, rules, (src, d, r) => {
        const t = computeTotals(
          {
            parts: src.parts.map((p) => part(p.unitPrice, p.qty, { coveredByWarranty: p.covered })),
            charges: src.charges.map((c) =>
              c.isFee
                ? fee(c.amount, { coveredByWarranty: c.covered })
                : labor(c.amount, { coveredByWarranty: c.covered }),
            ),
          },
          d,
          r,
        );
        const figures = [t.subtotal, t.warrantyValue, t.discountAmount, t.rounding, t.total];
        expect(figures.every(Number.isSafeInteger)).toBe(true);
        expect(t.subtotal).toBe(t.lines.reduce((s, l) => s + l.amount, 0));
        expect(t.warrantyValue + t.subtotal).toBe(t.lines.reduce((s, l) => s + l.listAmount, 0));
        expect(t.discountAmount).toBeGreaterThanOrEqual(0);
        expect(t.discountAmount).toBeLessThanOrEqual(t.subtotal);
        if (d.type === 'percent') {
          // |discount − subtotal × p| ≤ half a fen, the half going up: in thousandths of a fen.
          const error = 1000 * t.discountAmount - t.subtotal * Math.round(d.value * 10);
          expect(error).toBeGreaterThan(-500);
          expect(error).toBeLessThanOrEqual(500);
        }
        expect(t.discountNeedsApproval).toBe(t.discountAmount * 100 > t.subtotal * r.discountLimitPercent);
        const unit = { none: 1, jiao: 10, yuan: 100 }[r.roundingUnit];
        expect(t.total % unit).toBe(0);
        expect(t.total).toBe(t.subtotal - t.discountAmount + t.rounding);
        if (r.roundingMethod === 'down') {
          expect(t.rounding).toBeLessThanOrEqual(0);
          expect(t.rounding).toBeGreaterThan(-unit);
        } else {
          expect(2 * t.rounding).toBeGreaterThan(-unit);
          expect(2 * t.rounding).toBeLessThanOrEqual(unit);
        }
        expect(t.total).toBeGreaterThanOrEqual(0);
        expect(t.totalInWords).toBe(amountInWords(t.total));
      }),
      { numRuns: 500 },
    );
  });
});
