import type { MailDelivery } from '../../entities/mail-delivery.entity.js';
import type { OrganizationScope } from '../../gateway/tenancy/organization-scope.js';

/** The pharmacy's recent e-mails and how their sending went, newest first (at most 100). */
export function recentMailDeliveries(scope: OrganizationScope, first: number): Promise<MailDelivery[]> {
  return scope
    .mailDeliveries('delivery')
    .orderBy('delivery.createdAt', 'DESC')
    .addOrderBy('delivery.id', 'DESC')
    .limit(Math.min(Math.max(first, 1), 100))
    .getMany();
}
