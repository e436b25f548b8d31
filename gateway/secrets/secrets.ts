import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Only the gateway's own user may read its secrets: the folder rwx------, each file rw-------. */
const PRIVATE_FOLDER = 0o700;
const PRIVATE_FILE = 0o600;

/**
 * Reads a secret kept under `DATA_DIR/secrets/`, creating one on first use (`generate`,
 * by default 32 random bytes), so a fresh install never runs with a secret that is
 * written in the source.
 */
export async function loadOrCreateSecret(dataDir: string, name: string, generate: () => string = () => randomBytes(32).toString('base64url')): Promise<string> {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  try {
    const secret = (await readFile(file, 'utf8')).trim();
    await keepPrivate(dir, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // DATA_DIR itself stays traversable: the embedded PostgreSQL runs as its own user beneath it.
  await mkdir(dataDir, { recursive: true });
  await mkdir(dir, { recursive: true, mode: PRIVATE_FOLDER });
  await keepPrivate(dir);
  const secret = generate();
  // 'wx' fails if another process created the file first; then theirs wins.
  try {
    await writeFile(file, secret, { mode: PRIVATE_FILE, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return (await readFile(file, 'utf8')).trim();
  }
}

/**
 * A folder or file put there by hand, or by a tool with a lax umask, is closed again: the
 * modes given at creation only hold for what this process created.
 */
async function keepPrivate(dir: string, file?: string): Promise<void> {
  for (const [target, mode] of [[dir, PRIVATE_FOLDER], ...(file ? [[file, PRIVATE_FILE] as const] : [])] as const) {
    if (((await stat(target)).mode & 0o077) !== 0) await chmod(target, mode);
  }
}
