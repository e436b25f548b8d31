import { describe, expect, it } from '@jest/globals';
import { retryDelayMs } from '../../../gateway/webhooks/retry-schedule.js';

const schedule = { baseDelayMs: 1_000, maxDelayMs: 10_000, maxAttempts: 8 };

describe('retry schedule', () => {
  it('doubles the step after each failure, never waiting less than half of it', () => {
    const lowest = [1, 2, 3, 4].map((failures) => retryDelayMs(schedule, failures, () => 0));
    const highest = [1, 2, 3, 4].map((failures) => retryDelayMs(schedule, failures, () => 1));
    expect(lowest).toEqual([500, 1_000, 2_000, 4_000]);
    expect(highest).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('caps the wait at the maximum delay', () => {
    expect(retryDelayMs(schedule, 20, () => 1)).toBe(10_000);
    expect(retryDelayMs(schedule, 20, () => 0)).toBe(5_000);
  });
});
