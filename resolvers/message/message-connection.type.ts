import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection.type.js';
import { MessageType } from './message.type.js';

@ObjectType('MessageConnection')
export class MessageConnectionType extends ConnectionType('Message', MessageType) {}
