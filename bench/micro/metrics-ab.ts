import { alternateInboxRuns } from '../support/inbox-alternation.js';

/**
 * `node dist/bench/micro/metrics-ab.js [rounds] [ms]`: the inbox query against gateway
 * processes without and with METRICS_PORT (0: a free port), alternating
 * (bench/support/inbox-alternation.ts).
 */
await alternateInboxRuns({ 'metrics off': { env: { METRICS_PORT: undefined } }, 'metrics on': { env: { METRICS_PORT: '0' } } }, Number(process.argv[2] ?? 10), Number(process.argv[3] ?? 5000));
