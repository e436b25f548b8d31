import { createECDH, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { importJWK, jwtVerify } from 'jose';

/** One push as a push service and the browser behind it would see it. */
export interface ReceivedPush {
  /** Which endpoint (path) it was sent to. */
  path: string;
  /** The VAPID JWT checked out: ES256 under the `k=` key, `aud` this origin, not expired. */
  vapid: { subject: string; publicKey: string };
  /** The decrypted payload, as text (the service worker's `event.data.text()`). */
  text: string;
  headers: http.IncomingHttpHeaders;
}

/** A browser's subscription to this receiver: what the dashboard registers. */
export interface BrowserSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/**
 * A local Web Push endpoint that does what a push service and a browser do together: checks
 * the VAPID authorization (RFC 8292) and decrypts the aes128gcm body (RFC 8291) with the
 * subscription's private key (`http_ece`). A request that fails either check is answered 401
 * or 400 and recorded in `rejected`. `answer` sets the status for valid pushes (201).
 */
export interface PushReceiver {
  readonly pushes: ReceivedPush[];
  readonly rejected: string[];
  answer: number;
  /** A new browser subscription on this receiver (its own keys and path). */
  subscribe(): BrowserSubscription;
  dispose(): Promise<void>;
}

export async function startPushReceiver(): Promise<PushReceiver> {
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const pushes: ReceivedPush[] = [];
  const rejected: string[] = [];
  let origin = '';
  const receiver: PushReceiver = {
    pushes,
    rejected,
    answer: 201,
    subscribe() {
      const path = `/push/${randomBytes(8).toString('hex')}`;
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      browsers.set(path, { ecdh, auth });
      return { endpoint: `${origin}${path}`, p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
    },
    dispose: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void handle(request, Buffer.concat(chunks)).then(
        (status) => response.writeHead(status).end(),
        (error: Error) => {
          rejected.push(error.message);
          response.writeHead(/vapid|jwt|authorization/i.test(error.message) ? 401 : 400).end();
        },
      );
    });
  });

  async function handle(request: http.IncomingMessage, body: Buffer): Promise<number> {
    const path = request.url ?? '';
    const browser = browsers.get(path);
    if (request.method !== 'POST' || !browser) return 404;
    const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
    if (!match) throw new Error(`vapid authorization header missing or malformed: ${request.headers.authorization}`);
    const [, token, key] = match as unknown as [string, string, string];
    const point = Buffer.from(key, 'base64url');
    if (point.length !== 65 || point[0] !== 4) throw new Error('vapid key k= is not an uncompressed P-256 point');
    const publicKey = await importJWK({ kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, 'ES256');
    const { payload } = await jwtVerify(token, publicKey, { algorithms: ['ES256'], audience: origin });
    if (typeof payload.exp !== 'number' || payload.exp > Date.now() / 1000 + 24 * 3600) throw new Error('vapid jwt exp missing or more than 24 hours ahead');
    if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) throw new Error('vapid jwt sub is not mailto: or https:');
    if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error(`content-encoding ${request.headers['content-encoding']}`);
    if (!request.headers.ttl) throw new Error('no TTL header');
    const text = ece.decrypt(body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth.toString('base64url') }).toString('utf8');
    pushes.push({ path, vapid: { subject: payload.sub, publicKey: key }, text, headers: request.headers });
    return receiver.answer;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return receiver;
}
