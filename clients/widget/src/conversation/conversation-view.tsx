import { useApolloClient, useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { Fragment, useCallback, useEffect, useRef, useState } from 'react';
import type { OutboxItem } from '../../../shared/messages/outbox.js';
import { newClientMessageId } from '../../../shared/messages/client-message-id.js';
import { Composer } from '../composer/composer.js';
import { graphql, readFragment } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { MessageBubble, MessageBubbleFragment, senderKey, type MessageRef } from './message-bubble.js';
import { PendingBubble } from './pending-bubble.js';
import { useOutbox, type Draft } from './use-outbox.js';
import { useScrollAnchor } from './use-scroll-anchor.js';
import { useSeenMessages } from './use-seen-messages.js';
import { useTypingSender } from './use-typing-sender.js';
import { WelcomeNote } from './welcome-note.js';

const ConversationQuery = graphql(`
  query WidgetConversation($id: ID!) {
    conversation(id: $id) {
      id
      participants {
        id
        role
        lastReadSequence
      }
      messages(last: 50) {
        edges {
          node {
            id
            ...MessageBubble_message
          }
        }
        pageInfo {
          hasPreviousPage
          startCursor
        }
      }
    }
  }
`);

const EarlierMessagesQuery = graphql(`
  query WidgetEarlierMessages($id: ID!, $before: String!) {
    conversation(id: $id) {
      id
      messages(last: 50, before: $before) {
        edges {
          node {
            id
            ...MessageBubble_message
          }
        }
        pageInfo {
          hasPreviousPage
          startCursor
        }
      }
    }
  }
`);

const ConversationEvents = graphql(`
  subscription WidgetConversationEvents($conversationId: ID!, $afterSequence: Int) {
    conversationEvents(conversationId: $conversationId, afterSequence: $afterSequence) {
      kind
      message {
        id
        ...MessageBubble_message
      }
      read {
        sequence
        reader {
          __typename
        }
      }
    }
  }
`);

const TypingEvents = graphql(`
  subscription WidgetTyping($conversationId: ID!) {
    typing(conversationId: $conversationId) {
      typing
      actor {
        ...ActorFields
      }
    }
  }
`);

const SendMessage = graphql(`
  mutation WidgetSendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      ...MessageBubble_message
    }
  }
`);

const MarkRead = graphql(`
  mutation WidgetMarkRead($input: MarkConversationReadInput!) {
    markConversationRead(input: $input) {
      id
      unreadCount
    }
  }
`);

/** How long a "typing…" stays up without a refresh (the server lapses it after about 6 s). */
const TYPING_DISPLAY_MS = 8000;

interface Entry {
  ref: MessageRef;
  sequence: number;
  clientMessageId: string | null;
  own: boolean;
  sender: string;
}

const entryOf = (ref: MessageRef): Entry => {
  const message = readFragment(MessageBubbleFragment, ref);
  return { ref, sequence: message.sequence, clientMessageId: message.clientMessageId ?? null, own: message.sender?.__typename === 'Customer', sender: senderKey(ref) };
};

export interface ConversationViewProps {
  conversationId: string | null;
  onCreate(): Promise<string>;
  onShowList?: () => void;
  /** Unread replies in the customer's other threads (a badge on "Your conversations"). */
  otherUnread?: number;
  pharmacy: { name: string; replyTimeText: string | null };
}

/**
 * One thread, live: history (paging back 50 at a time), then every event after it (from the
 * last sequence we have, again after a reconnect), typing both ways, read receipts for what
 * was on screen, and sends that wait for the network instead of giving up.
 */
export function ConversationView(props: ConversationViewProps) {
  const { conversationId } = props;
  const { open, reconnects } = useWidget();
  const t = useStrings();
  const apollo = useApolloClient();
  const { data } = useQuery(ConversationQuery, { variables: { id: conversationId ?? '' }, skip: !conversationId, fetchPolicy: 'network-only' });
  const [messages, setMessages] = useState<Map<number, Entry>>(new Map());
  const [earlier, setEarlier] = useState<{ cursor: string | null; more: boolean; loading: boolean }>({ cursor: null, more: false, loading: false });
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [staffRead, setStaffRead] = useState(0);
  const [firstUnread, setFirstUnread] = useState<number | null | undefined>(undefined);
  const [typingName, setTypingName] = useState<string | null>(null);
  const [subscribeFrom, setSubscribeFrom] = useState<number | null>(null);
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  const newest = useRef(0);
  const markedRead = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const list = useRef<HTMLOListElement>(null);
  const activeRef = useRef(open && visible);
  activeRef.current = open && visible;
  const conversationRef = useRef(conversationId);
  conversationRef.current = conversationId;
  const [sendMessage] = useMutation(SendMessage);
  const [markRead] = useMutation(MarkRead);
  const sendTyping = useTypingSender(conversationId);

  const addMessages = useCallback((refs: MessageRef[]) => {
    if (refs.length === 0) return;
    const entries = refs.map(entryOf);
    setMessages((current) => {
      const next = new Map(current);
      for (const entry of entries) next.set(entry.sequence, entry);
      return next;
    });
    for (const entry of entries) newest.current = Math.max(newest.current, entry.sequence);
    for (const entry of entries) if (entry.clientMessageId) outboxRef.current?.remove(entry.clientMessageId);
    if (entries.some((entry) => !entry.own)) setTypingName(null);
  }, []);

  const deliver = async (item: OutboxItem<Draft>) => {
    const { body, files } = item.payload;
    const id = conversationRef.current ?? (await props.onCreate());
    const { data: sent } = await sendMessage({
      variables: { input: { conversationId: id, body, clientMessageId: item.clientMessageId, attachments: files.length ? files : undefined } },
      context: {
        fetchOptions: {
          onUploadProgress: ({ loaded, total }: { loaded: number; total: number }) => setProgress((current) => ({ ...current, [item.clientMessageId]: total ? loaded / total : 0 })),
        },
      },
    });
    if (sent) addMessages([sent.sendMessage]);
  };
  const { outbox, items: pending } = useOutbox(deliver);
  const outboxRef = useRef(outbox);

  useEffect(() => {
    const conversation = data?.conversation;
    if (!conversation) return;
    const refs = conversation.messages.edges.map((edge) => edge.node);
    addMessages(refs);
    setEarlier((current) => (current.cursor ? current : { cursor: conversation.messages.pageInfo.startCursor ?? null, more: conversation.messages.pageInfo.hasPreviousPage, loading: false }));
    const others = conversation.participants.filter((participant) => participant.role !== 'CUSTOMER');
    setStaffRead((current) => Math.max(current, ...others.map((participant) => participant.lastReadSequence)));
    const mine = conversation.participants.find((participant) => participant.role === 'CUSTOMER');
    markedRead.current = Math.max(markedRead.current, mine?.lastReadSequence ?? 0);
    // The first reply the customer has not read yet: the panel opens there, under a divider.
    const unread = refs.map(entryOf).find((entry) => !entry.own && entry.sender !== 'system' && entry.sequence > markedRead.current);
    setFirstUnread((current) => (current === undefined ? (unread?.sequence ?? null) : current));
    setSubscribeFrom((current) => current ?? newest.current);
  }, [data, addMessages]);

  // After a drop, start again from the newest message we have (the server replays the rest),
  // and send what waited for the connection.
  useEffect(() => {
    if (reconnects === 0) return;
    setSubscribeFrom((current) => (current === null ? null : newest.current));
    outbox.flush();
  }, [reconnects, outbox]);

  const loadEarlier = async () => {
    if (!conversationId || !earlier.cursor || earlier.loading) return;
    setEarlier((current) => ({ ...current, loading: true }));
    try {
      const { data: page } = await apollo.query({ query: EarlierMessagesQuery, variables: { id: conversationId, before: earlier.cursor }, fetchPolicy: 'network-only' });
      const connection = page?.conversation?.messages;
      if (!connection) return setEarlier((current) => ({ ...current, loading: false }));
      scroll.beforePrepend();
      addMessages(connection.edges.map((edge) => edge.node));
      setEarlier({ cursor: connection.pageInfo.startCursor ?? null, more: connection.pageInfo.hasPreviousPage, loading: false });
    } catch {
      setEarlier((current) => ({ ...current, loading: false }));
    }
  };

  useSubscription(ConversationEvents, {
    variables: { conversationId: conversationId ?? '', afterSequence: subscribeFrom ?? 0 },
    skip: !conversationId || subscribeFrom === null,
    onData: ({ data: event }) => {
      const payload = event.data?.conversationEvents;
      if (!payload) return;
      if (payload.message) addMessages([payload.message]);
      // A reply while the customer was not looking: the panel opens there, under the divider.
      const added = payload.kind === 'MESSAGE_ADDED' && payload.message ? entryOf(payload.message) : null;
      if (added && !added.own && added.sender !== 'system' && !activeRef.current) {
        setFirstUnread((current) => (typeof current === 'number' && current > markedRead.current ? current : added.sequence));
      }
      if (payload.kind === 'READ' && payload.read && payload.read.reader?.__typename !== 'Customer') {
        setStaffRead((current) => Math.max(current, payload.read!.sequence));
      }
    },
  });

  useSubscription(TypingEvents, {
    variables: { conversationId: conversationId ?? '' },
    skip: !conversationId,
    onData: ({ data: event }) => {
      const typing = event.data?.typing;
      const actor = readFragment(ActorFieldsFragmentDoc, typing?.actor);
      if (!typing || actor?.__typename === 'Customer') return;
      clearTimeout(typingTimer.current);
      if (!typing.typing) return setTypingName(null);
      setTypingName(actor?.name ?? t('pharmacy'));
      typingTimer.current = setTimeout(() => setTypingName(null), TYPING_DISPLAY_MS);
    },
  });
  useEffect(() => () => clearTimeout(typingTimer.current), []);

  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onChange);
    return () => document.removeEventListener('visibilitychange', onChange);
  }, []);

  // Read when seen: the message was on screen while the panel was open and the tab visible.
  const { seenUpTo, observe } = useSeenMessages(list, open && visible);
  useEffect(() => {
    if (!conversationId || seenUpTo <= markedRead.current) return;
    markedRead.current = seenUpTo;
    void markRead({ variables: { input: { conversationId, sequence: seenUpTo } } }).catch(() => {
      markedRead.current = 0;
    });
  }, [conversationId, seenUpTo, markRead]);

  const sorted = [...messages.values()].sort((a, b) => a.sequence - b.sequence);
  const scroll = useScrollAnchor(list, { ready: firstUnread !== undefined || !conversationId, active: open && visible, count: sorted.length + pending.length + (typingName ? 1 : 0), firstUnread: firstUnread ?? null });

  const ownSeen = Math.max(0, ...sorted.filter((entry) => entry.own && entry.sequence <= staffRead).map((entry) => entry.sequence));

  return (
    <section className="cc-conversation" aria-label={t('messages')}>
      {props.onShowList && (
        <button type="button" className="cc-link-button cc-threads-link" onClick={props.onShowList}>
          {t('conversations')}
          {(props.otherUnread ?? 0) > 0 && <span className="cc-badge">{t('unread', { count: props.otherUnread! })}</span>}
        </button>
      )}
      <ol className="cc-messages" ref={list} onScroll={scroll.onScroll} aria-live="polite" aria-relevant="additions">
        {earlier.more && (
          <li className="cc-earlier">
            <button type="button" className="cc-link-button" onClick={() => void loadEarlier()} disabled={earlier.loading}>
              {earlier.loading ? t('loading') : t('earlierMessages')}
            </button>
          </li>
        )}
        {sorted.length === 0 && pending.length === 0 && <WelcomeNote pharmacyName={props.pharmacy.name} replyTimeText={props.pharmacy.replyTimeText} />}
        {sorted.map((entry, index) => (
          <Fragment key={entry.sequence}>
            {entry.sequence === firstUnread && (
              <li className="cc-divider" role="separator">
                <span>{t('newMessages')}</span>
              </li>
            )}
            <MessageBubble
              message={entry.ref}
              seen={entry.own && entry.sequence === ownSeen}
              continued={index > 0 && sorted[index - 1]!.sender === entry.sender && entry.sequence !== firstUnread}
              onMediaLoad={scroll.onMediaLoad}
              observe={observe}
            />
          </Fragment>
        ))}
        {pending.map((message) => (
          <PendingBubble key={message.clientMessageId} message={message} progress={progress[message.clientMessageId]} onRetry={() => outbox.retry(message.clientMessageId)} />
        ))}
      </ol>
      <p className="cc-typing" role="status">
        {typingName ? t('typing', { name: typingName }) : ''}
      </p>
      <Composer
        onTyping={sendTyping}
        onSend={(body, files) => {
          scroll.stickToBottom();
          outbox.add(newClientMessageId(), { body, files });
        }}
      />
    </section>
  );
}
