import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { MailDeliveryStatus, MailTemplate } from '../../../entities/mail-delivery.entity.js';
import { findFreePort } from '../../../gateway/database/find-free-port.js';
import { queueMail } from '../../../gateway/mail/queue-mail.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { createThrowawayDatabase } from '../../support/test-database.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/** Queued mails go out through the job queue, survive a restart, and each delivery row says how it went. */
let database: { url: string; drop: () => Promise<void> };
const authSecret = randomBytes(32).toString('base64url');
let gateway: TestGateway | undefined;
let pharmacy: PharmacyFixture;
let receiver: SmtpReceiver | undefined;
let smtpPort: number;

const startGateway = () =>
  startTestGateway({
    databaseUrl: database.url,
    authSecret,
    config: { mail: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, from: 'Counterchat <no-reply@counterchat.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } },
  });

const mailFor = (to: string, key?: string) => ({
  template: MailTemplate.PASSWORD_RESET,
  to,
  data: { pharmacyName: 'Pharmacy mail', staffName: to, minutesValid: 30 },
  link: `http://127.0.0.1/dashboard/reset-password#token=secret-of-${to}`,
  key,
});

/** Queues mails in one transaction, as a service does with its change. */
async function queue(...mails: ReturnType<typeof mailFor>[]): Promise<string[]> {
  return gateway!.database.asTenant({ organizationId: pharmacy.organization.id }, (scope) =>
    scope.transaction(async (transaction) => {
      const ids: string[] = [];
      for (const mail of mails) ids.push((await queueMail(transaction, gateway!.secrets, mail)).id);
      return ids;
    }),
  );
}

const deliveryOf = async (id: string) =>
  (await gateway!.dataSource.query(`SELECT status, attempts, last_error AS "lastError", sent_at AS "sentAt" FROM mail_delivery WHERE id = $1`, [id]))[0];

beforeAll(async () => {
  database = await createThrowawayDatabase();
  // The SMTP server starts later, on this port: until then every attempt fails.
  smtpPort = await findFreePort();
  gateway = await startGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'mail');
});
afterAll(async () => {
  await gateway?.dispose();
  await receiver?.dispose();
  await database.drop();
});

describe('the send-mail task', () => {
  it('records a failed attempt for admins, keeps the mail through a restart and sends it once the server answers', async () => {
    const [id] = await queue(mailFor('early@mail.test'));
    await waitUntil('a failed attempt', async () => (await deliveryOf(id!)).status === MailDeliveryStatus.RETRYING);
    expect(await deliveryOf(id!)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/), sentAt: null });
    // The job carries its link sealed: the queue's table doesn't hold the token.
    const jobs: { payload: string }[] = await gateway!.dataSource.query(`SELECT payload::text FROM graphile_worker._private_jobs`);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.payload).not.toContain('secret-of-early');

    await gateway!.dispose();
    receiver = await startSmtpReceiver(smtpPort);
    gateway = await startGateway();
    const mail = await receiver.mailTo('early@mail.test', 30_000);
    expect(mail.text).toContain('http://127.0.0.1/dashboard/reset-password#token=secret-of-early@mail.test');
    await waitUntil('the delivery to be recorded', async () => (await deliveryOf(id!)).status === MailDeliveryStatus.SENT);
    expect(await deliveryOf(id!)).toMatchObject({ attempts: 2, lastError: null, sentAt: expect.any(Date) });
  }, 45_000);

  it('replaces a queued mail with a newer one of the same key', async () => {
    const [first, second] = await queue(mailFor('twice@mail.test', 'reset:twice'), mailFor('twice@mail.test', 'reset:twice'));
    await waitUntil('the newer mail', async () => (await deliveryOf(second!)).status === MailDeliveryStatus.SENT);
    expect((await deliveryOf(first!)).status).toBe(MailDeliveryStatus.REPLACED);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver!.mails.filter((mail) => mail.text?.includes('secret-of-twice@mail.test'))).toHaveLength(1);
  });
});
