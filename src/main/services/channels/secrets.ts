import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '@shared/errors';

/**
 * The channels' secrets at rest (the SMS AccessKey secret, the mailbox password). Only sealed text is
 * stored, in the database's settings table: a backup carries it, but not the key that opens it. The
 * desktop app seals with the system keychain (electron/secrets.ts); browser mode and a desktop with no
 * keychain use a random key in `secrets.key` in the data folder, readable by this user only, which
 * no backup archive includes. A backup restored on another PC therefore opens with its secrets
 * unreadable, and the manager types them again.
 */
export interface SecretBox {
  /** Where the key lives, shown on the settings card. */
  readonly keptBy: 'os' | 'keyFile';
  /** `label` names what the secret is for: a sealed value cannot be moved to another field. */
  seal(label: string, text: string): string;
  /** Null when this PC cannot open it: another PC or user, a lost key file, a changed value. */
  open(label: string, sealed: string): string | null;
}

/** Beside the database; deliberately not in backups (backup/write.ts archives the database and attachments). */
export const SECRET_KEY_FILE = 'secrets.key';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const FILE_PREFIX = 'file:v1:';

function keyFailure(error: unknown): AppError<'secretsUnavailable'> {
  const detail = error instanceof Error ? error.message : String(error);
  return new AppError('secretsUnavailable', { detail }, `the secrets key file failed: ${detail}`);
}

/** The key, made on first use with owner-only permissions; null when absent and `create` is false. */
function loadKey(path: string, create: boolean): Buffer | null {
  try {
    const stat = statSync(path);
    // Someone widened it (a copy, an unzip): back to owner-only before it is used.
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) chmodSync(path, 0o600);
    const key = readFileSync(path);
    if (key.length !== KEY_BYTES) throw new Error(`${SECRET_KEY_FILE} is not a ${KEY_BYTES}-byte key`);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (!create) return null;
  const key = randomBytes(KEY_BYTES);
  try {
    // `wx`: two first uses at once cannot overwrite each other's key.
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadKey(path, false);
    throw error;
  }
}

/** AES-256-GCM with a key file in the data folder; the label is the authenticated data. */
export function keyFileSecretBox(dataDir: string): SecretBox {
  const path = join(dataDir, SECRET_KEY_FILE);
  return {
    keptBy: 'keyFile',
    seal(label, text) {
      let key: Buffer | null;
      try {
        key = loadKey(path, true);
      } catch (error) {
        throw keyFailure(error);
      }
      if (!key) throw keyFailure(new Error('no key'));
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(label, 'utf8'));
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return FILE_PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(label, sealed) {
      if (!sealed.startsWith(FILE_PREFIX)) return null;
      try {
        const key = loadKey(path, false);
        if (!key) return null;
        const raw = Buffer.from(sealed.slice(FILE_PREFIX.length), 'base64');
        if (raw.length < IV_BYTES + TAG_BYTES) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(label, 'utf8'));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([
          decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        // Another PC's key, a damaged value: unreadable, never a crash.
        return null;
      }
    },
  };
}

/** The system keychain as the desktop shell offers it (electron/secrets.ts wraps safeStorage). */
export interface Keychain {
  /** False without a keychain, and on Linux when only the fixed-password `basic_text` store is there. */
  available: boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export const OS_PREFIX = 'os:v1:';

/**
 * Sealed by the keychain when there is a real one, else by the key file; values sealed either way stay
 * readable on this PC whichever is used next. The label rides inside the sealed text, so a value
 * moved to another field does not open there.
 */
export function keychainSecretBox(dataDir: string, keychain: Keychain): SecretBox {
  const fallback = keyFileSecretBox(dataDir);
  if (!keychain.available) return fallback;
  return {
    keptBy: 'os',
    seal: (label, text) => OS_PREFIX + keychain.encrypt(`${label}\n${text}`).toString('base64'),
    open(label, sealed) {
      if (!sealed.startsWith(OS_PREFIX)) return fallback.open(label, sealed);
      try {
        const plain = keychain.decrypt(Buffer.from(sealed.slice(OS_PREFIX.length), 'base64'));
        return plain.startsWith(`${label}\n`) ? plain.slice(label.length + 1) : null;
      } catch {
        // Another user profile or PC: the manager types the secret again.
        return null;
      }
    },
  };
}
