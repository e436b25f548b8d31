import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { portOfRunningCluster } from '../../../../gateway/database/running-cluster.js';
import { runAdmin } from '../../../support/admin-process.js';
import { AUTH_SECRET, startGatewayProcess } from '../../../support/gateway-process.js';
import { startSmtpReceiver, tokenIn, type SmtpReceiver } from '../../../support/smtp-receiver.js';
import { createThrowawayDatabase } from '../../../support/test-database.js';
import { startTestGateway, type TestGateway } from '../../../support/test-gateway.js';
import { waitUntil } from '../../../support/wait-until.js';

/** `npm run admin`: the operator onboards a pharmacy, against DATABASE_URL or an embedded DATA_DIR. */
let database: { url: string; drop: () => Promise<void> };
let receiver: SmtpReceiver;
let gateway: TestGateway;
const PUBLIC_URL = 'http://127.0.0.1:4999';

const env = () => ({ DATABASE_URL: database.url, SMTP_URL: receiver.url, MAIL_FROM: 'Counterchat <onboarding@counterchat.test>', PUBLIC_URL, DATA_DIR: '/nonexistent-data-dir' });
const count = async (sql: string, parameters: unknown[] = []) => Number((await gateway.dataSource.query(sql, parameters))[0].count);

beforeAll(async () => {
  database = await createThrowawayDatabase();
  receiver = await startSmtpReceiver();
  // The gateway the new admin signs in on: same database, same AUTH_SECRET as the CLI.
  gateway = await startTestGateway({
    databaseUrl: database.url,
    authSecret: AUTH_SECRET,
    // Its worker may send what the CLI queued, as a running gateway would.
    config: { mail: { smtpUrl: receiver.url, from: 'Counterchat <onboarding@counterchat.test>', directory: '/nonexistent' } },
  });
});
afterAll(async () => {
  await gateway.dispose();
  await receiver.dispose();
  await database.drop();
});

