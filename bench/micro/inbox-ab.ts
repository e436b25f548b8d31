import path from 'node:path';
import { alternateInboxRuns } from '../support/inbox-alternation.js';

/**
 * `node dist/bench/micro/inbox-ab.js BEFORE AFTER [rounds] [ms]`: the inbox query against the
 * gateways of two built checkouts (a worktree of the commit before, and this one), on one
 * seeded database, alternating (bench/support/inbox-alternation.ts).
 */
const [before, after] = [process.argv[2], process.argv[3]].map((dir) => path.resolve(dir ?? '.'));
await alternateInboxRuns({ before: { checkout: before }, after: { checkout: after } }, Number(process.argv[4] ?? 6), Number(process.argv[5] ?? 5000));
