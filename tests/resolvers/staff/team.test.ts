import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { hashPassword } from '../../../gateway/auth/password.js';
import { openAcknowledgedSocket } from '../../support/acknowledged-socket.js';
import { createPharmacy, FIXTURE_PASSWORD, nextClientMessageId, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** Roles and deactivation: the last admin stays, and a change takes effect at once on HTTP and sockets. */
let gateway: TestGateway;
let pharmacy: PharmacyFixture;

const SET_ROLE = `mutation ($id: ID!, $role: StaffRole!) { setStaffRole(id: $id, role: $role) { id role } }`;
const DEACTIVATE = `mutation ($id: ID!) { deactivateStaff(id: $id) { id active } }`;
const REACTIVATE = `mutation ($id: ID!) { reactivateStaff(id: $id) { id active } }`;
const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const whoAmI = (token: string) => gateway.graphql(`{ viewer { staff { id role } } }`, {}, token);

let passwordHash: string;
async function addStaff(email: string, role: StaffRole): Promise<{ staff: StaffUser; token: string }> {
  passwordHash ??= await hashPassword(FIXTURE_PASSWORD);
  const manager = gateway.dataSource.manager;
  const staff = await manager.save(manager.create(StaffUser, { organizationId: pharmacy.organization.id, email, name: email.split('@')[0], role, passwordHash }));
  return { staff, token: await staffSessionToken(gateway.dataSource, gateway.tokens, staff) };
}

const audited = async (action: string, objectId: string) =>
  (await gateway.dataSource.query(`SELECT details FROM audit_event WHERE action = $1 AND object_id = $2`, [action, objectId])).map((row: { details: unknown }) => row.details);

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'team');
});
afterAll(() => gateway.dispose());

describe('the last admin', () => {
  it('can be neither demoted nor deactivated', async () => {
    const demoted = await gateway.graphql(SET_ROLE, { id: pharmacy.admin.id, role: 'PHARMACIST' }, pharmacy.tokens.admin);
    expect(codeOf(demoted)).toBe('CONFLICT');
    expect(demoted.errors![0]!.message).toMatch(/at least one active admin/);
    const other = await addStaff('second-admin@team.test', StaffRole.ADMIN);
    // Now there are two; the other may not deactivate the first once they are alone either.
    expect(codeOf(await gateway.graphql(DEACTIVATE, { id: other.staff.id }, other.token))).toBe('CONFLICT');
    expect((await gateway.graphql(DEACTIVATE, { id: other.staff.id }, pharmacy.tokens.admin)).data.deactivateStaff.active).toBe(false);
    expect(codeOf(await gateway.graphql(DEACTIVATE, { id: pharmacy.admin.id }, pharmacy.tokens.admin))).toBe('CONFLICT');
  });

  it('survives two admins demoting each other at the same moment', async () => {
    // A pharmacy of exactly two admins: each demotes the other at once; one of them must stay.
    const race = await createPharmacy(gateway.dataSource, gateway.tokens, 'team-race');
    await gateway.dataSource.query(`UPDATE staff_user SET role = 'ADMIN' WHERE id = $1`, [race.pharmacist.id]);
    const pharmacistAsAdmin = await staffSessionToken(gateway.dataSource, gateway.tokens, { ...race.pharmacist, role: StaffRole.ADMIN });
    const answers = await Promise.all([
      gateway.graphql(SET_ROLE, { id: race.pharmacist.id, role: 'STAFF' }, race.tokens.admin),
      gateway.graphql(SET_ROLE, { id: race.admin.id, role: 'STAFF' }, pharmacistAsAdmin),
    ]);
    const [{ count }] = await gateway.dataSource.query(`SELECT count(*)::int AS count FROM staff_user WHERE organization_id = $1 AND role = 'ADMIN'`, [race.organization.id]);
    expect(count).toBe(1);
    expect(answers.map(codeOf).sort()).toEqual(['CONFLICT', undefined]);
  });
});

