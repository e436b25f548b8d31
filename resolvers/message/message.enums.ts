import { registerEnumType } from 'type-graphql';
import { MessageKind } from '../../entities/message.entity.js';

registerEnumType(MessageKind, { name: 'MessageKind' });

export { MessageKind };
