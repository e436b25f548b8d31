import { registerEnumType } from 'type-graphql';
import { NotifiedConversations } from '../../entities/staff-notification-preference.entity.js';

registerEnumType(NotifiedConversations, {
  name: 'NotifiedConversations',
  description: 'Which conversations a staff member is notified about.',
  valuesConfig: {
    MINE: { description: 'Those assigned to me.' },
    MINE_AND_UNASSIGNED: { description: 'Those assigned to me or to nobody (the default).' },
    ALL: { description: 'Every conversation of the pharmacy.' },
  },
});

export { NotifiedConversations };
