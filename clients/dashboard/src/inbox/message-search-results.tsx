import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql/index.js';
import { MessageSearchHit } from './message-search-hit.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import { MessageSearchRange, OPEN_RANGE, rangeVariables } from './message-search-range.js';

const MessageSearchQuery = graphql(`
  query MessageSearch($query: String!, $after: String, $from: DateTimeISO, $to: DateTimeISO) {
    searchMessages(query: $query, first: 20, after: $after, from: $from, to: $to) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          message {
            id
          }
          ...MessageSearchHitFields
        }
      }
    }
  }
`);

/** Words shorter than this find too much to be useful while typing. */
export const MIN_MESSAGE_QUERY = 2;

/**
 * The "Messages" group under the conversation results: messages whose text matches the search
 * (partial words too), optionally only those written between two days.
 */
export function MessageSearchResults(props: { query: string; now: number }) {
  const query = props.query.trim();
  const t = useStrings();
  const [range, setRange] = useState(OPEN_RANGE);
  const dates = rangeVariables(range);
  const { data, previousData, loading, error, fetchMore, refetch } = useQuery(MessageSearchQuery, {
    variables: { query, from: dates?.from ?? null, to: dates?.to ?? null },
    skip: query.length < MIN_MESSAGE_QUERY || dates === null,
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });
  if (query.length < MIN_MESSAGE_QUERY) return null;
  // Keep the previous hits on screen while the next query is on its way, so the list does not flicker.
  const connection = dates === null ? undefined : (data ?? previousData)?.searchMessages;
  const hits = connection?.edges ?? [];

  return (
    <section className="message-results" aria-labelledby="message-results-title">
      <h2 id="message-results-title" className="message-results__title">
        {t('messages')}
      </h2>
      <MessageSearchRange value={range} onChange={setRange} />
      {error && (
        <p className="notice notice--error" role="alert">
          {t('searchUnavailable')}{' '}
          <button type="button" className="link-button" onClick={() => void refetch().catch(() => {})}>
            {t('tryAgain')}
          </button>
        </p>
      )}
      {!error && !connection && loading && <p className="inbox__empty">{t('searchingMessages')}</p>}
      {!error && connection && hits.length === 0 && <p className="inbox__empty">{t('noMessageContains')}</p>}
      {hits.length > 0 && (
        <ul className="conversation-list" aria-label={t('messagesFound')}>
          {hits.map((edge) => (
            <MessageSearchHit key={edge.node.message.id} hit={edge.node} now={props.now} />
          ))}
        </ul>
      )}
      {connection?.pageInfo.hasNextPage && (
        <p className="inbox__more">
          <button
            type="button"
            className="link-button"
            disabled={loading}
            onClick={() =>
              void fetchMore({ variables: { after: connection.pageInfo.endCursor } }).catch(() => {})
            }
          >
            {t('moreMessages')}
          </button>
        </p>
      )}
    </section>
  );
}
