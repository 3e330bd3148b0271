import { join, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');

/** electron-vite's `?modulePath` (a worker's own file): the TypeScript source, which Node runs itself. */
const modulePath: Plugin = {
  name: 'module-path',
  setup(bundler) {
    bundler.onResolve({ filter: /\?modulePath$/ }, (args) => ({
      path: `${resolve(args.resolveDir, args.path.replace(/\?modulePath$/, ''))}.ts`,
      namespace: 'module-path',
    }));
    bundler.onLoad({ filter: /.*/, namespace: 'module-path' }, (args) => ({
      contents: `export default ${JSON.stringify(args.path)};`,
      loader: 'js',
    }));
  },
};

/**
 * One ES module file of a child process's script and the app code it uses, for the kill tests:
 * loading the sources through a TypeScript loader costs seconds a start on a busy machine, and those
 * tests start their child many times.
 */
export async function bundleChild(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    external: ['better-sqlite3'],
    // Bundled CommonJS packages (exceljs…) require Node's built-ins at run time.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    alias: { '@shared': join(ROOT, 'src', 'shared') },
    plugins: [modulePath],
    logLevel: 'warning',
  });
}
