import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, type ExecutionArgs } from 'graphql';
import { readFileSync } from 'node:fs';
import { ApiKeyScope } from '../../../entities/api-key.entity.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import type { Viewer } from '../../../gateway/auth/viewer.js';
import { selectsOnlyViewerIndependentFields, subscriptionGroup } from '../../../gateway/pipeline/subscription-group.js';

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const THREAD = `subscription ($id: ID!, $after: Int) { conversationEvents(conversationId: $id, afterSequence: $after) { kind message { id body sender { __typename ... on Customer { name phone } } } } }`;
const UNREAD = `subscription { inboxEvents { id unreadCount } }`;

const organizationId = 'org-1';
const pharmacist = (staffId: string): Viewer => ({ kind: 'staff', organizationId, staffId, role: StaffRole.PHARMACIST });
const partner = (apiKeyId: string, scopes: ApiKeyScope[]): Viewer => ({ kind: 'partner', organizationId, apiKeyId, scopes });
const customer = (customerId: string): Viewer => ({ kind: 'customer', organizationId, customerId, issuedAt: new Date(0) });
const args = (query: string, variableValues?: Record<string, unknown>): ExecutionArgs => ({ schema, document: parse(query), variableValues });
const group = (viewer: Viewer, query = THREAD, variables: Record<string, unknown> = { id: 'c-1', after: 0 }) => subscriptionGroup(args(query, variables), viewer);

describe('subscriptionGroup', () => {
  it('puts two staff members of one role and organization in one group', () => {
    expect(group(pharmacist('a'))).toBe(group(pharmacist('b')));
  });

  it('ignores the arguments that only choose the stream: where the replay starts', () => {
    expect(group(pharmacist('a'), THREAD, { id: 'c-1', after: 0 })).toBe(group(pharmacist('a'), THREAD, { id: 'c-2', after: 17 }));
  });

  it('separates other roles, organizations, documents and variables the resolution reads', () => {
    const base = group(pharmacist('a'));
    expect(group({ kind: 'staff', organizationId, staffId: 'a', role: StaffRole.ADMIN })).not.toBe(base);
    expect(group({ kind: 'staff', organizationId: 'org-2', staffId: 'a', role: StaffRole.PHARMACIST })).not.toBe(base);
    expect(group(pharmacist('a'), THREAD.replace('phone', 'externalId'))).not.toBe(base);
    const paged = `subscription ($last: Int) { inboxEvents { id messages(last: $last) { edges { node { id } } } } }`;
    expect(group(pharmacist('a'), paged, { last: 1 })).not.toBe(group(pharmacist('a'), paged, { last: 2 }));
    // Left out takes the default; null does not.
    expect(group(pharmacist('a'), paged, {})).not.toBe(group(pharmacist('a'), paged, { last: null }));
  });

  it('separates a key without customers:read from staff and from a key with it', () => {
    const reader = partner('k-1', [ApiKeyScope.CONVERSATIONS_READ]);
    expect(group(reader)).not.toBe(group(pharmacist('a')));
    expect(group(reader)).not.toBe(group(partner('k-1', [ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.CUSTOMERS_READ])));
  });

  it('keeps keys and customers to themselves: their own records and messages read differently', () => {
    const scopes = [ApiKeyScope.CONVERSATIONS_READ, ApiKeyScope.CUSTOMERS_READ];
    expect(group(partner('k-1', scopes))).not.toBe(group(partner('k-2', scopes)));
    expect(group(partner('k-1', scopes))).toBe(group(partner('k-1', scopes)));
    expect(group(customer('alice'))).not.toBe(group(customer('bob')));
  });

  it('groups by viewer when the document selects a viewer-dependent field', () => {
    expect(group(pharmacist('a'), UNREAD, {})).not.toBe(group(pharmacist('b'), UNREAD, {}));
    expect(group(pharmacist('a'), UNREAD, {})).toBe(group(pharmacist('a'), UNREAD, {}));
  });
});

describe('selectsOnlyViewerIndependentFields', () => {
  it('accepts the fields listed as the same for a class, through fragments and unions', () => {
    const document = parse(`subscription { conversationEvents(conversationId: "c") { ...E } } fragment E on ConversationEvent { kind message { sender { __typename ... on StaffMember { name } } } }`);
    expect(selectsOnlyViewerIndependentFields(schema, document)).toBe(true);
  });

  it('refuses a viewer-dependent field, wherever it is', () => {
    expect(selectsOnlyViewerIndependentFields(schema, parse(UNREAD))).toBe(false);
    expect(selectsOnlyViewerIndependentFields(schema, parse(`subscription { inboxEvents { ...R } } fragment R on Conversation { id unreadCount }`))).toBe(false);
  });

  it('fails closed on a field it does not know', () => {
    expect(selectsOnlyViewerIndependentFields(schema, parse(`subscription { inboxEvents { id notAField } }`))).toBe(false);
  });
});
