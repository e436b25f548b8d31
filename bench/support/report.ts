import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResults } from './bench-results.js';

export interface WrittenReport {
  json: string;
  markdown: string;
  chart: string;
}

/** The name every file of a run starts with: its start time to the minute. */
export function reportStem(startedAt: string, quick: boolean): string {
  return startedAt.slice(0, 16).replace(/:/g, '-') + (quick ? '-quick' : '');
}

/** `<stem>.json` (everything), `<stem>.md` (the tables people read) and `<stem>.svg` (ratios at a glance). */
export async function writeReport(results: BenchResults, directory: string): Promise<WrittenReport> {
  await mkdir(directory, { recursive: true });
  const stem = reportStem(results.startedAt, results.quick);
  const files = { json: path.join(directory, `${stem}.json`), markdown: path.join(directory, `${stem}.md`), chart: path.join(directory, `${stem}.svg`) };
  await writeFile(files.json, JSON.stringify(results, null, 2) + '\n');
  await writeFile(files.markdown, markdownOf(results, path.basename(files.chart)));
  await writeFile(files.chart, chartOf(ratiosOf(results)));
  return files;
}

interface Ratio {
  label: string;
  value: number;
  /** The line the bar is judged against (1 = baseline, or the target as a ratio). */
  target: number;
  better: 'higher' | 'lower';
}

function ratiosOf(results: BenchResults): Ratio[] {
  const ratios: Ratio[] = [];
  if (results.sendPath) ratios.push({ label: 'send: gateway ÷ raw pg msg/s', value: results.sendPath.ratio, target: 0.5, better: 'higher' });
  if (results.sendPath?.stackFloor) ratios.push({ label: 'send: stack floor ÷ raw pg msg/s', value: results.sendPath.stackFloor.ratio, target: 0.5, better: 'higher' });
  for (const run of results.fanOut ?? []) {
    if (run.graphqlWsP99Ratio !== undefined) {
      ratios.push({ label: `fan-out ${run.subscribers}×${run.instances}: p99 ÷ graphql-ws`, value: run.graphqlWsP99Ratio, target: 2, better: 'lower' });
    }
    ratios.push({ label: `fan-out ${run.subscribers}×${run.instances}: p99 ÷ bare ws`, value: run.p99Ratio, target: 1, better: 'lower' });
  }
  if (results.inboxGrowth) ratios.push({ label: 'inbox p95: largest ÷ smallest', value: results.inboxGrowth.p95GrowthRatio, target: 1, better: 'lower' });
  if (results.idleConnections) {
    ratios.push({ label: 'idle socket bytes ÷ 40 KB target', value: results.idleConnections.bytesPerConnection / 40_960, target: 1, better: 'lower' });
  }
  if (results.uploadMemory) ratios.push({ label: 'upload: peak RSS ÷ bytes in flight', value: results.uploadMemory.growthPerUploadedByte, target: 1, better: 'lower' });
  return ratios;
}

