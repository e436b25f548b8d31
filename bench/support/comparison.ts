import type { BenchResults } from './bench-results.js';

/** One figure of two runs: what it was, what it is, and which way is better. */
export interface ComparedFigure {
  label: string;
  unit: string;
  before: number | undefined;
  after: number | undefined;
  better: 'lower' | 'higher';
  /** The target, as written in the table. */
  target?: string;
}

/** Earlier runs folded into one, later files winning: a "before" may be a full run plus a fan-out run of its own. */
export function mergeRuns(runs: readonly BenchResults[]): Partial<BenchResults> {
  return Object.assign({}, ...runs.map((run) => Object.fromEntries(Object.entries(run).filter(([, value]) => value !== undefined))));
}

/** The figures the performance issue is judged on, side by side. */
export function compareRuns(before: Partial<BenchResults>, after: Partial<BenchResults>): ComparedFigure[] {
  const figures: ComparedFigure[] = [];
  const both = <T>(pick: (run: Partial<BenchResults>) => T | undefined) => [pick(before), pick(after)] as const;
  const add = (label: string, unit: string, [b, a]: readonly [number | undefined, number | undefined], better: 'lower' | 'higher', target?: string) =>
    figures.push({ label, unit, before: b, after: a, better, target });

  add('send path ÷ raw pg (msg/s)', '×', both((run) => run.sendPath?.ratio), 'higher', '≥ 0.5');
  add('send path p99', 'ms', both((run) => run.sendPath?.gateway.latencyMs.p99), 'lower', '≤ 50');
  add('send path gateway CPU per message', 'ms', both((run) => run.sendPath?.gateway.cpuMsPerMessage), 'lower');
  const steps = new Set([...(before.fanOut ?? []), ...(after.fanOut ?? [])].map((run) => `${run.subscribers}x${run.instances}`));
  for (const step of steps) {
    const pick = (run: Partial<BenchResults>) => run.fanOut?.find((fanOut) => `${fanOut.subscribers}x${fanOut.instances}` === step);
    const name = `fan-out ${step.replace('x', ' × ')}`;
    add(`${name} p99`, 'ms', both((run) => pick(run)?.latencyMs.p99), 'lower', step === '10000x1' ? '≤ 250' : step === '10000x2' ? '≤ 300' : undefined);
    add(`${name} p99 ÷ graphql-ws`, '×', both((run) => pick(run)?.graphqlWsP99Ratio), 'lower', '≤ 2');
    add(`${name} gateway CPU per delivery`, 'µs', both((run) => pick(run)?.cpuUsPerDelivery), 'lower');
  }
  const largest = (run: Partial<BenchResults>) => run.inboxGrowth?.sizes.at(-1);
  add('inbox p95 at the largest size', 'ms', both((run) => largest(run)?.latencyMs.p95), 'lower', '≤ 50');
  // Runs of 2026-12-01 02:34 named it gatewayCpuMsPerRequest.
  const inboxCpu = (run: Partial<BenchResults>) => largest(run)?.cpuMsPerRequest ?? (largest(run) as { gatewayCpuMsPerRequest?: number } | undefined)?.gatewayCpuMsPerRequest;
  add('inbox gateway CPU per request', 'ms', both(inboxCpu), 'lower', '≤ 1.5');
  add('inbox statements sent per request', '', both((run) => largest(run)?.statementsSentPerRequest), 'lower', '≤ 8');
  add('inbox round trips per request', '', both((run) => largest(run)?.roundTripsPerRequest), 'lower');
  add('reconnect storm: all back after', 'ms', both((run) => run.reconnectStorm?.allResubscribedMs), 'lower', '≤ 15,000 at 10k');
  add('reconnect storm: ack p99', 'ms', both((run) => run.reconnectStorm?.ackLatencyMs.p99), 'lower', '≤ 1,000');
  add('reconnect storm: gave up', 'clients', both((run) => run.reconnectStorm?.failures), 'lower', '0');
  add('reconnect storm: gateway CPU per client', 'ms', both((run) => run.reconnectStorm?.cpuMsPerClient), 'lower');
  add('idle subscribed socket', 'KiB', both((run) => (run.idleConnections ? run.idleConnections.bytesPerConnection / 1024 : undefined)), 'lower', '≤ 30');
  return figures.filter((figure) => figure.before !== undefined || figure.after !== undefined);
}

const format = (value: number | undefined) => (value === undefined ? '—' : Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 3 }));

export function comparisonMarkdown(figures: readonly ComparedFigure[], beforeNames: string, afterName: string): string {
  const rows = figures.map((figure) => {
    const unit = figure.unit ? ` ${figure.unit}` : '';
    const change = figure.before && figure.after !== undefined ? `${(figure.after / figure.before).toFixed(2)}×` : '';
    return `| ${figure.label} | ${format(figure.before)}${unit} | ${format(figure.after)}${unit} | ${change} | ${figure.target ?? ''} |`;
  });
  return [`| figure | before (${beforeNames}) | after (${afterName}) | after ÷ before | target |`, '|---|---|---|---|---|', ...rows].join('\n') + '\n';
}

/** After ÷ before per figure, as bars around 1: green where the figure got better. */
export function comparisonChart(figures: readonly ComparedFigure[]): string {
  const shown = figures.filter((figure) => figure.before && figure.after !== undefined);
  const width = 780;
  const labelWidth = 330;
  const rowHeight = 26;
  const scaleMax = Math.max(2, ...shown.map((figure) => Math.min(figure.after! / figure.before!, 4))) * 1.1;
  const x = (value: number) => labelWidth + (Math.min(value, scaleMax) / scaleMax) * (width - labelWidth - 70);
  const height = 44 + shown.length * rowHeight + 30;
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = shown.map((figure, index) => {
    const y = 44 + index * rowHeight;
    const ratio = figure.after! / figure.before!;
    const better = figure.better === 'lower' ? ratio < 1 : ratio > 1;
    return [
      `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escape(figure.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 4}" width="${Math.max(1, x(ratio) - labelWidth).toFixed(1)}" height="15" fill="${better ? '#0f766e' : '#b45309'}"/>`,
      `<text x="${(x(ratio) + 6).toFixed(1)}" y="${y + 16}">${ratio.toFixed(2)}×</text>`,
    ].join('');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="13" fill="#111827">
<rect width="100%" height="100%" fill="#ffffff"/>
<text x="12" y="24" font-weight="600">After ÷ before, per figure (dashed line: unchanged); green got better</text>
<line x1="${x(1).toFixed(1)}" x2="${x(1).toFixed(1)}" y1="36" y2="${height - 26}" stroke="#111827" stroke-dasharray="3 2"/>
${rows.join('\n')}
<text x="12" y="${height - 10}" fill="#4b5563">Both runs on the same 2-core machine; bars past ${Math.floor(scaleMax * 10) / 10}× are cut.</text>
</svg>
`;
}
