import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql';
import WebSocket from 'ws';
import { createPharmacy, staffSessionToken, type PharmacyFixture } from '../../support/fixtures.js';
import { FUZZ_SEED, problemsIn, randomSource, type Random } from '../../support/fuzz.js';
import { selectionFor } from '../../support/placeholder-arguments.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * A schema-aware fuzzer: random operations on every root field with values that are
 * sometimes right, sometimes of the wrong type, oversized, null where null is not allowed,
 * full of control characters or deeply nested; then malformed request bodies and
 * WebSocket frames (multipart framing has its own fuzzer, multipart-fuzz.test.ts). The gateway must answer every one with a typed error or data: never a
 * 5xx, never an unmasked error, and it must still be healthy afterwards.
 * Seeded, so a failure reproduces: FUZZ_SEED=<n> to replay, FUZZ_RUNS to go longer.
 */
const SEED = FUZZ_SEED;
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202e\u200b\ufeff',
  '💊'.repeat(3000),
  'x'.repeat(100_000),
  "'; DROP TABLE message; --",
  '%_\\',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '2026-13-45T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'NaN',
  '{"$ne": null}',
  '\ud800',
];
const NASTY_NUMBERS = [0, -1, 1, 2 ** 31, -(2 ** 31) - 1, 1e308, 0.5, -0.0];

function fuzzValue(type: GraphQLInputType, random: Random, depth = 0): unknown {
  // Sometimes anything at all, whatever the type says: variables are where clients lie.
  if (random.chance(0.08)) return random.pick<unknown>([null, 42, true, 'string', [], {}, [[[]]], { nested: { deeper: [1, 'a'] } }]);
  if (isNonNullType(type)) return fuzzValue(type.ofType, random, depth);
  if (random.chance(0.05)) return null;
  if (isListType(type)) {
    const length = random.pick([0, 1, 2, 5, depth === 0 ? 500 : 3]);
    return Array.from({ length }, () => fuzzValue(type.ofType, random, depth + 1));
  }
  if (isEnumType(type)) return random.chance(0.85) ? random.pick(type.getValues()).name : 'NOT_A_VALUE';
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || random.chance(0.5)) value[field.name] = fuzzValue(field.type, random, depth + 1);
    }
    if (random.chance(0.1)) value.unexpectedField = 'surprise';
    return value;
  }
  if (isScalarType(type)) {
    switch (getNamedType(type).name) {
      case 'Int':
      case 'Float':
        return random.pick(NASTY_NUMBERS);
      case 'Boolean':
        return random.chance(0.5);
      case 'ID':
        return random.pick([crypto.randomUUID(), 'not-a-uuid', '', '1', 'x'.repeat(5000)]);
      case 'DateTimeISO':
        return random.pick([new Date().toISOString(), '1970-01-01T00:00:00Z', 'yesterday', '9999-12-31T23:59:59Z']);
      case 'Upload':
        return null;
      default:
        return random.pick(NASTY_STRINGS);
    }
  }
  return null;
}

function randomOperation(random: Random): { query: string; variables: Record<string, unknown> } {
  const roots = [schema.getQueryType()!, schema.getMutationType()!];
  const field: GraphQLField<unknown, unknown> = random.pick(Object.values(random.pick(roots).getFields()));
  const operation = schema.getMutationType()!.getFields()[field.name] === field ? 'mutation' : 'query';
  const args = field.args.filter((argument) => isNonNullType(argument.type) || random.chance(0.5));
  const variables = Object.fromEntries(args.map((argument) => [argument.name, fuzzValue(argument.type, random)]));
  const header = args.length ? `(${args.map((argument) => `$${argument.name}: ${String(argument.type)}`).join(', ')})` : '';
  const uses = args.length ? `(${args.map((argument) => `${argument.name}: $${argument.name}`).join(', ')})` : '';
  let query = `${operation} Fuzz${header} { ${field.name}${uses} ${selectionFor(field)} }`;
  // And sometimes a broken document.
  if (random.chance(0.05)) query = query.slice(0, random.int(query.length));
  return { query, variables };
}

let gateway: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway();
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'fuzz');
});
afterAll(async () => {
  await gateway.dispose();
});

