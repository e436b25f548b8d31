import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import { sendRaw } from '../baselines/raw-send-statements.js';
import { appOperation, persistedBody, persistedSubscription, type AppOperationName } from './persisted-operations.js';
import { sentAtOf } from './send-stamp.js';

/**
 * One load-generating process. The orchestrator forks several (`load-workers.ts`) so the
 * clients never share a process, or an event loop, with the server they measure.
 * Protocol over IPC: parent sends `{ job }`; the worker answers `ready` once its clients
 * are set up, then `result` after the parent sends `stop` (or when a timed job ends).
 */

export type Job =
  /** One client per conversation; client i signs in as each of `identities[i]` in turn (see MESSAGES_PER_IDENTITY). */
  | { kind: 'send'; graphqlUrl: string; conversationIds: string[]; identities: string[][]; durationMs: number }
  /** One client per token, repeating one of the apps' queries. */
  | { kind: 'query'; graphqlUrl: string; tokens: string[]; operation: AppOperationName; variables: Record<string, unknown>; durationMs: number }
  | { kind: 'raw-send'; databaseUrl: string; poolSize: number; organizationId: string; staffId: string; conversationIds: string[]; durationMs: number }
  /** Client i signs in with tokens[i] (none: the graphql-ws baseline, which has no auth). */
  | { kind: 'subscribe'; wsUrls: string[]; tokens?: string[]; conversationIds: string[]; clients: number; offset: number }
  | { kind: 'bare-subscribe'; urls: string[]; conversationIds: string[]; clients: number; offset: number }
  | { kind: 'idle'; wsUrl: string; tokens: string[] }
  | { kind: 'storm'; wsUrl: string; tokens: string[]; conversationId: string; spreadMs: number }
  | { kind: 'upload'; graphqlUrl: string; token: string; conversationId: string; bytes: number };

export interface SendResult {
  latenciesMs: number[];
  errors: number;
}
export interface SubscribeResult {
  /** Receipt time − the sender's send time (bench/support/send-stamp.ts), per event received. */
  latenciesMs: number[];
  /** Receipt time − the server's stamp (the gateway's createdAt, set in the send transaction; a baseline's publish time). */
  sinceServerStampMs: number[];
  /** Messages received per conversation id, counted per client and summed. */
  receivedByConversation: Record<string, number>;
  duplicates: number;
}
export interface StormResult {
  ackLatenciesMs: number[];
  /** Epoch ms at which each client had its subscription answering again. */
  resubscribedAt: number[];
  startedAt: number;
  failures: number;
}
export interface UploadResult {
  durationMs: number;
  ok: boolean;
  error?: string;
}

/** Connections opened before waiting for them to be up. */
const RAMP_BATCH = 100;
/**
 * Messages one identity sends before the client signs in as the next: under the gateway's
 * 120 a minute per person, so the rate limit is checked on every send but never refuses.
 */
const MESSAGES_PER_IDENTITY = 100;
/**
 * Clients connect from 127.0.0.2 … 127.0.0.(1 + SOURCE_ADDRESSES): each source address has its
 * own ~28k ephemeral ports, and the sockets of 20k subscribers, their baselines' and the ones
 * still in TIME_WAIT from the round before would not fit in one address's range.
 */
const SOURCE_ADDRESSES = 8;
const sourceAddress = (index: number) => `127.0.0.${2 + (index % SOURCE_ADDRESSES)}`;
const webSocketFrom = new Map<string, typeof WebSocket>();
/** graphql-ws constructs its socket as `new Impl(url, protocol)`: this binds it to a source address. */
function webSocketImplFrom(localAddress: string): typeof WebSocket {
  let impl = webSocketFrom.get(localAddress);
  if (!impl) {
    impl = class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { localAddress });
      }
    } as typeof WebSocket;
    webSocketFrom.set(localAddress, impl);
  }
  return impl;
}

process.on('message', async (message: { job?: Job; stop?: true }) => {
  if (message.job) {
    try {
      await run(message.job);
    } catch (error) {
      process.send!({ error: (error as Error).stack ?? String(error) });
    }
  }
});

