import { unauthenticated } from '../errors/domain-error.js';
import { logger } from '../logging/logger.js';
import type { EventBus } from '../pubsub/event-bus.js';
import { EVENT_VERSION, type StaffSessionsEndedPayload } from '../pubsub/event-payloads.js';
import type { StaffSessionStore } from '../tenancy/staff-session-activity.js';
import { STAFF_TOKEN_TTL_SECONDS } from './token-issuer.js';
import type { StaffViewer } from './viewer.js';

export interface StaffSessionsOptions {
  /**
   * How often the ended sessions are read again from the database. Default 15 s. The bus
   * brings each ending within moments; this catches one it dropped (Redis away), and prunes.
   */
  refreshIntervalMs: number;
  /** How often `last_seen_at` writes are flushed. Default 20 s; each session is written at most once a minute. */
  activityFlushIntervalMs: number;
}

export const DEFAULT_STAFF_SESSIONS_OPTIONS: StaffSessionsOptions = { refreshIntervalMs: 15_000, activityFlushIntervalMs: 20_000 };

/** A session's `last_seen_at` is written at most this often. */
const ACTIVITY_RESOLUTION_MS = 60_000;
/** Overlap between refreshes, against clock skew between the gateway and the database. */
const REFRESH_OVERLAP_MS = 60_000;

export const SESSION_ENDED_MESSAGE = 'Your session has ended. Sign in again.';

/**
 * Staff sessions as every request sees them, without a database round trip: this instance's
 * set of sessions ended before their tokens expire. Loaded at start (so an ending outlives a
 * restart), kept current over the event bus (`staffSessions`: every instance hears an ending
 * within moments, and closes that session's sockets with 4403), and re-read now and then in
 * case the bus dropped one. Also batches `last_seen_at`: at most one write per session a minute.
 */
export class StaffSessions {
  /** Ended session id → when its token expires (ms); after that the token fails on its own. */
  private readonly ended = new Map<string, number>();
  /** Open sockets by session id: what to do when it ends. */
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly lastWritten = new Map<string, number>();
  private readonly pendingActivity = new Map<string, { organizationId: string; seenAt: number }>();
  private readonly timers: NodeJS.Timeout[] = [];
  private stopListening: () => void = () => {};
  private refreshedUpTo = 0;
  private flushing: Promise<void> | undefined;

  private constructor(
    private readonly store: StaffSessionStore,
    private readonly bus: EventBus,
  ) {}

  static async start(store: StaffSessionStore, bus: EventBus, options: StaffSessionsOptions = DEFAULT_STAFF_SESSIONS_OPTIONS): Promise<StaffSessions> {
    const sessions = new StaffSessions(store, bus);
    sessions.stopListening = bus.on('staffSessions', 'ended', (payload) => sessions.heard(payload));
    // Every session ended whose token could still be valid.
    await sessions.refresh(new Date(Date.now() - STAFF_TOKEN_TTL_SECONDS * 1000 - REFRESH_OVERLAP_MS));
    sessions.every(options.refreshIntervalMs, () => sessions.refresh(new Date(sessions.refreshedUpTo - REFRESH_OVERLAP_MS)));
    sessions.every(options.activityFlushIntervalMs, () => sessions.flushActivity());
    return sessions;
  }

  /** For each staff request and socket: UNAUTHENTICATED if the token's session has ended. An in-memory lookup. */
  check(viewer: StaffViewer): void {
    if (!viewer.sessionId || this.ended.has(viewer.sessionId)) throw unauthenticated(SESSION_ENDED_MESSAGE);
    this.recordActivity(viewer.organizationId, viewer.sessionId);
  }