describe('a role change', () => {
  it('ends the member’s sessions, so they sign in again with the new role, and is audited', async () => {
    const member = await addStaff('role@team.test', StaffRole.PHARMACIST);
    const admin = await addStaff('role-admin@team.test', StaffRole.ADMIN);
    expect((await whoAmI(member.token)).data.viewer.staff.role).toBe('PHARMACIST');
    const changed = await gateway.graphql(SET_ROLE, { id: member.staff.id, role: 'STAFF' }, admin.token);
    expect(changed.data.setStaffRole.role).toBe('STAFF');
    const old = await whoAmI(member.token);
    expect(old.status).toBe(401);
    expect(codeOf(old)).toBe('UNAUTHENTICATED');
    const again = await gateway.graphql(SIGN_IN, { email: 'role@team.test', password: FIXTURE_PASSWORD });
    expect((await whoAmI(again.data.signIn.token)).data.viewer.staff.role).toBe('STAFF');
    expect(await audited('STAFF_ROLE_CHANGED', member.staff.id)).toEqual([{ from: 'PHARMACIST', to: 'STAFF' }]);
  });
});

describe('deactivation', () => {
  it('refuses the old token over HTTP and closes its open socket with 4403 within a second', async () => {
    const admin = await addStaff('deactivating-admin@team.test', StaffRole.ADMIN);
    const member = await addStaff('leaver@team.test', StaffRole.PHARMACIST);
    const socket = await openAcknowledgedSocket(gateway.wsUrl, member.token);
    try {
      const deactivated = await gateway.graphql(DEACTIVATE, { id: member.staff.id }, admin.token);
      const answeredAt = Date.now();
      expect(deactivated.data.deactivateStaff).toEqual({ id: member.staff.id, active: false });
      const closed = await socket.closedAt;
      expect(closed.code).toBe(4403);
      expect(closed.at - answeredAt).toBeLessThan(1000);
      expect(codeOf(await whoAmI(member.token))).toBe('UNAUTHENTICATED');
    } finally {
      await socket.dispose();
    }
    const signIn = await gateway.graphql(SIGN_IN, { email: 'leaver@team.test', password: FIXTURE_PASSWORD });
    expect(codeOf(signIn)).toBe('UNAUTHENTICATED');
    expect(signIn.errors![0]!.message).toMatch(/deactivated/);
    expect(await audited('STAFF_DEACTIVATED', member.staff.id)).toHaveLength(1);
  });

  it('keeps their messages, shown as former staff, and a reactivated member signs in again', async () => {
    const member = await addStaff('former@team.test', StaffRole.PHARMACIST);
    const started = await gateway.graphql(`mutation ($id: ID!) { startConversation(input: { customerId: $id }) { id } }`, { id: pharmacy.customers[0].id }, member.token);
    const conversationId = started.data.startConversation.id;
    await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body: 'Your order is ready.', clientMessageId: nextClientMessageId() } },
      member.token,
    );
    await gateway.graphql(DEACTIVATE, { id: member.staff.id }, pharmacy.tokens.admin);

    const thread = await gateway.graphql(
      `query ($id: ID!) { conversation(id: $id) { messages(last: 5) { edges { node { body sender { ... on StaffMember { name active } } } } } } }`,
      { id: conversationId },
      pharmacy.tokens.customer,
    );
    expect(thread.data.conversation.messages.edges.map((edge: { node: unknown }) => edge.node)).toContainEqual({ body: 'Your order is ready.', sender: { name: 'former', active: false } });
    const active = (await gateway.graphql(`{ staffMembers { id } }`, {}, pharmacy.tokens.admin)).data.staffMembers.map((staff: { id: string }) => staff.id);
    expect(active).not.toContain(member.staff.id);
    const everyone = (await gateway.graphql(`{ staffMembers(includeDeactivated: true) { id active } }`, {}, pharmacy.tokens.admin)).data.staffMembers;
    expect(everyone).toContainEqual({ id: member.staff.id, active: false });

    expect((await gateway.graphql(REACTIVATE, { id: member.staff.id }, pharmacy.tokens.admin)).data.reactivateStaff.active).toBe(true);
    expect((await gateway.graphql(SIGN_IN, { email: 'former@team.test', password: FIXTURE_PASSWORD })).errors).toBeUndefined();
    expect(await audited('STAFF_REACTIVATED', member.staff.id)).toHaveLength(1);
  });

  it('shows their messages as former staff in live events too, though events carry a sender known active when it sent', async () => {
    const member = await addStaff('leaving-live@team.test', StaffRole.PHARMACIST);
    const started = await gateway.graphql(`mutation ($id: ID!) { startConversation(input: { customerId: $id }) { id } }`, { id: pharmacy.customers[0].id }, member.token);
    const conversationId = started.data.startConversation.id;
    const subscriber = connectSubscriber(gateway.wsUrl, pharmacy.tokens.admin);
    try {
      const events = subscriber.subscribe(
        `subscription ($id: ID!) { conversationEvents(conversationId: $id, afterSequence: 0) { kind message { sequence sender { ... on StaffMember { name active } } } } }`,
        { id: conversationId },
      );
      const sent = await gateway.graphql(
        `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id sender { ... on StaffMember { active } } } }`,
        { input: { conversationId, body: 'Your order is ready.', clientMessageId: nextClientMessageId() } },
        member.token,
      );
      expect(sent.data.sendMessage.sender).toEqual({ active: true });
      let added = await events.next();
      while (added.data.conversationEvents.kind !== 'MESSAGE_ADDED') added = await events.next();
      expect(added.data.conversationEvents.message.sender).toEqual({ name: 'leaving-live', active: true });

      await gateway.graphql(DEACTIVATE, { id: member.staff.id }, pharmacy.tokens.admin);
      await gateway.graphql(`mutation ($id: ID!) { addReaction(messageId: $id, emoji: "👍") { id } }`, { id: sent.data.sendMessage.id }, pharmacy.tokens.customer);
      let reacted = await events.next();
      while (reacted.data.conversationEvents.kind !== 'REACTIONS_CHANGED') reacted = await events.next();
      expect(reacted.data.conversationEvents.message.sender).toEqual({ name: 'leaving-live', active: false });
    } finally {
      await subscriber.dispose();
    }
  });

  it('stays in effect after a restart: a new instance refuses the ended session from the start', async () => {
    const member = await addStaff('restart@team.test', StaffRole.STAFF);
    await gateway.graphql(DEACTIVATE, { id: member.staff.id }, pharmacy.tokens.admin);
    const restarted = await startTestGateway({ sharing: gateway });
    try {
      expect(codeOf(await restarted.graphql(`{ viewer { kind } }`, {}, member.token))).toBe('UNAUTHENTICATED');
      expect((await restarted.graphql(`{ viewer { kind } }`, {}, pharmacy.tokens.pharmacist)).data.viewer.kind).toBe('STAFF');
    } finally {
      await restarted.dispose();
    }
  });

  it("can't be done to yourself, and is for admins only", async () => {
    const admin = await addStaff('self@team.test', StaffRole.ADMIN);
    expect(codeOf(await gateway.graphql(DEACTIVATE, { id: admin.staff.id }, admin.token))).toBe('CONFLICT');
    expect(codeOf(await gateway.graphql(DEACTIVATE, { id: admin.staff.id }, pharmacy.tokens.pharmacist))).toBe('FORBIDDEN');
    expect(codeOf(await gateway.graphql(SET_ROLE, { id: pharmacy.pharmacist.id, role: 'ADMIN' }, pharmacy.tokens.pharmacist))).toBe('FORBIDDEN');
  });
});

describe('ending a member’s sessions', () => {
  it('signs them out everywhere, on HTTP and sockets', async () => {
    const member = await addStaff('lost-phone@team.test', StaffRole.STAFF);
    const second = await staffSessionToken(gateway.dataSource, gateway.tokens, member.staff);
    const socket = await openAcknowledgedSocket(gateway.wsUrl, second);
    const ended = await gateway.graphql(`mutation ($id: ID!) { endStaffSessions(staffId: $id) { id } }`, { id: member.staff.id }, pharmacy.tokens.admin);
    expect(ended.errors).toBeUndefined();
    expect((await socket.closedAt).code).toBe(4403);
    await socket.dispose();
    for (const token of [member.token, second]) expect(codeOf(await whoAmI(token))).toBe('UNAUTHENTICATED');
    expect(await audited('SESSION_ENDED', member.staff.id)).toEqual([{ reason: 'ENDED_BY_ADMIN', sessions: 2 }]);
  });
});