describe('npm run admin -- create-pharmacy (DATABASE_URL)', () => {
  it('creates the pharmacy and e-mails its first admin an invitation that signs them in', async () => {
    const run = await runAdmin(['create-pharmacy', '--name', 'Apotheek Noord', '--slug', 'apotheek-noord', '--admin-email', 'Anna@Noord.test', '--admin-name', 'Anna de Vries'], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Created pharmacy "Apotheek Noord" (slug apotheek-noord).');
    expect(run.stdout).toContain('Invited anna@noord.test as an admin. The invitation was e-mailed');

    const mail = await receiver.mailTo('anna@noord.test');
    expect(mail.subject).toBe("You're invited to Apotheek Noord on Counterchat");
    expect(mail.from?.text).toBe('"Counterchat" <onboarding@counterchat.test>');
    expect(mail.text).toContain(`${PUBLIC_URL}/dashboard/accept-invitation#token=`);

    const accepted = await gateway.graphql(
      `mutation ($token: String!, $password: String!) { acceptStaffInvite(token: $token, password: $password) { token staff { name email role } } }`,
      { token: tokenIn(mail), password: 'a long and quiet pharmacy' },
    );
    expect(accepted.errors).toBeUndefined();
    // Anonymous until this answer: a staff member's address is for colleagues (as signIn answers).
    expect(accepted.data.acceptStaffInvite.staff).toEqual({ name: 'Anna de Vries', email: null, role: 'ADMIN' });
    const me = await gateway.graphql(`{ viewer { organization { slug } staff { email } } }`, {}, accepted.data.acceptStaffInvite.token);
    expect(me.data.viewer).toEqual({ organization: { slug: 'apotheek-noord' }, staff: { email: 'anna@noord.test' } });
    const signedIn = await gateway.graphql(`mutation { signIn(email: "anna@noord.test", password: "a long and quiet pharmacy") { token } }`);
    expect(signedIn.data.signIn.token).toEqual(expect.any(String));
    expect(await count(`SELECT count(*) FROM audit_event WHERE action IN ('PHARMACY_CREATED', 'STAFF_INVITED', 'STAFF_INVITATION_ACCEPTED')`)).toBe(3);
  });

  it('refuses a taken slug and leaves nothing half-created', async () => {
    const before = await count(`SELECT count(*) FROM staff_invitation`);
    const run = await runAdmin(['create-pharmacy', '--name', 'Another Noord', '--slug', 'apotheek-noord', '--admin-email', 'carl@noord.test'], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('Error: The slug "apotheek-noord" is taken; choose another.\n');
    expect(await count(`SELECT count(*) FROM organization WHERE name = 'Another Noord'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM staff_invitation`)).toBe(before);
  });

  it('refuses a bad e-mail address or slug before creating anything', async () => {
    const badEmail = await runAdmin(['create-pharmacy', '--name', 'Apotheek Zuid', '--slug', 'apotheek-zuid', '--admin-email', 'not an address'], env());
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toMatch(/^Error: Give a valid e-mail address/);
    const badSlug = await runAdmin(['create-pharmacy', '--name', 'Apotheek Zuid', '--slug', 'Apotheek Zuid!', '--admin-email', 'zoe@zuid.test'], env());
    expect(badSlug.code).toBe(1);
    expect(badSlug.stderr).toMatch(/is not a valid slug/);
    expect(await count(`SELECT count(*) FROM organization WHERE name = 'Apotheek Zuid'`)).toBe(0);
  });

  it('says how to call it when an option is missing', async () => {
    const run = await runAdmin(['create-pharmacy', '--name', 'Apotheek Oost'], env());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('create-pharmacy needs --slug.');
    expect(run.stderr).toContain('npm run admin -- list-pharmacies');
  });

  it('invites another admin and lists the pharmacies', async () => {
    const invited = await runAdmin(['invite-admin', '--slug', 'apotheek-noord', '--email', 'ben@noord.test'], env());
    expect(invited.code).toBe(0);
    await receiver.mailTo('ben@noord.test');
    const unknown = await runAdmin(['invite-admin', '--slug', 'nowhere', '--email', 'ben@nowhere.test'], env());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Error: Pharmacy "nowhere" not found.\n');
    const list = await runAdmin(['list-pharmacies'], env());
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^apotheek-noord\tApotheek Noord\t1 staff, 1 admin\tcreated \d{4}-\d{2}-\d{2}$/m);
  });
});

describe('npm run admin against the embedded database of DATA_DIR', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-admin-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const mailFiles = async () => (await readdir(path.join(dataDir, 'mail')).catch(() => [])).filter((name) => name.endsWith('.eml'));

  it('joins the cluster of a running gateway, and starts and stops its own when none runs', async () => {
    const running = await startGatewayProcess({ databaseUrl: undefined, dataDir });
    try {
      const created = await runAdmin(['create-pharmacy', '--name', 'Apotheek West', '--slug', 'apotheek-west', '--admin-email', 'wim@west.test'], { DATA_DIR: dataDir });
      expect(created.stderr).toBe('');
      expect(created.stdout).toContain("its running gateway's");
      // Without SMTP_URL the mail is a file in DATA_DIR/mail.
      await waitUntil('the invitation file', async () => (await mailFiles()).length === 1);
    } finally {
      await running.stop();
    }
    expect(await portOfRunningCluster(dataDir)).toBeUndefined();

    const invited = await runAdmin(['invite-admin', '--slug', 'apotheek-west', '--email', 'wendy@west.test'], { DATA_DIR: dataDir });
    expect(invited.stderr).toBe('');
    expect(invited.stdout).toContain('(started for this command)');
    expect(invited.stdout).toContain('The invitation was e-mailed (written as .eml files');
    expect(await mailFiles()).toHaveLength(2);
    const mails = await Promise.all((await mailFiles()).map(async (name) => simpleParser(await readFile(path.join(dataDir, 'mail', name)))));
    expect(mails.map((mail) => (Array.isArray(mail.to) ? '' : mail.to?.text)).sort()).toEqual(['wendy@west.test', 'wim@west.test']);
    // Stopped again after the command.
    expect(await portOfRunningCluster(dataDir)).toBeUndefined();
  }, 180_000);
});
