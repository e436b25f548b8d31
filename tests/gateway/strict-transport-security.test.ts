import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { STRICT_TRANSPORT_SECURITY } from '../../gateway/server/http/strict-transport-security.js';
import { startTestGateway, type TestGateway } from '../support/test-gateway.js';

/** Answers of every kind: health, GraphQL (data and refusals), a file link, the apps, an unknown path. */
const PATHS = ['/healthz', '/graphql?query=%7B__typename%7D', '/files/nothing', '/dashboard/', '/widget.js', '/no-such-page'];

let https: TestGateway;
let http: TestGateway;

beforeAll(async () => {
  https = await startTestGateway({ config: { publicUrl: 'https://chat.example.test' } });
  http = await startTestGateway({ sharing: https });
});
afterAll(async () => {
  await http.dispose();
  await https.dispose();
});

const headersOf = async (gateway: TestGateway, path: string) =>
  (await fetch(`${gateway.url}${path}`, { headers: { 'apollo-require-preflight': 'true' } })).headers.get('strict-transport-security');

describe('Strict-Transport-Security', () => {
  it('is on every response when PUBLIC_URL is https', async () => {
    for (const path of PATHS) expect({ path, header: await headersOf(https, path) }).toEqual({ path, header: STRICT_TRANSPORT_SECURITY });
    const post = await fetch(`${https.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(post.status).toBe(400);
    expect(post.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('is not sent when PUBLIC_URL is http', async () => {
    for (const path of PATHS) expect({ path, header: await headersOf(http, path) }).toEqual({ path, header: null });
  });
});
