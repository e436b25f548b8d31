import { afterAll, beforeAll } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A directory made before the suite and removed after it, with a way to put files in it. */
export function useTemporaryDirectory(prefix: string) {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(() => rm(directory, { recursive: true, force: true }));
  return {
    /** The directory itself (available once the suite has started). */
    get path(): string {
      return directory;
    },
    /** Writes `bytes` to `name` in the directory and returns the file's path. */
    async write(name: string, bytes: Buffer): Promise<string> {
      const path = join(directory, name);
      await writeFile(path, bytes);
      return path;
    },
  };
}
