import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { WidgetEvent } from '../../protocol/widget-protocol.js';
import { ConversationView } from '../conversation/conversation-view.js';
import { graphql } from '../gql/index.js';
import type { WidgetThreadPolicy } from '../gql/graphql.js';
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
export function ChatHome({ threadPolicy }: { threadPolicy: WidgetThreadPolicy }) {
  const { organizationSlug, bridge, format, reconnects, visitThreadId } = useWidget();
  const t = useStrings();
  const { data, refetch } = useQuery(ThreadsQuery, { fetchPolicy: 'cache-and-network' });
  const [startConversation] = useMutation(StartConversation);
  const visitThread = useMemo(
    () => visitThreadStore(organizationSlug, visitThreadId, (conversationId) => bridge.send(WidgetEvent.VisitThread, { conversationId })),
    [organizationSlug, visitThreadId, bridge],
  );
  const threads = useMemo(() => data?.conversations.edges.map((edge) => edge.node) ?? [], [data]);
  // undefined: not chosen yet; null: a new thread, created with the first message.
  const [activeId, setActiveId] = useState<string | null | undefined>(undefined);
  const [showList, setShowList] = useState(false);
  const [newThread, setNewThread] = useState(false);
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
        }
      }
    },
  });

  useEffect(() => {
    for (const thread of threads) if (!lastSequences.current.has(thread.id)) lastSequences.current.set(thread.id, thread.lastSequence);
    bridge.send(WidgetEvent.Unread, { count: threads.reduce((sum, thread) => sum + thread.unreadCount, 0) });
  }, [bridge, threads]);

  /** The first message of a new thread: the default thread, or a new one for this visit. */
  const createThread = async (): Promise<string> => {
    const wantsNew = newThread || threadPolicy === 'NEW_EACH_VISIT';
    const subject = wantsNew ? `${t('untitled')} ${format.date(new Date())}` : undefined;
    const { data: created } = await startConversation({ variables: { input: subject ? { subject } : {} } });
    const id = created!.startConversation.id;
    visitThread.set(id);
    setActiveId(id);
    setNewThread(false);
    void refetch();
    return id;
  };

  if (!data && activeId === undefined) return <p className="cc-loading">{t('loading')}</p>;

  if (showList) {
    return (
      <ThreadList
        threads={threads}
        activeId={activeId ?? null}
        onPick={(id) => {
          setActiveId(id);
          setViewKey((key) => key + 1);
          setShowList(false);
        }}
        onNew={() => {
          setActiveId(null);
          setNewThread(true);
          setViewKey((key) => key + 1);
          setShowList(false);
        }}
      />
    );
  }
  return (
    <ConversationView
      key={viewKey}
      conversationId={activeId ?? null}
      onCreate={createThread}
      onShowList={threads.length > 1 || (threads.length === 1 && !activeId) ? () => setShowList(true) : undefined}
    />
  );
}

type Thread = { id: string; status: string; isDefault: boolean };

function chooseThread(threads: Thread[], policy: WidgetThreadPolicy, visitThreadId: string | null): string | null {
  if (policy === 'NEW_EACH_VISIT') return threads.find((thread) => thread.id === visitThreadId)?.id ?? null;
  // Newest activity first: the most recent open thread, else the default one (writing reopens it).
  const open = threads.find((thread) => thread.status === 'OPEN' || thread.status === 'PENDING');
  return open?.id ?? threads.find((thread) => thread.isDefault)?.id ?? null;
}
