import { describe, expect, it } from '@jest/globals';
import { buildSchema, getNamedType, isInterfaceType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { readFileSync } from 'node:fs';
import { STREAM_ARGUMENTS, VIEWER_DEPENDENT_FIELDS, VIEWER_INDEPENDENT_FIELDS } from '../../../gateway/pipeline/viewer-dependent-fields.js';

/**
 * Walks the checked-in schema from the Subscription type through every object type a live
 * event can reach (unions included), so a field added anywhere a subscription reaches must be
 * classified in gateway/pipeline/viewer-dependent-fields.ts before it can be shared: until
 * then the gateway resolves it per viewer, and this test says so.
 */
const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));

function reachableFields(): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const queue: GraphQLNamedType[] = [schema.getSubscriptionType()!];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const type = queue.shift()!;
    if (seen.has(type.name)) continue;
    seen.add(type.name);
    if (isUnionType(type) || isInterfaceType(type)) queue.push(...schema.getPossibleTypes(type));
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    fields.set(type.name, Object.keys(type.getFields()));
    for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
  }
  return fields;
}

describe('viewer-dependent fields', () => {
  const reachable = reachableFields();

  it('classifies every field a subscription can reach as viewer-independent or viewer-dependent', () => {
    const unclassified = [...reachable].flatMap(([type, fields]) =>
      fields.filter((field) => !VIEWER_INDEPENDENT_FIELDS[type]?.includes(field) && !VIEWER_DEPENDENT_FIELDS[type]?.includes(field)).map((field) => `${type}.${field}`),
    );
    expect(unclassified).toEqual([]);
  });

  it('names only fields that exist and that a subscription reaches, each in one list', () => {
    const listed = [VIEWER_INDEPENDENT_FIELDS, VIEWER_DEPENDENT_FIELDS].flatMap((list) =>
      Object.entries(list).flatMap(([type, fields]) => fields.map((field) => `${type}.${field}`)),
    );
    const known = [...reachable].flatMap(([type, fields]) => fields.map((field) => `${type}.${field}`));
    expect(listed.filter((name) => !known.includes(name))).toEqual([]);
    expect(listed.filter((name, index) => listed.indexOf(name) !== index)).toEqual([]);
  });

  it("lists the viewer's own unread count as viewer-dependent", () => {
    expect(VIEWER_DEPENDENT_FIELDS.Conversation).toContain('unreadCount');
  });

  it('names stream arguments that the subscription fields have', () => {
    const subscription = schema.getSubscriptionType()!.getFields();
    for (const [field, names] of Object.entries(STREAM_ARGUMENTS)) {
      expect(subscription[field]).toBeDefined();
      for (const name of names) expect(subscription[field]!.args.map((argument) => argument.name)).toContain(name);
    }
  });
});
