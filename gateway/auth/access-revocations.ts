import { ChannelListeners } from '../pubsub/channel-listeners.js';
import type { EventBus } from '../pubsub/event-bus.js';
import type { AccessRevokedPayload } from '../pubsub/event-payloads.js';
import type { CustomerViewer, PartnerViewer } from './viewer.js';

/**
 * How long this instance remembers a revocation it heard. A socket whose credential check
 * started longer ago than this can't be vouched for, and is told to try again.
 */
export const REVOCATION_MEMORY_MS = 5 * 60_000;

/** What a customer's or partner's socket watches: its chat token or its API key. */
export type RevocableViewer = CustomerViewer | PartnerViewer;

/**
 * Chat tokens and API keys revoked while sockets use them (a customer blocked or erased, a key
 * revoked), as this instance heard them over the bus (`accessRevoked`, one channel, subscribed
 * from the start). A socket's credential is checked before it starts watching, and a revocation
 * that commits in between would otherwise pass unheard and leave the socket open until its
 * credential expires. So revocations are kept for a while, and `watch` also answers for those
 * heard since the check began. The database stays the truth for every HTTP request.
 */
export class AccessRevocations {
  /** Revoked credential → when this instance heard it (ms). */
  private readonly heardAt = new Map<string, number>();
  private readonly watchers = new ChannelListeners<[]>();
  private readonly stopListening: () => void;

  constructor(
    bus: EventBus,
    private readonly now: () => number = Date.now,
  ) {
    this.stopListening = bus.on('accessRevoked', 'all', (payload) => this.heard(payload));
  }

  /** The time to pass to `watch`: take it before the credential is checked. */
  checkStarts(): number {
    return this.now();
  }

  /**
   * Calls `onRevoked` when the viewer's credential is revoked, or at once if it was since
   * `checkedSince` (or if that is too long ago to tell); returns the function that stops watching.
   */
  watch(viewer: RevocableViewer, checkedSince: number, onRevoked: () => void): () => void {
    const key = keyOf(viewer);
    const heard = this.heardAt.get(key);
    if ((heard !== undefined && heard >= checkedSince) || this.now() - checkedSince > REVOCATION_MEMORY_MS) {
      onRevoked();
      return () => {};
    }
    this.watchers.add(key, onRevoked);
    return () => void this.watchers.remove(key, onRevoked);
  }

  dispose(): void {
    this.stopListening();
  }

  private heard(payload: AccessRevokedPayload): void {
    const now = this.now();
    for (const [key, at] of this.heardAt) if (now - at > REVOCATION_MEMORY_MS) this.heardAt.delete(key);
    const key = keyOf(payload);
    this.heardAt.set(key, now);
    this.watchers.deliver(key);
  }
}

/** A revoked credential, from a viewer or a revocation alike: its API key, or its customer's chat tokens. */
const keyOf = (holder: { apiKeyId: string } | { customerId: string }): string => ('apiKeyId' in holder ? `apiKey:${holder.apiKeyId}` : `customer:${holder.customerId}`);
