import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { issueChatToken, type ChatToken } from './chat-token.service.js';
import { ChatTokenType } from './chat-token.type.js';

@Resolver()
export class ChatTokenResolver {
  @Authorized(Permission.WRITE_CUSTOMERS)
  @Mutation(() => ChatTokenType, { description: 'A chat token and link for one customer, e.g. to send by SMS.' })
  issueChatToken(@Arg('customerId', () => ID) customerId: string, @Ctx() context: RequestContext): Promise<ChatToken> {
    return issueChatToken(context.scope, customerId, {
      tokens: context.gateway.tokens,
      publicUrl: context.gateway.config.publicUrl,
    });
  }
}
