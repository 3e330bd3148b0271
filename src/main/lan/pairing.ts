import { randomInt, timingSafeEqual } from 'node:crypto';
import type { PairingCode } from '@shared/schemas/lan';

export const PAIRING_VALID_MS = 10 * 60_000;
export const PAIRING_TRIES = 5;

export type PairingAttempt = { ok: true } | { ok: false; triesLeft: number } | { ok: false; void: true };

/**
 * The one open pairing code of the host: six digits, valid ten minutes on the server's clock,
 * void after five wrong tries, used once. A new code voids the previous one.
 */
export class PairingCodes {
  private open: PairingCode | null = null;

  constructor(private readonly now: () => number) {}

  create(): PairingCode {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.open = { code, expiresAt: this.now() + PAIRING_VALID_MS, triesLeft: PAIRING_TRIES };
    return { ...this.open };
  }

  cancel(): void {
    this.open = null;
  }

  /** The open code, or null when none is open (never made, expired, used or tried out). */
  current(): PairingCode | null {
    if (this.open && this.now() >= this.open.expiresAt) this.open = null;
    return this.open && { ...this.open };
  }

  /**
   * A guess: right uses the code up; wrong counts down, and the fifth wrong one voids it (answered
   * `triesLeft: 0`; any guess after that finds no code open).
   */
  attempt(guess: string): PairingAttempt {
    const open = this.current();
    if (!open || !this.open) return { ok: false, void: true };
    const right = Buffer.from(open.code);
    const given = Buffer.from(guess);
    // Constant time: how many leading digits match must not show in the answer's timing.
    if (given.length === right.length && timingSafeEqual(given, right)) {
      this.open = null;
      return { ok: true };
    }
    const triesLeft = this.open.triesLeft - 1;
    this.open = triesLeft > 0 ? { ...this.open, triesLeft } : null;
    return { ok: false, triesLeft };
  }
}
