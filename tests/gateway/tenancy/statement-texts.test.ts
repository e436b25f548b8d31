import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { StaffRole } from '../../../entities/staff-user.entity.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { shapeOf, StatementTexts } from '../../../gateway/tenancy/statement-texts.js';
import { TenantScope } from '../../../gateway/tenancy/tenant-scope.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let north: PharmacyFixture;
let south: PharmacyFixture;

const staffOf = (pharmacy: PharmacyFixture): SignedInViewer => ({ kind: 'staff', organizationId: pharmacy.organization.id, staffId: pharmacy.admin.id, role: StaffRole.ADMIN });
const customerOf = (pharmacy: PharmacyFixture, index: 0 | 1): SignedInViewer => ({
  kind: 'customer',
  organizationId: pharmacy.organization.id,
  customerId: pharmacy.customers[index].id,
  issuedAt: new Date(),
});
const scopeOf = (viewer: SignedInViewer) => TenantScope.forViewer(viewer, gateway.dataSource);
/** The loaders' read of customers by id, as a scope builds it. */
const customersById = (scope: TenantScope, ids: string[]) => scope.customers('customer').andWhere('customer.id IN (:...loaderIds)', { loaderIds: ids }).orderBy('customer.name');

beforeAll(async () => {
  gateway = await startTestGateway();
  north = await createPharmacy(gateway.dataSource, gateway.tokens, 'texts-north');
  south = await createPharmacy(gateway.dataSource, gateway.tokens, 'texts-south');
});

afterAll(() => gateway?.dispose());

describe('statement texts kept per shape', () => {
  it("serve another tenant's and another list's run with that run's own values", async () => {
    // As in production: the kept text is used without building it again.
    const texts = new StatementTexts(false);
    const northIds = north.customers.map((customer) => customer.id);
    const first = await texts.readEntities(customersById(scopeOf(staffOf(north)), northIds));
    expect(first.map((row) => row.id).sort()).toEqual([...northIds].sort());
    // Another pharmacy, one id and another pharmacy's id: the same text, bound to this run's values.
    const second = await texts.readEntities(customersById(scopeOf(staffOf(south)), [south.customers[1].id, north.customers[0].id]));
    expect(second.map((row) => row.id)).toEqual([south.customers[1].id]);
    expect(texts.sizeOf(gateway.dataSource)).toBe(1);
  });

  it("never share a text between a customer's read and a pharmacist's", async () => {
    const texts = new StatementTexts(false);
    const ids = north.customers.map((customer) => customer.id);
    await texts.readEntities(customersById(scopeOf(staffOf(north)), ids));
    const own = await texts.readEntities(customersById(scopeOf(customerOf(north, 0)), ids));
    expect(own.map((row) => row.id)).toEqual([north.customers[0].id]);
    expect(texts.sizeOf(gateway.dataSource)).toBe(2);
  });

  it('tell apart what shapes the text: conditions, order, limit, joins', () => {
    const scope = scopeOf(staffOf(north));
    const base = () => scope.conversations('conversation');
    const shapes = new Set([
      shapeOf(base()),
      shapeOf(base().andWhere('conversation.status IN (:...statuses)', { statuses: ['OPEN'] })),
      shapeOf(base().orderBy('conversation.lastActivityAt', 'DESC')),
      shapeOf(base().orderBy('conversation.lastActivityAt', 'ASC')),
      shapeOf(base().limit(26)),
      shapeOf(base().limit(11)),
      shapeOf(base().leftJoinAndSelect('conversation.customer', 'customer')),
      shapeOf(base().setLock('pessimistic_write')),
    ]);
    expect(shapes.size).toBe(8);
    // Values are not part of a shape.
    expect(shapeOf(base().andWhere('conversation.id = :id', { id: north.customers[0].id }))).toBe(shapeOf(base().andWhere('conversation.id = :id', { id: south.customers[0].id })));
  });

  it('outside production, catch a shape that misses what made its text', () => {
    const texts = new StatementTexts(true);
    const scope = scopeOf(staffOf(north));
    texts.reuse(scope.customers('customer'));
    const builder = scope.customers('customer');
    // Something a shape can't see: a comment written straight onto the builder's text.
    const build = builder.getQuery.bind(builder);
    builder.getQuery = () => `${build()} /* changed */`;
    expect(() => texts.reuse(builder)).toThrow(/different SQL/);
  });

  it('keep no more shapes than their capacity, the oldest going first', () => {
    const texts = new StatementTexts(true, 2);
    const scope = scopeOf(staffOf(north));
    for (const limit of [1, 2, 3]) texts.reuse(scope.customers('customer').limit(limit));
    expect(texts.sizeOf(gateway.dataSource)).toBe(2);
    const again = scope.customers('customer').limit(3);
    texts.reuse(again);
    expect(again.getQuery()).toMatch(/LIMIT 3$/);
  });
});
