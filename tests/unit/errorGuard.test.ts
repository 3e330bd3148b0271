import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const GUARD = 'Word an error by its reason and params (i18n/errorMessage.ts), never by its message.';

/** The messages of the project's own ESLint config for a renderer file with this text. */
async function lint(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, {
    filePath: resolve(ROOT, 'src/renderer/src/pages/Guard.ts'),
  });
  return (result?.messages ?? []).map((m) => m.message);
}

/**
 * The renderer once turned errors into words by matching the server's English with regular
 * expressions. The lint rule keeps that from coming back: any read of an error's message fails.
 */
describe('the renderer never reads an error message', () => {
  const declared = 'declare const err: Error;\ndeclare const issue: { message: string };\n';
  const bad = [
    'export const a = err.message.match(/only (\\d+)/);',
    'export const b = /locked/.test(issue.message);',
    "export const c = new RegExp('taken').exec(err['message']);",
    "export const d = issue.message === 'wrong password';",
    'const KNOWN: Record<string, string> = {};\nexport const e = KNOWN[issue.message];',
    'const { message } = err;\nexport const f = message.split(" / ")[0];',
  ];
  for (const code of bad) {
    it(`refuses: ${code.split('\n').pop() ?? code}`, async () => {
      expect(await lint(declared + code)).toContain(GUARD);
    });
  }

  it('lets a screen word an error by its reason, and take antd’s message API', async () => {
    const good = [
      "import { App } from 'antd';",
      "import type { Refusal } from '@shared/errors';",
      'declare const refusal: Refusal;',
      "export const stale = refusal.reason === 'transitionNotAllowed';",
      'export function useToast() {',
      '  const { message } = App.useApp();',
      "  return () => message.error('x');",
      '}',
    ].join('\n');
    expect(await lint(good)).toEqual([]);
  });
});
