import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultRateLimitRules, type RateLimitRules } from '../../../gateway/rate-limits/rate-limits.js';
import { createPharmacy, FIXTURE_PASSWORD, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { sendWithFiles } from '../../support/multipart-request.js';
import { png } from '../../fixtures/sample-files.js';
import { startTestGateway, testRedisUrl, type TestGateway } from '../../support/test-gateway.js';

const RULES: RateLimitRules = {
  ...defaultRateLimitRules,
  messagesPerViewer: { points: 3, durationSeconds: 60 },
  uploadsPerViewer: { points: 2, durationSeconds: 60 },
  signInsPerIp: { points: 8, durationSeconds: 60 },
  signInFailuresPerEmailAndIp: { points: 2, durationSeconds: 60 },
  requestsPerApiKey: { points: 5, durationSeconds: 60 },
};

const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

async function newConversation(): Promise<string> {
  const started = await gateway.graphql(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Limits" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacy.tokens.admin,
  );
  return started.data.startConversation.id;
}

beforeAll(async () => {
  gateway = await startTestGateway({ config: { rateLimits: RULES } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'limits');
});
afterAll(async () => {
  await gateway.dispose();
});

describe('rate limits', () => {
  it('limits messages per sender, with the wait in retryAfter, and leaves other senders alone', async () => {
    const conversationId = await newConversation();
    const send = (token: string) => gateway.graphql(SEND, { input: { conversationId, body: 'Hello', clientMessageId: nextClientMessageId() } }, token);
    for (let index = 0; index < 3; index += 1) expect((await send(pharmacy.tokens.pharmacist)).errors).toBeUndefined();
    const limited = await send(pharmacy.tokens.pharmacist);
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(limited.errors?.[0]?.extensions?.retryAfter).toEqual(expect.any(Number));
    expect(limited.errors![0]!.extensions!.retryAfter as number).toBeGreaterThan(0);
    expect((await send(pharmacy.tokens.admin)).errors).toBeUndefined();
  });

  it('weighs uploads by their number of files and stores none of a refused message', async () => {
    const conversationId = await newConversation();
    const before = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM attachment`);
    const image = await png();
    const files = [0, 1, 2].map((index) => ({ name: `photo-${index}.png`, type: 'image/png', data: image }));
    const response = await sendWithFiles(gateway.url, pharmacy.tokens.customer, { conversationId, body: '', clientMessageId: nextClientMessageId() }, files);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const after = await gateway.dataSource.query(`SELECT count(*)::int AS n FROM attachment`);
    expect(after[0].n).toBe(before[0].n);
  });

  it('counts failed sign-ins per address and IP, answering known and unknown addresses alike', async () => {
    const known = pharmacy.pharmacist.email;
    const unknown = `nobody-${randomUUID()}@limits.test`;
    const answers: string[] = [];
    for (const email of [known, unknown]) {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const failed = await gateway.graphql(SIGN_IN, { email, password: 'wrong password' });
        expect(failed.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      }
      const limited = await gateway.graphql(SIGN_IN, { email, password: 'wrong password' });
      expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      answers.push(limited.errors![0]!.message);
      if (email === known) {
        // From the same IP, even the right password waits (another IP does not: sign-in-throttle.test.ts).
        // Asked at once: the wait is 2 s by now, which a slow machine's next sign-ins could outlast.
        const right = await gateway.graphql(SIGN_IN, { email: known, password: FIXTURE_PASSWORD });
        expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      }
    }
    expect(answers[0]).toBe(answers[1]);
  });

  it('refuses a partner key over its request allowance with HTTP 429', async () => {
    const key = await gateway.graphql(
      `mutation { createApiKey(input: { name: "Busy", scopes: [CONVERSATIONS_READ] }) { secret } }`,
      {},
      pharmacy.tokens.admin,
    );
    const secret = key.data.createApiKey.secret;
    for (let index = 0; index < 5; index += 1) expect((await gateway.graphql(`{ viewer { kind } }`, {}, secret)).status).toBe(200);
    const limited = await gateway.graphql(`{ viewer { kind } }`, {}, secret);
    expect(limited.status).toBe(429);
    expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  });
});

describe('rate limits across instances', () => {
  it('shares allowances through Redis, so a second instance does not double them', async () => {
    const slug = `limits-${randomUUID().slice(0, 8)}`;
    const first = await startTestGateway({ redisUrl: testRedisUrl(), config: { rateLimits: RULES, redisUrl: testRedisUrl() } });
    const second = await startTestGateway({ sharing: first, redisUrl: testRedisUrl(), config: { rateLimits: RULES, redisUrl: testRedisUrl() } });
    try {
      const shared = await createPharmacy(first.dataSource, first.tokens, slug);
      const started = await first.graphql(
        `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Shared" }) { id } }`,
        { customerId: shared.customers[0].id },
        shared.tokens.admin,
      );
      const conversationId = started.data.startConversation.id;
      const send = (instance: TestGateway) =>
        instance.graphql(SEND, { input: { conversationId, body: 'Hi', clientMessageId: nextClientMessageId() } }, shared.tokens.pharmacist);
      const codes = [];
      for (const instance of [first, second, first, second]) codes.push((await send(instance)).errors?.[0]?.extensions?.code ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
    } finally {
      await second.dispose();
      await first.dispose();
    }
  });
});
