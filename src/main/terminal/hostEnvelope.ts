import { z } from 'zod';
import { rpcError, type Envelope, type RpcError } from '@shared/errors';
import type { HostAnswer, HostFailure } from './hostRequest';

/** The shape every host answer has (the renderer words the refusal; its params are the host's). */
const envelope = z.union([
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.looseObject({ code: z.string(), reason: z.string(), params: z.unknown(), message: z.string() }),
  }),
]);

/** The host's envelope as it came, or `transportFailed` when the answer is not one (not our host?). */
export function envelopeOf(answer: HostAnswer): Envelope<unknown> {
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const parsed = envelope.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: rpcError('transportFailed', {}, `the host answered HTTP ${answer.status} without an envelope`),
    };
  }
  // Checked for its shape above; the reason list may be newer on the host, the renderer words it then.
  return parsed.data.ok
    ? { ok: true, data: parsed.data.data }
    : { ok: false, error: parsed.data.error as RpcError };
}

/** A call that got no answer, in the words the renderer has for it. */
export function failureError(failure: HostFailure, host: string): RpcError {
  return failure.kind === 'mismatch'
    ? rpcError('hostFingerprintMismatch', { host }, `host ${host} presented ${failure.presented}: refused`)
    : rpcError('hostUnreachable', { host }, `host ${host} unreachable: ${failure.detail}`);
}
