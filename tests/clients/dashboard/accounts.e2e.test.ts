import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData } from '../../../gateway/server/demo/demo-data.js';
import { collectPageErrors, launchBrowser, saveScreenshot } from '../../support/browser.js';
import { linkIn, startSmtpReceiver, type SmtpReceiver } from '../../support/smtp-receiver.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { UI_TIMEOUT, waitFor } from './dashboard-page.js';

/**
 * Accounts in headless Chromium against a real gateway, a real SMTP receiver and the demo
 * pharmacy: the admin invites a pharmacist; the pharmacist opens the link from the mail, sets
 * a password, enrols two-factor sign-in (the code computed here from the secret the page shows)
 * and signs in with it; the admin deactivates them and their open dashboard is signed out.
 */
let gateway: TestGateway;
let receiver: SmtpReceiver;
let browser: Browser;
let admin: Page;
let pharmacist: Page;
let pharmacistErrors: string[];
const PHARMACIST_EMAIL = 'pia@demo-pharmacy.test';
const PHARMACIST_PASSWORD = 'pestle and mortar on the counter';
let secret = '';


beforeAll(async () => {
  receiver = await startSmtpReceiver();
  gateway = await startTestGateway({ config: { mail: { smtpUrl: receiver.url, from: 'Demo Pharmacy <team@demo-pharmacy.test>', directory: '/nonexistent' }, jobs: { concurrency: 2, pollIntervalMs: 200 } } });
  await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
  browser = await launchBrowser();
  admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  // Another context: another person's browser, with its own sessionStorage.
  pharmacist = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  pharmacistErrors = collectPageErrors(pharmacist);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await gateway?.dispose();
  await receiver?.dispose();
});

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${gateway.url}/dashboard/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

const inbox = (page: Page) => page.getByRole('list', { name: 'Conversations' });
const codeFor = (stepsAhead = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + stepsAhead * 30_000 });

describe('a new pharmacist, from invitation to deactivation', () => {
  it('is invited by the admin from the Team settings', async () => {
    await signIn(admin, 'anna@demo-pharmacy.test', DEMO_PASSWORD);
    await inbox(admin).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Team' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Team' }).waitFor({ timeout: UI_TIMEOUT });
    await admin.getByLabel('Their email').fill(PHARMACIST_EMAIL);
    await admin.getByLabel('Their name').fill('Pia Pharmacist');
    await admin.getByRole('form', { name: 'Invite someone' }).getByRole('combobox').selectOption('PHARMACIST');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`An invitation is on its way to ${PHARMACIST_EMAIL}.`).waitFor({ timeout: UI_TIMEOUT });
    await admin.getByRole('table', { name: 'Invitations' }).getByRole('cell', { name: PHARMACIST_EMAIL, exact: true }).waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(admin, 'accounts-team-invited');
  });

  it('accepts the invitation from the mail’s link and sets a password', async () => {
    const mail = await receiver.mailTo(PHARMACIST_EMAIL);
    expect(mail.subject).toBe("You're invited to Demo Pharmacy on Counterchat");
    await pharmacist.goto(linkIn(mail));
    await pharmacist.getByRole('heading', { name: 'Join your pharmacy on Counterchat' }).waitFor({ timeout: UI_TIMEOUT });
    // The token leaves the address bar at once.
    expect(pharmacist.url()).not.toContain('token');
    await pharmacist.getByLabel('New password').fill(PHARMACIST_PASSWORD);
    await pharmacist.getByLabel('Repeat the password').fill(PHARMACIST_PASSWORD);
    await pharmacist.getByRole('button', { name: 'Activate my account' }).click();
    await inbox(pharmacist).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
    expect(new URL(pharmacist.url()).pathname).toBe('/dashboard/');
  });

  it('enrols two-factor sign-in with the QR code’s secret and sees the recovery codes once', async () => {
    await pharmacist.getByRole('link', { name: 'Pia Pharmacist' }).click();
    await pharmacist.getByRole('heading', { level: 1, name: 'Your account' }).waitFor({ timeout: UI_TIMEOUT });
    await pharmacist.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    await pharmacist.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor({ timeout: UI_TIMEOUT });
    secret = (await pharmacist.getByLabel('Secret key').textContent())!.trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await pharmacist.getByLabel('Code from the app').fill(codeFor());
    await pharmacist.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
    const codes = pharmacist.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor({ timeout: UI_TIMEOUT });
    expect(await codes.count()).toBe(10);
    await saveScreenshot(pharmacist, 'accounts-recovery-codes');
    await pharmacist.getByRole('button', { name: 'I have stored them' }).click();
    await pharmacist.getByText('On: signing in asks for a code from your authenticator app.').waitFor({ timeout: UI_TIMEOUT });
  });

  it('signs out, then signs in with the password and a code', async () => {
    await pharmacist.getByRole('button', { name: 'Sign out', exact: true }).click();
    await pharmacist.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT });
    await pharmacist.getByLabel('Email').fill(PHARMACIST_EMAIL);
    await pharmacist.getByLabel('Password').fill(PHARMACIST_PASSWORD);
    await pharmacist.getByRole('button', { name: 'Sign in' }).click();
    await pharmacist.getByText('Enter the 6-digit code from your authenticator app.').waitFor({ timeout: UI_TIMEOUT });
    // The enrolment used this step's code; a code is accepted once, so the next one.
    await pharmacist.getByLabel('Code', { exact: true }).fill(codeFor(1));
    await pharmacist.getByRole('button', { name: 'Continue' }).click();
    await inbox(pharmacist).getByRole('link').first().waitFor({ timeout: UI_TIMEOUT });
  });

  it('is deactivated by the admin, and their open dashboard is signed out at once', async () => {
    await admin.reload();
    const row = admin.getByRole('table', { name: 'Team' }).getByRole('row').filter({ hasText: 'Pia Pharmacist' });
    await row.waitFor({ timeout: UI_TIMEOUT });
    await row.getByRole('button', { name: 'Deactivate Pia Pharmacist' }).click();
    await admin.getByRole('button', { name: 'Yes, deactivate' }).click();
    await row.getByRole('cell', { name: 'Former staff' }).waitFor({ timeout: UI_TIMEOUT });

    await pharmacist.getByRole('button', { name: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT });
    await pharmacist.getByText('Your session expired. Please sign in again.').waitFor({ timeout: UI_TIMEOUT });
    await waitFor(async () => (await pharmacist.evaluate(() => (globalThis as unknown as { sessionStorage: { length: number } }).sessionStorage.length)) === 0);
    await saveScreenshot(pharmacist, 'accounts-signed-out');

    // And signing in again is refused, saying why.
    await pharmacist.getByLabel('Email').fill(PHARMACIST_EMAIL);
    await pharmacist.getByLabel('Password').fill(PHARMACIST_PASSWORD);
    await pharmacist.getByRole('button', { name: 'Sign in' }).click();
    await pharmacist.getByText(/This account has been deactivated/).waitFor({ timeout: UI_TIMEOUT });
    expect(pharmacistErrors.filter((error) => !/401|Unauthorized|status of 4\d\d/.test(error))).toEqual([]);
  });
});
