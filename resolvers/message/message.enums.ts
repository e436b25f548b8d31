import { registerEnumType } from 'type-graphql';
import { MessageKind, MessageVisibility } from '../../entities/message.entity.js';

registerEnumType(MessageKind, {
  name: 'MessageKind',
  description: 'Who wrote a message: a person or system, or Counterchat itself.',
  valuesConfig: {
    TEXT: { description: 'Written by a person or partner system, possibly with attachments.' },
    SYSTEM: { description: 'Recorded by Counterchat (status or assignee changes); see systemEvent.' },
    NOTE: { description: 'An internal note by staff (writeNote): visibility TEAM, never shown to customers; partners need notes:read.' },
  },
});

registerEnumType(MessageVisibility, {
  name: 'MessageVisibility',
  description: 'Who may read a message.',
  valuesConfig: {
    EVERYONE: { description: 'The customer and the pharmacy team.' },
    TEAM: { description: 'The pharmacy team only: never shown to the customer, their exports or webhook endpoints for customers.' },
  },
});

export { MessageKind, MessageVisibility };
