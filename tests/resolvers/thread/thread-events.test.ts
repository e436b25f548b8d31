import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

const THREAD = `subscription ($id: ID!) {
  conversationEvents(conversationId: $id, afterSequence: 0) {
    message { body sender { __typename ... on Customer { id name } ... on StaffMember { id name } } }
  }
}`;

describe("a new message's sender in its event", () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let conversationId: string;
  let subscriber: TestSubscriber;

  /** Statements that mention the staff table while `work` runs: the name lookups. */
  async function staffLookupsDuring(work: () => Promise<unknown>): Promise<number> {
    const counter = gateway.queries as unknown as { logQuery: (query: string, ...rest: unknown[]) => void };
    const original = counter.logQuery;
    let lookups = 0;
    counter.logQuery = function (query: string, ...rest: unknown[]) {
      if (/FROM "staff_user"/.test(query)) lookups += 1;
      return original.call(this, query, ...rest);
    };
    try {
      await work();
    } finally {
      counter.logQuery = original;
    }
    return lookups;
  }

  const send = (body: string) =>
    gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.pharmacist,
    );

  beforeAll(async () => {
    gateway = await startTestGateway({ config: withoutBackgroundWork });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'thread-events');
    const started = await gateway.graphql(
      `mutation ($c: ID!) { startConversation(input: { customerId: $c }) { id } }`,
      { c: pharmacy.customers[0].id },
      pharmacy.tokens.pharmacist,
    );
    conversationId = started.data.startConversation.id;
    subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.admin);
  });
  afterAll(async () => {
    await subscriber.dispose();
    await gateway.dispose();
  });

  it('is looked up for a first send and known for the next, and both events name the sender', async () => {
    const events = subscriber.subscribe(THREAD, { id: conversationId });
    const received: unknown[] = [];
    const sendAndReceive = (body: string) => send(body).then(async () => received.push((await events.next()).data.conversationEvents.message));
    // The first send's window also holds the subscription's set-up: at least the sender's lookup.
    expect(await staffLookupsDuring(() => sendAndReceive('first'))).toBeGreaterThanOrEqual(1);
    expect(await staffLookupsDuring(() => sendAndReceive('second'))).toBe(0);
    const sender = { __typename: 'StaffMember', id: pharmacy.pharmacist.id, name: pharmacy.pharmacist.name };
    expect(received).toEqual([
      { body: 'first', sender },
      { body: 'second', sender },
    ]);
  });
});
