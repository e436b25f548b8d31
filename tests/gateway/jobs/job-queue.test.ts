import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';
import { Organization } from '../../../entities/organization.entity.js';
import { createDataSource } from '../../../gateway/database/data-source.js';
import { connectApplication } from '../../../gateway/database/open-database.js';
import { enqueueJob } from '../../../gateway/jobs/enqueue-job.js';
import { startJobWorker, type JobWorker } from '../../../gateway/jobs/job-queue.js';
import type { JobTaskList } from '../../../gateway/jobs/job-task.js';
import { asTenantOf } from '../../../gateway/server/gateway-jobs.js';
import { TenantDatabase } from '../../../gateway/tenancy/tenant-database.js';
import { withTenant } from '../../../gateway/tenancy/tenant-context.js';
import { createThrowawayDatabase } from '../../support/test-database.js';
import { waitUntil } from '../../support/wait-until.js';

/**
 * The durable job queue (graphile-worker behind counterchat_enqueue_job): jobs commit with the
 * transaction that adds them, survive a worker that isn't running, are retried, dedupe by key,
 * and reach the database only as their pharmacy.
 */
let database: { url: string; drop: () => Promise<void> };
let owner: DataSource;
let app: DataSource;
let organization: Organization;
let worker: JobWorker | undefined;

interface Ran {
  payload: { label: string };
  attempt: number;
  pharmacyName: string;
}
const ran: Ran[] = [];
let failFirstAttemptOf = '';

const tasks: JobTaskList = {
  'counterchat:test-record': async (payload: { label: string }, run) => {
    // Reads its pharmacy as that tenant: under row-level security nothing else would show.
    const pharmacyName = await run.asTenant(organization.id, async (scope) => (await scope.organization()).name);
    if (payload.label === failFirstAttemptOf && run.attempt === 1) throw new Error('failing on purpose');
    ran.push({ payload, attempt: run.attempt, pharmacyName });
  },
};

const startWorker = async () => {
  worker = await startJobWorker({ ownerConnectionString: database.url, tasks, asTenant: asTenantOf(new TenantDatabase(app)), concurrency: 1, pollIntervalMs: 200 });
};

/** Enqueues as the application role, in a transaction of its own, as a service does. */
async function enqueue(label: string, options: { jobKey?: string; rollBack?: boolean } = {}): Promise<void> {
  await withTenant({ organizationId: organization.id }, () =>
    app.transaction(async (manager) => {
      await enqueueJob((sql, parameters) => manager.query(sql, parameters), { task: 'counterchat:test-record', payload: { label }, jobKey: options.jobKey });
      if (options.rollBack) throw new Error('rolled back on purpose');
    }),
  ).catch((error: Error) => {
    if (!options.rollBack) throw error;
  });
}

const queuedJobs = async () => Number((await owner.query(`SELECT count(*) FROM graphile_worker.jobs`))[0].count);

beforeAll(async () => {
  database = await createThrowawayDatabase();
  owner = createDataSource(database.url, 'owner');
  await owner.initialize();
  app = await connectApplication(owner, database.url);
  organization = await owner.manager.save(owner.manager.create(Organization, { name: 'Queue Pharmacy', slug: 'queue-pharmacy' }));
});

afterEach(async () => {
  await worker?.dispose();
  worker = undefined;
  ran.length = 0;
});

afterAll(async () => {
  await app.destroy();
  await owner.destroy();
  await database.drop();
});

describe('enqueuing', () => {
  it('adds a job with the transaction that commits it, and none with one that rolls back', async () => {
    await enqueue('rolled back', { rollBack: true });
    await enqueue('committed');
    expect(await queuedJobs()).toBe(1);
    await startWorker();
    await waitUntil('the committed job', () => ran.length === 1);
    expect(ran).toEqual([{ payload: { label: 'committed' }, attempt: 1, pharmacyName: 'Queue Pharmacy' }]);
    await waitUntil('the queue to empty', async () => (await queuedJobs()) === 0);
  });

  it('keeps one pending job per key, with the newest payload', async () => {
    await enqueue('first', { jobKey: 'test:dedupe' });
    await enqueue('second', { jobKey: 'test:dedupe' });
    expect(await queuedJobs()).toBe(1);
    await startWorker();
    await waitUntil('the job', () => ran.length === 1);
    // Let a second job (if there were one) run too before looking.
    await waitUntil('the queue to empty', async () => (await queuedJobs()) === 0);
    expect(ran.map((entry) => entry.payload.label)).toEqual(['second']);
  });

  it("gives the application role no rights on the queue's tables and only our task names", async () => {
    await expect(app.query(`SELECT count(*) FROM graphile_worker.jobs`)).rejects.toThrow(/permission denied/);
    await expect(
      withTenant({ organizationId: organization.id }, () => app.query(`SELECT counterchat_enqueue_job('someone-elses-task', '{}'::json, NULL, NULL, NULL)`)),
    ).rejects.toThrow(/not a Counterchat task/);
  });
});

describe('running', () => {
  it('runs a job queued while no worker was running once one starts (a restart loses nothing)', async () => {
    await enqueue('queued before the start');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(ran).toEqual([]);
    await startWorker();
    await waitUntil('the queued job', () => ran.length === 1);
    expect(ran[0]!.payload.label).toBe('queued before the start');
  });

  it('tries a failed job again, with backoff, until it succeeds', async () => {
    failFirstAttemptOf = 'flaky';
    await startWorker();
    await enqueue('flaky');
    await waitUntil('the second attempt', () => ran.length === 1, 20_000);
    expect(ran[0]).toMatchObject({ payload: { label: 'flaky' }, attempt: 2 });
  }, 30_000);
});
