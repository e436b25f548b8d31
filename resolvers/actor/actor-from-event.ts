import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ActorType } from '../../entities/actor-type.js';
import { ApiKey } from '../../entities/api-key.entity.js';
import { Customer } from '../../entities/customer.entity.js';
import { StaffUser } from '../../entities/staff-user.entity.js';
import type { Viewer } from '../../gateway/auth/viewer.js';
import type { Actor } from '../../gateway/loaders/actor-loader.js';
import type { PublishedActor } from '../../gateway/pubsub/event-payloads.js';

/** What an event says of an actor: what `ActorFields`, spread by every client, asks for. */
const PUBLISHED_FIELDS: ReadonlySet<string> = new Set(['__typename', 'id', 'name']);
/** And of a staff member it knew to be active, that they are: what the dashboard asks of every staff sender. */
const ACTIVE_STAFF_FIELDS: ReadonlySet<string> = new Set([...PUBLISHED_FIELDS, 'active']);

const TYPE_NAME: Record<ActorType, string> = {
  [ActorType.STAFF]: 'StaffMember',
  [ActorType.CUSTOMER]: 'Customer',
  [ActorType.PARTNER]: 'PartnerApp',
};

/**
 * The actor an event named (a message's sender), as the entity the Actor union resolves,
 * when the query asks nothing of it beyond its type, id and name (and, of a staff member the
 * event knew to be active, `active`); undefined otherwise, and
 * the caller loads it as for any other message. Also undefined where the viewer's loader
 * would find nothing: a customer sees no other customer.
 */
export function actorFromEvent(published: PublishedActor | undefined, viewer: Viewer, info: GraphQLResolveInfo): Actor | undefined {
  if (!published || published.name === null) return undefined;
  if (viewer.kind === 'anonymous') return undefined;
  if (published.type === ActorType.CUSTOMER && viewer.kind === 'customer' && published.id !== viewer.customerId) return undefined;
  // Only `active: true` is served from the event: a former staff member's row would need the date they left.
  const activeStaff = published.type === ActorType.STAFF && published.active === true;
  if (!asksOnlyPublishedFields(info, TYPE_NAME[published.type], activeStaff)) return undefined;
  const fields = { id: published.id, name: published.name };
  switch (published.type) {
    case ActorType.STAFF:
      return Object.assign(new StaffUser(), fields, activeStaff ? { deactivatedAt: null } : {});
    case ActorType.CUSTOMER:
      return Object.assign(new Customer(), fields);
    case ActorType.PARTNER:
      return Object.assign(new ApiKey(), fields);
  }
}

/** A subscription runs the same document for every event: the answer is kept per field node, type and whether `active` is known. */
const answers = new WeakMap<object, Map<string, boolean>>();

function asksOnlyPublishedFields(info: GraphQLResolveInfo, typeName: string, activeStaff: boolean): boolean {
  const published = activeStaff ? ACTIVE_STAFF_FIELDS : PUBLISHED_FIELDS;
  const [only, ...more] = info.fieldNodes;
  if (!only) return false;
  if (more.length > 0) return info.fieldNodes.every((node) => !node.selectionSet || selectsOnlyPublished(node.selectionSet, info, typeName, published));
  let byType = answers.get(only);
  if (!byType) answers.set(only, (byType = new Map()));
  const known = activeStaff ? `${typeName}+active` : typeName;
  let answer = byType.get(known);
  if (answer === undefined) byType.set(known, (answer = !only.selectionSet || selectsOnlyPublished(only.selectionSet, info, typeName, published)));
  return answer;
}

/** Fragments on another member of the union don't apply; those on this type or on `Actor` do. */
function selectsOnlyPublished(selectionSet: SelectionSetNode, info: GraphQLResolveInfo, typeName: string, published: ReadonlySet<string>): boolean {
  const applies = (condition: string | undefined) => condition === undefined || condition === typeName || condition === 'Actor';
  return selectionSet.selections.every((selection) => {
    switch (selection.kind) {
      case Kind.FIELD:
        return published.has(selection.name.value);
      case Kind.INLINE_FRAGMENT:
        return !applies(selection.typeCondition?.name.value) || selectsOnlyPublished(selection.selectionSet, info, typeName, published);
      case Kind.FRAGMENT_SPREAD: {
        const fragment = info.fragments[selection.name.value];
        return !!fragment && (!applies(fragment.typeCondition.name.value) || selectsOnlyPublished(fragment.selectionSet, info, typeName, published));
      }
    }
  });
}
