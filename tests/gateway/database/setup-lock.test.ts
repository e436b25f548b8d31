import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '../../../gateway/database/open-database.js';
import { databaseUrl, withAdminClient } from '../../support/test-database.js';
import { useTemporaryDirectory } from '../../support/temporary-directory.js';

const name = `counterchat_test_setup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const dataDir = useTemporaryDirectory('counterchat-setup-lock-');

beforeAll(async () => {
  // Empty, not cloned from the migrated template: every gateway finds migrations to run.
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
});

afterAll(async () => {
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

async function migrationNames(): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  try {
    return (await client.query<{ name: string }>(`SELECT name FROM migrations ORDER BY id`)).rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe('gateways starting at the same moment on a new database', () => {
  it('all start: one runs the migrations and provisions the app role, the others wait and find them done', async () => {
    const options = { databaseUrl: databaseUrl(name), databaseAppUrl: undefined, dataDir: dataDir.path };
    const results = await Promise.allSettled([openDatabase(options), openDatabase(options), openDatabase(options)]);
    const opened = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])) as OpenDatabase[];
    try {
      expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started', 'started']);
      const names = await migrationNames();
      expect(names.length).toBeGreaterThan(10);
      expect(new Set(names).size).toBe(names.length);
    } finally {
      for (const database of opened) await database.dispose();
    }
  });
});
