import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResults } from '../../bench/support/bench-results.js';
import { useTemporaryDirectory } from '../support/temporary-directory.js';
import { testRedisUrl } from '../support/test-gateway.js';

/**
 * Runs `npm run bench -- --quick` (the built bench/run.js) end to end, so the suite can't
 * rot: every scenario must run and produce sane figures. Speed is not asserted here
 * (shared, noisy machines); correctness is: nothing lost, nothing refused.
 */
describe('the benchmark suite, in quick mode', () => {
  const out = useTemporaryDirectory('counterchat-bench-');
  const profiles = useTemporaryDirectory('counterchat-bench-profiles-');

  it('runs every scenario as users run the gateway (trusted documents, rate limits on) and writes JSON, Markdown, a chart and the profile summary', async () => {
    const outDirectory = out.path;
    const child = spawn(process.execPath, ['dist/bench/run.js', '--quick', '--out', outDirectory], {
      env: { ...process.env, BENCH_REDIS_URL: testRedisUrl(), BENCH_PROFILE_DIR: profiles.path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const [code] = await once(child, 'exit');
    // On failure, the end of the run's output says which scenario failed and why.
    expect({ code, output: code === 0 ? '' : output.slice(-4000) }).toEqual({ code: 0, output: '' });

    const files = (await readdir(outDirectory)).sort();
    expect(files.map((file) => file.replace(/^[\dT-]+-quick/, ''))).toEqual(['-profile.md', '.json', '.md', '.svg']);
    const [profile, json, markdownFile, chart] = files.map((file) => path.join(outDirectory, file)) as [string, string, string, string];
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;

    // Every message went through: the trusted document was found by its hash, and no client outran its rate limit.
    expect(results.sendPath!.gateway.messagesPerSecond).toBeGreaterThan(0);
    expect(results.sendPath!.rawPg.messagesPerSecond).toBeGreaterThan(0);
    expect(results.sendPath!.gateway.errors).toBe(0);
    expect(results.sendPath!.gateway.cpuMsPerMessage).toBeGreaterThan(0);
    // The stack's floor answered the same persisted SendMessage by hash, every time.
    expect(results.sendPath!.stackFloor).toMatchObject({ errors: 0 });
    expect(results.sendPath!.stackFloor!.messagesPerSecond).toBeGreaterThan(0);

    expect(results.fanOut!.map((run) => run.instances)).toEqual([1, 2]);
    for (const run of results.fanOut!) {
      expect({ lost: run.lost, duplicates: run.duplicates, bareWsLost: run.baseline.lost, graphqlWsLost: run.graphqlWsBaseline!.lost }).toEqual({
        lost: 0,
        duplicates: 0,
        bareWsLost: 0,
        graphqlWsLost: 0,
      });
      expect(run.delivered).toBe(run.deliveriesExpected);
      expect(run.deliveriesExpected).toBeGreaterThan(0);
      expect(run.graphqlWsBaseline!.latencyMs.count).toBe(run.deliveriesExpected);
      expect(run.cpuUsPerDelivery).toBeGreaterThan(0);
      // Every event carried the sender's clock (send-stamp.ts), through the gateway and both baselines.
      for (const latency of [run.latencyMs, run.graphqlWsBaseline!.latencyMs, run.baseline.latencyMs]) expect(Number.isFinite(latency.max)).toBe(true);
    }

    const statements = results.inboxGrowth!.sizes.map((size) => size.statementsPerRequest);
    // Flat in the pharmacy's size: a statement per row (25 on the page) would show here. A
    // statement more or less is background work (session activity) landing in the count.
    expect(Math.max(...statements) - Math.min(...statements)).toBeLessThanOrEqual(1);
    expect(results.inboxGrowth!.sizes.every((size) => size.errors === 0 && size.latencyMs.count > 0 && size.cpuMsPerRequest > 0)).toBe(true);
    expect(results.inboxGrowth!.stackFloor).toMatchObject({ errors: 0 });
    expect(results.inboxGrowth!.stackFloor!.latencyMs.count).toBeGreaterThan(0);

    expect(results.idleConnections!.bytesPerConnection).toBeGreaterThan(0);
    expect(results.reconnectStorm!.failures).toBe(0);
    expect(results.reconnectStorm!.graphqlWsFloor).toMatchObject({ failures: 0 });
    expect(results.uploadMemory!.succeeded).toBe(results.uploadMemory!.uploads);
    expect(results.sessionCheck!.nanosecondsPerCheck).toBeGreaterThan(0);
    expect(results.sessionCheck!.databaseLookupMs.p50).toBeGreaterThan(0);

    const markdown = await readFile(markdownFile, 'utf8');
    expect(markdown).toContain('## 6. Upload memory');
    expect(await readFile(chart, 'utf8')).toMatch(/^<svg/);

    // One summary per gateway process, each with the packages the gateway is built from.
    const summary = await readFile(profile, 'utf8');
    const gateways = results.fanOut!.reduce((sum, run) => sum + run.instances, 0) + 5;
    expect(results.profiles!.length).toBe(gateways);
    expect(summary.match(/^### /gm)).toHaveLength(gateways);
    expect(summary).toMatch(/\| graphql-js \|/);
  }, 240_000);
});
