import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
// @ts-expect-error: plain ESM without types, shared with `npm run build`
import { BUDGETS, measureWidget } from '../../clients/widget/check-budgets.mjs';

const run = promisify(execFile);

/** Each client's vite config, and the folder under dist/clients its build goes to. */
const CLIENTS: Record<string, string> = {
  'clients/dashboard/vite.config.ts': 'dashboard',
  'clients/widget/vite.config.ts': 'widget',
  'clients/widget/loader/vite.config.ts': 'widget-loader',
};

/**
 * `NODE_ENV` is the server's setting (README: `development` by default), and shells and
 * process managers often set it. Vite follows it when it is set, so `NODE_ENV=development
 * npm start` built React's development bundles: the widget app over its budget, the start
 * failed. The clients' builds are production builds whatever it says (issue 14).
 *
 * Runs each client's build exactly as `npm run build:clients` writes it, with the shell's
 * NODE_ENV=development, into a folder of its own (a few seconds: vite builds with rolldown).
 */
describe('the client builds, with NODE_ENV=development in the environment', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'counterchat-client-builds-'));
    const scripts = JSON.parse(await readFile('package.json', 'utf8')).scripts as Record<string, string>;
    const viteBuilds = scripts['build:clients']!.split('&&').map((command) => command.trim()).filter((command) => /\bvite build\b/.test(command));
    expect(viteBuilds.map((command) => command.match(/-c (\S+)/)?.[1]).sort()).toEqual(Object.keys(CLIENTS).sort());
    const { NODE_OPTIONS: _jestOnly, ...environment } = process.env;
    for (const command of viteBuilds) {
      const client = CLIENTS[command.match(/-c (\S+)/)![1]!]!;
      await run('/bin/sh', ['-c', `${command} --outDir ${path.join(outDir, client)} --emptyOutDir`], {
        env: { ...environment, NODE_ENV: 'development', PATH: `${path.resolve('node_modules/.bin')}${path.delimiter}${process.env.PATH}` },
      });
    }
  }, 120_000);

  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it("bundles React's production build into every client", async () => {
    for (const client of ['dashboard', 'widget']) {
      const assets = path.join(outDir, client, 'assets');
      const scripts = (await readdir(assets)).filter((name) => name.endsWith('.js'));
      const code = (await Promise.all(scripts.map((name) => readFile(path.join(assets, name), 'utf8')))).join('\n');
      // JSX compiles to jsxDEV calls only in development; production React's errors point at the decoder.
      expect({ client, jsxDEV: code.includes('jsxDEV') }).toEqual({ client, jsxDEV: false });
      expect({ client, minifiedErrors: code.includes('Minified React error') }).toEqual({ client, minifiedErrors: true });
    }
  });

  it('keeps the widget within its budgets', () => {
    const sizes = measureWidget(outDir) as { loader: number; app: number; lazy: number };
    expect(sizes.app).toBeLessThanOrEqual(BUDGETS.app);
    // The video call's chunks (issue 21) load only when a customer joins a call.
    expect(sizes.lazy).toBeGreaterThan(0);
    expect(sizes.lazy).toBeLessThanOrEqual(BUDGETS.lazy);
    expect(sizes.loader).toBeLessThanOrEqual(BUDGETS.loader);
  });
});
