import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../../../gateway/database/data-source.js';
import { connectApplication } from '../../../gateway/database/open-database.js';
import { createThrowawayDatabase } from '../../support/test-database.js';

let database: { url: string; drop: () => Promise<void> };
let owner: DataSource;

beforeAll(async () => {
  database = await createThrowawayDatabase();
  owner = createDataSource(database.url, 'owner');
  await owner.initialize();
});

afterAll(async () => {
  await owner?.destroy();
  await database?.drop();
});

describe("the application's database role", () => {
  it('is provisioned from the owner when no DATABASE_APP_URL is given, as counterchat_app', async () => {
    const app = await connectApplication(owner, database.url);
    try {
      expect((await app.query('SELECT current_user AS name'))[0].name).toBe('counterchat_app');
    } finally {
      await app.destroy();
    }
  });

  it('refuses to start the gateway on a role that could walk around row-level security', async () => {
    // The owner's own URL as the application's: the superuser that owns every table.
    await expect(connectApplication(owner, database.url, database.url)).rejects.toThrow(/bypasses row-level security/);
  });

  it("refuses a login role that lacks counterchat_app's privileges, instead of failing request by request", async () => {
    await owner.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'counterchat_test_outsider') THEN
        CREATE ROLE counterchat_test_outsider LOGIN PASSWORD 'outsider';
      END IF; END $$`);
    const url = new URL(database.url);
    url.username = 'counterchat_test_outsider';
    url.password = 'outsider';
    await expect(connectApplication(owner, database.url, url.toString())).rejects.toThrow(/is not a member of counterchat_app/);
  });
});
