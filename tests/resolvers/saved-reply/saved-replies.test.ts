import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { createPharmacy, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const FIELDS = 'id shortcut title body shared';
const LIST = `query ($search: String) { savedReplies(search: $search) { ${FIELDS} } }`;
const CREATE = `mutation ($input: CreateSavedReplyInput!) { createSavedReply(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateSavedReplyInput!) { updateSavedReply(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteSavedReply(id: $id) { id } }`;

describe('saved replies', () => {
  let gateway: TestGateway;
  let north: PharmacyFixture;
  let south: PharmacyFixture;
  /** A second STAFF member of north: a colleague whose personal replies the pharmacist must not see. */
  let colleague: string;

  const create = (token: string, input: Record<string, unknown>) => gateway.graphql(CREATE, { input }, token);
  const created = async (token: string, input: Record<string, unknown>) => {
    const response = await create(token, input);
    expect(response.errors).toBeUndefined();
    return response.data.createSavedReply as { id: string; shortcut: string; shared: boolean };
  };
  const shortcuts = async (token: string, search?: string) =>
    ((await gateway.graphql(LIST, { search }, token)).data.savedReplies as { shortcut: string; shared: boolean }[]).map((reply) => `${reply.shortcut}${reply.shared ? ' (shared)' : ''}`);
  const codeOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) => response.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    gateway = await startTestGateway();
    north = await createPharmacy(gateway.dataSource, gateway.tokens, 'north-replies');
    south = await createPharmacy(gateway.dataSource, gateway.tokens, 'south-replies');
    const staff = await gateway.dataSource.manager.save(
      gateway.dataSource.manager.create(StaffUser, { organizationId: north.organization.id, email: 'colleague@north-replies.test', name: 'Colleague North', role: StaffRole.STAFF, passwordHash: 'x' }),
    );
    colleague = await staffSessionToken(gateway.dataSource, gateway.tokens, staff);
  });
  afterAll(() => gateway.dispose());

  it('creates, lists, updates and deletes a personal reply', async () => {
    const reply = await created(north.tokens.pharmacist, { shortcut: '/Opening-Hours', title: 'Opening hours', body: 'Hi {{customer.firstName}}, we are open 8–18. {{me}}' });
    expect(reply).toMatchObject({ shortcut: 'opening-hours', shared: false });
    expect(await shortcuts(north.tokens.pharmacist)).toContain('opening-hours');

    const updated = await gateway.graphql(UPDATE, { input: { id: reply.id, title: 'Hours', body: 'Open 8–18 at {{pharmacy.name}}.' } }, north.tokens.pharmacist);
    expect(updated.data.updateSavedReply).toMatchObject({ shortcut: 'opening-hours', title: 'Hours', body: 'Open 8–18 at {{pharmacy.name}}.' });

    expect((await gateway.graphql(DELETE, { id: reply.id }, north.tokens.pharmacist)).data.deleteSavedReply.id).toBe(reply.id);
    expect(await shortcuts(north.tokens.pharmacist)).not.toContain('opening-hours');
  });

  it("shows staff the pharmacy's shared replies and only their own personal ones", async () => {
    await created(north.tokens.admin, { shortcut: 'prescription-ready', title: 'Prescription ready', body: 'Your prescription is ready, {{customer.firstName}}.', shared: true });
    const mine = await created(north.tokens.pharmacist, { shortcut: 'thanks', title: 'Thanks', body: 'Thank you!' });
    const theirs = await created(colleague, { shortcut: 'thanks', title: 'Thanks (colleague)', body: 'Thanks a lot!' });

    expect(await shortcuts(north.tokens.pharmacist)).toEqual(['prescription-ready (shared)', 'thanks']);
    expect(await shortcuts(colleague)).toEqual(['prescription-ready (shared)', 'thanks']);
    expect(await shortcuts(north.tokens.admin)).toEqual(['prescription-ready (shared)']);

    // Another staff member's personal reply is as missing as one that never existed.
    expect(codeOf(await gateway.graphql(UPDATE, { input: { id: theirs.id, title: 'Mine now' } }, north.tokens.pharmacist))).toBe('NOT_FOUND');
    expect(codeOf(await gateway.graphql(DELETE, { id: theirs.id }, north.tokens.admin))).toBe('NOT_FOUND');
    expect(codeOf(await gateway.graphql(DELETE, { id: mine.id }, colleague))).toBe('NOT_FOUND');
  });

  it('searches by the start of a shortcut and by words in title or body, ordered by shortcut', async () => {
    await created(north.tokens.pharmacist, { shortcut: 'delivery-time', title: 'When we deliver', body: 'Our courier comes by in the afternoon.' });
    await created(north.tokens.pharmacist, { shortcut: 'deli', title: 'Short', body: 'Deli-cious.' });
    expect(await shortcuts(north.tokens.pharmacist, 'deli')).toEqual(['deli', 'delivery-time']);
    expect(await shortcuts(north.tokens.pharmacist, '/delivery')).toEqual(['delivery-time']);
    expect(await shortcuts(north.tokens.pharmacist, 'COURIER')).toEqual(['delivery-time']);
    expect(await shortcuts(north.tokens.pharmacist, '%')).toEqual([]);
  });

  it('keeps the shared replies for admins: a pharmacist may use them but not create, change or delete them', async () => {
    expect(codeOf(await create(north.tokens.pharmacist, { shortcut: 'team-wide', title: 'Team', body: 'Hello', shared: true }))).toBe('FORBIDDEN');
    const shared = await created(north.tokens.admin, { shortcut: 'closed-sunday', title: 'Closed on Sunday', body: 'We are closed on Sundays.', shared: true });
    expect(codeOf(await gateway.graphql(UPDATE, { input: { id: shared.id, title: 'Open on Sunday' } }, north.tokens.pharmacist))).toBe('FORBIDDEN');
    expect(codeOf(await gateway.graphql(DELETE, { id: shared.id }, north.tokens.pharmacist))).toBe('FORBIDDEN');
    const renamed = await gateway.graphql(UPDATE, { input: { id: shared.id, shortcut: 'sunday' } }, north.tokens.admin);
    expect(renamed.data.updateSavedReply).toMatchObject({ shortcut: 'sunday', shared: true });
    expect((await gateway.graphql(DELETE, { id: shared.id }, north.tokens.admin)).errors).toBeUndefined();
  });

  it('refuses a shortcut already used in the same scope with CONFLICT, but not across scopes', async () => {
    await created(north.tokens.pharmacist, { shortcut: 'same', title: 'Mine', body: 'Mine' });
    expect(codeOf(await create(north.tokens.pharmacist, { shortcut: 'Same', title: 'Again', body: 'Again' }))).toBe('CONFLICT');
    // The same shortcut shared, for a colleague, and in another pharmacy: all fine.
    await created(north.tokens.admin, { shortcut: 'same', title: 'Shared', body: 'Shared', shared: true });
    expect(codeOf(await create(north.tokens.admin, { shortcut: 'same', title: 'Shared again', body: 'Shared', shared: true }))).toBe('CONFLICT');
    await created(colleague, { shortcut: 'same', title: 'Theirs', body: 'Theirs' });
    await created(south.tokens.pharmacist, { shortcut: 'same', title: 'South', body: 'South' });
    // Renaming onto a taken shortcut too.
    const other = await created(north.tokens.pharmacist, { shortcut: 'other', title: 'Other', body: 'Other' });
    expect(codeOf(await gateway.graphql(UPDATE, { input: { id: other.id, shortcut: 'same' } }, north.tokens.pharmacist))).toBe('CONFLICT');
  });

  it('refuses bad input with BAD_USER_INPUT, naming unknown placeholders', async () => {
    for (const [input, field] of [
      [{ shortcut: 'with space', title: 'T', body: 'B' }, 'shortcut'],
      [{ shortcut: 'ümlaut', title: 'T', body: 'B' }, 'shortcut'],
      [{ shortcut: '', title: 'T', body: 'B' }, 'shortcut'],
      [{ shortcut: 'x'.repeat(41), title: 'T', body: 'B' }, 'shortcut'],
      [{ shortcut: 'ok', title: '  ', body: 'B' }, 'title'],
      [{ shortcut: 'ok', title: 'T', body: '   ' }, 'body'],
      [{ shortcut: 'ok', title: 'T', body: 'x'.repeat(4001) }, 'body'],
    ] as const) {
      const response = await create(north.tokens.pharmacist, input);
      expect([input, codeOf(response), response.errors?.[0]?.extensions?.field]).toEqual([input, 'BAD_USER_INPUT', field]);
    }
    const unknown = await create(north.tokens.pharmacist, { shortcut: 'typo', title: 'Typo', body: 'Hi {{customer.firstname}}, from {{pharmacy.name}} and {{ shop }}' });
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toBe('Unknown placeholders: {{customer.firstname}}, {{shop}}.');
    expect(unknown.errors?.[0]?.extensions?.unknownPlaceholders).toEqual(['customer.firstname', 'shop']);
    expect(codeOf(await gateway.graphql(UPDATE, { input: { id: 'not-an-id', title: 'x' } }, north.tokens.pharmacist))).toBe('BAD_USER_INPUT');
  });

  it("answers NOT_FOUND for another pharmacy's reply and never lists it", async () => {
    const southShared = await created(south.tokens.admin, { shortcut: 'south-only', title: 'South', body: 'South only', shared: true });
    expect(await shortcuts(north.tokens.admin, 'south')).toEqual([]);
    expect(codeOf(await gateway.graphql(UPDATE, { input: { id: southShared.id, title: 'Taken over' } }, north.tokens.admin))).toBe('NOT_FOUND');
    expect(codeOf(await gateway.graphql(DELETE, { id: southShared.id }, north.tokens.admin))).toBe('NOT_FOUND');
  });

  it('is for staff only: partners and customers are FORBIDDEN', async () => {
    for (const token of [north.tokens.partnerWrite, north.tokens.customer]) {
      expect(codeOf(await gateway.graphql(LIST, {}, token))).toBe('FORBIDDEN');
      expect(codeOf(await create(token, { shortcut: 'x', title: 'x', body: 'x' }))).toBe('FORBIDDEN');
    }
  });

  it('lists the placeholders a reply may hold', async () => {
    const response = await gateway.graphql(`{ savedReplyPlaceholders }`, {}, north.tokens.pharmacist);
    expect(response.data.savedReplyPlaceholders).toEqual(expect.arrayContaining(['customer.firstName', 'customer.lastName', 'pharmacy.name', 'staff.firstName', 'me']));
  });
});
