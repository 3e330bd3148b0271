import { describe, expect, it } from 'vitest';
import { REASON_NAMES } from '@shared/errors';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';
import { enUS } from '../../../src/renderer/src/i18n/en-US';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted.key, value]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

/** The {{placeholders}} a message uses. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1] ?? '').sort();
}

const dictionaries = { 'zh-CN': zhCN as Tree, 'en-US': enUS as Tree };

/** What the compiler cannot see; the keys of both languages are its to check (tests/types/dictionaries.ts). */
describe('i18n dictionaries', () => {
  it('use the same placeholders in both languages', () => {
    const en = new Map(leaves(dictionaries['en-US']));
    for (const [key, zh] of leaves(dictionaries['zh-CN'])) {
      expect(placeholders(en.get(key) ?? ''), key).toEqual(placeholders(zh));
    }
  });

  for (const [lang, dict] of Object.entries(dictionaries)) {
    describe(lang, () => {
      it('has no empty messages', () => {
        const empty = leaves(dict).filter(([, value]) => value.trim() === '');
        expect(empty).toEqual([]);
      });
    });
  }

  it('speaks Chinese in zh-CN error messages', () => {
    for (const reason of REASON_NAMES) expect(zhCN.errors[reason], reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
