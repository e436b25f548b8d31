/**
 * Messages on their way, in the order they were written. A send that fails for the network
 * stays queued and goes again, in order, when the browser is back online (or when `flush()`
 * is called, e.g. after the socket reconnects); a send the server refuses is `failed` and
 * waits for `retry`. Every item keeps its `clientMessageId`, so a send that did arrive before
 * the network dropped the answer is not stored twice (the server returns the original).
 *
 * Used by the widget's conversation; nothing here knows of React, Apollo or the widget.
 */
export type OutboxStatus = 'queued' | 'sending' | 'failed';

export interface OutboxItem<T> {
  readonly clientMessageId: string;
  readonly payload: T;
  readonly status: OutboxStatus;
}

export interface OutboxOptions<T> {
  /** Sends one item; resolves once the server has it. */
  send(item: OutboxItem<T>): Promise<void>;
  /** True when `error` is the network's (try again later), false when the server refused. */
  isNetworkError(error: unknown): boolean;
  /** Every change of the items, for the UI. */
  onChange(items: readonly OutboxItem<T>[]): void;
  /** Default: `navigator.onLine` and the window's `online` event. */
  network?: NetworkWatch;
}

export interface NetworkWatch {
  isOnline(): boolean;
  /** Calls back when the browser comes back online; returns the unsubscribe. */
  onOnline(callback: () => void): () => void;
}

export interface Outbox<T> {
  /** Queues a message and starts sending if online. */
  add(clientMessageId: string, payload: T): void;
  /** Queues a failed message again (the same `clientMessageId`). */
  retry(clientMessageId: string): void;
  /** Drops a message, e.g. once it arrived by the subscription. */
  remove(clientMessageId: string): void;
  /** Sends what is queued, in order (no-op while offline or already sending). */
  flush(): void;
  items(): readonly OutboxItem<T>[];
  dispose(): void;
}

// Typed by hand so this also compiles (and is tested) without the DOM library.
const browser = globalThis as {
  navigator?: { onLine?: boolean };
  addEventListener?(type: 'online', listener: () => void): void;
  removeEventListener?(type: 'online', listener: () => void): void;
};

export const browserNetwork: NetworkWatch = {
  isOnline: () => browser.navigator?.onLine !== false,
  onOnline(callback) {
    browser.addEventListener?.('online', callback);
    return () => browser.removeEventListener?.('online', callback);
  },
};

export function createOutbox<T>(options: OutboxOptions<T>): Outbox<T> {
  const network = options.network ?? browserNetwork;
  let items: OutboxItem<T>[] = [];
  let flushing = false;
  let disposed = false;

  const update = (next: OutboxItem<T>[]) => {
    items = next;
    if (!disposed) options.onChange(items);
  };
  const setStatus = (clientMessageId: string, status: OutboxStatus) =>
    update(items.map((item) => (item.clientMessageId === clientMessageId ? { ...item, status } : item)));

  const flush = async () => {
    if (flushing || disposed) return;
    flushing = true;
    try {
      // One at a time, oldest first: the thread shows them in the order they were written.
      for (;;) {
        const next = items.find((item) => item.status === 'queued');
        if (!next || !network.isOnline() || disposed) return;
        setStatus(next.clientMessageId, 'sending');
        try {
          await options.send(next);
          update(items.filter((item) => item.clientMessageId !== next.clientMessageId));
        } catch (error) {
          const stillThere = items.some((item) => item.clientMessageId === next.clientMessageId);
          if (!stillThere) continue;
          if (options.isNetworkError(error)) {
            // Keep it and everything after it for the next `online` or `flush()`.
            setStatus(next.clientMessageId, 'queued');
            return;
          }
          setStatus(next.clientMessageId, 'failed');
        }
      }
    } finally {
      flushing = false;
    }
  };

  const stopWatching = network.onOnline(() => void flush());

  return {
    add(clientMessageId, payload) {
      update([...items, { clientMessageId, payload, status: 'queued' }]);
      void flush();
    },
    retry(clientMessageId) {
      setStatus(clientMessageId, 'queued');
      void flush();
    },
    remove(clientMessageId) {
      update(items.filter((item) => item.clientMessageId !== clientMessageId));
    },
    flush: () => void flush(),
    items: () => items,
    dispose() {
      disposed = true;
      stopWatching();
    },
  };
}
