import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection.type.js';
import { MessageType } from './message.type.js';

@ObjectType('MessageConnection', { description: 'A page of messages, oldest first within the page.' })
export class MessageConnectionType extends ConnectionType('Message', MessageType) {}
