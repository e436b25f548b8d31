import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { repositoryRoot } from '../support/repository-root.js';

/**
 * The GraphQL floor for fan-out: graphql-ws + graphql-js on the project's own schema
 * (schema/schema.graphql), executing the subscription document each subscriber sent (the
 * dashboard's ConversationEvents) once per subscriber per event, from an in-memory pub/sub.
 * No database, no auth, no Apollo, no type-graphql: what any GraphQL subscription server
 * must at least do. The gateway's target is ≤ 2× its latency. Forked by the fan-out
 * scenario; tells it the port over IPC. POST /publish {conversationId, sequence,
 * clientMessageId} → an event stamped with the publish time, carrying the sender's
 * clientMessageId (bench/support/send-stamp.ts).
 */
const schema = buildSchema(readFileSync(path.join(repositoryRoot(), 'schema', 'schema.graphql'), 'utf8'));

type Payload = { conversationEvents: ReturnType<typeof messageAdded> };
const listeners = new Map<string, Set<(payload: Payload) => void>>();

/** What a MESSAGE_ADDED event holds: every field the dashboard's document asks for. */
function messageAdded(conversationId: string, sequence: number, clientMessageId: string | null = null) {
  const sender = { __typename: 'StaffMember', id: '00000000-0000-4000-8000-000000000001', name: 'Bench Pharmacist', active: true };
  return {
    conversationId,
    kind: 'MESSAGE_ADDED',
    read: null,
    message: {
      id: `${conversationId}:${sequence}`,
      sequence,
      conversationId,
      clientMessageId,
      createdAt: new Date().toISOString(),
      kind: 'TEXT',
      body: 'Your prescription is ready for pickup.',
      deletedAt: null,
      editedAt: null,
      attachments: [],
      reactions: [],
      replyTo: null,
      systemEvent: null,
      sender,
    },
  };
}

/** The replay of the seeded first message, then every event published for the conversation, until the subscriber leaves. */
async function* conversationEvents({ conversationId }: { conversationId: string }): AsyncGenerator<Payload> {
  const queue: Payload[] = [{ conversationEvents: messageAdded(conversationId, 1) }];
  let wake: (() => void) | undefined;
  const listener = (payload: Payload) => {
    queue.push(payload);
    wake?.();
  };
  const set = listeners.get(conversationId) ?? new Set();
  listeners.set(conversationId, set.add(listener));
  try {
    for (;;) {
      while (queue.length > 0) yield queue.shift()!;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    set.delete(listener);
  }
}

const server = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    const { conversationId, sequence, clientMessageId } = JSON.parse(body) as { conversationId: string; sequence: number; clientMessageId?: string };
    const payload = { conversationEvents: messageAdded(conversationId, sequence, clientMessageId) };
    for (const listener of listeners.get(conversationId) ?? []) listener(payload);
    response.writeHead(204).end();
  });
});
// graphql-js's default subscriber calls the root's `conversationEvents(args)`; each event is
// then executed with the payload as root, so the field resolves to payload.conversationEvents.
useServer({ schema, roots: { subscription: { conversationEvents } } }, new WebSocketServer({ server, path: '/graphql' }));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