let stopRequested: () => void = () => {};
const stopped = new Promise<void>((resolve) => (stopRequested = resolve));
process.on('message', (message: { stop?: true }) => {
  if (message.stop) stopRequested();
});

async function run(job: Job): Promise<void> {
  switch (job.kind) {
    case 'send':
      return reply(await sendLoop(job));
    case 'raw-send':
      return reply(await rawSendLoop(job));
    case 'query':
      return reply(await queryLoop(job));
    case 'subscribe':
      return subscribeAndCount(job);
    case 'bare-subscribe':
      return bareSubscribeAndCount(job);
    case 'idle':
      return holdIdle(job);
    case 'storm':
      return reply(await storm(job));
    case 'upload':
      return reply(await upload(job));
  }
}

function reply(result: unknown) {
  process.send!({ result });
}

/** One client per conversation, each sending the dashboard's SendMessage as fast as its answers come back. */
async function sendLoop(job: Extract<Job, { kind: 'send' }>): Promise<SendResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const firstError: string[] = [];
  const deadline = Date.now() + job.durationMs;
  const operation = appOperation('SendMessage');
  process.send!({ ready: true });
  await Promise.all(
    job.conversationIds.map(async (conversationId, client) => {
      const identities = job.identities[client]!;
      for (let sent = 0; Date.now() < deadline; sent += 1) {
        const token = identities[Math.floor(sent / MESSAGES_PER_IDENTITY) % identities.length];
        const started = performance.now();
        const response = await fetch(job.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(
            persistedBody(operation, { input: { conversationId, body: 'Your prescription is ready for pickup.', clientMessageId: randomUUID() } }),
          ),
        });
        const body = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || body.errors) {
          errors += 1;
          if (firstError.length === 0) firstError.push(JSON.stringify(body).slice(0, 300));
        } else latenciesMs.push(performance.now() - started);
      }
    }),
  );
  if (firstError.length) console.error(`[load worker] first send error: ${firstError[0]}`);
  return { latenciesMs, errors };
}

/** One client per token, each repeating one of the apps' queries back to back. */
async function queryLoop(job: Extract<Job, { kind: 'query' }>): Promise<SendResult> {
  const latenciesMs: number[] = [];
  let errors = 0;
  const deadline = Date.now() + job.durationMs;
  const body = JSON.stringify(persistedBody(appOperation(job.operation), job.variables));
  process.send!({ ready: true });
  await Promise.all(
    job.tokens.map(async (token) => {
      while (Date.now() < deadline) {
        const started = performance.now();
        const response = await fetch(job.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body,
        });
        const result = (await response.json()) as { errors?: unknown[] };
        if (!response.ok || result.errors) errors += 1;
        else latenciesMs.push(performance.now() - started);
      }
    }),
  );
  return { latenciesMs, errors };
}

/**
 * The baseline: what sendMessage does to the database, as hand-written SQL on a pool of
 * the gateway's size, with no GraphQL, no ORM and no HTTP in between.
 */
async function rawSendLoop(job: Extract<Job, { kind: 'raw-send' }>): Promise<SendResult> {
  const pool = new pg.Pool({ connectionString: job.databaseUrl, max: job.poolSize });
  const latenciesMs: number[] = [];
  let errors = 0;
  const deadline = Date.now() + job.durationMs;
  process.send!({ ready: true });
  await Promise.all(
    job.conversationIds.map(async (conversationId) => {
      while (Date.now() < deadline) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          await sendRaw(client, { organizationId: job.organizationId, staffId: job.staffId, conversationId, body: 'Your prescription is ready for pickup.' });
          latenciesMs.push(performance.now() - started);
        } catch {
          errors += 1;
        } finally {
          client.release();
        }
      }
    }),
  );
  await pool.end();
  return { latenciesMs, errors };
}

function socketClient(url: string, token: string | undefined, index: number): Client {
  return createClient({
    url,
    webSocketImpl: webSocketImplFrom(sourceAddress(index)),
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    // Fewer than the dashboard's endless retries, so that a client that could not get back is counted as having given up.
    retryAttempts: 5,
    // Giving up is counted by the caller; graphql-ws would also print each one.
    onNonLazyError: () => {},
    lazy: false,
    keepAlive: 0,
  });
}

