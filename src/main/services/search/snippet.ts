import type { OrderSnippet } from '@shared/schemas/search';
import { APOSTROPHES } from './text';

/** Characters of fault text shown for one order in the search panel. */
const WIDTH = 40;
/** How many characters before the first match stay in view. */
const LEAD = 10;

/** Finds any of the (apostrophe-folded) words in any case and with any apostrophe; null for none. */
export function wordsPattern(words: string[]): RegExp | null {
  if (words.length === 0) return null;
  const alternatives = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&').replaceAll("'", `['${APOSTROPHES.join('')}]`));
  return new RegExp(alternatives.join('|'), 'giu');
}

function ranges(text: string, pattern: RegExp): [number, number][] {
  // A copy: matchAll would start from the pattern's own lastIndex.
  return [...text.matchAll(new RegExp(pattern))].map((m) => [m.index, m.index + m[0].length]);
}

/** A window of WIDTH characters around the first match (or the start), with every match marked. */
function window(text: string, pattern: RegExp | null): { text: string; highlights: [number, number][] } {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const chars = [...flat];
  const first = pattern ? (ranges(flat, pattern)[0]?.[0] ?? 0) : 0;
  const firstChar = [...flat.slice(0, first)].length;
  const start = chars.length <= WIDTH ? 0 : Math.max(0, Math.min(firstChar - LEAD, chars.length - WIDTH));
  const end = Math.min(chars.length, start + WIDTH);
  const shown = `${start > 0 ? '…' : ''}${chars.slice(start, end).join('')}${end < chars.length ? '…' : ''}`;
  return { text: shown, highlights: pattern ? ranges(shown, pattern) : [] };
}

/**
 * What the search panel shows of an order: the fault around the words found, else the diagnosis
 * around them, else the start of the fault (the order was found by its number, customer or device).
 */
export function orderSnippet(fault: string, diagnosis: string, pattern: RegExp | null): OrderSnippet {
  if (pattern) {
    for (const [field, text] of [
      ['fault', fault],
      ['diagnosis', diagnosis],
    ] as const) {
      if (text.search(pattern) >= 0) return { field, ...window(text, pattern) };
    }
  }
  return { field: 'fault', ...window(fault, null) };
}
