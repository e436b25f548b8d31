import { registerEnumType } from 'type-graphql';
import { StaffRole } from '../../entities/staff-user.entity.js';

registerEnumType(StaffRole, { name: 'StaffRole' });

export { StaffRole };
