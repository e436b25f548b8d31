import type { TenantScope } from '../tenancy/tenant-scope.js';
import { actorLoader } from './actor-loader.js';
import { byIdLoader, byParentLoader } from './row-loaders.js';
import { messageRangeLoader } from './message-range-loader.js';
import { latestMessageLoader } from './latest-message-loader.js';
import { unreadCountLoader } from './unread-count-loader.js';
import { conversationLabelsLoader } from './conversation-labels-loader.js';

/**
 * Every relation a field resolver returns goes through one of these. Made per
 * request (or per subscription event) from the viewer's scope and thrown away
 * after, so nothing cached crosses viewers or outlives a mutation's request.
 */
export function createLoaders(scope: TenantScope) {
  const staff = byIdLoader(() => scope.staff('staff'));
  const customers = byIdLoader(() => scope.customers('customer'));
  const apiKeys = byIdLoader(() => scope.apiKeys('apiKey'));
  return {
    staff,
    customers,
    apiKeys,
    actors: actorLoader({ staff, customers, apiKeys }),
    conversations: byIdLoader(() => scope.conversations('conversation')),
    messages: byIdLoader(() => scope.messages('message')),
    messageRanges: messageRangeLoader(scope),
    latestMessages: latestMessageLoader(scope),
    unreadCounts: unreadCountLoader(scope),
    labelsByConversation: conversationLabelsLoader(scope),
    participantsByConversation: byParentLoader(() => scope.participants('participant'), 'conversationId', 'joinedAt'),
    attachmentsByMessage: byParentLoader(() => scope.attachments('attachment'), 'messageId', 'createdAt'),
    reactionsByMessage: byParentLoader(() => scope.reactions('reaction'), 'messageId', 'createdAt'),
    /** At most one each: replies through WhatsApp or SMS. */
    deliveriesByMessage: byParentLoader(() => scope.messageDeliveries('delivery'), 'messageId', 'createdAt'),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
