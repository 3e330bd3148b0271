import { describe, expect, it } from 'vitest';
import { boundsOf, maxLengthOf } from '@shared/fieldLimits';
import { createSupplierInput, fen, MONEY_MAX_FEN, stockQty } from '@shared/schemas/stock';
import { createWorkOrderInput } from '@shared/schemas/workOrders';
import { serviceItem } from '@shared/schemas/billing';
import { numberProblem, textProblem } from '../../../src/renderer/src/components/fieldChecks';
import { fenToYuan, yuanToFen } from '../../../src/renderer/src/lib/money';
import { numberOf, scaledOf } from '../../../src/renderer/src/lib/numberText';

/** The form side of issue 11 item 4: what was typed is read exactly or refused, never adjusted. */
describe('reading typed numbers', () => {
  it('reads 元 to fen exactly, and refuses what is not an amount instead of guessing', () => {
    expect(yuanToFen('12.3')).toBe(1230);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen(' 800 ')).toBe(80000);
    expect(yuanToFen('-50')).toBe(-5000);
    expect(yuanToFen('')).toBeNull();
    for (const text of ['abc', '12.345', '1e3', '12,50', '¥12', '.5', '1.2.3']) {
      expect(yuanToFen(text), text).toBeNull();
    }
    expect(scaledOf('12.345', 2)).toEqual({ ok: false, problem: 'places' });
    expect(scaledOf('abc', 2)).toEqual({ ok: false, problem: 'notNumber' });
    // Far beyond any limit, but never rounded into something that would pass.
    expect(scaledOf('99999999999999999999', 0)).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(fenToYuan(1230)).toBe('12.30');
    expect(fenToYuan(null)).toBe('');
    expect(numberOf('1.5', 1)).toBe(1.5);
  });

  it('checks money against the contract’s own fen limits', () => {
    const money = { kind: 'money' } as const;
    expect(numberProblem(fen, money, '-50', false)).toEqual({ key: 'amountNegative' });
    expect(numberProblem(fen, money, 'abc', false)).toEqual({ key: 'notAmount' });
    expect(numberProblem(fen, money, '1.005', false)).toEqual({ key: 'amountPlaces' });
    expect(numberProblem(fen, money, '10000000.01', false)).toEqual({
      key: 'amountMax',
      values: { max: '¥10,000,000.00' },
    });
    expect(numberProblem(fen, money, '10000000', false)).toBeNull();
    expect(numberProblem(fen, money, '', false)).toBeNull();
    expect(numberProblem(fen, money, '', true)).toEqual({ key: 'required' });
    expect(boundsOf(fen)).toEqual({ min: 0, max: MONEY_MAX_FEN });
  });

  it('checks quantities and decimals against their ranges, refusing instead of clamping', () => {
    const whole = { kind: 'whole' } as const;
    expect(numberProblem(stockQty, whole, '99999999999', true)).toEqual({
      key: 'wholeRange',
      values: { min: '1', max: '1,000,000' },
    });
    expect(numberProblem(stockQty, whole, '1.5', true)).toEqual({ key: 'notWhole' });
    expect(numberProblem(stockQty, whole, '0', true)).toMatchObject({ key: 'wholeRange' });
    expect(numberProblem(stockQty, whole, '1000000', true)).toBeNull();
    const hours = { kind: 'decimal', places: 1 } as const;
    expect(numberProblem(serviceItem.shape.hours, hours, '1.25', true)).toEqual({
      key: 'decimalPlaces',
      values: { places: 1 },
    });
    expect(numberProblem(serviceItem.shape.hours, hours, '150', true)).toEqual({
      key: 'numberRange',
      values: { min: '0', max: '100' },
    });
    expect(numberProblem(serviceItem.shape.hours, hours, '0.3', true)).toBeNull();
  });
});

describe('checking typed text', () => {
  const fault = createWorkOrderInput.shape.reportedFault;

  it('takes the limit from the schema dispatch parses with', () => {
    expect(maxLengthOf(fault)).toBe(1000);
    expect(maxLengthOf(createSupplierInput.shape.notes)).toBe(1000);
    expect(() => maxLengthOf(fen)).toThrow();
  });

  it('refuses over-long text with the limit, empty required text as required', () => {
    expect(textProblem(fault, '屏'.repeat(3000))).toEqual({ key: 'maxLength', values: { max: 1000 } });
    expect(textProblem(fault, '屏'.repeat(1000))).toBeNull();
    expect(textProblem(fault, '   ')).toEqual({ key: 'required' });
    expect(textProblem(fault, undefined)).toEqual({ key: 'required' });
  });

  it('refuses a supplier phone such as "abcdefg" by the customers’ rule, and lets it be empty', () => {
    const phone = createSupplierInput.shape.phone;
    expect(textProblem(phone, 'abcdefg', 'phone')).toEqual({ key: 'phone' });
    expect(textProblem(phone, '0755-8888 8888', 'phone')).toBeNull();
    expect(textProblem(phone, '', 'phone')).toBeNull();
  });
});
