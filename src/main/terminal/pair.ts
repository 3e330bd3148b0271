import { X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { rpcError, type Envelope } from '@shared/errors';
import { hostUrl, pairResult } from '@shared/schemas/lan';
import { envelopeOf, failureError } from './hostEnvelope';
import { callHost } from './hostRequest';
import { normalizeFingerprint, PinnedAgent } from './pinnedAgent';
import { LAN_WIRE } from '@shared/lanWire';

export interface PairRequest {
  /** The host's address as typed (`192.168.1.20:8443`) or its base URL. */
  url: string;
  /** The six digits shown on the host. */
  code: string;
  /** This PC's name in the host's list of terminals. */
  name: string;
  /** The fingerprint shown on the host (QR code or typed): when given, any other certificate is refused before the code is sent. */
  fingerprint?: string;
  timeoutMs?: number;
}

/** What the terminal keeps: the host's pin (fingerprint and certificate) and its key. */
export interface PairedHost {
  url: string;
  terminal: { id: string; name: string };
  key: string;
  fingerprint: string;
  certPem: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * `POST /pair` with the one-time code. Trust on first use: without an expected fingerprint any
 * certificate is accepted for this one call, and the one the host presented on the wire is what gets
 * pinned; the fingerprint the host names in its answer must be that same one, else the pairing is
 * refused (something between the two rewrote the connection). Never throws.
 */
export async function pairWithHost(request: PairRequest): Promise<Envelope<PairedHost>> {
  const parsedUrl = hostUrl.safeParse(request.url);
  if (!parsedUrl.success) return { ok: false, error: rpcError('invalidInput', {}, 'not a host address') };
  const base = new URL(parsedUrl.data);
  const host = base.host;
  // Filled by the agent once the handshake is done: the certificate this very call went to.
  const seen: { certificate: PeerCertificate | null } = { certificate: null };
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agent = new PinnedAgent({
    pin: request.fingerprint ?? null,
    connectTimeoutMs: timeoutMs,
    keepAlive: false,
    onVerified: (certificate) => {
      seen.certificate = certificate;
    },
  });
  try {
    const outcome = await callHost(agent, base, {
      method: 'POST',
      path: '/pair',
      headers: { 'content-type': 'application/json', [LAN_WIRE.clientHeader]: LAN_WIRE.desktopClient },
      body: JSON.stringify({ code: request.code, name: request.name }),
      timeoutMs,
    });
    if (!outcome.ok) return { ok: false, error: failureError(outcome.failure, host) };
    const envelope = envelopeOf(outcome.answer);
    if (!envelope.ok) return envelope;
    const result = pairResult.safeParse(envelope.data);
    if (!result.success || !result.data.key || !seen.certificate) {
      return {
        ok: false,
        error: rpcError('transportFailed', {}, 'the host answered the pairing without a key'),
      };
    }
    const certificate = new X509Certificate(seen.certificate.raw);
    const onWire = normalizeFingerprint(certificate.fingerprint256);
    if (normalizeFingerprint(result.data.fingerprint) !== onWire) {
      return {
        ok: false,
        error: failureError({ kind: 'mismatch', presented: onWire }, host),
      };
    }
    return {
      ok: true,
      data: {
        url: base.origin,
        terminal: result.data.terminal,
        key: result.data.key,
        fingerprint: onWire,
        certPem: certificate.toString(),
      },
    };
  } finally {
    agent.destroy();
  }
}
