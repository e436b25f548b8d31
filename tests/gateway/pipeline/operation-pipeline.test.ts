import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultRateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';
import { ApiKeyScope } from '../../../entities/api-key.entity.js';
import { apiKeyWith, createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { openProtocolSocket, type ProtocolSocket } from '../../support/protocol-socket.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * The operation pipeline's promise: a rule holds on both transports, with the same code.
 * Each case runs once over HTTP and once over WebSocket; a rule added to one transport
 * only would fail its row here.
 */
type Credential = keyof PharmacyFixture['tokens'] | 'customersOnly';
type Tokens = Record<Credential, string>;

interface Case {
  rule: string;
  query: string;
  variables?: Record<string, unknown>;
  as: Credential;
  code: string;
}

const manyAliases = `{ ${Array.from({ length: 21 }, (_, i) => `a${i}: viewer { kind }`).join(' ')} }`;

const DEVELOPMENT_CASES: Case[] = [
  { rule: 'a syntax error fails the operation alone', query: '{ viewer { kind ', as: 'admin', code: 'GRAPHQL_PARSE_FAILED' },
  { rule: 'an unknown field fails validation', query: '{ viewer { nope } }', as: 'admin', code: 'GRAPHQL_VALIDATION_FAILED' },
  { rule: 'the operation limits refuse too many aliases', query: manyAliases, as: 'admin', code: 'GRAPHQL_VALIDATION_FAILED' },
  {
    rule: 'a variable of the wrong type is the caller’s input',
    query: 'query ($first: Int!) { conversations(first: $first) { totalCount } }',
    variables: { first: 'many' },
    as: 'admin',
    code: 'BAD_USER_INPUT',
  },
  { rule: 'an API key without the scope is refused by name', query: '{ conversations(first: 1) { totalCount } }', as: 'customersOnly', code: 'FORBIDDEN' },
];

const PRODUCTION_CASES: Case[] = [
  { rule: 'a hand-written document from an app’s credential is refused', query: '{ viewer { kind } }', as: 'admin', code: 'BAD_REQUEST' },
  { rule: 'introspection is off, even for a partner', query: '{ __schema { types { name } } }', as: 'partnerRead', code: 'GRAPHQL_VALIDATION_FAILED' },
];

async function overHttp(gateway: TestGateway, tokens: Tokens, { query, variables, as }: Case): Promise<string | undefined> {
  const response = await gateway.graphql(query, variables, tokens[as]);
  return response.errors?.[0]?.extensions?.code;
}

async function overWebSocket(gateway: TestGateway, tokens: Tokens, { query, variables, as }: Case): Promise<string | undefined> {
  const socket = openProtocolSocket(gateway.wsUrl, tokens[as]);
  try {
    await socket.acknowledged;
    socket.subscribe('1', query, variables);
    await socket.waitFor('the operation to end', () => socket.messagesOf('1').some((message) => message.type !== 'next'));
    return socket.errorCodes().get('1');
  } finally {
    await socket.close();
  }
}

describe.each([
  ['development', DEVELOPMENT_CASES, false],
  ['production', PRODUCTION_CASES, true],
] as const)('the operation pipeline in %s', (_mode, cases, production) => {
  let gateway: TestGateway;
  let tokens: Tokens;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: { production } });
    const pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, `pipeline-${production ? 'prod' : 'dev'}`);
    tokens = { ...pharmacy.tokens, customersOnly: await apiKeyWith(gateway.dataSource, pharmacy.organization.id, [ApiKeyScope.CUSTOMERS_READ]) };
  });
  afterAll(() => gateway.dispose());

  it.each(cases)('$rule: $code over HTTP and WebSocket', async (testCase) => {
    expect(await overHttp(gateway, tokens, testCase)).toBe(testCase.code);
    expect(await overWebSocket(gateway, tokens, testCase)).toBe(testCase.code);
  });
});

describe('the operation pipeline across transports', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  const sockets: ProtocolSocket[] = [];
  beforeAll(async () => {
    gateway = await startTestGateway({ config: { rateLimits: { ...defaultRateLimitRules, requestsPerApiKey: { points: 4, durationSeconds: 60 } } } });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'pipeline-across');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.close()));
    await gateway.dispose();
  });

  it("counts an API key's operations on both transports against one limit", async () => {
    const query = '{ conversations(first: 1) { totalCount } }';
    for (let i = 0; i < 2; i++) expect((await gateway.graphql(query, {}, pharmacy.tokens.partnerRead)).errors).toBeUndefined();
    const socket = openProtocolSocket(gateway.wsUrl, pharmacy.tokens.partnerRead);
    sockets.push(socket);
    await socket.acknowledged;
    for (const id of ['1', '2', '3']) socket.subscribe(id, query);
    await socket.waitFor('three answers', () => ['1', '2', '3'].every((id) => socket.messagesOf(id).some((message) => message.type !== 'next')));
    expect(['1', '2', '3'].map((id) => socket.errorCodes().get(id))).toEqual([undefined, undefined, 'RATE_LIMITED']);
    const http = await gateway.graphql(query, {}, pharmacy.tokens.partnerRead);
    expect(http.status).toBe(429);
    expect(http.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('refuses a subscription before it listens when the viewer lacks its permission', async () => {
    const socket = openProtocolSocket(gateway.wsUrl, await apiKeyWith(gateway.dataSource, pharmacy.organization.id, [ApiKeyScope.CUSTOMERS_READ]));
    sockets.push(socket);
    await socket.acknowledged;
    socket.subscribe('inbox', 'subscription { inboxEvents { id } }');
    await socket.waitFor('the refusal', () => socket.messagesOf('inbox').some((message) => message.type !== 'next'));
    expect(socket.errorCodes().get('inbox')).toBe('FORBIDDEN');
    // It ended: nothing listens for this key's inbox.
    expect(socket.messagesOf('inbox').at(-1)?.type).toBe('complete');
  });
});
