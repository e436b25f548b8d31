import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { MailDelivery } from '../../entities/mail-delivery.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { recentMailDeliveries } from './mail-delivery.service.js';
import { MailDeliveryType } from './mail-delivery.type.js';

@Resolver(() => MailDeliveryType)
export class MailDeliveryResolver {
  @Authorized(Permission.MANAGE_STAFF)
  @Query(() => [MailDeliveryType], { description: "The pharmacy's e-mails (invitations, password resets), newest first, with how their sending went (at most 100)." })
  mailDeliveries(@Arg('first', () => Int, { defaultValue: 50 }) first: number, @Ctx() context: RequestContext): Promise<MailDelivery[]> {
    return recentMailDeliveries(context.scope, first);
  }
}
