import { useMutation, useQuery } from '@apollo/client/react';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { acceptFiles } from '../composer/attachment-rules.js';
import { Composer } from '../composer/composer.js';
import { WhatsAppWindowNotice } from '../composer/whatsapp-window-notice.js';
import { usePendingSends } from '../composer/pending-sends.js';
import { useOnReconnect } from '../connection/connection-context.js';
import { CustomerPanel } from '../customer/customer-panel.js';
import { graphql } from '../gql/index.js';
import { ConversationHeader } from './conversation-header.js';
import type { ReplyTarget } from './message-bubble.js';
import { MessageTimeline } from './message-timeline.js';
import { TypingIndicator } from './typing-indicator.js';
import { useConversationEvents } from './use-conversation-events.js';
import { useCustomerPresence } from './use-customer-presence.js';
import { useStrings } from '../i18n/dashboard-i18n.js';
import './conversation.css';

const PAGE_SIZE = 30;
const FOCUS_PAGE_SIZE = 100;

const ConversationThreadQuery = graphql(`
  query ConversationThread($id: ID!, $last: Int!, $before: String) {
    conversation(id: $id) {
      id
      unreadCount
      lastSequence
      customer {
        id
        name
      }
      ...ConversationHeaderFields
      ...CustomerPanelFields
      ...WhatsAppWindowFields
      participants {
        id
        role
        lastReadSequence
        actor {
          ...ActorFields
        }
      }
      messages(last: $last, before: $before) {
        pageInfo {
          hasPreviousPage
          startCursor
        }
        edges {
          cursor
          node {
            id
            sequence
            ...TimelineMessageFields
          }
        }
      }
    }
  }
`);

const MarkConversationReadMutation = graphql(`
  mutation MarkConversationRead($input: MarkConversationReadInput!) {
    markConversationRead(input: $input) {
      id
      unreadCount
    }
  }
`);

interface ConversationViewProps {
  conversationId: string;
  viewerStaffId: string;
  /** A message to scroll to and highlight (a search hit); older pages load until it is there. */
  focusSequence: number | null;
}

