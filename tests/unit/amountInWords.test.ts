import { describe, expect, it } from 'vitest';
import { amountInWords } from '@shared/money/amountInWords';

describe('amount in Chinese capitals (大写金额)', () => {
  it.each([
    // The cases the settlement issue names.
    [0, '零元整'],
    [5, '伍分'],
    [50, '伍角整'],
    [100, '壹元整'],
    [1000, '壹拾元整'],
    [1005, '壹拾元零伍分'],
    [10010, '壹佰元零壹角整'],
    [100000, '壹仟元整'],
    [1000100, '壹万零壹元整'],
    [10000000101, '壹亿零壹元零壹分'],
    [100000000000, '壹拾亿元整'],
    // The examples printed in the rules themselves.
    [140950, '壹仟肆佰零玖元伍角整'],
    [600714, '陆仟零柒元壹角肆分'],
    [168032, '壹仟陆佰捌拾元零叁角贰分'],
    [10700053, '壹拾万柒仟元零伍角叁分'],
    [1640902, '壹万陆仟肆佰零玖元零贰分'],
    [32504, '叁佰贰拾伍元零肆分'],
    // The issue's own example and other zero placements.
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [55, '伍角伍分'],
    [1001000, '壹万零壹拾元整'],
    [10001000000, '壹亿零壹万元整'],
    [100000000, '壹佰万元整'],
    [1010101, '壹万零壹佰零壹元零壹分'],
    [99999999999999, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [-2500, '负贰拾伍元整'],
  ])('%i fen → %s', (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it('refuses what it cannot write exactly', () => {
    expect(() => amountInWords(0.5)).toThrow(RangeError);
    expect(() => amountInWords(100_000_000_000_000)).toThrow(RangeError);
  });
});
