import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { buildSchema } from 'graphql';
import pg from 'pg';
import { repositoryRoot } from '../support/repository-root.js';
import { sendRaw } from './raw-send-statements.js';

/**
 * The floor of the chosen HTTP stack: Express 5 + Apollo Server 5 + graphql-js on the
 * project's own schema (schema/schema.graphql), answering the dashboard's persisted
 * SendMessage and Inbox by hash as the production gateway does. SendMessage runs the raw
 * `pg` baseline's statements (raw-send-statements.ts) on a pool of the gateway's size; Inbox
 * answers 25 rows held in memory. No auth, no tenancy, no ORM, no type-graphql, no audit,
 * no events: what any server on this stack must at least spend per request. Forked by the
 * send-path and inbox scenarios with FLOOR_DATABASE_URL, FLOOR_ORGANIZATION_ID and
 * FLOOR_STAFF_ID; tells them its port over IPC.
 */
const schema = buildSchema(readFileSync(path.join(repositoryRoot(), 'schema', 'schema.graphql'), 'utf8'));
const documents = JSON.parse(readFileSync(path.join(repositoryRoot(), 'clients', 'dashboard', 'src', 'gql', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
const organizationId = process.env.FLOOR_ORGANIZATION_ID ?? '';
const staffId = process.env.FLOOR_STAFF_ID ?? '';
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: Number(process.env.FLOOR_POOL_SIZE ?? 20) });
const sender = { __typename: 'StaffMember', id: staffId, name: 'Bench Pharmacist', active: true };

const rootValue = {
  async sendMessage({ input }: { input: { conversationId: string; body: string; clientMessageId?: string } }) {
    const client = await pool.connect();
    try {
      const sent = await sendRaw(client, { organizationId, staffId, ...input });
      return {
        ...sent,
        createdAt: sent.createdAt.toISOString(),
        conversationId: input.conversationId,
        kind: 'TEXT',
        body: input.body,
        attachments: [],
        reactions: [],
        deletedAt: null,
        editedAt: null,
        delivery: null,
        replyTo: null,
        sender,
      };
    } finally {
      client.release();
    }
  },
  conversations: () => inbox,
};

/** The Inbox's first page as the gateway answers it on the bench: 25 open rows, one more behind. */
const inbox = (() => {
  const at = new Date().toISOString();
  const edges = Array.from({ length: 25 }, (_, index) => {
    const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    return {
      cursor: Buffer.from(`${at}|${id}`).toString('base64url'),
      node: {
        id,
        channel: 'DASHBOARD',
        status: 'OPEN',
        priority: 'NORMAL',
        subject: null,
        snoozedUntil: null,
        lastActivityAt: at,
        updatedAt: at,
        waitingSince: at,
        unreadCount: 1,
        labels: [],
        assignee: { __typename: 'StaffMember', id: staffId, name: 'Bench Pharmacist' },
        customer: { __typename: 'Customer', id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}`, name: `Customer ${index}`, email: `customer${index}@example.test`, phone: null },
        lastMessage: {
          __typename: 'Message',
          id: `20000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
          kind: 'TEXT',
          body: 'Is my prescription ready?',
          deletedAt: null,
          sequence: 5,
          attachments: [],
          systemEvent: null,
          sender: { __typename: 'Customer', id: `10000000-0000-4000-8000-${String(index).padStart(12, '0')}` },
        },
      },
    };
  });
  return { edges, pageInfo: { endCursor: edges[edges.length - 1]!.cursor, hasNextPage: true, hasPreviousPage: false, startCursor: edges[0]!.cursor } };
})();

const app = express();
const httpServer = http.createServer(app);
const apollo = new ApolloServer({
  schema,
  rootValue,
  allowBatchedHttpRequests: false,
  persistedQueries: false,
  introspection: false,
  plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
});
await apollo.start();
app.use(
  '/graphql',
  express.json({ limit: '1mb' }),
  // The persisted-query link sends the hash alone; the trusted text is looked up, as in the gateway.
  (request, _response, next) => {
    const hash = (request.body as { extensions?: { persistedQuery?: { sha256Hash?: string } } })?.extensions?.persistedQuery?.sha256Hash;
    if (hash && documents[hash]) {
      const { extensions: _persisted, ...rest } = request.body as Record<string, unknown>;
      request.body = { ...rest, query: documents[hash] };
    }
    next();
  },
  expressMiddleware(apollo),
);
httpServer.listen(0, '127.0.0.1', () => process.send!({ port: (httpServer.address() as AddressInfo).port }));
process.on('disconnect', () => {
  void pool.end().finally(() => process.exit(0));
});
