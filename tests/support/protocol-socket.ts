import WebSocket from 'ws';

/** A graphql-ws message the server sent for one operation. */
export interface OperationMessage {
  type: 'next' | 'error' | 'complete';
  payload?: any;
}

export interface ProtocolSocket {
  /** Resolves once the server acknowledged connection_init; rejects if it closed instead. */
  acknowledged: Promise<void>;
  /** The close code, once the socket has closed. */
  closed: Promise<number>;
  subscribe(id: string, query: string, variables?: Record<string, unknown>): void;
  complete(id: string): void;
  /** What arrived for operation `id` so far (nothing kept with `keep: 'counts'`). */
  messagesOf(id: string): OperationMessage[];
  /** How many messages arrived for operation `id`. */
  countOf(id: string): number;
  /** Every operation id that received an `error`, with its first error's code. */
  errorCodes(): Map<string, string | undefined>;
  /** Waits (bounded) until `condition` holds for what arrived. */
  waitFor(what: string, condition: () => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<number>;
}

export interface ProtocolSocketOptions {
  /**
   * 'counts' keeps only how many messages each operation got and its error code: for floods
   * whose answers would otherwise weigh on a heap measured in the same process.
   */
  keep?: 'messages' | 'counts';
}

/**
 * graphql-ws spoken frame by frame, without a client library: for what a well-behaved client
 * never does (thousands of subscriptions, a complete and a subscribe in the same tick).
 */
export function openProtocolSocket(wsUrl: string, token: string, options: ProtocolSocketOptions = {}): ProtocolSocket {
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws');
  const byId = new Map<string, OperationMessage[]>();
  const counts = new Map<string, number>();
  const codes = new Map<string, string | undefined>();
  let closeCode: number | undefined;
  const closed = new Promise<number>((resolve) =>
    socket.on('close', (code) => {
      closeCode = code;
      resolve(code);
    }),
  );
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data));
      if (message.type === 'connection_ack') return resolve();
      if (message.id === undefined) return;
      counts.set(message.id, (counts.get(message.id) ?? 0) + 1);
      const errors = message.type === 'error' ? message.payload : message.payload?.errors;
      if (errors && !codes.has(message.id)) codes.set(message.id, errors[0]?.extensions?.code);
      if (options.keep === 'counts') return;
      const list = byId.get(message.id) ?? [];
      byId.set(message.id, list);
      list.push({ type: message.type, payload: message.payload });
    });
    void closed.then((code) => reject(new Error(`The socket closed with ${code} before connection_ack`)));
  });
  acknowledged.catch(() => {});
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  socket.on('error', () => {});
  const send = (message: object) => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify(message));
  return {
    acknowledged,
    closed,
    subscribe: (id, query, variables) => send({ id, type: 'subscribe', payload: { query, variables } }),
    complete: (id) => send({ id, type: 'complete' }),
    messagesOf: (id) => byId.get(id) ?? [],
    countOf: (id) => counts.get(id) ?? 0,
    errorCodes: () => new Map(codes),
    async waitFor(what, condition, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async close() {
      if (closeCode === undefined) socket.close(1000);
      return closed;
    },
  };
}
