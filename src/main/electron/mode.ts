import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { DATABASE_FILE } from '../db/open';
import {
  readMode,
  startupOf,
  writeMode,
  type DeskMode,
  type KeyCipher,
  type Startup,
} from '../terminal/modeFile';

/** The terminal key at rest: encrypted by the OS keychain (DPAPI, Keychain, libsecret) when there is one. */
function safeStorageCipher(): KeyCipher {
  return {
    available: safeStorage.isEncryptionAvailable(),
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}

/** How this PC starts, from `<userData>/desk-mode.json` and the database beside it (call after 'ready'). */
export function readStartup(dataDir: string): Startup {
  const read = readMode(dataDir, safeStorageCipher());
  if (read.kind === 'unusable') console.error(`[after-sales] ${read.why}; asking how this PC works`);
  return startupOf(read, existsSync(join(dataDir, DATABASE_FILE)));
}

export function saveMode(dataDir: string, mode: DeskMode): void {
  writeMode(dataDir, mode, safeStorageCipher());
}
