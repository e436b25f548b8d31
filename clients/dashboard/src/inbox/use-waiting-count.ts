import { useQuery } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useOnReconnect } from '../connection/connection-context.js';
import { graphql } from '../gql/index.js';

const WaitingCountQuery = graphql(`
  query WaitingCount {
    conversations(first: 1, filter: { awaitingReply: true, snoozed: false }) {
      totalCount
    }
  }
`);

// Inbox events come in bursts (a send changes a row twice): one count for a burst.
const SETTLE_MS = 400;

/**
 * The inbox badge: conversations waiting for the pharmacy's answer (the customer wrote last),
 * the same number for the whole team, so a thread a colleague answered stops counting for
 * everyone; snoozed threads wait for their time, not in the badge. Counted by the server; asked again when an inbox event says a row changed.
 */
export function useWaitingCount(): { count: number; inboxChanged(): void } {
  const { data, refetch } = useQuery(WaitingCountQuery, { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  useOnReconnect(() => void refetch().catch(() => {}));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const count = data?.conversations.totalCount ?? 0;
  return {
    count,
    inboxChanged() {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void refetch().catch(() => {}), SETTLE_MS);
    },
  };
}

/** "(3) Counterchat": the count in the tab title, for a pharmacist working in another tab. */
export function useCountInTitle(count: number, baseTitle: string): void {
  useEffect(() => {
    document.title = count > 0 ? `(${count}) ${baseTitle}` : baseTitle;
    // Signed out, the tab must not keep advertising the last count.
    return () => {
      document.title = baseTitle;
    };
  }, [count, baseTitle]);
}
