import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection.type.js';
import { MessageSearchHitType } from './message-search-hit.type.js';

@ObjectType('MessageSearchConnection', { description: 'Search hits, best first (rank, then newest).' })
export class MessageSearchConnectionType extends ConnectionType('MessageSearchHit', MessageSearchHitType) {}
