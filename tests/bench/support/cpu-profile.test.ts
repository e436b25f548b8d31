import { describe, expect, it } from '@jest/globals';
import { summarizeProfile } from '../../../bench/support/cpu-profile.js';

/** A profile as V8 writes it: a call tree, the node each sample hit, and µs between samples. */
function profileOf(stack: { url: string; functionName: string }[][], samples: number[], timeDeltas: number[]) {
  const nodes = [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [] as number[] }];
  const leaves: number[] = [];
  for (const frames of stack) {
    let parent = nodes[0]!;
    for (const frame of frames) {
      const node = { id: nodes.length + 1, callFrame: { ...frame, lineNumber: 0 }, children: [] as number[] };
      nodes.push(node);
      parent.children.push(node.id);
      parent = node;
    }
    leaves.push(parent.id);
  }
  return { nodes, startTime: 1_000, samples: samples.map((leaf) => leaves[leaf]!), timeDeltas };
}

const at = (packagePath: string, functionName = 'f') => ({ url: `file:///app/node_modules/${packagePath}`, functionName });

describe('the CPU profile summary', () => {
  const profile = profileOf(
    [
      [at('graphql/execution/execute.js', 'executeField')],
      [at('pg/lib/client.js', 'query'), { url: 'node:net', functionName: 'writeGeneric' }, { url: '', functionName: 'writev' }],
      [{ url: 'file:///app/dist/gateway/database/tenant-aware-client.js', functionName: 'run' }, { url: '', functionName: 'stringify' }],
      [{ url: '', functionName: '(garbage collector)' }],
      [{ url: '', functionName: '(idle)' }],
      [at('@apollo/server/dist/esm/runHttpQuery.js')],
    ],
    // Sample i lasts until sample i + 1: 10, 20, 30, 40, 50 ms; the last has no length.
    [0, 1, 2, 3, 4, 5],
    [0, 10_000, 20_000, 30_000, 40_000, 50_000],
  );

  it('sums self time by package, gives node core to the package that called it, built-ins to their caller, and leaves idle out', () => {
    const summary = summarizeProfile(profile, 'test', []);
    expect(Object.fromEntries(summary.groups.map((entry) => [entry.group, entry.ms]))).toEqual({
      'graphql-js': 10,
      'node core ← pg': 20,
      'project: gateway/database': 30,
      GC: 40,
      '@apollo/server': 0,
    });
    expect(summary.idleMs).toBe(50);
  });

  it('counts only samples inside the measured windows', () => {
    // Samples are taken at 0, 10, 30, 60, 100 and 150 ms after the start (1,000 µs).
    const summary = summarizeProfile(profile, 'test', [{ label: 'round', startUs: 6_000, endUs: 40_000 }]);
    expect(summary.groups.map((entry) => entry.group).sort()).toEqual(['node core ← pg', 'project: gateway/database']);
  });
});
