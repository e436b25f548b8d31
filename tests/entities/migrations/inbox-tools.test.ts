import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { AWAITING_SINCE_BACKFILL } from '../../../entities/migrations/1764100300000-inbox-tools.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';
import { threadSteps } from '../../support/thread-steps.js';

let gateway: TestGateway;
let pharmacy: PharmacyFixture;
const { send, startThread } = threadSteps(() => gateway);

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  pharmacy = await createPharmacy(gateway.dataSource, gateway.tokens, 'inbox-tools-migration');
});
afterAll(() => gateway?.dispose());

const waits = async () =>
  Object.fromEntries(
    ((await gateway.dataSource.query(`SELECT subject, awaiting_since FROM conversation WHERE organization_id = $1`, [pharmacy.organization.id])) as { subject: string; awaiting_since: Date | null }[]).map(
      (row) => [row.subject, row.awaiting_since?.toISOString() ?? null],
    ),
  );

it('backfills awaiting_since from the messages exactly as appending keeps it', async () => {
  const customer = pharmacy.tokens.customer;
  const asked = await startThread(customer, { subject: 'asked twice' });
  await send(customer, asked, 'One');
  await send(customer, asked, 'Two');
  const answered = await startThread(customer, { subject: 'answered' });
  await send(customer, answered, 'Question');
  await send(pharmacy.tokens.pharmacist, answered, 'Answer');
  const again = await startThread(customer, { subject: 'asked again' });
  await send(customer, again, 'First');
  await send(pharmacy.tokens.pharmacist, again, 'Reply');
  await send(customer, again, 'Follow-up');
  await startThread(customer, { subject: 'empty' });
  const kept = await waits();
  expect(kept['answered']).toBeNull();
  expect(kept['empty']).toBeNull();
  expect(kept['asked twice']).not.toBeNull();

  await gateway.dataSource.query(`UPDATE conversation SET awaiting_since = NULL WHERE organization_id = $1`, [pharmacy.organization.id]);
  await gateway.dataSource.query(AWAITING_SINCE_BACKFILL);
  expect(await waits()).toEqual(kept);
});
