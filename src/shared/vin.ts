/**
 * Vehicle identification numbers (VIN, 车辆识别代号): ISO 3779 / GB 16735. Seventeen characters,
 * never I, O or Q (they read as 1 and 0), with a check digit in position 9 computed from the other
 * sixteen. North American and Chinese VINs carry it; some imported vehicles (European makers) do
 * not, so a wrong check digit may be kept once the clerk confirms such an import (see vinCheck).
 */

export const VIN_LENGTH = 17;

/** ISO 3779 transliteration of letters to values (digits are their own value). */
const LETTER_VALUES: Readonly<Record<string, number>> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

/** Position weights 1–17; position 9 (the check digit itself) weighs 0. */
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** A VIN as stored: upper case, spaces and dashes removed. */
export function normalizeVin(raw: string): string {
  return raw.replace(/[\s-]/gu, '').toUpperCase();
}

function valueOf(c: string): number {
  return /^\d$/u.test(c) ? Number(c) : (LETTER_VALUES[c] ?? -1);
}

/** The check digit a well-formed VIN should carry at position 9: '0'–'9' or 'X'. */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  WEIGHTS.forEach((weight, i) => (sum += valueOf(vin.charAt(i)) * weight));
  const r = sum % 11;
  return r === 10 ? 'X' : String(r);
}

/** Why a VIN is refused: its length, I/O/Q, another character, or its check digit. */
export type VinProblem = 'vinLength' | 'vinForbiddenLetter' | 'vinCharacters' | 'vinCheckDigit';

/** The first problem of a (normalised) VIN, or null when it is a valid VIN. */
export function vinProblem(vin: string): VinProblem | null {
  if (vin.length !== VIN_LENGTH) return 'vinLength';
  if (/[IOQ]/u.test(vin)) return 'vinForbiddenLetter';
  if (!/^[A-HJ-NPR-Z0-9]{17}$/u.test(vin)) return 'vinCharacters';
  if (vin[8] !== vinCheckDigit(vin)) return 'vinCheckDigit';
  return null;
}
