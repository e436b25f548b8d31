/** What time it is for notification decisions: injectable, so tests move time instead of sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * When a job must be due (graphile-worker compares `run_at` with the database's clock) to run
 * at `target` by `clock`: as far from now as `target` is from the clock's now.
 */
export function jobTimeFor(clock: Clock, target: Date): Date {
  return new Date(Date.now() + Math.max(0, target.getTime() - clock.now().getTime()));
}
