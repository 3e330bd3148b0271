import { describe, expect, it } from 'vitest';
import { REASON_NAMES } from '@shared/errors';
import { ROLES } from '@shared/roles';
import { AUDIT_ACTIONS } from '@shared/schemas/audit';
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
const ENTITIES = ['user', 'settings', 'session'];

describe('i18n dictionaries', () => {
  it('have the same keys in zh-CN and en-US', () => {
    const zhKeys = leaves(dictionaries['zh-CN'])
      .map(([k]) => k)
      .sort();
    const enKeys = leaves(dictionaries['en-US'])
      .map(([k]) => k)
      .sort();
    expect(enKeys).toEqual(zhKeys);
  });

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

      it('has a message for every error reason', () => {
        const errors = dict.errors as Tree;
        for (const reason of REASON_NAMES) expect(errors[reason], reason).toBeTypeOf('string');
      });

      it('names every role', () => {
        const roles = dict.roles as Tree;
        for (const role of ROLES) expect(roles[role], role).toBeTypeOf('string');
      });

      it('names every audit action', () => {
        const actions = dict.auditActions as Tree;
        for (const action of AUDIT_ACTIONS) expect(actions[action], action).toBeTypeOf('string');
      });

      it('names every audit entity', () => {
        const entities = dict.entities as Tree;
        for (const entity of ENTITIES) expect(entities[entity], entity).toBeTypeOf('string');
      });
    });
  }

  it('speaks Chinese in zh-CN error messages', () => {
    for (const reason of REASON_NAMES) expect(zhCN.errors[reason], reason).toMatch(/[\u4e00-\u9fff]/);
  });
});
