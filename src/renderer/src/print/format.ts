import dayjs from 'dayjs';

/** 123456 fen → "¥1,234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan}.${cents}`;
}

/** Epoch ms → local "YYYY-MM-DD HH:mm". */
export function printMinute(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD HH:mm');
}

/** Epoch ms → local "YYYY-MM-DD". */
export function printDate(ms: number): string {
  return dayjs(ms).format('YYYY-MM-DD');
}

/** A name on a slip anyone may find: 张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J***. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  const first = chars[0];
  if (!first) return '';
  return first + '*'.repeat(Math.min(Math.max(chars.length - 1, 1), 3));
}

/** Only the last four digits: 13800138000 → ****8000. */
export function phoneTail(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (!digits) return '';
  return `****${digits.slice(-4)}`;
}

/** The first line of the shop's terms without its "1." numbering, for the claim ticket. */
export function firstTermsLine(terms: string): string {
  const line = terms
    .split(/\r?\n/)
    .map((s) => s.trim())
    .find((s) => s.length > 0);
  return line ? line.replace(/^(\d+[.、．)]|[-•·])\s*/, '') : '';
}

/** "1-5-9-6" is an Android unlock pattern (dots numbered 1–9, left to right, top to bottom). */
export function patternDots(password: string): number[] | null {
  if (!/^[1-9](-[1-9]){1,8}$/.test(password)) return null;
  const dots = password.split('-').map(Number);
  return new Set(dots).size === dots.length ? dots : null;
}
