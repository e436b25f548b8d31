import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a gateway's CPU time goes, from the V8 `.cpuprofile` that `--cpu-prof` writes
 * when the process exits: self time by package (the node_modules folder a function's
 * script lives in), restricted to the measured rounds so start-up and seeding don't count.
 */

/** A stretch of the gateway's life to count, on CLOCK_MONOTONIC in µs (V8's profile clock). */
export interface ProfileWindow {
  label: string;
  startUs: number;
  endUs: number;
}

export interface ProfileSummary {
  /** "fan-out 10000×1" etc.: the scenario and the gateway it profiled. */
  label: string;
  /** Sampled time inside the windows, idle excluded. */
  busyMs: number;
  idleMs: number;
  /** Share of busy time per group, largest first. */
  groups: { group: string; ms: number; share: number }[];
  /** The functions with the most self time: where to look first. */
  topFunctions: { name: string; where: string; group: string; ms: number; share: number }[];
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Packages folded into the groups the issue asks about; any other package is its own group. */
const GROUP_OF_PACKAGE: Record<string, string> = {
  graphql: 'graphql-js',
  'type-graphql': 'type-graphql',
  typeorm: 'typeorm',
  pg: 'pg',
  'pg-protocol': 'pg',
  'pg-pool': 'pg',
  'pg-types': 'pg',
  'postgres-array': 'pg',
  'postgres-date': 'pg',
  'packet-reader': 'pg',
  '@apollo/server': '@apollo/server',
  '@apollo/utils.keyvaluecache': '@apollo/server',
  '@apollo/utils.usagereporting': '@apollo/server',
  '@as-integrations/express5': '@apollo/server',
  express: 'express',
  router: 'express',
  'body-parser': 'express',
  'raw-body': 'express',
  'iconv-lite': 'express',
  qs: 'express',
  send: 'express',
  finalhandler: 'express',
  'path-to-regexp': 'express',
  'content-type': 'express',
  'type-is': 'express',
  'on-finished': 'express',
  cors: 'express',
  ws: 'ws/graphql-ws',
  'graphql-ws': 'ws/graphql-ws',
  '@repeaterjs/repeater': 'ws/graphql-ws',
  pino: 'pino (logging)',
  'pino-http': 'pino (logging)',
  'pino-std-serializers': 'pino (logging)',
  'sonic-boom': 'pino (logging)',
  'fast-redact': 'pino (logging)',
  '@pinojs/redact': 'pino (logging)',
};

/** Reads the profile `pid` wrote into `directory` and sums its samples inside `windows` (all of them when none). */
export async function summarizeProfileOf(directory: string, pid: number, label: string, windows: ProfileWindow[]): Promise<ProfileSummary | undefined> {
  const file = (await readdir(directory)).find((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.`));
  if (!file) return undefined;
  const profile = JSON.parse(await readFile(path.join(directory, file), 'utf8')) as CpuProfile;
  return summarizeProfile(profile, label, windows);
}

export function summarizeProfile(profile: CpuProfile, label: string, windows: ProfileWindow[]): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const ownGroupOf = new Map<number, string>();
  /** The frame's own group; built-ins (JSON.stringify, Buffer copies) have no script and count for their caller. */
  const ownGroup = (id: number): string => {
    const known = ownGroupOf.get(id);
    if (known) return known;
    let result = groupOfFrame(byId.get(id)!.callFrame);
    if (result === undefined) result = parentOf.has(id) ? ownGroup(parentOf.get(id)!) : NODE_CORE;
    ownGroupOf.set(id, result);
    return result;
  };
  /** Node core is split by the package that called into it: "node core ← pg" is pg's socket writes. */
  const group = (id: number): string => {
    const own = ownGroup(id);
    if (own !== NODE_CORE) return own;
    for (let ancestor = parentOf.get(id); ancestor !== undefined; ancestor = parentOf.get(ancestor)) {
      const caller = ownGroup(ancestor);
      if (caller !== NODE_CORE && !caller.startsWith('V8') && caller !== 'GC') return `${NODE_CORE} ← ${caller}`;
    }
    return NODE_CORE;
  };

  const selfUs = new Map<number, number>();
  let idleUs = 0;
  let timestamp = profile.startTime;
  for (let index = 0; index < profile.samples.length; index += 1) {
    timestamp += profile.timeDeltas[index] ?? 0;
    // A sample's time is the gap to the next one: the time the sampled frame was on the CPU.
    const duration = profile.timeDeltas[index + 1] ?? 0;
    if (windows.length > 0 && !windows.some((window) => timestamp >= window.startUs && timestamp < window.endUs)) continue;
    const id = profile.samples[index]!;
    if (byId.get(id)!.callFrame.functionName === '(idle)') idleUs += duration;
    else selfUs.set(id, (selfUs.get(id) ?? 0) + duration);
  }
  const busyUs = [...selfUs.values()].reduce((sum, us) => sum + us, 0) || 1;
  const groups = new Map<string, number>();
  for (const [id, us] of selfUs) groups.set(group(id), (groups.get(group(id)) ?? 0) + us);
  const functions = new Map<string, { name: string; where: string; group: string; us: number }>();
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    const where = shortUrl(frame.url, frame.lineNumber);
    const key = `${frame.functionName}@${where}`;
    const entry = functions.get(key) ?? { name: frame.functionName || '(anonymous)', where, group: group(id), us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const ms = (us: number) => Math.round(us / 100) / 10;
  const share = (us: number) => Math.round((us / busyUs) * 1000) / 10;
  return {
    label,
    busyMs: ms(busyUs),
    idleMs: ms(idleUs),
    groups: [...groups].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ group: name, ms: ms(us), share: share(us) })),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, 12)
      .map((entry) => ({ name: entry.name, where: entry.where, group: entry.group, ms: ms(entry.us), share: share(entry.us) })),
  };
}

const NODE_CORE = 'node core';

/** The group of a frame with a script, or undefined for a built-in that belongs to its caller. */
function groupOfFrame(frame: ProfileNode['callFrame']): string | undefined {
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(program)') return 'V8 (program: compiling, runtime)';
  if (frame.functionName === '(root)') return NODE_CORE;
  const url = frame.url;
  if (!url) return undefined;
  if (url.startsWith('node:') || !url.includes('/')) return NODE_CORE;
  const packageName = packageOf(url);
  if (packageName) return GROUP_OF_PACKAGE[packageName] ?? packageName;
  // The project's own code, by folder (gateway/database, resolvers, …).
  const project = /\/dist\/((?:gateway\/)?[^/]+)\//.exec(url);
  return project ? `project: ${project[1]}` : 'project';
}

function packageOf(url: string): string | undefined {
  const at = url.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const [first, second] = url.slice(at + '/node_modules/'.length).split('/');
  return first?.startsWith('@') ? `${first}/${second}` : first;
}

function shortUrl(url: string, line: number): string {
  if (!url) return '(native)';
  const at = url.lastIndexOf('/node_modules/');
  const tail = at >= 0 ? url.slice(at + '/node_modules/'.length) : url.includes('/dist/') ? url.slice(url.indexOf('/dist/') + 6) : url;
  return `${tail}:${line + 1}`;
}

/** The Markdown section for one profiled gateway. */
export function profileMarkdown(summary: ProfileSummary): string {
  return [
    `### ${summary.label}`,
    '',
    `${summary.busyMs} ms of CPU sampled (${summary.idleMs} ms idle).`,
    '',
    '| group | self ms | share |',
    '|---|---|---|',
    ...summary.groups.filter((entry) => entry.share >= 0.5).map((entry) => `| ${entry.group} | ${entry.ms} | ${entry.share} % |`),
    '',
    '<details><summary>Top functions by self time</summary>',
    '',
    '| function | where | group | self ms | share |',
    '|---|---|---|---|---|',
    ...summary.topFunctions.map((entry) => `| \`${entry.name}\` | ${entry.where} | ${entry.group} | ${entry.ms} | ${entry.share} % |`),
    '',
    '</details>',
    '',
  ].join('\n');
}