  /**
   * Calls `onEnded` once when the session ends (at once if it has); returns the function
   * that stops watching. The WebSocket server closes the socket with it.
   */
  watch(viewer: StaffViewer, onEnded: () => void): () => void {
    const id = viewer.sessionId;
    if (!id || this.ended.has(id)) {
      onEnded();
      return () => {};
    }
    let watching = this.watchers.get(id);
    if (!watching) this.watchers.set(id, (watching = new Set()));
    watching.add(onEnded);
    return () => {
      watching.delete(onEnded);
      if (watching.size === 0 && this.watchers.get(id) === watching) this.watchers.delete(id);
    };
  }

  /** Call after the ending committed: this instance at once, the others over the bus. */
  announceEnded(sessions: { id: string; expiresAt: Date }[]): void {
    if (sessions.length === 0) return;
    const payload: StaffSessionsEndedPayload = { v: EVENT_VERSION, sessions: sessions.map((session) => ({ id: session.id, expiresAt: session.expiresAt.toISOString() })) };
    this.heard(payload);
    try {
      this.bus.publish('staffSessions', 'ended', payload);
    } catch (error) {
      // The others read it from the database at their next refresh.
      logger.error({ err: error }, 'Could not announce ended sessions; other instances catch up at their next refresh');
    }
  }

  /** How many ended sessions this instance holds (for tests and the benchmark). */
  get endedCount(): number {
    return this.ended.size;
  }

  async dispose(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.stopListening();
    await this.flushActivity();
  }

  /** The bus drops (and counts) versions this release can't read; those sessions come with the next refresh. */
  private heard(payload: StaffSessionsEndedPayload): void {
    for (const session of payload.sessions) this.end(session.id, Date.parse(session.expiresAt));
  }

  private end(id: string, expiresAt: number): void {
    if (!(expiresAt > Date.now())) return;
    this.ended.set(id, expiresAt);
    this.lastWritten.delete(id);
    this.pendingActivity.delete(id);
    const watching = this.watchers.get(id);
    if (!watching) return;
    this.watchers.delete(id);
    for (const onEnded of watching) onEnded();
  }

  private async refresh(since: Date): Promise<void> {
    const startedAt = Date.now();
    for (const session of await this.store.endedSince(since)) this.end(session.id, session.expiresAt.getTime());
    this.refreshedUpTo = startedAt;
    for (const [id, expiresAt] of this.ended) if (expiresAt <= startedAt) this.ended.delete(id);
  }

  private recordActivity(organizationId: string, sessionId: string): void {
    const now = Date.now();
    if (now - (this.lastWritten.get(sessionId) ?? 0) < ACTIVITY_RESOLUTION_MS) return;
    this.lastWritten.set(sessionId, now);
    this.pendingActivity.set(sessionId, { organizationId, seenAt: now });
  }

  /** Writes the pending `last_seen_at`s now, one UPDATE per pharmacy (also done every interval and on dispose). */
  flushActivity(): Promise<void> {
    this.flushing ??= (async () => {
      const byOrganization = new Map<string, { id: string; seenAt: Date }[]>();
      for (const [id, { organizationId, seenAt }] of this.pendingActivity) {
        byOrganization.set(organizationId, [...(byOrganization.get(organizationId) ?? []), { id, seenAt: new Date(seenAt) }]);
      }
      this.pendingActivity.clear();
      for (const [organizationId, seen] of byOrganization) {
        await this.store.touch(organizationId, seen).catch((error: unknown) =>
          logger.warn({ err: error }, 'Could not record when sessions were last seen'),
        );
      }
      const forgetBefore = Date.now() - ACTIVITY_RESOLUTION_MS;
      for (const [id, writtenAt] of this.lastWritten) if (writtenAt < forgetBefore) this.lastWritten.delete(id);
    })().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private every(intervalMs: number, work: () => Promise<void>): void {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      work()
        .catch((error: unknown) => logger.warn({ err: error }, 'Could not refresh staff sessions; trying again at the next interval'))
        .finally(() => (running = false));
    }, intervalMs);
    timer.unref();
    this.timers.push(timer);
  }
}
