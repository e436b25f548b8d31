// Takes the README's inbox screenshot from a gateway running the demo data:
//   PORT=4100 DATA_DIR=$(mktemp -d) npm run serve -- --demo
//   node clients/dashboard/scripts/readme-screenshot.mjs http://localhost:4100
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4000';
const output = process.argv[3] ?? new URL('../screenshots/inbox.png', import.meta.url).pathname;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${base}/dashboard/`);
  await page.getByLabel('Email').fill('ben@demo-pharmacy.test');
  await page.getByLabel('Password').fill('counterchat-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: 'All' }).click();
  await page.getByRole('link', { name: /^Sofie Jansen/ }).click();
  await page.getByText('Thank you. I can come by after 5 today.').waitFor();
  await page.getByRole('textbox', { name: 'Message' }).fill('Your levothyroxine is ready at the counter.');
  await page.getByRole('textbox', { name: 'Message' }).press('Enter');
  await page.getByText('Your levothyroxine is ready at the counter.').waitFor();
  await page.getByLabel('Sending message').waitFor({ state: 'detached' });
  await page.getByRole('textbox', { name: 'Message' }).blur();
  await page.screenshot({ path: output });
  console.log(`Saved ${output}`);
} finally {
  await browser.close();
}
