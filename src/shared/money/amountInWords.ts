/**
 * An amount in fen written in Chinese capitals (大写金额) for financial documents, following
 * 《支付结算办法》附件一 “正确填写票据和结算凭证的基本规定”:
 * - 整 after 元 when there are no 角 or 分, and after 角 when there is no 分 (the example
 *   壹仟贰佰叁拾肆元伍角整); never after 分.
 * - A zero between digits is written 零, a run of zeros as one 零 (¥6,007.14 → 陆仟零柒元壹角肆分).
 * - 元位 zero with 角 not zero: the rule allows 零 or not; we write it (¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分).
 * - 角 zero with 分 not zero: 零 after 元 is required (¥325.04 → 叁佰贰拾伍元零肆分).
 * - Groups of four digits take 万 and 亿; a zero 万 group is skipped with one 零 (¥100,000,001 →
 *   壹亿零壹元整), and a group below a thousand after a higher group starts with 零 (¥10,001 → 壹万零壹元整).
 * - A leading ten is 壹拾 (¥10 → 壹拾元整), as banks write it, so nothing can be added in front.
 * Written by hand: the libraries we found write 拾元 for 10 or omit these rule-specific zeros.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿'] as const;
/** 9999,9999,9999 yuan: the largest amount three groups can write. */
const MAX_FEN = 999_999_999_999_99;

function digit(n: number): string {
  return DIGITS[n] ?? '';
}

/** 0 < group < 10000, e.g. 1005 → 壹仟零伍, 10 → 壹拾. */
function groupInWords(group: number): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(group / 10 ** place) % 10;
    if (d === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += digit(d) + PLACES[place];
  }
  return out;
}

/** The whole yuan, > 0. */
function yuanInWords(yuan: number): string {
  let out = '';
  let pendingZero = false;
  for (let g = GROUPS.length - 1; g >= 0; g--) {
    const group = Math.floor(yuan / 10_000 ** g) % 10_000;
    if (group === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (out !== '' && (pendingZero || group < 1000)) out += '零';
    pendingZero = false;
    out += groupInWords(group) + GROUPS[g];
  }
  return out;
}

export function amountInWords(fen: number): string {
  if (!Number.isSafeInteger(fen) || Math.abs(fen) > MAX_FEN) {
    throw new RangeError(`amount out of range: ${fen} fen`);
  }
  if (fen < 0) return `负${amountInWords(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;

  let out = yuan > 0 ? `${yuanInWords(yuan)}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) {
    if (yuan > 0 && yuan % 10 === 0) out += '零';
    out += `${digit(jiao)}角`;
  } else if (yuan > 0) {
    out += '零';
  }
  return fenDigit > 0 ? `${out}${digit(fenDigit)}分` : `${out}整`;
}
