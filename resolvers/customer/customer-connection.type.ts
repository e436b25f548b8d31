import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../pagination/connection.type.js';
import { CustomerType } from './customer.type.js';

@ObjectType('CustomerConnection', { description: 'A page of customers.' })
export class CustomerConnectionType extends ConnectionType('Customer', CustomerType) {}
