import { parse, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { GatewayMetrics } from '../../gateway/metrics/gateway-metrics.js';
import { OperationMetrics } from '../../gateway/pipeline/operation-metrics.js';
import type { RequestContext } from '../../gateway/context/request-context.js';

/**
 * `node dist/bench/micro/metrics-overhead.js`: what recording one operation, one root field
 * and one delivered event costs with METRICS_PORT set, in isolation (a load test on a shared
 * 2-core machine can't resolve a difference of 1 %). Compare with the gateway's CPU per
 * request (about 7 ms for the inbox).
 */
const metrics = new GatewayMetrics({ openSockets: () => 0, publishedEvents: () => ({}), pools: () => ({}), queueDepths: async () => ({ pendingJobs: 0, dueWebhookDeliveries: 0 }) });
const origin = { topic: 'conversation' as const, publishedAt: performance.timeOrigin + performance.now() };
const operations = new OperationMetrics(metrics, { trustedOperationNames: ['Inbox'], originOf: () => origin });
const document = parse('query Inbox { conversations(first: 20) { edges { node { id } } } }');
const ITERATIONS = 200_000;

async function measure(name: string, body: () => unknown, iterations = ITERATIONS): Promise<void> {
  for (let i = 0; i < iterations / 10; i++) await body();
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) await body();
  const microseconds = Number(process.hrtime.bigint() - start) / iterations / 1000;
  console.log(`${name.padEnd(48)} ${microseconds.toFixed(2)} µs`);
}

const response = { body: { kind: 'single', singleResult: { data: {} } } };
const request = { operationName: 'Inbox' };
type Hooks = { willSendResponse(context: unknown): Promise<void> };
const requestDidStart = operations.httpPlugin.requestDidStart as unknown as (context: unknown) => Promise<Hooks>;

await measure('an awaited no-op (the loop itself)', async () => {});
await measure('HTTP operation: arrival + Apollo plugin', async () => {
  const contextValue = {};
  operations.arrived(contextValue, 'http', performance.now());
  const hooks = await requestDidStart({ contextValue });
  await hooks.willSendResponse({ contextValue, operation: { operation: 'query' }, operationName: 'Inbox', request, document, response });
});
await measure('WebSocket operation: arrival + execution', async () => {
  const contextValue = {} as RequestContext;
  operations.arrived(contextValue, 'websocket', performance.now());
  operations.executed({ document, contextValue } as ExecutionArgs, { data: {} });
});
const resolve = () => 1;
const field = { name: 'inbox', resolve };
operations.timeRootFields({ getQueryType: () => ({ name: 'Query', getFields: () => ({ inbox: field }) }), getMutationType: () => undefined } as unknown as GraphQLSchema);
await measure('root field resolver, untimed', async () => resolve());
await measure('root field resolver, timed', async () => field.resolve());
await measure('subscription event: traced, sent, ended', async () => {
  const result = { data: {} };
  const observer = operations.subscriptionObserver();
  observer.resolved(result, {});
  operations.eventSent(result);
  observer.ended();
});
await measure('a scrape of the whole registry (every 15 s or so)', () => metrics.registry.metrics(), 2_000);
