// Fails the build when the widget grows past its budgets (gzipped, as browsers download it):
// the loader every store page loads, and everything the chat app's page loads at start.
// `node clients/widget/check-budgets.mjs [--json]`; run by `npm run build` after the vite builds.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

// The app budget went from 150 to 160 KB with i18next + react-i18next (about 18 KB), the i18n library both clients share,
// to 170 KB with linkifyjs + linkify-react (about 10 KB), the link rules both clients share, and to 171 KB with the
// video call's invitation (the card, its call-state subscription and the ring, issue 21), which must be there
// before a call rings; the call itself loads on demand.
// `lazy`: chunks the app imports on demand (the video call's waiting room and call, issue 21), which a
// chat without a call never loads; they have a budget of their own instead of counting against `app`.
export const BUDGETS = { loader: 5 * 1024, app: 171 * 1024, lazy: 20 * 1024 };

const distDir = fileURLToPath(new URL('../../dist/clients', import.meta.url));
const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Gzipped bytes of the loader, of the app's initial JS and CSS (what index.html pulls in, preloads
 * included), and of every other asset: the chunks loaded on demand.
 */
export function measureWidget(dir = distDir) {
  const loader = gzipped(path.join(dir, 'widget-loader', 'widget.js'));
  const appDir = path.join(dir, 'widget');
  const html = readFileSync(path.join(appDir, 'index.html'), 'utf8');
  const referenced = [...new Set([...html.matchAll(/(?:src|href)="\/widget\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]))];
  const assets = readdirSync(path.join(appDir, 'assets')).filter((name) => /\.(js|css)$/.test(name)).map((name) => `assets/${name}`);
  const onDemand = assets.filter((file) => !referenced.includes(file));
  const sum = (files) => files.reduce((total, file) => total + gzipped(path.join(appDir, file)), 0);
  return { loader, app: sum(referenced), lazy: sum(onDemand), files: [...referenced, ...onDemand] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const sizes = measureWidget();
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  const lines = [
    `widget loader: ${kb(sizes.loader)} gzipped (budget ${kb(BUDGETS.loader)})`,
    `widget app:    ${kb(sizes.app)} gzipped (budget ${kb(BUDGETS.app)}; ${sizes.files.length} files)`,
    `widget lazy:   ${kb(sizes.lazy)} gzipped (budget ${kb(BUDGETS.lazy)}; loaded on demand)`,
  ];
  if (process.argv.includes('--json')) console.log(JSON.stringify(sizes));
  else console.log(lines.join('\n'));
  const over = Object.entries(BUDGETS).filter(([name, budget]) => sizes[name] > budget);
  if (over.length > 0) {
    console.error(`Over budget: ${over.map(([name]) => name).join(', ')}`);
    process.exit(1);
  }
}
