import { registerEnumType } from 'type-graphql';
import { ConversationChannel, ConversationPriority, ConversationStatus } from '../../entities/conversation.entity.js';
import { ConversationOrder } from './conversation-order.js';

registerEnumType(ConversationStatus, {
  name: 'ConversationStatus',
  description: 'Where a thread stands. A customer writing into a RESOLVED or CLOSED thread reopens it.',
  valuesConfig: {
    OPEN: { description: 'Needs the pharmacy: in the working inbox.' },
    PENDING: { description: 'Waiting on the customer or on something else (e.g. a delivery).' },
    RESOLVED: { description: 'Answered; out of the working inbox until the customer writes again.' },
    CLOSED: { description: 'Done for good, e.g. archived by a partner system.' },
  },
});
registerEnumType(ConversationPriority, { name: 'ConversationPriority', description: 'How urgent the pharmacy considers a thread; NORMAL unless set.' });
registerEnumType(ConversationChannel, {
  name: 'ConversationChannel',
  description: 'Where the thread started. SMS and WHATSAPP label imported threads.',
});

registerEnumType(ConversationOrder, {
  name: 'ConversationOrder',
  description: 'How the conversations query sorts.',
  valuesConfig: {
    NEWEST_ACTIVITY: { description: 'Newest activity first (the default).' },
    WAITING_LONGEST: {
      description: 'Only conversations awaiting a reply (as filter.awaitingReply), the one whose oldest unanswered customer message is oldest first.',
    },
    PRIORITY: { description: 'URGENT first, then HIGH, NORMAL, LOW; newest activity first within a priority.' },
  },
});

export { ConversationChannel, ConversationOrder, ConversationPriority, ConversationStatus };
