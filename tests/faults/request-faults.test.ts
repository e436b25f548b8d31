import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { TokenIssuer } from '../../gateway/auth/token-issuer.js';
import { createDataSource } from '../../gateway/database/data-source.js';
import { createPharmacy } from '../support/fixtures.js';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { connectSubscriber } from '../support/subscription-client.js';
import { createThrowawayDatabase } from '../support/test-database.js';

/** The reproduction of issue 14: a NUL inside a part header's filename. */
const NUL_IN_FILENAME = '--X\r\nContent-Disposition: form-data; name="operations"; filename="a\0b"\r\n\r\nx\r\n--X--\r\n';

/** Writes raw bytes on a fresh connection and resolves with what came back once the server closes it (or after `ms`). */
function exchange(port: number, bytes: Buffer | string, { endAfterWrite = false, ms = 5_000 } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    const timer = setTimeout(() => socket.destroy(), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.write(bytes, () => (endAfterWrite ? socket.end() : undefined));
  });
}

function multipartRequest(body: Buffer | string, { contentLength }: { contentLength?: number } = {}): Buffer {
  const bytes = Buffer.from(body as string, typeof body === 'string' ? 'latin1' : undefined);
  const head =
    'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nApollo-Require-Preflight: 1\r\nConnection: close\r\n' +
    `Content-Type: multipart/form-data; boundary=X\r\nContent-Length: ${contentLength ?? bytes.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), bytes]);
}

/**
 * A real gateway process (`node dist/gateway/server/main.js`) fed requests and frames that once
 * ended it: nothing a client sends may stop the process that serves everyone else.
 */
describe('a gateway process fed malformed requests', () => {
  let database: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-request-faults-'));
    gateway = await startGatewayProcess({ databaseUrl: database.url, dataDir });
  }, 60_000);

  // Each test starts from a running gateway, even when the one before ended it.
  beforeEach(async () => {
    if (!gateway.running) gateway = await startGatewayProcess({ databaseUrl: database.url, dataDir });
  });

  afterAll(async () => {
    await gateway?.stop();
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const expectAliveAndHealthy = async () => {
    expect({ running: gateway.running, output: gateway.running ? '' : gateway.output() }).toEqual({ running: true, output: '' });
    expect(await gateway.health()).toBe(200);
  };

  it('answers the NUL-in-filename reproduction with 400 and keeps running', async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'apollo-require-preflight': '1', 'content-type': 'multipart/form-data; boundary=X' },
      body: Buffer.from(NUL_IN_FILENAME, 'latin1'),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
    await expectAliveAndHealthy();
  });

  it('survives other broken part headers and framings', async () => {
    const bodies = [
      // A header line without a colon, a header over busboy's size limit, a bare CR inside a header.
      '--X\r\nContent-Disposition form-data\r\n\r\nx\r\n--X--\r\n',
      `--X\r\nContent-Disposition: form-data; name="operations"\r\nX-Padding: ${'p'.repeat(90_000)}\r\n\r\n{}\r\n--X--\r\n`,
      '--X\r\nContent-Disposition: form-data; name="operations"\rX: y\r\n\r\n{}\r\n--X--\r\n',
      // Cut inside the headers of the second part.
      '--X\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--X\r\nContent-Dispo',
      // No parts at all, only the closing delimiter.
      '--X--\r\n',
    ];
    for (const body of bodies) {
      const answer = await exchange(gateway.port, multipartRequest(body), { endAfterWrite: true });
      expect(answer).toMatch(/^HTTP\/1\.1 4\d\d /);
    }
    await expectAliveAndHealthy();
  });

  it("refuses map paths that leave the operations' own JSON, and keeps serving", async () => {
    // Each would have set a property on a function every request shares (hasOwnProperty's own `call`, …).
    const paths = ['variables.hasOwnProperty.call', 'variables.files.push.call', 'variables.toString.x', 'query.length.x', 'variables.f.resolve.apply.call'];
    for (const target of paths) {
      const operations = JSON.stringify({ query: 'query ($f: Upload) { __typename }', variables: { f: null, files: [] } });
      const body =
        `--X\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
        `--X\r\nContent-Disposition: form-data; name="map"\r\n\r\n${JSON.stringify({ 0: ['variables.f'], 1: [target] })}\r\n--X--\r\n`;
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'apollo-require-preflight': '1', 'content-type': 'multipart/form-data; boundary=X' },
        body,
      });
      expect({ target, status: response.status }).toEqual({ target, status: 400 });
      expect((await gateway.graphql('{ __typename }')).data).toEqual({ __typename: 'Query' });
    }
    await expectAliveAndHealthy();
  });

  it('survives clients that disconnect in the middle of an upload', async () => {
    const operations = JSON.stringify({ query: 'mutation ($f: Upload!) { __typename }', variables: { f: null } });
    const whole =
      `--X\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${operations}\r\n` +
      `--X\r\nContent-Disposition: form-data; name="map"\r\n\r\n{"0":["variables.f"]}\r\n` +
      `--X\r\nContent-Disposition: form-data; name="0"; filename="scan.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 ${'x'.repeat(64 * 1024)}\r\n--X--\r\n`;
    // Cut in the operations field, in the map, in a part header and inside the file.
    for (const cut of [30, whole.indexOf('{"0"') + 3, whole.indexOf('filename=') + 4, whole.length - 1000]) {
      // The announced length is the whole body's: the server waits for bytes that never come, then the client goes.
      await exchange(gateway.port, multipartRequest(whole.slice(0, cut), { contentLength: whole.length }), { ms: 300 });
    }
    await expectAliveAndHealthy();
  });

  it('answers broken JSON requests with 4xx and keeps running', async () => {
    const json = (headers: string, body: Buffer | string, contentLength?: number) => {
      const bytes = Buffer.from(body as string, typeof body === 'string' ? 'latin1' : undefined);
      return Buffer.concat([
        Buffer.from(`POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: ${contentLength ?? bytes.length}\r\n${headers}\r\n`, 'latin1'),
        bytes,
      ]);
    };
    const requests = [
      json('Content-Type: application/json; charset=utf-7\r\n', '{}'),
      json('Content-Type: application/json\r\nContent-Encoding: gzip\r\n', 'not gzip at all'),
      json('Content-Type: application/json\r\nContent-Encoding: deflate\r\n', Buffer.from([0x78, 0x9c, 0xff, 0x00])),
      json('Content-Type: application/json\r\nContent-Encoding: zstd, gzip\r\n', '{}'),
      json('Content-Type: application/json\r\n', '['.repeat(200_000)),
      json('Content-Type: application/json\r\n', '{"query": "{ __typename }", "variables": {"a": "\\ud800"}, "x": "\u0000"}'),
      Buffer.from('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 'latin1'),
    ];
    for (const [index, request] of requests.entries()) expect({ index, answer: (await exchange(gateway.port, request)).slice(0, 300) }).toEqual({ index, answer: expect.stringMatching(/^HTTP\/1\.1 (200|4\d\d) /) });
    // Announces more than it sends, then goes.
    await exchange(gateway.port, json('Content-Type: application/json\r\n', '{"query": "{ __typen', 10_000), { ms: 300 });
    await expectAliveAndHealthy();
  });

  it('survives malformed WebSocket frames and upgrades', async () => {
    // A frame with a reserved opcode, a text frame that is not UTF-8, an unmasked client frame.
    for (const frame of [Buffer.from([0x83, 0x80, 0, 0, 0, 0]), Buffer.from([0x81, 0x82, 0, 0, 0, 0, 0xc3, 0x28]), Buffer.from([0x81, 0x01, 0x78])]) {
      const socket = new WebSocket(`${gateway.url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
      await new Promise<void>((resolve, reject) => socket.once('open', () => resolve()).once('error', reject));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => {});
      (socket as unknown as { _socket: net.Socket })._socket.write(frame);
      await closed;
    }
    // An upgrade with a broken key, and one cut off half-way through its headers.
    await exchange(gateway.port, 'GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: !\r\n\r\n', { endAfterWrite: true });
    await exchange(gateway.port, 'GET /graphql HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConn', { endAfterWrite: true });
    await expectAliveAndHealthy();
  });
});

/** Raises a fault nothing handles on SIGUSR2, with personal data in its message. */
const FAULT_ON_SIGNAL = fileURLToPath(new URL('../fixtures/fault-on-signal.mjs', import.meta.url));

/**
 * The last-resort policy (main.ts, README "Faults and shutdown"): a fault that escaped every
 * handler fails health, drains (sockets get 1001, so clients reconnect) and exits 1 for the
 * supervisor, logging where it came from but not what it said.
 */
describe('a gateway process with a fault nothing handled', () => {
  const secret = randomBytes(32).toString('base64url');
  let database: { url: string; drop: () => Promise<void> };
  let dataDir: string;
  let staffToken: string;

  beforeAll(async () => {
    database = await createThrowawayDatabase();
    dataDir = await mkdtemp(path.join(tmpdir(), 'counterchat-last-resort-'));
    const owner = createDataSource(database.url, 'owner');
    await owner.initialize();
    try {
      staffToken = (await createPharmacy(owner, new TokenIssuer(secret), 'last-resort')).tokens.admin;
    } finally {
      await owner.destroy();
    }
  });
  afterAll(async () => {
    await database?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it.each(['exception', 'rejection'])('drains and exits 1 after an unhandled %s, logging no personal data', async (kind) => {
    const gateway = await startGatewayProcess({
      databaseUrl: database.url,
      dataDir,
      env: { AUTH_SECRET: secret, NODE_OPTIONS: `--import=${FAULT_ON_SIGNAL}`, COUNTERCHAT_TEST_FAULT: kind },
    });
    const subscriber = connectSubscriber(gateway.wsUrl, staffToken);
    try {
      const events = subscriber.subscribe('subscription { inboxEvents { id } }');
      await events.expectNothing(200); // subscribed, nothing happening
      gateway.signal('SIGUSR2');
      // Drained, not dropped: the socket is closed as "going away", which clients retry.
      expect(await subscriber.closed).toBe(1001);
      const exit = await gateway.exited;
      expect(exit.code).toBe(1);
      const output = gateway.output();
      expect(output).toContain(`"origin":"${kind === 'exception' ? 'uncaughtException' : 'unhandledRejection'}"`);
      expect(output).toContain('Uncaught fault: shutting down');
      expect(output).not.toMatch(/jansen|3161234|Could not deliver/);
    } finally {
      await subscriber.dispose();
      await gateway.stop();
    }
  }, 30_000);
});
