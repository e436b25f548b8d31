import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import * as samples from '../../fixtures/sample-files.js';
import { TokenIssuer } from '../../../gateway/auth/token-issuer.js';
import { createDataSource } from '../../../gateway/database/data-source.js';
import { startCustomerConversation } from '../../support/demo-pharmacy.js';
import { createPharmacy } from '../../support/fixtures.js';
import { codesIn, FUZZ_SEED, problemsIn, randomSource } from '../../support/fuzz.js';
import { REQUEST_TIMEOUT_MS, startGatewayProcess, type GatewayProcess } from '../../support/gateway-process.js';
import { multipartCase, type CaseMaterial, type MultipartCase } from '../../support/multipart-fuzz-cases.js';
import { sendWithFiles } from '../../support/multipart-request.js';
import { createThrowawayDatabase } from '../../support/test-database.js';

/**
 * The multipart framing fuzzer: seeded GraphQL multipart requests with broken boundaries,
 * part headers (NULs, no colon, huge, many), truncation, fields out of order or twice, bad
 * `operations` and `map` JSON, missing and extra files, sent to a real gateway process. Every
 * one must get an answer that is a typed error or data (never a 5xx, an internal error or a
 * leak), and the process must still be running and healthy afterwards.
 * FUZZ_SEED=<n> replays a run; FUZZ_MULTIPART_RUNS to go longer.
 */
const SEED = FUZZ_SEED + 3;
const RUNS = Number(process.env.FUZZ_MULTIPART_RUNS ?? 5000);
/** Requests in flight at once: enough to keep the gateway busy on a 2-core machine. */
const PARALLEL = 4;

let database: { url: string; drop: () => Promise<void> };
let owner: DataSource;
let dataDir: string;
let gateway: GatewayProcess;
let tokens: (string | undefined)[];
let material: CaseMaterial;
let customerToken: string;

beforeAll(async () => {
  database = await createThrowawayDatabase();
  owner = createDataSource(database.url, 'owner');
  await owner.initialize();
  const secret = randomBytes(32).toString('base64url');
  const pharmacy = await createPharmacy(owner, new TokenIssuer(secret), 'multipart-fuzz');
  dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-multipart-fuzz-'));
  // Rate limits would answer most sends with RATE_LIMITED long before the framing gets a look.
  gateway = await startGatewayProcess({ databaseUrl: database.url, dataDir, env: { AUTH_SECRET: secret, RATE_LIMITS: 'off' } });
  const { conversationId, customer } = await startCustomerConversation(gateway, pharmacy.tokens.admin, 'Multipart Fuzz');
  customerToken = customer.token;
  tokens = [customer.token, customer.token, customer.token, pharmacy.tokens.admin, undefined, 'garbage-token'];
  material = {
    conversationId,
    files: [
      { name: 'scan.pdf', type: 'application/pdf', data: samples.pdf() },
      { name: 'photo.png', type: 'image/png', data: await samples.png() },
      { name: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) },
      { name: 'notes.txt', type: 'text/plain', data: samples.plainText() },
      { name: 'random.bin', type: 'application/octet-stream', data: randomBytes(2048) },
    ],
  };
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  await owner?.destroy();
  await database?.drop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function send(request: MultipartCase, token: string | undefined): Promise<{ status: number; body: unknown } | { failed: string }> {
  try {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': request.contentType,
        ...(request.preflight ? { 'apollo-require-preflight': 'true' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: request.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: { errors: [{ message: `not JSON: ${text.slice(0, 80)}`, extensions: { code: 'NOT_JSON' } }] } };
    }
  } catch (error) {
    return { failed: `no answer: ${(error as Error).message} ${String((error as Error).cause ?? '')}` };
  }
}

describe('the multipart fuzzer', () => {
  it(`answers ${RUNS} malformed multipart requests (seed ${SEED}) with typed errors or data, and the process stays up`, async () => {
    const random = randomSource(SEED);
    const problems: string[] = [];
    const statuses = new Map<number, number>();
    let started = 0;
    const worker = async () => {
      while (started < RUNS && problems.length < 20) {
        const run = started++;
        // Drawn in order from one source: the same seed makes the same requests, whatever the interleaving.
        const request = multipartCase(random, material);
        const token = random.pick(tokens);
        const answer = await send(request, token);
        const where = `#${run} [${request.label.join(', ')}] ${request.contentType.slice(0, 50)}`;
        if ('failed' in answer) {
          problems.push(`${where} → ${answer.failed}`);
          if (!gateway.running) problems.push(`the process exited:\n${gateway.output().slice(-3000)}`);
          continue;
        }
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        for (const problem of problemsIn(answer.status, answer.body)) problems.push(`${where} → ${problem}`);
        // Masked or not, an internal error means a missing check: the fuzzer should find none.
        if (codesIn(answer.body).includes('INTERNAL_SERVER_ERROR')) problems.push(`${where} → INTERNAL_SERVER_ERROR`);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    expect(problems).toEqual([]);
    expect(started).toBe(RUNS);
    expect(gateway.running).toBe(true);
    expect(await gateway.health()).toBe(200);
    // And uploads still work: the fuzz left nothing stuck behind.
    const upload = await sendWithFiles(gateway.url, customerToken, { conversationId: material.conversationId, clientMessageId: `after-fuzz-${SEED}` }, [material.files[0]!]);
    expect(upload.body.errors).toBeUndefined();
    expect(upload.body.data.sendMessage.attachments).toHaveLength(1);
    // Most requests were refused, but not all: the fuzzer also reaches the resolvers.
    expect(statuses.get(200)).toBeGreaterThan(RUNS / 50);
  }, 180_000);
});
