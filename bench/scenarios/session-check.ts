import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { StaffSessions } from '../../gateway/auth/staff-sessions.js';
import type { StaffViewer } from '../../gateway/auth/viewer.js';
import { StaffRole } from '../../entities/staff-user.entity.js';
import { createEventBus } from '../../gateway/pubsub/event-bus.js';
import type { BenchContext } from '../support/bench-context.js';
import { round } from '../support/percentiles.js';

export interface SessionCheckResult {
  /** Sessions in the ended set while checking (a busy platform's 12 hours of sign-outs). */
  endedSessions: number;
  checks: number;
  /** What authenticate adds to each staff request and socket: StaffSessions.check. */
  nanosecondsPerCheck: number;
  /** The alternative it replaces: one indexed primary-key read of the session row, per request. */
  databaseLookupMs: { p50: number; p99: number };
}

/**
 * The cost of refusing ended sessions on every request: an in-memory lookup (with the
 * last-seen bookkeeping) against the ended set, timed in this process; beside it, what a
 * database round trip per request would cost on the bench's own PostgreSQL.
 */
export async function benchSessionCheck(context: BenchContext): Promise<SessionCheckResult> {
  const endedSessions = context.quick ? 10_000 : 100_000;
  const checks = context.quick ? 200_000 : 2_000_000;
  const expiresAt = new Date(Date.now() + 3_600_000);
  const ended = Array.from({ length: endedSessions }, () => ({ id: randomUUID(), expiresAt }));
  const bus = createEventBus(undefined);
  const sessions = await StaffSessions.start({ endedSince: async () => ended, touch: async () => {} }, bus);
  try {
    const viewers: StaffViewer[] = Array.from({ length: 1_000 }, () => ({
      kind: 'staff',
      organizationId: randomUUID(),
      staffId: randomUUID(),
      role: StaffRole.PHARMACIST,
      sessionId: randomUUID(),
    }));
    // Warm up the JIT, then time.
    for (let n = 0; n < 50_000; n += 1) sessions.check(viewers[n % viewers.length]!);
    const started = performance.now();
    for (let n = 0; n < checks; n += 1) sessions.check(viewers[n % viewers.length]!);
    const elapsedMs = performance.now() - started;
    context.log(`sessions: ${checks} checks against ${endedSessions} ended sessions in ${round(elapsedMs, 1)} ms`);

    const { rows } = await context.pool.query<{ id: string }>(`SELECT id FROM staff_session LIMIT 1`);
    const probeId = rows[0]?.id ?? randomUUID();
    const samples: number[] = [];
    for (let n = 0; n < (context.quick ? 200 : 2_000); n += 1) {
      const begun = performance.now();
      await context.pool.query(`SELECT ended_at FROM staff_session WHERE id = $1`, [probeId]);
      samples.push(performance.now() - begun);
    }
    samples.sort((a, b) => a - b);
    return {
      endedSessions,
      checks,
      nanosecondsPerCheck: round((elapsedMs * 1e6) / checks, 1),
      databaseLookupMs: { p50: round(samples[Math.floor(samples.length * 0.5)]!, 3), p99: round(samples[Math.floor(samples.length * 0.99)]!, 3) },
    };
  } finally {
    await sessions.dispose();
    await bus.dispose();
  }
}
