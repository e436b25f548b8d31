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
import { COLLEAGUES, OPEN, PERSONAL_DATA_FIELDS, TYPES_WITHOUT_PERSONAL_DATA, type FieldRule } from '../../../gateway/auth/field-permissions.js';
import { Permission, scopeGranting } from '../../../gateway/auth/permission.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { placeholderArguments } from '../../support/placeholder-arguments.js';
import { startTestGateway, type GraphQLResponse, type TestGateway } from '../../support/test-gateway.js';

/**
 * Walks the checked-in schema from every root field a partner can call, through every
 * object type reachable by fields (unions included), so a new type or field is covered
 * without editing this test:
 * - every reachable type is classified in gateway/auth/field-permissions.ts, and every
 *   field of a type that carries personal data has a rule there;
 * - every path from a partner's root query to a guarded field is asked for at once, with
 *   real data behind it: a key lacking the scope reads null and FORBIDDEN naming it on
 *   every occurrence, a key with it reads the value, staff read everything, and a customer
 *   reads their own record and nothing that needs another permission.
 */

/** Root fields no API key can call, whatever its scopes (checked below: they answer "API keys cannot"). */
const STAFF_ONLY = {
  query: ['apiKeys', 'auditLog', 'widgetSecret'],
  mutation: ['createApiKey', 'revokeApiKey', 'rotateWidgetSecret', 'updateOrganizationSettings', 'exportCustomerData', 'eraseCustomer'],
};
/** Names that smell of contact details: a reachable field so named must sit on a classified personal-data type. */
const CONTACT_LIKE = /phone|e-?mail|externalId|address|^ip$|birth/i;

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
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

/**
 * The selection under `type` that reaches every guarded field, each object type at most
 * once per path; null when none is reachable from here.
 */
