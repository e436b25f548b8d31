import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { whatsAppWindowOf } from '../channel/whatsapp-window.js';
import { WhatsAppWindowType } from '../channel/whatsapp-window.type.js';
import { ConversationType } from './conversation.type.js';

/** What a thread's WhatsApp or SMS connection means for replying in it (issue 22). */
@Resolver(() => ConversationType)
export class ConversationChannelResolver {
  @FieldResolver(() => WhatsAppWindowType, { nullable: true, description: 'Set for conversations that came in through WhatsApp: whether a free-form reply may be sent, and the templates that may.' })
  async whatsAppWindow(@Root() conversation: Conversation, @Ctx() context: RequestContext): Promise<WhatsAppWindowType | null> {
    // A conversation revived from a live event doesn't carry its connection: read the row.
    const row = conversation.channelConnectionId === undefined ? await context.loaders.conversations.load(conversation.id) : conversation;
    if (!row?.channelConnectionId) return null;
    const window = await whatsAppWindowOf(context.scope, row);
    return window ? { open: window.closesAt !== null, closesAt: window.closesAt, lastCustomerMessageAt: window.lastCustomerMessageAt, templates: window.templates } : null;
  }
}
