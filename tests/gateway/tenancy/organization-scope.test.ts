import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Conversation } from '../../../entities/conversation.entity.js';
import { ActorType } from '../../../entities/actor-type.js';
import { Customer } from '../../../entities/customer.entity.js';
import { AuditAction } from '../../../gateway/audit/audit-action.js';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { TenantScope } from '../../../gateway/tenancy/tenant-scope.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

/**
 * The application's own wall for writes. These scopes run on the schema owner's connection,
 * which bypasses row-level security: whatever holds here is the scope's doing alone.
 */
let gateway: TestGateway;
let north: PharmacyFixture;
let south: PharmacyFixture;
let southConversation: string;
let aliceConversation: string;
let bobConversation: string;

const staffOf = (pharmacy: PharmacyFixture): SignedInViewer => ({
  kind: 'staff',
  organizationId: pharmacy.organization.id,
  staffId: pharmacy.admin.id,
  role: StaffRole.ADMIN,
});
const customerOf = (pharmacy: PharmacyFixture, index: 0 | 1): SignedInViewer => ({
  kind: 'customer',
  organizationId: pharmacy.organization.id,
  customerId: pharmacy.customers[index].id,
  issuedAt: new Date(),
});
const subjectOf = async (id: string) => (await gateway.dataSource.query(`SELECT subject FROM conversation WHERE id = $1`, [id]))[0]?.subject;

async function conversationOf(pharmacy: PharmacyFixture, index: 0 | 1): Promise<string> {
  const [row] = await gateway.dataSource.query(
    `INSERT INTO conversation (organization_id, customer_id, channel, subject) VALUES ($1, $2, 'WIDGET', 'Original') RETURNING id`,
    [pharmacy.organization.id, pharmacy.customers[index].id],
  );
  return row.id;
}

beforeAll(async () => {
  gateway = await startTestGateway();
  north = await createPharmacy(gateway.dataSource, gateway.tokens, 'scope-north');
  south = await createPharmacy(gateway.dataSource, gateway.tokens, 'scope-south');
  southConversation = await conversationOf(south, 0);
  aliceConversation = await conversationOf(north, 0);
  bobConversation = await conversationOf(north, 1);
});

afterAll(() => gateway?.dispose());

describe("a scope's writes", () => {
  it("fill in the scope's organization", async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    const customer = await scope.insert(Customer, { name: 'Walk-in', phone: null, email: null, externalId: null });
    const [stored] = await gateway.dataSource.query(`SELECT organization_id FROM customer WHERE id = $1`, [customer.id]);
    expect(stored.organization_id).toBe(north.organization.id);
    expect(customer.createdAt).toBeInstanceOf(Date);
  });

  it('refuse a row that names another organization, and write nothing', async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    await expect(scope.insert(Customer, { organizationId: south.organization.id, name: 'Intruder', phone: null, email: null, externalId: null })).rejects.toThrow(
      /another organization/,
    );
    expect(await gateway.dataSource.query(`SELECT id FROM customer WHERE name = 'Intruder'`)).toEqual([]);
  });

  it("never reach another organization's rows by id", async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    expect(await scope.update(Conversation, { id: southConversation }, { subject: 'Changed' })).toBe(0);
    expect(await scope.delete(Conversation, { id: southConversation })).toBe(0);
    expect(await subjectOf(southConversation)).toBe('Original');
  });

  it("keep a customer to their own conversations", async () => {
    const alice = TenantScope.forViewer(customerOf(north, 0), gateway.dataSource);
    expect(await alice.update(Conversation, { id: bobConversation }, { subject: 'Changed' })).toBe(0);
    expect(await subjectOf(bobConversation)).toBe('Original');
    expect(await alice.update(Conversation, { id: aliceConversation }, { subject: 'Mine' })).toBe(1);
    expect(await subjectOf(aliceConversation)).toBe('Mine');
  });

  it('append audit entries in one statement, in its organization, with their details as given', async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    const awkward = { note: 'a "quoted" {braced}, back\\slash', count: 2, flag: true, none: null };
    await scope.appendAudit([
      { actor: { type: ActorType.STAFF, id: north.admin.id }, action: AuditAction.MESSAGES_READ, object: { type: 'Conversation', id: aliceConversation }, ip: '127.0.0.9', details: awkward },
      { actor: null, action: AuditAction.MESSAGES_READ },
    ]);
    const rows = await gateway.dataSource.query(
      `SELECT organization_id, actor_type, actor_id, object_type, object_id, ip, details FROM audit_event WHERE ip = '127.0.0.9' OR (organization_id = $1 AND actor_id IS NULL AND object_id IS NULL AND action = $2)`,
      [north.organization.id, AuditAction.MESSAGES_READ],
    );
    expect(rows).toHaveLength(2);
    expect(rows).toContainEqual({ organization_id: north.organization.id, actor_type: 'STAFF', actor_id: north.admin.id, object_type: 'Conversation', object_id: aliceConversation, ip: '127.0.0.9', details: awkward });
    expect(rows).toContainEqual({ organization_id: north.organization.id, actor_type: null, actor_id: null, object_type: null, object_id: null, ip: null, details: null });
  });

  it('never move a row to another organization', async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    await expect(scope.update(Conversation, { id: aliceConversation }, { organizationId: south.organization.id })).rejects.toThrow(/another organization/);
  });

  it('run a statement of their own only if it names the organization as $1', async () => {
    const scope = TenantScope.forViewer(staffOf(north), gateway.dataSource);
    await expect(scope.execute(`UPDATE conversation SET subject = 'Everyone' WHERE id = $2`, [southConversation])).rejects.toThrow(/\$1/);
    expect(await scope.execute(`UPDATE conversation SET subject = 'Checked' WHERE organization_id = $1 AND id = $2`, [southConversation])).toBe(0);
    expect(await subjectOf(southConversation)).toBe('Original');
  });

  it("are left to row-level security alone when the tenant probe switches the application's filters off", async () => {
    // On the owner's connection nothing else stands in the way: the write goes through.
    const unfiltered = TenantScope.forViewer(staffOf(north), gateway.dataSource, undefined, 'database-only');
    expect(await unfiltered.update(Conversation, { id: southConversation }, { subject: 'Unfiltered' })).toBe(1);
    expect(await subjectOf(southConversation)).toBe('Unfiltered');
  });
});
