import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface ReceivedEvents<T = any> {
  /** The next event, or a rejection after `timeoutMs`. */
  next(timeoutMs?: number): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>;
  /** Fails if any event arrives within `ms`. */
  expectNothing(ms?: number): Promise<void>;
  /** Events received and not yet taken with next(). */
  readonly pending: number;
  stop(): void;
}

export interface TestSubscriber {
  client: Client;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): ReceivedEvents<T>;
  /** Resolves once the server accepted the socket (its `connection_ack`). */
  connected: Promise<void>;
  /** Resolves with the close code when the server closes the socket. */
  closed: Promise<number>;
  dispose(): Promise<void>;
}

/** A graphql-ws client over real sockets; it does not retry, so closes are observable. */
export function connectSubscriber(wsUrl: string, token: string | undefined, options: { origin?: string } = {}): TestSubscriber {
  let onClosed: (code: number) => void = () => {};
  const closed = new Promise<number>((resolve) => (onClosed = resolve));
  let onConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => (onConnected = resolve));
  const client = createClient({
    url: wsUrl,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, options.origin ? { origin: options.origin } : {});
      }
    },
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    on: { connected: () => onConnected(), closed: (event) => onClosed((event as { code: number }).code) },
  });
  return {
    client,
    connected,
    closed,
    subscribe(query, variables) {
      const queue: any[] = [];
      const waiters: ((value: any) => void)[] = [];
      const push = (value: any) => (waiters.length ? waiters.shift()!(value) : queue.push(value));
      const stop = client.subscribe(
        { query, variables },
        { next: push, error: (error) => push({ errors: Array.isArray(error) ? error : [{ message: describeError(error) }] }), complete: () => {} },
      );
      return {
        next(timeoutMs = 5000) {
          if (queue.length) return Promise.resolve(queue.shift());
          return new Promise((resolve, reject) => {
            const waiter = (value: any) => {
              clearTimeout(timer);
              resolve(value);
            };
            // A waiter that gave up must not stay in line: it would swallow the next event.
            const timer = setTimeout(() => {
              waiters.splice(waiters.indexOf(waiter), 1);
              reject(new Error(`No event within ${timeoutMs} ms`));
            }, timeoutMs);
            waiters.push(waiter);
          });
        },
        async expectNothing(ms = 300) {
          await new Promise((resolve) => setTimeout(resolve, ms));
          if (queue.length) throw new Error(`Expected no events, got ${JSON.stringify(queue[0])}`);
        },
        get pending() {
          return queue.length;
        },
        stop,
      };
    },
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** graphql-ws reports a closed socket as its CloseEvent: say which. */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  const close = error as { code?: unknown; reason?: unknown } | undefined;
  if (typeof close?.code === 'number') return `The socket closed with ${close.code} ${String(close.reason ?? '')}`.trim();
  return String(error);
}
