import { useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useOnReconnect } from '../connection/connection-context.js';
import { graphql } from '../gql/index.js';
import { ConversationRow } from './conversation-row.js';
import { compareRows, conversationFilter, INBOX_FILTERS, INBOX_SORTS, matchesFilter, type InboxFilterName, type InboxSortName } from './inbox-filters.js';
import { startOfToday } from '../format/pharmacy-time.js';
import { usePharmacyTime } from '../format/pharmacy-time-context.js';
import { InboxSearch, type InboxSearchValue } from './inbox-search.js';
import { MessageSearchResults } from './message-search-results.js';
import { useNow } from './use-now.js';
import { openConversation } from '../routing/use-route.js';
import { useShortcut } from '../shortcuts/keyboard-shortcuts.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import './inbox.css';
import { NewCustomerForm } from '../customer/new-customer-form.js';
import { LabelFilter } from '../label/label-filter.js';
import { ChannelFilter } from './channel-filter.js';
import type { ConversationChannel } from '../gql/graphql.js';


const InboxQuery = graphql(`
  query Inbox($filter: ConversationFilter, $orderBy: ConversationOrder, $after: String) {
    conversations(first: 25, after: $after, filter: $filter, orderBy: $orderBy) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          priority
          unreadCount
          lastActivityAt
          updatedAt
          snoozedUntil
          waitingSince
          assignee {
            id
          }
          labels {
            id
          }
          customer {
            id
          }
          ...ConversationRowFields
        }
      }
    }
  }
`);

interface InboxPaneProps {
  viewerStaffId: string;
  selectedConversationId: string | null;
}

