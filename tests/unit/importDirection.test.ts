import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const RENDERER = 'src/renderer/src';
const FLOW = 'Renderer imports flow app → pages → print/components → api → i18n → lib';
const CLOCK = "The server's clock decides: use serverNow() / serverToday() from lib/serverClock.ts.";

/**
 * The direction, as the issue states it: each folder of the renderer and the folders above it,
 * which it may not import. app/ sits on top and may import anything; print/ and components/ sit
 * side by side, and print/ may draw a chart from components/.
 */
const ABOVE: Record<string, string[]> = {
  pages: ['app'],
  print: ['app', 'pages'],
  components: ['app', 'pages', 'print'],
  api: ['app', 'pages', 'print', 'components'],
  i18n: ['app', 'pages', 'print', 'components', 'api'],
  lib: ['app', 'pages', 'print', 'components', 'api', 'i18n'],
};
const FOLDERS = ['app', ...Object.keys(ABOVE)];

const eslint = new ESLint({ cwd: ROOT });

/** The messages of the project's own ESLint config for a renderer file with this text. */
async function lint(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, RENDERER, file) });
  return (result?.messages ?? []).map((m) => m.message);
}

const flowErrors = (messages: string[]) => messages.filter((m) => m.includes(FLOW));

describe('renderer imports flow one way (ESLint)', () => {
  it('every folder of the renderer has its place in the direction', () => {
    const folders = readdirSync(join(ROOT, RENDERER), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(folders.sort()).toEqual([...FOLDERS].sort());
  });

  for (const [folder, above] of Object.entries(ABOVE)) {
    it(`refuses what ${folder}/ imports from above it, at any depth and in every form`, async () => {
      for (const up of above) {
        expect(
          flowErrors(await lint(`${folder}/Probe.ts`, `import { x } from '../${up}/x';\nexport { x };`)),
          up,
        ).toHaveLength(1);
        const nested = [
          `import type { X } from '../../${up}/deep/x';\nexport type Y = X;`,
          `export { x } from '../../${up}/x';`,
          `export * from '../../${up}';`,
        ].join('\n');
        expect(flowErrors(await lint(`${folder}/deep/Probe.ts`, nested)), up).toHaveLength(3);
      }
    });

    it(`lets ${folder}/ import its own folder and every folder below it`, async () => {
      const below = FOLDERS.filter((f) => f !== folder && !above.includes(f));
      const code = [
        "import { a } from './a';",
        ...below.map((f, i) => `import { b${i} } from '../${f}/b';`),
        `export const all = [a${below.map((_, i) => `, b${i}`).join('')}];`,
      ].join('\n');
      expect(await lint(`${folder}/Probe.ts`, code)).toEqual([]);
    });
  }

  it('lets app/ import anything and keeps Node and the main process out of every folder', async () => {
    const code = FOLDERS.map((f, i) => `import { x${i} } from '../${f}/x';`).join('\n');
    expect(
      await lint(
        'app/Probe.ts',
        `${code}\nexport const all = [${FOLDERS.map((_, i) => `x${i}`).join(', ')}];`,
      ),
    ).toEqual([]);
    for (const folder of FOLDERS) {
      const messages = await lint(
        `${folder}/Probe.ts`,
        "import { readFileSync } from 'node:fs';\nimport { db } from '../../../main/db';\nexport { readFileSync, db };",
      );
      expect(messages.join('\n'), folder).toContain('No Node built-ins in renderer or shared code');
      expect(messages.join('\n'), folder).toContain('Talk to the main process through the contract');
    }
  });

  it("still reads the screen's clock only in lib/serverClock.ts", async () => {
    const code = 'export const now = Date.now();';
    expect(await lint('lib/serverClock.ts', code)).toEqual([]);
    expect(await lint('lib/Probe.ts', code)).toContain(CLOCK);
    expect(await lint('pages/Probe.ts', code)).toContain(CLOCK);
  });
});

describe('renderer imports flow one way (the whole tree)', () => {
  /**
   * dependency-cruiser follows what ESLint's rule does not see — dynamic import() and CSS — and the
   * files as they are: no module imports a folder above its own.
   */
  it('no module imports a folder above its own', async () => {
    const tsConfig = join(ROOT, 'tsconfig.base.json');
    const { output } = await cruise(
      [join(ROOT, RENDERER)],
      { tsPreCompilationDeps: true, tsConfig: { fileName: tsConfig }, doNotFollow: { path: 'node_modules' } },
      {},
      { tsConfig: extractTSConfig(tsConfig) },
    );
    if (typeof output === 'string') throw new Error(output);
    const result: ICruiseResult = output;
    const inside = (file: string) => relative(join(ROOT, RENDERER), resolve(ROOT, file));
    const folderOf = (file: string) => inside(file).split('/')[0] ?? '';
    const inRenderer = result.modules.filter((m) => !inside(m.source).startsWith('..'));
    expect(inRenderer.length).toBeGreaterThan(200);
    const against = inRenderer.flatMap((m) =>
      m.dependencies
        .filter((d) => (ABOVE[folderOf(m.source)] ?? []).includes(folderOf(d.resolved)))
        .map((d) => `${inside(m.source)} → ${inside(d.resolved)}`),
    );
    expect(against).toEqual([]);
  });
});
