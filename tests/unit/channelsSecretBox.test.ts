import { readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FILE_PREFIX,
  keyFileSecretBox,
  keychainSecretBox,
  OS_PREFIX,
  SECRET_KEY_FILE,
  type Keychain,
} from '../../src/main/services/channels/secrets';
import { tempDir } from './harness';

/** Stands in for safeStorage: reversible, visibly not the text, and tied to "this PC" by its tag. */
function fakeKeychain(pc = 'pc-1'): Keychain {
  return {
    available: true,
    encrypt: (text) => Buffer.from(`${pc}:${[...text].reverse().join('')}`),
    decrypt: (data) => {
      const text = data.toString();
      if (!text.startsWith(`${pc}:`))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return [...text.slice(pc.length + 1)].reverse().join('');
    },
  };
}

const dirs: { cleanup: () => void }[] = [];
function folder(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir.dir;
}
afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));

describe('the key-file box (browser mode)', () => {
  it('seals with AES-256-GCM under a 32-byte owner-only key, made on first use', () => {
    const dir = folder();
    const box = keyFileSecretBox(dir);
    expect(box.open('sms.accessKeySecret', `${FILE_PREFIX}AAAA`)).toBeNull();
    const sealed = box.seal('sms.accessKeySecret', '密钥 secret');
    expect(sealed.startsWith(FILE_PREFIX)).toBe(true);
    expect(sealed).not.toContain('secret');
    const key = join(dir, SECRET_KEY_FILE);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key)).toHaveLength(32);
    expect(box.open('sms.accessKeySecret', sealed)).toBe('密钥 secret');
    // Every seal has its own IV: the same secret never seals to the same text.
    expect(box.seal('sms.accessKeySecret', '密钥 secret')).not.toBe(sealed);
  });

  it('opens nothing moved to another field, changed, or sealed under another key', () => {
    const dir = folder();
    const box = keyFileSecretBox(dir);
    const sealed = box.seal('sms.accessKeySecret', 'abc');
    expect(box.open('email.password', sealed)).toBeNull();
    const raw = Buffer.from(sealed.slice(FILE_PREFIX.length), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(box.open('sms.accessKeySecret', FILE_PREFIX + raw.toString('base64'))).toBeNull();
    expect(keyFileSecretBox(folder()).open('sms.accessKeySecret', sealed)).toBeNull();
  });

  it('puts a widened key file back to owner-only before using it', () => {
    const dir = folder();
    const box = keyFileSecretBox(dir);
    const sealed = box.seal('x', 'y');
    chmodSync(join(dir, SECRET_KEY_FILE), 0o644);
    expect(box.open('x', sealed)).toBe('y');
    expect(statSync(join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('refuses a key file that is not a key, with its reason', () => {
    const dir = folder();
    writeFileSync(join(dir, SECRET_KEY_FILE), 'short', { mode: 0o600 });
    expect(() => keyFileSecretBox(dir).seal('x', 'y')).toThrow(/not a 32-byte key/);
  });
});

describe('the keychain box (desktop app)', () => {
  it('seals with the keychain and opens only on the same PC and field', () => {
    const dir = folder();
    const box = keychainSecretBox(dir, fakeKeychain());
    expect(box.keptBy).toBe('os');
    const sealed = box.seal('email.password', 'mail-密码');
    expect(sealed.startsWith(OS_PREFIX)).toBe(true);
    expect(box.open('email.password', sealed)).toBe('mail-密码');
    expect(box.open('sms.accessKeySecret', sealed)).toBeNull();
    expect(keychainSecretBox(dir, fakeKeychain('pc-2')).open('email.password', sealed)).toBeNull();
  });

  it('falls back to the key file without a real keychain, and still opens what it sealed before', () => {
    const dir = folder();
    const plain = keychainSecretBox(dir, { ...fakeKeychain(), available: false });
    expect(plain.keptBy).toBe('keyFile');
    const byFile = plain.seal('sms.accessKeySecret', 'abc');
    expect(byFile.startsWith(FILE_PREFIX)).toBe(true);
    // The keychain came later (a keyring installed): the old value still opens.
    expect(keychainSecretBox(dir, fakeKeychain()).open('sms.accessKeySecret', byFile)).toBe('abc');
  });
});
