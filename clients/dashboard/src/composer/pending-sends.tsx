import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { UploadProgressOptions } from '../../../shared/apollo/upload-progress.js';
import { newClientMessageId } from '../../../shared/messages/client-message-id.js';
import { addMessageToThread } from '../apollo/message-cache.js';
import { graphql } from '../gql/index.js';

const SendMessageMutation = graphql(`
  mutation SendMessage($input: SendMessageInput!) {
    sendMessage(input: $input) {
      id
      sequence
      conversationId
      clientMessageId
      ...MessageBubbleFields
    }
  }
`);

/**
 * A message on its way: shown at the end of the thread at once (optimistic), and gone as
 * soon as the server's message with the same clientMessageId is in the thread, whether
 * the mutation result or the subscription event got there first. A failed send stays
 * with its reason and can be retried with the same clientMessageId, so a retry after a
 * lost response can never post it twice.
 */
export interface PendingSend {
  clientMessageId: string;
  conversationId: string;
  body: string;
  files: File[];
  replyToId: string | null;
  createdAt: string;
  /** `sent`: confirmed, and on screen until the thread shows the server's message. */
  state: 'sending' | 'sent' | 'failed';
  /** 0…1 while files upload; null without files. */
  progress: number | null;
  error: string | null;
}

export interface NewMessage {
  conversationId: string;
  body: string;
  files: File[];
  replyToId: string | null;
}

interface PendingSendsValue {
  pending: PendingSend[];
  send(message: NewMessage): void;
  retry(clientMessageId: string): void;
  discard(clientMessageId: string): void;
  /** The thread shows these as real messages now. */
  forget(clientMessageIds: string[]): void;
}

const PendingSendsContext = createContext<PendingSendsValue | null>(null);

export function PendingSendsProvider({ children }: { children: ReactNode }) {
  const client = useApolloClient();
  const [pending, setPending] = useState<PendingSend[]>([]);

  const update = useCallback((clientMessageId: string, change: Partial<PendingSend> | null) => {
    setPending((list) =>
      change === null ? list.filter((p) => p.clientMessageId !== clientMessageId) : list.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...change } : p)),
    );
  }, []);

  const deliver = useCallback(
    async (message: PendingSend) => {
      const uploading = message.files.length > 0;
      const fetchOptions: UploadProgressOptions = uploading ? { onUploadProgress: ({ loaded, total }) => update(message.clientMessageId, { progress: total ? loaded / total : 0 }) } : {};
      try {
        await client.mutate({
          mutation: SendMessageMutation,
          variables: {
            input: {
              conversationId: message.conversationId,
              body: message.body,
              clientMessageId: message.clientMessageId,
              replyToId: message.replyToId,
              attachments: uploading ? message.files : undefined,
            },
          },
          context: { fetchOptions },
          update(cache, { data }) {
            if (data) addMessageToThread(cache, data.sendMessage);
          },
        });
        // Not removed here: the thread drops it once the server's message is rendered (forget()).
        update(message.clientMessageId, { state: 'sent', progress: null });
      } catch (error) {
        update(message.clientMessageId, { state: 'failed', progress: null, error: describeSendError(error) });
      }
    },
    [client, update],
  );

  const send = useCallback(
    (message: NewMessage) => {
      const entry: PendingSend = {
        ...message,
        clientMessageId: newClientMessageId(),
        createdAt: new Date().toISOString(),
        state: 'sending',
        progress: message.files.length ? 0 : null,
        error: null,
      };
      setPending((list) => [...list, entry]);
      void deliver(entry);
    },
    [deliver],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      const entry = pending.find((p) => p.clientMessageId === clientMessageId);
      if (!entry) return;
      const again: PendingSend = { ...entry, state: 'sending', error: null, progress: entry.files.length ? 0 : null };
      update(clientMessageId, again);
      void deliver(again);
    },
    [pending, deliver, update],
  );

  const discard = useCallback((clientMessageId: string) => update(clientMessageId, null), [update]);
  const forget = useCallback((clientMessageIds: string[]) => setPending((list) => list.filter((p) => !clientMessageIds.includes(p.clientMessageId))), []);

  const value = useMemo(() => ({ pending, send, retry, discard, forget }), [pending, send, retry, discard, forget]);
  return <PendingSendsContext.Provider value={value}>{children}</PendingSendsContext.Provider>;
}

export function usePendingSends(): PendingSendsValue {
  const value = useContext(PendingSendsContext);
  if (!value) throw new Error('usePendingSends outside PendingSendsProvider');
  return value;
}

/** The sentence a pharmacist sees under a message that did not go out. */
export function describeSendError(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    switch (first?.extensions?.code) {
      case 'PAYLOAD_TOO_LARGE':
        return 'A file is too large: files can be at most 10 MB.';
      case 'UNSUPPORTED_MEDIA_TYPE':
        return 'Only photos, PDF and Word documents can be attached.';
      case 'BAD_USER_INPUT':
        return first.message;
      case 'RATE_LIMITED':
        return 'Sending too fast. Wait a moment and retry.';
      case 'FORBIDDEN':
        return 'You are not allowed to send in this conversation.';
      default:
        return first?.message ?? 'Not sent.';
    }
  }
  if (ServerError.is(error) && error.statusCode === 413) return 'The files are too large to send.';
  return 'Not sent: no connection to Counterchat.';
}
