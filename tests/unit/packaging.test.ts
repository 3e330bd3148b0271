import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// electron-builder's own reader and validator, so the test sees the config exactly as `npm run dist` does.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util/out/DebugLogger';

const ROOT = resolve(import.meta.dirname, '../..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('electron-builder.yml', () => {
  it('flips the Electron fuses that harden the packaged app', async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    // Both asar fuses need an app.asar with its integrity hash: electron-builder makes them unless told not to.
    expect(config.asar ?? true).not.toBe(false);
    expect(config.disableAsarIntegrity ?? false).toBe(false);
  });

  it('validates against electron-builder’s own schema', async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // The check has teeth: a misspelt fuse is refused.
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsNod: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });

  it('needs nothing the fuses switch off', () => {
    const code = sourcesUnder(join(ROOT, 'src/main'))
      .concat(sourcesUnder(join(ROOT, 'src/preload')))
      .map((file) => [file, readFileSync(file, 'utf8')] as const);
    for (const [file, text] of code) {
      expect(text, file).not.toMatch(/ELECTRON_RUN_AS_NODE|NODE_OPTIONS|--inspect|process\.execPath/);
      expect(text, file).not.toMatch(/child_process/);
    }
  });
});
