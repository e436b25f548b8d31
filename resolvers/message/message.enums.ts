import { registerEnumType } from 'type-graphql';
import { MessageKind } from '../../entities/message.entity.js';

registerEnumType(MessageKind, {
  name: 'MessageKind',
  description: 'Who wrote a message: a person or system, or Counterchat itself.',
  valuesConfig: {
    TEXT: { description: 'Written by a person or partner system, possibly with attachments.' },
    SYSTEM: { description: 'Recorded by Counterchat (status or assignee changes); see systemEvent.' },
  },
});

export { MessageKind };
