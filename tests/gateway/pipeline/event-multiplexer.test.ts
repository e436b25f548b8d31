import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeyScope } from '../../../entities/api-key.entity.js';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { apiKeyWith, createPharmacy, nextClientMessageId, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type ReceivedEvents, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitFor } from '../../support/wait-for.js';
import type { ExecutionResult } from 'graphql';
import type { ConversationReads } from '../../../gateway/audit/recorded-reads.js';
import type { RequestContext } from '../../../gateway/context/request-context.js';
import { EventMultiplexer } from '../../../gateway/pipeline/event-multiplexer.js';

/** The sender's contact details: not in the event, loaded once per group, guarded by customers:read. */
const WITH_CONTACT = `subscription ($id: ID!, $after: Int) {
  conversationEvents(conversationId: $id, afterSequence: $after) {
    kind
    message { sequence body sender { __typename ... on Customer { id name phone } } }
  }
}`;
const UNREAD = `subscription { inboxEvents { id lastSequence unreadCount } }`;
const INBOX_TEXT = `subscription { inboxEvents { id lastMessage { sequence body } } }`;

/** A subscriber's context as the multiplexer sees it: event contexts, and the socket's read audit. */
function subscriberContext(name: string) {
  const audited: string[] = [];
  const readAudit: ConversationReads = { conversationRead: (conversationId) => void audited.push(conversationId) };
  const context = {
    readAudit,
    forEvent: (reads: ConversationReads = readAudit) => ({ subscriber: name, reads }),
  } as unknown as RequestContext;
  return { context, audited };
}

/** Executes like the pipeline would: records a read through the context it is given, answers `answer`. */
function executor(answer: (subscriber: string) => ExecutionResult, runs: string[]) {
  return (contextValue: unknown) => {
    const { subscriber, reads } = contextValue as { subscriber: string; reads: ConversationReads };
    runs.push(subscriber);
    reads.conversationRead('conversation-1');
    return Promise.resolve(answer(subscriber));
  };
}

describe('EventMultiplexer', () => {
  it('executes an event once per group, and each member replays the reads into its own audit', async () => {
    const multiplexer = new EventMultiplexer();
    const [alice, bob, carol] = ['alice', 'bob', 'carol'].map(subscriberContext);
    const runs: string[] = [];
    const execute = executor((subscriber) => ({ data: { by: subscriber } }), runs);
    const event = {};
    const results = await Promise.all([
      multiplexer.executionFor('group-1', alice!.context)(event, execute),
      multiplexer.executionFor('group-1', bob!.context)(event, execute),
      multiplexer.executionFor('group-2', carol!.context)(event, execute),
    ]);
    expect(runs).toEqual(['alice', 'carol']);
    expect(results.map((result) => result.data)).toEqual([{ by: 'alice' }, { by: 'alice' }, { by: 'carol' }]);
    for (const subscriber of [alice, bob, carol]) expect(subscriber!.audited).toEqual(['conversation-1']);
    expect(multiplexer.stats).toEqual({ executed: 2, shared: 1 });
  });

  it('executes each event anew', async () => {
    const multiplexer = new EventMultiplexer();
    const alice = subscriberContext('alice');
    const runs: string[] = [];
    const execution = multiplexer.executionFor('group-1', alice.context);
    await execution({}, executor(() => ({ data: {} }), runs));
    await execution({}, executor(() => ({ data: {} }), runs));
    expect(runs).toEqual(['alice', 'alice']);
  });

  it('shares no result with errors: every other member executes the event itself', async () => {
    const multiplexer = new EventMultiplexer();
    const [alice, bob] = ['alice', 'bob'].map(subscriberContext);
    const runs: string[] = [];
    const execute = executor((subscriber) => (subscriber === 'alice' ? { data: { secret: 'alice’s' }, errors: [new Error('failed for alice') as never] } : { data: { by: subscriber } }), runs);
    const event = {};
    const [forAlice, forBob] = await Promise.all([
      multiplexer.executionFor('group-1', alice!.context)(event, execute),
      multiplexer.executionFor('group-1', bob!.context)(event, execute),
    ]);
    expect(runs).toEqual(['alice', 'bob']);
    expect(forAlice.errors).toHaveLength(1);
    expect(forBob).toEqual({ data: { by: 'bob' } });
    expect(bob!.audited).toEqual(['conversation-1']);
  });

  it('lets the others execute for themselves when the shared execution throws', async () => {
    const multiplexer = new EventMultiplexer();
    const [alice, bob] = ['alice', 'bob'].map(subscriberContext);
    const event = {};
    const failing = multiplexer.executionFor('group-1', alice!.context)(event, () => Promise.reject(new Error('boom')));
    const own = multiplexer.executionFor('group-1', bob!.context)(event, () => ({ data: { by: 'bob' } }));
    await expect(failing).rejects.toThrow('boom');
    expect(await own).toEqual({ data: { by: 'bob' } });
  });
});

