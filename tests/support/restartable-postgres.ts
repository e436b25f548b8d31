import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../gateway/database/embedded-postgres.js';
import { findFreePort } from '../../gateway/database/find-free-port.js';

/** A PostgreSQL cluster of one test file's own, which the test may stop and start again. */
export interface RestartablePostgres {
  /** Owner (superuser) URL of the `postgres` database; the same across restarts. */
  url: string;
  /** Fast shutdown (SIGINT): open sessions are cut, as when the server restarts under the gateway. */
  stop(): Promise<void>;
  /** Starts it again on the same port and files. */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its files. */
  dispose(): Promise<void>;
}

const PASSWORD = 'counterchat-faults';

export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  // Under the system temp dir: the embedded server runs as the postgres user and must reach it.
  const parent = await mkdtemp(path.join(tmpdir(), 'counterchat-faults-pg-'));
  await chmod(parent, 0o755);
  const directory = path.join(parent, 'postgres');
  const port = await findFreePort();
  // Persistent, so stopping keeps the files for the next start; dispose removes them.
  const boot = () => startEmbeddedPostgres({ directory, password: PASSWORD, persistent: true, port });
  let running: EmbeddedDatabase | undefined = await boot();
  const url = running.url;
  const stop = async () => {
    const cluster = running;
    running = undefined;
    await cluster?.dispose();
  };
  return {
    url,
    stop,
    async start() {
      if (running) throw new Error('The cluster is already running.');
      running = await boot();
    },
    async dispose() {
      await stop();
      await rm(parent, { recursive: true, force: true });
    },
  };
}
