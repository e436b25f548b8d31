import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LookupAddress } from 'node:dns';
import { fetch } from 'undici';
import { DEFAULT_WEBHOOK_DISPATCHER_OPTIONS } from '../../../gateway/webhooks/webhook-dispatcher.js';
import { isPublicAddress, NOT_PUBLIC_ADDRESS, publicAddressLookup, publicOnlyDispatcher } from '../../../gateway/webhooks/public-address-guard.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.js';

describe('which addresses count as public', () => {
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.9', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:10.0.0.1', 'not an address'])(
    '%s is not',
    (address) => {
      expect(isPublicAddress(address)).toBe(false);
    },
  );
});

describe('the lookup for webhook connections', () => {
  const resolvingTo = (...addresses: string[]) =>
    publicAddressLookup((_hostname, _options, callback) => callback(null, addresses.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }))));
  const lookUp = (lookup: ReturnType<typeof publicAddressLookup>) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string }>((resolve) =>
      lookup('hooks.example.com', {}, (error, address) => resolve({ error, address: address as string })),
    );

  it('connects to a name that resolves to public addresses', async () => {
    expect(await lookUp(resolvingTo('93.184.216.34'))).toEqual({ error: null, address: '93.184.216.34' });
  });

  it('refuses a name that resolves inside the network, even among public addresses (rebinding)', async () => {
    for (const lookup of [resolvingTo('10.0.0.5'), resolvingTo('93.184.216.34', '169.254.169.254')]) {
      const { error } = await lookUp(lookup);
      expect(error?.code).toBe(NOT_PUBLIC_ADDRESS);
    }
  });

  it("stops a real request to a host name of this machine before it is sent", async () => {
    const receiver = await startWebhookReceiver();
    const dispatcher = publicOnlyDispatcher();
    try {
      const url = receiver.url.replace('127.0.0.1', 'localhost');
      const failure = await fetch(url, { method: 'POST', body: '{}', dispatcher }).catch((error: Error & { cause?: { code?: string } }) => error);
      expect((failure as Error & { cause?: { code?: string } }).cause?.code).toBe(NOT_PUBLIC_ADDRESS);
      expect(receiver.received).toEqual([]);
    } finally {
      await dispatcher.close();
      await receiver.close();
    }
  });
});

describe('webhook deliveries in production', () => {
  let gateway: TestGateway;
  let pharmacy: PharmacyFixture;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    gateway = await startTestGateway({
      config: { webhooks: { ...DEFAULT_WEBHOOK_DISPATCHER_OPTIONS, pollIntervalMs: 100, maxAttempts: 1, publicAddressesOnly: true } },
    });
    pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'public-hooks');
  });

  afterAll(async () => {
    await gateway?.dispose();
    await receiver?.close();
  });

  it('never reach an endpoint whose name points inside the network, and say why in the delivery log', async () => {
    // Saved outside production (where the URL check lets local names through), then delivered by a production worker.
    const endpoint = await gateway.graphql(
      `mutation ($url: String!) { createWebhookEndpoint(input: { url: $url, events: [CONVERSATION_CREATED] }) { endpoint { id } } }`,
      { url: receiver.url.replace('127.0.0.1', 'localhost') },
      pharmacy.tokens.admin,
    );
    expect(endpoint.errors).toBeUndefined();
    const started = await gateway.graphql(`mutation ($c: String!) { startConversation(input: { subject: $c }) { id } }`, { c: nextClientMessageId() }, pharmacy.tokens.customer);
    expect(started.errors).toBeUndefined();
    const deadline = Date.now() + 10_000;
    let attempts: { error: string | null; status_code: number | null }[] = [];
    while (attempts.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      attempts = await gateway.dataSource.query(`SELECT error, status_code FROM webhook_delivery_attempt`);
    }
    expect(attempts).toEqual([{ error: 'The host name resolves to an address that is not public.', status_code: null }]);
    expect(receiver.received).toEqual([]);
  });
});
