import { useMutation, useQueryClient } from '@tanstack/react-query';
import { rpcError, type Envelope } from '@shared/errors';
import { pairResult, type PairResult } from '@shared/schemas/lan';
import type { z } from 'zod';
import type { pairInput } from '@shared/schemas/lan';
import { ApiError } from '../lib/apiError';
import { startOver } from './auth';
import { postJson } from './client';
import { noteAnswer } from './hostReach';

export type PairInput = z.input<typeof pairInput>;
type PairingReason = 'terminalNotPaired' | 'terminalRevoked';

/** The refusal that sends a browser to the pairing screen instead of the sign-in screen. */
export function pairingRefusal(error: unknown): PairingReason | null {
  if (!(error instanceof ApiError)) return null;
  const { reason } = error.refusal;
  return reason === 'terminalNotPaired' || reason === 'terminalRevoked' ? reason : null;
}

/** The code a scanned QR carries (`https://host:port/?pair=123456`), or '' when there is none. */
export function pairCodeFromUrl(search: string): string {
  const code = new URLSearchParams(search).get('pair')?.trim() ?? '';
  return /^\d{6}$/.test(code) ? code : '';
}

/** The host's answer to `POST /pair`, checked: a reply that is not an envelope is a transport failure. */
export function readPairAnswer(raw: unknown): Envelope<PairResult> {
  const failed: Envelope<PairResult> = {
    ok: false,
    error: rpcError('transportFailed', {}, 'bad pair reply'),
  };
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) return failed;
  if (raw.ok === true && 'data' in raw) {
    const data = pairResult.safeParse(raw.data);
    return data.success ? { ok: true, data: data.data } : failed;
  }
  if (raw.ok === false && 'error' in raw && typeof raw.error === 'object' && raw.error !== null) {
    return raw as Envelope<PairResult>;
  }
  return failed;
}

/** Pairs this browser with the host: the terminal key comes back as an HttpOnly cookie, never to JS. */
async function pair(input: PairInput): Promise<PairResult> {
  let envelope: Envelope<PairResult>;
  try {
    envelope = readPairAnswer(await postJson('/pair', input));
  } catch {
    envelope = { ok: false, error: rpcError('transportFailed', {}, 'pair request failed') };
  }
  noteAnswer(envelope);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.data;
}

export function usePair() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: pair,
    onSuccess: async () => {
      // The code is spent: a reload must not offer it again.
      if (window.location.search) {
        window.history.replaceState(null, '', window.location.pathname + window.location.hash);
      }
      await startOver(queryClient);
    },
  });
}

/** What the host's QR code opens: one of its addresses with the code, `https://addr:port/?pair=123456`. */
export function pairingUrl(address: string, code: string): string {
  const url = new URL(address);
  url.searchParams.set('pair', code);
  return url.toString();
}
