import { rpcError, type Envelope } from '@shared/errors';
import type { InputOf, Method, OutputOf } from '@shared/contract';
import { ApiError } from '../lib/apiError';
import { noteAnswer } from './hostReach';

/** What the preload exposes in Electron; absent in browser mode. */
export interface DeskBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  /** The host's change notices (LAN), pushed to the renderer; returns the unsubscribe. */
  onNotice?(listener: (notice: unknown) => void): () => void;
}

declare global {
  interface Window {
    api?: DeskBridge;
  }
}

/**
 * A JSON POST to this page's own server (browser mode): the per-run token, or a LAN terminal's key,
 * travels as an HttpOnly cookie the page never sees.
 */
export async function postJson(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    credentials: 'same-origin',
    body: JSON.stringify(body),
  });
  return response.json();
}

/** Call a contract method; resolves with the envelope, never throws for a server-side error. */
export async function call<M extends Method>(method: M, input: InputOf<M>): Promise<Envelope<OutputOf<M>>> {
  let envelope: Envelope<OutputOf<M>>;
  try {
    const raw = window.api
      ? await window.api.invoke(method, input)
      : await postJson(`/rpc/${encodeURIComponent(method)}`, input ?? {});
    envelope = raw as Envelope<OutputOf<M>>;
  } catch {
    envelope = { ok: false, error: rpcError('transportFailed', {}, 'transport failed') };
  }
  // Whether the host answered at all: the away banner and TanStack Query's online state follow it.
  noteAnswer(envelope);
  return envelope;
}

/** Call a contract method; resolves with its data or throws ApiError. */
export async function invoke<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const envelope = await call(method, input);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data;
}
