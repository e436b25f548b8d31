import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ParsedMail } from 'mailparser';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/** Written into every customer message: it must never appear in a digest. */
const CANARY = 'Methotrexate-canary-4410';
const DIGEST_TASK = 'counterchat:staff-digest';

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let receiver: SmtpReceiver;

async function succeed(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await gateway.graphql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data;
}

const settings = (input: Record<string, unknown>) =>
  succeed(`mutation ($input: UpdateOrganizationSettingsInput!) { updateOrganizationSettings(input: $input) { id } }`, { input }, pharmacy.tokens.admin);

/** The customer writes, into a new unassigned thread (opened by staff: the widget would reuse the customer's open one). */
async function customerWrites(conversationId?: string): Promise<string> {
  const id =
    conversationId ??
    (await succeed(`mutation ($customerId: ID!) { startConversation(input: { customerId: $customerId, subject: "Question" }) { id } }`, { customerId: pharmacy.customers[0].id }, pharmacy.tokens.pharmacist))
      .startConversation.id;
  await succeed(
    `mutation ($id: ID!, $c: String!, $body: String!) { sendMessage(input: { conversationId: $id, body: $body, clientMessageId: $c }) { id } }`,
    { id, c: nextClientMessageId(), body: `My prescription for ${CANARY} ran out` },
    pharmacy.tokens.customer,
  );
  return id;
}

const digestJobs = async (conversationId: string) =>
  Number(
    (
      await gateway.dataSource.query(
        `SELECT count(*) FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = $1 AND j.payload->>'conversationId' = $2`,
        [DIGEST_TASK, conversationId],
      )
    )[0].count,
  );

/**
 * The fake clock: the conversation's messages were written `minutes` ago, and its digest
 * check is due now (as if those minutes had passed).
 */
async function letTimePass(conversationId: string, minutes: number): Promise<void> {
  await gateway.dataSource.query(`UPDATE message SET created_at = created_at - make_interval(mins => $2) WHERE conversation_id = $1`, [conversationId, minutes]);
  await gateway.dataSource.query(
    `UPDATE graphile_worker._private_jobs SET run_at = now() WHERE task_id = (SELECT id FROM graphile_worker._private_tasks WHERE identifier = $1) AND payload->>'conversationId' = $2`,
    [DIGEST_TASK, conversationId],
  );
}

/** A digest check that runs now whatever the schedule says (a duplicate, a restart replaying it). */
const checkAgain = (conversationId: string) =>
  gateway.dataSource.query(`SELECT graphile_worker.add_job($1, json_build_object('v', 1, 'organizationId', $2::text, 'conversationId', $3::text))`, [DIGEST_TASK, pharmacy.organization.id, conversationId]);

const queueDrained = () =>
  waitUntil('the job queue to empty', async () => Number((await gateway.dataSource.query(`SELECT count(*) FROM graphile_worker._private_jobs WHERE run_at <= now()`))[0].count) === 0);

const digestsTo = (address: string) => receiver.mails.filter((mail) => [mail.to].flat().some((to) => to?.value.some((entry) => entry.address === address)));
const everything = (mail: ParsedMail) => JSON.stringify({ subject: mail.subject, text: mail.text, html: mail.html, headers: [...mail.headers.entries()] });

