import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredFileNotFoundError } from '../../../gateway/files/file-storage.js';
import { LocalFileStorage } from '../../../gateway/files/local-file-storage.js';

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalFileStorage', () => {
  let workDir: string;
  let root: string;
  let storage: LocalFileStorage;
  let source: string;
  const bytes = Buffer.from('%PDF-1.7 pretend leaflet\n');

  beforeAll(async () => {
    workDir = await mkdtemp(path.join(os.tmpdir(), 'counterchat-local-storage-'));
    root = path.join(workDir, 'uploads');
    storage = new LocalFileStorage(root);
    source = path.join(workDir, 'incoming.pdf');
    await writeFile(source, bytes);
  });
  afterAll(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  it('stores a file under a nested key, reads it back and deletes it', async () => {
    const key = 'org-1/2025/06/0b9c2a4e-file';
    await storage.put(key, source, 'application/pdf');
    expect(await readFile(path.join(root, 'org-1', '2025', '06', '0b9c2a4e-file'))).toEqual(bytes);
    expect(await readAll(await storage.read(key))).toEqual(bytes);

    await storage.delete(key);
    await expect(storage.read(key)).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('leaves no temporary file behind after storing', async () => {
    await storage.put('org-1/2025/07/clean', source, 'application/pdf');
    expect(await readdir(path.join(root, 'org-1', '2025', '07'))).toEqual(['clean']);
  });

  it('keeps the source file where it was', async () => {
    await storage.put('org-1/2025/07/copied', source, 'application/pdf');
    expect(await readFile(source)).toEqual(bytes);
  });

  it('stores files rw------- in folders rwx------, whatever the source file\'s mode', async () => {
    const open = path.join(workDir, 'open-source.pdf');
    await writeFile(open, bytes, { mode: 0o644 });
    await chmod(open, 0o644);
    await storage.put('org-2/2025/09/private', open, 'application/pdf');
    const modeOf = async (file: string) => ((await stat(file)).mode & 0o777).toString(8);
    expect(await modeOf(path.join(root, 'org-2', '2025', '09', 'private'))).toBe('600');
    for (const folder of [root, path.join(root, 'org-2'), path.join(root, 'org-2', '2025'), path.join(root, 'org-2', '2025', '09')]) {
      expect([folder, await modeOf(folder)]).toEqual([folder, '700']);
    }
  });

  it('closes a root that an earlier version left open (rwxr-xr-x), before storing or reading', async () => {
    const earlier = path.join(workDir, 'earlier-uploads');
    await mkdir(path.join(earlier, 'org-1'), { recursive: true });
    await chmod(earlier, 0o755);
    await writeFile(path.join(earlier, 'org-1', 'old'), bytes, { mode: 0o644 });
    await readAll(await new LocalFileStorage(earlier).read('org-1/old'));
    expect(((await stat(earlier)).mode & 0o777).toString(8)).toBe('700');
  });

  it('rejects a missing key with StoredFileNotFoundError', async () => {
    await expect(storage.read('org-1/2025/06/never-stored')).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('rejects a key that names a directory with StoredFileNotFoundError', async () => {
    await storage.put('org-1/2025/08/inside', source, 'application/pdf');
    await expect(storage.read('org-1/2025/08')).rejects.toBeInstanceOf(StoredFileNotFoundError);
  });

  it('ignores deleting a key that does not exist', async () => {
    await expect(storage.delete('org-1/2025/06/never-stored')).resolves.toBeUndefined();
  });

  it.each([
    ['a parent segment', '../outside'],
    ['a parent segment in the middle', 'org-1/../../outside'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'org-1\\..\\outside'],
    ['a NUL character', 'org-1/file\u0000.pdf'],
    ['an empty segment', 'org-1//file'],
    ['a current-directory segment', 'org-1/./file'],
    ['an empty key', ''],
  ])('refuses a key with %s in put, read and delete', async (_what, key) => {
    await expect(storage.put(key, source, 'application/pdf')).rejects.toThrow(/storage key/i);
    await expect(storage.read(key)).rejects.toThrow(/storage key/i);
    await expect(storage.delete(key)).rejects.toThrow(/storage key/i);
    await expect(readdir(workDir)).resolves.not.toContain('outside');
  });
});
