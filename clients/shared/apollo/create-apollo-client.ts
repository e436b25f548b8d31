import { ApolloClient, ApolloLink, type TypePolicies } from '@apollo/client';
import { ErrorLink } from '@apollo/client/link/error';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { getMainDefinition } from '@apollo/client/utilities';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import type { DocumentNode } from 'graphql';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { createClient, type Client as SocketClient } from 'graphql-ws';
import { fetchWithUploadProgress } from './upload-progress.js';
import { watchConnection, type ConnectionState } from './connection-state.js';
import { createCache } from './create-cache.js';

export interface ApolloClientOptions {
  /** Absolute URL of `/graphql`; the WebSocket URL is derived from it. */
  graphqlUrl: string;
  /** The current bearer token, read on every request and every (re)connect. */
  getToken(): string | null;
  /** A request or the socket was refused for the credential (expired, revoked). */
  /** `message`: the server's words when an HTTP answer said why (e.g. a blocked customer's "This chat is not available."). */
  onUnauthenticated(message?: string): void;
  /** The socket dropped or came back; a reconnect means subscriptions catch up. */
  onConnectionChange?(state: ConnectionState): void;
  typePolicies?: TypePolicies;
}

export interface CounterchatClient {
  apollo: ApolloClient;
  socket: SocketClient;
  /** Closes the socket and drops the cache (sign-out). */
  dispose(): Promise<void>;
}

/** Close codes the gateway uses when a credential stops being valid on an open socket. */
const SOCKET_FORBIDDEN = 4403;
const SOCKET_UNAUTHORIZED = 4401;

/**
 * One Apollo Client per signed-in session: queries and mutations over HTTP (multipart
 * when variables hold files), subscriptions over graphql-ws on the same `/graphql`.
 */
export function createApolloClient(options: ApolloClientOptions): CounterchatClient {
  const socketUrl = options.graphqlUrl.replace(/^http/, 'ws');
  const socket = createClient({
    url: socketUrl,
    connectionParams: () => {
      const token = options.getToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    // Keep trying: a pharmacy's Wi-Fi drops for minutes, and catch-up makes it lossless.
    retryAttempts: Infinity,
    shouldRetry: (event) => !isCloseEvent(event) || ![SOCKET_FORBIDDEN, SOCKET_UNAUTHORIZED].includes(event.code),
    keepAlive: 15_000,
    lazy: true,
    lazyCloseTimeout: 3_000,
  });
  const stopWatching = watchConnection(socket, (state) => {
    if (state === 'unauthenticated') options.onUnauthenticated();
    options.onConnectionChange?.(state);
  });

  const httpLink = new UploadHttpLink({
    uri: options.graphqlUrl,
    fetch: fetchWithUploadProgress,
    // The gateway refuses multipart requests without it (cross-site request forgery).
    headers: { 'Apollo-Require-Preflight': 'true' },
  });
  const authLink = new ApolloLink((operation, forward) => {
    const token = options.getToken();
    // `context: { anonymous: true }` sends an operation without the credential (e.g. a public sign-in).
    if (token && !operation.getContext().anonymous) {
      operation.setContext(({ headers = {} }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, authorization: `Bearer ${token}` },
      }));
    }
    return forward(operation);
  });
  const errorLink = new ErrorLink(({ error }) => {
    const refusal = CombinedGraphQLErrors.is(error) ? error.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED') : undefined;
    const unauthenticated = (ServerError.is(error) && error.statusCode === 401) || refusal !== undefined;
    if (unauthenticated) options.onUnauthenticated(refusal?.message);
  });

  // Trusted documents: operations travel as the hash codegen gave them (its `__meta__`),
  // over HTTP and WebSocket alike; the production gateway runs nothing else for our apps.
  const trustedDocumentLink = new PersistedQueryLink({ generateHash: trustedDocumentHash });
  const link = ApolloLink.from([
    trustedDocumentLink,
    ApolloLink.split(
      ({ query }) => {
        const definition = getMainDefinition(query);
        return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
      },
      new GraphQLWsLink(socket),
      ApolloLink.from([errorLink, authLink, httpLink]),
    ),
  ]);

  const apollo = new ApolloClient({
    link,
    cache: createCache(options.typePolicies),
  });

  return {
    apollo,
    socket,
    async dispose() {
      stopWatching();
      await socket.dispose();
      await apollo.clearStore();
      apollo.stop();
    },
  };
}

/** codegen's hash of a document (persistedDocuments); documents not made by codegen have none and travel as text. */
function trustedDocumentHash(document: DocumentNode): string {
  const hash = (document as DocumentNode & { __meta__?: { hash?: string } }).__meta__?.hash;
  if (!hash) throw new Error('This operation is not a codegen document (no __meta__.hash); write it with graphql().');
  return hash;
}

function isCloseEvent(event: unknown): event is CloseEvent {
  return typeof event === 'object' && event !== null && 'code' in event && 'reason' in event;
}
