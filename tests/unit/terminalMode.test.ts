import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectHostInput, hostUrl } from '@shared/schemas/lan';
import {
  MODE_FILE,
  readMode,
  removeMode,
  startupOf,
  writeMode,
  type KeyCipher,
  type TerminalMode,
} from '../../src/main/terminal/modeFile';
import { makeCert, type TestCert } from './fakeHost';
import { tempDir } from './harness';

/** Stands in for safeStorage: reversible, and visibly not the plain key. */
const rot: KeyCipher = {
  available: true,
  encrypt: (text) => Buffer.from(`enc:${[...text].reverse().join('')}`),
  decrypt: (data) => {
    const text = data.toString();
    if (!text.startsWith('enc:')) throw new Error('not ours');
    return [...text.slice(4)].reverse().join('');
  },
};
const noKeychain: KeyCipher = {
  available: false,
  encrypt: () => {
    throw new Error('no keychain');
  },
  decrypt: () => {
    throw new Error('no keychain');
  },
};

let cert: TestCert;
beforeAll(async () => {
  cert = await makeCert();
});

const dirs: (() => void)[] = [];
afterEach(() => dirs.splice(0).forEach((cleanup) => cleanup()));
function folder(): string {
  const { dir, cleanup } = tempDir();
  dirs.push(cleanup);
  return dir;
}

function terminalMode(): TerminalMode {
  return {
    mode: 'terminal',
    url: 'https://192.168.1.20:8443',
    fingerprint: cert.fingerprint,
    certPem: cert.cert,
    terminal: { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', name: '维修台 2' },
    key: 'the-terminal-key',
  };
}

describe('the mode file', () => {
  it('keeps a terminal with its key encrypted, readable by this user only', () => {
    const dir = folder();
    writeMode(dir, terminalMode(), rot);
    const text = readFileSync(join(dir, MODE_FILE), 'utf8');
    expect(text).not.toContain('the-terminal-key');
    expect(JSON.parse(text)).toMatchObject({ key: { encrypted: true } });
    if (process.platform !== 'win32') expect(statSync(join(dir, MODE_FILE)).mode & 0o777).toBe(0o600);
    expect(readMode(dir, rot)).toEqual({ kind: 'found', mode: terminalMode() });
  });

  it('keeps the key as text where there is no keychain, and says so in the file', () => {
    const dir = folder();
    writeMode(dir, terminalMode(), noKeychain);
    expect(JSON.parse(readFileSync(join(dir, MODE_FILE), 'utf8'))).toMatchObject({
      key: { encrypted: false, text: 'the-terminal-key' },
    });
    expect(readMode(dir, noKeychain)).toEqual({ kind: 'found', mode: terminalMode() });
  });

  it('keeps a host', () => {
    const dir = folder();
    writeMode(dir, { mode: 'host' }, rot);
    expect(readMode(dir, rot)).toEqual({ kind: 'found', mode: { mode: 'host' } });
    removeMode(dir);
    expect(readMode(dir, rot)).toEqual({ kind: 'absent' });
  });

  it('takes a damaged file, an edited pin or a key it cannot decrypt as unusable', () => {
    const dir = folder();
    writeFileSync(join(dir, MODE_FILE), '{"mode": "ter');
    expect(readMode(dir, rot)).toMatchObject({ kind: 'unusable' });

    writeMode(
      dir,
      {
        ...terminalMode(),
        fingerprint: (cert.fingerprint.startsWith('00') ? 'FF' : '00') + cert.fingerprint.slice(2),
      },
      rot,
    );
    expect(readMode(dir, rot)).toMatchObject({
      kind: 'unusable',
      why: expect.stringContaining('fingerprint'),
    });

    writeMode(dir, terminalMode(), noKeychain);
    const moved = JSON.parse(readFileSync(join(dir, MODE_FILE), 'utf8')) as Record<string, unknown>;
    writeFileSync(
      join(dir, MODE_FILE),
      JSON.stringify({ ...moved, key: { encrypted: true, base64: 'AAAA' } }),
    );
    expect(readMode(dir, rot)).toMatchObject({ kind: 'unusable', why: expect.stringContaining('key') });
  });
});

describe('how the app starts', () => {
  it('asks only on a new install: no mode file and no database', () => {
    expect(startupOf({ kind: 'absent' }, false)).toEqual({ kind: 'firstRun' });
    expect(startupOf({ kind: 'unusable', why: 'x' }, false)).toEqual({ kind: 'firstRun' });
  });

  it('keeps a shop from before the LAN a host, with nothing new to answer', () => {
    expect(startupOf({ kind: 'absent' }, true)).toEqual({ kind: 'host' });
    expect(startupOf({ kind: 'unusable', why: 'x' }, true)).toEqual({ kind: 'host' });
  });

  it('follows the mode file', () => {
    expect(startupOf({ kind: 'found', mode: { mode: 'host' } }, false)).toEqual({ kind: 'host' });
    const mode = terminalMode();
    expect(startupOf({ kind: 'found', mode }, false)).toEqual({ kind: 'terminal', mode });
  });
});

describe('the host address as typed', () => {
  it('becomes https://address:port', () => {
    expect(hostUrl.parse('192.168.1.20')).toBe('https://192.168.1.20:8443');
    expect(hostUrl.parse(' 192.168.1.20:9443 ')).toBe('https://192.168.1.20:9443');
    expect(hostUrl.parse('https://shop-host.lan:8443/')).toBe('https://shop-host.lan:8443');
  });

  it('is refused when it is not an https address of a host', () => {
    for (const text of [
      '',
      'http://192.168.1.20:8443',
      'https://u:p@192.168.1.20',
      'https://h/x',
      'ftp://h',
    ]) {
      expect(hostUrl.safeParse(text).success, text).toBe(false);
    }
  });

  it('comes with a six-digit code, a name and maybe a fingerprint', () => {
    const base = { url: '192.168.1.20', code: '123456', name: '前台' };
    expect(connectHostInput.safeParse(base).success).toBe(true);
    expect(connectHostInput.safeParse({ ...base, fingerprint: cert.fingerprint.toLowerCase() }).success).toBe(
      true,
    );
    expect(connectHostInput.safeParse({ ...base, fingerprint: 'AB:CD' }).success).toBe(false);
    expect(connectHostInput.safeParse({ ...base, code: '12345' }).success).toBe(false);
    expect(connectHostInput.safeParse({ ...base, name: ' ' }).success).toBe(false);
    expect(connectHostInput.safeParse({ ...base, extra: 1 }).success).toBe(false);
  });
});
