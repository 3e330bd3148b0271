import { afterEach, describe, expect, it } from 'vitest';
import { onlineManager } from '@tanstack/react-query';
import { rpcError, type Envelope } from '@shared/errors';
import { hostAway, isUnanswered, noteAnswer, onHostAway } from '../../../src/renderer/src/api/hostReach';

const transport: Envelope<unknown> = { ok: false, error: rpcError('transportFailed', {}, 'x') };
const unreachable: Envelope<unknown> = {
  ok: false,
  error: rpcError('hostUnreachable', { host: '192.168.1.10:8443' }, 'x'),
};
const refused: Envelope<unknown> = { ok: false, error: rpcError('forbidden', {}, 'x') };
const internal: Envelope<unknown> = { ok: false, error: rpcError('internal', {}, 'x') };
const answered: Envelope<unknown> = { ok: true, data: {} };

afterEach(() => noteAnswer(answered));

describe('whether the host answers', () => {
  it('counts only "no answer" as away: a refusal or a server error is an answer', () => {
    expect(isUnanswered(transport)).toBe(true);
    expect(isUnanswered(unreachable)).toBe(true);
    expect(isUnanswered(refused)).toBe(false);
    expect(isUnanswered(internal)).toBe(false);
    expect(isUnanswered(answered)).toBe(false);
  });

  it('goes away on a failed call, back on the next answer, and tells TanStack Query it is offline meanwhile', () => {
    const seen: boolean[] = [];
    const stop = onHostAway((away) => seen.push(away));
    expect(hostAway()).toBe(false);
    expect(onlineManager.isOnline()).toBe(true);

    noteAnswer(transport);
    expect(hostAway()).toBe(true);
    expect(onlineManager.isOnline()).toBe(false);
    noteAnswer(unreachable); // still away: no second notice
    noteAnswer(refused); // the host said no: it is there
    expect(hostAway()).toBe(false);
    expect(onlineManager.isOnline()).toBe(true);
    noteAnswer(answered);
    expect(seen).toEqual([true, false]);
    stop();
    noteAnswer(transport);
    expect(seen).toEqual([true, false]);
  });
});
