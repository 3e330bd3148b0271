import { describe, expect, it } from 'vitest';
import { LABELS, codeWords } from '@shared/labels';
import { LANGUAGES } from '@shared/languages';
import { zhCN } from '../../../src/renderer/src/i18n/zh-CN';
import { enUS } from '../../../src/renderer/src/i18n/en-US';

const HAN = /\p{Script=Han}/u;
const tables = Object.entries(LABELS);

/**
 * The types make every code have a word in every language; they cannot tell an empty word, two
 * codes worded alike, or a Chinese and an English word written in each other's place.
 */
describe('the words of stored codes', () => {
  for (const [name, table] of tables) {
    describe(name, () => {
      for (const lang of LANGUAGES) {
        it(`has a word of its own for every code in ${lang}`, () => {
          const words = Object.values(table[lang]);
          expect(words.filter((w) => w.trim() === '')).toEqual([]);
          expect(new Set(words).size).toBe(words.length);
        });
      }

      it('speaks Chinese in zh-CN and English in en-US', () => {
        for (const [code, zh] of Object.entries(table['zh-CN'])) expect(zh, code).toMatch(HAN);
        for (const [code, en] of Object.entries(table['en-US'])) {
          // A Chinese unit may stand in brackets after the English (To the yuan (元)), never first.
          expect(en, code).toMatch(/^[A-Za-z]/);
        }
      });
    });
  }

  it('are the words the screens look up', () => {
    const screens = { 'zh-CN': zhCN, 'en-US': enUS };
    for (const lang of LANGUAGES) {
      const words = codeWords(lang);
      for (const [name] of tables) {
        expect(screens[lang][name as keyof typeof words], `${lang} ${name}`).toBe(
          words[name as keyof typeof words],
        );
      }
    }
  });

  it('differ on paper only where the customer reads them differently', () => {
    const changed = (a: Record<string, string>, b: Record<string, string>) =>
      Object.keys(a).filter((code) => a[code] !== b[code]);
    expect(changed(LABELS.paymentMethods['zh-CN'], LABELS.paymentMethodsOnPaper['zh-CN'])).toEqual([
      'wechat',
    ]);
    expect(changed(LABELS.paymentMethods['en-US'], LABELS.paymentMethodsOnPaper['en-US'])).toEqual([]);
    expect(changed(LABELS.lineKinds['zh-CN'], LABELS.lineKindsOnPaper['zh-CN'])).toEqual(['fee']);
    expect(LABELS.stockDocuments['zh-CN'].receipt).toBe('入库单');
    expect(LABELS.stockDocuments['en-US'].receipt).toBe(LABELS.stockDocumentKinds['en-US'].receipt);
  });
});
