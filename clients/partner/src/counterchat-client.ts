import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type ExecutionResult } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface CounterchatClientOptions {
  /** e.g. http://localhost:4000/graphql */
  graphqlUrl: string;
  /** The `ccpk_…` secret an ADMIN created for your system. */
  apiKey: string;
}

export class CounterchatError extends Error {
  constructor(
    message: string,
    /** `extensions.code`, e.g. FORBIDDEN (with the missing scope in the message) or NOT_FOUND. */
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/**
 * A minimal typed client: queries and mutations over HTTP, subscriptions over
 * graphql-ws, both authenticated with the API key. Any GraphQL client works the same way.
 */
export class CounterchatClient {
  private socket?: Client;

  constructor(private readonly options: CounterchatClientOptions) {}

  async request<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): Promise<Result> {
    const response = await fetch(this.options.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.options.apiKey}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
    const result = (await response.json()) as ExecutionResult<Result>;
    const [error] = result.errors ?? [];
    if (error) throw new CounterchatError(error.message, error.extensions?.code as string | undefined);
    return result.data!;
  }

  /** Yields each event; reconnects by itself. Break out of the loop to unsubscribe. */
  async *subscribe<Result, Variables extends Record<string, unknown>>(
    document: TypedDocumentNode<Result, Variables>,
    variables: Variables,
  ): AsyncGenerator<Result> {
    this.socket ??= createClient({
      url: this.options.graphqlUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.options.apiKey}` },
      retryAttempts: Infinity,
    });
    for await (const result of this.socket.iterate<Result>({ query: print(document), variables })) {
      const [error] = result.errors ?? [];
      if (error) throw new CounterchatError(error.message, error.extensions?.code as string | undefined);
      yield result.data!;
    }
  }

  async close(): Promise<void> {
    await this.socket?.dispose();
  }
}
