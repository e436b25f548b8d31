import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { WidgetEvent } from '../../protocol/widget-protocol.js';
import { ConversationView } from '../conversation/conversation-view.js';
import { graphql } from '../gql/index.js';
import type { WidgetThreadPolicy } from '../gql/graphql.js';
import { mergeOnRefetch } from '../../../shared/apollo/last-message-policy.js';
import { visitThreadStore } from '../session/token-store.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { ThreadList } from './thread-list.js';

const ThreadsQuery = graphql(`
  query WidgetThreads {
    conversations(first: 20) {
      edges {
        node {
          id
          status
          isDefault
          unreadCount
          lastSequence
          ...ThreadList_conversation
        }
      }
    }
  }
`);

const InboxEvents = graphql(`
  subscription WidgetInboxEvents {
    inboxEvents {
      id
      status
      isDefault
      unreadCount
      lastSequence
      subject
      createdAt
      lastMessage {
        id
        sequence
        sender {
          __typename
        }
      }
      ...ThreadList_conversation
    }
  }
`);

const StartConversation = graphql(`
  mutation StartWidgetConversation($input: StartConversationInput!) {
    startConversation(input: $input) {
      id
    }
  }
`);

/**
 * A signed-in customer: their thread (which one follows the pharmacy's thread policy),
 * the list when they have several, the unread count for the launcher.
 */
export function ChatHome({ threadPolicy, pharmacy }: { threadPolicy: WidgetThreadPolicy; pharmacy: { name: string; replyTimeText: string | null } }) {
  const { organizationSlug, bridge, format, reconnects, visitThreadId } = useWidget();
  const t = useStrings();
  const { data, refetch } = useQuery(ThreadsQuery, { fetchPolicy: 'cache-and-network', ...mergeOnRefetch });
  const [startConversation] = useMutation(StartConversation);
  const visitThread = useMemo(
    () => visitThreadStore(organizationSlug, visitThreadId, (conversationId) => bridge.send(WidgetEvent.VisitThread, { conversationId })),
    [organizationSlug, visitThreadId, bridge],
  );
  const threads = useMemo(() => data?.conversations.edges.map((edge) => edge.node) ?? [], [data]);
  // undefined: not chosen yet; null: a new thread, created with the first message.
  const [activeId, setActiveId] = useState<string | null | undefined>(undefined);
  const [showList, setShowList] = useState(false);
  // A new thread the customer asked for, with the subject they gave (maybe empty).
  const [newThread, setNewThread] = useState<{ subject: string } | null>(null);
  const [toast, setToast] = useState<{ conversationId: string; title: string } | null>(null);
  const activeRef = useRef(activeId);
  activeRef.current = activeId;
  const showListRef = useRef(showList);
  showListRef.current = showList;
  // Changes when the customer switches threads, not when a new one is created by its first send.
  const [viewKey, setViewKey] = useState(0);
  const lastSequences = useRef(new Map<string, number>());

  useEffect(() => {
    if (activeId !== undefined || !data) return;
    setActiveId(chooseThread(threads, threadPolicy, visitThread.get()));
  }, [activeId, data, threads, threadPolicy, visitThread]);

  useEffect(() => {
    if (reconnects > 0) void refetch();
  }, [reconnects, refetch]);

  useSubscription(InboxEvents, {
    onData: ({ data: event }) => {
      const conversation = event.data?.inboxEvents;
      if (!conversation) return;
      if (!threads.some((thread) => thread.id === conversation.id)) void refetch();
      const message = conversation.lastMessage;
      const seen = lastSequences.current.get(conversation.id) ?? 0;
      if (message && message.sequence > seen) {
        lastSequences.current.set(conversation.id, message.sequence);
        if (message.sender && message.sender.__typename !== 'Customer') {
          bridge.send(WidgetEvent.Message, { conversationId: conversation.id, sequence: message.sequence });
          // A reply in a thread the customer is not looking at: say so, or it goes unnoticed.
          if (conversation.id !== activeRef.current || showListRef.current) {
            setToast({ conversationId: conversation.id, title: conversation.subject ?? t('conversationOf', { date: format.date(conversation.createdAt) }) });
          }
        }
      }
    },
  });

  useEffect(() => {
    for (const thread of threads) if (!lastSequences.current.has(thread.id)) lastSequences.current.set(thread.id, thread.lastSequence);
    bridge.send(WidgetEvent.Unread, { count: threads.reduce((sum, thread) => sum + thread.unreadCount, 0) });
  }, [bridge, threads]);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  /** The first message of a new thread: the default thread, or a new one for this visit. */
  const createThread = async (): Promise<string> => {
    const wantsNew = newThread !== null || threadPolicy === 'NEW_EACH_VISIT';
    // Without a subject the server gives the customer's default thread: a new one needs a title.
    const subject = wantsNew ? newThread?.subject.trim() || t('conversationOf', { date: format.date(new Date()) }) : undefined;
    const { data: created } = await startConversation({ variables: { input: subject ? { subject } : {} } });
    const id = created!.startConversation.id;
    visitThread.set(id);
    setActiveId(id);
    setNewThread(null);
    void refetch();
    return id;
  };

  if (!data && activeId === undefined) return <p className="cc-loading">{t('loading')}</p>;

  const pick = (id: string) => {
    setActiveId(id);
    setViewKey((key) => key + 1);
    setShowList(false);
    setToast(null);
  };
  const otherUnread = threads.filter((thread) => thread.id !== activeId).reduce((sum, thread) => sum + thread.unreadCount, 0);
  const toastView = toast && (
    <div className="cc-toast" role="status">
      <span>{t('newReplyIn', { title: toast.title })}</span>
      <button type="button" className="cc-link-button" onClick={() => pick(toast.conversationId)}>
        {t('show')}
      </button>
    </div>
  );

  if (showList) {
    return (
      <>
      {toastView}
      <ThreadList
        threads={threads}
        activeId={activeId ?? null}
        onPick={pick}
        onNew={(subject) => {
          setActiveId(null);
          setNewThread({ subject });
          setViewKey((key) => key + 1);
          setShowList(false);
        }}
      />
      </>
    );
  }
  return (
    <>
      {toastView}
      <ConversationView
        key={viewKey}
        conversationId={activeId ?? null}
        onCreate={createThread}
        pharmacy={pharmacy}
        otherUnread={otherUnread}
        onShowList={threads.length > 1 || (threads.length === 1 && !activeId) ? () => setShowList(true) : undefined}
      />
    </>
  );
}

/** How long "New reply in …" stays up. */
const TOAST_MS = 8000;

type Thread = { id: string; status: string; isDefault: boolean };

function chooseThread(threads: Thread[], policy: WidgetThreadPolicy, visitThreadId: string | null): string | null {
  if (policy === 'NEW_EACH_VISIT') return threads.find((thread) => thread.id === visitThreadId)?.id ?? null;
  // Newest activity first: the most recent open thread, else the default one (writing reopens it).
  const open = threads.find((thread) => thread.status === 'OPEN' || thread.status === 'PENDING');
  return open?.id ?? threads.find((thread) => thread.isDefault)?.id ?? null;
}
