import { Customer } from '../../entities/customer.entity.js';
import { AuditAction } from '../../gateway/audit/audit-action.js';
import type { RealtimePublisher } from '../../gateway/pubsub/realtime-publisher.js';
import type { TenantScope } from '../../gateway/tenancy/tenant-scope.js';

/**
 * Blocking a customer: nothing is deleted; while blocked every chat token of theirs is
 * refused (gateway/auth/authenticate.ts), their open sockets close through the same `access`
 * event as erasure's revocation, and the widget says only "This chat is not available".
 * Unblocking leaves the tokens from before the block revoked: the pharmacy sends a new link.
 */
export class CustomerBlockingService {
  constructor(
    private readonly scope: TenantScope,
    private readonly realtime: RealtimePublisher,
  ) {}

  block(customerId: string): Promise<Customer> {
    return this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer').setLock('pessimistic_write'), customerId, 'customerId', 'Customer');
      if (customer.blockedAt) return customer;
      const now = new Date();
      await tx.update(Customer, { id: customer.id }, { blockedAt: now, chatTokensRevokedAt: now });
      await tx.audit(AuditAction.CUSTOMER_BLOCKED, { type: 'Customer', id: customer.id });
      tx.afterCommit(`access:${customer.id}`, () => this.realtime.chatTokensRevoked(customer.organizationId, customer.id));
      return Object.assign(customer, { blockedAt: now });
    });
  }

  unblock(customerId: string): Promise<Customer> {
    return this.scope.transaction(async (tx) => {
      const customer = await tx.findOne(tx.customers('customer').setLock('pessimistic_write'), customerId, 'customerId', 'Customer');
      if (!customer.blockedAt) return customer;
      await tx.update(Customer, { id: customer.id }, { blockedAt: null });
      await tx.audit(AuditAction.CUSTOMER_UNBLOCKED, { type: 'Customer', id: customer.id });
      return Object.assign(customer, { blockedAt: null });
    });
  }
}
