export interface RetrySchedule {
  /** Delay before the second attempt; each later one doubles it. */
  baseDelayMs: number;
  /** No wait is ever longer. */
  maxDelayMs: number;
  /** Attempts per schedule; then the delivery is FAILED until someone redelivers it. */
  maxAttempts: number;
}

/** 10 s, 20 s, 40 s … capped at 6 h: twelve attempts span about a day. */
export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseDelayMs: 10_000, maxDelayMs: 6 * 3600_000, maxAttempts: 12 };

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so a
 * receiver that comes back after an outage is not hit by every retry in the same second,
 * yet no retry comes sooner than half its step.
 */
export function retryDelayMs(schedule: RetrySchedule, failedAttempts: number, random: () => number = Math.random): number {
  const step = Math.min(schedule.maxDelayMs, schedule.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(step / 2 + random() * (step / 2));
}
