import path from 'node:path';
import { alternateInboxRuns } from '../support/inbox-alternation.js';

/**
 * `node dist/bench/micro/inbox-ab.js BEFORE AFTER [rounds] [ms] [clients] [delay ms]`: the inbox
 * query against the gateways of two built checkouts (a worktree of the commit before, and this
 * one), on one seeded database, alternating (bench/support/inbox-alternation.ts); with a delay,
 * the gateways reach PostgreSQL through a link that holds each chunk that long each way.
 */
const [before, after] = [process.argv[2], process.argv[3]].map((dir) => path.resolve(dir ?? '.'));
const [rounds, durationMs, clients, databaseDelayMs] = [4, 5, 6, 7].map((index) => (process.argv[index] === undefined ? undefined : Number(process.argv[index])));
await alternateInboxRuns({ before: { checkout: before }, after: { checkout: after } }, rounds ?? 6, durationMs ?? 5000, { clients: clients ?? 8, databaseDelayMs });
