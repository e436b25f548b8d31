// Takes the README's inbox screenshots (English, then Dutch as inbox-nl.png) from a gateway
// running the demo data, after giving the demo the workflow a counter team uses (labels, a
// priority, an internal note; through the API, so the demo seed the tests share stays as it is);
// the browser is in London and Amsterdam, the times in the pharmacy's zone:
//   PORT=4100 DATA_DIR=$(mktemp -d) npm run serve -- --demo
//   node clients/dashboard/scripts/readme-screenshot.mjs http://localhost:4100
import { chromium } from 'playwright-core';

const base = process.argv[2] ?? 'http://localhost:4000';
const output = process.argv[3] ?? new URL('../screenshots/inbox.png', import.meta.url).pathname;
await prepareDemo();
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

async function graphql(query, variables = {}, token) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const result = await response.json();
  if (result.errors) throw new Error(`${query}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

async function prepareDemo() {
  const signIn = async (email) => (await graphql(`mutation ($email: String!) { signIn(email: $email, password: "counterchat-demo") { token } }`, { email })).signIn.token;
  const admin = await signIn('anna@demo-pharmacy.test');
  const pharmacist = await signIn('ben@demo-pharmacy.test');
  const label = async (name, colour) => (await graphql(`mutation ($input: CreateLabelInput!) { createLabel(input: $input) { id } }`, { input: { name, colour } }, admin)).createLabel.id;
  const repeat = await label('Repeat prescription', '#2e7d32');
  const delivery = await label('Delivery', '#1565c0');
  const { conversations } = await graphql(`{ conversations(first: 20) { edges { node { id customer { name } } } } }`, {}, pharmacist);
  const threadOf = (name) => conversations.edges.find((edge) => edge.node.customer.name === name)?.node.id;
  const addLabel = (conversationId, labelId) =>
    graphql(`mutation ($c: ID!, $l: ID!) { addConversationLabel(conversationId: $c, labelId: $l) { id } }`, { c: conversationId, l: labelId }, pharmacist);
  const sofie = threadOf('Sofie Jansen');
  await addLabel(sofie, repeat);
  await graphql(
    `mutation ($input: WriteNoteInput!) { writeNote(input: $input) { id } }`,
    { input: { conversationId: sofie, clientMessageId: 'readme-note', body: '@Anna the GP approved the repeat until March; no need to call again.' } },
    pharmacist,
  );
  const others = conversations.edges.map((edge) => edge.node.id).filter((id) => id !== sofie);
  if (others[0]) {
    await addLabel(others[0], delivery);
    await graphql(`mutation ($input: SetConversationPriorityInput!) { setConversationPriority(input: $input) { id } }`, { input: { conversationId: others[0], priority: 'HIGH' } }, pharmacist);
  }
  if (others[1]) await addLabel(others[1], repeat);
}
