import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { ApiKey, ApiKeyScope, scopeName } from '../../../entities/api-key.entity.js';
import { Customer } from '../../../entities/customer.entity.js';
import { generateApiKeySecret } from '../../../gateway/auth/api-key-secret.js';
import {
  COLLEAGUES,
  CONVERSATION_CONTENT_TYPES,
  OPEN,
  PERSONAL_DATA_FIELDS,
  permissionOf,
  TYPES_WITHOUT_PERSONAL_DATA,
  type FieldRule,
} from '../../../gateway/auth/field-permissions.js';
import { Permission, scopeGranting } from '../../../gateway/auth/permission.js';
import { generateSingleUseToken } from '../../../gateway/auth/single-use-token.js';
import { pdf } from '../../fixtures/sample-files.js';
import { createPharmacy, FIXTURE_PASSWORD, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { sendWithFiles } from '../../support/multipart-request.js';
import { placeholderArguments } from '../../support/placeholder-arguments.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../../support/test-gateway.js';
import { STAFF_ONLY_MUTATIONS } from '../../support/staff-only-operations.js';

/**
 * Walks the checked-in schema from every root field a partner can call, through every
 * object type reachable by fields (unions included), so a new type or field is covered
 * without editing this test:
 * - every reachable type is classified in gateway/auth/field-permissions.ts, and every
 *   field of a type that carries personal data (message text included) has a rule there;
 * - conversation content is reached only through a field or root field that needs
 *   conversations:read;
 * - every path from a partner's root query or mutation to a guarded field is asked for at
 *   once, with real data behind it: a key lacking the scope reads null and FORBIDDEN naming
 *   it on every occurrence (bar what it wrote itself), a key with it reads the value, staff
 *   read everything, and a customer reads their own record and nothing that needs another
 *   permission.
 */

/** Root fields no API key can call, whatever its scopes (checked below: they answer "API keys cannot"). */
const STAFF_ONLY = {
  // Video calls (issue 21) are for staff and the thread's customer: no scope lets a key take part.
  query: ['apiKeys', 'auditLog', 'widgetSecret', 'staffInvites', 'mySessions', 'mailDeliveries', 'myMentions', 'notificationLog', 'myNotificationPreferences', 'myPushSubscriptions', 'savedReplies', 'savedReplyPlaceholders', 'call', 'activeCall', 'channelConnections'],
  mutation: STAFF_ONLY_MUTATIONS,
  subscription: ['callEvents'],
};
/**
 * Mutations the real-data walk leaves out: they act on, and answer with, the caller's own
 * message only, which it may read back. Their answer's type is walked through sendMessage
 * and addReaction; editing and deleting one's own message is shown below, and a WhatsApp template (a send into a
 * WhatsApp thread only) in tests/resolvers/channel.
 */
const OWN_MESSAGE_MUTATIONS = ['editMessage', 'deleteMessage', 'sendWhatsAppTemplate'];
/**
 * A sign-in's second step needs a code from someone's authenticator app, which the walk has not:
 * it answers a StaffSession (a token and the signer's own StaffMember), whose StaffMember the
 * walk reads through signIn.
 */
const SECOND_STEP_MUTATIONS = ['completeSignIn'];
/** Names that smell of contact details: a reachable field so named must sit on a classified personal-data type. */
const CONTACT_LIKE = /phone|e-?mail|externalId|address|^ip$|birth/i;
/** Names that smell of what was written in a conversation: such a field must sit on a type classified as holding it. */
const MESSAGE_LIKE = /^(body|text|snippets?|subject|preview|excerpt|caption|transcript|fileName|attachments?|reactions?|replyTo|lastMessage|messages?)$|(Body|Snippet|Preview|Subject|Messages?|Attachments?|Transcript)$/;

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
/** Single-use invitation tokens for the walks' acceptStaffInvite. */
const invitationTokens: string[] = [];
/** The same for resetPassword. */
const resetTokens: string[] = [];
const roots = {
  query: schema.getQueryType()!,
  mutation: schema.getMutationType()!,
  subscription: schema.getSubscriptionType()!,
};
const partnerRootFields = (kind: keyof typeof roots) =>
  Object.values(roots[kind].getFields()).filter((field) => !(STAFF_ONLY as Record<string, string[]>)[kind]?.includes(field.name));

function objectTypesOf(type: GraphQLNamedType): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

/** Every object type a partner can reach, with one path to it (for messages). */
function reachableTypes(): Map<string, string> {
  const reached = new Map<string, string>();
  const queue: [GraphQLObjectType, string][] = [];
  for (const kind of ['query', 'mutation', 'subscription'] as const) {
    for (const field of partnerRootFields(kind)) {
      for (const type of objectTypesOf(getNamedType(field.type))) queue.push([type, `${kind} ${field.name}`]);
    }
  }
  while (queue.length) {
    const [type, path] = queue.shift()!;
    if (reached.has(type.name)) continue;
    reached.set(type.name, path);
    for (const field of Object.values(type.getFields())) {
      for (const next of objectTypesOf(getNamedType(field.type))) queue.push([next, `${path} → ${type.name}.${field.name}`]);
    }
  }
  return reached;
}

const guarded = (typeName: string) =>
  Object.entries(PERSONAL_DATA_FIELDS[typeName] ?? {}).filter((entry): entry is [string, Exclude<FieldRule, typeof OPEN>] => entry[1] !== OPEN);
const needsConversationsRead = (rule: FieldRule | undefined) => rule !== undefined && permissionOf(rule) === Permission.READ_CONVERSATIONS;
/** The scope a guarded field asks for; undefined for COLLEAGUES. */
const scopeOf = (rule: Exclude<FieldRule, typeof OPEN>) => {
  const permission = permissionOf(rule);
  return permission && scopeGranting(permission);
};

/** The fields a response path ends at: one per object type the path can pass through (unions have several). */
function fieldsAtPath(kind: keyof typeof roots, path: readonly (string | number)[]): { typeName: string; field: string }[] {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  let types: readonly GraphQLObjectType[] = [roots[kind]];
  for (const name of names.slice(0, -1)) {
    types = types.flatMap((type) => {
      const field = type.getFields()[name];
      return field ? objectTypesOf(getNamedType(field.type)) : [];
    });
  }
  const last = names.at(-1)!;
  return types.filter((type) => last in type.getFields()).map((type) => ({ typeName: type.name, field: last }));
}

/** Paths from `root` to conversation content that pass no field needing conversations:read. */
function unguardedContentFrom(root: GraphQLField<unknown, unknown>, label: string): string[] {
  const seen = new Set<string>();
  const queue: [GraphQLObjectType, string][] = objectTypesOf(getNamedType(root.type)).map((type) => [type, label]);
  const leaks: string[] = [];
  while (queue.length) {
    const [type, path] = queue.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (CONVERSATION_CONTENT_TYPES.has(type.name)) {
      leaks.push(`${type.name} (via ${path})`);
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      if (needsConversationsRead(PERSONAL_DATA_FIELDS[type.name]?.[field.name])) continue;
      for (const next of objectTypesOf(getNamedType(field.type))) queue.push([next, `${path} → ${type.name}.${field.name}`]);
    }
  }
  return leaks;
}

/**
 * The selection under `type` that reaches every guarded field, each object type at most
 * once per path; null when none is reachable from here.
 */
function selectionReachingGuardedFields(type: GraphQLNamedType, onPath: ReadonlySet<string>): string | null {
  const parts: string[] = [];
  for (const objectType of objectTypesOf(type)) {
    if (onPath.has(objectType.name)) continue;
    const path = new Set([...onPath, objectType.name]);
    const rules = PERSONAL_DATA_FIELDS[objectType.name] ?? {};
    const fields: string[] = [];
    for (const field of Object.values(objectType.getFields())) {
      const named = getNamedType(field.type);
      const inner = selectionReachingGuardedFields(named, path);
      const isGuarded = rules[field.name] !== undefined && rules[field.name] !== OPEN;
      if (inner === null && !isGuarded) continue;
      const required = field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
      if (required.length) throw new Error(`${objectType.name}.${field.name} has required arguments: teach the walk values for them`);
      // A guarded object field with nothing guarded below it (Message.attachments): its presence is what counts.
      fields.push(`${field.name} ${inner ?? (isObjectType(named) || isAbstractType(named) ? '{ __typename }' : '')}`.trim());
    }
    // The id tells whose record a value is (a customer may read their own).
    if (fields.length) parts.push(`... on ${objectType.name} { ${'id' in objectType.getFields() ? 'id ' : ''}${fields.join(' ')} }`);
  }
  return parts.length ? `{ __typename ${parts.join(' ')} }` : null;
}

interface Occurrence {
  typeName: string;
  field: string;
  rule: Exclude<FieldRule, typeof OPEN>;
  value: unknown;
  objectId: unknown;
  path: string;
}

/** Every guarded field in a response, wherever it sits. */
function occurrencesIn(value: unknown, path: (string | number)[] = []): Occurrence[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => occurrencesIn(item, [...path, index]));
  if (!value || typeof value !== 'object') return [];
  const object = value as Record<string, unknown>;
  const own = guarded(String(object.__typename))
    .filter(([field]) => field in object)
    .map(([field, rule]) => ({ typeName: String(object.__typename), field, rule, value: object[field], objectId: object.id, path: [...path, field].join('.') }));
  return [...own, ...Object.entries(object).flatMap(([key, inner]) => occurrencesIn(inner, [...path, key]))];
}

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;
/** The label the thread carries, and one it never does. */
let labelId: string;
let spareLabelId: string;
/** The thread's messages: a customer's question with a file, the pharmacist's answer to it, a partner's note. */
let thread: { asked: string; answered: string; noted: string };
/**
 * Values for the required arguments of partner root queries and mutations; a new one fails
 * the walk until given here. A function gives fresh values on every call (a send's clientMessageId).
 */
