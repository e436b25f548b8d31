import { registerEnumType } from 'type-graphql';
import { ConversationChannel, ConversationPriority, ConversationStatus } from '../../entities/conversation.entity.js';

registerEnumType(ConversationStatus, { name: 'ConversationStatus' });
registerEnumType(ConversationPriority, { name: 'ConversationPriority' });
registerEnumType(ConversationChannel, {
  name: 'ConversationChannel',
  description: 'Where the thread started. SMS and WHATSAPP label imported threads.',
});

export { ConversationChannel, ConversationPriority, ConversationStatus };
