import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiKeyScope } from '../../../entities/api-key.entity.js';
import { apiKeyWith, createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber, type TestSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

const LABELS = `{ labels { id name colour } }`;
const CREATE = `mutation ($input: CreateLabelInput!) { createLabel(input: $input) { id name colour createdAt } }`;
const UPDATE = `mutation ($input: UpdateLabelInput!) { updateLabel(input: $input) { id name colour } }`;
const DELETE = `mutation ($labelId: ID!) { deleteLabel(labelId: $labelId) }`;
const ADD = `mutation ($conversationId: ID!, $labelId: ID!) { addConversationLabel(conversationId: $conversationId, labelId: $labelId) { id labels { id name } } }`;
const REMOVE = `mutation ($conversationId: ID!, $labelId: ID!) { removeConversationLabel(conversationId: $conversationId, labelId: $labelId) { id labels { id name } } }`;
const LABELLED = `query ($labelIds: [ID!]) { conversations(first: 100, filter: { labelIds: $labelIds }) { totalCount edges { node { id labels { name } } } } }`;

type Errors = { errors?: { extensions?: { code?: string; field?: string; missingScopes?: string[] } }[] };
const codeOf = (response: Errors) => response.errors?.[0]?.extensions?.code;

describe('labels', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  const subscribers: TestSubscriber[] = [];

  const createLabel = async (pharmacy: PharmacyFixture, name: string, colour = '#2f855a') => {
    const response = await gateway.graphql(CREATE, { input: { name, colour } }, pharmacy.tokens.admin);
    expect(response.errors).toBeUndefined();
    return response.data.createLabel as { id: string; name: string; colour: string };
  };
  const startThread = async (pharmacy: PharmacyFixture, subject: string) =>
    (await gateway.graphql(`mutation ($s: String) { startConversation(input: { subject: $s }) { id } }`, { s: subject }, pharmacy.tokens.customer)).data
      .startConversation.id as string;
  const add = (token: string, conversationId: string, labelId: string) => gateway.graphql(ADD, { conversationId, labelId }, token);
  const remove = (token: string, conversationId: string, labelId: string) => gateway.graphql(REMOVE, { conversationId, labelId }, token);
  const listed = async (token: string, labelIds: string[]) => {
    const response = await gateway.graphql(LABELLED, { labelIds }, token);
    expect(response.errors).toBeUndefined();
    return response.data.conversations.edges.map((edge: { node: { id: string } }) => edge.node.id) as string[];
  };

  beforeAll(async () => {
    // Webhook events wait in the outbox: the test reads what would be delivered.
    gateway = await startTestGateway({ config: withoutBackgroundWork });
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-labels');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-labels');
  });
  afterEach(async () => {
    await Promise.all(subscribers.splice(0).map((subscriber) => subscriber.dispose()));
  });
  afterAll(() => gateway.dispose());

  describe('defining labels', () => {
    it('lets an admin create, rename, recolour and delete a label, and lists them by name for the team', async () => {
      const created = await createLabel(north, '  Repeat   prescription ', '#2F855A');
      expect(created).toMatchObject({ name: 'Repeat prescription', colour: '#2f855a' });
      await createLabel(north, 'Awaiting GP', '#c05621');

      const forPharmacist = await gateway.graphql(LABELS, {}, north.tokens.pharmacist);
      expect(forPharmacist.data.labels.map((label: { name: string }) => label.name)).toEqual(['Awaiting GP', 'Repeat prescription']);

      const renamed = await gateway.graphql(UPDATE, { input: { labelId: created.id, name: 'Repeat Rx', colour: '#2B6CB0' } }, north.tokens.admin);
      expect(renamed.data.updateLabel).toEqual({ id: created.id, name: 'Repeat Rx', colour: '#2b6cb0' });
      const recoloured = await gateway.graphql(UPDATE, { input: { labelId: created.id, colour: '#000000' } }, north.tokens.admin);
      expect(recoloured.data.updateLabel).toEqual({ id: created.id, name: 'Repeat Rx', colour: '#000000' });

      const deleted = await gateway.graphql(DELETE, { labelId: created.id }, north.tokens.admin);
      expect(deleted.data.deleteLabel).toBe(created.id);
      const after = await gateway.graphql(LABELS, {}, north.tokens.admin);
      expect(after.data.labels.map((label: { id: string }) => label.id)).not.toContain(created.id);
    });

    it('refuses a name the pharmacy has in any case as CONFLICT, and a bad colour or empty name as BAD_USER_INPUT', async () => {
      const taken = await createLabel(north, 'Delivery');
      expect(codeOf(await gateway.graphql(CREATE, { input: { name: 'DELIVERY', colour: '#111111' } }, north.tokens.admin))).toBe('CONFLICT');
      const other = await createLabel(north, 'Pickup');
      expect(codeOf(await gateway.graphql(UPDATE, { input: { labelId: other.id, name: 'delivery' } }, north.tokens.admin))).toBe('CONFLICT');
      // Another pharmacy's names don't count.
      await createLabel(south, 'Delivery');

      for (const colour of ['red', '#12345', '#12345g', '#1234567']) {
        const response = await gateway.graphql(CREATE, { input: { name: `Colour ${colour}`, colour } }, north.tokens.admin);
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
      }
      expect(codeOf(await gateway.graphql(CREATE, { input: { name: '   ', colour: '#111111' } }, north.tokens.admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gateway.graphql(CREATE, { input: { name: 'x'.repeat(41), colour: '#111111' } }, north.tokens.admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gateway.graphql(UPDATE, { input: { labelId: taken.id, colour: 'blue' } }, north.tokens.admin))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gateway.graphql(UPDATE, { input: { labelId: 'not-an-id', name: 'x' } }, north.tokens.admin))).toBe('BAD_USER_INPUT');
    });

    it('is for admins: a pharmacist, a customer and any key are FORBIDDEN to define labels; customers cannot list them', async () => {
      const input = { name: 'Not allowed', colour: '#111111' };
      expect(codeOf(await gateway.graphql(CREATE, { input }, north.tokens.pharmacist))).toBe('FORBIDDEN');
      expect(codeOf(await gateway.graphql(CREATE, { input }, north.tokens.customer))).toBe('FORBIDDEN');
      const everyScope = await apiKeyWith(gateway.dataSource, north.organization.id, Object.values(ApiKeyScope));
      expect(codeOf(await gateway.graphql(CREATE, { input }, everyScope))).toBe('FORBIDDEN');
      expect(codeOf(await gateway.graphql(LABELS, {}, north.tokens.customer))).toBe('FORBIDDEN');
    });

    it('writes the audit log for every change', async () => {
      const label = await createLabel(north, 'Audited');
      await gateway.graphql(UPDATE, { input: { labelId: label.id, name: 'Audited twice' } }, north.tokens.admin);
      await gateway.graphql(DELETE, { labelId: label.id }, north.tokens.admin);
      const log = await gateway.graphql(`query ($id: ID!) { auditLog(objectId: $id, first: 10) { edges { node { action } } } }`, { id: label.id }, north.tokens.admin);
      expect(log.data.auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action).sort()).toEqual(['LABEL_CREATED', 'LABEL_DELETED', 'LABEL_UPDATED']);
    });
  });

  describe('labels on threads', () => {
    it('adds and removes a label idempotently, audited once each, and the thread shows it', async () => {
      const label = await createLabel(north, 'Fridge item');
      const conversationId = await startThread(north, 'Insulin');
      const first = await add(north.tokens.pharmacist, conversationId, label.id);
      expect(first.data.addConversationLabel.labels).toEqual([{ id: label.id, name: 'Fridge item' }]);
      const again = await add(north.tokens.pharmacist, conversationId, label.id);
      expect(again.data.addConversationLabel.labels).toEqual([{ id: label.id, name: 'Fridge item' }]);

      expect((await remove(north.tokens.pharmacist, conversationId, label.id)).data.removeConversationLabel.labels).toEqual([]);
      expect((await remove(north.tokens.pharmacist, conversationId, label.id)).data.removeConversationLabel.labels).toEqual([]);

      const log = await gateway.graphql(`query ($id: ID!) { auditLog(objectId: $id, first: 10) { edges { node { action } } } }`, { id: conversationId }, north.tokens.admin);
      const actions = log.data.auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action);
      expect(actions.filter((action: string) => action.startsWith('CONVERSATION_LABEL_')).sort()).toEqual(['CONVERSATION_LABEL_ADDED', 'CONVERSATION_LABEL_REMOVED']);
    });

    it('tells the inbox of a change, once, and not of a change that changed nothing', async () => {
      const label = await createLabel(north, 'Live');
      const conversationId = await startThread(north, 'Live labels');
      const inbox = connectSubscriber(gateway.wsUrl, north.tokens.admin);
      subscribers.push(inbox);
      const events = inbox.subscribe(`subscription { inboxEvents { id labels { name } } }`);
      await new Promise((resolve) => setTimeout(resolve, 300));

      await add(north.tokens.pharmacist, conversationId, label.id);
      const event = await events.next();
      expect(event.data.inboxEvents).toEqual({ id: conversationId, labels: [{ name: 'Live' }] });
      await add(north.tokens.pharmacist, conversationId, label.id);
      await events.expectNothing(500);
    });

    it('filters the inbox by any of several labels, and a deleted label leaves its threads', async () => {
      const urgent = await createLabel(north, 'Filter urgent');
      const gp = await createLabel(north, 'Filter GP');
      const unused = await createLabel(north, 'Filter unused');
      const [a, b, c] = [await startThread(north, 'A'), await startThread(north, 'B'), await startThread(north, 'C')];
      await add(north.tokens.pharmacist, a, urgent.id);
      await add(north.tokens.pharmacist, b, gp.id);
      await add(north.tokens.pharmacist, b, urgent.id);

      expect((await listed(north.tokens.pharmacist, [urgent.id])).sort()).toEqual([a, b].sort());
      expect((await listed(north.tokens.pharmacist, [gp.id])).sort()).toEqual([b]);
      expect((await listed(north.tokens.pharmacist, [gp.id, urgent.id])).sort()).toEqual([a, b].sort());
      expect(await listed(north.tokens.pharmacist, [unused.id])).toEqual([]);
      expect(await listed(north.tokens.partnerRead, [gp.id])).toEqual([b]);
      expect((await listed(north.tokens.pharmacist, [])).length).toBeGreaterThanOrEqual(3);
      expect(await listed(north.tokens.pharmacist, [urgent.id])).not.toContain(c);

      const total = await gateway.graphql(LABELLED, { labelIds: [urgent.id] }, north.tokens.pharmacist);
      expect(total.data.conversations.totalCount).toBe(2);
      expect(codeOf(await gateway.graphql(LABELLED, { labelIds: ['nope'] }, north.tokens.pharmacist))).toBe('BAD_USER_INPUT');
      expect(codeOf(await gateway.graphql(LABELLED, { labelIds: [urgent.id] }, north.tokens.customer))).toBe('FORBIDDEN');

      await gateway.graphql(DELETE, { labelId: urgent.id }, north.tokens.admin);
      expect(await listed(north.tokens.pharmacist, [urgent.id])).toEqual([]);
      const thread = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { labels { name } } }`, { id: b }, north.tokens.pharmacist);
      expect(thread.data.conversation.labels).toEqual([{ name: 'Filter GP' }]);
    });

    it('never shows labels to the customer of the thread', async () => {
      const label = await createLabel(north, 'Difficult');
      const conversationId = await startThread(north, 'Customer view');
      await add(north.tokens.pharmacist, conversationId, label.id);
      const response = await gateway.graphql(`query ($id: ID!) { conversation(id: $id) { id labels { name } } }`, { id: conversationId }, north.tokens.customer);
      expect(response.errors).toBeUndefined();
      expect(response.data.conversation).toEqual({ id: conversationId, labels: [] });
    });
  });

  describe('partner keys', () => {
    it('read labels with conversations:read and set them with labels:write', async () => {
      const label = await createLabel(north, 'From the till');
      const conversationId = await startThread(north, 'Partner labels');
      const listedForKey = await gateway.graphql(LABELS, {}, north.tokens.partnerRead);
      expect(listedForKey.data.labels.map((row: { id: string }) => row.id)).toContain(label.id);

      const writer = await apiKeyWith(gateway.dataSource, north.organization.id, [ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.LABELS_WRITE]);
      expect((await add(writer, conversationId, label.id)).data.addConversationLabel.labels).toEqual([{ id: label.id, name: 'From the till' }]);
      expect((await remove(writer, conversationId, label.id)).data.removeConversationLabel.labels).toEqual([]);
    });

    it('are FORBIDDEN to set labels without labels:write, naming the scope, and to list them without conversations:read', async () => {
      const label = await createLabel(north, 'Refused');
      const conversationId = await startThread(north, 'Partner refused');
      const refused = await add(north.tokens.partnerWrite, conversationId, label.id);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.extensions?.missingScopes).toEqual(['labels:write']);
      const statsOnly = await apiKeyWith(gateway.dataSource, north.organization.id, [ApiKeyScope.STATS_READ]);
      expect(codeOf(await gateway.graphql(LABELS, {}, statsOnly))).toBe('FORBIDDEN');
    });
  });

  describe('another pharmacy', () => {
    it("gives NOT_FOUND for its label ids and its threads, and never lists its labels", async () => {
      const theirs = await createLabel(south, 'Southern secret');
      const theirThread = await startThread(south, 'Southern thread');
      const mine = await createLabel(north, 'Northern');
      const myThread = await startThread(north, 'Northern thread');

      expect(codeOf(await add(north.tokens.pharmacist, myThread, theirs.id))).toBe('NOT_FOUND');
      expect(codeOf(await remove(north.tokens.pharmacist, myThread, theirs.id))).toBe('NOT_FOUND');
      expect(codeOf(await add(north.tokens.pharmacist, theirThread, mine.id))).toBe('NOT_FOUND');
      expect(codeOf(await gateway.graphql(UPDATE, { input: { labelId: theirs.id, name: 'Taken over' } }, north.tokens.admin))).toBe('NOT_FOUND');
      expect(codeOf(await gateway.graphql(DELETE, { labelId: theirs.id }, north.tokens.admin))).toBe('NOT_FOUND');

      const names = (await gateway.graphql(LABELS, {}, north.tokens.admin)).data.labels.map((label: { name: string }) => label.name);
      expect(names).not.toContain('Southern secret');
      expect(await listed(north.tokens.admin, [theirs.id])).toEqual([]);
      const still = (await gateway.graphql(LABELS, {}, south.tokens.admin)).data.labels.map((label: { name: string }) => label.name);
      expect(still).toContain('Southern secret');
    });
  });

  describe('statistics and webhooks', () => {
    it('breaks conversationStats down by label, listing unused labels with zeros', async () => {
      const pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'stats-labels');
      const busy = await createLabel(pharmacy, 'Busy');
      const idle = await createLabel(pharmacy, 'Idle');
      const [one, two] = [await startThread(pharmacy, 'One'), await startThread(pharmacy, 'Two')];
      await add(pharmacy.tokens.pharmacist, one, busy.id);
      await add(pharmacy.tokens.pharmacist, two, busy.id);
      await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: RESOLVED }) { id } }`, { id: two }, pharmacy.tokens.admin);

      const range = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 60_000).toISOString() };
      const stats = await gateway.graphql(
        `query ($input: ConversationStatsInput!) { conversationStats(input: $input) { byLabel { label { id name } conversations openConversations createdConversations } } }`,
        { input: range },
        pharmacy.tokens.pharmacist,
      );
      expect(stats.errors).toBeUndefined();
      expect(stats.data.conversationStats.byLabel).toEqual([
        { label: { id: busy.id, name: 'Busy' }, conversations: 2, openConversations: 1, createdConversations: 2 },
        { label: { id: idle.id, name: 'Idle' }, conversations: 0, openConversations: 0, createdConversations: 0 },
      ]);

      const statsOnly = await apiKeyWith(gateway.dataSource, pharmacy.organization.id, [ApiKeyScope.STATS_READ]);
      const refused = await gateway.graphql(`query ($input: ConversationStatsInput!) { conversationStats(input: $input) { byLabel { label { name } } } }`, { input: range }, statsOnly);
      expect(codeOf(refused)).toBe('FORBIDDEN');
    });

    it("puts the thread's labels (id, name) in conversation events, and says when they change", async () => {
      const pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'webhook-labels');
      const endpoint = await gateway.graphql(
        `mutation { createWebhookEndpoint(input: { url: "https://example.com/labels", events: [CONVERSATION_LABELS_CHANGED, CONVERSATION_STATUS_CHANGED] }) { endpoint { id } } }`,
        {},
        pharmacy.tokens.admin,
      );
      expect(endpoint.errors).toBeUndefined();
      const label = await createLabel(pharmacy, 'Webhooked');
      const conversationId = await startThread(pharmacy, 'Webhook labels');
      await add(pharmacy.tokens.pharmacist, conversationId, label.id);
      await gateway.graphql(`mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: PENDING }) { id } }`, { id: conversationId }, pharmacy.tokens.admin);
      await remove(pharmacy.tokens.pharmacist, conversationId, label.id);

      const deliveries = await gateway.graphql(`{ webhookDeliveries(first: 10) { edges { node { event { type data } } } } }`, {}, pharmacy.tokens.admin);
      expect(deliveries.errors).toBeUndefined();
      const events = (deliveries.data.webhookDeliveries.edges as { node: { event: { type: string; data: any } } }[]).map((edge) => edge.node.event).reverse();
      const reference = { __typename: 'Label', id: label.id, name: 'Webhooked' };
      expect(events.map((event) => [event.type, event.data.conversation.labels, event.data.change ?? null])).toEqual([
        ['CONVERSATION_LABELS_CHANGED', [reference], 'ADDED'],
        ['CONVERSATION_STATUS_CHANGED', [reference], null],
        ['CONVERSATION_LABELS_CHANGED', [], 'REMOVED'],
      ]);
      expect(events[0]!.data.label).toEqual(reference);
    });
  });
});
