import pg from 'pg';

/** Set by global-setup: a server URL (any database) and the migrated template to clone. */
export const TEMPLATE_DATABASE = 'counterchat_test_template';

export function adminDatabaseUrl(): string {
  const url = process.env.COUNTERCHAT_TEST_ADMIN_URL;
  if (!url) throw new Error('COUNTERCHAT_TEST_ADMIN_URL is not set: run the tests through jest (global-setup starts the database).');
  return url;
}

export function databaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (milliseconds, not a migration run). */
export async function createThrowawayDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `counterchat_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return {
    url: databaseUrl(name),
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}),
  };
}