describe('the GraphQL fuzzer', () => {
  it(`answers ${RUNS} random operations (seed ${SEED}) with typed errors or data, never a 5xx or a leak`, async () => {
    const random = randomSource(SEED);
    const tokens = [undefined, pharmacy.tokens.admin, pharmacy.tokens.customer, pharmacy.tokens.partnerWrite, 'garbage-token'];
    const problems: string[] = [];
    const internal: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const { query, variables } = randomOperation(random);
      let token = random.pick(tokens);
      // signOut ends the session it is sent with: give it one of its own, so the fixture's tokens last the run.
      if (token === pharmacy.tokens.admin && /^mutation Fuzz[^{]*\{ signOut\b/.test(query)) token = await staffSessionToken(gateway.dataSource, gateway.tokens, pharmacy.admin);
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = await response.json().catch(() => ({ errors: [{ message: 'not JSON', extensions: { code: 'NOT_JSON' } }] }));
      for (const problem of problemsIn(response.status, body)) {
        problems.push(`#${run} ${query.slice(0, 80)} ${JSON.stringify(variables).slice(0, 300)} → ${problem.slice(0, 300)}`);
      }
      const codes = ((body as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((error) => error.extensions?.code);
      if (codes.includes('INTERNAL_SERVER_ERROR')) internal.push(`#${run} ${query.slice(0, 120)} ${JSON.stringify(variables).slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    // Masked or not, an internal error means a missing check: the fuzzer should find none.
    expect(internal).toEqual([]);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  }, 180_000);

  it('refuses malformed request bodies with 4xx and a typed error', async () => {
    const random = randomSource(SEED + 1);
    const bodies: { contentType: string; body: string | Buffer }[] = [
      { contentType: 'application/json', body: '{"query": ' },
      { contentType: 'application/json', body: '[]' },
      { contentType: 'application/json', body: '"just a string"' },
      { contentType: 'application/json', body: JSON.stringify({ query: 42 }) },
      { contentType: 'application/json', body: JSON.stringify({ query: '{ viewer { kind } }', variables: 'nope' }) },
      { contentType: 'application/json', body: Buffer.alloc(300 * 1024, 0x20) },
      { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{not json\r\n--xyz--\r\n' },
      { contentType: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{}\r\n--xyz--\r\n' },
      {
        contentType: 'multipart/form-data; boundary=xyz',
        body:
          '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"mutation($f: Upload!) { __typename }","variables":{"f":null}}\r\n' +
          '--xyz\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"],"1":["variables.nothing.here"]}\r\n' +
          '--xyz\r\nContent-Disposition: form-data; name="0"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--xyz',
      },
      { contentType: 'multipart/form-data; boundary=xyz', body: Buffer.from(Array.from({ length: 4096 }, () => random.int(256))) },
      { contentType: 'multipart/form-data', body: 'no boundary at all' },
    ];
    const problems: string[] = [];
    for (const [index, { contentType, body }] of bodies.entries()) {
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': contentType, 'apollo-require-preflight': 'true', authorization: `Bearer ${pharmacy.tokens.admin}` },
        body,
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        problems.push(`#${index}: not JSON (${response.status}): ${text.slice(0, 100)}`);
        continue;
      }
      if (response.status >= 500) problems.push(`#${index}: HTTP ${response.status}`);
      problems.push(...problemsIn(response.status, parsed).map((problem) => `#${index}: ${problem}`));
    }
    expect(problems).toEqual([]);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });

  it('survives malformed WebSocket frames and keeps serving other sockets', async () => {
    const random = randomSource(SEED + 2);
    const frames: (string | Buffer)[] = [
      'not json',
      '{}',
      JSON.stringify({ type: 'subscribe', id: '1', payload: { query: 'subscription { inboxEvents { id } }' } }),
      JSON.stringify({ type: 'connection_init', payload: 'not an object' }),
      JSON.stringify({ type: 'connection_init', payload: { authorization: 42 } }),
      JSON.stringify({ type: 'ping', payload: { huge: 'x'.repeat(1000) } }),
      Buffer.from(Array.from({ length: 1024 }, () => random.int(256))),
      'x'.repeat(70 * 1024),
    ];
    for (const frame of frames) {
      const socket = new WebSocket(gateway.wsUrl, 'graphql-transport-ws');
      await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => {});
      socket.send(frame);
      // The server closes a socket that breaks the protocol; one that just waits closes on the init timeout.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500))]);
      socket.terminate();
    }
    const health = await fetch(`${gateway.url}/healthz`);
    expect(health.status).toBe(200);
    const still = await gateway.graphql(`{ viewer { kind } }`, {}, pharmacy.tokens.admin);
    expect(still.data).toEqual({ viewer: { kind: 'STAFF' } });
  });
});
