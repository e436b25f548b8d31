import { useApolloClient } from '@apollo/client/react';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useOnReconnect } from '../connection/connection-context.js';
import { useStrings, type Translate } from '../i18n/dashboard-i18n.js';
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
 * the mutation result or the subscription event got there first.
 *
 * Sends go out one at a time, oldest first (issue 20, point 7). Without a network
 * (`navigator.onLine`, or a request that never reached the server) a message waits in
 * the queue and goes out by itself when the browser is online again or the socket is
 * back, still with its own clientMessageId, so a send whose answer was lost is never
 * posted twice. Only a refusal (too large, not allowed…) ends as failed, with its reason.
 */
export interface PendingSend {
  clientMessageId: string;
  conversationId: string;
  body: string;
  files: File[];
  replyToId: string | null;
  createdAt: string;
  /** `queued`: waiting for its turn or for the network; `sent`: confirmed, and on screen until the thread shows the server's message. */
  state: 'queued' | 'sending' | 'sent' | 'failed';
  /** 0…1 while files upload; null without files. */
  progress: number | null;
  error: string | null;
  /** A failure that could go another way next time (not a refused file). */
  retryable: boolean;
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
  const t = useStrings();
  const [pending, setPending] = useState<PendingSend[]>([]);
  // The queue as the flush loop sees it between renders.
  const latest = useRef<PendingSend[]>([]);
  const change = useCallback((edit: (list: PendingSend[]) => PendingSend[]) => {
    latest.current = edit(latest.current);
    setPending(latest.current);
  }, []);
  const update = useCallback(
    (clientMessageId: string, patch: Partial<PendingSend> | null) =>
      change((list) => (patch === null ? list.filter((p) => p.clientMessageId !== clientMessageId) : list.map((p) => (p.clientMessageId === clientMessageId ? { ...p, ...patch } : p)))),
    [change],
  );

  /** One attempt; `network` when it did not reach the server (the message stays queued). */
  const deliver = useCallback(
    async (message: PendingSend): Promise<'sent' | 'refused' | 'network'> => {
      const uploading = message.files.length > 0;
      update(message.clientMessageId, { state: 'sending', error: null, progress: uploading ? 0 : null });
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
        return 'sent';
      } catch (error) {
        if (isNetworkFailure(error)) {
          update(message.clientMessageId, { state: 'queued', progress: null, error: null });
          return 'network';
        }
        update(message.clientMessageId, { state: 'failed', progress: null, error: describeSendError(error, t), retryable: isRetryable(error) });
        return 'refused';
      }
    },
    [client, update, t],
  );

  const flushing = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flush = useCallback(async () => {
    if (flushing.current) return;
    flushing.current = true;
    clearTimeout(retryTimer.current);
    try {
      for (;;) {
        if (!navigator.onLine) return;
        const next = latest.current.find((p) => p.state === 'queued');
        if (!next) return;
        if ((await deliver(next)) === 'network') {
          // Online by the browser's account but the server is out of reach: try again shortly.
          retryTimer.current = setTimeout(() => void flush(), NETWORK_RETRY_MS);
          return;
        }
      }
    } finally {
      flushing.current = false;
    }
  }, [deliver]);

  useEffect(() => {
    const onOnline = () => void flush();
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
      clearTimeout(retryTimer.current);
    };
  }, [flush]);
  useOnReconnect(() => void flush());

  const send = useCallback(
    (message: NewMessage) => {
      const entry: PendingSend = {
        ...message,
        clientMessageId: newClientMessageId(),
        createdAt: new Date().toISOString(),
        state: 'queued',
        progress: null,
        error: null,
        retryable: true,
      };
      change((list) => [...list, entry]);
      void flush();
    },
    [change, flush],
  );

  const retry = useCallback(
    (clientMessageId: string) => {
      update(clientMessageId, { state: 'queued', error: null });
      void flush();
    },
    [update, flush],
  );

  const discard = useCallback((clientMessageId: string) => update(clientMessageId, null), [update]);
  const forget = useCallback((clientMessageIds: string[]) => change((list) => list.filter((p) => !clientMessageIds.includes(p.clientMessageId))), [change]);

  const value = useMemo(() => ({ pending, send, retry, discard, forget }), [pending, send, retry, discard, forget]);
  return <PendingSendsContext.Provider value={value}>{children}</PendingSendsContext.Provider>;
}

const NETWORK_RETRY_MS = 5_000;

/** The request never got an answer from the gateway (offline, connection refused, a proxy's 502–504). */
function isNetworkFailure(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) return false;
  if (ServerError.is(error)) return error.statusCode >= 502 && error.statusCode <= 504;
  return true;
}

/** Refusals that would be refused again as they are: no "Retry" for them. */
function isRetryable(error: unknown): boolean {
  if (CombinedGraphQLErrors.is(error)) {
    const code = error.errors[0]?.extensions?.code;
    return !['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND'].includes(String(code));
  }
  return !(ServerError.is(error) && error.statusCode === 413);
}

export function usePendingSends(): PendingSendsValue {
  const value = useContext(PendingSendsContext);
  if (!value) throw new Error('usePendingSends outside PendingSendsProvider');
  return value;
}

/** The sentence a pharmacist sees under a message that did not go out. */
export function describeSendError(error: unknown, t: Translate): string {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    switch (first?.extensions?.code) {
      case 'PAYLOAD_TOO_LARGE':
        return t('sendTooLarge');
      case 'UNSUPPORTED_MEDIA_TYPE':
        return t('sendUnsupported');
      case 'BAD_USER_INPUT':
        return first.message;
      case 'RATE_LIMITED':
        return t('sendTooFast');
      case 'FORBIDDEN':
        return t('sendForbidden');
      default:
        return first?.message ?? t('notSent');
    }
  }
  if (ServerError.is(error) && error.statusCode === 413) return t('sendFilesTooLarge');
  return t('notSentNoConnection');
}
