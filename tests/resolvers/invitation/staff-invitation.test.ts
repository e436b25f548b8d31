import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, tokenIn, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** Invitations: an admin invites by e-mail, the link (once, within 7 days) sets a password and signs in. */
let gateway: TestGateway;
let receiver: SmtpReceiver;
let pharmacy: PharmacyFixture;

const PASSWORD = 'counter and kettle and tea';
const INVITE = `mutation ($input: InviteStaffInput!) { inviteStaff(input: $input) { id email name role state expiresAt } }`;
const ACCEPT = `mutation ($token: String!, $password: String!) { acceptStaffInvite(token: $token, password: $password) { token expiresAt staff { id name role } } }`;
const LIST = `{ staffInvites { id email state } }`;

async function invite(email: string, role = 'PHARMACIST') {
  const response = await gateway.graphql(INVITE, { input: { email, name: `Name of ${email}`, role } }, pharmacy.tokens.admin);
  expect(response.errors).toBeUndefined();
  return response.data.inviteStaff;
}

const accept = (token: string, password = PASSWORD) => gateway.graphql(ACCEPT, { token, password });
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const auditCount = async (action: string, objectId: string) =>
  Number((await gateway.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = $1 AND object_id = $2`, [action, objectId]))[0].count);

beforeAll(async () => {
  receiver = await startSmtpReceiver();
  gateway = await startTestGateway({ config: { mail: { smtpUrl: receiver.url, from: 'Counterchat <team@counterchat.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'invites');
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
});

describe('inviting', () => {
  it('e-mails a link that accepts the invitation, signs the new staff member in, and is audited', async () => {
    const invitation = await invite('Pia@Invites.test');
    expect(invitation).toMatchObject({ email: 'pia@invites.test', role: 'PHARMACIST', state: 'PENDING' });
    const mail = await receiver.mailTo('pia@invites.test');
    expect(mail.subject).toBe("You're invited to Pharmacy invites on Counterchat");
    expect(mail.text).toContain(`Admin invites invited you to join Pharmacy invites on Counterchat as a pharmacist`);
    expect(mail.text).toContain(`${gateway.url}/dashboard/accept-invitation#token=`);

    const accepted = await accept(tokenIn(mail));
    expect(accepted.errors).toBeUndefined();
    const { token, staff } = accepted.data.acceptStaffInvite;
    expect(staff).toMatchObject({ name: 'Name of Pia@Invites.test', role: 'PHARMACIST' });
    expect((await gateway.graphql(`{ viewer { staff { id } } }`, {}, token)).data.viewer.staff.id).toBe(staff.id);
    const signedIn = await gateway.graphql(`mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`, { email: 'pia@invites.test', password: PASSWORD });
    expect(signedIn.errors).toBeUndefined();

    const listed = (await gateway.graphql(LIST, {}, pharmacy.tokens.admin)).data.staffInvites;
    expect(listed.find((entry: { id: string }) => entry.id === invitation.id).state).toBe('ACCEPTED');
    expect(await auditCount('STAFF_INVITED', invitation.id)).toBe(1);
    expect(await auditCount('STAFF_INVITATION_ACCEPTED', staff.id)).toBe(1);
    const deliveries = (await gateway.graphql(`{ mailDeliveries { template recipient status attempts } }`, {}, pharmacy.tokens.admin)).data.mailDeliveries;
    expect(deliveries).toContainEqual({ template: 'STAFF_INVITATION', recipient: 'pia@invites.test', status: 'SENT', attempts: 1 });
    expect((await gateway.graphql(`{ mailDeliveries { id } }`, {}, pharmacy.tokens.pharmacist)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    // Only the token's hash is stored.
    const [row] = await gateway.dataSource.query(`SELECT token_hash FROM staff_invitation WHERE id = $1`, [invitation.id]);
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(tokenIn(mail));
  });

  it('refuses a used, tampered, expired or revoked link with UNAUTHENTICATED', async () => {
    const used = tokenIn(await receiver.mailTo('pia@invites.test'));
    const reused = await accept(used, 'another long password here');
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0]!.message).toBe('This invitation has been used already. Sign in with your e-mail address and password.');

    const pending = await invite('quinn@invites.test');
    const token = tokenIn(await receiver.mailTo('quinn@invites.test'));
    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(codeOf(await accept(tampered))).toBe('UNAUTHENTICATED');
    expect(codeOf(await accept('not-a-token'))).toBe('UNAUTHENTICATED');

    await gateway.dataSource.query(`UPDATE staff_invitation SET expires_at = now() - interval '1 second' WHERE id = $1`, [pending.id]);
    const expired = await accept(token);
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
    expect(expired.errors![0]!.message).toMatch(/has expired/);
    expect((await gateway.graphql(LIST, {}, pharmacy.tokens.admin)).data.staffInvites.find((entry: { id: string }) => entry.id === pending.id).state).toBe('EXPIRED');

    const revokedInvitation = await invite('rosa@invites.test');
    const revokedToken = tokenIn(await receiver.mailTo('rosa@invites.test'));
    const revoked = await gateway.graphql(`mutation ($id: ID!) { revokeStaffInvite(id: $id) { state } }`, { id: revokedInvitation.id }, pharmacy.tokens.admin);
    expect(revoked.data.revokeStaffInvite.state).toBe('REVOKED');
    expect(codeOf(await accept(revokedToken))).toBe('UNAUTHENTICATED');
    expect(await auditCount('STAFF_INVITATION_REVOKED', revokedInvitation.id)).toBe(1);
    expect(Number((await gateway.dataSource.query(`SELECT count(*) FROM staff_user WHERE email IN ('quinn@invites.test', 'rosa@invites.test')`))[0].count)).toBe(0);
  });

  it('resends with a new link: the old one stops working, the new one works', async () => {
    const invitation = await invite('sam@invites.test');
    const first = tokenIn(await receiver.mailTo('sam@invites.test'));
    const resent = await gateway.graphql(`mutation ($id: ID!) { resendStaffInvite(id: $id) { state } }`, { id: invitation.id }, pharmacy.tokens.admin);
    expect(resent.data.resendStaffInvite.state).toBe('PENDING');
    await waitForMails('sam@invites.test', 2);
    const second = tokenIn(receiver.mails.filter((mail) => mail.text?.includes('Name of sam@invites.test')).at(-1)!);
    expect(second).not.toBe(first);
    expect(codeOf(await accept(first))).toBe('UNAUTHENTICATED');
    expect((await accept(second)).errors).toBeUndefined();
    expect(await auditCount('STAFF_INVITATION_RESENT', invitation.id)).toBe(1);
  });

  it('refuses a weak password at the field, and the link still works after', async () => {
    await invite('tess@invites.test');
    const token = tokenIn(await receiver.mailTo('tess@invites.test'));
    for (const [password, reason] of [
      ['short one', /at least 12 characters/],
      ['qwerty123456', /most common passwords/],
      ['aaaaaaaaaaaaaaa', /repeats/],
      ['tess@invites.test', /e-mail address/],
    ] as const) {
      const weak = await accept(token, password);
      expect(weak.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'password' } });
      expect(weak.errors![0]!.message).toMatch(reason);
    }
    expect((await accept(token)).errors).toBeUndefined();
  });

  it('refuses to invite an address on the team, or one with a pending invitation', async () => {
    const member = await gateway.graphql(INVITE, { input: { email: pharmacy.pharmacist.email, name: 'Again', role: 'STAFF' } }, pharmacy.tokens.admin);
    expect(codeOf(member)).toBe('CONFLICT');
    await invite('uma@invites.test');
    const twice = await gateway.graphql(INVITE, { input: { email: 'uma@invites.test', name: 'Uma', role: 'STAFF' } }, pharmacy.tokens.admin);
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors![0]!.message).toMatch(/resend/);
    const badAddress = await gateway.graphql(INVITE, { input: { email: 'nobody', name: 'Nobody', role: 'STAFF' } }, pharmacy.tokens.admin);
    expect(badAddress.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'email' } });
  });

  it('is for admins: a pharmacist may not invite or list invitations', async () => {
    expect(codeOf(await gateway.graphql(INVITE, { input: { email: 'vera@invites.test', name: 'Vera', role: 'STAFF' } }, pharmacy.tokens.pharmacist))).toBe('FORBIDDEN');
    expect(codeOf(await gateway.graphql(LIST, {}, pharmacy.tokens.pharmacist))).toBe('FORBIDDEN');
  });
});

async function waitForMails(address: string, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (receiver.mails.filter((mail) => mail.text?.includes(`Name of ${address}`)).length < count) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${count} mails to ${address}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
