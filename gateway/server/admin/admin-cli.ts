import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { MailDeliveryStatus, type MailDelivery } from '../../../entities/mail-delivery.entity.js';
import type { StaffInvitation } from '../../../entities/staff-invitation.entity.js';
import { runDueJobs } from '../../jobs/job-queue.js';
import { createMailer, describeMailDestination } from '../../mail/mailer.js';
import { loadOrCreateSecret } from '../../secrets/secrets.js';
import { SecretBox } from '../../secrets/secret-box.js';
import { operatorOver } from '../../tenancy/operator.js';
import { PharmacyOnboardingService, type Onboarded } from '../../../resolvers/pharmacy/pharmacy-onboarding.service.js';
import { readConfig } from '../config.js';
import { asTenantOf, gatewayJobTasks } from '../gateway-jobs.js';
import { createSmsSender } from '../../sms/sms-config.js';
import { systemClock } from '../../notifications/clock.js';
import { loadVapidKeys } from '../../notifications/vapid-keys.js';
import { WebPushSender } from '../../notifications/web-push-sender.js';
import { openOperatorDatabase, type OperatorDatabase } from './operator-database.js';

const USAGE = `Counterchat's operator commands (against DATABASE_URL, or the embedded database of DATA_DIR):

  npm run admin -- create-pharmacy --name "Apotheek Noord" --slug apotheek-noord --admin-email anna@noord.nl [--admin-name "Anna de Vries"]
      Creates the pharmacy and e-mails its first admin an invitation (a link valid for 7 days).
  npm run admin -- invite-admin --slug apotheek-noord --email ben@noord.nl [--name "Ben Okafor"]
      E-mails another admin invitation for an existing pharmacy.
  npm run admin -- list-pharmacies
      Every pharmacy with its slug and how many staff and admins it has.

Mail goes out as the gateway's does (SMTP_URL and MAIL_FROM; without SMTP_URL, .eml files in DATA_DIR/mail).
Run it with the gateway's AUTH_SECRET (or DATA_DIR): the invitation's link is sealed with it.`;

/** How long the CLI waits to say whether the invitation went out. */
const SEND_REPORT_WAIT_MS = 10_000;

/** A mistake in how the command was called: the usage is shown, exit code 2. */
class UsageError extends Error {}

const config = readConfig();
const { positionals, values } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        name: { type: 'string' },
        slug: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        email: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    fail(new UsageError((error as Error).message));
  }
})();
const command = positionals[0];
if (values.help || !command || command === 'help') {
  console.log(USAGE);
  process.exit(command || values.help ? 0 : 2);
}

const required = (option: keyof typeof values): string => {
  const value = values[option];
  if (typeof value !== 'string' || !value.trim()) fail(new UsageError(`${command} needs --${option}.`));
  return value;
};

let database: OperatorDatabase | undefined;
try {
  // Checked before the database is opened: a typo shouldn't cost a cluster start.
  if (!['create-pharmacy', 'invite-admin', 'list-pharmacies'].includes(command)) throw new UsageError(`Unknown command "${command}".`);
  const inputs = {
    'create-pharmacy': () => ({ name: required('name'), slug: required('slug'), adminEmail: required('admin-email'), adminName: values['admin-name'] }),
    'invite-admin': () => ({ slug: required('slug'), email: required('email'), name: values.name }),
    'list-pharmacies': () => ({}),
  }[command as 'create-pharmacy' | 'invite-admin' | 'list-pharmacies']();

  const secret = config.authSecret ?? (await loadOrCreateSecret(config.dataDir, 'auth-secret'));
  const secrets = new SecretBox(secret);
  database = await openOperatorDatabase(config);
  const operator = operatorOver(database.owner);
  const onboarding = new PharmacyOnboardingService(operator, { secrets, publicUrl: config.publicUrl });

  if (command === 'list-pharmacies') {
    const pharmacies = await onboarding.listPharmacies();
    if (pharmacies.length === 0) console.log('No pharmacies yet. Create one with: npm run admin -- create-pharmacy --name … --slug … --admin-email …');
    for (const pharmacy of pharmacies) {
      console.log(`${pharmacy.slug}\t${pharmacy.name}\t${pharmacy.staff} staff, ${pharmacy.admins} admin${pharmacy.admins === 1 ? '' : 's'}\tcreated ${pharmacy.createdAt.toISOString().slice(0, 10)}`);
    }
  } else {
    const onboarded =
      command === 'create-pharmacy'
        ? await onboarding.createPharmacy(inputs as Parameters<PharmacyOnboardingService['createPharmacy']>[0])
        : await onboarding.inviteAdmin(inputs as Parameters<PharmacyOnboardingService['inviteAdmin']>[0]);
    if (command === 'create-pharmacy') console.log(`Created pharmacy "${onboarded.organization.name}" (slug ${onboarded.organization.slug}).`);
    const delivery = await sendNow(database, secrets, onboarded);
    console.log(describeInvitation(onboarded.invitation, delivery));
  }
  console.log(`(Database: ${database.description}.)`);
  await database.dispose();
  process.exit(0);
} catch (error) {
  await database?.dispose().catch(() => {});
  fail(error);
}

/**
 * Sends the queued mail now, unless a running gateway's worker already has: every job due is
 * run once. Without a running gateway the invitation would otherwise wait for the next start.
 */
async function sendNow(opened: OperatorDatabase, secrets: SecretBox, onboarded: Onboarded): Promise<MailDelivery | undefined> {
  const mailer = createMailer(config.mail);
  const webPush = new WebPushSender(await loadVapidKeys(config.webPush, config.dataDir), config.production);
  try {
    await runDueJobs({ ownerConnectionString: opened.ownerUrl, tasks: gatewayJobTasks({ mailer, sms: createSmsSender(config.sms), secrets, database: opened.database, publicUrl: config.publicUrl, clock: systemClock, presence: undefined, webPush, realtime: undefined }), asTenant: asTenantOf(opened.database) });
  } finally {
    mailer.dispose();
  }
  const delivery = () =>
    operatorOver(opened.owner).asOrganization(onboarded.organization.slug, (scope) =>
      scope
        .mailDeliveries('delivery')
        .andWhere('delivery.jobKey = :key', { key: `staff-invitation:${onboarded.invitation.id}` })
        .orderBy('delivery.createdAt', 'DESC')
        .getOne()
        .then((found) => found ?? undefined),
    );
  // A running gateway's worker may have taken the job first: give it a moment to report.
  const deadline = Date.now() + SEND_REPORT_WAIT_MS;
  let found = await delivery();
  while (found?.status === MailDeliveryStatus.QUEUED && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    found = await delivery();
  }
  return found;
}


function describeInvitation(invitation: StaffInvitation, delivery: MailDelivery | undefined): string {
  const where = describeMailDestination(config.mail);
  const sent =
    delivery?.status === MailDeliveryStatus.SENT
      ? `The invitation was e-mailed (${where}).`
      : `The invitation is queued: ${delivery?.lastError ? `sending failed (${delivery.lastError}); ` : ''}the gateway sends it (${where}) and retries until it goes out.`;
  return `Invited ${invitation.email} as an admin. ${sent}\nThe link works once and expires on ${invitation.expiresAt.toISOString()}.`;
}

function fail(error: unknown): never {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  // Our own errors (a taken slug, a bad address) say what to do; anything else is shown whole.
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  process.stderr.write(`Error: ${code ? (error as Error).message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
