import { readFileSync } from 'node:fs';
import { startBaselineServer, stopBaselineServer, type BaselineKind, type BaselineServer } from '../support/baseline-servers.js';
import type { BenchContext } from '../support/bench-context.js';
import { startBenchGateway, staffTokens } from '../support/bench-context.js';
import type { GatewayProcess } from '../support/gateway-process.js';
import { shares, startWorker, type RunningWorker } from '../support/load-workers.js';
import type { SubscribeResult } from '../support/load-worker.js';
import { round, summarize, type LatencySummary } from '../support/percentiles.js';
import { appOperation, persistedBody } from '../support/persisted-operations.js';
import { seedOrganization } from '../support/seed.js';
import { stampedClientMessageId } from '../support/send-stamp.js';

export interface FanOutBaseline {
  /** From the publisher's send time to receipt. */
  latencyMs: LatencySummary;
  /** From the server's own stamp (its publish time) to receipt: what this baseline reported before 2026-12-02. */
  sinceServerStampMs: LatencySummary;
  lost: number;
  /** The baseline servers' CPU time over the round ÷ deliveries, in µs. */
  cpuUsPerDelivery?: number;
}

export interface FanOutRun {
  subscribers: number;
  instances: number;
  conversations: number;
  durationMs: number;
  /** Messages committed during the round (counted in the database: a send may commit and still answer with an error). */
  messagesSent: number;
  /** Sends answered with an error or not at all (e.g. the answer's relations timed out after the commit). */
  sendErrors?: number;
  deliveriesExpected: number;
  delivered: number;
  lost: number;
  duplicates: number;
  /** From the sender's request (bench/support/send-stamp.ts) to each subscriber's receipt. */
  latencyMs: LatencySummary;
  /** From the message's createdAt (set in the send transaction) to receipt: what this scenario reported before 2026-12-02. */
  sinceServerStampMs: LatencySummary;
  /** The gateways' CPU time (every instance, user + system) over the round ÷ messages sent. */
  cpuMsPerMessage?: number;
  /** The same ÷ deliveries, in µs: what one subscriber's copy of an event costs. */
  cpuUsPerDelivery?: number;
  /** Bare `ws` broadcast of the same frames: no GraphQL at all. */
  baseline: FanOutBaseline;
  /** graphql-ws + graphql-js executing the same document per subscriber from memory (baselines/graphql-ws-server.ts). */
  graphqlWsBaseline?: FanOutBaseline;
  /** gateway p99 ÷ bare-ws p99. */
  p99Ratio: number;
  /** gateway p99 ÷ graphql-ws p99; target ≤ 2. */
  graphqlWsP99Ratio?: number;
}

/** Each conversation has this many subscribers; each receives about one message a second. */
const SUBSCRIBERS_PER_CONVERSATION = 100;
const CLIENTS_PER_WORKER = 2_500;

/**
 * Sockets one process can hold: the hard limit on open files (20,000 on the project's bench
 * machine, which a container without CAP_SYS_RESOURCE cannot raise), less room for its
 * database pool, Redis, logs and modules. Above it a step runs on more instances, and the
 * baselines on as many processes.
 */
function socketsPerProcess(): number {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = /Max open files\s+(\d+|unlimited)/.exec(limits)?.[1];
  return soft === undefined || soft === 'unlimited' ? 1_000_000 : Number(soft) - 500;
}

export interface FanOutStep {
  subscribers: number;
  instances: number;
}

/** `--fanout 10000x1,20000x2` picks the steps; by default the ones below. */
export function defaultFanOutPlan(context: BenchContext): FanOutStep[] {
  return context.quick
    ? [{ subscribers: 200, instances: 1 }, ...(context.redisUrl ? [{ subscribers: 200, instances: 2 }] : [])]
    : [
        { subscribers: 1_000, instances: 1 },
        { subscribers: 5_000, instances: 1 },
        { subscribers: 10_000, instances: 1 },
        ...(context.redisUrl ? [{ subscribers: 10_000, instances: 2 }, { subscribers: 20_000, instances: 1 }] : []),
      ];
}

