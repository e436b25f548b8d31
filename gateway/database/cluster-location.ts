import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, lstat, mkdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StartupError } from '../errors/startup-error.js';
import { logger } from '../logging/logger.js';
import { clearLeftoverPostmaster } from './leftover-postmaster.js';
import { canEnter, firstClosedFolder, type PostgresAccount } from './postgres-account.js';

/**
 * Where root keeps the clusters of DATA_DIRs the `postgres` user cannot reach (a clone under
 * /root): root-owned, one folder per DATA_DIR, each cluster inside owned by postgres (0700).
 */
export const RELOCATED_CLUSTERS_DIRECTORY = '/var/lib/counterchat/clusters';

/** Beside the cluster's usual place, in DATA_DIR: where a relocated cluster is, for the next start and for operators. */
export const LOCATION_FILE = 'postgres-location';

export interface ClusterLocation {
  /** The cluster's folder: where it was asked for, or the one root keeps for it. */
  directory: string;
  /** Set when it is not where it was asked for, saying why ("DATA_DIR is inside /root, which the postgres user cannot enter"). */
  relocatedBecause?: string;
  /** DATA_DIR/postgres-location, when the cluster is relocated. */
  locationFile?: string;
}

/**
 * Where the embedded cluster asked for at `wanted` (DATA_DIR/postgres) lives. Run as root,
 * its programs run as `account`, which must reach it:
 * - a DATA_DIR it can enter keeps its cluster, as does any DATA_DIR when not run as root;
 * - a DATA_DIR that is itself the one closed folder (`mktemp -d`: root's, mode 0700) lets the
 *   postgres group pass through it (chgrp postgres, g+x): nothing is taken from anyone, since
 *   its group had no access, and the database stays in DATA_DIR, where removing DATA_DIR
 *   removes it and a backup of DATA_DIR holds it;
 * - a DATA_DIR behind a closed folder above it (/root), which Counterchat will not open, gets
 *   its cluster in `clustersDirectory`, recorded in DATA_DIR/postgres-location so the same
 *   DATA_DIR finds it again.
 * What cannot work stops the start with one sentence: a cluster already in DATA_DIR that the
 * postgres user cannot reach (it is not moved), or no usable `clustersDirectory`.
 */
export async function locateCluster(
  wanted: string,
  account: PostgresAccount | undefined,
  clustersDirectory = RELOCATED_CLUSTERS_DIRECTORY,
): Promise<ClusterLocation> {
  const dataDir = path.dirname(wanted);
  await mkdir(dataDir, { recursive: true });
  const locationFile = path.join(dataDir, LOCATION_FILE);
  const recorded = await readLocation(locationFile, clustersDirectory);
  if (recorded) {
    const closed = account && !(await canEnter(account, dataDir)) ? await closedFolderReason(account, dataDir) : undefined;
    return { directory: recorded, relocatedBecause: closed ?? `as ${locationFile} records`, locationFile };
  }
  if (!account || (await canEnter(account, dataDir))) return { directory: wanted };

  const closed = await firstClosedFolder(account, dataDir);
  if (existsSync(path.join(wanted, 'PG_VERSION'))) throw unreachableCluster(account, wanted, closed);
  if (closed?.folder === dataDir && (await letGroupPassThrough(account, dataDir))) return { directory: wanted };

  const blockedBy = closed ? `${closed.folder} (${closed.description})` : dataDir;
  const directory = await prepareRelocatedCluster(account, dataDir, clustersDirectory, blockedBy);
  await writeLocation(locationFile, directory);
  return { directory, relocatedBecause: await closedFolderReason(account, dataDir), locationFile };
}

/** For the start banner: which folder keeps the postgres user out of DATA_DIR. */
async function closedFolderReason(account: PostgresAccount, dataDir: string): Promise<string> {
  const closed = await firstClosedFolder(account, dataDir);
  if (!closed) return `the ${account.name} user cannot enter DATA_DIR`;
  return closed.folder === dataDir
    ? `DATA_DIR is closed to the ${account.name} user (${closed.description})`
    : `DATA_DIR is inside ${closed.folder}, which the ${account.name} user cannot enter`;
}

function unreachableCluster(account: PostgresAccount, wanted: string, closed: { folder: string; description: string } | undefined): StartupError {
  const where = closed ? `${closed.folder} (${closed.description})` : path.dirname(wanted);
  return new StartupError(
    `The embedded PostgreSQL runs as the "${account.name}" user (PostgreSQL refuses to run as root), which cannot enter ${where} to reach the database already in ${wanted}: ` +
      `let it in (chgrp ${account.name} ${closed?.folder ?? path.dirname(wanted)} && chmod g+x ${closed?.folder ?? path.dirname(wanted)}), move DATA_DIR somewhere it can enter (such as /var/lib/counterchat), or set DATABASE_URL.`,
  );
}

