import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Conversation } from '../../../entities/conversation.entity.js';
import { ActorType } from '../../../entities/actor-type.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const EVENTS = `subscription ($id: ID!, $after: Int) {
  conversationEvents(conversationId: $id, afterSequence: $after) {
    kind conversationId
    message { id sequence body deletedAt sender { __typename } reactions { emoji } }
    read { sequence reader { __typename ... on StaffMember { id } } }
  }
}`;
const SEND = `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sequence } }`;

describe('conversation events', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];
  const connect = (token: string) => {
    const subscriber = connectSubscriber(gateway.wsUrl, token);
    subscribers.push(subscriber);
    return subscriber;
  };
  const startThread = async (subject: string) =>
    (await gateway.graphql(`mutation ($s: String) { startConversation(input: { subject: $s }) { id } }`, { s: subject }, north.tokens.customer)).data
      .startConversation.id as string;
  const send = (token: string, conversationId: string, body: string, clientMessageId = nextClientMessageId()) =>
    gateway.graphql(SEND, { input: { conversationId, body, clientMessageId } }, token);

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-live');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-live');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  it('delivers a new message to the customer and to staff, with sender and sequence', async () => {
    const conversationId = await startThread('Delivery');
    const staffEvents = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 0 });
    const customerEvents = connect(north.tokens.customer).subscribe(EVENTS, { id: conversationId, after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await send(north.tokens.customer, conversationId, 'Is my prescription ready?');
    for (const events of [staffEvents, customerEvents]) {
      const event = await events.next();
      expect(event.data.conversationEvents).toMatchObject({
        kind: 'MESSAGE_ADDED',
        conversationId,
        message: { sequence: 1, body: 'Is my prescription ready?', sender: { __typename: 'Customer' } },
      });
    }
  });

  it('refuses another pharmacy’s staff and another customer with NOT_FOUND, and they receive nothing', async () => {
    const conversationId = await startThread('Private');
    for (const token of [south.tokens.pharmacist, south.tokens.partnerRead, north.tokens.otherCustomer]) {
      const events = connect(token).subscribe(EVENTS, { id: conversationId });
      const refused = await events.next();
      expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    await send(north.tokens.customer, conversationId, 'Only for my pharmacy');
  });

  it('sends edits, deletions, reaction changes and read receipts', async () => {
    const conversationId = await startThread('Changes');
    const sent = await send(north.tokens.customer, conversationId, 'Helo');
    const messageId = sent.data.sendMessage.id;
    const events = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 1 });
    await new Promise((resolve) => setTimeout(resolve, 100));

    await gateway.graphql(`mutation ($id: ID!) { editMessage(input: { messageId: $id, body: "Hello" }) { id } }`, { id: messageId }, north.tokens.customer);
    expect((await events.next()).data.conversationEvents).toMatchObject({ kind: 'MESSAGE_EDITED', message: { id: messageId, body: 'Hello' } });

    await gateway.graphql(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: messageId }, north.tokens.pharmacist);
    expect((await events.next()).data.conversationEvents).toMatchObject({ kind: 'REACTIONS_CHANGED', message: { reactions: [{ emoji: '👍' }] } });

    await gateway.graphql(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`, { id: conversationId }, north.tokens.pharmacist);
    expect((await events.next()).data.conversationEvents).toMatchObject({
      kind: 'READ',
      message: null,
      read: { sequence: 1, reader: { __typename: 'StaffMember', id: north.pharmacist.id } },
    });

    await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: messageId }, north.tokens.customer);
    const deleted = (await events.next()).data.conversationEvents;
    expect(deleted).toMatchObject({ kind: 'MESSAGE_DELETED', message: { id: messageId, body: null } });
    expect(deleted.message.deletedAt).not.toBeNull();
  });

  it('publishes nothing for a send that fails and rolls back', async () => {
    const conversationId = await startThread('Rollback');
    const other = await startThread('Elsewhere');
    const elsewhere = await send(north.tokens.customer, other, 'Not here');
    const events = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const failed = await gateway.graphql(
      SEND,
      { input: { conversationId, body: 'Reply', clientMessageId: nextClientMessageId(), replyToId: elsewhere.data.sendMessage.id } },
      north.tokens.pharmacist,
    );
    expect(failed.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await events.expectNothing(300);
  });

  it('publishes a retried send once', async () => {
    const conversationId = await startThread('Retry');
    const events = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 0 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const [first, retry] = await Promise.all([
      send(north.tokens.customer, conversationId, 'Once', 'retry-live'),
      send(north.tokens.customer, conversationId, 'Once', 'retry-live'),
    ]);
    expect(retry.data.sendMessage.id).toBe(first.data.sendMessage.id);
    expect((await events.next()).data.conversationEvents.message.sequence).toBe(1);
    await events.expectNothing(300);
  });

  describe('catching up after a dropped connection', () => {
    it('replays exactly the messages sent during the gap, in order, then continues live', async () => {
      const conversationId = await startThread('Gap');
      await send(north.tokens.customer, conversationId, 'Before the drop');
      const first = connect(north.tokens.pharmacist);
      const before = first.subscribe(EVENTS, { id: conversationId, after: 0 });
      const lastSeen = (await before.next()).data.conversationEvents.message.sequence;
      await first.dispose();

      for (const body of ['Gap 1', 'Gap 2', 'Gap 3']) await send(north.tokens.customer, conversationId, body);

      const again = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: lastSeen });
      const replayed = [];
      for (let index = 0; index < 3; index += 1) replayed.push((await again.next()).data.conversationEvents.message);
      expect(replayed.map((message) => [message.sequence, message.body])).toEqual([
        [2, 'Gap 1'],
        [3, 'Gap 2'],
        [4, 'Gap 3'],
      ]);
      await send(north.tokens.pharmacist, conversationId, 'After');
      expect((await again.next()).data.conversationEvents.message).toMatchObject({ sequence: 5, body: 'After' });
      await again.expectNothing(200);
    });

    it('has no gap and no duplicate when messages keep arriving while it catches up', async () => {
      const conversationId = await startThread('Busy');
      for (let index = 0; index < 30; index += 1) await send(north.tokens.customer, conversationId, `Early ${index}`);
      const events = connect(north.tokens.pharmacist).subscribe(EVENTS, { id: conversationId, after: 10 });
      const sending = (async () => {
        for (let index = 0; index < 20; index += 1) await send(north.tokens.pharmacist, conversationId, `During ${index}`);
      })();
      const sequences: number[] = [];
      while (sequences.length < 40) sequences.push((await events.next()).data.conversationEvents.message.sequence);
      await sending;
      expect(sequences).toEqual(Array.from({ length: 40 }, (_, index) => index + 11));
      await events.expectNothing(200);
    });
  });

  describe('the inbox feed', () => {
    const INBOX = `subscription { inboxEvents { id status unreadCount lastMessage { body } } }`;

    it('tells staff about every conversation of their pharmacy, with their own unread count', async () => {
      const pharmacist = connect(north.tokens.pharmacist).subscribe(INBOX);
      const southStaff = connect(south.tokens.pharmacist).subscribe(INBOX);
      const otherCustomer = connect(north.tokens.otherCustomer).subscribe(INBOX);
      const customer = connect(north.tokens.customer).subscribe(INBOX);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const conversationId = await startThread('Inbox');
      expect((await pharmacist.next()).data.inboxEvents).toMatchObject({ id: conversationId, status: 'OPEN', unreadCount: 0 });
      expect((await customer.next()).data.inboxEvents.id).toBe(conversationId);

      await send(north.tokens.customer, conversationId, 'New question');
      expect((await pharmacist.next()).data.inboxEvents).toMatchObject({ unreadCount: 1, lastMessage: { body: 'New question' } });
      expect((await customer.next()).data.inboxEvents).toMatchObject({ unreadCount: 0 });

      const reply = await send(north.tokens.pharmacist, conversationId, 'Let me check');
      expect((await pharmacist.next()).data.inboxEvents).toMatchObject({ unreadCount: 0, lastMessage: { body: 'Let me check' } });
      expect((await customer.next()).data.inboxEvents).toMatchObject({ unreadCount: 1 });
      await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id } }`, { id: reply.data.sendMessage.id }, north.tokens.pharmacist);
      // The preview loses its words and the customer has nothing left to read.
      expect((await customer.next()).data.inboxEvents).toMatchObject({ unreadCount: 0, lastMessage: { body: null } });

      await southStaff.expectNothing(200);
      await otherCustomer.expectNothing(0);
    });

    // A screen keeps the last row it heard: an event must never carry a row older than one heard before it.
    const ROW = `subscription { inboxEvents { id priority unreadCount } }`;
    const setPriority = (conversationId: string, priority: string) =>
      gateway.graphql(`mutation ($input: SetConversationPriorityInput!) { setConversationPriority(input: $input) { id } }`, { input: { conversationId, priority } }, north.tokens.pharmacist);

    it('reads the row afresh for a read position, which is written without locking it', async () => {
      const conversationId = await startThread('Read while prioritised');
      await send(north.tokens.customer, conversationId, 'Hello');
      // What a reader loaded just before a pharmacist made the thread urgent.
      const [loaded] = await gateway.dataSource.getRepository(Conversation).findBy({ id: conversationId });
      await setPriority(conversationId, 'URGENT');
      const pharmacist = connect(north.tokens.pharmacist).subscribe(ROW);
      await new Promise((resolve) => setTimeout(resolve, 100));
      gateway.realtime.publisher.conversationChanged(loaded!, { read: { reader: { type: ActorType.STAFF, id: north.pharmacist.id }, sequence: 1 } });
      expect((await pharmacist.next()).data.inboxEvents).toMatchObject({ id: conversationId, priority: 'URGENT' });
    });

    it('locks the row for an edit, so a priority committed while the edit waited is not undone', async () => {
      const conversationId = await startThread('Edit while prioritised');
      const sent = await send(north.tokens.pharmacist, conversationId, 'Your order is redy');
      const pharmacist = connect(north.tokens.pharmacist).subscribe(ROW);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const other = gateway.dataSource.createQueryRunner();
      await other.startTransaction();
      try {
        await other.query(`UPDATE conversation SET priority = 'URGENT' WHERE id = $1`, [conversationId]);
        const edit = gateway.graphql(`mutation ($input: EditMessageInput!) { editMessage(input: $input) { id } }`, { input: { messageId: sent.data.sendMessage.id, body: 'Your order is ready' } }, north.tokens.pharmacist);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await other.commitTransaction();
        expect((await edit).errors).toBeUndefined();
      } finally {
        await other.release();
      }
      expect((await pharmacist.next()).data.inboxEvents).toMatchObject({ id: conversationId, priority: 'URGENT' });
    });
  });

  describe('typing', () => {
    const TYPING = `subscription ($id: ID!) { typing(conversationId: $id) { typing conversationId actor { __typename } } }`;

    it('shows the other side typing, never your own, and lapses without a refresh', async () => {
      const quick = await startTestGateway({ sharing: gateway, config: { typingTimeoutMs: 300 } });
      try {
        const conversationId = await startThread('Typing');
        const staffSide = connectSubscriber(quick.wsUrl, north.tokens.pharmacist);
        subscribers.push(staffSide);
        const customerSide = connectSubscriber(quick.wsUrl, north.tokens.customer);
        subscribers.push(customerSide);
        const staffSees = staffSide.subscribe(TYPING, { id: conversationId });
        const customerSees = customerSide.subscribe(TYPING, { id: conversationId });
        await new Promise((resolve) => setTimeout(resolve, 100));
        await quick.graphql(`mutation ($id: ID!) { setTyping(conversationId: $id, typing: true) }`, { id: conversationId }, north.tokens.customer);
        expect((await staffSees.next()).data.typing).toMatchObject({ typing: true, actor: { __typename: 'Customer' } });
        const lapsed = Date.now();
        expect((await staffSees.next(2000)).data.typing).toMatchObject({ typing: false });
        expect(Date.now() - lapsed).toBeGreaterThanOrEqual(250);
        await customerSees.expectNothing(0);
        await staffSide.dispose();
        await customerSide.dispose();
      } finally {
        await quick.dispose();
      }
    });

    it('refuses typing into another customer’s conversation', async () => {
      const conversationId = await startThread('Not yours');
      const response = await gateway.graphql(`mutation ($id: ID!) { setTyping(conversationId: $id) }`, { id: conversationId }, north.tokens.otherCustomer);
      expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('presence', () => {
    const PRESENCE = `subscription { presenceChanged { online actor { __typename ... on Customer { id } ... on StaffMember { id } } } }`;

    it('tells staff when a customer comes and goes, and answers customerOnline and onlineStaff', async () => {
      const conversationId = await startThread('Presence');
      const staffEvents = connect(north.tokens.pharmacist).subscribe(PRESENCE);
      const southEvents = connect(south.tokens.pharmacist).subscribe(PRESENCE);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const customer = connectSubscriber(gateway.wsUrl, north.tokens.customer);
      customer.subscribe(`subscription { inboxEvents { id } }`);
      expect((await staffEvents.next()).data.presenceChanged).toMatchObject({ online: true, actor: { __typename: 'Customer', id: north.customers[0].id } });
      const query = `query ($id: ID!) { conversation(id: $id) { customerOnline } onlineStaff { id } }`;
      const whileOnline = await gateway.graphql(query, { id: conversationId }, north.tokens.pharmacist);
      expect(whileOnline.data.conversation.customerOnline).toBe(true);
      expect(whileOnline.data.onlineStaff.map((staff: { id: string }) => staff.id)).toContain(north.pharmacist.id);

      await customer.dispose();
      expect((await staffEvents.next()).data.presenceChanged).toMatchObject({ online: false });
      expect((await gateway.graphql(query, { id: conversationId }, north.tokens.pharmacist)).data.conversation.customerOnline).toBe(false);
      await southEvents.expectNothing(0);
    });

    it('shows customers only the pharmacy’s staff, not other customers', async () => {
      const customerEvents = connect(north.tokens.customer).subscribe(PRESENCE);
      await new Promise((resolve) => setTimeout(resolve, 100));
      connect(north.tokens.otherCustomer).subscribe(`subscription { inboxEvents { id } }`);
      connect(north.tokens.admin).subscribe(`subscription { inboxEvents { id } }`);
      expect((await customerEvents.next()).data.presenceChanged).toMatchObject({ online: true, actor: { __typename: 'StaffMember', id: north.admin.id } });
      await customerEvents.expectNothing(200);
    });
  });
});
