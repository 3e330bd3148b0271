/**
 * round(num / den), halves rounded up, exactly (BigInt, so a large amount cannot lose precision):
 * moving-average costs and percent discounts in fen. Both arguments are non-negative.
 */
export function divideHalfUp(num: bigint, den: bigint): number {
  return Number((2n * num + den) / (2n * den));
}
