import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import * as samples from '../../fixtures/sample-files.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

const SEND = 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id attachments { id } } }';
/** Longer than any honest answer here; a request that needs it is one that never ends. */
const ANSWER_TIMEOUT_MS = 8_000;

interface RawPart {
  name: string;
  filename?: string;
  /** Replaces the whole Content-Disposition line. */
  disposition?: string;
  data: Buffer | string;
}

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
let conversationId: string;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'multipart');
  conversationId = (await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer)).data.startConversation.id;
});
afterAll(() => gateway.dispose());

/** A send with `slots` attachment slots, the map given as is, and the parts after it exactly as listed. */
async function post(slots: number, map: unknown, parts: RawPart[]): Promise<{ status: number; body: any }> {
  const operations = JSON.stringify({
    query: SEND,
    variables: { input: { conversationId, clientMessageId: nextClientMessageId(), body: '', attachments: Array.from({ length: slots }, () => null) } },
  });
  const all: RawPart[] = [{ name: 'operations', data: operations }, { name: 'map', data: JSON.stringify(map) }, ...parts];
  const body = Buffer.concat([
    ...all.flatMap((part) => [
      Buffer.from(
        `--B\r\n${part.disposition ?? `Content-Disposition: form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`}\r\n\r\n`,
        'latin1',
      ),
      Buffer.from(part.data),
      Buffer.from('\r\n'),
    ]),
    Buffer.from('--B--\r\n'),
  ]);
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=B', 'apollo-require-preflight': 'true', authorization: `Bearer ${pharmacy.tokens.customer}` },
    body,
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.json() };
}

const slot = (index: number) => [`variables.input.attachments.${index}`];

describe('GraphQL multipart requests', () => {
  it('still takes a well-formed upload', async () => {
    const response = await post(1, { 0: slot(0) }, [{ name: '0', filename: 'scan.pdf', data: samples.pdf() }]);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.sendMessage.attachments).toHaveLength(1);
  });

  it('fails the send, instead of never answering, when a mapped file is overtaken by the next one', async () => {
    // The first part's header can't be parsed (busboy skips it); the second file arrives.
    const response = await post(2, { 0: slot(0), 1: slot(1) }, [
      { name: '0', disposition: `Content-Disposition: form-data; name="0"; filename*=UTF-8''%ZZ`, data: samples.pdf() },
      { name: '1', filename: 'b.pdf', data: samples.pdf() },
    ]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments[0]' });
  }, 15_000);

  it('fails the send when files come in another order than the map', async () => {
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(512 * 1024, 0x20)]);
    const response = await post(2, { 0: slot(0), 1: slot(1) }, [
      { name: '1', filename: 'b.pdf', data: big },
      { name: '0', filename: 'a.pdf', data: big },
    ]);
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments[0]' });
  }, 15_000);

  it('answers a file cut short by a broken part header with BAD_USER_INPUT, not an internal error', async () => {
    const response = await post(1, { 0: slot(0) }, [
      { name: '0', filename: 'scan.pdf', data: samples.pdf() },
      { name: 'x', disposition: 'Content-Disposition form-data', data: 'x' },
    ]);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses one file in two places with 400: its stream can be read only once', async () => {
    const response = await post(2, { 0: [...slot(0), ...slot(1)] }, [{ name: '0', filename: 'scan.pdf', data: samples.pdf() }]);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('drains a second part for the same file and answers', async () => {
    const response = await post(1, { 0: slot(0) }, [
      { name: '0', filename: 'a.pdf', data: samples.pdf() },
      { name: '0', filename: 'again.pdf', data: Buffer.concat([samples.pdf(), Buffer.alloc(512 * 1024, 0x20)]) },
    ]);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.sendMessage.attachments).toHaveLength(1);
  }, 15_000);

  it('reads off a file no resolver took (the caller is not signed in), so the connection serves the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const request = (headers: Record<string, string>, body: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = http.request(`${gateway.url}/graphql`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) }, timeout: ANSWER_TIMEOUT_MS }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode!));
        });
        outgoing.on('timeout', () => outgoing.destroy(new Error('no answer')));
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const operations = JSON.stringify({ query: SEND, variables: { input: { conversationId, clientMessageId: nextClientMessageId(), attachments: [null] } } });
    const upload = Buffer.from(
      `--B\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
        `--B\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.input.attachments.0"]}\r\n` +
        `--B\r\nContent-Disposition: form-data; name="0"; filename="big.pdf"\r\n\r\n${'x'.repeat(2 * 1024 * 1024)}\r\n--B--\r\n`,
    );
    try {
      expect(await request({ 'content-type': 'multipart/form-data; boundary=B', 'apollo-require-preflight': 'true' }, upload)).toBe(200);
      expect(await request({ 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ query: '{ __typename }' })))).toBe(200);
    } finally {
      agent.destroy();
    }
  }, 20_000);
});
