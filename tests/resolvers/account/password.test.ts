import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPharmacy, FIXTURE_PASSWORD, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, tokenIn, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';
import { requestPasswordReset } from '../../../resolvers/account/password-reset.service.js';

/** One's own name and password, and "Forgot password?" by e-mail. */
let gateway: TestGateway;
let receiver: SmtpReceiver;
let pharmacy: PharmacyFixture;

const SIGN_IN = `mutation ($email: String!, $password: String!) { signIn(email: $email, password: $password) { token } }`;
const CHANGE = `mutation ($current: String!, $next: String!) { changeMyPassword(currentPassword: $current, newPassword: $next) }`;
const REQUEST = `mutation ($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation ($token: String!, $password: String!) { resetPassword(token: $token, password: $password) { token staff { name } } }`;
const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0]?.extensions?.code;
const works = async (token: string) => (await gateway.graphql(`{ __typename }`, {}, token)).status === 200;
const auditCount = async (action: string, objectId: string) =>
  Number((await gateway.dataSource.query(`SELECT count(*) FROM audit_event WHERE action = $1 AND object_id = $2`, [action, objectId]))[0].count);

async function signIn(email: string, password: string): Promise<string> {
  const response = await gateway.graphql(SIGN_IN, { email, password });
  expect(response.errors).toBeUndefined();
  return response.data.signIn.token;
}

beforeAll(async () => {
  receiver = await startSmtpReceiver();
  gateway = await startTestGateway({ config: { mail: { smtpUrl: receiver.url, from: 'Counterchat <reset@counterchat.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } } });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'password');
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
});

describe('your profile and password', () => {
  it('changes the name colleagues see, audited', async () => {
    const changed = await gateway.graphql(`mutation { updateMyProfile(name: "  Pieter Pharmacist ") { name } }`, {}, pharmacy.tokens.pharmacist);
    expect(changed.data.updateMyProfile.name).toBe('Pieter Pharmacist');
    expect(await auditCount('PROFILE_UPDATED', pharmacy.pharmacist.id)).toBe(1);
  });

  it('changes the password with the current one, and ends the other sessions', async () => {
    const here = await signIn(pharmacy.pharmacist.email, FIXTURE_PASSWORD);
    const elsewhere = await signIn(pharmacy.pharmacist.email, FIXTURE_PASSWORD);
    const wrong = await gateway.graphql(CHANGE, { current: 'not my password', next: 'a brand new passphrase' }, here);
    expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'currentPassword' } });
    const weak = await gateway.graphql(CHANGE, { current: FIXTURE_PASSWORD, next: 'password' }, here);
    expect(weak.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'newPassword' } });

    expect((await gateway.graphql(CHANGE, { current: FIXTURE_PASSWORD, next: 'a brand new passphrase' }, here)).data.changeMyPassword).toBe(true);
    expect(await works(here)).toBe(true);
    expect(await works(elsewhere)).toBe(false);
    expect(codeOf(await gateway.graphql(SIGN_IN, { email: pharmacy.pharmacist.email, password: FIXTURE_PASSWORD }))).toBe('UNAUTHENTICATED');
    await signIn(pharmacy.pharmacist.email, 'a brand new passphrase');
    expect(await auditCount('PASSWORD_CHANGED', pharmacy.pharmacist.id)).toBe(1);
  });

  it('is not for partners or customers', async () => {
    expect(codeOf(await gateway.graphql(`mutation { updateMyProfile(name: "Key") { name } }`, {}, pharmacy.tokens.partnerWrite))).toBe('FORBIDDEN');
    expect(codeOf(await gateway.graphql(`mutation { updateMyProfile(name: "Alice") { name } }`, {}, pharmacy.tokens.customer))).toBe('FORBIDDEN');
  });
});

