import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type ReceivedEvents, type TestSubscriber } from '../../support/subscription-client.js';
import { quietSessions, startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';
import { quietStatementCount } from '../../support/quiet-statements.js';

/** The dashboard's thread: the sender as ActorFields, attachments with their signed links, reactions. */
const THREAD = `subscription ($id: ID!) {
  conversationEvents(conversationId: $id, afterSequence: 0) {
    kind
    message {
      id sequence body createdAt
      sender { __typename ... on Customer { id name } ... on StaffMember { id name } ... on PartnerApp { id name } }
      attachments { id fileName url thumbnailUrl }
      reactions { emoji }
    }
  }
}`;

/** The inbox rows' last-message preview (and the dashboard's label chips), as the dashboard and the widget select them. */
const INBOX = `subscription {
  inboxEvents {
    id lastSequence labels { id name colour }
    lastMessage { id sequence body deletedAt kind attachments { id } sender { __typename ... on StaffMember { id } ... on Customer { id name } } }
  }
}`;

/**
 * What one more subscriber costs the database per live event. The event carries what the
 * fields above need (the sender's name, attachments' metadata, a new message's reactions,
 * the inbox row's last message), so N subscribers cost what one does.
 */
describe('SQL statements per live event', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let conversationId: string;
  const subscribers: TestSubscriber[] = [];

  const settled = () => quietStatementCount(gateway.queries);

  const send = (body: string, token = pharmacy.tokens.customer) =>
    gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      token,
    );

  async function subscribe(count: number, document: string, tokens: string[] = []): Promise<ReceivedEvents[]> {
    return [...Array.from({ length: count }, () => pharmacy.tokens.pharmacist), ...tokens].map((token) => {
      const subscriber = connectSubscriber(gateway.wsUrl, token);
      subscribers.push(subscriber);
      return subscriber.subscribe(document, { id: conversationId });
    });
  }

  /** Statements from a customer's send until every subscriber has the event and the gateway is quiet. */
  async function statementsForOneSend(streams: ReceivedEvents[], body: string, senderToken?: string): Promise<number> {
    const before = await settled();
    const sent = await send(body, senderToken);
    expect(sent.errors).toBeUndefined();
    for (const stream of streams) {
      const event = await stream.next();
      expect(event.errors).toBeUndefined();
    }
    return (await settled()) - before;
  }

  beforeAll(async () => {
    // Quiet sessions: the pharmacists' session activity, written every 20 s, landed inside a count by chance.
    gateway = await startTestGateway({ config: withoutBackgroundWork, sessions: quietSessions });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'live-statements');
    const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Counted" }) { id } }`, {}, pharmacy.tokens.customer);
    conversationId = started.data.startConversation.id;
    await send('The first message, which every subscription replays');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  async function threadStatements(count: number, document = THREAD, tokens: string[] = [], senderToken?: string): Promise<number> {
    const streams = await subscribe(count, document, tokens);
    // The replay of message 1 says each subscription is live.
    for (const stream of streams) expect((await stream.next()).data.conversationEvents.message.sequence).toBe(1);
    const statements = await statementsForOneSend(streams, `Sent to ${count}`, senderToken);
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
    return statements;
  }

  it('resolves a new message for 6 subscribers with the statements it takes for 1: no per-subscriber sender, attachments or reactions', async () => {
    const forOne = await threadStatements(1);
    const forSix = await threadStatements(6);
    expect(forSix).toBe(forOne);
  });

  it("serves a staff sender's `active` (the dashboard marks former staff) from the event: no statement for it", async () => {
    const dashboard = THREAD.replace('... on StaffMember { id name }', '... on StaffMember { id name active }');
    const admin = pharmacy.tokens.admin;
    // Twice each: the first send of a sender looks it up for the event (then remembered, sender-names.ts).
    await threadStatements(1, THREAD, [], admin);
    expect(await threadStatements(3, dashboard, [], admin)).toBe(await threadStatements(3, THREAD, [], admin));
  });

  it('loads what the event does not carry once per group of equal subscribers, and once more for another viewer class', async () => {
    const withPhone = THREAD.replace('... on Customer { id name }', '... on Customer { id name phone }');
    const forOne = await threadStatements(1, withPhone);
    const forSix = await threadStatements(6, withPhone);
    // The customer's row (the event has the name, not the phone number), once for six pharmacists:
    // the same document and viewer class resolve an event alike (gateway/pipeline/event-multiplexer.ts).
    expect(forSix).toBe(forOne);
    // An admin's permissions differ: the admin's result is resolved on its own.
    const withAdmin = await threadStatements(6, withPhone, [pharmacy.tokens.admin]);
    expect(withAdmin - forOne).toBe(1);
  });

  it('replays 20 missed messages with the statements it takes to replay 2', async () => {
    const replayStatements = async (count: number) => {
      const started = await gateway.graphql(`mutation { startConversation(input: { subject: "Missed" }) { id } }`, {}, pharmacy.tokens.customer);
      conversationId = started.data.startConversation.id;
      for (let index = 0; index < count; index += 1) await send(`Missed ${index}`);
      const before = await settled();
      const [stream] = await subscribe(1, THREAD);
      for (let index = 0; index < count; index += 1) expect((await stream!.next()).data.conversationEvents.message.sequence).toBe(index + 1);
      const statements = (await settled()) - before;
      await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
      return statements;
    };
    expect(await replayStatements(20)).toBe(await replayStatements(2));
  });

  it("costs no statement for the delivery of a web thread's messages (they have none), replayed or new", async () => {
    const replayAndSendStatements = async (document: string) => {
      const started = await gateway.graphql(`mutation { startConversation(input: { subject: "No channel" }) { id } }`, {}, pharmacy.tokens.customer);
      conversationId = started.data.startConversation.id;
      await send('Replayed');
      const before = await settled();
      const [stream] = await subscribe(1, document);
      expect((await stream!.next()).data.conversationEvents.message).toMatchObject({ sequence: 1 });
      await send('Live');
      expect((await stream!.next()).data.conversationEvents.message).toMatchObject({ sequence: 2 });
      const statements = (await settled()) - before;
      await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
      return statements;
    };
    const withDelivery = THREAD.replace('reactions { emoji }', 'reactions { emoji } delivery { state }');
    expect(await replayAndSendStatements(withDelivery)).toBe(await replayAndSendStatements(THREAD));
  });

  it("resolves the inbox row's last message for 6 subscribers with the statements it takes for 1", async () => {
    const inboxStatements = async (count: number) => {
      const streams = await subscribe(count, INBOX);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Each socket records its first read of the conversation in the audit log (once per socket): not counted.
      await statementsForOneSend(streams, `Warming ${count}`);
      const statements = await statementsForOneSend(streams, `Counted for ${count}`);
      await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
      return statements;
    };
    const forOne = await inboxStatements(1);
    const forSix = await inboxStatements(6);
    expect(forSix).toBe(forOne);
  });
});