/**
 * K WebSocket subscribers (each a staff member of its own, on the dashboard's
 * ConversationEvents), each on one conversation that receives one message a second, sent
 * over HTTP with the dashboard's SendMessage by a staff member per conversation, to the
 * instances in turn (as a load balancer spreads them). Latency is receipt time minus the
 * moment the sender sent the message, on one clock, for the gateway and the baselines alike
 * (send-stamp.ts); the time since the server's own stamp is reported next to it. Then the
 * same subscribers on a graphql-ws baseline and on a bare `ws` broadcast.
 */
export async function benchFanOut(context: BenchContext, plan = defaultFanOutPlan(context)): Promise<FanOutRun[]> {
  const runs: FanOutRun[] = [];
  for (const step of plan) {
    // 20k sockets do not fit in one process here (socketsPerProcess): the step needs a second instance over Redis.
    const instances = Math.max(step.instances, Math.ceil(step.subscribers / socketsPerProcess()));
    if (instances > 1 && !context.redisUrl) {
      context.log(`fan-out: ${step.subscribers} subscribers need ${instances} instances and Redis; skipped`);
      continue;
    }
    if (instances !== step.instances) context.log(`fan-out: ${step.subscribers} subscribers exceed one process's open-file limit: ${instances} instances`);
    context.log(`fan-out: ${step.subscribers} subscribers on ${instances} instance(s)`);
    runs.push(await fanOutOnce(context, step.subscribers, instances));
  }
  return runs;
}

