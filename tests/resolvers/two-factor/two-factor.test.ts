import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Secret, TOTP } from 'otpauth';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import { hashPassword } from '../../../gateway/auth/password.js';
import { createPharmacy, FIXTURE_PASSWORD, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, tokenIn, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** Two-factor sign-in: enrolment, the second step with a code or a recovery code, and the pharmacy's rule. */
let gateway: TestGateway;
let receiver: SmtpReceiver;
let pharmacy: PharmacyFixture;

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token challenge { token kind } } }`;
const BEGIN = `mutation ($challenge: String) { beginTwoFactorEnrolment(challenge: $challenge) { secret otpauthUri qrCodeDataUrl } }`;
const CONFIRM = `mutation ($code: String!, $challenge: String) { confirmTwoFactorEnrolment(code: $code, challenge: $challenge) { recoveryCodes session { token } } }`;
const COMPLETE = `mutation ($challenge: String!, $code: String, $recoveryCode: String) { completeSignIn(challenge: $challenge, code: $code, recoveryCode: $recoveryCode) { token } }`;
const DISABLE = `mutation ($password: String!, $code: String!) { disableTwoFactor(password: $password, code: $code) }`;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const works = async (token: string) => (await gateway.graphql(`{ __typename }`, {}, token)).status === 200;
/** The code an authenticator app shows, `stepsAhead` steps of 30 s from now (a code is accepted once per step). */
const codeFor = (secret: string, stepsAhead = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });
const audited = async (action: string, objectId: string) =>
  (await gateway.dataSource.query(`SELECT details FROM audit_event WHERE action = $1 AND object_id = $2 ORDER BY created_at`, [action, objectId])).map((row: { details: unknown }) => row.details);

let passwordHash: string;
async function addStaff(email: string, role = StaffRole.PHARMACIST): Promise<StaffUser> {
  passwordHash ??= await hashPassword(FIXTURE_PASSWORD);
  return gateway.dataSource.manager.save(gateway.dataSource.manager.create(StaffUser, { organizationId: pharmacy.organization.id, email, name: email.split('@')[0], role, passwordHash }));
}

async function signIn(email: string) {
  const response = await gateway.graphql(SIGN_IN, { email, password: FIXTURE_PASSWORD });
  expect(response.errors).toBeUndefined();
  return response.data.signIn as { token: string | null; challenge: { token: string; kind: string } | null };
}

beforeAll(async () => {
  receiver = await startSmtpReceiver();
  gateway = await startTestGateway({ config: { mail: { smtpUrl: receiver.url, from: 'Counterchat <2fa@counterchat.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'two-factor');
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
});

describe('enrolment and sign-in', () => {
  let secret: string;
  let recoveryCodes: string[];
  let staff: StaffUser;

  it('enrols with a QR code and a confirming code, gives ten recovery codes, and ends the other sessions', async () => {
    staff = await addStaff('totp@two-factor.test');
    const here = (await signIn(staff.email)).token!;
    const elsewhere = (await signIn(staff.email)).token!;
    const begun = await gateway.graphql(BEGIN, {}, here);
    expect(begun.errors).toBeUndefined();
    ({ secret } = begun.data.beginTwoFactorEnrolment);
    expect(begun.data.beginTwoFactorEnrolment.otpauthUri).toBe(`otpauth://totp/Counterchat:totp%40two-factor.test?issuer=Counterchat&secret=${secret}&algorithm=SHA1&digits=6&period=30`);
    const qr = begun.data.beginTwoFactorEnrolment.qrCodeDataUrl as string;
    expect(qr.startsWith('data:image/svg+xml;base64,')).toBe(true);
    expect(Buffer.from(qr.split(',')[1]!, 'base64').toString()).toMatch(/^<svg/);

    const wrong = await gateway.graphql(CONFIRM, { code: '000000' }, here);
    expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
    const confirmed = await gateway.graphql(CONFIRM, { code: codeFor(secret) }, here);
    expect(confirmed.errors).toBeUndefined();
    ({ recoveryCodes } = confirmed.data.confirmTwoFactorEnrolment);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes.every((code) => /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/.test(code))).toBe(true);
    expect(await works(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    const me = await gateway.graphql(`{ viewer { staff { twoFactorEnabled } } }`, {}, here);
    expect(me.data.viewer.staff.twoFactorEnabled).toBe(true);
    expect(await audited('TWO_FACTOR_ENABLED', staff.id)).toHaveLength(1);
    // Only peppered hashes are kept; the secret is sealed.
    const rows = await gateway.dataSource.query(`SELECT code_hash FROM recovery_code WHERE staff_id = $1`, [staff.id]);
    expect(rows.map((row: { code_hash: string }) => row.code_hash).join()).not.toContain(recoveryCodes[0]!.replace(/-/g, ''));
    const [sealed] = await gateway.dataSource.query(`SELECT totp_secret FROM staff_user WHERE id = $1`, [staff.id]);
    expect(sealed.totp_secret).not.toContain(secret);
  });

  it('signs in with a challenge and a code: no token before the code, and the code works once', async () => {
    const first = await signIn(staff.email);
    expect(first.token).toBeNull();
    expect(first.challenge!.kind).toBe('CODE');
    // The challenge is no credential.
    expect(codeOf(await gateway.graphql(`{ viewer { kind } }`, {}, first.challenge!.token))).toBe('UNAUTHENTICATED');
    const code = codeFor(secret, 1);
    const completed = await gateway.graphql(COMPLETE, { challenge: first.challenge!.token, code });
    expect(completed.errors).toBeUndefined();
    expect(await works(completed.data.completeSignIn.token)).toBe(true);

    const replay = await gateway.graphql(COMPLETE, { challenge: (await signIn(staff.email)).challenge!.token, code });
    expect(replay.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'code' } });
    expect((await audited('SIGNED_IN', staff.id)).at(-1)).toEqual({ secondFactor: 'code' });
    expect(await audited('TWO_FACTOR_FAILED', staff.id)).toHaveLength(1);
  });

  it('signs in with a recovery code, once; a challenge opens one session only; a tampered one none', async () => {
    const { challenge } = await signIn(staff.email);
    const recovered = await gateway.graphql(COMPLETE, { challenge: challenge!.token, recoveryCode: recoveryCodes[0]!.toUpperCase() });
    expect(recovered.errors).toBeUndefined();
    expect(await works(recovered.data.completeSignIn.token)).toBe(true);
    expect(await audited('RECOVERY_CODE_USED', staff.id)).toEqual([{ remaining: 9 }]);

    const again = await gateway.graphql(COMPLETE, { challenge: (await signIn(staff.email)).challenge!.token, recoveryCode: recoveryCodes[0] });
    expect(again.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'recoveryCode' } });

    const sameChallenge = await gateway.graphql(COMPLETE, { challenge: challenge!.token, recoveryCode: recoveryCodes[1] });
    expect(codeOf(sameChallenge)).toBe('UNAUTHENTICATED');
    const tampered = `${challenge!.token.slice(0, -2)}xx`;
    expect(codeOf(await gateway.graphql(COMPLETE, { challenge: tampered, recoveryCode: recoveryCodes[2] }))).toBe('UNAUTHENTICATED');
  });

  it('limits the codes tried per staff member', async () => {
    const limited = await addStaff('guessed@two-factor.test');
    await gateway.dataSource.query(`UPDATE staff_user SET totp_secret = (SELECT totp_secret FROM staff_user WHERE id = $1), totp_enabled_at = now() WHERE id = $2`, [staff.id, limited.id]);
    const { challenge } = await signIn(limited.email);
    const answers = [];
    for (let n = 0; n < 6; n += 1) answers.push(codeOf(await gateway.graphql(COMPLETE, { challenge: challenge!.token, code: '000000' })));
    expect(answers).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'RATE_LIMITED']);
  });

  it('turns off with the password and a code, audited', async () => {
    const { challenge } = await signIn(staff.email);
    const token = (await gateway.graphql(COMPLETE, { challenge: challenge!.token, recoveryCode: recoveryCodes[3] })).data.completeSignIn.token;
    const wrongPassword = await gateway.graphql(DISABLE, { password: 'not it at all', code: recoveryCodes[4] }, token);
    expect(wrongPassword.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'password' } });
    expect((await gateway.graphql(DISABLE, { password: FIXTURE_PASSWORD, code: recoveryCodes[4] }, token)).data.disableTwoFactor).toBe(true);
    expect((await signIn(staff.email)).token).toEqual(expect.any(String));
    expect(await audited('TWO_FACTOR_DISABLED', staff.id)).toHaveLength(1);
  });
});

