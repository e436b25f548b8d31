import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import WebSocket from 'ws';
import { createPharmacy, type PharmacyFixture } from '../../../support/fixtures.js';
import { connectSubscriber } from '../../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../../support/test-gateway.js';
import { DEFAULT_REALTIME_LIMITS, withoutIdentityLimits } from '../../../../gateway/server/websocket/realtime-limits.js';

/** A raw graphql-ws socket, for protocol steps a well-behaved client never takes. */
function rawSocket(url: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    socket.on('open', () => resolve());
    socket.on('error', reject);
  });
  return { socket, opened, closed };
}

describe('the graphql-ws endpoint', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  // Clients close even when an assertion fails, so later tests start with no sockets open.
  const cleanups: (() => Promise<void>)[] = [];
  const afterThisTest = (cleanup: () => Promise<void>) => cleanups.push(cleanup);
  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
  });

  beforeAll(async () => {
    // 50 sockets of one pharmacist at once below: the per-identity limit has its own tests (realtime-limits.test.ts).
    gateway = await startTestGateway({ config: { allowedOrigins: ['http://localhost:4000'], realtimeLimits: withoutIdentityLimits(DEFAULT_REALTIME_LIMITS) } });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'sockets');
  });
  afterAll(() => gateway.dispose());

  /**
   * Listeners for the gateway's whole life: the webhook worker's for "deliveries queued", the
   * staff sessions' for endings, and the socket server's for revoked chat tokens and API keys.
   */
  const LIFELONG_LISTENERS = 3;

  /** Closing is asynchronous on the server: wait (bounded) until no socket or listener of one is left. */
  async function settled() {
    const deadline = Date.now() + 5000;
    while ((gateway.realtime.bus.listenerCount > LIFELONG_LISTENERS || gateway.websockets.openSockets > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  describe('connecting', () => {
    it('accepts staff, customer and partner credentials in connection_init', async () => {
      for (const token of [pharmacy.tokens.pharmacist, pharmacy.tokens.customer, pharmacy.tokens.partnerRead]) {
        const subscriber = connectSubscriber(gateway.wsUrl, token);
        const events = subscriber.subscribe(`subscription { inboxEvents { id } }`);
        await events.expectNothing(100);
        await subscriber.dispose();
      }
    });

    it('closes with 4403 for a missing, malformed or forged credential', async () => {
      for (const token of [undefined, 'garbage', `${pharmacy.tokens.pharmacist.slice(0, -4)}AAAA`]) {
        const subscriber = connectSubscriber(gateway.wsUrl, token);
        expect(await subscriber.closed).toBe(4403);
      }
    });

    it('closes with 4408 when connection_init does not arrive in time', async () => {
      const { closed } = rawSocket(gateway.wsUrl);
      expect((await closed).code).toBe(4408);
    });

    it('closes with 4401 when a subscribe comes before the connection is acknowledged', async () => {
      const { socket, opened, closed } = rawSocket(gateway.wsUrl);
      await opened;
      socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: 'subscription { inboxEvents { id } }' } }));
      expect((await closed).code).toBe(4401);
    });

    it('refuses an upgrade from a web page on another origin', async () => {
      const { opened } = rawSocket(gateway.wsUrl, { origin: 'https://evil.example' });
      await expect(opened).rejects.toThrow(/403/);
      const { opened: allowed, socket } = rawSocket(gateway.wsUrl, { origin: 'http://localhost:4000' });
      await allowed;
      socket.close();
    });

    it('closes a socket that sends a message larger than 64 KiB, as the client\'s fault and not an internal error', async () => {
      const printed: unknown[][] = [];
      const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args));
      try {
        const { socket, opened, closed } = rawSocket(gateway.wsUrl);
        await opened;
        socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(70 * 1024) } }));
        expect((await closed).code).toBe(1009);
        // graphql-ws would have printed "Internal error emitted on a WebSocket socket" and closed with 1011.
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(printed).toEqual([]);
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('credentials that stop being valid', () => {
    it('closes the socket when the chat token expires', async () => {
      const { token } = await gateway.tokens.issueChatToken(
        { organizationId: pharmacy.organization.id, customerId: pharmacy.customers[0].id },
        2,
      );
      const subscriber = connectSubscriber(gateway.wsUrl, token);
      subscriber.subscribe(`subscription { inboxEvents { id } }`);
      const started = Date.now();
      expect(await subscriber.closed).toBe(4403);
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('closes the sockets of an API key as soon as it is revoked', async () => {
      const created = await gateway.graphql(
        `mutation { createApiKey(input: { name: "Short-lived", scopes: [CONVERSATIONS_READ] }) { apiKey { id } secret } }`,
        {},
        pharmacy.tokens.admin,
      );
      const { apiKey, secret } = created.data.createApiKey;
      const subscriber = connectSubscriber(gateway.wsUrl, secret);
      const events = subscriber.subscribe(`subscription { inboxEvents { id } }`);
      await events.expectNothing(100);
      await gateway.graphql(`mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, pharmacy.tokens.admin);
      expect(await subscriber.closed).toBe(4403);
    });
  });

  describe('shutting down', () => {
    it('closes open sockets with 1001, a code clients reconnect on', async () => {
      const instance = await startTestGateway({ sharing: gateway });
      const subscriber = connectSubscriber(instance.wsUrl, pharmacy.tokens.pharmacist);
      await subscriber.subscribe(`subscription { inboxEvents { id } }`).expectNothing(100);
      await instance.dispose();
      expect(await subscriber.closed).toBe(1001);
      expect(instance.realtime.bus.listenerCount).toBe(0);
    });
  });

  describe('operations', () => {
    it('validates subscription documents like HTTP requests and masks errors the same way', async () => {
      const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
      afterThisTest(() => subscriber.dispose());
      const unknownField = await subscriber.subscribe(`subscription { inboxEvents { nope } }`).next();
      expect(unknownField.errors?.[0]?.message).toMatch(/Cannot query field "nope"/);
      expect(unknownField.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const unparsable = await subscriber.subscribe(`subscription { inboxEvents {`).next();
      expect(unparsable.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
      const malformedId = await subscriber.subscribe(`subscription { conversationEvents(conversationId: "x") { kind } }`).next();
      expect(malformedId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const missing = await subscriber
        .subscribe(`subscription { conversationEvents(conversationId: "00000000-0000-4000-8000-000000000000") { kind } }`)
        .next();
      expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const wrongVariable = await subscriber
        .subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id) { kind } }`, { id: { not: 'an id' } })
        .next();
      expect(wrongVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify([unknownField, unparsable, malformedId, missing, wrongVariable])).not.toMatch(/stack|QueryFailedError/);
      // None of that cost the socket: it still serves.
      await subscriber.subscribe(`subscription { inboxEvents { id } }`).expectNothing(50);
      expect(gateway.websockets.openSockets).toBe(1);
    });

    it('releases every listener after 1,000 connect, subscribe and drop cycles', async () => {
      await settled();
      const baseline = gateway.realtime.bus.listenerCount;
      expect(baseline).toBe(LIFELONG_LISTENERS);
      const { id: conversationId } = (
        await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)
      ).data.startConversation;
      for (let batch = 0; batch < 20; batch += 1) {
        await Promise.all(
          Array.from({ length: 50 }, async () => {
            const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.pharmacist);
            subscriber.subscribe(`subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { kind } }`, { id: conversationId });
            subscriber.subscribe(`subscription ($id: ID!) { typing(conversationId: $id) { typing } }`, { id: conversationId });
            subscriber.subscribe(`subscription { inboxEvents { id } }`);
            await new Promise((resolve) => setTimeout(resolve, 5));
            await subscriber.dispose();
          }),
        );
      }
      await settled();
      expect(gateway.websockets.openSockets).toBe(0);
      expect(gateway.realtime.bus.listenerCount).toBe(baseline);
      expect((gateway.realtime.presence as unknown as { size: number }).size).toBe(0);
    }, 60_000);
  });
});
