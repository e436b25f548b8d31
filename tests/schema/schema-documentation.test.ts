import { describe, expect, it } from '@jest/globals';
import { buildSchema, isEnumType, isScalarType, isSpecifiedScalarType } from 'graphql';
import { readFileSync } from 'node:fs';

/**
 * Partners read the API from introspection or from schema/schema.graphql: every type a
 * partner meets, and every operation they can call, says what it is for.
 */
const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const rootTypes = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];

describe('the schema documents itself', () => {
  it('describes every named type', () => {
    const undocumented = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__') && !rootTypes.includes(type as never))
      .filter((type) => !(isScalarType(type) && isSpecifiedScalarType(type)))
      .filter((type) => !type.description?.trim())
      .map((type) => type.name);
    expect(undocumented).toEqual([]);
  });

  it('describes every query, mutation and subscription', () => {
    const undocumented = rootTypes.flatMap((root) =>
      Object.values(root!.getFields())
        .filter((field) => !field.description?.trim())
        .map((field) => `${root!.name}.${field.name}`),
    );
    expect(undocumented).toEqual([]);
  });

  it('describes the values of enums whose names alone are ambiguous', () => {
    for (const name of ['ConversationStatus', 'ApiKeyScope', 'WebhookEventType', 'StaffRole']) {
      const type = schema.getType(name);
      expect(isEnumType(type)).toBe(true);
      if (!isEnumType(type)) continue;
      expect(type.getValues().filter((value) => !value.description).map((value) => value.name)).toEqual([]);
    }
  });
});