export function InboxPane({ viewerStaffId, selectedConversationId }: InboxPaneProps) {
  const [filterName, setFilterName] = useState<InboxFilterName>('open');
  const [search, setSearch] = useState<InboxSearchValue>({ text: '' });
  const [addingCustomer, setAddingCustomer] = useState(false);
  const [labelId, setLabelId] = useState<string | null>(null);
  const [channel, setChannel] = useState<ConversationChannel | null>(null);
  const [sortName, setSortName] = useState<InboxSortName>('newest');
  const now = useNow(60_000);
  const pharmacyTime = usePharmacyTime();
  // Moves on at the pharmacy's midnight (the minute tick notices); the same string all day keeps the query's variables still.
  const todayStart = startOfToday(pharmacyTime, new Date(now)).toISOString();
  const filter = useMemo(() => conversationFilter(filterName, search.text, { labelId, channel, todayStart: new Date(todayStart) }), [filterName, search.text, labelId, channel, todayStart]);
  const orderBy = INBOX_SORTS.find((sort) => sort.name === sortName)!.orderBy;
  const { data, loading, error, fetchMore, refetch } = useQuery(InboxQuery, {
    variables: { filter, orderBy },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
    notifyOnNetworkStatusChange: true,
  });
  const t = useStrings();

  // After a socket drop the inbox may have missed events: ask again once it is back.
  useOnReconnect(() => void refetch());

  const connection = data?.conversations;
  // Live events insert rows and change activity times: sort and dedupe here so the order is
  // always the chosen one (the server's keys), and drop rows that stopped matching the tab (e.g.
  // resolved while on "Open"). On "Unread", the open conversation stays although reading
  // it clears its count: it must not vanish under the pharmacist's cursor.
  const rows = useMemo(() => {
    const seen = new Set<string>();
    const stillReading = { ...filter, unreadOnly: undefined };
    return (connection?.edges ?? [])
      .map((edge) => edge.node)
      .filter((node) => !seen.has(node.id) && seen.add(node.id))
      .filter((node) => matchesFilter(node, node.id === selectedConversationId ? stillReading : filter, viewerStaffId))
      // Waiting longest lists only rows that wait: an answered one leaves it.
      .filter((node) => orderBy !== 'WAITING_LONGEST' || node.waitingSince || node.id === selectedConversationId)
      .sort(compareRows(orderBy));
  }, [connection, filter, orderBy, viewerStaffId, selectedConversationId]);

  // j / k walk the list as shown; u jumps to the next conversation with unread messages.
  const currentIndex = rows.findIndex((node) => node.id === selectedConversationId);
  const openAt = (index: number) => {
    const target = rows[index];
    if (target) openConversation(target.id);
  };
  useShortcut('j', () => openAt(currentIndex < 0 ? 0 : Math.min(currentIndex + 1, rows.length - 1)));
  useShortcut('k', () => openAt(currentIndex < 0 ? 0 : Math.max(currentIndex - 1, 0)));
  useShortcut('u', () => {
    const after = [...rows.slice(currentIndex + 1), ...rows.slice(0, Math.max(currentIndex, 0))];
    const unread = after.find((node) => node.unreadCount > 0);
    if (unread) openConversation(unread.id);
  });

  const hasNextPage = connection?.pageInfo.hasNextPage ?? false;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const sentinel = useRef<HTMLDivElement>(null);
  const loadingMore = useRef(false);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !hasNextPage || !endCursor) return;
    const observer = new IntersectionObserver(async ([entry]) => {
      if (!entry?.isIntersecting || loadingMore.current) return;
      loadingMore.current = true;
      try {
        await fetchMore({ variables: { after: endCursor } });
      } finally {
        loadingMore.current = false;
      }
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasNextPage, endCursor, fetchMore]);

  function onFilterKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    const index = INBOX_FILTERS.findIndex((f) => f.name === filterName);
    const next = INBOX_FILTERS[(index + step + INBOX_FILTERS.length) % INBOX_FILTERS.length]!;
    setFilterName(next.name);
    event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]')[INBOX_FILTERS.indexOf(next)]?.focus();
  }

  return (
    <section className="inbox" aria-label={t('inbox')}>
      {addingCustomer && (
        <div className="new-customer">
          <NewCustomerForm onDone={() => setAddingCustomer(false)} />
        </div>
      )}
      <div className="inbox__controls">
        <InboxSearch value={search} onChange={setSearch} />
        {!addingCustomer && (
          <button type="button" className="button button--ghost" onClick={() => setAddingCustomer(true)}>
            + {t('newCustomer')}
          </button>
        )}
        <label className="inbox__sort">
          {t('sortLabel')}{' '}
          <select value={sortName} onChange={(event) => setSortName(event.target.value as InboxSortName)}>
            {INBOX_SORTS.map((sort) => (
              <option key={sort.name} value={sort.name}>
                {t(sort.label)}
              </option>
            ))}
          </select>
        </label>
        <div className="inbox__filters" role="tablist" aria-label={t('filterConversations')} onKeyDown={onFilterKeyDown}>
          {INBOX_FILTERS.map(({ name, label }) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={filterName === name}
              // Roving focus (WAI-ARIA tabs): Tab reaches the selected filter, arrows move between them.
              tabIndex={filterName === name ? 0 : -1}
              className={`filter-tab${filterName === name ? ' filter-tab--active' : ''}`}
              onClick={() => setFilterName(name)}
            >
              {t(label)}
            </button>
          ))}
        </div>
        <LabelFilter labelId={labelId} onChange={setLabelId} />
        <ChannelFilter channel={channel} onChange={setChannel} />
      </div>
      <div className="inbox__list" role="tabpanel" aria-label={t('tabConversations', { tab: t(INBOX_FILTERS.find((f) => f.name === filterName)!.label) })}>
        {error && !connection && (
          <p className="notice notice--error" role="alert">
            {t('inboxNotLoaded')}{' '}
            <button type="button" className="link-button" onClick={() => void refetch()}>
              {t('tryAgain')}
            </button>
          </p>
        )}
        {connection && rows.length === 0 && <p className="inbox__empty">{search.text ? t('noCustomerMatches') : t('nothingHere')}</p>}
        {!connection && loading && <p className="inbox__empty">{t('loadingConversations')}</p>}
        <ul className="conversation-list" aria-label={t('conversations')}>
          {rows.map((node) => (
            <ConversationRow key={node.id} conversation={node} selected={node.id === selectedConversationId} now={now} viewerStaffId={viewerStaffId} />
          ))}
        </ul>
        {search.text && <MessageSearchResults query={search.text} now={now} />}
        {hasNextPage && (
          <div ref={sentinel} className="inbox__more" aria-hidden="true">
            {t('loadingMore')}
          </div>
        )}
      </div>
    </section>
  );
}

