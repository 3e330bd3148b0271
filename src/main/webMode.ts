import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from './core';
import { DatabaseTooNewError } from './db/open';
import { startWebServer } from './http/server';
import { startLanHost } from './lan/host';

/**
 * Browser mode: `node out/main/web.js --data DIR [--port N]`, for machines without Electron.
 * `here` is the folder of web.js (this module may be bundled into a chunk elsewhere).
 */
export async function runBrowserMode(here: string): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string', default: './.web-data' }, port: { type: 'string', default: '0' } },
  });

  try {
    const core = createCore({ dataDir: resolve(values.data), migrationsDir: join(here, '../../drizzle') });
    const renderer = join(here, '../renderer');
    const server = await startWebServer(core, renderer, Number(values.port));
    // Host mode on the shop's LAN, if this PC's settings (设置 → 局域网共享) turned it on.
    const lan = await startLanHost(core, renderer);
    console.log(`售后服务台 browser mode — data in ${core.dataDir}`);
    console.log(`Open: ${server.url}`);
    const shared = await lan.status();
    if (shared.running) console.log(`LAN: ${shared.addresses.map((a) => a.url).join(' ')}`);
    // Ctrl+C or a service stop: the backup on quit first (if the settings ask for one), then close.
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      const limit = new Promise<void>((resolve) => setTimeout(resolve, 120_000).unref());
      void Promise.race([core.backupOnQuit(), limit])
        .then(() => Promise.all([server.close(), lan.close()]))
        .finally(() => (core.close(), process.exit(0)));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (error) {
    console.error(error instanceof DatabaseTooNewError ? error.message : error);
    process.exit(1);
  }
}
