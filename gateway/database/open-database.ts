import type { DataSource } from 'typeorm';
import { loadOrCreateSecret } from '../secrets/secrets.js';
import { underSetupLock } from './setup-lock.js';
import { assertOwnerBypassesRowSecurity, assertSubjectToRowSecurity, provisionAppRole } from './app-role.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { TenantDatabase } from '../tenancy/tenant-database.js';
import type { TenantFilters } from '../tenancy/organization-scope.js';
import path from 'node:path';
import { migrateJobQueue } from '../jobs/job-queue.js';

export interface OpenDatabase {
  /** Serves requests and background work, as the application role, under row-level security. */
  database: TenantDatabase;
  /** The schema owner's: the migrations ran on it; set-up such as demo data uses it (it bypasses row-level security). */
  owner: TenantDatabase;
  /** The owner's connection string: the job queue (gateway/jobs/) connects with it. */
  ownerUrl: string;
  /** Where the embedded cluster lives, when there is one. */
  embeddedDirectory?: string;
  /** Why that is outside DATA_DIR, when it is (embedded-postgres.ts). */
  embeddedRelocatedBecause?: string;
  dispose(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under DATA_DIR, brings the
 * schema up to date as its owner, then connects the application as `DATABASE_APP_URL`
 * (or the provisioned `counterchat_app` role).
 */
export interface OpenDatabaseOptions {
  /** External PostgreSQL as the schema's owner; unset starts the embedded one under `dataDir`. */
  databaseUrl: string | undefined;
  /** The application role's connection; unset provisions `counterchat_app`. */
  databaseAppUrl: string | undefined;
  dataDir: string;
  /** 'application-and-database' unless a test says otherwise (the tenant probe). */
  tenantFilters?: TenantFilters;
}

export async function openDatabase(config: OpenDatabaseOptions): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  let embeddedDirectory: string | undefined;
  let embeddedRelocatedBecause: string | undefined;
  if (!url) {
    const embedded = await startEmbeddedPostgres({
      directory: path.join(config.dataDir, 'postgres'),
      password: await loadOrCreateSecret(config.dataDir, 'postgres-password'),
    });
    ({ url, directory: embeddedDirectory, relocatedBecause: embeddedRelocatedBecause } = embedded);
    stopEmbedded = embedded.dispose;
  }
  const opened: DataSource[] = [];
  const closeAll = async () => {
    for (const dataSource of opened.reverse()) if (dataSource.isInitialized) await dataSource.destroy();
    await stopEmbedded();
  };
  try {
    const owner = createDataSource(url, 'owner');
    opened.push(owner);
    await owner.initialize();
    await underSetupLock(owner, async () => {
      await owner.runMigrations();
      // The job queue's own schema, after ours (its enqueue function is ours, and calls into it).
      await migrateJobQueue(url);
    });
    const app = await connectApplication(owner, url, config.databaseAppUrl);
    opened.push(app);
    return {
      database: new TenantDatabase(app, config.tenantFilters),
      owner: new TenantDatabase(owner, config.tenantFilters),
      ownerUrl: url,
      embeddedDirectory,
      embeddedRelocatedBecause,
      dispose: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** The application's data source on a migrated database, checked to be subject to row-level security. */
export async function connectApplication(owner: DataSource, ownerUrl: string, appUrl?: string): Promise<DataSource> {
  await assertOwnerBypassesRowSecurity(owner);
  const app = createDataSource(appUrl ?? (await provisionAppRole(owner, ownerUrl)), 'app');
  await app.initialize();
  try {
    await assertSubjectToRowSecurity(app);
  } catch (error) {
    await app.destroy();
    throw error;
  }
  return app;
}