let rootArguments: Record<string, Record<string, unknown> | (() => Record<string, unknown>)>;

async function keyWith(scopes: ApiKeyScope[]): Promise<{ secret: string; id: string }> {
  const secret = generateApiKeySecret();
  const inserted = await gateway.dataSource.manager.insert(ApiKey, {
    organizationId: pharmacy.organization.id,
    name: `Walk ${scopes.join(' ') || 'none'}`,
    prefix: secret.displayPrefix,
    secretHash: secret.hash,
    scopes,
  });
  return { secret: secret.secret, id: inserted.identifiers[0]!.id as string };
}

/** What a key wrote itself, which it may read back: the messages it sent. */
async function messagesSentBy(keyId: string): Promise<Set<string>> {
  const rows: { id: string }[] = await gateway.dataSource.query(`SELECT id FROM message WHERE sender_type = 'PARTNER' AND sender_id = $1`, [keyId]);
  return new Set(rows.map((row) => row.id));
}

async function act(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await gateway.graphql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** The walk's operations, one per partner root query or mutation that leads to a guarded field. */
function walkOperations(): { kind: 'query' | 'mutation'; root: string; query: string; variables: () => Record<string, unknown> }[] {
  return (['query', 'mutation'] as const).flatMap((kind) =>
    partnerRootFields(kind)
      .filter((field) => !OWN_MESSAGE_MUTATIONS.includes(field.name) && !SECOND_STEP_MUTATIONS.includes(field.name))
      .flatMap((field: GraphQLField<unknown, unknown>) => {
        const selection = selectionReachingGuardedFields(getNamedType(field.type), new Set());
        if (selection === null) return [];
        const required = field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
        const given = rootArguments[field.name] ?? {};
        const values = typeof given === 'function' ? given : () => given;
        const missing = required.filter((argument) => !(argument.name in values()));
        if (missing.length) throw new Error(`Give the walk values for ${field.name}(${missing.map((argument) => argument.name).join(', ')})`);
        const declarations = required.map((argument) => `$${argument.name}: ${String(argument.type)}`);
        const uses = required.map((argument) => `${argument.name}: $${argument.name}`);
        return [{
          kind,
          root: field.name,
          query: `${kind} Walk${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection} }`,
          variables: values,
        }];
      }),
  );
}

async function walkAs(token: string): Promise<{ kind: 'query' | 'mutation'; root: string; response: GraphQLResponse; occurrences: Occurrence[] }[]> {
  const results = [];
  for (const { kind, root, query, variables } of walkOperations()) {
    const response = await gateway.graphql(query, variables(), token);
    expect([root, response.status, response.status === 200 ? '' : JSON.stringify(response.errors)]).toEqual([root, 200, '']);
    results.push({ kind, root, response, occurrences: occurrencesIn(response.data) });
  }
  return results;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'field-walk');
  const alice = pharmacy.customers[0];
  await gateway.dataSource.manager.update(Customer, { id: alice.id }, {
    email: 'alice@example.test',
    externalId: 'store-7',
    dateOfBirth: '1970-01-01',
    preferredLanguage: 'nl',
    staffNote: 'Prefers mornings',
  });

  // A thread with every kind of person in it: customer, assignee, staff and partner senders, a
  // file, a reply, reactions, read positions, and a SYSTEM message (the assignment).
  const { admin, pharmacist, customer, partnerWrite } = pharmacy.tokens;
  const started = await act(`mutation ($id: ID!) { startConversation(input: { customerId: $id, subject: "Prescription" }) { id } }`, { id: alice.id }, admin);
  conversationId = started.startConversation.id;
  await act(`mutation ($input: AssignConversationInput!) { assignConversation(input: $input) { id } }`, { input: { conversationId, assigneeId: pharmacy.pharmacist.id } }, admin);
  const send = async (token: string, body: string, replyToId?: string) =>
    (await act(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId(), replyToId } }, token)).sendMessage.id;
  const withFile = await sendWithFiles(gateway.url, customer, { conversationId, body: 'Is my prescription ready?', clientMessageId: nextClientMessageId() }, [
    { name: 'prescription.pdf', type: 'application/pdf', data: pdf() },
  ]);
  expect(withFile.body.errors).toBeUndefined();
  const asked = withFile.body.data.sendMessage.id as string;
  const answered = await send(pharmacist, 'Your prescription is ready.', asked);
  const noted = await send(partnerWrite, 'Prescription order shipped.');
  thread = { asked, answered, noted };
  await act(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: answered }, customer);
  await act(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👀") { id } }`, { id: asked }, pharmacist);
  // A label on the thread (issue 19): the team's word for it, which the walk reads as Conversation.labels.
  const label = (await act(`mutation { createLabel(input: { name: "Walked", colour: "#123456" }) { id } }`, {}, admin)).createLabel.id as string;
  await act(`mutation ($c: ID!, $l: ID!) { addConversationLabel(conversationId: $c, labelId: $l) { id } }`, { c: conversationId, l: label }, pharmacist);
  labelId = label;
  spareLabelId = (await act(`mutation { createLabel(input: { name: "Spare", colour: "#654321" }) { id } }`, {}, admin)).createLabel.id as string;
  for (const token of [customer, pharmacist]) {
    await act(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`, { id: conversationId }, token);
  }

  // Resets end every session of their account: one of its own, so the walkers' tokens stay valid.
  const [resetter] = await gateway.dataSource.query(
    `INSERT INTO staff_user (organization_id, email, name, role, password_hash) VALUES ($1, 'resetter@fields.test', 'Resetter', 'STAFF', 'x') RETURNING id`,
    [pharmacy.organization.id],
  );
  for (let n = 0; n < 20; n += 1) {
    const { token, hash } = generateSingleUseToken();
    await gateway.dataSource.query(`INSERT INTO password_reset (organization_id, staff_id, token_hash, expires_at) VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      pharmacy.organization.id,
      resetter.id,
      hash,
    ]);
    resetTokens.push(token);
  }
  for (let n = 0; n < 20; n += 1) {
    const { token, hash } = generateSingleUseToken();
    await gateway.dataSource.query(
      `INSERT INTO staff_invitation (organization_id, email, name, role, token_hash, expires_at) VALUES ($1, $2, 'Walker', 'STAFF', $3, now() + interval '1 day')`,
      [pharmacy.organization.id, `walker-${n}@fields.test`, hash],
    );
    invitationTokens.push(token);
  }

  const day = 24 * 60 * 60 * 1000;
  rootArguments = {
    conversation: { id: conversationId },
    customer: { id: alice.id },
    searchMessages: { query: 'prescription' },
    conversationStats: { input: { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() } },
    widgetConfig: { organizationSlug: pharmacy.organization.slug },
    // Each walker reacts and reads as itself, so repeating these changes nothing that matters to the walk.
    addReaction: { messageId: answered, emoji: '👍' },
    removeReaction: { messageId: asked, emoji: '🙈' },
    sendMessage: () => ({ input: { conversationId, body: 'Walk note', clientMessageId: nextClientMessageId(), replyToId: asked } }),
    startConversation: { input: { customerId: alice.id, subject: 'Walk' } },
    setConversationStatus: { input: { conversationId, status: 'OPEN' } },
    setConversationPriority: { input: { conversationId, priority: 'NORMAL' } },
    assignConversation: { input: { conversationId, assigneeId: pharmacy.pharmacist.id } },
    markConversationRead: { input: { conversationId } },
    // Adding the label the thread has changes nothing; removing one it hasn't (a fresh id is NOT_FOUND, so another label) neither.
    addConversationLabel: () => ({ conversationId, labelId }),
    removeConversationLabel: () => ({ conversationId, labelId: spareLabelId }),
    updateCustomer: { input: { id: alice.id, preferredLanguage: 'nl' } },
    // Bob stays blocked (his blockedAt is the value staff must see); unblocking Alice changes nothing.
    blockCustomer: { customerId: pharmacy.customers[1].id },
    unblockCustomer: { customerId: alice.id },
    writeNote: () => ({ input: { conversationId, body: 'Walk note for the team', clientMessageId: nextClientMessageId() } }),
    createCustomer: () => {
      const unique = nextClientMessageId();
      return { input: { name: 'Walk Customer', phone: '+31611111111', email: `${unique}@example.test`, externalId: unique } };
    },
    signIn: { email: pharmacy.pharmacist.email, password: FIXTURE_PASSWORD },
    // A link works once: every walk accepts an invitation of its own.
    acceptStaffInvite: () => ({ token: invitationTokens.pop(), password: 'a walk through the pharmacy' }),
    requestPasswordReset: { email: 'nobody@fields.test' },
    resetPassword: () => ({ token: resetTokens.pop(), password: 'a walk past the counter' }),
  };
});
afterAll(() => gateway?.dispose());

