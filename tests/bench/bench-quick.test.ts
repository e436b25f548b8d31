import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResults } from '../../bench/run.js';
import { useTemporaryDirectory } from '../support/temporary-directory.js';
import { testRedisUrl } from '../support/test-gateway.js';

/**
 * Runs `npm run bench -- --quick` (the built bench/run.js) end to end, so the suite can't
 * rot: every scenario must run and produce sane figures. Speed is not asserted here
 * (shared, noisy machines); correctness is: nothing lost, nothing refused.
 */
describe('the benchmark suite, in quick mode', () => {
  const out = useTemporaryDirectory('counterchat-bench-');

  it('runs every scenario and writes JSON, Markdown and a chart', async () => {
    const outDirectory = out.path;
    const child = spawn(process.execPath, ['dist/bench/run.js', '--quick', '--out', outDirectory], {
      env: { ...process.env, BENCH_REDIS_URL: testRedisUrl() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const [code] = await once(child, 'exit');
    expect({ code, output }).toEqual({ code: 0, output: expect.any(String) });

    const files = (await readdir(outDirectory)).sort();
    expect(files.map((file) => path.extname(file))).toEqual(['.json', '.md', '.svg']);
    const results = JSON.parse(await readFile(path.join(outDirectory, files[0]!), 'utf8')) as BenchResults;

    expect(results.sendPath!.gateway.messagesPerSecond).toBeGreaterThan(0);
    expect(results.sendPath!.rawPg.messagesPerSecond).toBeGreaterThan(0);
    expect(results.sendPath!.gateway.errors).toBe(0);

    expect(results.fanOut!.map((run) => run.instances)).toEqual([1, 2]);
    for (const run of results.fanOut!) {
      expect({ lost: run.lost, duplicates: run.duplicates, baselineLost: run.baseline.lost }).toEqual({ lost: 0, duplicates: 0, baselineLost: 0 });
      expect(run.delivered).toBe(run.deliveriesExpected);
      expect(run.deliveriesExpected).toBeGreaterThan(0);
    }

    const statements = results.inboxGrowth!.sizes.map((size) => size.statementsPerRequest);
    expect(new Set(statements).size).toBe(1);
    expect(results.inboxGrowth!.sizes.every((size) => size.errors === 0)).toBe(true);

    expect(results.idleConnections!.bytesPerConnection).toBeGreaterThan(0);
    expect(results.reconnectStorm!.failures).toBe(0);
    expect(results.uploadMemory!.succeeded).toBe(results.uploadMemory!.uploads);
    expect(results.sessionCheck!.nanosecondsPerCheck).toBeGreaterThan(0);
    expect(results.sessionCheck!.databaseLookupMs.p50).toBeGreaterThan(0);

    const markdown = await readFile(path.join(outDirectory, files[1]!), 'utf8');
    expect(markdown).toContain('## 6. Upload memory');
    expect(await readFile(path.join(outDirectory, files[2]!), 'utf8')).toMatch(/^<svg/);
  }, 240_000);
});
