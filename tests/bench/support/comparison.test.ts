import { describe, expect, it } from '@jest/globals';
import type { BenchResults } from '../../../bench/support/bench-results.js';
import { compareRuns, comparisonChart, comparisonMarkdown, mergeRuns } from '../../../bench/support/comparison.js';

const latency = (p99: number) => ({ count: 10, p50: p99 / 2, p95: p99 * 0.9, p99, max: p99 });
const fanOut = (p99: number, cpuUsPerDelivery: number) =>
  ({ subscribers: 10_000, instances: 1, latencyMs: latency(p99), cpuUsPerDelivery, graphqlWsP99Ratio: p99 / 50 }) as unknown as NonNullable<BenchResults['fanOut']>[number];

describe('comparing two bench runs', () => {
  it('folds several earlier runs into one "before", the later file winning', () => {
    const full = { sendPath: { ratio: 0.1 }, fanOut: [fanOut(40_000, 780)] } as unknown as BenchResults;
    const fanOutOnly = { fanOut: [fanOut(30_000, 700)], sendPath: undefined } as unknown as BenchResults;
    const merged = mergeRuns([full, fanOutOnly]);
    expect(merged.sendPath).toEqual({ ratio: 0.1 });
    expect(merged.fanOut![0]!.latencyMs.p99).toBe(30_000);
  });

  it('puts each figure of the issue before and after, with after ÷ before and the target', () => {
    const before = { fanOut: [fanOut(42_000, 780)] } as unknown as BenchResults;
    const after = { fanOut: [fanOut(12_600, 160)] } as unknown as BenchResults;
    const figures = compareRuns(before, after);
    expect(figures.find((figure) => figure.label === 'fan-out 10000 × 1 p99')).toMatchObject({ before: 42_000, after: 12_600, target: '≤ 250' });
    const markdown = comparisonMarkdown(figures, 'a', 'b');
    expect(markdown).toContain('| fan-out 10000 × 1 gateway CPU per delivery | 780 µs | 160 µs | 0.21× |  |');
    // Figures neither run has are left out, not shown as empty rows.
    expect(markdown).not.toContain('reconnect storm');
    const chart = comparisonChart(figures);
    expect(chart).toContain('0.30×');
    expect(chart.match(/<rect x=/g)).toHaveLength(3);
  });
});
