import { pinyin } from 'pinyin-pro';

/**
 * Pinyin initials of a name, lower case, for the search box: 张三 → "zs".
 *
 * - A person's surname is read as a surname, so the polyphonic ones come out as a clerk would type
 *   them: 单田芳 → "stf" (shàn), 曾小贤 → "zxx" (zēng), 解晓东 → "xxd" (xiè), 区伟 → "ow" (ōu).
 *   A company name is read as ordinary words (重庆维修中心 → "cqwxzx").
 * - Latin letters and digits count one initial per word: "Tom Smith" → "ts", "小米Store 3C" → "xms3".
 * - Punctuation and spaces are skipped; a character without a reading (rare CJK extensions) too.
 */
export function nameInitials(name: string, kind: 'person' | 'company' = 'person'): string {
  const chars = pinyin(name, {
    type: 'all',
    toneType: 'none',
    surname: kind === 'person' ? 'head' : 'off',
  });
  let out = '';
  let inWord = false;
  for (const c of chars) {
    if (c.isZh) {
      out += c.first.toLowerCase();
      inWord = false;
    } else if (/^[A-Za-z0-9]$/.test(c.origin)) {
      if (!inWord) out += c.origin.toLowerCase();
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return out;
}

/** A query a clerk could mean as initials: ASCII letters only ("zs", "wxy"). */
export function looksLikeInitials(q: string): boolean {
  return /^[A-Za-z]+$/.test(q);
}