describe('the classification of what a partner can reach', () => {
  const reached = reachableTypes();

  it('covers every reachable object type', () => {
    const unclassified = [...reached].filter(
      ([name]) => !(name in PERSONAL_DATA_FIELDS) && !TYPES_WITHOUT_PERSONAL_DATA.has(name) && !CONVERSATION_CONTENT_TYPES.has(name),
    );
    expect(unclassified.map(([name, path]) => `${name} (via ${path})`)).toEqual([]);
  });

  it('gives every field of a type that carries personal data a rule, and names only fields that exist', () => {
    for (const [typeName, rules] of Object.entries(PERSONAL_DATA_FIELDS)) {
      const type = schema.getType(typeName);
      expect([typeName, isObjectType(type)]).toEqual([typeName, true]);
      expect(Object.keys(rules).sort()).toEqual(Object.keys((type as GraphQLObjectType).getFields()).sort());
    }
  });

  it('lists no type twice, and none a partner cannot reach', () => {
    for (const name of TYPES_WITHOUT_PERSONAL_DATA) {
      expect([name, reached.has(name), name in PERSONAL_DATA_FIELDS, CONVERSATION_CONTENT_TYPES.has(name)]).toEqual([name, true, false, false]);
    }
    for (const name of CONVERSATION_CONTENT_TYPES) {
      expect([name, reached.has(name), name in PERSONAL_DATA_FIELDS]).toEqual([name, true, false]);
    }
  });

  it('finds no contact-like field on a type said to hold no personal data', () => {
    const suspicious = [...reached.keys()]
      .filter((name) => !(name in PERSONAL_DATA_FIELDS))
      .flatMap((name) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields()).filter((field) => CONTACT_LIKE.test(field)).map((field) => `${name}.${field}`));
    expect(suspicious).toEqual([]);
  });

  it('finds no message-like field on a type said to hold neither personal data nor conversation content', () => {
    const suspicious = [...TYPES_WITHOUT_PERSONAL_DATA].flatMap((name) =>
      Object.keys((schema.getType(name) as GraphQLObjectType).getFields())
        .filter((field) => MESSAGE_LIKE.test(field))
        .map((field) => `${name}.${field}`),
    );
    expect(suspicious).toEqual([]);
  });

  it('guards with permissions a partner scope can grant, or COLLEAGUES', () => {
    for (const [typeName] of Object.entries(PERSONAL_DATA_FIELDS)) {
      for (const [field, rule] of guarded(typeName)) {
        expect([`${typeName}.${field}`, rule === COLLEAGUES || scopeOf(rule) !== undefined]).toEqual([`${typeName}.${field}`, true]);
      }
    }
  });
});

