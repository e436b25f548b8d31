import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { OPERATION_LIMITS } from '../../../gateway/pipeline/operation-limits.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let production: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway();
  production = await startTestGateway({ sharing: gateway, config: { production: true } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'limits');
});
afterAll(async () => {
  await production.dispose();
  await gateway.dispose();
});

/** conversation → messages → node → replyTo → replyTo → … `levels` deep. */
function deepQuery(levels: number): string {
  let selection = 'id';
  for (let level = 0; level < levels; level += 1) selection = `id replyTo { ${selection} }`;
  return `query Deep($id: ID!) { conversation(id: $id) { messages { edges { node { ${selection} } } } } }`;
}

const ANY_ID = { id: '00000000-0000-4000-8000-000000000000' };

describe('operation limits over HTTP', () => {
  it('refuses a query nested deeper than the limit, before any resolver runs', async () => {
    const response = await gateway.graphql(deepQuery(OPERATION_LIMITS.maxDepth), ANY_ID, pharmacy.tokens.pharmacist);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('lets a reasonably nested query through (it answers NOT_FOUND for the unknown id)', async () => {
    const response = await gateway.graphql(deepQuery(3), ANY_ID, pharmacy.tokens.pharmacist);
    expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: OPERATION_LIMITS.maxAliases + 1 }, (_, index) => `a${index}: viewer { kind }`).join(' ');
    const response = await gateway.graphql(`{ ${aliases} }`, {}, pharmacy.tokens.pharmacist);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses too many directives', async () => {
    const directives = Array.from({ length: OPERATION_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
    const response = await gateway.graphql(`{ viewer ${directives} { kind } }`, {}, pharmacy.tokens.pharmacist);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('refuses a document with too many tokens while parsing', async () => {
    const fields = Array.from({ length: OPERATION_LIMITS.maxTokens }, () => 'kind').join(' ');
    const response = await gateway.graphql(`{ viewer { ${fields} } }`, {}, pharmacy.tokens.pharmacist);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses an operation whose cost is over the limit though every other limit holds', async () => {
    const thread = `messages(last: 100) { edges { node { id body createdAt editedAt deletedAt sequence kind clientMessageId
      sender { __typename ... on StaffMember { id name role } ... on Customer { id name phone } }
      attachments { id fileName contentType byteSize width height } reactions { id emoji createdAt } } } }`;
    const row = `edges { node { id subject status priority channel unreadCount lastActivityAt customer { id name phone email } ${thread} } }`;
    const aliases = Array.from({ length: 12 }, (_, index) => `page${index}: conversations(first: 100) { ${row} }`).join(' ');
    const response = await gateway.graphql(`{ ${aliases} }`, {}, pharmacy.tokens.pharmacist);
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(response.errors?.[0]?.message).toMatch(/cost/i);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pharmacy.tokens.pharmacist}` },
      body: JSON.stringify([{ query: '{ viewer { kind } }' }, { query: '{ viewer { kind } }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('operation limits over WebSocket', () => {
  it('fails the operation (not the socket) for a query nested too deep', async () => {
    const subscriber = await connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
    try {
      const deep = deepQuery(OPERATION_LIMITS.maxDepth).replace('query Deep', 'subscription Deep').replace('conversation(id: $id)', 'conversationEvents(conversationId: $id)').replace('messages { edges { node {', 'message {').replace(/} } } } }$/, '} } }');
      const { errors } = await subscriber.subscribe(deep, ANY_ID).next();
      expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0]?.message).toMatch(/depth/i);
    } finally {
      await subscriber.dispose();
    }
  });
});

describe('in production', () => {
  // A partner key: production runs only the apps' trusted documents for anyone else.
  it('hides the schema from introspection', async () => {
    const response = await production.graphql(`{ __schema { types { name } } }`, {}, pharmacy.tokens.partnerRead);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data).toBeUndefined();
  });

  it('does not suggest field names', async () => {
    const development = await gateway.graphql(`{ viewer { kinde } }`, {}, pharmacy.tokens.pharmacist);
    expect(development.errors?.[0]?.message).toMatch(/Did you mean/);
    const response = await production.graphql(`{ viewer { kinde } }`, {}, pharmacy.tokens.partnerRead);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).not.toMatch(/Did you mean|kind\b/);
  });

  it('does not suggest field names over WebSocket either', async () => {
    const subscriber = await connectSubscriber(production.wsUrl, pharmacy.tokens.partnerRead);
    try {
      const { errors } = await subscriber.subscribe(`subscription { inboxEvent { id } }`).next();
      expect(errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await subscriber.dispose();
    }
  });

  describe('enum values', () => {
    const literal = `{ conversations(first: 1, filter: { status: [OPENN] }) { totalCount } }`;
    const variable = `query ($filter: ConversationFilter) { conversations(first: 1, filter: $filter) { totalCount } }`;
    const misspelt = { filter: { status: ['OPENN'] } };
    const messagesOf = (errors: { message: string }[] | undefined) => (errors ?? []).map((error) => error.message);

    it('are suggested in development, so the checks below can fail', async () => {
      const fromLiteral = await gateway.graphql(literal, {}, pharmacy.tokens.partnerRead);
      const fromVariable = await gateway.graphql(variable, misspelt, pharmacy.tokens.partnerRead);
      expect(messagesOf(fromLiteral.errors).join()).toMatch(/Did you mean the enum value "OPEN"/);
      expect(messagesOf(fromVariable.errors).join()).toMatch(/Did you mean the enum value "OPEN"/);
    });

    it('are not suggested for a literal or a variable', async () => {
      const fromLiteral = await production.graphql(literal, {}, pharmacy.tokens.partnerRead);
      const fromVariable = await production.graphql(variable, misspelt, pharmacy.tokens.partnerRead);
      expect(fromLiteral.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(fromVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(messagesOf([...(fromLiteral.errors ?? []), ...(fromVariable.errors ?? [])])).not.toContainEqual(expect.stringMatching(/Did you mean|"OPEN"/));
    });

    it("are not suggested to anonymous callers of a trusted document's variables", async () => {
      const documents = JSON.parse(readFileSync('clients/dashboard/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
      const [hash] = Object.entries(documents).find(([, text]) => /query AuditLog\(\$actions: \[AuditAction!\]/.test(text))!;
      const response = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variables: { actions: ['SIGN_IN_FAILD'] }, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }),
      });
      const { errors } = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(messagesOf(errors)).not.toContainEqual(expect.stringMatching(/Did you mean|SIGN_IN_FAILED/));
    });

    it('are not suggested over WebSocket either', async () => {
      const subscriber = connectSubscriber(production.wsUrl, pharmacy.tokens.partnerRead);
      try {
        const fromLiteral = await subscriber.subscribe(literal).next();
        const fromVariable = await subscriber.subscribe(variable, misspelt).next();
        expect(fromLiteral.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        expect(fromVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(messagesOf([...(fromLiteral.errors ?? []), ...(fromVariable.errors ?? [])])).not.toContainEqual(expect.stringMatching(/Did you mean|"OPEN"/));
      } finally {
        await subscriber.dispose();
      }
    });
  });
});