beforeAll(async () => {
  receiver = await startSmtpReceiver();
  gateway = await startTestGateway({
    config: { mail: { smtpUrl: receiver.url, from: 'Counterchat <no-reply@counterchat.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } },
  });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'digest');
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
});

describe('the staff e-mail digest', () => {
  it('is off by default: a waiting message schedules nothing', async () => {
    const conversationId = await customerWrites();
    await queueDrained();
    expect(await digestJobs(conversationId)).toBe(0);
  });

  it('mails the pharmacists once when an unassigned customer message has waited, without its text', async () => {
    await settings({ staffDigestEnabled: true, staffDigestMinutes: 30 });
    const conversationId = await customerWrites();
    await waitUntil('the digest check to be scheduled', async () => (await digestJobs(conversationId)) === 1);
    // A second message doesn't move the wait: it counts from the first.
    await customerWrites(conversationId);

    await letTimePass(conversationId, 31);
    const mail = await receiver.mailTo(pharmacy.pharmacist.email);
    expect(mail.subject).toContain(pharmacy.organization.name);
    expect(mail.text).toContain('more than 30 minutes');
    expect(mail.text).toContain(`/dashboard/conversations/${conversationId}`);
    expect(everything(mail)).not.toContain(CANARY);
    expect(everything(mail)).not.toContain(pharmacy.customers[0].name);
    // There is a pharmacist, so the admin is not mailed.
    expect(digestsTo(pharmacy.admin.email)).toEqual([]);

    // Never twice, however often the check runs again.
    await checkAgain(conversationId);
    await checkAgain(conversationId);
    await queueDrained();
    expect(digestsTo(pharmacy.pharmacist.email)).toHaveLength(1);

    const log = await gateway.dataSource.query(`SELECT channel, status, masked_address, recipient_id FROM notification_log WHERE conversation_id = $1`, [conversationId]);
    expect(log).toEqual([{ channel: 'DIGEST', status: 'SENT', masked_address: expect.stringMatching(/^p•••@digest\.test$/), recipient_id: pharmacy.pharmacist.id }]);
  }, 40_000);

  it('mails only the assignee, and nobody once staff have replied', async () => {
    const assigned = await customerWrites();
    await succeed(`mutation ($input: AssignConversationInput!) { assignConversation(input: $input) { id } }`, { input: { conversationId: assigned, assigneeId: pharmacy.admin.id } }, pharmacy.tokens.admin);
    const answered = await customerWrites();
    // The check is scheduled for the customer's message; the reply then comes before it is due.
    await waitUntil('the digest checks to be scheduled', async () => (await digestJobs(assigned)) === 1 && (await digestJobs(answered)) === 1);
    await succeed(
      `mutation ($id: ID!, $c: String!) { sendMessage(input: { conversationId: $id, body: "We are on it", clientMessageId: $c }) { id } }`,
      { id: answered, c: nextClientMessageId() },
      pharmacy.tokens.pharmacist,
    );
    const before = digestsTo(pharmacy.pharmacist.email).length;
    await letTimePass(assigned, 45);
    await letTimePass(answered, 45);
    const mail = await receiver.mailTo(pharmacy.admin.email);
    expect(mail.text).toContain('assigned to you');
    await queueDrained();
    expect(digestsTo(pharmacy.pharmacist.email)).toHaveLength(before);
    expect(receiver.mails.every((received) => !everything(received).includes(CANARY))).toBe(true);
  }, 40_000);

  it('sends nobody a digest the pharmacist turned off, not even the admin instead', async () => {
    await succeed(`mutation { updateMyNotificationPreferences(input: { digest: false }) { digest } }`, {}, pharmacy.tokens.pharmacist);
    const conversationId = await customerWrites();
    await waitUntil('the digest check to be scheduled', async () => (await digestJobs(conversationId)) === 1);
    const mailsBefore = receiver.mails.length;
    await letTimePass(conversationId, 31);
    await waitUntil('the check to run', async () => (await digestJobs(conversationId)) === 0);
    await queueDrained();
    expect(receiver.mails.length).toBe(mailsBefore);
    await succeed(`mutation { updateMyNotificationPreferences(input: { digest: true }) { digest } }`, {}, pharmacy.tokens.pharmacist);
  }, 40_000);

  it('counts only business hours: outside them the check waits instead of mailing', async () => {
    // Open only on a weekday three days from now: the last hour holds no business time.
    const closedDay = (new Date().getUTCDay() + 3) % 7;
    await settings({ timeZone: 'UTC', businessHours: [{ day: closedDay, opens: '09:00', closes: '17:00' }] });
    const conversationId = await customerWrites();
    await waitUntil('the digest check to be scheduled', async () => (await digestJobs(conversationId)) === 1);
    const mailsBefore = receiver.mails.length;
    await letTimePass(conversationId, 60);
    // The check ran and scheduled itself again for later, without a mail.
    await waitUntil('the check to run and wait on', async () =>
      Number(
        (
          await gateway.dataSource.query(
            `SELECT count(*) FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = $1 AND j.payload->>'conversationId' = $2 AND j.run_at > now() + interval '1 minute'`,
            [DIGEST_TASK, conversationId],
          )
        )[0].count,
      ) === 1,
    );
    expect(receiver.mails.length).toBe(mailsBefore);
  }, 40_000);
});
