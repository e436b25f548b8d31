import { Field, ObjectType, type ClassType } from 'type-graphql';
import { PageInfoType } from './page-info.type.js';
import type { Edge } from './page.js';

/**
 * A Relay connection type for `Item`, named `<name>Connection` with edges `<name>Edge`.
 * Subclass it with `@ObjectType('<name>Connection')` to add fields such as totalCount.
 */
export function ConnectionType<T extends object>(name: string, Item: ClassType<T>) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class EdgeType implements Edge<T> {
    @Field(() => Item)
    node: T;

    @Field({ description: 'Opaque; pass to `after` or `before`.' })
    cursor: string;
  }

  @ObjectType()
  abstract class Connection {
    @Field(() => [EdgeType])
    edges: Edge<T>[];

    @Field(() => PageInfoType)
    pageInfo: PageInfoType;
  }

  return Connection;
}
