import { X509Certificate } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lanIPv4Addresses } from './addresses';

export interface HostCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, `AB:CD:…` (Node's `fingerprint256`): what terminals pin. */
  fingerprint: string;
}

const CERT_FILE = 'host-cert.pem';
const KEY_FILE = 'host-key.pem';
const DAY_MS = 86_400_000;
/** Apple's limit for TLS server certificates (tablets refuse longer ones even when trusted by hand). */
const VALID_DAYS = 825;
/** Renewed at start-up this close to its end (terminals then pin the new one by pairing again). */
const RENEW_BEFORE_DAYS = 30;

export function lanDir(dataDir: string): string {
  return join(dataDir, 'lan');
}

function read(dir: string, now: number): HostCertificate | null {
  try {
    const cert = readFileSync(join(dir, CERT_FILE), 'utf8');
    const key = readFileSync(join(dir, KEY_FILE), 'utf8');
    const x509 = new X509Certificate(cert);
    if (Date.parse(x509.validTo) - now < RENEW_BEFORE_DAYS * DAY_MS) return null;
    return { cert, key, fingerprint: x509.fingerprint256 };
  } catch {
    // Missing or unreadable (a half-written first start): a new one is made.
    return null;
  }
}

/** Written beside and renamed into place, so a power cut never leaves half a file. */
function writeAtomically(file: string, text: string, mode: number): void {
  const part = `${file}.part`;
  writeFileSync(part, text, { mode });
  chmodSync(part, mode);
  renameSync(part, file);
}

/**
 * The host's own TLS certificate, made at first start and kept in `<dataDir>/lan/` (the key readable
 * by this user only). It names this PC's LAN addresses, 127.0.0.1 and localhost; terminals do not
 * rely on the names but pin the fingerprint, so an address that changes later breaks nothing.
 */
export async function hostCertificate(dataDir: string, now: number): Promise<HostCertificate> {
  const dir = lanDir(dataDir);
  const kept = read(dir, now);
  if (kept) return kept;
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ips = [...new Set([...lanIPv4Addresses(), '127.0.0.1'])];
  const notBeforeDate = new Date(now - DAY_MS);
  // Loaded when a certificate is first made, not at every start (its X.509 stack costs ~0.1 s).
  const { generate } = await import('selfsigned');
  const pems = await generate([{ name: 'commonName', value: 'After-Sales Desk host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...ips.map((ip) => ({ type: 7 as const, ip })), { type: 2 as const, value: 'localhost' }],
      },
    ],
  });
  writeAtomically(join(dir, KEY_FILE), pems.private, 0o600);
  writeAtomically(join(dir, CERT_FILE), pems.cert, 0o644);
  return { cert: pems.cert, key: pems.private, fingerprint: new X509Certificate(pems.cert).fingerprint256 };
}
