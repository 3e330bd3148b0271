import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { hostUrl, terminalRef } from '@shared/schemas/lan';
import { certificateFingerprint } from './forwarder';

/** Beside the database in the data folder: whether this PC is the host or a terminal of one. */
export const MODE_FILE = 'desk-mode.json';

/** Encrypts the terminal key at rest (Electron's safeStorage); `available: false` keeps it as text. */
export interface KeyCipher {
  available: boolean;
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

export type DeskMode =
  | { mode: 'host' }
  | {
      mode: 'terminal';
      url: string;
      fingerprint: string;
      certPem: string;
      terminal: { id: string; name: string };
      key: string;
    };
export type TerminalMode = Extract<DeskMode, { mode: 'terminal' }>;

const storedKey = z.discriminatedUnion('encrypted', [
  z.object({ encrypted: z.literal(true), base64: z.base64() }),
  z.object({ encrypted: z.literal(false), text: z.string().min(1) }),
]);

const storedMode = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('host') }),
  z.object({
    mode: z.literal('terminal'),
    url: hostUrl,
    fingerprint: z.string(),
    certPem: z.string(),
    terminal: terminalRef,
    key: storedKey,
  }),
]);
type StoredMode = z.infer<typeof storedMode>;

/** What start-up found: the mode, no file, or a file that cannot be used (then pairing again is the way). */
export type ModeRead =
  { kind: 'found'; mode: DeskMode } | { kind: 'absent' } | { kind: 'unusable'; why: string };

export function readMode(dataDir: string, cipher: KeyCipher): ModeRead {
  const path = join(dataDir, MODE_FILE);
  if (!existsSync(path)) return { kind: 'absent' };
  let stored: StoredMode;
  try {
    const parsed = storedMode.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success)
      return { kind: 'unusable', why: `${MODE_FILE} is not a mode: ${parsed.error.message}` };
    stored = parsed.data;
  } catch (error) {
    return { kind: 'unusable', why: `${MODE_FILE} cannot be read: ${String(error)}` };
  }
  if (stored.mode === 'host') return { kind: 'found', mode: stored };
  try {
    // A file whose certificate and fingerprint disagree was edited by hand: not trusted.
    if (certificateFingerprint(stored.certPem) !== stored.fingerprint)
      return { kind: 'unusable', why: 'the stored certificate does not match its fingerprint' };
    const key = stored.key.encrypted
      ? cipher.decrypt(Buffer.from(stored.key.base64, 'base64'))
      : stored.key.text;
    return { kind: 'found', mode: { ...stored, key } };
  } catch (error) {
    // Another user profile or PC cannot decrypt the key: the terminal must be paired again.
    return { kind: 'unusable', why: `the terminal key cannot be read: ${String(error)}` };
  }
}

/** Written whole to a temporary file and renamed over the old one, readable by this user only. */
export function writeMode(dataDir: string, mode: DeskMode, cipher: KeyCipher): void {
  const stored: StoredMode =
    mode.mode === 'host'
      ? mode
      : {
          ...mode,
          key: cipher.available
            ? { encrypted: true, base64: cipher.encrypt(mode.key).toString('base64') }
            : { encrypted: false, text: mode.key },
        };
  const path = join(dataDir, MODE_FILE);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

export function removeMode(dataDir: string): void {
  rmSync(join(dataDir, MODE_FILE), { force: true });
}

export type Startup = { kind: 'host' } | { kind: 'terminal'; mode: TerminalMode } | { kind: 'firstRun' };

/**
 * How the app starts. A mode file decides. Without a usable one, a data folder that already holds the
 * database is a host (every shop from before the LAN sees nothing new); an empty one asks the person
 * which this PC is.
 */
export function startupOf(read: ModeRead, databaseExists: boolean): Startup {
  if (read.kind === 'found')
    return read.mode.mode === 'host' ? { kind: 'host' } : { kind: 'terminal', mode: read.mode };
  return databaseExists ? { kind: 'host' } : { kind: 'firstRun' };
}
