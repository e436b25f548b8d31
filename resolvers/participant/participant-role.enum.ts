import { registerEnumType } from 'type-graphql';
import { ParticipantRole } from '../../entities/participant.entity.js';

registerEnumType(ParticipantRole, {
  name: 'ParticipantRole',
  description: 'How someone takes part in a conversation.',
  valuesConfig: {
    CUSTOMER: { description: 'The customer the thread is with.' },
    ASSIGNEE: { description: 'The staff member it is assigned to.' },
    AGENT: { description: 'Other staff who wrote or read in it.' },
    INTEGRATION: { description: 'A partner system (API key) that wrote in it.' },
  },
});

export { ParticipantRole };
