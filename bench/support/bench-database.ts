import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDataSource } from '../../gateway/database/data-source.js';
import { startEmbeddedPostgres } from '../../gateway/database/embedded-postgres.js';

export interface BenchDatabase {
  /** A fresh, migrated database for this run. */
  url: string;
  /** Where it runs: "DATABASE_URL" or "embedded". */
  server: string;
  dispose(): Promise<void>;
}

/**
 * A throwaway database on BENCH_DATABASE_URL's server (e.g. this machine's PostgreSQL),
 * or on an embedded PostgreSQL started for the run, as the product's own default.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  let serverUrl = process.env.BENCH_DATABASE_URL;
  let stopServer = async () => {};
  if (!serverUrl) {
    const directory = await mkdtemp(path.join(tmpdir(), 'counterchat-bench-pg-'));
    // As root, PostgreSQL runs as a dedicated user that must be able to enter the folder.
    await chmod(directory, 0o755);
    const embedded = await startEmbeddedPostgres({
      directory: path.join(directory, 'data'),
      password: randomBytes(12).toString('hex'),
      persistent: false,
    });
    serverUrl = embedded.url;
    stopServer = async () => {
      await embedded.dispose();
      await rm(directory, { recursive: true, force: true });
    };
  }
  const name = `counterchat_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const dataSource = createDataSource(url.toString(), 'owner');
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  return {
    url: url.toString(),
    server: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded PostgreSQL',
    async dispose() {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      await stopServer();
    },
  };
}
