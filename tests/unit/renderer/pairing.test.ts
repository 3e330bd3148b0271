import { describe, expect, it } from 'vitest';
import { rpcError } from '@shared/errors';
import { ApiError } from '../../../src/renderer/src/lib/apiError';
import {
  pairCodeFromUrl,
  pairingRefusal,
  pairingUrl,
  readPairAnswer,
} from '../../../src/renderer/src/api/pairing';
import { remainingText } from '../../../src/renderer/src/pages/lan/countdown';

describe('pairing a browser terminal', () => {
  it('sends to the pairing screen only for "not paired" and "revoked"', () => {
    expect(pairingRefusal(new ApiError(rpcError('terminalNotPaired', {}, 'x')))).toBe('terminalNotPaired');
    expect(pairingRefusal(new ApiError(rpcError('terminalRevoked', {}, 'x')))).toBe('terminalRevoked');
    expect(pairingRefusal(new ApiError(rpcError('signedOut', {}, 'x')))).toBeNull();
    expect(pairingRefusal(new ApiError(rpcError('transportFailed', {}, 'x')))).toBeNull();
    expect(pairingRefusal(new Error('x'))).toBeNull();
    expect(pairingRefusal(null)).toBeNull();
  });

  it('makes the QR link from a host address and reads the code back from it', () => {
    const link = pairingUrl('https://192.168.1.10:8443/', '048213');
    expect(link).toBe('https://192.168.1.10:8443/?pair=048213');
    expect(pairingUrl('https://192.168.1.10:8443', '048213')).toBe(link);
    expect(pairCodeFromUrl(new URL(link).search)).toBe('048213');
    expect(pairCodeFromUrl('?pair=%20048213%20')).toBe('048213');
    // Not six digits: nothing is prefilled (and nothing is cut to fit).
    expect(pairCodeFromUrl('?pair=0482131')).toBe('');
    expect(pairCodeFromUrl('?pair=04821')).toBe('');
    expect(pairCodeFromUrl('?pair=abcdef')).toBe('');
    expect(pairCodeFromUrl('')).toBe('');
  });

  it("reads the host's answer: a pairing, a refusal, or anything else as no answer", () => {
    const data = {
      terminal: { id: '0190aaaa-0000-7000-8000-000000000001', name: '维修台2' },
      fingerprint: 'AB:CD',
    };
    expect(readPairAnswer({ ok: true, data })).toEqual({ ok: true, data });
    const wrong = { ok: false, error: rpcError('pairingCodeWrong', { triesLeft: 3 }, 'wrong code') };
    expect(readPairAnswer(wrong)).toEqual(wrong);
    for (const junk of [null, 'ok', { ok: true }, { ok: true, data: { terminal: {} } }, { ok: false }]) {
      const answer = readPairAnswer(junk);
      expect(answer.ok ? 'ok' : answer.error.reason).toBe('transportFailed');
    }
  });
});

describe('the pairing code countdown', () => {
  it('shows minutes and seconds left on the host clock, rounding up, and nothing once expired', () => {
    const expiresAt = 1_800_000_000_000;
    expect(remainingText(expiresAt, expiresAt - 600_000)).toBe('10:00');
    expect(remainingText(expiresAt, expiresAt - 61_000)).toBe('1:01');
    expect(remainingText(expiresAt, expiresAt - 59_001)).toBe('1:00');
    expect(remainingText(expiresAt, expiresAt - 1)).toBe('0:01');
    expect(remainingText(expiresAt, expiresAt)).toBeNull();
    expect(remainingText(expiresAt, expiresAt + 5000)).toBeNull();
  });
});
