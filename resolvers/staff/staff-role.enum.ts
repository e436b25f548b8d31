import { registerEnumType } from 'type-graphql';
import { StaffRole } from '../../entities/staff-user.entity.js';

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'What a staff member may do beyond answering customers.',
  valuesConfig: {
    ADMIN: { description: 'Runs the pharmacy account: API keys, webhooks, statistics.' },
    PHARMACIST: { description: 'Answers customers and sees the statistics.' },
    STAFF: { description: 'Answers customers.' },
  },
});

export { StaffRole };
