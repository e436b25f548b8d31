import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useEffect, useRef, useState } from 'react';
import { createOutbox, type OutboxItem } from '../../../shared/messages/outbox.js';

export interface Draft {
  body: string;
  files: File[];
}

/** The shared outbox (clients/shared/messages/outbox.ts) as React state. */
export function useOutbox(send: (item: OutboxItem<Draft>) => Promise<void>) {
  const sendRef = useRef(send);
  sendRef.current = send;
  const [items, setItems] = useState<readonly OutboxItem<Draft>[]>([]);
  const [outbox] = useState(() =>
    createOutbox<Draft>({
      send: (item) => sendRef.current(item),
      // A GraphQL error is the server's answer (a refused file, a closed session): retrying won't help.
      isNetworkError: (error) => !CombinedGraphQLErrors.is(error),
      onChange: setItems,
    }),
  );
  useEffect(() => () => outbox.dispose(), [outbox]);
  return { outbox, items };
}
