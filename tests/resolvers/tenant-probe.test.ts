import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS } from '../../gateway/webhooks/webhook-dispatcher.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../support/fixtures.js';
import { placeholderArguments, selectionFor } from '../support/placeholder-arguments.js';
import { connectSubscriber } from '../support/subscription-client.js';
import { quietSessions, startTestGateway, type TestGateway } from '../support/test-gateway.js';

/**
 * The tenant probe. Walks the checked-in schema for every ID-typed argument (and ID field
 * of an input object) of every query, mutation and subscription, so a new field is probed
 * without anyone remembering to add it. Each is tried, as each kind of viewer, with every
 * id the viewer must not reach (another pharmacy's rows of every kind; for a customer also
 * another customer's thread), and must answer exactly as for an id that exists nowhere,
 * without writing anything to the other pharmacy's rows.
 */

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

interface IdSlot {
  operation: 'query' | 'mutation' | 'subscription';
  field: GraphQLField<unknown, unknown>;
  /** e.g. ["conversationId"] or ["input", "replyToId"]. */
  path: string[];
  list: boolean;
}

function isIdType(type: GraphQLInputType): boolean {
  return getNamedType(type).name === 'ID';
}

function isListOf(type: GraphQLInputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

function idSlots(): IdSlot[] {
  const slots: IdSlot[] = [];
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const;
  for (const [operation, root] of roots) {
    for (const field of Object.values(root!.getFields())) {
      for (const argument of field.args) {
        if (isIdType(argument.type)) slots.push({ operation, field, path: [argument.name], list: isListOf(argument.type) });
        const named = getNamedType(argument.type);
        if (isInputObjectType(named)) {
          for (const inputField of Object.values(named.getFields())) {
            if (isIdType(inputField.type)) slots.push({ operation, field, path: [argument.name, inputField.name], list: isListOf(inputField.type) });
          }
        }
      }
    }
  }
  return slots;
}

/** Ids of every kind in one pharmacy, made through the API. */
interface TenantIds {
  organization: string;
  conversation: string;
  message: string;
  customer: string;
  staff: string;
  apiKey: string;
  webhookEndpoint: string;
  webhookDelivery: string;
  staffInvite: string;
  staffSession: string;
  label: string;
  /** A shared saved reply and the pharmacist's own (issue 19). */
  sharedSavedReply: string;
  personalSavedReply: string;
  call: string;
  channelConnection: string;
}

type ViewerName = 'admin' | 'partner' | 'customer';

let gateway: TestGateway;
let north: PharmacyFixture;
let south: PharmacyFixture;
let own: TenantIds;
let foreign: TenantIds;
let partnerKey: string;
/** North's second customer's thread and message: out of reach for north's first customer. */
let neighbour: { conversation: string; message: string; customer: string };

async function succeed(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await gateway.graphql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

async function createIds(pharmacy: PharmacyFixture): Promise<TenantIds> {
  const { admin, pharmacist, customer } = pharmacy.tokens;
  const endpoint = await succeed(
    `mutation { createWebhookEndpoint(input: { url: "https://example.com/hook", events: [MESSAGE_CREATED] }) { endpoint { id } } }`,
    {},
    admin,
  );
  const started = await succeed(
    `mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Probe" }) { id } }`,
    { customerId: pharmacy.customers[0].id },
    pharmacist,
  );
  const conversation = started.startConversation.id;
  const send = `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Probe", clientMessageId: $c }) { id } }`;
  const message = (await succeed(send, { id: conversation, c: nextClientMessageId() }, pharmacist)).sendMessage.id;
  await succeed(send, { id: conversation, c: nextClientMessageId() }, customer);
  await succeed(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: message }, customer);
  const key = await succeed(`mutation { createApiKey(input: { name: "Probe", scopes: [CONVERSATIONS_READ] }) { apiKey { id } } }`, {}, admin);
  const deliveries = await succeed(`{ webhookDeliveries(first: 1) { edges { node { id } } } }`, {}, admin);
  const invite = await succeed(
    `mutation ($email: String!) { inviteStaff(input: { email: $email, name: "Probe", role: STAFF }) { id } }`,
    { email: `invitee@${pharmacy.organization.slug}.test` },
    admin,
  );
  // Notification preferences and a push subscription (issue 18): rows the other pharmacy's probes must not touch.
  const browser = createECDH('prime256v1');
  browser.generateKeys();
  await succeed(`mutation { updateMyNotificationPreferences(input: { conversations: ALL }) { push } }`, {}, pharmacist);
  await succeed(
    `mutation ($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) { id } }`,
    { input: { endpoint: `https://127.0.0.1:9/push/${pharmacy.organization.slug}`, p256dh: browser.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') } },
    pharmacist,
  );
  // A label on the thread (issue 19): its id is probed in every label slot and the inbox filter.
  const label = (await succeed(`mutation { createLabel(input: { name: "Probe", colour: "#123456" }) { id } }`, {}, admin)).createLabel.id;
  await succeed(`mutation ($c: ID!, $l: ID!) { addConversationLabel(conversationId: $c, labelId: $l) { id } }`, { c: conversation, l: label }, pharmacist);
  const savedReply = `mutation ($input: CreateSavedReplyInput!) { createSavedReply(input: $input) { id } }`;
  const shared = await succeed(savedReply, { input: { shortcut: 'probe', title: 'Probe', body: 'Hi {{customer.firstName}}', shared: true } }, admin);
  const personal = await succeed(savedReply, { input: { shortcut: 'probe', title: 'Mine', body: 'Probe' } }, pharmacist);
  // A video call (issue 21), ended at once: its missed-call job then finds nothing to change mid-probe.
  const call = (await succeed(`mutation ($id: ID!) { startCall(conversationId: $id) { id } }`, { id: conversation }, pharmacist)).startCall.id;
  await succeed(`mutation ($id: ID!) { leaveCall(callId: $id) { id } }`, { id: call }, pharmacist);
  // A WhatsApp connection (issue 22): its id, and the webhook id the pharmacy's URL carries.
  const connection = await succeed(
    `mutation ($input: CreateChannelConnectionInput!) { createChannelConnection(input: $input) { id } }`,
    {
      input: {
        kind: 'WHATSAPP',
        name: 'Probe',
        phoneNumber: '+31201234567',
        whatsappPhoneNumberId: '106540352242922',
        secrets: { accessToken: 'probe-access-token', appSecret: 'probe-app-secret', verifyToken: 'probe-verify-token' },
      },
    },
    admin,
  );
  return {
    organization: pharmacy.organization.id,
    conversation,
    channelConnection: connection.createChannelConnection.id,
    message,
    customer: pharmacy.customers[0].id,
    staff: pharmacy.pharmacist.id,
    apiKey: key.createApiKey.apiKey.id,
    webhookEndpoint: endpoint.createWebhookEndpoint.endpoint.id,
    webhookDelivery: deliveries.webhookDeliveries.edges[0].node.id,
    staffInvite: invite.inviteStaff.id,
    staffSession: (await succeed(`{ mySessions { id } }`, {}, admin)).mySessions[0].id,
    label,
    sharedSavedReply: shared.createSavedReply.id,
    personalSavedReply: personal.createSavedReply.id,
    call,
  };
}

/** The own id an argument most likely wants, so the probe reaches the argument under test. */
function ownIdFor(slot: IdSlot, name: string): string {
  const byName: Record<string, string> = {
    conversationId: own.conversation,
    messageId: own.message,
    replyToId: own.message,
    customerId: own.customer,
    assigneeId: own.staff,
    staffId: own.staff,
    endpointId: own.webhookEndpoint,
    deliveryId: own.webhookDelivery,
    labelId: own.label,
    labelIds: own.label,
    callId: own.call,
  };
  if (byName[name]) return byName[name]!;
  if (name === 'id') {
    const fieldName = slot.field.name.toLowerCase();
    if (fieldName.includes('channel') || fieldName.includes('whatsapptemplates')) return own.channelConnection;
    if (fieldName.includes('webhook')) return own.webhookEndpoint;
    if (fieldName.includes('savedreply')) return own.sharedSavedReply;
    if (fieldName.includes('apikey')) return own.apiKey;
    if (fieldName.includes('customer')) return own.customer;
    if (fieldName.includes('conversation')) return own.conversation;
    if (fieldName.includes('staffinvite')) return own.staffInvite;
    if (fieldName.includes('session')) return own.staffSession;
    if (fieldName.includes('staff')) return own.staff;
    if (fieldName === 'call') return own.call;
  }
  return randomUUID();
}

/** Placeholder arguments, own ids in every ID slot but the probed one, `probe` in that one. */
function operationFor(slot: IdSlot, probe: string) {
  const { argumentList, variables } = placeholderArguments(slot.field);
  const { __declarations, ...values } = variables as { __declarations: string[] } & Record<string, any>;
  const declarations = [...__declarations];
  let uses = argumentList;
  // The probed argument may be optional, and so missing from the placeholders: add it.
  const [argumentName, inputField] = slot.path as [string, string | undefined];
  if (!(argumentName in values)) {
    const argument = slot.field.args.find((candidate) => candidate.name === argumentName)!;
    declarations.push(`$${argumentName}: ${String(argument.type)}`);
    uses = uses ? uses.replace(/\)$/, `, ${argumentName}: $${argumentName})`) : `(${argumentName}: $${argumentName})`;
    values[argumentName] = inputField ? {} : undefined;
  }
  for (const [name, value] of Object.entries(values)) {
    const argument = slot.field.args.find((candidate) => candidate.name === name)!;
    if (isIdType(argument.type)) values[name] = isListOf(argument.type) ? [ownIdFor(slot, name)] : ownIdFor(slot, name);
    const named = getNamedType(argument.type);
    if (isInputObjectType(named) && value && typeof value === 'object') {
      for (const inputField of Object.values(named.getFields())) {
        if (isIdType(inputField.type) && inputField.name in value) (value as Record<string, unknown>)[inputField.name] = ownIdFor(slot, inputField.name);
      }
    }
  }
  const probeValue = slot.list ? [probe] : probe;
  if (inputField) values[argumentName] = { ...(values[argumentName] ?? {}), [inputField]: probeValue };
  else values[argumentName] = probeValue;
  const header = declarations.length ? `(${declarations.join(', ')})` : '';
  return { query: `${slot.operation} Probe${header} { ${slot.field.name}${uses} ${selectionFor(slot.field)} }`, variables: values };
}

function tokenOf(viewer: ViewerName): string {
  return { admin: north.tokens.admin, partner: partnerKey, customer: north.tokens.customer }[viewer];
}

/** What must stay out of reach of `viewer`. */
function hiddenIds(viewer: ViewerName): [string, string][] {
  const foreignIds = Object.entries(foreign).map(([kind, id]) => [`another pharmacy's ${kind}`, id] as [string, string]);
  // A colleague's personal saved reply is theirs alone, even within the pharmacy.
  foreignIds.push(["the pharmacist's personal saved reply", own.personalSavedReply]);
  if (viewer !== 'customer') return foreignIds;
  return [
    ...foreignIds,
    ["another customer's conversation", neighbour.conversation],
    ["another customer's message", neighbour.message],
    ['another customer', neighbour.customer],
  ];
}

interface Answer {
  data: unknown;
  errors: { code: unknown; message: string }[];
}

async function answer(slot: IdSlot, probe: string, viewer: ViewerName): Promise<Answer> {
  const { query, variables } = operationFor(slot, probe);
  if (slot.operation !== 'subscription') {
    const response = await gateway.graphql(query, variables, tokenOf(viewer));
    return {
      data: response.data ?? null,
      errors: (response.errors ?? []).map((error) => ({ code: error.extensions?.code, message: error.message })),
    };
  }
  const subscriber = connectSubscriber(gateway.wsUrl, tokenOf(viewer));
  try {
    const events = subscriber.subscribe(query, variables);
    const first = await events.next(2_000).catch(() => ({ data: undefined, errors: undefined }));
    return {
      data: first.data ?? null,
      errors: (first.errors ?? []).map((error) => ({ code: error.extensions?.code, message: error.message })),
    };
  } finally {
    await subscriber.dispose();
  }
}

/** Every row of the other pharmacy, to prove no probe wrote to it (api_key.last_used_at aside). */
async function southRows(): Promise<unknown[]> {
  const tables = ['label', 'customer', 'conversation', 'participant', 'message', 'reaction', 'attachment', 'webhook_endpoint', 'webhook_delivery', 'outbox_event', 'staff_user', 'staff_invitation', 'staff_session', 'mail_delivery', 'notification_log', 'push_subscription', 'saved_reply', 'call'];
  const rows: unknown[] = [];
  for (const table of tables) rows.push(await gateway.dataSource.query(`SELECT * FROM ${table} WHERE organization_id = $1 ORDER BY id`, [south.organization.id]));
  rows.push(await gateway.dataSource.query(`SELECT * FROM conversation_label WHERE organization_id = $1 ORDER BY conversation_id, label_id`, [south.organization.id]));
  rows.push(await gateway.dataSource.query(`SELECT * FROM staff_notification_preference WHERE organization_id = $1 ORDER BY staff_id`, [south.organization.id]));
  rows.push(await gateway.dataSource.query(`SELECT id, name, scopes, revoked_at FROM api_key WHERE organization_id = $1 ORDER BY id`, [south.organization.id]));
  return rows;
}

// Twice: as the product runs, and with the application's own tenant filters (TenantScope)
// switched off, so that only row-level security stands between the pharmacies.
for (const [title, tenantFilters] of [
  ['the tenant probe', 'application-and-database'],
  ['the tenant probe, with row-level security alone', 'database-only'],
] as const) {
  describe(title, () => {
    beforeAll(async () => {
      // No delivery worker: its retries would change the other pharmacy's rows under the probe.
      gateway = await startTestGateway({ config: { webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, deliver: false }, tenantFilters }, sessions: quietSessions });
      north = await createPharmacy(gateway.dataSource, gateway.tokens, 'probe-north');
      south = await createPharmacy(gateway.dataSource, gateway.tokens, 'probe-south');
      own = await createIds(north);
      foreign = await createIds(south);
      const everything = await succeed(
        `mutation { createApiKey(input: { name: "Everything", scopes: [CONVERSATIONS_READ, CONVERSATIONS_WRITE, MESSAGES_WRITE, CUSTOMERS_READ, CUSTOMERS_WRITE, STAFF_READ, WEBHOOKS_MANAGE, STATS_READ, LABELS_WRITE] }) { secret } }`,
        {},
        north.tokens.admin,
      );
      partnerKey = everything.createApiKey.secret;
      const thread = await succeed(`mutation { startConversation(input: {}) { id } }`, {}, north.tokens.otherCustomer);
      const sent = await succeed(
        `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "Mine", clientMessageId: $c }) { id } }`,
        { id: thread.startConversation.id, c: nextClientMessageId() },
        north.tokens.otherCustomer,
      );
      neighbour = { conversation: thread.startConversation.id, message: sent.sendMessage.id, customer: north.customers[1].id };
    });
    afterAll(async () => {
      await gateway.dispose();
    });

    const slots = idSlots();

    it('finds the id arguments to probe in the schema', () => {
      // Guards the walker itself: if it found nothing, every probe below would pass vacuously.
      const names = slots.map((slot) => `${slot.field.name}(${slot.path.join('.')})`);
      expect(names).toEqual(expect.arrayContaining(['conversation(id)', 'sendMessage(input.replyToId)', 'conversationEvents(conversationId)', 'redeliverWebhook(deliveryId)']));
    });

    it("tells the viewer's own ids from unknown ones, so an equal answer means something", async () => {
      // If the probe's own-id placement were wrong, every answer would be NOT_FOUND and nothing could leak.
      const probe = (field: string, path: string) => slots.find((slot) => slot.field.name === field && slot.path.join('.') === path)!;
      for (const [slot, ownId] of [
        [probe('conversation', 'id'), own.conversation],
        [probe('sendMessage', 'input.replyToId'), own.message],
        [probe('assignConversation', 'input.assigneeId'), own.staff],
        [probe('redeliverWebhook', 'deliveryId'), own.webhookDelivery],
        [probe('updateLabel', 'input.labelId'), own.label],
        [probe('addConversationLabel', 'labelId'), own.label],
        [probe('call', 'id'), own.call],
      ] as const) {
        const mine = await answer(slot, ownId, 'admin');
        const unknown = await answer(slot, randomUUID(), 'admin');
        expect([slot.field.name, mine.errors]).toEqual([slot.field.name, []]);
        expect(unknown.errors[0]?.code).toBe('NOT_FOUND');
      }
    });

    for (const viewer of ['admin', 'partner', 'customer'] as const) {
      it(`answers ${viewer}s the same for hidden ids as for ids that exist nowhere, and writes nothing`, async () => {
        // Session activity from the set-up (south's staff used their tokens) is written now, not
        // by the 20 s flush in the middle of a probe; activity the probe causes is still written below.
        await gateway.sessions.flushActivity();
        const before = await southRows();
        const leaks: string[] = [];
        for (const slot of slots) {
          const unknown = await answer(slot, randomUUID(), viewer);
          for (const [what, id] of hiddenIds(viewer)) {
            const hidden = await answer(slot, id, viewer);
            if (JSON.stringify(hidden) !== JSON.stringify(unknown)) {
              leaks.push(`${slot.field.name}(${slot.path.join('.')}) with ${what}: ${JSON.stringify(hidden)} vs unknown ${JSON.stringify(unknown)}`);
            }
          }
        }
        expect(leaks).toEqual([]);
        await gateway.sessions.flushActivity();
        expect(await southRows()).toEqual(before);
      }, 120_000);
    }
  });
}
