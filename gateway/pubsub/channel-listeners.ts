import { logger } from '../logging/logger.js';

/**
 * Listeners by channel, in the order they came. Adding and removing one costs the same
 * however many a channel has: Node's `EventTarget.addEventListener` walks every listener of
 * the type to refuse duplicates, which made 10,000 sockets subscribing to one conversation
 * quadratic (8 % of the gateway's time in a reconnect storm).
 */
export class ChannelListeners<Args extends unknown[]> {
  private readonly byChannel = new Map<string, Set<(...args: Args) => void>>();

  /** Returns whether this is the channel's first listener (time to start relaying it). */
  add(channel: string, listener: (...args: Args) => void): boolean {
    let listeners = this.byChannel.get(channel);
    const first = listeners === undefined;
    if (!listeners) this.byChannel.set(channel, (listeners = new Set()));
    listeners.add(listener);
    return first;
  }

  /** Returns whether that was the channel's last listener (time to stop relaying it). */
  remove(channel: string, listener: (...args: Args) => void): boolean {
    const listeners = this.byChannel.get(channel);
    if (!listeners?.delete(listener)) return false;
    if (listeners.size > 0) return false;
    this.byChannel.delete(channel);
    return true;
  }

  /**
   * Calls each listener the channel has now; one that throws is logged and the others still
   * hear the event. As with EventTarget, a listener added while delivering waits for the next
   * event, and one removed while delivering hears no more.
   */
  deliver(channel: string, ...args: Args): void {
    const listeners = this.byChannel.get(channel);
    if (!listeners) return;
    for (const listener of [...listeners]) {
      if (!listeners.has(listener)) continue;
      try {
        listener(...args);
      } catch (error) {
        logger.error({ err: error, channel }, 'An event listener failed; the others still got the event');
      }
    }
  }
}