describe('forgot password', () => {
  it('answers a known and an unknown address identically, and mails only the known one', async () => {
    const known = await gateway.graphql(REQUEST, { email: pharmacy.admin.email });
    const unknown = await gateway.graphql(REQUEST, { email: 'nobody@password.test' });
    expect(unknown).toEqual(known);
    expect(known).toEqual({ status: 200, data: { requestPasswordReset: true } });

    const mail = await receiver.mailTo(pharmacy.admin.email);
    expect(mail.subject).toBe('Reset your Counterchat password');
    expect(mail.text).toContain(`${gateway.url}/dashboard/reset-password#token=`);
    await waitUntil('the queue to empty', async () => Number((await gateway.dataSource.query(`SELECT count(*) FROM graphile_worker._private_jobs`))[0].count) === 0);
    expect(receiver.mails.some((sent) => sent.text?.includes('nobody@password.test'))).toBe(false);
    expect(await auditCount('PASSWORD_RESET_REQUESTED', pharmacy.admin.id)).toBe(1);
  });

  it('does the same work for either while the requester waits: a rate limit and one job, nothing looked up', async () => {
    const steps = async (email: string) => {
      const done: string[] = [];
      const record = (step: string) => async () => void done.push(step);
      await requestPasswordReset(
        email,
        {
          database: {
            lookups: new Proxy({}, { get: () => record('lookup') }),
            asTenant: record('tenant work'),
            enqueueJob: async (job: { task: string }) => void done.push(`job ${job.task}`),
          } as never,
          rateLimits: { passwordResets: { consume: record('ip limit') }, passwordResetEmails: { consume: record('address limit') } } as never,
        },
        '127.0.0.9',
      );
      return done;
    };
    expect(await steps(pharmacy.admin.email)).toEqual(['ip limit', 'address limit', 'job counterchat:password-reset-request']);
    expect(await steps('nobody@password.test')).toEqual(await steps(pharmacy.admin.email));
  });

  it('sets a new password with the link once, ends every session, and signs in; used, tampered and expired links fail', async () => {
    const old = await signIn(pharmacy.admin.email, FIXTURE_PASSWORD);
    const token = tokenIn(await receiver.mailTo(pharmacy.admin.email));
    const weak = await gateway.graphql(RESET, { token, password: 'short' });
    expect(weak.errors![0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'password' } });

    const tampered = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    expect(codeOf(await gateway.graphql(RESET, { token: tampered, password: 'the admin’s new passphrase' }))).toBe('UNAUTHENTICATED');

    const reset = await gateway.graphql(RESET, { token, password: 'the admin’s new passphrase' });
    expect(reset.errors).toBeUndefined();
    expect(await works(reset.data.resetPassword.token)).toBe(true);
    expect(await works(old)).toBe(false);
    expect(await works(pharmacy.tokens.admin)).toBe(false);
    await signIn(pharmacy.admin.email, 'the admin’s new passphrase');

    const reused = await gateway.graphql(RESET, { token, password: 'yet another passphrase' });
    expect(codeOf(reused)).toBe('UNAUTHENTICATED');
    expect(reused.errors![0]!.message).toMatch(/used already/);
    expect(await auditCount('PASSWORD_RESET', pharmacy.admin.id)).toBe(1);

    receiver.mails.length = 0;
    await gateway.graphql(REQUEST, { email: pharmacy.admin.email });
    const later = tokenIn(await receiver.mailTo(pharmacy.admin.email));
    await gateway.dataSource.query(`UPDATE password_reset SET expires_at = now() - interval '1 second' WHERE staff_id = $1`, [pharmacy.admin.id]);
    const expired = await gateway.graphql(RESET, { token: later, password: 'yet another passphrase' });
    expect(codeOf(expired)).toBe('UNAUTHENTICATED');
    expect(expired.errors![0]!.message).toMatch(/expired/);
  });

  it('sends nothing to a deactivated account', async () => {
    await gateway.dataSource.query(`UPDATE staff_user SET deactivated_at = now() WHERE id = $1`, [pharmacy.pharmacist.id]);
    receiver.mails.length = 0;
    expect((await gateway.graphql(REQUEST, { email: pharmacy.pharmacist.email })).data.requestPasswordReset).toBe(true);
    await waitUntil('the queue to empty', async () => Number((await gateway.dataSource.query(`SELECT count(*) FROM graphile_worker._private_jobs`))[0].count) === 0);
    expect(receiver.mails).toEqual([]);
  });
});
