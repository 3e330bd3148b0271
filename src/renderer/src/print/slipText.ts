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
