import type { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config.js';
import { loadOrCreateSecret } from '../secrets.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import path from 'node:path';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Where the embedded cluster lives, when there is one. */
  embeddedDirectory?: string;
  dispose(): Promise<void>;
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL under DATA_DIR,
 * and brings the schema up to date with the migrations.
 */
export async function openDatabase(config: GatewayConfig): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded = async () => {};
  let embeddedDirectory: string | undefined;
  if (!url) {
    embeddedDirectory = path.join(config.dataDir, 'postgres');
    const embedded = await startEmbeddedPostgres({
      directory: embeddedDirectory,
      password: await loadOrCreateSecret(config.dataDir, 'postgres-password'),
    });
    url = embedded.url;
    stopEmbedded = embedded.dispose;
  }
  const dataSource = createDataSource(url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await stopEmbedded();
    throw error;
  }
  return {
    dataSource,
    embeddedDirectory,
    dispose: async () => {
      await dataSource.destroy();
      await stopEmbedded();
    },
  };
}
