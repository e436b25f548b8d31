import { useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useOnReconnect } from '../connection/connection-context.js';
import { graphql } from '../gql/index.js';

// Every status spelled out: the same conversations as the "Unread" tab, but its own cache
// entry, so the tab's 25-row pages and these 100 rows never overwrite each other.
const UnreadTotalQuery = graphql(`
  query UnreadTotal {
    conversations(first: 100, filter: { unreadOnly: true, status: [OPEN, PENDING, RESOLVED, CLOSED] }) {
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
    // Signed out, the tab must not keep advertising the last count.
    return () => {
      document.title = baseTitle;
    };
  }, [total, baseTitle]);
  return total;
}
