import {
  rpcError,
  type Envelope,
  type ErrorCode,
  type ErrorDetails,
  type Refusal,
  type RpcError,
} from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';

/** What the preload exposes in Electron; absent in browser mode. */
export interface DeskBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
}

declare global {
  interface Window {
    api?: DeskBridge;
  }
}

/**
 * An error envelope as a thrown value, so TanStack Query and forms can handle it. Its meaning is
 * `refusal` (reason and params: see i18n/errorMessage.ts for the words); Error.message keeps the
 * server's developer text for the console only.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly refusal: Refusal;
  readonly details?: ErrorDetails;
  constructor(error: RpcError) {
    // eslint-disable-next-line no-restricted-syntax -- handed to Error for the console, never read
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.refusal = error;
    this.details = error.details;
  }
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  // The per-run token travels as an HttpOnly cookie set when the page was opened with ?token=.
  const response = await fetch(`/rpc/${encodeURIComponent(method)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(input ?? {}),
  });
  return response.json();
}

/** Call a contract method; resolves with the envelope, never throws for a server-side error. */
export async function call<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
  try {
    const raw = window.api ? await window.api.invoke(method, input) : await overHttp(method, input);
    return raw as Envelope<OutputOf<M>>;
  } catch {
    return { ok: false, error: rpcError('transportFailed', {}, 'transport failed') };
  }
}

/** Call a contract method; resolves with its data or throws ApiError. */
export async function invoke<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await call(method, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data;
}