/**
 * `clients` graphql-ws connections, client i subscribed with the dashboard's
 * ConversationEvents to conversation (offset + i) mod G, round-robin over the gateway
 * instances. Each conversation holds one seeded message: the replay of it (afterSequence 0)
 * is what proves a subscription is live.
 */
async function subscribeAndCount(job: Extract<Job, { kind: 'subscribe' }>): Promise<void> {
  const times = eventTimes();
  const receivedByConversation: Record<string, number> = {};
  let duplicates = 0;
  const sockets: Client[] = [];
  const ready: Promise<void>[] = [];
  const operation = appOperation('ConversationEvents');
  for (let index = 0; index < job.clients; index += 1) {
    const conversationId = job.conversationIds[(job.offset + index) % job.conversationIds.length]!;
    const socket = socketClient(job.wsUrls[(job.offset + index) % job.wsUrls.length]!, job.tokens?.[index], job.offset + index);
    sockets.push(socket);
    const seen = new Set<number>();
    ready.push(
      new Promise<void>((resolve, reject) => {
        socket.subscribe<{ conversationEvents: { kind: string; message: ({ sequence: number } & TimedMessage) | null } }>(
          persistedSubscription(operation, { conversationId, afterSequence: 0 }),
          {
            next: ({ data }) => {
              const message = data?.conversationEvents.message;
              if (!message || data.conversationEvents.kind !== 'MESSAGE_ADDED') return;
              if (message.sequence === 1) return resolve();
              if (seen.has(message.sequence)) duplicates += 1;
              seen.add(message.sequence);
              times.received(message);
              receivedByConversation[conversationId] = (receivedByConversation[conversationId] ?? 0) + 1;
            },
            error: (error) => reject(new Error(`Subscription failed: ${JSON.stringify(error).slice(0, 500)}`)),
            complete: () => {},
          },
        );
      }),
    );
    // Ramp up as fast as the server takes them: a burst of thousands overflows its listen backlog.
    if (index % RAMP_BATCH === RAMP_BATCH - 1) await Promise.all(ready.slice(-RAMP_BATCH));
  }
  await Promise.all(ready);
  process.send!({ ready: true });
  await stopped;
  await Promise.all(sockets.map((socket) => socket.dispose()));
  reply({ ...times.measured, receivedByConversation, duplicates } satisfies SubscribeResult);
}

/** What a subscriber times an event by. */
interface TimedMessage {
  createdAt: string;
  clientMessageId?: string | null;
}

/**
 * Both latencies of each event a subscriber receives: since the sender's send time and since
 * the server's stamp. A message without the sender's stamp counts as NaN, which the bench's
 * summary shows (and bench-quick.test.ts refuses) rather than leaving it out.
 */
function eventTimes() {
  const measured: Pick<SubscribeResult, 'latenciesMs' | 'sinceServerStampMs'> = { latenciesMs: [], sinceServerStampMs: [] };
  return {
    measured,
    received(message: TimedMessage): void {
      const now = Date.now();
      measured.latenciesMs.push(now - (sentAtOf(message.clientMessageId) ?? Number.NaN));
      measured.sinceServerStampMs.push(now - Date.parse(message.createdAt));
    },
  };
}

/** The floor: plain WebSocket clients of a bare broadcast server (one of `urls` each), same payloads. */
async function bareSubscribeAndCount(job: Extract<Job, { kind: 'bare-subscribe' }>): Promise<void> {
  const times = eventTimes();
  const receivedByConversation: Record<string, number> = {};
  const sockets: WebSocket[] = [];
  const ready: Promise<void>[] = [];
  for (let index = 0; index < job.clients; index += 1) {
    const conversationId = job.conversationIds[(job.offset + index) % job.conversationIds.length]!;
    const url = job.urls[(job.offset + index) % job.urls.length]!;
    const socket = new WebSocket(`${url}?conversation=${conversationId}`, { localAddress: sourceAddress(job.offset + index) });
    sockets.push(socket);
    ready.push(new Promise((resolve, reject) => socket.once('open', () => resolve()).once('error', reject)));
    socket.on('message', (raw) => {
      times.received((JSON.parse(String(raw)) as { payload: { data: { conversationEvents: { message: TimedMessage } } } }).payload.data.conversationEvents.message);
      receivedByConversation[conversationId] = (receivedByConversation[conversationId] ?? 0) + 1;
    });
    if (index % RAMP_BATCH === RAMP_BATCH - 1) await Promise.all(ready.slice(-RAMP_BATCH));
  }
  await Promise.all(ready);
  process.send!({ ready: true });
  await stopped;
  for (const socket of sockets) socket.terminate();
  reply({ ...times.measured, receivedByConversation, duplicates: 0 } satisfies SubscribeResult);
}