function chartOf(ratios: Ratio[]): string {
  const width = 760;
  const labelWidth = 300;
  const rowHeight = 28;
  const scaleMax = Math.max(2, ...ratios.map((ratio) => Math.min(ratio.value, 10))) * 1.1;
  const x = (value: number) => labelWidth + (Math.min(value, scaleMax) / scaleMax) * (width - labelWidth - 70);
  const height = 40 + ratios.length * rowHeight + 30;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = ratios.map((ratio, index) => {
    const y = 40 + index * rowHeight;
    const good = ratio.better === 'higher' ? ratio.value >= ratio.target : ratio.value <= ratio.target;
    return [
      `<text x="${labelWidth - 8}" y="${y + 17}" text-anchor="end">${escape(ratio.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 5}" width="${Math.max(1, x(ratio.value) - labelWidth).toFixed(1)}" height="16" fill="${good ? '#0f766e' : '#b45309'}"/>`,
      `<line x1="${x(ratio.target).toFixed(1)}" x2="${x(ratio.target).toFixed(1)}" y1="${y + 2}" y2="${y + 24}" stroke="#111827" stroke-dasharray="3 2"/>`,
      `<text x="${(x(ratio.value) + 6).toFixed(1)}" y="${y + 17}">${ratio.value.toFixed(2)}</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="13" fill="#111827">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="24" font-weight="600">Counterchat benchmarks: each figure against its baseline or target (dashed line); green meets it</text>
${rows.join('\n')}
<text x="12" y="${height - 10}" fill="#4b5563">Ratios from one run on one machine; baselines measured in the same run.</text>
</svg>
`;
}

function markdownOf(results: BenchResults, chartFile: string): string {
  const lines: string[] = [
    `# Benchmark run ${results.startedAt}${results.quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}. Database: ${results.database}. Load generators run in separate processes on the same machine.`,
    '',
    "Gateways run as users run them: `NODE_ENV=production` (the dashboard's trusted documents, sent by hash as Apollo Client's persisted-query link does) with rate limits on; every load client signs in as a staff member of its own. Gateway CPU is user + system time of the gateway processes from `/proc/<pid>/stat` over the measured round.",
    '',
    `![ratios](${chartFile})`,
    '',
  ];
  for (const failure of results.failures ?? []) lines.push(`**${failure.scenario} failed:** ${failure.error}`, '');
  const send = results.sendPath;
  if (send) {
    lines.push(
      '## 1. Send path',
      '',
      `${send.clients} clients, ${send.durationMs / 1000} s each, the dashboard's SendMessage; ${send.identities ?? 1} staff members, each sending at most 100 of the 120 messages a minute the rate limit allows.`,
      '',
      '| | msg/s | p50 ms | p95 ms | p99 ms | errors | gateway CPU ms/msg | gateway CPU use |',
      '|---|---|---|---|---|---|---|---|',
      `| gateway (HTTP + GraphQL) | ${send.gateway.messagesPerSecond} | ${send.gateway.latencyMs.p50} | ${send.gateway.latencyMs.p95} | ${send.gateway.latencyMs.p99} | ${send.gateway.errors} | ${send.gateway.cpuMsPerMessage ?? '–'} | ${send.gateway.cpuUtilization !== undefined ? `${Math.round(send.gateway.cpuUtilization * 100)} %` : '–'} |`,
      `| raw pg, same pool | ${send.rawPg.messagesPerSecond} | ${send.rawPg.latencyMs.p50} | ${send.rawPg.latencyMs.p95} | ${send.rawPg.latencyMs.p99} | ${send.rawPg.errors} | | |`,
      ...(send.stackFloor
        ? [
            `| stack floor: Express + Apollo + graphql-js over the raw statements | ${send.stackFloor.messagesPerSecond} | ${send.stackFloor.latencyMs.p50} | ${send.stackFloor.latencyMs.p95} | ${send.stackFloor.latencyMs.p99} | ${send.stackFloor.errors} | ${send.stackFloor.cpuMsPerMessage} | |`,
          ]
        : []),
      '',
      `Ratio gateway ÷ raw: **${send.ratio}** (target ≥ 0.5).${send.stackFloor ? ` The stack's floor ÷ raw: ${send.stackFloor.ratio}; gateway ÷ floor: ${Math.round((send.gateway.messagesPerSecond / send.stackFloor.messagesPerSecond) * 100) / 100}.` : ''}`,
      '',
    );
  }
  if (results.fanOut?.length) {
    const cell = (value: number | undefined) => (value === undefined ? '–' : String(value));
    lines.push(
      '## 2. Fan-out',
      '',
      "Each subscriber a staff member of its own on the dashboard's ConversationEvents; 100 per conversation, one message a second per conversation, sent to the instances in turn. Baselines with the same clients and pacing: graphql-ws + graphql-js executing the same document per subscriber from memory (target: gateway p99 ≤ 2×), and a bare `ws` broadcast. Above one process's open-file limit a step runs on two instances over Redis, and each baseline on two processes.",
      '',
      "Latency runs from the moment the sender sent the message to each subscriber's receipt, for the gateway and the baselines alike (bench/support/send-stamp.ts). \"Since stamp\" is the time since the server's own stamp (the gateway's createdAt in the send transaction; a baseline's publish time): a server that falls behind queues the next publish unmeasured there, so that figure flatters whoever is behind.",
      '',
      '| subscribers | instances | sent (errors) | deliveries | lost | dup | p50 ms | p99 ms | p99 since stamp | CPU ms/msg | CPU µs/delivery | graphql-ws p50 / p99 | since stamp | graphql-ws CPU µs/delivery | bare ws p50 / p99 | p99 ÷ graphql-ws | p99 ÷ bare ws |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
      ...results.fanOut.map(
        (run) =>
          `| ${run.subscribers} | ${run.instances} | ${run.messagesSent} (${run.sendErrors ?? 0}) | ${run.delivered}/${run.deliveriesExpected} | ${run.lost} | ${run.duplicates} | ${run.latencyMs.p50} | ${run.latencyMs.p99} | ${cell(run.sinceServerStampMs?.p99)} | ${cell(run.cpuMsPerMessage)} | ${cell(run.cpuUsPerDelivery)} | ${run.graphqlWsBaseline ? `${run.graphqlWsBaseline.latencyMs.p50} / ${run.graphqlWsBaseline.latencyMs.p99}` : '–'} | ${run.graphqlWsBaseline?.sinceServerStampMs ? `${run.graphqlWsBaseline.sinceServerStampMs.p50} / ${run.graphqlWsBaseline.sinceServerStampMs.p99}` : '–'} | ${cell(run.graphqlWsBaseline?.cpuUsPerDelivery)} | ${run.baseline.latencyMs.p50} / ${run.baseline.latencyMs.p99} | ${cell(run.graphqlWsP99Ratio)} | ${run.p99Ratio} |`,
      ),
      '',
    );
  }
  const inbox = results.inboxGrowth;
  if (inbox) {
    lines.push(
      '## 3. Inbox cost growth',
      '',
      `${inbox.concurrency} concurrent clients, each a pharmacist of its own; the dashboard's Inbox query on its default tab (first 25 open, with customer, assignee, last message, unread count).`,
      '',
      '| conversations | messages each | seed s | p50 ms | p95 ms | req/s | gateway CPU ms/request | SQL statements/request | sent to PostgreSQL/request (with transaction control) | round trips/request |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...inbox.sizes.map(
        (size) =>
          `| ${size.conversations} | ${size.messagesPerConversation} | ${size.seedSeconds} | ${size.latencyMs.p50} | ${size.latencyMs.p95} | ${size.requestsPerSecond} | ${size.cpuMsPerRequest ?? '–'} | ${size.statementsPerRequest} | ${size.statementsSentPerRequest ?? '–'} | ${size.roundTripsPerRequest ?? '–'} |`,
      ),
      '',
      ...(inbox.stackFloor
        ? [
            `The stack's floor (Express + Apollo + graphql-js answering the same persisted Inbox with 25 rows from memory, no database; bench/baselines/apollo-floor-server.ts), same clients: p50 ${inbox.stackFloor.latencyMs.p50} ms, p95 ${inbox.stackFloor.latencyMs.p95} ms, ${inbox.stackFloor.requestsPerSecond} req/s, **${inbox.stackFloor.cpuMsPerRequest} ms CPU per request**.`,
            '',
          ]
        : []),
      `p95 growth, largest ÷ smallest: **${inbox.p95GrowthRatio}**. Plan of the list statement at the largest size:`,
      '',
      '```',
      inbox.largestPlan,
      '```',
      '',
    );
  }
  const idle = results.idleConnections;
  if (idle) {
    lines.push(
      '## 4. Idle connection memory',
      '',
      `${idle.connections} authenticated sockets subscribed to the inbox: gateway RSS ${idle.rssBeforeMiB} → ${idle.rssAfterMiB} MiB, **${Math.round(idle.bytesPerConnection / 1024)} KiB per connection** (target ≤ 40 KB).`,
      '',
    );
  }
  const storm = results.reconnectStorm;
  if (storm) {
    lines.push(
      '## 5. Reconnect storm',
      '',
      `${storm.clients} clients (a staff member each) reconnect and resubscribe (the dashboard's ConversationEvents, with catch-up) within ${storm.spreadMs / 1000} s: all resubscribed after **${storm.allResubscribedMs} ms**; connection ack p50 ${storm.ackLatencyMs.p50} ms, p99 ${storm.ackLatencyMs.p99} ms; **${storm.failures} gave up**; gateway CPU ${storm.cpuMsPerClient ?? '–'} ms per client.`,
      ...(storm.graphqlWsFloor
        ? [
            '',
            `The same storm against the graphql-ws baseline (graphql-ws + graphql-js, the replay from memory, no auth, no database): all resubscribed after ${storm.graphqlWsFloor.allResubscribedMs} ms; ack p50 ${storm.graphqlWsFloor.ackLatencyMs.p50} ms, p99 ${storm.graphqlWsFloor.ackLatencyMs.p99} ms; ${storm.graphqlWsFloor.failures} gave up; ${storm.graphqlWsFloor.cpuMsPerClient} ms CPU per client.`,
          ]
        : []),
      '',
    );
  }
  const upload = results.uploadMemory;
  if (upload) {
    lines.push(
      '## 6. Upload memory',
      '',
      `${upload.uploads} × ${Math.round(upload.bytesEach / 2 ** 20)} MiB at once: ${upload.succeeded} accepted, slowest ${upload.slowestMs} ms; peak RSS growth **${upload.peakRssGrowthMiB} MiB** over ${upload.rssBaselineMiB} MiB (${upload.growthPerUploadedByte} per byte in flight).`,
      '',
    );
  }
  const sessions = results.sessionCheck;
  if (sessions) {
    lines.push(
      '## 7. Session check',
      '',
      `Refusing ended staff sessions on every request: **${sessions.nanosecondsPerCheck} ns** per check (in memory, ${sessions.checks} checks with ${sessions.endedSessions} ended sessions held), where a database lookup per request would take p50 ${sessions.databaseLookupMs.p50} ms, p99 ${sessions.databaseLookupMs.p99} ms.`,
      '',
    );
  }
  return lines.join('\n');
}
