import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useOnReconnect } from '../connection/connection-context.js';
import { graphql } from '../gql/index.js';

// The same list as the inbox's "Unread" tab (same filter, same cache entry), so the two always agree.
const UnreadTotalQuery = graphql(`
  query UnreadTotal {
    conversations(first: 100, filter: { unreadOnly: true }) {
      edges {
        node {
          id
          unreadCount
        }
      }
    }
  }
`);

/** "(3) Counterchat": the unread messages across the inbox, for a pharmacist in another tab. */
export function useUnreadTitle(baseTitle: string): number {
  const { data, refetch } = useQuery(UnreadTotalQuery, { fetchPolicy: 'cache-and-network', nextFetchPolicy: 'cache-first' });
  useOnReconnect(() => void refetch());

  const seen = new Set<string>();
  let total = 0;
  for (const { node } of data?.conversations.edges ?? []) {
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    total += node.unreadCount;
  }
  useEffect(() => {
    document.title = total > 0 ? `(${total}) ${baseTitle}` : baseTitle;
  }, [total, baseTitle]);
  return total;
}
