import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
  version: string;
};

/**
 * The dev server injects React Refresh as an inline script; allow inline scripts there only.
 * Built pages keep the strict `script-src 'self'` from index.html.
 */
const devCsp: Plugin = {
  name: 'desk-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // Bundled, not loaded file by file from node_modules at every start: drizzle-orm alone is
      // ~200 ES modules (most of a cold start's CPU before this); see issue 18.
      externalizeDeps: { exclude: ['drizzle-orm', 'zod', 'uuid'] },
      rollupOptions: {
        // index: the Electron app; web: browser mode (same services over HTTP, no Electron).
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          web: resolve(import.meta.dirname, 'src/main/web.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    // Sandboxed preloads must be CommonJS.
    build: { rollupOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: { alias },
    plugins: [react(), devCsp],
    // The About box shows the version the app was built as.
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
