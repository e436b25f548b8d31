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
function multipartBody(slots: number, map: unknown, parts: RawPart[]): Buffer {
  const operations = JSON.stringify({
    query: SEND,
    variables: { input: { conversationId, clientMessageId: nextClientMessageId(), body: '', attachments: Array.from({ length: slots }, () => null) } },
  });
  const all: RawPart[] = [{ name: 'operations', data: operations }, { name: 'map', data: JSON.stringify(map) }, ...parts];
  return Buffer.concat([
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
}

const UPLOAD_HEADERS = { 'content-type': 'multipart/form-data; boundary=B', 'apollo-require-preflight': 'true' };

async function post(slots: number, map: unknown, parts: RawPart[]): Promise<{ status: number; body: any }> {
  const response = await fetch(`${gateway.url}/graphql`, {
    method: 'POST',
    headers: { ...UPLOAD_HEADERS, authorization: `Bearer ${pharmacy.tokens.customer}` },
    body: multipartBody(slots, map, parts),
    signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
  });
  return { status: response.status, body: await response.json() };
}

/** Requests one after another over a single keep-alive connection: one whose body was never read off blocks the next. */
function oneConnection() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (headers: Record<string, string>, body: Buffer) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const outgoing = http.request(`${gateway.url}/graphql`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) }, timeout: ANSWER_TIMEOUT_MS }, (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text) }));
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error('no answer')));
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  return {
    post,
    /** `{ __typename }` over the same connection. */
    next: () => post({ 'content-type': 'application/json' }, Buffer.from(JSON.stringify({ query: '{ __typename }' }))),
    dispose: () => agent.destroy(),
  };
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

  it('reads off a second part for the same file, so the connection serves the next request', async () => {
    const connection = oneConnection();
    try {
      const response = await connection.post(
        { ...UPLOAD_HEADERS, authorization: `Bearer ${pharmacy.tokens.customer}` },
        multipartBody(1, { 0: slot(0) }, [
          { name: '0', filename: 'a.pdf', data: samples.pdf() },
          { name: '0', filename: 'again.pdf', data: Buffer.alloc(2 * 1024 * 1024, 0x20) },
        ]),
      );
      expect(response.body.data.sendMessage.attachments).toHaveLength(1);
      expect((await connection.next()).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      connection.dispose();
    }
  }, 20_000);

  it('reads off a file no resolver took (the caller is not signed in), so the connection serves the next request', async () => {
    const connection = oneConnection();
    try {
      const response = await connection.post(UPLOAD_HEADERS, multipartBody(1, { 0: slot(0) }, [{ name: '0', filename: 'big.pdf', data: Buffer.alloc(2 * 1024 * 1024, 0x20) }]));
      expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await connection.next()).body).toEqual({ data: { __typename: 'Query' } });
    } finally {
      connection.dispose();
    }
  }, 20_000);
});