describe('the pharmacy requiring two-factor sign-in', () => {
  it('makes staff without it enrol at their next sign-in, then asks everyone for a code', async () => {
    const enforced = await gateway.graphql(`mutation { updateOrganizationSettings(input: { requireTwoFactor: true }) { settings { requireTwoFactor } } }`, {}, pharmacy.tokens.admin);
    expect(enforced.data.updateOrganizationSettings.settings.requireTwoFactor).toBe(true);
    const staff = await addStaff('required@two-factor.test');

    const first = await signIn(staff.email);
    expect(first).toEqual({ token: null, challenge: { token: expect.any(String), kind: 'ENROL' } });
    // An ENROL challenge is not a CODE challenge.
    expect(codeOf(await gateway.graphql(COMPLETE, { challenge: first.challenge!.token, code: '123456' }))).toBe('UNAUTHENTICATED');
    const begun = await gateway.graphql(BEGIN, { challenge: first.challenge!.token });
    const { secret } = begun.data.beginTwoFactorEnrolment;
    const confirmed = await gateway.graphql(CONFIRM, { code: codeFor(secret), challenge: first.challenge!.token });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data.confirmTwoFactorEnrolment.recoveryCodes).toHaveLength(10);
    const session = confirmed.data.confirmTwoFactorEnrolment.session.token;
    expect(await works(session)).toBe(true);

    expect((await signIn(staff.email)).challenge!.kind).toBe('CODE');
    const disable = await gateway.graphql(DISABLE, { password: FIXTURE_PASSWORD, code: confirmed.data.confirmTwoFactorEnrolment.recoveryCodes[0] }, session);
    expect(codeOf(disable)).toBe('CONFLICT');
  });

  it('applies to a new member accepting an invitation too', async () => {
    const invited = await gateway.graphql(`mutation { inviteStaff(input: { email: "newcomer@two-factor.test", name: "Newcomer", role: STAFF }) { id } }`, {}, pharmacy.tokens.admin);
    expect(invited.errors).toBeUndefined();
    const token = tokenIn(await receiver.mailTo('newcomer@two-factor.test'));
    const accepted = await gateway.graphql(`mutation ($token: String!) { acceptStaffInvite(token: $token, password: "a newcomer's passphrase") { token challenge { kind } } }`, { token });
    expect(accepted.data.acceptStaffInvite).toEqual({ token: null, challenge: { kind: 'ENROL' } });
  });
});
