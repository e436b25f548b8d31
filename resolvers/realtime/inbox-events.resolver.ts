import { Authorized, Resolver, Root, Subscription } from 'type-graphql';
import type { Conversation } from '../../entities/conversation.entity.js';
import { Permission } from '../../gateway/auth/permission.js';
import type { RequestContext } from '../../gateway/context/request-context.js';
import { busStream } from '../../gateway/pubsub/bus-stream.js';
import type { InboxEventPayload } from '../../gateway/pubsub/event-payloads.js';
import { reviveConversation } from '../../gateway/pubsub/revived-rows.js';
import { ConversationType } from '../conversation/conversation.type.js';

/**
 * The organization's inbox rows as they change. Staff and partners get every
 * conversation of their pharmacy; a customer only their own (decided from the
 * event itself, without a query).
 */
function inboxStream(context: RequestContext): AsyncIterable<InboxEventPayload> {
  const viewer = context.signedInViewer;
  return busStream(
    context.gateway.realtime.bus,
    'inbox',
    viewer.organizationId,
    ({ conversation }) => viewer.kind !== 'customer' || conversation.customerId === viewer.customerId,
    context.liveTail,
  );
}

@Resolver(() => ConversationType)
export class InboxEventsResolver {
  @Authorized(Permission.READ_CONVERSATIONS)
  @Subscription(() => ConversationType, {
    description: 'A conversation was created or changed (message, status, assignee, priority, read position). Fields such as unreadCount are the viewer’s own.',
    subscribe: ({ context }) => inboxStream(context as RequestContext),
  })
  inboxEvents(@Root() event: InboxEventPayload): Conversation {
    return reviveConversation(event.conversation);
  }
}
