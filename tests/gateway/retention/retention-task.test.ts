import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Organization } from '../../../entities/organization.entity.js';
import { retentionSchedule, RETENTION_TASK } from '../../../gateway/retention/retention-task.js';
import { createPharmacy, nextClientMessageId, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';
import { waitUntil } from '../../support/wait-until.js';

/** The retention purge runs as a recurring job of the queue (graphile-worker's cron), once across instances. */
let gateway: TestGateway;
let second: TestGateway;
let pharmacy: PharmacyFixture;

beforeAll(async () => {
  const config = { retention: { enabled: true, intervalMs: 3_600_000 }, jobs: { concurrency: 1, pollIntervalMs: 100 } };
  gateway = await startTestGateway({ config });
  second = await startTestGateway({ sharing: gateway, config });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'retention-task');
});
afterAll(async () => {
  await second?.dispose();
  await gateway?.dispose();
});

describe('the retention job', () => {
  it('is scheduled every hour on the hour, and not at all where RETENTION_JOB is off', () => {
    expect(retentionSchedule({ enabled: true, intervalMs: 3_600_000 })).toEqual([{ task: RETENTION_TASK, cron: '0 * * * *' }]);
    expect(retentionSchedule({ enabled: true, intervalMs: 6 * 3_600_000 })).toEqual([{ task: RETENTION_TASK, cron: '0 */6 * * *' }]);
    expect(retentionSchedule({ enabled: false, intervalMs: 3_600_000 })).toEqual([]);
  });

  it('is known to the queue once, whichever instances schedule it', async () => {
    await waitUntil('the schedule to be registered', async () => (await gateway.dataSource.query(`SELECT 1 FROM graphile_worker._private_known_crontabs WHERE identifier = $1`, [RETENTION_TASK])).length === 1);
    const known = await gateway.dataSource.query(`SELECT identifier FROM graphile_worker._private_known_crontabs`);
    expect(known).toEqual([{ identifier: RETENTION_TASK }]);
  });

  it('purges expired messages when its job runs', async () => {
    const started = await gateway.graphql(`mutation { startConversation(input: {}) { id } }`, {}, pharmacy.tokens.customer);
    const conversationId = started.data.startConversation.id;
    await gateway.graphql(
      `mutation ($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
      { input: { conversationId, body: 'Old news', clientMessageId: nextClientMessageId() } },
      pharmacy.tokens.customer,
    );
    await gateway.dataSource.query(`UPDATE message SET created_at = now() - interval '400 days' WHERE conversation_id = $1`, [conversationId]);
    const organization = await gateway.dataSource.getRepository(Organization).findOneByOrFail({ id: pharmacy.organization.id });
    await gateway.dataSource.getRepository(Organization).update(organization.id, { settings: { ...organization.settings, retentionDays: 365 } });
    // What the cron does on the hour: add the task's job.
    await gateway.dataSource.query(`SELECT graphile_worker.add_job($1, '{}'::json, job_key => $1)`, [RETENTION_TASK]);
    await waitUntil('the purge', async () => (await gateway.dataSource.query(`SELECT body FROM message WHERE conversation_id = $1`, [conversationId]))[0].body === null, 20_000);
  }, 30_000);
});
