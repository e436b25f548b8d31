import { registerEnumType } from 'type-graphql';
import { ParticipantRole } from '../../entities/participant.entity.js';

registerEnumType(ParticipantRole, { name: 'ParticipantRole' });

export { ParticipantRole };
