import { describe, expect, it } from '@jest/globals';
import { defaultFieldResolver, type GraphQLObjectType } from 'graphql';
import { StaffRole } from '../../entities/staff-user.entity.js';
import { buildCounterchatSchema } from '../../schema/build-schema.js';

/**
 * Most of a response is columns: they must resolve as plain reads. A type-graphql global
 * middleware would turn every one of them into a chain of promises (the inbox spent a fifth
 * of its time there); the schema's checks wrap only the fields they are about.
 */
describe('the built schema', () => {
  it('resolves a plain column synchronously, and still checks the arguments of fields that take them', async () => {
    const schema = await buildCounterchatSchema();
    const subject = (schema.getType('Conversation') as GraphQLObjectType).getFields().subject!;
    const info = { operation: { operation: 'query' } } as never;
    const context = { viewer: { kind: 'staff', organizationId: 'o-1', staffId: 's-1', role: StaffRole.PHARMACIST } } as never;
    expect((subject.resolve ?? defaultFieldResolver)({ subject: 'Repeat prescription' }, {}, context, info)).toBe('Repeat prescription');
    const send = schema.getMutationType()!.getFields().sendMessage!;
    expect(() => send.resolve!({}, { input: { body: 'nul\u0000' } }, context, info)).toThrow('"body" contains a NUL character');
  });
});
