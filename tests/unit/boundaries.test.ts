import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';
import { tempDir } from './harness';

const ROOT = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** Static, dynamic and require imports of a module, by name. */
function imports(file: string, pattern: string): boolean {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return new RegExp(`(from\\s+|import\\s*\\(\\s*|require\\s*\\(\\s*)['"]${pattern}['"]`).test(text);
}

describe('module boundaries', () => {
  it("only src/main/electron/, src/main/index.ts and src/preload/ import 'electron'", () => {
    const offenders = sourceFiles('src')
      .filter((f) => !/^src\/main\/electron\/|^src\/main\/index\.ts$|^src\/preload\//.test(f))
      .filter((f) => imports(f, 'electron'));
    expect(offenders).toEqual([]);
  });

  it('renderer and shared code import no Node built-ins and no main-process code', () => {
    const files = [...sourceFiles('src/renderer'), ...sourceFiles('src/shared')];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter(
      (f) => imports(f, 'node:[^\'"]+') || imports(f, '[./]*(?:\\.\\./)+main/[^\'"]*'),
    );
    expect(offenders).toEqual([]);
  });
});

/**
 * Import circles under `roots`, each as "a → b → a", found by dependency-cruiser. Type-only
 * imports count (tsPreCompilationDeps): a circle of types still ties the files' meanings together.
 * Also every relative or @shared import that did not resolve: a path the tool could not follow
 * would hide a circle.
 */
async function circles(roots: string[], cwd: string): Promise<{ circles: string[]; unresolved: string[] }> {
  const tsConfig = join(ROOT, 'tsconfig.base.json');
  const { output } = await cruise(
    roots.map((r) => join(cwd, r)),
    {
      tsPreCompilationDeps: true,
      tsConfig: { fileName: tsConfig },
      doNotFollow: { path: 'node_modules' },
      validate: true,
      ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
    },
    {},
    { tsConfig: extractTSConfig(tsConfig) },
  );
  if (typeof output === 'string') throw new Error(output);
  const result: ICruiseResult = output;
  const name = (file: string) => relative(cwd, join(ROOT, file));
  return {
    circles: result.summary.violations.map((v) =>
      [v.from, ...(v.cycle ?? []).map((c) => c.name)].map(name).join(' → '),
    ),
    unresolved: result.modules.flatMap((m) =>
      m.dependencies
        .filter((d) => d.couldNotResolve && /^(\.|@shared\/)/.test(d.module))
        .map((d) => `${name(m.source)}: ${d.module}`),
    ),
  };
}

describe('import circles', () => {
  it('src has none: main, preload, shared and renderer import one way', async () => {
    const found = await circles(['src'], ROOT);
    expect(found.unresolved).toEqual([]);
    expect(found.circles).toEqual([]);
  });

  it('a circle closed by a type-only import is found', async () => {
    const { dir, cleanup } = tempDir();
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport type A = { b: typeof b };\n");
      writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport const b: A | null = null;\n");
      writeFileSync(join(dir, 'c.ts'), "import { b } from './b';\nexport const c = b;\n");
      const found = await circles(['.'], dir);
      expect(found.unresolved).toEqual([]);
      expect(found.circles).toEqual(['a.ts → b.ts → a.ts']);
    } finally {
      cleanup();
    }
  });
});
