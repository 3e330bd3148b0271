import type { FieldIssue } from '@shared/errors';

/** Enough to point the form at the fields; a hostile input may hold millions. */
const MAX_ISSUES = 20;

interface Node {
  value: unknown;
  key: string | null;
  parent: Node | null;
}

function malformed(path: string): FieldIssue {
  return { reason: 'invalidInput', params: {}, path, message: 'malformed text' };
}

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let at: Node | null = node; at && at.key !== null; at = at.parent) keys.push(at.key);
  return keys.reverse().join('.');
}

/**
 * Every string (and object key) in an input that is not well-formed UTF-16: a lone surrogate such as
 * "x\uD800y". SQLite keeps text as UTF-8, which cannot spell one, so it would be stored as U+FFFD
 * without a word. Checked once for every method at the dispatch boundary, not per schema. Walked
 * without recursion: a JSON body may nest deeper than the stack.
 */
export function illFormedText(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const queue: Node[] = [{ value: input, key: null, parent: null }];
  for (let i = 0; i < queue.length && issues.length < MAX_ISSUES; i++) {
    const node = queue[i];
    if (!node) break;
    const { value } = node;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) issues.push(malformed(pathOf(node)));
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => queue.push({ value: item, key: String(index), parent: node }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const child = { value: item, key, parent: node };
        if (!key.isWellFormed()) issues.push(malformed(pathOf(child)));
        queue.push(child);
      }
    }
  }
  return issues;
}
