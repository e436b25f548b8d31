import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repositoryRoot } from './repository-root.js';

/**
 * The apps' own operations, as the production gateway runs them: codegen's
 * `persisted-documents.json` of the dashboard and the widget (hash → document). The load
 * clients send them as Apollo Client's persisted-query link does: over HTTP the hash alone
 * (`extensions.persistedQuery.sha256Hash`), over WebSocket the hash beside the printed text
 * (GraphQLWsLink sends both; the gateway runs the trusted text the hash names).
 */
export type AppOperationName = 'SendMessage' | 'Inbox' | 'ConversationEvents' | 'InboxEvents';

export interface PersistedOperation {
  operationName: AppOperationName;
  /** codegen's "sha256:…" form, as the apps send it. */
  hash: string;
  /** The trusted text: what the gateway runs, and what the graphql-ws baseline executes. */
  query: string;
}

const MANIFEST = path.join(repositoryRoot(), 'clients', 'dashboard', 'src', 'gql', 'persisted-documents.json');

let manifest: Record<string, string> | undefined;

export function appOperation(operationName: AppOperationName): PersistedOperation {
  manifest ??= JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
  const keyword = operationName.endsWith('Events') ? 'subscription' : operationName === 'SendMessage' ? 'mutation' : 'query';
  const pattern = new RegExp(`\\b${keyword} ${operationName}\\b`);
  const found = Object.entries(manifest).find(([, text]) => pattern.test(text));
  if (!found) throw new Error(`The dashboard's persisted documents have no ${keyword} ${operationName}; regenerate them (npm run codegen).`);
  return { operationName, hash: found[0], query: found[1] };
}

/** An HTTP POST body naming the operation by hash only, as the persisted-query link sends it. */
export function persistedBody(operation: PersistedOperation, variables: Record<string, unknown>) {
  return { operationName: operation.operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } };
}

/** A graphql-ws `subscribe` payload: text and hash, as GraphQLWsLink sends it behind the persisted-query link. */
export function persistedSubscription(operation: PersistedOperation, variables: Record<string, unknown>) {
  return { query: operation.query, operationName: operation.operationName, variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } };
}
