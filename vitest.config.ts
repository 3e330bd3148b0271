import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const alias = { '@shared': resolve(import.meta.dirname, 'src/shared') };

/**
 * electron-vite's `?modulePath` (a worker's own file) for the tests: the source file itself, which
 * Node runs with its type stripping.
 */
const modulePath: Plugin = {
  name: 'desk-module-path',
  enforce: 'pre',
  async resolveId(id, importer) {
    if (!id.endsWith('?modulePath')) return null;
    const resolved = await this.resolve(id.slice(0, -'?modulePath'.length), importer, { skipSelf: true });
    return resolved ? `\0modulePath:${resolved.id}` : null;
  },
  load(id) {
    return id.startsWith('\0modulePath:')
      ? `export default ${JSON.stringify(id.slice('\0modulePath:'.length))};`
      : null;
  },
};

export default defineConfig({
  plugins: [modulePath],
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          environment: 'node',
          // Not the real time: one fake clock for server and browser, a minute before midnight in
          // the shops' zone, unless the caller picks another (npm run test:clock runs several).
          env: {
            TZ: process.env.TZ ?? 'Asia/Shanghai',
            DESK_TEST_TIME: process.env.DESK_TEST_TIME ?? '23:59',
          },
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // One more try for a test whose browser stalled: on a loaded two-core CI machine a page once
          // painted no frame for 30 s (messages.test.ts, a radio's click waiting to see it stable),
          // which no rerun here reproduced. The reporter still names every test that needed it.
          retry: 1,
          // A busy machine (CI, two cores) can take more than the default second to render a page.
          expect: { poll: { timeout: 10_000, interval: 100 } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'bench',
          environment: 'node',
          include: ['tests/bench/**/*.bench.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 600_000,
          // One benchmark at a time: parallel files would measure each other.
          fileParallelism: false,
        },
      },
    ],
  },
});
