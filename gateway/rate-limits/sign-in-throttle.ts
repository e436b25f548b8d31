import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { rateLimited } from '../errors/domain-error.js';

/** The first wait once a pair's free failures are used up; each further failure doubles it. */
export const FIRST_WAIT_SECONDS = 1;
/** The longest wait: long enough to make guessing hopeless, short enough for a forgetful pharmacist. */
export const LONGEST_WAIT_SECONDS = 15 * 60;
/** Added to every attempt for an address past its failure ceiling; slows, never refuses. */
export const UNDER_ATTACK_DELAY_MS = 2_000;

/** The same words for every address, with or without an account: nothing to enumerate. */
const MESSAGE = 'Too many failed sign-ins for this email address. Try again later.';

/**
 * Slows a password guesser without letting anyone lock a pharmacist out (OWASP
 * authentication cheat sheet). Ten failures used to lock an address for 15 minutes
 * wherever they came from, so knowing someone's address was enough to keep them out.
 *
 * - Failures are counted per (address, client IP). From the `points`-th in a row on, each
 *   failure, and each attempt made while told to wait, doubles the wait (1 s, 2 s, 4 s …
 *   15 min): an attacker that ignores `retryAfter` only waits longer. A success from that IP
 *   clears it. Another IP, the owner's, is not held up by it.
 * - Failures per address from anywhere only slow: past the ceiling every attempt for the
 *   address takes UNDER_ATTACK_DELAY_MS longer, and the owner still gets in from their own IP.
 * - The per-IP limit on all attempts (rate-limits.ts, `signIns`) stays in front of both.
 */
export class SignInThrottle {
  constructor(
    /** consumedPoints: the pair's failures in a row. */
    private readonly pairFailures: RateLimiterAbstract,
    /** Blocked while the pair must wait. */
    private readonly pairWaits: RateLimiterAbstract,
    private readonly addressFailures: RateLimiterAbstract,
  ) {}

  /** Before the password is looked at: RATE_LIMITED while this pair must wait, else on (slower for an address under attack). */
  async beforeAttempt(address: string, clientIp: string): Promise<void> {
    const pair = pairKey(address, clientIp);
    const waiting = await this.pairWaits.get(pair);
    if (waiting && waiting.consumedPoints > this.pairWaits.points) {
      // Not a guess (the password is not checked), but impatience costs the same as a failure.
      throw limited(await this.lengthenWait(pair));
    }
    const failures = await this.addressFailures.get(address);
    if (failures && failures.consumedPoints > this.addressFailures.points) {
      await new Promise((resolve) => setTimeout(resolve, UNDER_ATTACK_DELAY_MS));
    }
  }

  async failed(address: string, clientIp: string): Promise<void> {
    await this.lengthenWait(pairKey(address, clientIp));
    await this.addressFailures.penalty(address, 1);
  }

  async succeeded(address: string, clientIp: string): Promise<void> {
    const pair = pairKey(address, clientIp);
    await Promise.all([this.pairFailures.delete(pair), this.pairWaits.delete(pair)]);
  }

  /** Counts one more failure for the pair and, from the `points`-th on, makes it wait; returns the wait in seconds (0: none). */
  private async lengthenWait(pair: string): Promise<number> {
    const { consumedPoints } = await this.pairFailures.penalty(pair, 1);
    const waits = consumedPoints - this.pairFailures.points + 1;
    if (waits <= 0) return 0;
    const seconds = Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(waits - 1, 30));
    await this.pairWaits.block(pair, seconds);
    return seconds;
  }
}

/** A space never occurs in a trimmed address, so the pair can't be forged from another address. */
const pairKey = (address: string, clientIp: string) => `${clientIp} ${address}`;

const limited = (seconds: number) => rateLimited(MESSAGE, Math.max(1, seconds));
