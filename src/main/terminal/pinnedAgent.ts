import { Agent, type RequestOptions } from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect, type PeerCertificate } from 'node:tls';

/** The host presented another certificate than the pinned one: the socket was closed unused. */
export class FingerprintMismatchError extends Error {
  constructor(readonly presented: string) {
    super(`the host presented certificate ${presented}, not the pinned one`);
    this.name = 'FingerprintMismatchError';
  }
}

/** The TCP connection or the TLS handshake took longer than allowed. */
export class ConnectTimeoutError extends Error {
  constructor(ms: number) {
    super(`no TLS connection to the host within ${ms} ms`);
    this.name = 'ConnectTimeoutError';
  }
}

/** `AB:CD:…` in one spelling, so a fingerprint typed in lower case or with spaces still compares. */
export function normalizeFingerprint(value: string): string {
  const hex = value.replace(/[^0-9a-f]/gi, '').toUpperCase();
  return hex.match(/.{2}/g)?.join(':') ?? '';
}

export interface PinOptions {
  /** The pinned SHA-256 fingerprint; null only while pairing (trust on first use). */
  pin: string | null;
  /** How long TCP connect + TLS handshake may take. */
  connectTimeoutMs: number;
  /** Keep verified sockets for the next call (the host link) or not (one pairing call). */
  keepAlive: boolean;
  /** Told about every certificate that passed, before the socket is handed to a request. */
  onVerified?: (certificate: PeerCertificate) => void;
}

/**
 * An HTTPS agent that hands a socket to a request only after the host's certificate matched the pin.
 *
 * Why this way: the request (headers and body) is written to the socket the agent gives it. This
 * agent creates the socket asynchronously (`createConnection` with a callback, documented for custom
 * agents) and calls back only from `secureConnect`, after comparing the peer certificate's SHA-256
 * fingerprint with the pin; on a mismatch it destroys the socket and calls back with an error, so the
 * request never holds a socket to an unverified peer and not one byte of it is written. Chain and
 * name checks are off (`rejectUnauthorized: false`) because the host's certificate is self-signed and
 * the pin is stricter than both: it names one exact certificate. The handshake itself still proves
 * the peer holds that certificate's private key. No TLS session is resumed (no `session` is passed),
 * so every connection shows its certificate in a full handshake.
 */
export class PinnedAgent extends Agent {
  readonly #pin: PinOptions;

  constructor(pin: PinOptions) {
    super({ keepAlive: pin.keepAlive, maxSockets: 8 });
    this.#pin = { ...pin, pin: pin.pin === null ? null : normalizeFingerprint(pin.pin) };
  }

  override createConnection(
    options: RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    if (!callback) throw new Error('PinnedAgent needs the asynchronous createConnection callback');
    const host = options.host ?? options.hostname ?? 'localhost';
    const socket = connect({
      host,
      port: Number(options.port),
      // SNI takes names only; the host is usually reached by its IP address.
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
      ALPNProtocols: ['http/1.1'],
    });
    let settled = false;
    const settle = (error: Error | null): void => {
      if (settled) return;
      settled = true;
      socket.setTimeout(0);
      socket.off('error', settle);
      if (error) {
        // A finished handshake is closed politely (its last flight and close_notify flushed, then
        // the socket destroyed); nothing else was ever queued on it.
        if (error instanceof FingerprintMismatchError) socket.destroySoon();
        else socket.destroy();
        callback(error, socket);
      } else callback(null, socket);
    };
    socket.setTimeout(this.#pin.connectTimeoutMs, () =>
      settle(new ConnectTimeoutError(this.#pin.connectTimeoutMs)),
    );
    socket.once('error', settle);
    socket.once('secureConnect', () => {
      const certificate = socket.getPeerCertificate();
      const presented = normalizeFingerprint(certificate.fingerprint256 ?? '');
      if (presented === '' || (this.#pin.pin !== null && presented !== this.#pin.pin)) {
        settle(new FingerprintMismatchError(presented));
        return;
      }
      this.#pin.onVerified?.(certificate);
      settle(null);
    });
    return undefined;
  }
}
