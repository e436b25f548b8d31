import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../../gateway/database/embedded-postgres.js';
import { postgresAccount, runAs } from '../../../gateway/database/postgres-account.js';
import { postgresBinaries, runnableCopy } from '../../../gateway/database/postgres-binaries.js';
import { StartupError } from '../../../gateway/errors/startup-error.js';
import { findFreePort } from '../../../gateway/database/find-free-port.js';
import { isProcessAlive } from '../../support/process-alive.js';

const run = promisify(execFile);
const PASSWORD = 'embedded-test';
const asRoot = process.getuid?.() === 0;

async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const lockFile = (directory: string) => path.join(directory, 'postmaster.pid');
const lockedPid = async (directory: string) => Number((await readFile(lockFile(directory), 'utf8')).split('\n')[0]);

describe('the embedded PostgreSQL', () => {
  let parent: string;
  let directory: string;
  const started: EmbeddedDatabase[] = [];
  const start = async () => {
    const database = await startEmbeddedPostgres({ directory, password: PASSWORD });
    started.push(database);
    return database;
  };

  beforeAll(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'counterchat-embedded-unit-'));
    // Run as root, PostgreSQL runs as the postgres user, which must be able to enter it.
    await chmod(parent, 0o755);
    directory = path.join(parent, 'postgres');
    const first = await start();
    await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    await first.dispose();
  }, 120_000);

  afterEach(async () => {
    while (started.length > 0) await started.pop()!.dispose();
  });

  afterAll(() => rm(parent, { recursive: true, force: true }));

  it('is reached through a Unix socket in its own folder, and still over TCP on 127.0.0.1', async () => {
    const database = await start();
    const url = new URL(database.url);
    expect(url.searchParams.get('host')).toBe(database.directory);
    // inet_server_addr() is null on a Unix socket's connection.
    expect(await query<{ address: string | null }>(database.url, 'SELECT inet_server_addr() AS address')).toEqual([{ address: null }]);
    url.searchParams.delete('host');
    expect(await query<{ address: string | null }>(url.href, 'SELECT host(inet_server_addr()) AS address')).toEqual([{ address: '127.0.0.1' }]);
  });

  it("listens on TCP alone where its socket's path would be too long for one", async () => {
    const deep = path.join(parent, 'a-folder-name-long-enough-that-a-unix-socket-path-in-it-would-not-fit', 'postgres');
    await mkdir(path.dirname(deep), { mode: 0o755 });
    const database = await startEmbeddedPostgres({ directory: deep, password: PASSWORD, persistent: false });
    started.push(database);
    expect(new URL(database.url).searchParams.has('host')).toBe(false);
    expect(await query<{ address: string | null }>(database.url, 'SELECT host(inet_server_addr()) AS address')).toEqual([{ address: '127.0.0.1' }]);
  }, 60_000);

  it('stops a PostgreSQL left running on its directory by a process that died, then starts there with the data intact', async () => {
    // A postmaster whose starter is gone: started by a shell that exits at once, as a killed gateway would leave it.
    const { postgres } = await postgresBinaries(await postgresAccount());
    const port = await findFreePort();
    const shell = spawn(
      '/bin/sh',
      ['-c', '"$0" -D "$1" -p "$2" -c cluster_name=counterchat-started-by-$$ </dev/null >/dev/null 2>&1 &', postgres, directory, String(port)],
      { ...runAs(await postgresAccount()), stdio: 'ignore' },
    );
    await new Promise((resolve) => shell.once('exit', resolve));
    await waitFor('the leftover to accept connections', async () => (await readFile(lockFile(directory), 'utf8').catch(() => '')).split('\n')[7]?.trim() === 'ready');
    const leftover = await lockedPid(directory);
    expect(isProcessAlive(leftover)).toBe(true);

    const database = await start();
    expect(isProcessAlive(leftover)).toBe(false);
    expect(await lockedPid(directory)).not.toBe(leftover);
    expect(await query(database.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
  }, 120_000);

  it("refuses a directory whose PostgreSQL a live process runs, with one sentence, and leaves that PostgreSQL running", async () => {
    const first = await start();
    const error = await startEmbeddedPostgres({ directory, password: PASSWORD }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(`Another process (PID ${process.pid}) is running the embedded PostgreSQL in ${directory}: stop it first, or give this gateway its own DATA_DIR.`);
    expect(await query(first.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
  }, 120_000);

  it('starts over a lock file whose PID now belongs to another program (after a machine restart), without touching that program', async () => {
    // A program of PostgreSQL's own user, so that PostgreSQL itself would take the lock for a live postmaster's.
    const other = spawn('sleep', ['60'], { ...runAs(await postgresAccount()), stdio: 'ignore' });
    try {
      await writeFile(lockFile(directory), `${other.pid}\n${directory}\n1700000000\n5432\n/tmp\nlocalhost\n  1234567     98765\nready   \n`);
      const database = await start();
      expect(await query(database.url, 'SELECT note FROM kept')).toEqual([{ note: 'still here' }]);
      expect(isProcessAlive(other.pid!)).toBe(true);
    } finally {
      other.kill();
    }
  }, 120_000);

  (asRoot ? it : it.skip)(
    'keeps the database of a DATA_DIR behind a folder closed to the postgres user where root keeps clusters, stops a PostgreSQL left running there, and finds the data again, as root',
    async () => {
      // /root and /var/lib/counterchat/clusters, in miniature.
      const work = await mkdtemp(path.join(tmpdir(), 'counterchat-relocated-'));
      try {
        await chmod(work, 0o755);
        const closed = path.join(work, 'root');
        const dataDir = path.join(closed, 'clone', 'data');
        await mkdir(dataDir, { recursive: true });
        await chmod(closed, 0o700);
        const clustersDirectory = path.join(work, 'clusters');
        const options = { directory: path.join(dataDir, 'postgres'), password: PASSWORD, clustersDirectory };

        const first = await startEmbeddedPostgres(options);
        started.push(first);
        expect(first.directory).toMatch(new RegExp(`^${clustersDirectory}/data-[0-9a-f]{12}/postgres$`));
        expect(first.relocatedBecause).toBe(`DATA_DIR is inside ${closed}, which the postgres user cannot enter`);
        expect(await readFile(path.join(dataDir, 'postgres-location'), 'utf8')).toBe(`${first.directory}\n`);
        await query(first.url, "CREATE TABLE moved (note text); INSERT INTO moved VALUES ('found again')");
        await started.pop()!.dispose();

        // A postmaster on the relocated cluster whose starter died (a SIGKILLed gateway's, without setpriv).
        const { postgres } = await postgresBinaries(await postgresAccount());
        const shell = spawn(
          '/bin/sh',
          ['-c', '"$0" -D "$1" -p "$2" -c cluster_name=counterchat-started-by-$$ </dev/null >/dev/null 2>&1 &', postgres, first.directory, String(await findFreePort())],
          { ...runAs(await postgresAccount()), stdio: 'ignore' },
        );
        await new Promise((resolve) => shell.once('exit', resolve));
        await waitFor('the leftover to accept connections', async () => (await readFile(lockFile(first.directory), 'utf8').catch(() => '')).split('\n')[7]?.trim() === 'ready');
        const leftover = await lockedPid(first.directory);

        // A throwaway start this time: its dispose removes the relocated cluster and DATA_DIR's note of it.
        const again = await startEmbeddedPostgres({ ...options, persistent: false });
        started.push(again);
        expect(isProcessAlive(leftover)).toBe(false);
        expect(again.directory).toBe(first.directory);
        expect(await query(again.url, 'SELECT note FROM moved')).toEqual([{ note: 'found again' }]);
        await started.pop()!.dispose();
        await expect(readdir(clustersDirectory)).resolves.toEqual([]);
        await expect(readdir(dataDir)).resolves.toEqual([]);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    },
    180_000,
  );
});

/**
 * A clone under /root (mode 0700): the postgres user cannot even run PostgreSQL's programs
 * in node_modules, so root runs them from a copy it alone may change.
 */
(asRoot ? describe : describe.skip)('PostgreSQL programs the postgres user cannot reach, as root', () => {
  let work: string;
  let cache: string;
  let source: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'counterchat-binaries-'));
    await chmod(work, 0o755);
    // A stand-in for the binary package: a private folder (like /root) holding bin/ and lib/ with a relative symlink.
    const closed = path.join(work, 'closed');
    source = path.join(closed, 'native');
    await mkdir(path.join(source, 'bin'), { recursive: true });
    await mkdir(path.join(source, 'lib'), { recursive: true });
    await chmod(closed, 0o700);
    await writeFile(path.join(source, 'bin', 'postgres'), '#!/bin/sh\ncat "$(dirname "$0")/../lib/libversion.so"\n', { mode: 0o700 });
    await writeFile(path.join(source, 'lib', 'libversion.so.1'), 'postgres (PostgreSQL) 18\n', { mode: 0o600 });
    await run('ln', ['-s', 'libversion.so.1', path.join(source, 'lib', 'libversion.so')]);
    cache = path.join(work, 'cache');
  });

  afterAll(() => rm(work, { recursive: true, force: true }));

  it('copies them once into a root-owned cache, where the postgres user can run them', async () => {
    const account = (await postgresAccount())!;
    await expect(run(path.join(source, 'bin', 'postgres'), [], runAs(account))).rejects.toMatchObject({ code: 'EACCES' });

    const copy = await runnableCopy(source, 'embedded-postgres-test', cache);
    expect(copy).toBe(path.join(cache, 'embedded-postgres-test'));
    expect((await run(path.join(copy, 'bin', 'postgres'), [], runAs(account))).stdout).toBe('postgres (PostgreSQL) 18\n');
    expect((await run('readlink', [path.join(copy, 'lib', 'libversion.so')])).stdout.trim()).toBe('libversion.so.1');

    // Made once: a second start finds it whole and leaves it as it is.
    await writeFile(path.join(copy, 'marker'), '');
    expect(await runnableCopy(source, 'embedded-postgres-test', cache)).toBe(copy);
    await expect(readFile(path.join(copy, 'marker'), 'utf8')).resolves.toBe('');
  });

  it('refuses a cache folder that others may write to', async () => {
    const open = path.join(work, 'open-cache');
    await mkdir(open);
    await chmod(open, 0o777);
    await expect(runnableCopy(source, 'embedded-postgres-test', open)).rejects.toThrow(`${open} must be a folder owned by root and writable by root alone`);
  });
});
