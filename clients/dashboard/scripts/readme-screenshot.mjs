// Takes the README's inbox screenshots (English, then Dutch as inbox-nl.png) from a gateway
// running the demo data; the browser is in London and Amsterdam, the times in the pharmacy's zone:
//   PORT=4100 DATA_DIR=$(mktemp -d) npm run serve -- --demo
//   node clients/dashboard/scripts/readme-screenshot.mjs http://localhost:4100
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4000';
const output = process.argv[3] ?? new URL('../screenshots/inbox.png', import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  await screenshot('en-GB', output, { email: 'Email', password: 'Password', signIn: 'Sign in', all: 'All', message: 'Message', sending: 'Sending message' });
  await screenshot('nl-NL', output.replace(/\.png$/, '-nl.png'), { email: 'E-mail', password: 'Wachtwoord', signIn: 'Aanmelden', all: 'Alle', message: 'Bericht', sending: 'Bericht wordt verzonden' });
} finally {
  await browser.close();
}

async function screenshot(locale, path, words) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale, timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await page.goto(`${base}/dashboard/`);
  await page.getByLabel(words.email).fill('ben@demo-pharmacy.test');
  await page.getByLabel(words.password).fill('counterchat-demo');
  await page.getByRole('button', { name: words.signIn }).click();
  await page.getByRole('tab', { name: words.all, exact: true }).click();
  await page.getByRole('link', { name: /^Sofie Jansen/ }).click();
  await page.getByText('Thank you. I can come by after 5 today.').waitFor();
  const reply = locale.startsWith('nl') ? 'Uw levothyroxine ligt klaar aan de balie.' : 'Your levothyroxine is ready at the counter.';
  await page.getByRole('textbox', { name: words.message }).fill(reply);
  await page.getByRole('textbox', { name: words.message }).press('Enter');
  await page.getByText(reply).waitFor();
  await page.getByLabel(words.sending).waitFor({ state: 'detached' });
  await page.getByRole('textbox', { name: words.message }).blur();
  await page.screenshot({ path });
  console.log(`Saved ${path}`);
  await context.close();
}
