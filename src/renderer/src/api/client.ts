import { rpcError, type Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import type { ChangeNotice } from '@shared/schemas/lan';
import { ApiError } from '../lib/apiError';

/** What the preload exposes in Electron; absent in browser mode. */
export interface DeskBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** The host's change feed (main process → window); returns the function that stops listening. */
  onNotice?(listener: (notice: ChangeNotice) => void): () => void;
}

declare global {
  interface Window {
    api?: DeskBridge;
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
