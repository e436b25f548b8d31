/**
 * The start of a conversation stream (its access check and first replay batch) shared by
 * subscribers who would read exactly the same: staff of one pharmacy reconnecting to one
 * conversation from the same sequence, as every dashboard of a pharmacy does after a deploy
 * or a network blip. Subscribers that ask for the same start within one turn of the event
 * loop get one read, made after all of them are listening (see `start`); 10,000 reconnecting
 * dashboards were 10,000 transactions of seven round trips each.
 */
export class SharedReplayStarts<T> {
  private readonly gathering = new Map<string, Promise<T>>();

  /**
   * `read()`'s result, shared with the other callers of this turn with the same `key`. A
   * caller must be listening for live events before it calls this: the shared read is sent
   * after every caller that joins it, so a message either committed before the read (it is
   * replayed) or is published after each of them listened (it is heard).
   */
  start(key: string, read: () => Promise<T>): Promise<T> {
    const gathering = this.gathering.get(key);
    if (gathering) return gathering;
    const started = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      // From here on, a caller with the same key starts a read of its own.
      this.gathering.delete(key);
      return read();
    });
    this.gathering.set(key, started);
    return started;
  }
}

const perGateway = new WeakMap<object, SharedReplayStarts<unknown>>();

/** The shared starts of one gateway (its dependencies object): tests run several in one process. */
export function sharedReplayStartsOf<T>(gateway: object): SharedReplayStarts<T> {
  let starts = perGateway.get(gateway);
  if (!starts) perGateway.set(gateway, (starts = new SharedReplayStarts()));
  return starts as SharedReplayStarts<T>;
}
