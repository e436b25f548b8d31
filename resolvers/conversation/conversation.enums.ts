import { registerEnumType } from 'type-graphql';
import { ConversationChannel, ConversationPriority, ConversationStatus } from '../../entities/conversation.entity.js';

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

export { ConversationChannel, ConversationPriority, ConversationStatus };
