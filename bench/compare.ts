import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchResults } from './support/bench-results.js';
import { compareRuns, comparisonChart, comparisonMarkdown, mergeRuns } from './support/comparison.js';

/**
 * `npm run bench:compare -- BEFORE.json[,MORE.json] AFTER.json` writes `<after>-compare.md`
 * and `.svg` beside AFTER: the performance issue's figures before and after, and a chart
 * of after ÷ before. Several "before" files are folded, later ones winning (a fan-out run of
 * its own next to a full run).
 */
const [beforeArgument, afterFile] = process.argv.slice(2);
if (!beforeArgument || !afterFile) {
  console.error('Usage: npm run bench:compare -- BEFORE.json[,MORE.json] AFTER.json');
  process.exit(1);
}
const read = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as BenchResults;
const beforeFiles = beforeArgument.split(',');
const before = mergeRuns(await Promise.all(beforeFiles.map(read)));
const after = await read(afterFile);
const figures = compareRuns(before, after);
const stem = afterFile.replace(/\.json$/, '-compare');
const names = (files: string[]) => files.map((file) => path.basename(file, '.json')).join(' + ');
await writeFile(`${stem}.md`, comparisonMarkdown(figures, names(beforeFiles), names([afterFile])));
await writeFile(`${stem}.svg`, comparisonChart(figures));
console.log(`wrote ${stem}.md and .svg`);
