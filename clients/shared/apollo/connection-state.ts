import type { Client as SocketClient } from 'graphql-ws';

/**
 * - `connecting`: first connection attempt;
 * - `online`: the socket is up (after a drop, subscriptions have just resubscribed and catch up);
 * - `offline`: it dropped and graphql-ws is retrying;
 * - `unauthenticated`: the gateway closed it for the credential (expired or revoked).
 */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unauthenticated';

const CREDENTIAL_CLOSE_CODES = new Set([4401, 4403]);

/** Maps graphql-ws's lifecycle events to the four states a UI shows. Returns an unsubscribe. */
export function watchConnection(socket: SocketClient, onChange: (state: ConnectionState) => void): () => void {
  let state: ConnectionState | undefined;
  const set = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    onChange(next);
  };
  const unsubscribers = [
    socket.on('connecting', () => set(state === undefined || state === 'connecting' ? 'connecting' : 'offline')),
    socket.on('connected', () => set('online')),
    socket.on('closed', (event) => {
      const code = (event as CloseEvent | undefined)?.code;
      // 1000 is our own lazy close when no subscription is left: not an outage.
      if (code !== undefined && CREDENTIAL_CLOSE_CODES.has(code)) set('unauthenticated');
      else if (code !== 1000) set('offline');
    }),
  ];
  return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
}
