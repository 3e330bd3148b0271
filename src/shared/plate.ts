/**
 * Chinese vehicle plates (机动车号牌, GA 36-2018 / GB 1497 sizes; the 2016 新能源 format), as the
 * counter types them: case and spaces, dots and dashes (粤A·12345, 粤 a 12345) are normalised away.
 * Letters never include I or O (they read as 1 and 0).
 */

/** The 31 provincial abbreviations that start a civil plate. */
export const PLATE_PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

const P = `[${PLATE_PROVINCES}]`;
/** A letter as plates use them: A–Z without I and O. */
const L = '[A-HJ-NP-Z]';
/** A letter (no I/O) or a digit. */
const X = '[A-HJ-NP-Z0-9]';
/** One plate format, with why it is accepted. */
interface PlateFormat {
  kind: PlateKind;
  pattern: RegExp;
}

export const PLATE_KINDS = [
  'ordinary',
  'newEnergySmall',
  'newEnergyLarge',
  'special',
  'embassy',
  'military',
  'armedPolice',
] as const;
export type PlateKind = (typeof PLATE_KINDS)[number];

const FORMATS: readonly PlateFormat[] = [
  // 粤A12345 / 京AD1234: province, issuing office letter, five letters-or-digits (blue/yellow plates).
  { kind: 'ordinary', pattern: new RegExp(`^${P}${L}${X}{5}$`, 'u') },
  // 粤BD12345 / 京AFA1234: small new-energy (green) — D/F, and since the 2021 extension A–K
  // (A–E pure electric, F–K others, no I), then a letter-or-digit, then four digits.
  { kind: 'newEnergySmall', pattern: new RegExp(`^${P}${L}[A-HJK]${X}\\d{4}$`, 'u') },
  // 粤B12345D: large new-energy (yellow-green): five digits, then D (electric) or F (hybrid).
  { kind: 'newEnergyLarge', pattern: new RegExp(`^${P}${L}\\d{5}[DF]$`, 'u') },
  // 粤A1234学 (coach), 粤A1234挂 (trailer), 粤A1234警 (police), 粤A1234领 (consulate),
  // 粤Z1234港 / 粤Z1234澳 (cross-border), 粤A1234试 (test), 粤A1234超 (over-size).
  { kind: 'special', pattern: new RegExp(`^${P}${L}${X}{4}[学挂警领港澳试超]$`, 'u') },
  // 使014578 (older) and 224001使 (2007 onwards): embassy plates, three digits of the mission, three of the car.
  { kind: 'embassy', pattern: /^(使\d{6}|\d{6}使)$/u },
  // VA12345, KC00001: military plates of the 2012 format, a branch letter (V K H B S L J N G C E),
  // a unit letter and five digits.
  { kind: 'military', pattern: new RegExp(`^[VKHBSLJNGCE]${L}\\d{5}$`, 'u') },
  // WJ粤12345 / WJ京0001X: armed police, WJ + province + four digits + a digit or service letter.
  { kind: 'armedPolice', pattern: new RegExp(`^WJ${P}\\d{4}[0-9TDSHBXJ]$`, 'u') },
];

/** A plate as stored and searched: upper case, no spaces, dots or dashes. */
export function normalizePlate(raw: string): string {
  return raw.replace(/[\s·.\-•]/gu, '').toUpperCase();
}

/** The plate's format, or null when it is none of the Chinese formats above. */
export function plateKind(plate: string): PlateKind | null {
  const p = normalizePlate(plate);
  return FORMATS.find((f) => f.pattern.test(p))?.kind ?? null;
}

/** True for a plate the counter may store (after normalizePlate). */
export function isValidPlate(plate: string): boolean {
  return plateKind(plate) !== null;
}
