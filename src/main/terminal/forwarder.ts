import { X509Certificate } from 'node:crypto';
import { rpcError, type Envelope, type RpcError } from '@shared/errors';
import { hostUrl, type ChangeNotice } from '@shared/schemas/lan';
import { CookieJars } from './cookieJar';
import { envelopeOf, failureError } from './hostEnvelope';
import { callHost, type HostFailure } from './hostRequest';
import { openNoticeStream, type Backoff, type StreamState } from './noticeStream';
import { pairWithHost, type PairRequest, type PairedHost } from './pair';
import { normalizeFingerprint, PinnedAgent } from './pinnedAgent';
import { LAN_WIRE } from '@shared/lanWire';

/** What the desktop terminal keeps after pairing (desk-mode.json), and what a link is made from. */
export interface HostPin {
  /** The host's base URL, `https://address:port`. */
  url: string;
  /** SHA-256 of the host certificate, `AB:CD:…`. */
  fingerprint: string;
  /** The certificate itself, as paired: checked against `fingerprint` when the link is made. */
  certPem?: string;
  /** The terminal key the host gave at pairing (sent as `x-desk-terminal`). */
  key: string;
}

export interface HostLinkOptions extends HostPin {
  /** Connecting and waiting for an answer, each (default 10 s). */
  timeoutMs?: number;
  /** Silence on the notice stream before it is opened anew (default 45 s; the host sends keep-alive comments). */
  streamIdleMs?: number;
  backoff?: Backoff;
}

/** Whether the host answers; `error` says why not (unreachable, or another certificate). */
export interface HostState {
  reachable: boolean;
  error: RpcError | null;
}

export interface LinkListener {
  notice(notice: ChangeNotice): void;
  /** Reachability changed; after `reachable: true` following a loss, screens should read their data again. */
  state?(state: HostState): void;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STREAM_IDLE_MS = 45_000;
const DEFAULT_BACKOFF: Backoff = { firstMs: 500, maxMs: 10_000 };
/** The host's route takes only these characters; anything else is not a method. */
const METHOD_NAME = /^[A-Za-z][A-Za-z.]*$/;

/**
 * The desktop terminal's line to its host: the renderer's `rpc` calls go out as `POST /rpc/<method>`
 * over HTTPS to the pinned certificate only, with the terminal key and each window's own cookies; the
 * host's change notices come back on one `GET /events` stream. Never throws: every failure is an
 * envelope with the reason the renderer words (`hostUnreachable`, `hostFingerprintMismatch`).
 */
export class HostLink {
  readonly host: string;
  readonly #base: URL;
  readonly #key: string;
  readonly #fingerprint: string;
  readonly #timeoutMs: number;
  readonly #streamIdleMs: number;
  readonly #backoff: Backoff;
  readonly #agent: PinnedAgent;
  readonly #streamAgent: PinnedAgent;
  readonly #jars = new CookieJars();
  readonly #listeners = new Set<LinkListener>();
  #stopStream: (() => void) | null = null;
  #state: HostState = { reachable: true, error: null };
  #closed = false;

  constructor(options: HostLinkOptions) {
    this.#base = new URL(hostUrl.parse(options.url));
    this.host = this.#base.host;
    this.#key = options.key;
    this.#fingerprint = normalizeFingerprint(options.fingerprint);
    if (this.#fingerprint.length !== 95) throw new Error('a host pin needs a SHA-256 fingerprint');
    if (options.certPem !== undefined && certificateFingerprint(options.certPem) !== this.#fingerprint)
      throw new Error('the pinned certificate does not match the pinned fingerprint');
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#streamIdleMs = options.streamIdleMs ?? DEFAULT_STREAM_IDLE_MS;
    this.#backoff = options.backoff ?? DEFAULT_BACKOFF;
    const pin = { pin: this.#fingerprint, connectTimeoutMs: this.#timeoutMs };
    this.#agent = new PinnedAgent({ ...pin, keepAlive: true });
    // The stream holds its socket for as long as it is open: its own agent keeps calls from queueing.
    this.#streamAgent = new PinnedAgent({ ...pin, keepAlive: false });
  }

  /** Pair with a host (trust on first use, or the fingerprint the user gave): see pair.ts. */
  static pair(request: PairRequest): Promise<Envelope<PairedHost>> {
    return pairWithHost(request);
  }

  /** One renderer call, for one window (`connection`): the host's envelope, or why there is none. */
  async invoke(connection: string, method: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.#closed) return fail(failureError({ kind: 'unreachable', detail: 'link closed' }, this.host));
    if (!METHOD_NAME.test(method)) return fail(rpcError('unknownMethod', { method }, 'not a method name'));
    const cookie = this.#jars.header(connection);
    const outcome = await callHost(this.#agent, this.#base, {
      method: 'POST',
      path: `/rpc/${method}`,
      headers: {
        'content-type': 'application/json',
        ...this.#identity(),
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify(input ?? {}),
      timeoutMs: this.#timeoutMs,
    });
    if (!outcome.ok) return fail(this.#lost(outcome.failure));
    this.#jars.store(connection, outcome.answer.headers);
    this.#reached();
    return envelopeOf(outcome.answer);
  }

  /** A window closed: its user is signed out at the host (as closing the host's window does) and its cookies dropped. */
  forget(connection: string): void {
    const signedIn = this.#jars.header(connection);
    if (signedIn?.includes(`${LAN_WIRE.sessionCookie}=`)) void this.invoke(connection, 'auth.signOut', {});
    this.#jars.forget(connection);
  }

  /** Listen to the host's notices and to reachability; the stream runs while anyone listens. */
  subscribe(listener: LinkListener): () => void {
    this.#listeners.add(listener);
    if (!this.#stopStream && !this.#closed) {
      this.#stopStream = openNoticeStream({
        agent: this.#streamAgent,
        base: this.#base,
        headers: this.#identity(),
        idleMs: this.#streamIdleMs,
        backoff: this.#backoff,
        onNotice: (notice) => this.#listeners.forEach((l) => l.notice(notice)),
        onState: (state) => this.#streamState(state),
      });
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) this.#stopNotices();
    };
  }

  state(): HostState {
    return this.#state;
  }

  close(): void {
    this.#closed = true;
    this.#listeners.clear();
    this.#stopNotices();
    this.#agent.destroy();
    this.#streamAgent.destroy();
  }

  #identity(): Record<string, string> {
    return { [LAN_WIRE.clientHeader]: LAN_WIRE.desktopClient, [LAN_WIRE.keyHeader]: this.#key };
  }

  #stopNotices(): void {
    this.#stopStream?.();
    this.#stopStream = null;
  }

  #streamState(state: StreamState): void {
    if (state.kind === 'failed') this.#lost(state.failure);
    else this.#reached();
  }

  #reached(): void {
    this.#setState({ reachable: true, error: null });
  }

  #lost(failure: HostFailure): RpcError {
    const error = failureError(failure, this.host);
    this.#setState({ reachable: false, error });
    return error;
  }

  #setState(next: HostState): void {
    const before = this.#state;
    this.#state = next;
    if (before.reachable === next.reachable && before.error?.reason === next.error?.reason) return;
    this.#listeners.forEach((l) => l.state?.(next));
  }
}

function fail(error: RpcError): Envelope<never> {
  return { ok: false, error };
}

/** SHA-256 of a PEM certificate, `AB:CD:…`. */
export function certificateFingerprint(certPem: string): string {
  return normalizeFingerprint(new X509Certificate(certPem).fingerprint256);
}