/** Authenticated sockets (one person each), each subscribed to the dashboard's InboxEvents, doing nothing: what an open dashboard costs. */
async function holdIdle(job: Extract<Job, { kind: 'idle' }>): Promise<void> {
  const sockets: Client[] = [];
  const connected: Promise<void>[] = [];
  const operation = appOperation('InboxEvents');
  for (const [index, token] of job.tokens.entries()) {
    const socket = socketClient(job.wsUrl, token, index);
    sockets.push(socket);
    connected.push(new Promise((resolve) => socket.on('connected', () => resolve())));
    socket.subscribe(persistedSubscription(operation, {}), { next: () => {}, error: () => {}, complete: () => {} });
    if (index % RAMP_BATCH === RAMP_BATCH - 1) await Promise.all(connected.slice(-RAMP_BATCH));
  }
  await Promise.all(connected);
  process.send!({ ready: true });
  await stopped;
  await Promise.all(sockets.map((socket) => socket.dispose()));
  reply({});
}

/** Every client (a person of its own) connects and resubscribes at a random moment within `spreadMs`. */
async function storm(job: Extract<Job, { kind: 'storm' }>): Promise<StormResult> {
  const ackLatenciesMs: number[] = [];
  const resubscribedAt: number[] = [];
  let failures = 0;
  const sockets: Client[] = [];
  const operation = appOperation('ConversationEvents');
  process.send!({ ready: true });
  const startedAt = Date.now();
  await Promise.all(
    job.tokens.map(async (token, index) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * job.spreadMs));
      const opened = performance.now();
      const socket = socketClient(job.wsUrl, token, index);
      sockets.push(socket);
      socket.on('connected', () => ackLatenciesMs.push(performance.now() - opened));
      try {
        await new Promise<void>((resolve, reject) => {
          socket.subscribe(
            persistedSubscription(operation, { conversationId: job.conversationId, afterSequence: 0 }),
            { next: () => resolve(), error: reject, complete: () => {} },
          );
        });
        resubscribedAt.push(Date.now());
      } catch {
        failures += 1;
      }
    }),
  );
  await Promise.all(sockets.map((socket) => socket.dispose()));
  return { ackLatenciesMs, resubscribedAt, startedAt, failures };
}

/** One GraphQL multipart request carrying a PDF of `bytes` bytes, streamed from memory. */
async function upload(job: Extract<Job, { kind: 'upload' }>): Promise<UploadResult> {
  const header = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const file = Buffer.alloc(job.bytes, 0x20);
  header.copy(file);
  Buffer.from('\n%%EOF\n').copy(file, job.bytes - 7);
  const form = new FormData();
  // The dashboard's upload: its SendMessage by hash, the file beside it (apollo-upload-client's multipart form).
  form.append(
    'operations',
    JSON.stringify(persistedBody(appOperation('SendMessage'), { input: { conversationId: job.conversationId, body: 'Scan attached', clientMessageId: randomUUID(), attachments: [null] } })),
  );
  form.append('map', JSON.stringify({ 0: ['variables.input.attachments.0'] }));
  form.append('0', new Blob([file], { type: 'application/pdf' }), 'scan.pdf');
  process.send!({ ready: true });
  const started = performance.now();
  const response = await fetch(job.graphqlUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${job.token}`, 'apollo-require-preflight': 'true' },
    body: form,
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  return { durationMs: performance.now() - started, ok: response.ok && !body.errors, error: body.errors?.[0]?.message };
}
