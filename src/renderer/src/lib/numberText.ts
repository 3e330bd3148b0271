/**
 * What a clerk types into a number field is kept as text until it is saved; these read it without
 * rounding, clamping or dropping anything. A value that does not read exactly is a problem to show,
 * never a number to guess.
 */

type NumberText =
  | { ok: true; /** null when nothing was typed */ value: number | null }
  | { ok: false; problem: 'notNumber' | 'places' };

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The typed text × 10^places as an integer, exactly ("12.3" with 2 places → 1230): money in fen,
 * whole numbers as they are, hours in tenths. Beyond the safe-integer range it reads as that limit,
 * which every schema refuses as too large.
 */
export function scaledOf(text: string | null | undefined, places: number): NumberText {
  const typed = (text ?? '').trim();
  if (typed === '') return { ok: true, value: null };
  const match = NUMBER.exec(typed);
  if (!match) return { ok: false, problem: 'notNumber' };
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.length > places) return { ok: false, problem: 'places' };
  const digits = `${whole}${fraction.padEnd(places, '0')}`.replace(/^0+(?=\d)/, '');
  const magnitude =
    digits.length > 15 ? Number.MAX_SAFE_INTEGER : Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
  return { ok: true, value: sign && magnitude !== 0 ? -magnitude : magnitude };
}

/** The number checked text stands for (null when empty or unreadable). */
export function numberOf(text: string | null | undefined, places: number): number | null {
  const read = scaledOf(text, places);
  return read.ok && read.value !== null ? read.value / 10 ** places : null;
}

/** A number as a form shows it for editing ('' for none). */
export function numberText(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}
