import { describe, expect, it } from '@jest/globals';
import { parseServeScript, serveCommandOf } from '../../../bench/support/serve-command.js';

const packageWith = (serve: string) => JSON.stringify({ scripts: { serve } });

describe('the gateway command a benchmark runs', () => {
  it("is this checkout's `npm run serve`, its Node flags before the script", async () => {
    const command = await serveCommandOf();
    expect(command.scriptArgs).toEqual(['dist/gateway/server/main.js']);
    // None today: V8's defaults (bench/results/2026-12-01T21-40-ab/semi-space.md says why).
    expect(command.nodeFlags).toEqual([]);
  });

  it('splits flags from the script and its arguments', () => {
    expect(parseServeScript(packageWith('node --max-semi-space-size=32 --enable-source-maps dist/main.js --demo'))).toEqual({
      nodeFlags: ['--max-semi-space-size=32', '--enable-source-maps'],
      scriptArgs: ['dist/main.js', '--demo'],
    });
    expect(parseServeScript(packageWith('node dist/main.js'))).toEqual({ nodeFlags: [], scriptArgs: ['dist/main.js'] });
  });

  it('refuses what is not one plain node command', () => {
    expect(() => parseServeScript(packageWith('npm run build && node dist/main.js'))).toThrow(/one plain node command/);
    expect(() => parseServeScript(packageWith('node $FLAGS dist/main.js'))).toThrow(/one plain node command/);
    expect(() => parseServeScript(packageWith('node --inspect'))).toThrow(/names no script/);
    expect(() => parseServeScript(JSON.stringify({ scripts: {} }))).toThrow(/no "serve" script/);
  });
});