/** One thread: header with status and assignee, the timeline, the composer, the customer. */
export function ConversationView({ conversationId, viewerStaffId, focusSequence }: ConversationViewProps) {
  const { data, error, fetchMore, refetch } = useQuery(ConversationThreadQuery, {
    variables: { id: conversationId, last: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    nextFetchPolicy: 'cache-first',
  });
  const conversation = data?.conversation;
  const t = useStrings();
  const edges = conversation?.messages.edges ?? [];
  const newestSequence = edges.length ? edges[edges.length - 1]!.node.sequence : 0;

  // Subscribe once the first page is here, from its newest message; after a reconnect,
  // resubscribe from the newest message we have, so the replay is only what was missed.
  // Reopening a thread renders the cached messages first, so the replay also fills in
  // whatever arrived while it was closed (the refetched newest page alone could leave a
  // gap between the cached messages and it).
  const [afterSequence, setAfterSequence] = useState<number | null>(null);
  if (conversation && afterSequence === null) setAfterSequence(newestSequence);
  useOnReconnect(() => setAfterSequence((current) => (current === null ? null : newestSequence)));
  useConversationEvents(conversationId, afterSequence);

  // A search hit further back than the first page: page back until it is loaded.
  const oldestLoaded = edges[0]?.node.sequence ?? 0;
  const hasOlder = conversation?.messages.pageInfo.hasPreviousPage ?? false;
  const startCursor = conversation?.messages.pageInfo.startCursor ?? null;
  useEffect(() => {
    if (!focusSequence || !hasOlder || !startCursor || oldestLoaded <= focusSequence) return;
    void fetchMore({ variables: { before: startCursor, last: FOCUS_PAGE_SIZE } }).catch(() => {});
  }, [focusSequence, hasOlder, startCursor, oldestLoaded, fetchMore]);

  useMarkRead(conversationId, conversation?.unreadCount ?? 0, newestSequence);
  useCustomerPresence(conversationId, conversation?.customer.id);

  const { pending } = usePendingSends();
  const [replyTo, setReplyTo] = useState<ReplyTarget | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const [customerPanelOpen, setCustomerPanelOpen] = useState(() => window.matchMedia('(min-width: 1200px)').matches);

  const addFiles = useCallback(
    (incoming: File[]) => {
      const result = acceptFiles(files, incoming, t);
      setFiles(result.files);
      setFileErrors(result.errors);
    },
    [files, t],
  );

  // Signed file links last 5 minutes; refetch the thread (at most every 30 s) for fresh ones.
  const lastRefresh = useRef(0);
  const onLinkExpired = useCallback(() => {
    if (Date.now() - lastRefresh.current < 30_000) return;
    lastRefresh.current = Date.now();
    void refetch();
  }, [refetch]);

  if (error && !conversation) {
    const notFound = CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'NOT_FOUND');
    return (
      <section className="conversation conversation--message" aria-label={t('conversation')}>
        <p className="notice notice--error" role="alert">
          {notFound ? t('conversationNotFound') : t('conversationNotLoaded')}
        </p>
      </section>
    );
  }
  if (!conversation) {
    return (
      <section className="conversation conversation--message" aria-label={t('conversation')} aria-busy="true">
        <p>{t('loadingConversation')}</p>
      </section>
    );
  }

  const customerRead = conversation.participants.find((p) => p.actor?.__typename === 'Customer')?.lastReadSequence ?? 0;
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    addFiles([...event.dataTransfer.files]);
  };

  return (
    <div className={`conversation-layout${customerPanelOpen ? ' conversation-layout--with-panel' : ''}`}>
      <section
        className={`conversation${dragging ? ' conversation--dragging' : ''}`}
        aria-label={t('conversation')}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <ConversationHeader
          conversation={conversation}
          viewerStaffId={viewerStaffId}
          customerPanelOpen={customerPanelOpen}
          onToggleCustomerPanel={() => setCustomerPanelOpen((open) => !open)}
        />
        <MessageTimeline
          messages={edges.map((edge) => edge.node)}
          pending={pending.filter((p) => p.conversationId === conversationId)}
          hasOlder={conversation.messages.pageInfo.hasPreviousPage}
          loadOlder={() => fetchMore({ variables: { before: conversation.messages.pageInfo.startCursor } })}
          customerReadSequence={customerRead}
          focusSequence={focusSequence}
          viewerStaffId={viewerStaffId}
          onReply={setReplyTo}
          onLinkExpired={onLinkExpired}
        />
        <TypingIndicator conversationId={conversationId} />
        <WhatsAppWindowNotice conversation={conversation} />
        <Composer
          conversationId={conversationId}
          customerName={conversation?.customer.name ?? null}
          replyTo={replyTo}
          onCancelReply={() => setReplyTo(null)}
          files={files}
          fileErrors={fileErrors}
          addFiles={addFiles}
          removeFile={(index) => setFiles((current) => current.filter((_, i) => i !== index))}
          clearFiles={() => {
            setFiles([]);
            setFileErrors([]);
          }}
        />
        {dragging && (
          <div className="drop-overlay" aria-hidden="true">
            {t('dropFiles')}
          </div>
        )}
      </section>
      {customerPanelOpen && <CustomerPanel conversation={conversation} onClose={() => setCustomerPanelOpen(false)} />}
    </div>
  );
}

/** Reads what is on screen while the tab is visible, so the unread badge and title clear. */
function useMarkRead(conversationId: string, unreadCount: number, newestSequence: number) {
  const [markRead] = useMutation(MarkConversationReadMutation);
  const [visible, setVisible] = useState(() => document.visibilityState === 'visible');
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);
  useEffect(() => {
    if (!visible || unreadCount === 0 || newestSequence === 0) return;
    void markRead({ variables: { input: { conversationId, sequence: newestSequence } } }).catch(() => {});
  }, [visible, unreadCount, newestSequence, conversationId, markRead]);
}