async function fanOutOnce(context: BenchContext, subscribers: number, instances: number): Promise<FanOutRun> {
  const durationMs = context.quick ? 2_000 : 10_000;
  const conversations = Math.max(2, Math.ceil(subscribers / SUBSCRIBERS_PER_CONVERSATION));
  // With rate limits on, every subscriber is a staff member of its own (20 sockets a person at
  // most), and each conversation has its own sender (one message a second, under 120 a minute).
  const organization = await seedOrganization(context.pool, {
    slug: `bench-fan-${subscribers}-${instances}-${Date.now()}`,
    conversations,
    messagesPerConversation: 1,
    staffMembers: conversations + subscribers,
  });
  const tokens = await staffTokens(context, organization.organizationId, organization.staffIds);
  const senderOf = new Map(organization.conversationIds.map((id, index) => [id, tokens[index]!]));
  const subscriberTokens = tokens.slice(conversations);
  const gateways: GatewayProcess[] = [];
  try {
    // One after the other: two gateways starting at once on one database can fail to provision
    // its application role ("tuple concurrently updated", gateway/database/app-role.ts).
    for (let index = 0; index < instances; index += 1) {
      gateways.push(await startBenchGateway(context, `fan-out ${subscribers} × ${instances}, instance ${index + 1}`, { redisUrl: instances > 1 ? context.redisUrl : undefined }));
    }
    const workers = startSubscribers(subscribers, (clients, offset) => ({
      kind: 'subscribe',
      wsUrls: gateways.map((gateway) => gateway.wsUrl),
      tokens: subscriberTokens.slice(offset, offset + clients),
      conversationIds: organization.conversationIds,
      clients,
      offset,
    }));
    await Promise.all(workers.map((worker) => worker.ready));
    const operation = appOperation('SendMessage');
    const rounds = await Promise.all(gateways.map((gateway) => gateway.round()));
    let turn = 0;
    const answered = await paced(organization.conversationIds, durationMs, async (conversationId) => {
      const gateway = gateways[turn++ % gateways.length]!;
      const response = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${senderOf.get(conversationId)}` },
        body: JSON.stringify(persistedBody(operation, { input: { conversationId, body: 'Your prescription is ready for pickup.', clientMessageId: stampedClientMessageId() } })),
      });
      const body = (await response.json()) as { errors?: unknown };
      return response.ok && !body.errors;
    });
    // Time for the last events to arrive (they are counted as lost if not).
    await new Promise((resolve) => setTimeout(resolve, context.quick ? 1_000 : 2_000));
    const cpuMs = (await Promise.all(rounds.map((measured) => measured.end()))).reduce((sum, cpu) => sum + cpu.cpuMs, 0);
    const results = await Promise.all(workers.map((worker) => worker.stop()));
    // What subscribers must receive is what was committed, answered or not.
    const { rows } = await context.pool.query<{ conversation_id: string; sent: number }>(
      `SELECT conversation_id, count(*)::int AS sent FROM message WHERE organization_id = $1 AND sequence > 1 GROUP BY conversation_id`,
      [organization.organizationId],
    );
    const sent = new Map(rows.map((row) => [row.conversation_id, row.sent]));
    const measured = tally(results, sent, subscribers, organization.conversationIds);
    const messagesSent = [...sent.values()].reduce((sum, count) => sum + count, 0);
    const sendErrors = organization.conversationIds.length * Math.round(durationMs / 1000) - [...answered.values()].reduce((sum, count) => sum + count, 0);
    await Promise.all(gateways.splice(0).map((gateway) => gateway.stop()));

    context.log(`fan-out: graphql-ws baseline, ${subscribers} subscribers on ${instances} process(es)`);
    const graphqlWs = await baselineRound('graphql-ws', organization.conversationIds, subscribers, instances, durationMs);
    context.log(`fan-out: bare ws baseline, ${subscribers} subscribers on ${instances} process(es)`);
    const bare = await baselineRound('bare-ws', organization.conversationIds, subscribers, instances, durationMs);
    return {
      subscribers,
      instances,
      conversations,
      durationMs,
      messagesSent,
      sendErrors,
      ...measured,
      cpuMsPerMessage: round(cpuMs / Math.max(1, messagesSent), 2),
      cpuUsPerDelivery: round((cpuMs * 1000) / Math.max(1, measured.delivered), 1),
      baseline: bare,
      graphqlWsBaseline: graphqlWs,
      p99Ratio: round(measured.latencyMs.p99 / Math.max(bare.latencyMs.p99, 1), 2),
      graphqlWsP99Ratio: round(measured.latencyMs.p99 / Math.max(graphqlWs.latencyMs.p99, 1), 2),
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
    sinceServerStampMs: summarize(results.flatMap((result) => result.sinceServerStampMs)),
  };
}

/**
 * The same subscribers and the same pacing against `processes` baseline servers (the
 * clients spread over them as over the gateway instances; every publish goes to each).
 */
async function baselineRound(kind: BaselineKind, conversationIds: string[], subscribers: number, processes: number, durationMs: number): Promise<FanOutBaseline> {
  const servers: BaselineServer[] = [];
  try {
    for (let index = 0; index < processes; index += 1) servers.push(await startBaselineServer(kind));
    const workers = startSubscribers(subscribers, (clients, offset) =>
      kind === 'graphql-ws'
        ? { kind: 'subscribe', wsUrls: servers.map(({ port }) => `ws://127.0.0.1:${port}/graphql`), conversationIds, clients, offset }
        : { kind: 'bare-subscribe', urls: servers.map(({ port }) => `ws://127.0.0.1:${port}/`), conversationIds, clients, offset },
    );
    await Promise.all(workers.map((worker) => worker.ready));
    const cpuBefore = await Promise.all(servers.map((server) => server.cpuMs()));
    const sequence = new Map<string, number>();
    const sent = await paced(conversationIds, durationMs, async (conversationId) => {
      const next = (sequence.get(conversationId) ?? 1) + 1;
      sequence.set(conversationId, next);
      const publish = JSON.stringify({ conversationId, sequence: next, clientMessageId: stampedClientMessageId() });
      const responses = await Promise.all(servers.map(({ port }) => fetch(`http://127.0.0.1:${port}/publish`, { method: 'POST', body: publish })));
      return responses.every((response) => response.ok);
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const cpuAfter = await Promise.all(servers.map((server) => server.cpuMs()));
    const cpuMs = cpuAfter.reduce((sum, after, index) => sum + after - cpuBefore[index]!, 0);
    const results = await Promise.all(workers.map((worker) => worker.stop()));
    const measured = tally(results, sent, subscribers, conversationIds);
    return { latencyMs: measured.latencyMs, sinceServerStampMs: measured.sinceServerStampMs, lost: measured.lost, cpuUsPerDelivery: round((cpuMs * 1000) / Math.max(1, measured.delivered), 1) };
  } finally {
    servers.forEach(stopBaselineServer);
  }
}
