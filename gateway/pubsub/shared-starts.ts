/**
 * Reads shared by the subscribers that start alike within one turn of the event loop: the
 * start of a conversation stream (its access check and first replay batch) for staff of one
 * pharmacy reconnecting to one conversation from the same sequence, as every dashboard of a
 * pharmacy does after a deploy or a network blip (resolvers/realtime/conversation-event-stream.ts).
 * Callers asking with the same key within one turn get one read, made after all of them are
 * listening (see `start`); 10,000 reconnecting dashboards were 10,000 transactions of seven
 * round trips each. One per gateway instance (realtime.ts).
 */
export class SharedStarts {
  private readonly gathering = new Map<string, Promise<unknown>>();

  /**
   * `read()`'s result, shared with the other callers of this turn with the same `key` (which
   * names what is read, and for whom: the same key must mean the same read). A caller must
   * be listening for live events before it calls this: the shared read is sent after every
   * caller that joins it, so a message either committed before the read (it is replayed) or
   * is published after each of them listened (it is heard).
   */
  start<T>(key: string, read: () => Promise<T>): Promise<T> {
    const gathering = this.gathering.get(key);
    if (gathering) return gathering as Promise<T>;
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // From here on, a caller with the same key starts a read of its own.
      this.gathering.delete(key);
      return read();
    });
    this.gathering.set(key, started);
    return started;
  }
}
