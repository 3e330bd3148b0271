import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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
