import type { SignedInViewer } from '../../auth/viewer.js';

/**
 * What one credential may hold open on the WebSocket endpoint. Without these, one anonymous
 * widget visitor held 5 sockets × 2,000 subscriptions: 600 MiB of gateway memory, a database
 * check and an audit insert per subscription, and every message sent 10,000 times (issue 14).
 */
export interface RealtimeLimits {
  /**
   * Subscriptions one socket holds at once. Default 50. One more is refused on that operation
   * with RATE_LIMITED (`extensions.limit`); the socket and its other subscriptions carry on.
   * Whatever the limit, a socket holds one subscription per stream (the same field, and
   * for conversationEvents and typing the same conversation): a newer one replaces the older.
   */
  subscriptionsPerSocket: number;
  /**
   * Open sockets per identity (a staff member, a customer, an API key), on every instance that
   * shares Redis, or on this one without REDIS_URL. One more is closed with
   * {@link RealtimeCloseCode.TooManySockets}, which graphql-ws clients retry with backoff.
   */
  socketsPerIdentity: Record<SignedInViewer['kind'], number>;
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  subscriptionsPerSocket: 50,
  socketsPerIdentity: {
    // The widget opens one socket per browser tab.
    customer: 10,
    // The dashboard opens one per tab, and a pharmacist may be signed in at several counters.
    staff: 20,
    // A partner's workers share one key, each multiplexing its subscriptions on one socket; a
    // partner following many conversations subscribes to inboxEvents or uses webhooks instead.
    partner: 20,
  },
};

/** For load tests whose many clients share one credential (RATE_LIMITS=off). */
export function withoutIdentityLimits(limits: RealtimeLimits): RealtimeLimits {
  const unlimited = Number.POSITIVE_INFINITY;
  return { ...limits, socketsPerIdentity: { customer: unlimited, staff: unlimited, partner: unlimited } };
}

/** Close codes of our own, beside graphql-ws's (4400, 4401, 4403, 4406, 4408, 4409, 4429, 4499, 4500). */
export enum RealtimeCloseCode {
  /**
   * The identity already has `socketsPerIdentity` sockets open. Not among graphql-ws's fatal
   * codes, so its clients reconnect later, when another tab or worker has closed its socket.
   */
  TooManySockets = 4029,
}
