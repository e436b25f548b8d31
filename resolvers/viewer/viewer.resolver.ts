import { Ctx, Query, Resolver } from 'type-graphql';
import { permissionsOf } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { ViewerKind, ViewerType } from './viewer.type.js';

const KIND = { staff: ViewerKind.STAFF, customer: ViewerKind.CUSTOMER, partner: ViewerKind.PARTNER } as const;

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'Null when no credentials were sent.' })
  async viewer(@Ctx() context: RequestContext): Promise<ViewerType | null> {
    const viewer = context.viewer;
    if (viewer.kind === 'anonymous') return null;
    const { loaders } = context;
    const [organization, staff, customer, partner] = await Promise.all([
      context.scope.organization(),
      viewer.kind === 'staff' ? loaders.staff.load(viewer.staffId) : null,
      viewer.kind === 'customer' ? loaders.customers.load(viewer.customerId) : null,
      viewer.kind === 'partner' ? loaders.apiKeys.load(viewer.apiKeyId) : null,
    ]);
    return { kind: KIND[viewer.kind], organization, staff, customer, partner, permissions: [...permissionsOf(viewer)] };
  }
}
