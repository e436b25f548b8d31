import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context.js';
import { CustomerService } from '../customer/customer.service.js';
import { ChatTokenType } from './chat-token.type.js';

@Resolver()
export class ChatTokenResolver {
  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => ChatTokenType, { description: 'A chat token and link for one customer, e.g. to send by SMS.' })
  async issueChatToken(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<ChatTokenType> {
    const customer = await new CustomerService(context.scope).get(customerId, 'customerId');
    const { token, expiresAt } = await context.gateway.tokens.issueChatToken({
      organizationId: customer.organizationId,
      customerId: customer.id,
    });
    const organization = await context.scope.organization();
    const link = new URL('/widget/', context.gateway.config.publicUrl);
    link.searchParams.set('org', organization.slug);
    link.searchParams.set('counterchat_token', token);
    return { token, expiresAt, chatLink: link.toString() };
  }
}
