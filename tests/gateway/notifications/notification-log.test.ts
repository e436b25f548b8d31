import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NotificationChannel, NotificationRecipientKind, NotificationStatus } from '../../../entities/notification-log-entry.entity.js';
import { maskAddress, recordNotification, updateNotification } from '../../../gateway/notifications/notification-log.js';
import type { OrganizationScope } from '../../../gateway/tenancy/organization-scope.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, withoutBackgroundWork, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let north: PharmacyFixture;
let south: PharmacyFixture;

beforeAll(async () => {
  gateway = await startTestGateway({ config: withoutBackgroundWork });
  north = await createPharmacy(gateway.dataSource, gateway.tokens, 'log-north');
  south = await createPharmacy(gateway.dataSource, gateway.tokens, 'log-south');
});
afterAll(async () => {
  await gateway.dispose();
});

const asNorth = <T>(work: (scope: OrganizationScope) => Promise<T>): Promise<T> => gateway.database.asTenant({ organizationId: north.organization.id }, work);

const entryFor = (dedupeKey: string | null, address = 'jane.doe@example.com') => ({
  recipientKind: NotificationRecipientKind.CUSTOMER,
  recipientId: north.customers[0].id,
  channel: NotificationChannel.EMAIL,
  address,
  dedupeKey,
});

describe('the notification log', () => {
  it('stores the address masked, never in full', async () => {
    const entry = await asNorth((scope) => recordNotification(scope, entryFor(null)));
    const [row] = await gateway.dataSource.query(`SELECT masked_address, status, organization_id FROM notification_log WHERE id = $1`, [entry!.id]);
    expect(row).toEqual({ masked_address: 'j•••@example.com', status: 'QUEUED', organization_id: north.organization.id });
  });

  it('records a dedupe key once: the second claim gets null, in any instance', async () => {
    const first = await asNorth((scope) => recordNotification(scope, entryFor('away:once')));
    const second = await asNorth((scope) => recordNotification(scope, entryFor('away:once')));
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    // Keys are per pharmacy: the other one may use the same.
    const elsewhere = await gateway.database.asTenant({ organizationId: south.organization.id }, (scope) =>
      recordNotification(scope, { ...entryFor('away:once'), recipientId: south.customers[0].id }),
    );
    expect(elsewhere).not.toBeNull();
  });

  it('changes only entries still queued, so a late cancel never overwrites a send', async () => {
    const entry = await asNorth((scope) => recordNotification(scope, entryFor(null)));
    expect(await asNorth((scope) => updateNotification(scope, entry!.id, { status: NotificationStatus.SENT }))).toBe(true);
    expect(await asNorth((scope) => updateNotification(scope, entry!.id, { status: NotificationStatus.CANCELLED, reason: 'read' }))).toBe(false);
    const [row] = await gateway.dataSource.query(`SELECT status, sent_at FROM notification_log WHERE id = $1`, [entry!.id]);
    expect(row).toMatchObject({ status: 'SENT', sent_at: expect.any(Date) });
  });

  it("can't update another pharmacy's entry", async () => {
    const theirs = await gateway.database.asTenant({ organizationId: south.organization.id }, (scope) =>
      recordNotification(scope, { ...entryFor(null), recipientId: south.customers[0].id }),
    );
    expect(await asNorth((scope) => updateNotification(scope, theirs!.id, { status: NotificationStatus.FAILED }))).toBe(false);
    const [row] = await gateway.dataSource.query(`SELECT status FROM notification_log WHERE id = $1`, [theirs!.id]);
    expect(row.status).toBe('QUEUED');
  });

  it('masks e-mail addresses and phone numbers', () => {
    expect(maskAddress('a@b.nl')).toBe('a•••@b.nl');
    expect(maskAddress('+31612345678')).toBe('+31•••••••78');
    expect(maskAddress('1234')).toBe('••••');
  });
});
