import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LAN_PORT, lanSettings, type LanSettings } from '@shared/schemas/lan';
import { lanDir } from './certificate';

export const DEFAULT_LAN_SETTINGS: LanSettings = {
  enabled: false,
  address: '0.0.0.0',
  port: DEFAULT_LAN_PORT,
};

function settingsFile(dataDir: string): string {
  return join(lanDir(dataDir), 'settings.json');
}

/**
 * Host mode belongs to this PC, not to the shop's data: it lives beside the database, not in it, so
 * restoring a backup (perhaps on another PC) never turns LAN sharing on. Unreadable means off.
 */
export function readLanSettings(dataDir: string): LanSettings {
  try {
    const parsed = lanSettings.safeParse(JSON.parse(readFileSync(settingsFile(dataDir), 'utf8')));
    return parsed.success ? parsed.data : DEFAULT_LAN_SETTINGS;
  } catch {
    return DEFAULT_LAN_SETTINGS;
  }
}

export function writeLanSettings(dataDir: string, settings: LanSettings): void {
  const file = settingsFile(dataDir);
  mkdirSync(lanDir(dataDir), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.part`, JSON.stringify(settings, null, 2));
  renameSync(`${file}.part`, file);
}
