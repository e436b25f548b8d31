import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { DEMO_PASSWORD, seedDemoData } from '../../../gateway/server/demo/demo-data.js';
import { collectPageErrors, launchBrowser } from '../../support/browser.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { connectSubscriber } from '../../support/subscription-client.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/** The dashboard's own operations, as codegen wrote them. */
const dashboardDocuments = JSON.parse(readFileSync('clients/dashboard/src/gql/persisted-documents.json', 'utf8')) as Record<string, string>;
const viewerDocument = Object.entries(dashboardDocuments).find(([, text]) => /query \w+ \{ __typename viewer \{/.test(text))!;

let production: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  production = await startTestGateway({ config: { production: true } });
  pharmacy = await createPharmacy(production.dataSource, production.tokens, 'trusted');
});
afterAll(async () => {
  await production.dispose();
});

async function post(body: unknown, token?: string) {
  const response = await fetch(`${production.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
}

describe('trusted documents in production', () => {
  it('runs a first-party operation named by its hash, or sent as its exact text', async () => {
    expect(viewerDocument).toBeDefined();
    const [hash, text] = viewerDocument;
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, pharmacy.tokens.admin);
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data.viewer).toBeTruthy();
    const byText = await post({ query: text }, pharmacy.tokens.admin);
    expect(byText.errors).toBeUndefined();
  });

  it('refuses any other operation from staff, customers and anonymous callers', async () => {
    for (const token of [pharmacy.tokens.admin, pharmacy.tokens.customer, undefined]) {
      const response = await post({ query: '{ viewer { kind } }' }, token);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    }
  });

  it('lets partner keys send their own operations', async () => {
    const response = await post({ query: '{ viewer { kind } }' }, pharmacy.tokens.partnerRead);
    expect(response.data).toEqual({ viewer: { kind: 'PARTNER' } });
  });

  it('asks for the text of an unknown hash, as the persisted-query protocol expects', async () => {
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'sha256:0000' } } }, pharmacy.tokens.admin);
    expect(response.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  describe('over GET', () => {
    const get = async (params: Record<string, unknown>, token?: string) => {
      const search = new URLSearchParams(Object.entries(params).map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : JSON.stringify(value)]));
      const response = await fetch(`${production.url}/graphql?${search}`, {
        headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      return { status: response.status, ...((await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] }) };
    };

    it('refuses a hand-written query from staff, customers and anonymous callers', async () => {
      for (const token of [pharmacy.tokens.admin, pharmacy.tokens.customer, undefined]) {
        const response = await get({ query: '{ viewer { kind } }' }, token);
        expect({ token, status: response.status, code: response.errors?.[0]?.extensions?.code, data: response.data }).toEqual({
          token,
          status: 400,
          code: 'BAD_REQUEST',
          data: undefined,
        });
      }
    });

    it('runs only by hash: even a trusted text in `query` is refused', async () => {
      const response = await get({ query: viewerDocument[1] }, pharmacy.tokens.admin);
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    });

    it("runs a trusted document named by its hash, as Apollo Client's GET sends it", async () => {
      const [hash] = viewerDocument;
      const response = await get({ operationName: viewerDocument[1].match(/query (\w+)/)![1]!, variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }, pharmacy.tokens.admin);
      expect(response.errors).toBeUndefined();
      expect(response.data.viewer).toBeTruthy();
    });

    it('asks for the text of an unknown hash', async () => {
      const response = await get({ extensions: { persistedQuery: { version: 1, sha256Hash: 'sha256:0000' } } }, pharmacy.tokens.customer);
      expect(response.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    });

    it('judges the query string Apollo runs, not a JSON body sent along with the GET', async () => {
      const response = await fetch(`${production.url}/graphql?${new URLSearchParams({ query: '{ viewer { kind } }' })}`, {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${pharmacy.tokens.admin}` },
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    });

    it('lets partner keys send their own operations by GET too', async () => {
      const response = await get({ query: '{ viewer { kind } }' }, pharmacy.tokens.partnerRead);
      expect(response.data).toEqual({ viewer: { kind: 'PARTNER' } });
    });
  });

  it('refuses a batch, whatever it holds', async () => {
    const [, text] = viewerDocument;
    for (const batch of [[{ query: text }, { query: '{ viewer { kind } }' }], [{ query: text }, { query: text }]]) {
      const response = await fetch(`${production.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${pharmacy.tokens.admin}` },
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(400);
    }
  });

  it('applies the same rule to subscriptions over WebSocket', async () => {
    const subscriber = connectSubscriber(production.wsUrl, pharmacy.tokens.admin);
    try {
      const { errors } = await subscriber.subscribe(`subscription { inboxEvents { id } }`).next();
      expect(errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    } finally {
      await subscriber.dispose();
    }
  });
});

describe('the dashboard against a production gateway', () => {
  let browser: Browser;
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ config: { production: true } });
    await seedDemoData(gateway.ownerDatabase, gateway.realtime.publisher);
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.dispose();
  });

  it('signs in and loads the live inbox with trusted documents only', async () => {
    const page = await browser.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${gateway.url}/dashboard/`);
    await page.getByLabel('Email').fill('ben@demo-pharmacy.test');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /^Sofie Jansen/ }).waitFor({ timeout: 10_000 });
    await page.getByRole('list', { name: 'Conversations' }).getByRole('link', { name: /^Sofie Jansen/ }).click();
    await page.locator('.message__body', { hasText: 'levothyroxine' }).first().waitFor({ timeout: 10_000 });
    expect(errors.filter((error) => !/favicon/.test(error))).toEqual([]);
  });
});
