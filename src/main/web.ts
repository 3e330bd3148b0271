import { enableCompileCache } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

// Browser mode's entry. V8 keeps the compiled app between starts (in the system's temp folder): a
// fifth of a cold start's CPU. It must be on before the app's modules load, hence the import below.
enableCompileCache();
const { runBrowserMode } = await import('./webMode');
await runBrowserMode(dirname(fileURLToPath(import.meta.url)));
