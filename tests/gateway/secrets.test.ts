import { describe, expect, it } from '@jest/globals';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadOrCreateSecret } from '../../gateway/secrets/secrets.js';
import { useTemporaryDirectory } from '../support/temporary-directory.js';

const modeOf = async (target: string) => ((await stat(target)).mode & 0o777).toString(8);

describe('secrets under DATA_DIR/secrets', () => {
  const work = useTemporaryDirectory('counterchat-secrets-');

  it('creates a secret rw------- in a folder rwx------, and reads the same one back', async () => {
    const dataDir = path.join(work.path, 'fresh');
    const secret = await loadOrCreateSecret(dataDir, 'auth-secret');
    expect(secret).toMatch(/^[\w-]{43}$/);
    expect(await modeOf(path.join(dataDir, 'secrets'))).toBe('700');
    expect(await modeOf(path.join(dataDir, 'secrets', 'auth-secret'))).toBe('600');
    expect(await loadOrCreateSecret(dataDir, 'auth-secret')).toBe(secret);
  });

  it('closes a secret and its folder that others could read (put there by hand)', async () => {
    const dataDir = path.join(work.path, 'by-hand');
    await mkdir(path.join(dataDir, 'secrets'), { recursive: true });
    await chmod(path.join(dataDir, 'secrets'), 0o755);
    await writeFile(path.join(dataDir, 'secrets', 'auth-secret'), 'chosen-by-the-operator\n');
    await chmod(path.join(dataDir, 'secrets', 'auth-secret'), 0o644);

    expect(await loadOrCreateSecret(dataDir, 'auth-secret')).toBe('chosen-by-the-operator');
    expect(await modeOf(path.join(dataDir, 'secrets'))).toBe('700');
    expect(await modeOf(path.join(dataDir, 'secrets', 'auth-secret'))).toBe('600');
    await expect(readFile(path.join(dataDir, 'secrets', 'auth-secret'), 'utf8')).resolves.toBe('chosen-by-the-operator\n');
  });

  it('closes an open folder when it creates a new secret in it', async () => {
    const dataDir = path.join(work.path, 'open-folder');
    await mkdir(path.join(dataDir, 'secrets'), { recursive: true });
    await chmod(path.join(dataDir, 'secrets'), 0o775);
    await loadOrCreateSecret(dataDir, 'postgres-password');
    expect(await modeOf(path.join(dataDir, 'secrets'))).toBe('700');
    expect(await modeOf(path.join(dataDir, 'secrets', 'postgres-password'))).toBe('600');
  });
});