function selectionReachingGuardedFields(type: GraphQLNamedType, onPath: ReadonlySet<string>): string | null {
  const parts: string[] = [];
  for (const objectType of objectTypesOf(type)) {
    if (onPath.has(objectType.name)) continue;
    const path = new Set([...onPath, objectType.name]);
    const fields: string[] = guarded(objectType.name).map(([name]) => name);
    for (const field of Object.values(objectType.getFields())) {
      const inner = selectionReachingGuardedFields(getNamedType(field.type), path);
      if (inner === null) continue;
      const required = field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
      if (required.length) throw new Error(`${objectType.name}.${field.name} has required arguments: teach the walk values for them`);
      fields.push(`${field.name} ${inner}`);
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
/** Values for the required arguments of partner root queries; a new one fails the walk until given here. */
let rootArguments: Record<string, Record<string, unknown>>;

async function keyWith(scopes: ApiKeyScope[]): Promise<string> {
  const secret = generateApiKeySecret();
  await gateway.dataSource.manager.insert(ApiKey, {
    organizationId: pharmacy.organization.id,
    name: `Walk ${scopes.join(' ') || 'none'}`,
    prefix: secret.displayPrefix,
    secretHash: secret.hash,
    scopes,
  });
  return secret.secret;
}

async function act(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await gateway.graphql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

/** The walk's queries, one per partner root query that leads to a guarded field. */
function walkQueries(): { root: string; query: string; variables: Record<string, unknown> }[] {
  return partnerRootFields('query').flatMap((field: GraphQLField<unknown, unknown>) => {
    const selection = selectionReachingGuardedFields(getNamedType(field.type), new Set());
    if (selection === null) return [];
    const required = field.args.filter((argument) => isNonNullType(argument.type) && argument.defaultValue === undefined);
    const values = rootArguments[field.name] ?? {};
    const missing = required.filter((argument) => !(argument.name in values));
    if (missing.length) throw new Error(`Give the walk values for ${field.name}(${missing.map((argument) => argument.name).join(', ')})`);
    const declarations = required.map((argument) => `$${argument.name}: ${String(argument.type)}`);
    const uses = required.map((argument) => `${argument.name}: $${argument.name}`);
    return [{
      root: field.name,
      query: `query Walk${declarations.length ? `(${declarations.join(', ')})` : ''} { ${field.name}${uses.length ? `(${uses.join(', ')})` : ''} ${selection} }`,
      variables: values,
    }];
  });
}

async function walkAs(token: string): Promise<{ root: string; response: GraphQLResponse; occurrences: Occurrence[] }[]> {
  const results = [];
  for (const { root, query, variables } of walkQueries()) {
    const response = await gateway.graphql(query, variables, token);
    expect([root, response.status, response.status === 200 ? '' : JSON.stringify(response.errors)]).toEqual([root, 200, '']);
    results.push({ root, response, occurrences: occurrencesIn(response.data) });
  }
  return results;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'field-walk');
  const alice = pharmacy.customers[0];
  await gateway.dataSource.manager.update(Customer, { id: alice.id }, { email: 'alice@example.test', externalId: 'store-7' });

  // A thread with every kind of person in it: customer, assignee, staff and partner senders, reactions, read positions.
  const { admin, pharmacist, customer, partnerWrite } = pharmacy.tokens;
  const started = await act(`mutation ($id: ID!) { startConversation(input: { customerId: $id, subject: "Prescription" }) { id } }`, { id: alice.id }, admin);
  conversationId = started.startConversation.id;
  await act(`mutation ($input: AssignConversationInput!) { assignConversation(input: $input) { id } }`, { input: { conversationId, assigneeId: pharmacy.pharmacist.id } }, admin);
  const send = async (token: string, body: string) =>
    (await act(`mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`, { input: { conversationId, body, clientMessageId: nextClientMessageId() } }, token)).sendMessage.id;
  const asked = await send(customer, 'Is my prescription ready?');
  const answered = await send(pharmacist, 'Your prescription is ready.');
  await send(partnerWrite, 'Prescription order shipped.');
  await act(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: answered }, customer);
  await act(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👀") { id } }`, { id: asked }, pharmacist);
  for (const token of [customer, pharmacist]) {
    await act(`mutation ($id: ID!) { markConversationRead(input: { conversationId: $id }) { id } }`, { id: conversationId }, token);
  }

  const day = 24 * 60 * 60 * 1000;
  rootArguments = {
    conversation: { id: conversationId },
    customer: { id: alice.id },
    searchMessages: { query: 'prescription' },
    conversationStats: { input: { from: new Date(Date.now() - day).toISOString(), to: new Date(Date.now() + day).toISOString() } },
    widgetConfig: { organizationSlug: pharmacy.organization.slug },
  };
});
afterAll(() => gateway?.dispose());

describe('the classification of what a partner can reach', () => {
  const reached = reachableTypes();

  it('covers every reachable object type', () => {
    const unclassified = [...reached].filter(([name]) => !(name in PERSONAL_DATA_FIELDS) && !TYPES_WITHOUT_PERSONAL_DATA.has(name));
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
      expect([name, reached.has(name), name in PERSONAL_DATA_FIELDS]).toEqual([name, true, false]);
    }
  });

  it('finds no contact-like field on a type said to hold no personal data', () => {
    const suspicious = [...reached.keys()]
      .filter((name) => !(name in PERSONAL_DATA_FIELDS))
      .flatMap((name) => Object.keys((schema.getType(name) as GraphQLObjectType).getFields()).filter((field) => CONTACT_LIKE.test(field)).map((field) => `${name}.${field}`));
    expect(suspicious).toEqual([]);
  });

  it('guards with permissions a partner scope can grant, or COLLEAGUES', () => {
    for (const [typeName] of Object.entries(PERSONAL_DATA_FIELDS)) {
      for (const [field, rule] of guarded(typeName)) {
        expect([`${typeName}.${field}`, rule === COLLEAGUES || scopeGranting(rule as Permission) !== undefined]).toEqual([`${typeName}.${field}`, true]);
      }
    }
  });
});

describe('the walk over real data', () => {
  it('keeps the staff-only root fields out of reach of a key with every scope', async () => {
    const everything = await keyWith(Object.values(ApiKeyScope));
    for (const kind of ['query', 'mutation'] as const) {
      for (const name of STAFF_ONLY[kind]) {
        const field = roots[kind].getFields()[name]!;
        const { argumentList, variables } = placeholderArguments(field);
        const { __declarations, ...values } = variables as { __declarations: string[] };
        const header = __declarations.length ? `(${__declarations.join(', ')})` : '';
        const named = getNamedType(field.type);
        const selection = isObjectType(named) || isAbstractType(named) ? '{ __typename }' : '';
        const response = await gateway.graphql(`${kind} Probe${header} { ${name}${argumentList} ${selection} }`, values, everything);
        expect([name, response.errors?.[0]?.message]).toEqual([name, expect.stringMatching(/API keys cannot/)]);
      }
    }
  });

  it('gives a key every guarded value its scopes allow, and colleagues-only fields to none', async () => {
    const results = await walkAs(await keyWith(Object.values(ApiKeyScope)));
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

  const scopesGuarding = [...new Set(Object.keys(PERSONAL_DATA_FIELDS).flatMap((typeName) => guarded(typeName).map(([, rule]) => rule)))]
    .filter((rule): rule is Permission => rule !== COLLEAGUES)
    .map((permission) => scopeGranting(permission)!);

  it.each(scopesGuarding.map((scope) => [scopeName(scope), scope] as const))('gives a key lacking %s no value it guards, on any path', async (missing, scope) => {
    const results = await walkAs(await keyWith(Object.values(ApiKeyScope).filter((other) => other !== scope)));
    let refusals = 0;
    for (const { root, response, occurrences } of results) {
      const errorsByPath = new Map((response.errors ?? []).map((error) => [error.path?.join('.'), error]));
      for (const occurrence of occurrences.filter((candidate) => candidate.rule !== COLLEAGUES && scopeGranting(candidate.rule) === scope)) {
        expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, null]);
        expect([occurrence.path, errorsByPath.get(occurrence.path)?.extensions]).toEqual([occurrence.path, expect.objectContaining({ code: 'FORBIDDEN', missingScopes: [missing] })]);
        refusals += 1;
      }
      // Nothing else goes wrong: every error is one of those refusals, or the root field itself needing the scope.
      for (const error of response.errors ?? []) {
        expect([root, error.extensions]).toEqual([root, expect.objectContaining({ code: 'FORBIDDEN', missingScopes: [missing] })]);
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

  it('shows a customer their own record, and colleagues-only fields as null without an error, as before', async () => {
    const results = await walkAs(pharmacy.tokens.customer);
    const occurrences = results.flatMap((result) => result.occurrences);
    for (const { root, response } of results) {
      // Root fields a customer may not call at all answer FORBIDDEN at the root; nothing deeper is refused.
      for (const error of response.errors ?? []) expect([root, error.path]).toEqual([root, [root]]);
    }
    const own = occurrences.filter((occurrence) => occurrence.typeName === 'Customer');
    expect(own.length).toBeGreaterThan(0);
    for (const occurrence of own) {
      expect(occurrence.objectId).toBe(pharmacy.customers[0].id);
      expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, expect.any(String)]);
    }
    for (const occurrence of occurrences.filter((candidate) => candidate.rule === COLLEAGUES)) expect([occurrence.path, occurrence.value]).toEqual([occurrence.path, null]);
  });
});
