import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newClientMessageId } from '../../../shared/messages/client-message-id.js';
import { Composer } from '../composer/composer.js';
import { graphql, readFragment } from '../gql/index.js';
import { ActorFieldsFragmentDoc } from '../gql/graphql.js';
import { useStrings } from '../i18n/widget-i18n.js';
import { useWidget } from '../session/widget-context.js';
import { MessageBubble, MessageBubbleFragment, type MessageRef } from './message-bubble.js';
import { PendingBubble, type PendingMessage } from './pending-bubble.js';
import { useTypingSender } from './use-typing-sender.js';

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
}

const entryOf = (ref: MessageRef): Entry => {
  const message = readFragment(MessageBubbleFragment, ref);
  return { ref, sequence: message.sequence, clientMessageId: message.clientMessageId ?? null, own: message.sender?.__typename === 'Customer' };
};

/**
 * One thread, live: history, then every event after it (from the last sequence we have,
 * again after a reconnect), typing both ways, read receipts both ways, sends with retry.
 */
export function ConversationView(props: { conversationId: string | null; onCreate(): Promise<string>; onShowList?: () => void }) {
  const { conversationId } = props;
  const { open, reconnects } = useWidget();
  const t = useStrings();
  const { data } = useQuery(ConversationQuery, { variables: { id: conversationId ?? '' }, skip: !conversationId, fetchPolicy: 'network-only' });
  const [messages, setMessages] = useState<Map<number, Entry>>(new Map());
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [staffRead, setStaffRead] = useState(0);
  const [typingName, setTypingName] = useState<string | null>(null);
  const [subscribeFrom, setSubscribeFrom] = useState<number | null>(null);
  const [visible, setVisible] = useState(document.visibilityState === 'visible');
  const newest = useRef(0);
  const markedRead = useRef(0);
  const typingTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const end = useRef<HTMLLIElement>(null);
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
    const delivered = new Set(entries.map((entry) => entry.clientMessageId));
    setPending((current) => current.filter((message) => !delivered.has(message.clientMessageId)));
    if (entries.some((entry) => !entry.own)) setTypingName(null);
  }, []);

  useEffect(() => {
    const conversation = data?.conversation;
    if (!conversation) return;
    addMessages(conversation.messages.edges.map((edge) => edge.node));
    const others = conversation.participants.filter((participant) => participant.role !== 'CUSTOMER');
    setStaffRead((current) => Math.max(current, ...others.map((participant) => participant.lastReadSequence)));
    const mine = conversation.participants.find((participant) => participant.role === 'CUSTOMER');
    markedRead.current = Math.max(markedRead.current, mine?.lastReadSequence ?? 0);
    setSubscribeFrom((current) => current ?? newest.current);
  }, [data, addMessages]);

  // After a drop, start again from the newest message we have: the server replays the rest.
  useEffect(() => {
    if (reconnects > 0) setSubscribeFrom((current) => (current === null ? null : newest.current));
  }, [reconnects]);

  useSubscription(ConversationEvents, {
    variables: { conversationId: conversationId ?? '', afterSequence: subscribeFrom ?? 0 },
    skip: !conversationId || subscribeFrom === null,
    onData: ({ data: event }) => {
      const payload = event.data?.conversationEvents;
      if (!payload) return;
      if (payload.message) addMessages([payload.message]);
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

  // Read when seen: the panel is open and the tab visible.
  const newestFromPharmacy = Math.max(0, ...[...messages.values()].filter((entry) => !entry.own).map((entry) => entry.sequence));
  useEffect(() => {
    if (!conversationId || !open || !visible || newestFromPharmacy <= markedRead.current) return;
    markedRead.current = newestFromPharmacy;
    void markRead({ variables: { input: { conversationId, sequence: newestFromPharmacy } } }).catch(() => {
      markedRead.current = 0;
    });
  }, [conversationId, open, visible, newestFromPharmacy, markRead]);

  const sorted = [...messages.values()].sort((a, b) => a.sequence - b.sequence);
  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [sorted.length, pending.length, typingName]);

  const send = async (message: PendingMessage) => {
    setPending((current) => [...current.filter((other) => other.clientMessageId !== message.clientMessageId), { ...message, status: 'sending', progress: undefined }]);
    try {
      const id = conversationId ?? (await props.onCreate());
      const { data: sent } = await sendMessage({
        variables: { input: { conversationId: id, body: message.body, clientMessageId: message.clientMessageId, attachments: message.files.length ? message.files : undefined } },
        context: {
          fetchOptions: {
            onUploadProgress: ({ loaded, total }: { loaded: number; total: number }) =>
              setPending((current) => current.map((other) => (other.clientMessageId === message.clientMessageId ? { ...other, progress: total ? loaded / total : undefined } : other))),
          },
        },
      });
      if (sent) addMessages([sent.sendMessage]);
    } catch {
      // The same clientMessageId on retry: the server returns the original if it did arrive.
      setPending((current) => current.map((other) => (other.clientMessageId === message.clientMessageId ? { ...other, status: 'failed' } : other)));
    }
  };

  const ownSeen = Math.max(0, ...sorted.filter((entry) => entry.own && entry.sequence <= staffRead).map((entry) => entry.sequence));

  return (
    <section className="cc-conversation" aria-label={t('messages')}>
      {props.onShowList && (
        <button type="button" className="cc-link-button" onClick={props.onShowList}>
          {t('conversations')}
        </button>
      )}
      <ol className="cc-messages" aria-live="polite" aria-relevant="additions">
        {sorted.length === 0 && pending.length === 0 && <li className="cc-empty">{t('noMessagesYet')}</li>}
        {sorted.map((entry) => (
          <MessageBubble key={entry.sequence} message={entry.ref} seen={entry.own && entry.sequence === ownSeen} />
        ))}
        {pending.map((message) => (
          <PendingBubble key={message.clientMessageId} message={message} onRetry={() => void send(message)} />
        ))}
        <li ref={end} className="cc-end" aria-hidden="true" />
      </ol>
      <p className="cc-typing" role="status">
        {typingName ? t('typing', { name: typingName }) : ''}
      </p>
      <Composer
        onTyping={sendTyping}
        onSend={(body, files) => void send({ clientMessageId: newClientMessageId(), body, files, status: 'sending' })}
      />
    </section>
  );
}