/**
 * A live event is resolved once per group of equal subscribers on an instance
 * (gateway/pipeline/event-multiplexer.ts): what one subscriber receives must still be exactly
 * what it would have received alone.
 */
describe('live events resolved once per group of subscribers', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  /** A second pharmacist: the same viewer class as the fixture's, another person. */
  let colleague: { id: string; token: string };
  const subscribers: TestSubscriber[] = [];
  const connect = (token: string) => {
    const subscriber = connectSubscriber(gateway.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };
  const startThread = async () =>
    (await gateway.graphql(`mutation { startConversation(input: { subject: "Grouped" }) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation
      .id as string;
  const send = async (conversationId: string, body: string) => {
    const sent = await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { sequence } }`,
      { input: { conversationId, body, clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.customer,
    );
    expect(sent.errors).toBeUndefined();
    return sent.data.sendMessage.sequence as number;
  };
  /** Subscribes, and waits for the replay of the thread's first message: the stream is live. */
  const live = async (token: string, conversationId: string): Promise<ReceivedEvents> => {
    const events = connect(token).subscribe(WITH_CONTACT, { id: conversationId, after: 0 });
    expect((await events.next()).data.conversationEvents.message.sequence).toBe(1);
    return events;
  };

  beforeAll(async () => {
    gateway = await startTestGateway();
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'multiplexed');
    const staff = await gateway.dataSource.manager.save(
      gateway.dataSource.manager.create(StaffUser, {
        organizationId: pharmacy.organization.id,
        email: 'colleague@multiplexed.test',
        name: 'Colleague multiplexed',
        role: StaffRole.PHARMACIST,
        passwordHash: 'not used',
      }),
    );
    colleague = { id: staff.id, token: await staffSessionToken(gateway.dataSource, gateway.tokens, staff) };
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('gives a key without customers:read null contact details and FORBIDDEN, and staff the details, on the same event', async () => {
    const conversationId = await startThread();
    await send(conversationId, 'First');
    const withoutCustomers = await apiKeyWith(gateway.dataSource, pharmacy.organization.id, [ApiKeyScope.CONVERSATIONS_READ]);
    // Staff subscribe first: their streams hear the event, and resolve it, before the keys'.
    const staff = await live(pharmacy.tokens.pharmacist, conversationId);
    const admin = await live(pharmacy.tokens.admin, conversationId);
    const keyFirst = await live(withoutCustomers, conversationId);
    const partnerWithCustomers = await live(pharmacy.tokens.partnerRead, conversationId);
    const keyLast = await live(withoutCustomers, conversationId);

    await send(conversationId, 'Second');
    const phone = pharmacy.customers[0].phone;
    for (const events of [staff, admin, partnerWithCustomers]) {
      const event = await events.next();
      expect(event.errors).toBeUndefined();
      expect(event.data.conversationEvents.message).toMatchObject({ sequence: 2, body: 'Second', sender: { __typename: 'Customer', phone } });
    }
    for (const events of [keyFirst, keyLast]) {
      const event = await events.next();
      expect(event.data.conversationEvents.message).toMatchObject({ sequence: 2, body: 'Second', sender: { __typename: 'Customer', phone: null } });
      expect(event.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    }
  });

  it("resolves each viewer's own unreadCount, for viewers of one class on one event", async () => {
    const conversationId = await startThread();
    await send(conversationId, 'One');
    const two = await send(conversationId, 'Two');
    // The pharmacist has read both; the colleague nothing.
    const read = await gateway.graphql(
      `mutation ($input: MarkConversationReadInput!) { markConversationRead(input: $input) { id } }`,
      { input: { conversationId, sequence: two } },
      pharmacy.tokens.pharmacist,
    );
    expect(read.errors).toBeUndefined();
    const listeners = gateway.realtime.bus.listenerCount;
    const mine = connect(pharmacy.tokens.pharmacist).subscribe(UNREAD);
    const theirs = connect(colleague.token).subscribe(UNREAD);
    const mineAgain = connect(pharmacy.tokens.pharmacist).subscribe(UNREAD);
    await waitFor('three inbox subscriptions', () => gateway.realtime.bus.listenerCount === listeners + 3);
    await new Promise((resolve) => setTimeout(resolve, 100));

    const three = await send(conversationId, 'Three');
    const rowOf = async (events: ReceivedEvents) => {
      for (;;) {
        const event = await events.next();
        expect(event.errors).toBeUndefined();
        const row = event.data.inboxEvents;
        if (row.id === conversationId && row.lastSequence === three) return row;
      }
    };
    expect((await rowOf(mine)).unreadCount).toBe(1);
    expect((await rowOf(mineAgain)).unreadCount).toBe(1);
    expect((await rowOf(theirs)).unreadCount).toBe(3);
  });

  it("sends each socket its group's live events from the fan-out, in order and once each, after its replay", async () => {
    const conversationId = await startThread();
    await send(conversationId, 'First');
    const before = gateway.websockets.fanOut;
    const sockets = [await live(pharmacy.tokens.pharmacist, conversationId), await live(colleague.token, conversationId), await live(pharmacy.tokens.admin, conversationId)];
    const bodies = ['Two', 'Three', 'Four', 'Five', 'Six'];
    for (const body of bodies) await send(conversationId, body);
    for (const events of sockets) {
      for (const [index, body] of bodies.entries()) {
        const event = await events.next();
        expect(event.errors).toBeUndefined();
        expect(event.data.conversationEvents.message).toMatchObject({ sequence: index + 2, body });
      }
      await events.expectNothing();
    }
    // Sent from the group's fan-out, not pulled one by one: 5 events, each to the 2 staff of one class (the admin's is another).
    const after = gateway.websockets.fanOut;
    expect(after.deliveries - before.deliveries).toBe(15);
    expect(after.events - before.events).toBe(10);
  });

  it('stops a subscriber that completes or whose socket closes, and keeps delivering to the rest of its group', async () => {
    const conversationId = await startThread();
    await send(conversationId, 'First');
    const listeners = gateway.realtime.bus.listenerCount;
    const staying = await live(pharmacy.tokens.pharmacist, conversationId);
    const completing = await live(pharmacy.tokens.pharmacist, conversationId);
    const closingSocket = connect(pharmacy.tokens.pharmacist);
    const closing = closingSocket.subscribe(WITH_CONTACT, { id: conversationId, after: 0 });
    expect((await closing.next()).data.conversationEvents.message.sequence).toBe(1);
    expect(gateway.realtime.bus.listenerCount - listeners).toBe(3);

    completing.stop();
    await closingSocket.dispose();
    await waitFor('both to stop listening', () => gateway.realtime.bus.listenerCount === listeners + 1);
    await send(conversationId, 'Second');
    expect((await staying.next()).data.conversationEvents.message).toMatchObject({ sequence: 2, body: 'Second' });
    await completing.expectNothing();
    await closing.expectNothing();
  });

  it('records the read in the audit log of every socket that received a shared result', async () => {
    const conversationId = await startThread();
    const listeners = gateway.realtime.bus.listenerCount;
    const first = connect(pharmacy.tokens.pharmacist).subscribe(INBOX_TEXT);
    const second = connect(pharmacy.tokens.pharmacist).subscribe(INBOX_TEXT);
    await waitFor('two inbox subscriptions', () => gateway.realtime.bus.listenerCount === listeners + 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send(conversationId, 'Read by two sockets');
    for (const events of [first, second]) {
      for (;;) {
        const row = (await events.next()).data.inboxEvents;
        if (row.id === conversationId && row.lastMessage?.body === 'Read by two sockets') break;
      }
    }
    const reads = async () =>
      Number(
        (
          await gateway.dataSource.query(`SELECT count(*) AS reads FROM audit_event WHERE action = 'MESSAGES_READ' AND object_id = $1 AND actor_id = $2`, [
            conversationId,
            pharmacy.pharmacist.id,
          ])
        )[0].reads,
      );
    await waitFor('a read per socket', async () => (await reads()) >= 2, 5000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await reads()).toBe(2);
  });
});
