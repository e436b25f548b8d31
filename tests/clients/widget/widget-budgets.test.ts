import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';

describe('widget budgets', () => {
  it('keeps the loader under 5 KB and the chat app under 171 KB gzipped', () => {
    // The same check `npm run build` runs; here it also reports the numbers.
    const output = execFileSync(process.execPath, ['clients/widget/check-budgets.mjs', '--json'], { encoding: 'utf8' });
    const sizes = JSON.parse(output.split('\n')[0]!) as { loader: number; app: number };
    expect(sizes.loader).toBeLessThanOrEqual(5 * 1024);
    expect(sizes.app).toBeLessThanOrEqual(171 * 1024);
  });
});