describe('the walk over real data', () => {
  it('keeps the staff-only root fields out of reach of a key with every scope', async () => {
    const everything = (await keyWith(Object.values(ApiKeyScope))).secret;
    for (const kind of ['query', 'mutation', 'subscription'] as const) {
      for (const name of STAFF_ONLY[kind]) {
        const field = roots[kind].getFields()[name]!;
        const response = await probe(kind, field, everything);
        expect([name, response.errors?.[0]?.message]).toEqual([name, expect.stringMatching(/API keys cannot/)]);
      }
    }
  });

  it('reaches conversation content only through a field, or a root field, that needs conversations:read', async () => {
    const withoutRead = (await keyWith(Object.values(ApiKeyScope).filter((scope) => scope !== ApiKeyScope.CONVERSATIONS_READ))).secret;
    const behindRead: string[] = [];
    const leaks: string[] = [];
    for (const kind of ['query', 'mutation', 'subscription'] as const) {
      for (const field of partnerRootFields(kind)) {
        const response = await probe(kind, field, withoutRead);
        const refused = response.errors?.some((error) => (error.extensions?.missingScopes as string[] | undefined)?.includes('conversations:read'));
        if (refused) behindRead.push(field.name);
        else leaks.push(...unguardedContentFrom(field, `${kind} ${field.name}`));
      }
    }
    // The probe itself works: these are known to need the scope.
    expect(behindRead).toEqual(expect.arrayContaining(['conversations', 'conversation', 'searchMessages', 'markConversationRead', 'conversationEvents', 'inboxEvents', 'typing']));
    expect(leaks).toEqual([]);
  });

  it('gives a key every guarded value its scopes allow, and colleagues-only fields to none', async () => {
    const results = await walkAs((await keyWith(Object.values(ApiKeyScope))).secret);
    for (const { root, response } of results) expect([root, response.errors]).toEqual([root, undefined]);
    const occurrences = results.flatMap((result) => result.occurrences);
    for (const [typeName] of Object.entries(PERSONAL_DATA_FIELDS)) {
      for (const [field, rule] of guarded(typeName)) {
        const values = occurrences.filter((occurrence) => occurrence.typeName === typeName && occurrence.field === field).map((occurrence) => occurrence.value);
        // Reached at least once with data behind it, or the walk proves nothing about this field.
        expect([`${typeName}.${field}`, values.length > 0]).toEqual([`${typeName}.${field}`, true]);
        if (rule === COLLEAGUES) expect([`${typeName}.${field}`, values.every((value) => value === null)]).toEqual([`${typeName}.${field}`, true]);
        else expect([`${typeName}.${field}`, values.some((value) => value !== null)]).toEqual([`${typeName}.${field}`, true]);
      }
    }
  });

  const scopesGuarding = [...new Set(Object.keys(PERSONAL_DATA_FIELDS).flatMap((typeName) => guarded(typeName).map(([, rule]) => scopeOf(rule))))].filter(
    (scope): scope is ApiKeyScope => scope !== undefined,
  );

  it('guards conversation content and contact details', () => {
    expect(scopesGuarding.map(scopeName).sort()).toEqual(['conversations:read', 'customers:read']);
  });

  it.each(scopesGuarding.map((scope) => [scopeName(scope), scope] as const))('gives a key lacking %s no value it guards, on any path', async (missing, scope) => {
    const key = await keyWith(Object.values(ApiKeyScope).filter((other) => other !== scope));
    const results = await walkAs(key.secret);
    // What the key wrote itself it reads back, bar what others added to it (reactions).
    const ownMessages = await messagesSentBy(key.id);
    const isOwnWrite = (occurrence: Occurrence) => occurrence.typeName === 'Message' && typeof occurrence.rule === 'string' && ownMessages.has(String(occurrence.objectId));
    let refusals = 0;
    for (const { kind, root, response, occurrences } of results) {
      const errorsByPath = new Map((response.errors ?? []).map((error) => [error.path?.join('.'), error]));
      for (const occurrence of occurrences.filter((candidate) => candidate.rule !== COLLEAGUES && scopeOf(candidate.rule) === scope && !isOwnWrite(candidate))) {
        expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, null]);
        expect([occurrence.path, errorsByPath.get(occurrence.path)?.extensions]).toEqual([occurrence.path, expect.objectContaining({ code: 'FORBIDDEN', missingScopes: [missing] })]);
      }
      // Nothing else goes wrong: every error names the missing scope, on the root field itself or
      // on a field it guards (a refused field that can't be null takes its parent with it).
      for (const error of response.errors ?? []) {
        expect([root, error.extensions]).toEqual([root, expect.objectContaining({ code: 'FORBIDDEN', missingScopes: [missing] })]);
        const path = error.path ?? [];
        if (path.length <= 1) continue;
        const guards = fieldsAtPath(kind, path).map(({ typeName, field }) => PERSONAL_DATA_FIELDS[typeName]?.[field]);
        expect([path.join('.'), guards.some((rule) => rule !== undefined && rule !== OPEN && rule !== COLLEAGUES && scopeOf(rule) === scope)]).toEqual([path.join('.'), true]);
        refusals += 1;
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });

  it('shows staff every guarded value, as before', async () => {
    const results = await walkAs(pharmacy.tokens.pharmacist);
    for (const { root, response } of results) expect([root, response.errors]).toEqual([root, undefined]);
    const occurrences = results.flatMap((result) => result.occurrences);
    for (const [typeName] of Object.entries(PERSONAL_DATA_FIELDS)) {
      for (const [field] of guarded(typeName)) {
        const values = occurrences.filter((occurrence) => occurrence.typeName === typeName && occurrence.field === field).map((occurrence) => occurrence.value);
        expect([`${typeName}.${field}`, values.some((value) => value !== null)]).toEqual([`${typeName}.${field}`, true]);
      }
    }
  });

  it('shows a customer their own record and their conversation, and colleagues-only fields as null without an error, as before', async () => {
    const results = await walkAs(pharmacy.tokens.customer);
    const occurrences = results.flatMap((result) => result.occurrences);
    for (const { root, response } of results) {
      // Root fields a customer may not call at all (or not so) answer at the root; nothing deeper is refused.
      for (const error of response.errors ?? []) expect([root, error.path]).toEqual([root, [root]]);
    }
    const own = occurrences.filter((occurrence) => occurrence.typeName === 'Customer');
    expect(own.length).toBeGreaterThan(0);
    // Their own record, but not the team's note about them (COLLEAGUES: null, checked below).
    for (const occurrence of own.filter((candidate) => candidate.rule !== COLLEAGUES)) {
      expect(occurrence.objectId).toBe(pharmacy.customers[0].id);
      expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, expect.anything()]);
    }
    const bodies = occurrences.filter((occurrence) => occurrence.typeName === 'Message' && occurrence.field === 'body');
    expect(bodies.some((occurrence) => occurrence.value === 'Your prescription is ready.')).toBe(true);
    for (const occurrence of occurrences.filter((candidate) => candidate.rule === COLLEAGUES)) expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, null]);
  });
});

