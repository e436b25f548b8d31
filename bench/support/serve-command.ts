import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** How `npm run serve` starts the gateway: Node's flags, and the script with its arguments. */
export interface ServeCommand {
  nodeFlags: string[];
  scriptArgs: string[];
}

/**
 * The `serve` script of `packageJson` (`node [flags…] dist/gateway/server/main.js`), split so
 * that a benchmark runs the gateway with the same V8 flags as operators do. Anything else
 * than one plain `node` command is refused rather than half-understood.
 */
export function parseServeScript(packageJson: string): ServeCommand {
  const script = (JSON.parse(packageJson) as { scripts?: Record<string, string> }).scripts?.serve;
  if (!script) throw new Error('package.json has no "serve" script.');
  const words = script.trim().split(/\s+/);
  if (words[0] !== 'node' || /[;&|<>$\x60'"\\]/.test(script)) throw new Error(`The "serve" script is not one plain node command: ${script}`);
  const scriptIndex = words.findIndex((word, index) => index > 0 && !word.startsWith('-'));
  if (scriptIndex < 0) throw new Error(`The "serve" script names no script to run: ${script}`);
  return { nodeFlags: words.slice(1, scriptIndex), scriptArgs: words.slice(scriptIndex) };
}

/** The serve command of the checkout at `directory` (default: this one). */
export async function serveCommandOf(directory = '.'): Promise<ServeCommand> {
  return parseServeScript(await readFile(path.join(directory, 'package.json'), 'utf8'));
}