/**
 * Lets the postgres group through DATA_DIR (search only: it cannot list it, and secrets and
 * uploads below are rwx------), when root owns DATA_DIR and its group may do nothing in it,
 * so that changing the group takes nothing from anyone. Undone if the user still can't enter.
 */
async function letGroupPassThrough(account: PostgresAccount, dataDir: string): Promise<boolean> {
  const before = await stat(dataDir);
  if (before.uid !== 0 || (before.mode & 0o070) !== 0) return false;
  await chown(dataDir, before.uid, account.gid);
  await chmod(dataDir, (before.mode & 0o7777) | 0o010);
  if (await canEnter(account, dataDir)) {
    logger.info({ dataDir }, `Let the ${account.name} group pass through DATA_DIR (chgrp ${account.name}, g+x) for the embedded PostgreSQL`);
    return true;
  }
  // Something else keeps it out (an ACL, a mount): leave DATA_DIR as it was.
  await chown(dataDir, before.uid, before.gid);
  await chmod(dataDir, before.mode & 0o7777);
  return false;
}

/** `<clustersDirectory>/<DATA_DIR's name>-<hash of its real path>/postgres`, made ready for initdb. */
async function prepareRelocatedCluster(account: PostgresAccount, dataDir: string, clustersDirectory: string, blockedBy: string): Promise<string> {
  const real = await realpath(dataDir);
  const name = path.basename(real).replace(/[^\w.-]/g, '-').slice(0, 40) || 'data';
  const slot = path.join(clustersDirectory, `${name}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`);
  const directory = path.join(slot, 'postgres');
  try {
    await mkdir(clustersDirectory, { recursive: true, mode: 0o755 });
    await assertOnlyRootWrites(path.dirname(clustersDirectory));
    await assertOnlyRootWrites(clustersDirectory);
  } catch (error) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the "${account.name}" user (PostgreSQL refuses to run as root), which cannot enter ${blockedBy}, and ${clustersDirectory}, where root would keep its database instead, is not usable: set DATA_DIR to a folder that user can enter (such as /var/lib/counterchat), or set DATABASE_URL.`,
      { cause: error },
    );
  }
  if (existsSync(path.join(directory, 'PG_VERSION'))) await moveAsideLeftover(slot, directory);
  await mkdir(slot, { recursive: true, mode: 0o755 });
  if (!(await canEnter(account, slot))) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the "${account.name}" user (PostgreSQL refuses to run as root), which can enter neither ${blockedBy} nor ${slot}, where root would keep its database instead: set DATA_DIR to a folder that user can enter (such as /var/lib/counterchat), or set DATABASE_URL.`,
    );
  }
  return directory;
}

/**
 * A cluster in this DATA_DIR's slot that DATA_DIR doesn't name was left by an earlier DATA_DIR
 * at the same path (removed, or started over): its password went with that DATA_DIR's secrets.
 * It is kept, moved aside, never deleted; a PostgreSQL still running it is stopped first (or,
 * if a live gateway runs it, the start stops).
 */
async function moveAsideLeftover(slot: string, directory: string): Promise<void> {
  await clearLeftoverPostmaster(directory);
  const aside = `${slot}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(slot, aside);
  logger.warn({ previous: aside }, 'Moved aside an embedded database left by an earlier DATA_DIR at this path; delete it once it is not needed');
}

async function readLocation(locationFile: string, clustersDirectory: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(locationFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const directory = text.trim();
  // Only a folder root keeps for clusters: root runs initdb and chown on what this file names.
  const slot = path.dirname(directory);
  if (!path.isAbsolute(directory) || path.basename(directory) !== 'postgres' || path.dirname(slot) !== clustersDirectory || path.normalize(directory) !== directory) {
    throw new StartupError(`${locationFile} names ${JSON.stringify(directory)}, which is not a folder Counterchat keeps databases in (${clustersDirectory}/…/postgres): correct it, or delete it to start with a new database.`);
  }
  return directory;
}

async function writeLocation(locationFile: string, directory: string): Promise<void> {
  const temporary = `${locationFile}.${process.pid}.partial`;
  await writeFile(temporary, `${directory}\n`, { mode: 0o644 });
  await rename(temporary, locationFile);
}

/** The postgres user's data lives below: nobody but root may replace what is there. */
async function assertOnlyRootWrites(directory: string): Promise<void> {
  const info = await lstat(directory);
  if (!info.isDirectory() || info.uid !== 0 || (info.mode & 0o022) !== 0) {
    throw new Error(`${directory} must be a folder owned by root and writable by root alone`);
  }
}

/** Removes a relocated cluster's folder and DATA_DIR's note of it (a throwaway cluster's dispose). */
export async function removeRelocatedCluster(location: ClusterLocation): Promise<void> {
  if (!location.locationFile) return;
  await rm(path.dirname(location.directory), { recursive: true, force: true });
  await rm(location.locationFile, { force: true });
}