describe('conversation content for a key without conversations:read (issue 14)', () => {
  /** Everything written in the thread: none of it may reach a key that did not write it. */
  const threadTexts = ['Is my prescription ready?', 'Your prescription is ready.', 'Prescription order shipped.', 'prescription.pdf', '"Prescription"', '/files/'];
  const expectNoThreadText = (response: GraphQLResponse) => {
    for (const text of threadTexts) expect([text, JSON.stringify(response.data ?? null).includes(text)]).toEqual([text, false]);
  };
  const refusedAt = (response: GraphQLResponse) =>
    (response.errors ?? []).map((error) => [error.path?.join('.'), error.extensions?.code, error.extensions?.missingScopes]);

  it("gives a messages:write key none of another's message through addReaction: text, files, reply, sender, reactions", async () => {
    const key = (await keyWith([ApiKeyScope.MESSAGES_WRITE])).secret;
    const nullable = await gateway.graphql(
      `mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👀") { id sequence body clientMessageId sender { __typename ... on Customer { name } } replyTo { id body } } }`,
      { id: thread.answered },
      key,
    );
    expect(nullable.data.addReaction).toEqual({ id: thread.answered, sequence: expect.any(Number), body: null, clientMessageId: null, sender: null, replyTo: null });
    expect(refusedAt(nullable).sort()).toEqual(
      ['addReaction.body', 'addReaction.clientMessageId', 'addReaction.replyTo', 'addReaction.sender'].map((path) => [path, 'FORBIDDEN', ['conversations:read']]),
    );
    expectNoThreadText(nullable);

    // A list that can't be null takes the answer with it; the error says which scope it needs.
    for (const field of ['attachments { fileName url }', 'reactions { emoji actor { __typename } }']) {
      const listed = await gateway.graphql(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👀") { id ${field} } }`, { id: thread.asked }, key);
      expect(listed.data).toBeNull();
      expect(refusedAt(listed)).toEqual([[`addReaction.${field.split(' ')[0]}`, 'FORBIDDEN', ['conversations:read']]]);
      expectNoThreadText(listed);
    }
  });

  it('gives conversations:write and messages:write keys no subject, messages or people through the conversations they change or start', async () => {
    const manager = (await keyWith([ApiKeyScope.CONVERSATIONS_WRITE])).secret;
    const changed = await gateway.graphql(
      `mutation ($id: ID!) { setConversationStatus(input: { conversationId: $id, status: OPEN }) { id status subject customer { name } lastMessage { id body } } }`,
      { id: conversationId },
      manager,
    );
    expect(changed.data.setConversationStatus).toEqual({ id: conversationId, status: 'OPEN', subject: null, customer: { name: pharmacy.customers[0].name }, lastMessage: null });
    expect(refusedAt(changed).sort()).toEqual(['setConversationStatus.lastMessage', 'setConversationStatus.subject'].map((path) => [path, 'FORBIDDEN', ['conversations:read']]));
    expectNoThreadText(changed);
    for (const [mutation, field] of [
      ['assignConversation(input: { conversationId: $id, assigneeId: null })', 'messages { edges { node { body } } }'],
      ['setConversationPriority(input: { conversationId: $id, priority: HIGH })', 'participants { actor { __typename } lastReadSequence }'],
    ] as const) {
      const answered = await gateway.graphql(`mutation ($id: ID!) { ${mutation} { id ${field} } }`, { id: conversationId }, manager);
      expect(answered.data).toBeNull();
      expect(refusedAt(answered)).toEqual([[`${mutation.split('(')[0]}.${field.split(' ')[0]}`, 'FORBIDDEN', ['conversations:read']]]);
      expectNoThreadText(answered);
    }
    await gateway.graphql(`mutation ($id: ID!) { assignConversation(input: { conversationId: $id, assigneeId: "${pharmacy.pharmacist.id}" }) { id } }`, { id: conversationId }, pharmacy.tokens.admin);

    const writer = (await keyWith([ApiKeyScope.MESSAGES_WRITE])).secret;
    const started = await gateway.graphql(
      `mutation ($id: ID!) { startConversation(input: { customerId: $id, subject: "Delivery" }) { id subject messages { edges { node { id } } } } }`,
      { id: pharmacy.customers[0].id },
      writer,
    );
    expect(started.data).toBeNull();
    expect(refusedAt(started).sort()).toEqual(['startConversation.messages', 'startConversation.subject'].map((path) => [path, 'FORBIDDEN', ['conversations:read']]));
  });

  it('lets a messages:write key read back the message it sent, edited or deleted: its text, files and itself as sender, but not the message it answered, nor reactions', async () => {
    const { secret: key, id: keyId } = await keyWith([ApiKeyScope.MESSAGES_WRITE]);
    const sent = await sendWithFiles(gateway.url, key, { conversationId, body: 'Your order is on its way.', clientMessageId: nextClientMessageId(), replyToId: thread.asked }, [
      { name: 'delivery-note.pdf', type: 'application/pdf', data: pdf() },
    ]);
    expect(sent.body.errors).toBeUndefined();
    const own = sent.body.data.sendMessage;
    expect(own.body).toBe('Your order is on its way.');
    expect(own.attachments).toEqual([expect.objectContaining({ fileName: 'delivery-note.pdf', url: expect.stringContaining('/files/') })]);

    const edited = await gateway.graphql(
      `mutation ($id: ID!) { editMessage(input: { messageId: $id, body: "Your order ships today." }) { body clientMessageId sender { ... on PartnerApp { id } } replyTo { id body } } }`,
      { id: own.id },
      key,
    );
    expect(edited.data.editMessage).toEqual({ body: 'Your order ships today.', clientMessageId: expect.any(String), sender: { id: keyId }, replyTo: { id: thread.asked, body: null } });
    expect(refusedAt(edited)).toEqual([['editMessage.replyTo.body', 'FORBIDDEN', ['conversations:read']]]);

    await gateway.graphql(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: own.id }, pharmacy.tokens.customer);
    const reacted = await gateway.graphql(`mutation ($id: ID!) { removeReaction(messageId: $id, emoji: "🙈") { reactions { emoji } } }`, { id: own.id }, key);
    expect(refusedAt(reacted)).toEqual([['removeReaction.reactions', 'FORBIDDEN', ['conversations:read']]]);

    const deleted = await gateway.graphql(`mutation ($id: ID!) { deleteMessage(messageId: $id) { id body deletedAt attachments { id } } }`, { id: own.id }, key);
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data.deleteMessage).toEqual({ id: own.id, body: null, deletedAt: expect.any(String), attachments: [] });
  });

  it('answers a key with conversations:read exactly as before', async () => {
    const key = (await keyWith([ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.MESSAGES_WRITE])).secret;
    const response = await gateway.graphql(
      `mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👀") { body attachments { fileName } replyTo { body } sender { ... on Customer { name } } reactions { emoji } } }`,
      { id: thread.asked },
      key,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.addReaction).toMatchObject({ body: 'Is my prescription ready?', attachments: [{ fileName: 'prescription.pdf' }], replyTo: null, sender: { name: pharmacy.customers[0].name } });
  });
});

/** Calls a root field with placeholder arguments (over WebSocket for a subscription): for the answers that need no data. */
async function probe(kind: keyof typeof roots, field: GraphQLField<unknown, unknown>, token: string): Promise<GraphQLResponse> {
  const { argumentList, variables } = placeholderArguments(field);
  const { __declarations, ...values } = variables as { __declarations: string[] };
  const header = __declarations.length ? `(${__declarations.join(', ')})` : '';
  const named = getNamedType(field.type);
  const selection = isObjectType(named) || isAbstractType(named) ? '{ __typename }' : '';
  const query = `${kind} Probe${header} { ${field.name}${argumentList} ${selection} }`;
  if (kind !== 'subscription') return gateway.graphql(query, values, token);
  const subscriber = connectSubscriber(gateway.wsUrl, token);
  try {
    // A refusal comes at once; a subscription it lets through waits for events, which none of these ids get.
    const first = await subscriber.subscribe(query, values).next(2_000).catch(() => ({ errors: undefined }));
    return { status: 200, errors: first.errors as GraphQLResponse['errors'] };
  } finally {
    await subscriber.dispose();
  }
}
