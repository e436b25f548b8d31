import { Authorized, Ctx, Resolver, Root, Subscription } from 'type-graphql';
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
  inboxEvents(@Root() event: InboxEventPayload, @Ctx() context: RequestContext): Conversation | Promise<Conversation> {
    const published = reviveConversation(event.conversation);
    if (!event.read) return published;
    // A read position is written without locking the row, so the row in its event is as the
    // reader loaded it, maybe older than a priority or status change heard before it. Read as
    // it stands now instead: events reach a subscriber in the order they were heard, so the
    // last one of a thread carries its newest row.
    return context.loaders.conversations.load(event.conversation.id).then((row) => row ?? published);
  }
}
