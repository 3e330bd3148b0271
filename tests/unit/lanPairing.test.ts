import { describe, expect, it } from 'vitest';
import { PAIRING_TRIES, PAIRING_VALID_MS, PairingCodes } from '../../src/main/lan/pairing';
import { FakeClock } from './harness';

function setUp() {
  const clock = new FakeClock();
  return { clock, codes: new PairingCodes(clock.now) };
}

/** A six-digit guess that is not the code. */
function wrong(code: string): string {
  return code === '000000' ? '000001' : '000000';
}

describe('pairing code', () => {
  it('is six digits, open ten minutes on the server clock, then void', () => {
    const { clock, codes } = setUp();
    const open = codes.create();
    expect(open.code).toMatch(/^\d{6}$/);
    expect(open.expiresAt).toBe(clock.ms + PAIRING_VALID_MS);
    expect(open.triesLeft).toBe(PAIRING_TRIES);
    clock.advance(PAIRING_VALID_MS - 1);
    expect(codes.current()?.code).toBe(open.code);
    clock.advance(1);
    expect(codes.current()).toBeNull();
    expect(codes.attempt(open.code)).toEqual({ ok: false, void: true });
  });

  it('is right once only', () => {
    const { codes } = setUp();
    const { code } = codes.create();
    expect(codes.attempt(code)).toEqual({ ok: true });
    expect(codes.current()).toBeNull();
    expect(codes.attempt(code)).toEqual({ ok: false, void: true });
  });

  it('takes five wrong tries at most: the fifth voids it and the right code is refused after', () => {
    const { codes } = setUp();
    const { code } = codes.create();
    const answers = Array.from({ length: 5 }, () => codes.attempt(wrong(code)));
    expect(answers).toEqual([4, 3, 2, 1, 0].map((triesLeft) => ({ ok: false, triesLeft })));
    expect(codes.current()).toBeNull();
    expect(codes.attempt(code)).toEqual({ ok: false, void: true });
  });

  it('counts wrong tries down on the open code, and a new code starts again and voids the old', () => {
    const { codes } = setUp();
    const first = codes.create();
    codes.attempt(wrong(first.code));
    expect(codes.current()?.triesLeft).toBe(4);
    const second = codes.create();
    expect(codes.current()).toEqual(second);
    if (second.code !== first.code) expect(codes.attempt(first.code)).toEqual({ ok: false, triesLeft: 4 });
    expect(codes.attempt(second.code)).toEqual({ ok: true });
  });

  it('a cancelled code is void; without a code every guess is refused', () => {
    const { codes } = setUp();
    expect(codes.attempt('123456')).toEqual({ ok: false, void: true });
    const { code } = codes.create();
    codes.cancel();
    expect(codes.attempt(code)).toEqual({ ok: false, void: true });
  });
});
