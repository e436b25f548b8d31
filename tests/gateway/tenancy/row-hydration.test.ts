import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Conversation, ConversationChannel, ConversationPriority, ConversationStatus } from '../../../entities/conversation.entity.js';
import { Customer } from '../../../entities/customer.entity.js';
import { StaffRole, StaffUser } from '../../../entities/staff-user.entity.js';
import type { SignedInViewer } from '../../../gateway/auth/viewer.js';
import { hydrate, hydrationPlanOf } from '../../../gateway/tenancy/row-hydration.js';
import { TenantScope } from '../../../gateway/tenancy/tenant-scope.js';
import { createPharmacy, type PharmacyFixture } from '../../support/fixtures.js';
import { startTestGateway, type TestGateway } from '../../support/test-gateway.js';

let gateway: TestGateway;
let north: PharmacyFixture;
let conversationId: string;

const staffOf = (pharmacy: PharmacyFixture): SignedInViewer => ({ kind: 'staff', organizationId: pharmacy.organization.id, staffId: pharmacy.admin.id, role: StaffRole.ADMIN });
const scope = () => TenantScope.forViewer(staffOf(north), gateway.dataSource);
/** The inbox list's way of reading a conversation with its customer and assignee. */
const withRelations = () =>
  scope()
    .conversations('conversation')
    .andWhere('conversation.id = :id', { id: conversationId })
    .leftJoinAndMapOne('conversation.listedCustomer', Customer, 'listedCustomer', 'listedCustomer.id = conversation.customerId')
    .leftJoinAndMapOne('conversation.listedAssignee', StaffUser, 'listedAssignee', 'listedAssignee.id = conversation.assigneeId');

beforeAll(async () => {
  gateway = await startTestGateway();
  north = await createPharmacy(gateway.dataSource, gateway.tokens, 'hydration-north');
  const conversation = await scope().insert(Conversation, { customerId: north.customers[0].id, channel: ConversationChannel.WIDGET, priority: ConversationPriority.NORMAL, status: ConversationStatus.OPEN, subject: 'Hydrated' });
  conversationId = conversation.id;
});

afterAll(() => gateway?.dispose());

describe('rows hydrated by a plan', () => {
  it('are the entities getMany makes: joined rows mapped on, a join that found nothing as null', async () => {
    const query = withRelations();
    const plan = hydrationPlanOf(query);
    expect(plan).toBeDefined();
    const [hydrated] = hydrate<Conversation>(plan!, await query.getRawMany());
    const [reference] = await withRelations().getMany();
    expect(hydrated).toBeInstanceOf(Conversation);
    expect((hydrated as unknown as { listedCustomer: Customer }).listedCustomer).toBeInstanceOf(Customer);
    expect((hydrated as unknown as { listedAssignee: StaffUser | null }).listedAssignee).toBeNull();
    expect(hydrated!.createdAt).toBeInstanceOf(Date);
    expect(hydrated).toEqual(reference);
  });

  it('take each row once, as TypeORM groups them by key', async () => {
    const query = withRelations();
    const rows = await query.getRawMany();
    expect(hydrate(hydrationPlanOf(query)!, [...rows, ...rows])).toHaveLength(1);
  });

  it("are left to TypeORM's transformer for what a plan doesn't cover", () => {
    expect(hydrationPlanOf(scope().conversations('conversation').select(['conversation.id']))).toBeUndefined();
    expect(hydrationPlanOf(scope().conversations('conversation').leftJoinAndSelect('conversation.customer', 'customer'))).toBeUndefined();
    expect(hydrationPlanOf(scope().conversations('conversation').take(5).leftJoinAndMapOne('conversation.listedCustomer', Customer, 'listedCustomer', 'listedCustomer.id = conversation.customerId'))).toBeUndefined();
    expect(hydrationPlanOf(scope().conversations('conversation').setLock('pessimistic_write'))).toBeUndefined();
  });
});
