import { createContext, useContext, useEffect, useRef } from 'react';
import type { ConnectionState } from '../../../shared/apollo/connection-state.js';

/**
 * The socket's state, and a counter that goes up on every reconnect after a drop:
 * subscriptions resubscribe by themselves, but queries that only the socket kept fresh
 * (the inbox, the unread total) refetch when it changes.
 */
export interface Connection {
  state: ConnectionState;
  reconnects: number;
}

export const ConnectionContext = createContext<Connection>({ state: 'connecting', reconnects: 0 });

export const useConnection = () => useContext(ConnectionContext);

/** Runs `onReconnect` each time the socket comes back while the caller is mounted. */
export function useOnReconnect(onReconnect: () => void): void {
  const { reconnects } = useConnection();
  const seen = useRef(reconnects);
  const callback = useRef(onReconnect);
  callback.current = onReconnect;
  useEffect(() => {
    if (reconnects === seen.current) return;
    seen.current = reconnects;
    callback.current();
  }, [reconnects]);
}
