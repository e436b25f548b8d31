import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../support/bench-context.js';
import { staffToken } from '../support/bench-context.js';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.js';
import { shares, startWorker, type RunningWorker } from '../support/load-workers.js';
import type { SubscribeResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { seedOrganization } from '../support/seed.js';

export interface FanOutRun {
  subscribers: number;
  instances: number;
  conversations: number;
  durationMs: number;
  messagesSent: number;
  deliveriesExpected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  latencyMs: LatencySummary;
  baseline: { latencyMs: LatencySummary; lost: number };
  /** gateway p99 ÷ bare-ws p99. */
  p99Ratio: number;
}

/** Each conversation has this many subscribers; each receives about one message a second. */
const SUBSCRIBERS_PER_CONVERSATION = 100;
const CLIENTS_PER_WORKER = 2_500;

/**
 * K WebSocket subscribers, each on one conversation that receives one message a second,
 * sent over HTTP. Latency is receipt time minus the message's createdAt (set in the send
 * transaction), on one clock. Then the same subscribers on a bare `ws` broadcast.
 */
export async function benchFanOut(context: BenchContext): Promise<FanOutRun[]> {
  const plan: { subscribers: number; instances: number }[] = context.quick
    ? [{ subscribers: 200, instances: 1 }, ...(context.redisUrl ? [{ subscribers: 200, instances: 2 }] : [])]
    : [
        { subscribers: 1_000, instances: 1 },
        { subscribers: 5_000, instances: 1 },
        { subscribers: 10_000, instances: 1 },
        ...(context.redisUrl ? [{ subscribers: 10_000, instances: 2 }] : []),
      ];
  const runs: FanOutRun[] = [];
  for (const step of plan) {
    context.log(`fan-out: ${step.subscribers} subscribers on ${step.instances} instance(s)`);
    runs.push(await fanOutOnce(context, step.subscribers, step.instances));
  }
  return runs;
}

async function fanOutOnce(context: BenchContext, subscribers: number, instances: number): Promise<FanOutRun> {
  const durationMs = context.quick ? 3_000 : 10_000;
  const conversations = Math.max(2, Math.ceil(subscribers / SUBSCRIBERS_PER_CONVERSATION));
  const organization = await seedOrganization(context.pool, {
    slug: `bench-fan-${subscribers}-${instances}-${Date.now()}`,
    conversations,
    messagesPerConversation: 1,
  });
  const token = await staffToken(context, organization.organizationId, organization.staffId);
  const gateways: GatewayProcess[] = [];
  try {
    for (let index = 0; index < instances; index += 1) {
      gateways.push(await startGatewayProcess({ databaseUrl: context.database.url, authSecret: context.authSecret, redisUrl: instances > 1 ? context.redisUrl : undefined }));
    }
    const workers = startSubscribers(subscribers, (clients, offset) => ({
      kind: 'subscribe',
      wsUrls: gateways.map((gateway) => gateway.wsUrl),
      token,
      conversationIds: organization.conversationIds,
      clients,
      offset,
    }));
    await Promise.all(workers.map((worker) => worker.ready));
    const sent = await paced(organization.conversationIds, durationMs, async (conversationId) => {
      const response = await fetch(`${gateways[0]!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: 'mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }',
          variables: { input: { conversationId, body: 'Your prescription is ready for pickup.', clientMessageId: randomUUID() } },
        }),
      });
      const body = (await response.json()) as { errors?: unknown };
      return response.ok && !body.errors;
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const results = await Promise.all(workers.map((worker) => worker.stop()));
    const measured = tally(results, sent, subscribers, organization.conversationIds);

    context.log(`fan-out: bare ws baseline, ${subscribers} subscribers`);
    const baseline = await bareBaseline(organization.conversationIds, subscribers, durationMs);
    return {
      subscribers,
      instances,
      conversations,
      durationMs,
      messagesSent: [...sent.values()].reduce((sum, count) => sum + count, 0),
      ...measured,
      baseline: { latencyMs: baseline.latencyMs, lost: baseline.lost },
      p99Ratio: round(measured.latencyMs.p99 / Math.max(baseline.latencyMs.p99, 1), 2),
    };
  } finally {
    await Promise.all(gateways.map((gateway) => gateway.stop()));
  }
}

function startSubscribers(
  total: number,
  job: (clients: number, offset: number) => Parameters<typeof startWorker>[0],
): RunningWorker<SubscribeResult>[] {
  let offset = 0;
  return shares(total, Math.ceil(total / CLIENTS_PER_WORKER)).map((clients) => {
    const worker = startWorker<SubscribeResult>(job(clients, offset));
    offset += clients;
    return worker;
  });
}

/** Sends one message per conversation per second, spread over the second. Returns successes per conversation. */
async function paced(conversationIds: string[], durationMs: number, send: (conversationId: string) => Promise<boolean>): Promise<Map<string, number>> {
  const sent = new Map<string, number>(conversationIds.map((id) => [id, 0]));
  const seconds = Math.round(durationMs / 1000);
  const pending: Promise<void>[] = [];
  const start = Date.now();
  for (let second = 0; second < seconds; second += 1) {
    for (const [index, conversationId] of conversationIds.entries()) {
      const due = start + second * 1000 + (index / conversationIds.length) * 1000;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(send(conversationId).then((ok) => void (ok && sent.set(conversationId, sent.get(conversationId)! + 1)), () => {}));
    }
  }
  await Promise.all(pending);
  return sent;
}

function tally(results: SubscribeResult[], sent: Map<string, number>, subscribers: number, conversationIds: string[]) {
  const subscribersOf = new Map<string, number>();
  for (let index = 0; index < subscribers; index += 1) {
    const id = conversationIds[index % conversationIds.length]!;
    subscribersOf.set(id, (subscribersOf.get(id) ?? 0) + 1);
  }
  const deliveriesExpected = [...sent].reduce((sum, [id, count]) => sum + count * (subscribersOf.get(id) ?? 0), 0);
  const delivered = results.reduce((sum, result) => sum + Object.values(result.receivedByConversation).reduce((a, b) => a + b, 0), 0);
  return {
    deliveriesExpected,
    delivered,
    lost: Math.max(0, deliveriesExpected - delivered),
    duplicates: results.reduce((sum, result) => sum + result.duplicates, 0),
    latencyMs: summarize(results.flatMap((result) => result.latenciesMs)),
  };
}

async function bareBaseline(conversationIds: string[], subscribers: number, durationMs: number) {
  const server = fork(fileURLToPath(new URL('../baselines/ws-broadcast-server.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  try {
    const workers = startSubscribers(subscribers, (clients, offset) => ({ kind: 'bare-subscribe', url: `ws://127.0.0.1:${port}/`, conversationIds, clients, offset }));
    await Promise.all(workers.map((worker) => worker.ready));
    const sequence = new Map<string, number>();
    const sent = await paced(conversationIds, durationMs, async (conversationId) => {
      const next = (sequence.get(conversationId) ?? 1) + 1;
      sequence.set(conversationId, next);
      const response = await fetch(`http://127.0.0.1:${port}/publish`, { method: 'POST', body: JSON.stringify({ conversationId, sequence: next }) });
      return response.ok;
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const results = await Promise.all(workers.map((worker) => worker.stop()));
    return tally(results, sent, subscribers, conversationIds);
  } finally {
    server.disconnect();
  }
}
