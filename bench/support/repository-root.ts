import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, whether the bench runs from dist/bench/… (npm run bench) or from bench/… (tests). */
export function repositoryRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return here.includes(`${path.sep}dist${path.sep}`) ? path.resolve(here, '..', '..', '..') : path.resolve(here, '..', '..');
}
