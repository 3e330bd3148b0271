import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from './core';
import { DatabaseTooNewError } from './db/open';
import { startWebServer } from './http/server';

/** Browser mode: `node out/main/web.js --data DIR [--port N]`, for machines without Electron. */
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: { data: { type: 'string', default: './.web-data' }, port: { type: 'string', default: '0' } },
});

try {
  const core = createCore({ dataDir: resolve(values.data), migrationsDir: join(here, '../../drizzle') });
  const server = await startWebServer(core, join(here, '../renderer'), Number(values.port));
  console.log(`售后服务台 browser mode — data in ${core.dataDir}`);
  console.log(`Open: ${server.url}`);
  const stop = () => void server.close().then(() => (core.close(), process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof DatabaseTooNewError ? error.message : error);
  process.exit(1);
}
